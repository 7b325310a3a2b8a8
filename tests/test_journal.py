from sqlmodel import Session

from responders.triage.journal import record_event
from responders.views import journal


def test_journal_csv_never_starts_a_cell_with_a_formula(engine):
    with Session(engine) as session:
        record_event(session, user="=HYPERLINK(\"http://evil\")", action="reply_copied",
                            text="+SUM(A1)", detail={"guard": {"allowed": True}})
        record_event(session, user="Claire", action="status", text="@cmd", detail={})
        session.commit()
        frame = journal.events_frame(session)
    data = journal.to_csv(frame).decode("utf-8-sig")
    cells = [cell for line in data.splitlines()[1:] for cell in line.split(";")]
    assert not [c for c in cells if c.strip('"')[:1] in ("=", "+", "-", "@")]
    assert "'=HYPERLINK" in data and "'+SUM(A1)" in data and "'@cmd" in data


def test_journal_filters(engine):
    with Session(engine) as session:
        record_event(session, user="Claire", action="status")
        record_event(session, user="Marc", action="reply_copied", text="Merci.")
        session.commit()
        frame = journal.events_frame(session)
    assert list(journal.filter_events(frame, users=["Marc"])["Action"]) == ["Réponse copiée"]
    assert len(journal.filter_events(frame, actions=["Statut modifié"])) == 1
