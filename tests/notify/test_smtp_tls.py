"""`responders digest --send` over STARTTLS, against a real local aiosmtpd server with a
certificate made for the test (the `cryptography` package is not a dependency: openssl makes it)."""

from __future__ import annotations

import email
import shutil
import ssl
import subprocess
from dataclasses import dataclass, field
from email import policy
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from responders.cli.handlers import main
from responders.notify.smtp import SendFailed, SmtpSettings, send_message
from responders.store.models import AuditEvent
from responders.timeutil import CLOCK_ENV

from .conftest import NOW, free_port

USER, PASSWORD = "cabinet", "s3cret-relais"


@dataclass
class Certificate:
    cert: Path
    key: Path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> Certificate:
    """A self-signed certificate for 127.0.0.1, usable as its own CA file."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl absent : impossible de créer le certificat du serveur de test")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "relay.pem", folder / "relay.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "30", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return Certificate(cert, key)


@dataclass
class Seen:
    """What the server saw: each delivered message with whether its session was encrypted, and
    each login attempt with the same."""

    messages: list[tuple[bool, bytes]] = field(default_factory=list)
    logins: list[tuple[bool, str]] = field(default_factory=list)
    starttls: int = 0


class Handler:
    def __init__(self, seen: Seen) -> None:
        self.seen = seen

    def handle_STARTTLS(self, server, session, envelope):  # noqa: N802 - aiosmtpd calls it without await
        self.seen.starttls += 1
        return True

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.seen.messages.append((session.ssl is not None, envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"


def _authenticator(seen: Seen):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def check(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode()
        seen.logins.append((session.ssl is not None, login))
        ok = login == USER and auth_data.password.decode() == PASSWORD
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

    return check


@pytest.fixture
def tls_server(certificate):
    """Offers STARTTLS and refuses mail before it; with `auth=True` it also requires a login, which
    it only advertises and accepts once the session is encrypted (aiosmtpd's auth_require_tls)."""
    from aiosmtpd.controller import Controller

    started = []

    def start(*, auth: bool = False) -> tuple[int, Seen]:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(certificate.cert), str(certificate.key))
        seen = Seen()
        options = {"auth_required": True, "auth_require_tls": True,
                   "authenticator": _authenticator(seen)} if auth else {}
        controller = Controller(Handler(seen), hostname="127.0.0.1", port=free_port(),
                                tls_context=context, require_starttls=True, **options)
        controller.start()
        started.append(controller)
        return controller.port, seen

    yield start
    for controller in started:
        controller.stop()


def _env(monkeypatch, port: int, cafile: Path | None) -> None:
    monkeypatch.setenv(CLOCK_ENV, NOW.isoformat())
    monkeypatch.setenv("RESPONDERS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("RESPONDERS_SMTP_PORT", str(port))
    monkeypatch.setenv("RESPONDERS_SMTP_FROM", "cabinet@example.org")
    monkeypatch.setenv("RESPONDERS_DIGEST_TO", "dr.martin@example.org")
    for name in ("USER", "PASSWORD", "CAFILE"):
        monkeypatch.delenv(f"RESPONDERS_SMTP_{name}", raising=False)
    if cafile is not None:
        monkeypatch.setenv("RESPONDERS_SMTP_CAFILE", str(cafile))


def _sent_events(engine) -> list[AuditEvent]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEvent).where(col(AuditEvent.action) == "digest_sent")).all())


def test_digest_is_delivered_over_starttls_trusting_the_relay_ca_file(
        db_url, engine, seeded, tls_server, certificate, monkeypatch, capsys):
    port, seen = tls_server()
    _env(monkeypatch, port, certificate.cert)
    assert main(["digest", "--db", db_url, "--send"]) == 0, capsys.readouterr().err
    assert seen.starttls == 1
    [(encrypted, raw)] = seen.messages
    assert encrypted  # the server saw the DATA inside the TLS session
    assert "Bonjour," in email.message_from_bytes(raw, policy=policy.default).get_content()
    assert len(_sent_events(engine)) == 1


def test_an_unknown_certificate_is_refused_with_a_french_hint_and_nothing_is_marked_sent(
        db_url, engine, seeded, tls_server, monkeypatch, capsys):
    port, seen = tls_server()
    _env(monkeypatch, port, cafile=None)  # the system CAs do not know the test certificate
    assert main(["digest", "--db", db_url, "--send"]) == 1
    err = capsys.readouterr().err
    assert "Certificat du serveur" in err and "RESPONDERS_SMTP_CAFILE" in err
    assert "n'a pas été marqué comme envoyé" in err
    assert seen.messages == [] and _sent_events(engine) == []


def test_login_happens_only_after_starttls_when_the_server_requires_it(
        db_url, engine, seeded, tls_server, certificate, monkeypatch, capsys):
    port, seen = tls_server(auth=True)
    _env(monkeypatch, port, certificate.cert)
    monkeypatch.setenv("RESPONDERS_SMTP_USER", USER)
    monkeypatch.setenv("RESPONDERS_SMTP_PASSWORD", PASSWORD)
    assert main(["digest", "--db", db_url, "--send"]) == 0, capsys.readouterr().err
    assert seen.logins == [(True, USER)]
    assert [encrypted for encrypted, _ in seen.messages] == [True]


def test_a_wrong_password_after_starttls_is_a_french_error(
        db_url, engine, seeded, tls_server, certificate, monkeypatch, capsys):
    port, seen = tls_server(auth=True)
    _env(monkeypatch, port, certificate.cert)
    monkeypatch.setenv("RESPONDERS_SMTP_USER", USER)
    monkeypatch.setenv("RESPONDERS_SMTP_PASSWORD", "faux")
    assert main(["digest", "--db", db_url, "--send"]) == 1
    assert "refusé l'identifiant ou le mot de passe" in capsys.readouterr().err
    # smtplib tries each mechanism the server offers (PLAIN, then LOGIN): all inside TLS
    assert seen.logins and all(encrypted for encrypted, _ in seen.logins)
    assert seen.messages == [] and _sent_events(engine) == []


def test_a_password_is_never_sent_to_a_server_without_starttls(smtp_server, seeded, engine):
    port, inbox = smtp_server  # the plain server of test_digest: no STARTTLS offered
    settings = SmtpSettings("127.0.0.1", port, USER, PASSWORD, "cabinet@example.org",
                            ["dr.martin@example.org"])
    message = email.message.EmailMessage()
    message["Subject"] = "Essai"
    message.set_content("Essai")
    with pytest.raises(SendFailed, match="ne propose pas STARTTLS"):
        send_message(message, settings)
    assert inbox.messages == []


def test_a_missing_ca_file_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("RESPONDERS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("RESPONDERS_SMTP_FROM", "cabinet@example.org")
    monkeypatch.setenv("RESPONDERS_DIGEST_TO", "dr.martin@example.org")
    monkeypatch.setenv("RESPONDERS_SMTP_CAFILE", str(tmp_path / "absent.pem"))
    with pytest.raises(SendFailed, match="absent.pem"):
        SmtpSettings.load()
