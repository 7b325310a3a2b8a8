"""French date fields: a day typed as JJ/MM/AAAA, periods chosen by name (see responders/dates_fr)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from responders.dates_fr import DAY_HINT, PERIODS, DayError, parse_day, period_days
from responders.views.render import md_escape


def day_field(label: str, *, value: date | None, key: str, container=st) -> date | None:  # type: ignore[no-untyped-def]
    """A day typed in French order; a wrong value shows what to type and gives None."""
    if key not in st.session_state:
        st.session_state[key] = value.strftime("%d/%m/%Y") if value else ""
    text = container.text_input(label, placeholder=DAY_HINT, key=key,
                                help=f"Tapez la date au format {DAY_HINT}.")
    try:
        return parse_day(text)
    except DayError as error:
        container.error(md_escape(str(error)))  # the message quotes what was typed
        return None


def period_field(label: str, *, key: str, today: date, container=st) -> tuple[date | None, date | None]:  # type: ignore[no-untyped-def]
    """A period by its French name, or two typed days."""
    choice = container.selectbox(label, list(PERIODS), format_func=PERIODS.get, key=key)
    first = last = None
    if choice == "custom":
        left, right = container.columns(2)
        first = day_field("Du", value=None, key=f"{key}-from", container=left)
        last = day_field("Au", value=None, key=f"{key}-to", container=right)
    return period_days(choice, today, first, last)
