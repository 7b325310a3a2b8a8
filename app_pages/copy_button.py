"""The one-click copy button: a tiny bidirectional component served from a local index.html.

Inside the frame, the click writes the text to the clipboard (`navigator.clipboard`, with an
`execCommand('copy')` fallback) and opens the review on Google; then it sends back what it did.
The page hands the result to `responders.triage.actions.copy_reply`, which guards the text again
and journals it. A refused reply is never sent to the frame: the button only reports the attempt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from app_pages.common import KEY_HANDLED_EVENTS

_component = components.declare_component(
    "copy_button", path=str(Path(__file__).with_name("components") / "copy_button")
)


def copy_button(
    text: str | None, *, key: str, url: str | None = None, label: str = "Copier la réponse",
    help: str = "", refused_label: str = "Copie impossible", refused_help: str = "",
    on_change: Callable[[], None] | None = None,
) -> dict[str, Any] | None:
    """Renders the button; returns the last event it sent ({event, text?, nonce}) or None.

    `text=None` renders the refused state: the frame gets no text at all. `on_change` runs before
    the next rerun when the frame reports a click (read the event from `st.session_state[key]`).
    """
    value = _component(
        text=text or None, refused=not text, url=url, label=label, help=help,
        refused_label=refused_label, refused_help=refused_help,
        refused_status="Copie refusée : corrigez la réponse.", key=key, default=None, on_change=on_change,
    )
    return value if isinstance(value, dict) else None


def fresh_event(event: Any) -> dict[str, Any] | None:
    """The button's event the first time it is seen in this session, else None: the same click
    is reported by the callback and again by the value the next run reads, and must be acted on
    (journaled) once."""
    if not isinstance(event, dict):
        return None
    nonce = str(event.get("nonce", ""))
    handled: set[str] = st.session_state.setdefault(KEY_HANDLED_EVENTS, set())
    if not nonce or nonce in handled:
        return None
    handled.add(nonce)
    return event
