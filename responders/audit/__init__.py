"""Audit of the replies a practice has already published under its reviews.

Owner replies come in with each import. Many practices answered for years before using the
product, and some of those answers reveal care or the patient relationship: each stored
reply goes through the same guard as a new one, with its review as context.
"""

from responders.audit.replies import ReplyAudit, audit_replies, mark_corrected

__all__ = ["ReplyAudit", "audit_replies", "mark_corrected"]
