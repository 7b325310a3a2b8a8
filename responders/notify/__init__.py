"""The weekly digest: what a practitioner must know on Monday, by e-mail."""

from responders.notify.digest import Digest, build_digest
from responders.notify.smtp import SendFailed, SmtpSettings, send_message

__all__ = ["Digest", "SendFailed", "SmtpSettings", "build_digest", "send_message"]
