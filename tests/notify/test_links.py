from responders.links import google_link


def test_only_https_google_links_are_links():
    good = [
        "https://www.google.com/maps/reviews/data=!4m8",
        "https://maps.google.com/?cid=123",
        "https://search.google.com/local/reviews?placeid=ChIJ",
        "https://g.page/r/abc/review",
        "https://www.google.fr/maps/place/x",
    ]
    bad = [
        None, "", "http://www.google.com/maps", "data:text/html,<script>alert(1)</script>",
        "javascript:alert(1)", "https://www.google.com.evil.example/maps", "https://evil.example/?www.google.com",
        "https://user@www.google.com/", "https://www.google.com:8443/", "https://goo.gl/xyz",
        "https://www.google.com/maps\nhttps://evil.example", "https://notgoogle.com/",
    ]
    assert [google_link(u) for u in good] == good
    assert [google_link(u) for u in bad] == [None] * len(bad)
