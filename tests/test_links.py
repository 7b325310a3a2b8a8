"""Issue 18, point 11: only https links to Google's own hosts become links."""

from __future__ import annotations

import pytest

from responders.links import google_link, report_link


@pytest.mark.parametrize(
    "url",
    [
        "https://www.google.com/maps/reviews/data=!4m8!14m7",
        "https://maps.google.com/?cid=123&review=abc",
        "https://www.google.fr/maps/place/Cabinet",
        "https://search.google.com/local/reviews?placeid=ChIJ",
        "https://maps.app.goo.gl/AbCdEf",
        "https://www.google.com:443/maps",
        "https://google.ca/maps",
    ],
)
def test_google_https_links_are_kept(url):
    assert google_link(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "http://maps.google.com/?cid=1",  # not https
        "data:text/html,<script>alert(1)</script>",
        "javascript:alert(1)//https://www.google.com",
        "https://google.com@evil.example/",  # userinfo: the host is evil.example
        "https://evil.example\\@google.com/",
        "https://google.com.evil.example/maps",  # look-alike suffix
        "https://notgoogle.com/maps",
        "https://www.google.com:8443/maps",
        "https://www.gооgle.com/maps",  # Cyrillic o
        "https://www.google.com/ma ps",
        "https://www.google.com/\nmaps",
        "//www.google.com/maps",  # scheme-relative
        "https://[::1]/",
        "https://www.google.com:99999/",
        "ftp://www.google.com/",
    ],
)
def test_anything_else_is_refused(url):
    assert google_link(url) is None


def test_report_link_falls_back_to_the_review_link():
    assert report_link("data:x", "https://maps.google.com/?r=1") == "https://maps.google.com/?r=1"
    assert report_link("https://www.google.com/local/review/rap/report?x", None).startswith("https://www.google")
    assert report_link("http://x", "javascript:alert(1)") is None


def test_the_notice_to_google_never_carries_a_foreign_url(engine):
    from sqlmodel import Session

    from responders.export import build_dossier
    from responders.store.models import Review
    from tests.export.conftest import GENERATED_AT, TODAY, seed

    seeded = seed(engine)
    with Session(engine) as session:
        review = session.get(Review, seeded.ids["r1"])
        review.review_url, review.flag_url = "javascript:alert(1)", "http://evil.example/report"
        session.add(review)
        session.commit()
        dossier = build_dossier(session, profile="fr-dentiste", today=TODAY, generated_at=GENERATED_AT,
                                settings=seeded.settings)
    notice = next(e for e in dossier.entries if e.review_id == seeded.ids["r1"]).notice
    assert "javascript:" not in notice and "evil.example" not in notice
    assert "menu « Partager »" in notice
