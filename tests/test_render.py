import pytest

from responders.render import highlighted_html, segments


def test_review_markup_is_escaped_not_interpreted():
    text = 'Super <script>alert(1)</script> & <img src=x onerror="alert(2)"> **gras**'
    out = highlighted_html(text, [{"start": 6, "end": 14, "qualification": "insult", "explanation": '"><b>x'}])
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in out
    assert 'title="&quot;&gt;&lt;b&gt;x"' in out
    assert out.count("<mark") == 1


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [("abcdef", None)]),
        ([{"start": 1, "end": 3}], [("a", None), ("bc", {"start": 1, "end": 3}), ("def", None)]),
        # overlapping: the earliest (longest on a tie) span wins, text is never duplicated
        ([{"start": 1, "end": 4}, {"start": 2, "end": 5}], [("a", None), ("bcd", {"start": 1, "end": 4}), ("ef", None)]),
        # out-of-range spans are ignored rather than crashing the page
        ([{"start": 4, "end": 99}], [("abcdef", None)]),
    ],
)
def test_segments_cover_the_text_exactly(spans, expected):
    pieces = segments("abcdef", spans)
    assert pieces == expected
    assert "".join(p for p, _ in pieces) == "abcdef"
