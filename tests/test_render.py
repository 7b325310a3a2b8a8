import pytest

from responders.views.render import highlighted_html, segments


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


@pytest.mark.parametrize(
    "hostile",
    ["[clic](https://evil.example)", "**Dr** _X_", ":red[alerte] :material/warning:", "![img](x.png)", "$x^2$", "<b>x</b>"],
)
def test_markdown_escape_leaves_no_markup_active(hostile):
    from responders.views.render import md_escape

    escaped = md_escape(hostile)
    # every special character is preceded by a backslash, and removing them gives the text back
    assert escaped.replace("\\", "") == hostile.replace("\\", "")
    for i, ch in enumerate(escaped):
        if ch in "[]()*_:!$<>" and (i == 0 or escaped[i - 1] != "\\"):
            raise AssertionError(f"unescaped {ch!r} in {escaped!r}")


def test_a_hostile_listing_name_is_shown_verbatim_in_the_triage_caption(tmp_path, monkeypatch):
    from sqlmodel import Session, select
    from streamlit.testing.v1 import AppTest

    from responders.importers.demo import load_demo
    from responders.store.engine import make_engine
    from responders.store.models import Location

    url = f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("RESPONDERS_DATABASE_URL", url)
    engine = make_engine(url)
    load_demo(engine)
    with Session(engine) as session:
        for loc in session.exec(select(Location)).all():
            loc.name = "[Cabinet](https://evil.example) :red[x]"
            session.add(loc)
        session.commit()
    from responders.people.accounts import Account, add_user

    at = AppTest.from_file("../app_pages/triage.py", default_timeout=60)
    with Session(engine) as session:
        add_user(session, "Claire", "secretariat", "mot-de-passe-de-test")
        session.commit()
    at.session_state["account"] = Account(name="Claire", role="secretariat")
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption if "statut" in c.value]
    assert captions and all(c.startswith(r"\[Cabinet\]\(https\:") for c in captions)
