"""People: accounts, roles and what each role may do. Pages and commands ask `roles.can`."""

from responders.people.accounts import Account, add_user, authenticate, list_users
from responders.people.roles import ROLES, can, can_open, pages_for, require

__all__ = [
    "ROLES",
    "Account",
    "add_user",
    "authenticate",
    "can",
    "can_open",
    "list_users",
    "pages_for",
    "require",
]
