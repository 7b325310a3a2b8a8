import json
import subprocess
import sys

import pytest
from sqlmodel import Session, select

from responders.people import accounts
from responders.store.models import AuditEvent, User


def test_password_is_stored_as_an_argon2_hash(engine):
    with Session(engine) as session:
        account = accounts.add_user(session, "Claire", "secretariat", "correct horse")
        session.commit()
        user = session.exec(select(User)).one()
    assert account.role == "secretariat" and not account.demo
    assert user.password_hash.startswith("$argon2") and "correct horse" not in user.password_hash


def test_sign_in_and_refusals_are_journaled(engine):
    with Session(engine) as session:
        accounts.add_user(session, "Claire", "secretariat", "correct horse")
        assert accounts.sign_in(session, "claire", "correct horse").name == "Claire"
        with pytest.raises(accounts.SignInRefused, match="incorrect"):
            accounts.sign_in(session, "Claire", "wrong password")
        with pytest.raises(accounts.SignInRefused, match="incorrect"):
            accounts.sign_in(session, "Nobody", "wrong password")
        session.commit()
        actions = [(e.user, e.action) for e in session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert actions[1:] == [("Claire", "sign_in"), ("Claire", "sign_in_refused"), ("Nobody", "sign_in_refused")]


def test_too_many_failures_lock_the_name(engine):
    with Session(engine) as session:
        accounts.add_user(session, "Claire", "secretariat", "correct horse")
        for _ in range(accounts.MAX_FAILURES):
            with pytest.raises(accounts.SignInRefused):
                accounts.sign_in(session, "Claire", "nope nope")
        with pytest.raises(accounts.SignInRefused, match="Trop de tentatives"):
            accounts.sign_in(session, "Claire", "correct horse")


def test_bad_accounts_are_refused_in_french(engine):
    with Session(engine) as session:
        accounts.add_user(session, "Claire", "secretariat", "correct horse")
        with pytest.raises(ValueError, match="existe déjà"):
            accounts.add_user(session, "claire", "praticien", "correct horse")
        with pytest.raises(ValueError, match="Rôle inconnu"):
            accounts.add_user(session, "Marc", "chef", "correct horse")
        with pytest.raises(ValueError, match="trop court"):
            accounts.add_user(session, "Marc", "avocat", "court")


def test_first_practitioner_only_on_an_empty_install(engine):
    with Session(engine) as session:
        first = accounts.create_first_practitioner(session, "Dr Martin", "correct horse")
        assert first.role == "praticien"
        with pytest.raises(PermissionError):
            accounts.create_first_practitioner(session, "Intrus", "correct horse")


def test_demo_accounts_only_in_a_database_without_accounts(engine):
    with Session(engine) as session:
        created = accounts.create_demo_accounts(session)
        assert {a.role for a in created} == {"praticien", "secretariat", "avocat"}
        assert all(a.demo for a in created)
        assert accounts.create_demo_accounts(session) == []
        for name, _role, password in accounts.DEMO_ACCOUNTS:
            assert accounts.authenticate(session, name, password) is not None
        praticien = accounts.authenticate(session, "praticien", "demo-praticien")
        with pytest.raises(ValueError, match="votre propre compte praticien"):
            accounts.remove_demo_accounts(session, by=praticien)
        accounts.add_user(session, "Dr Martin", "praticien", "correct horse")
        assert accounts.remove_demo_accounts(session, by=praticien) == 3
        assert [u["name"] for u in accounts.list_users(session)] == ["Dr Martin"]


def test_identity_provider_email_maps_to_an_account(engine):
    with Session(engine) as session:
        accounts.add_user(session, "Avocate", "avocat", None, email="Me.Durand@example.org")
        assert accounts.account_for_email(session, "me.durand@example.org").role == "avocat"
        assert accounts.account_for_email(session, "autre@example.org") is None
        assert accounts.authenticate(session, "Avocate", "") is None  # no password: provider only


def _cli(*args, stdin="", db=None):
    return subprocess.run([sys.executable, "-m", "responders", "users", *args, "--db", db],
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_cli_users_add_and_list(db_url):
    done = _cli("add", "Claire", "--role", "secretariat", stdin="correct horse\n", db=db_url)
    assert done.returncode == 0, done.stderr
    assert "Claire" in done.stderr
    assert _cli("add", "Marc", "--role", "chef", stdin="correct horse\n", db=db_url).returncode == 2
    assert _cli("add", "Marc", "--role", "avocat", stdin="", db=db_url).returncode == 2
    listed = _cli("list", db=db_url)
    assert listed.returncode == 0
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["name"], r["role"]) for r in rows] == [("Claire", "secretariat")]
    assert set(rows[0]) == {"name", "role", "created_at"}
    assert "argon2" not in listed.stdout and "correct horse" not in listed.stdout
