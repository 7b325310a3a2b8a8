"""Keyboard focus after an action on a Triage card: on the next card's first action button, not
at the top of the page (Streamlit redraws the page and the clicked button is gone with its card).

The move is a few lines of script in a zero-height frame of the same origin, reaching the page
through `window.parent.document`. It names only a card key built here from an integer: no
review text ever reaches it.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

KEY_FOCUS_AFTER = "triage_focus_after"  # review id of the card just acted on
KEY_SHOWN_CARDS = "triage_shown_cards"  # card review ids in page order, as last drawn
KEY_FOCUS_COUNT = "triage_focus_count"  # makes each script distinct, so the frame runs it again

_SCRIPT = """<!doctype html><html><body><script>
"use strict";
(function () {
  var doc = window.parent.document;
  var target = ".st-key-card-%(target)d", acted = ".st-key-card-%(acted)d";
  var deadline = Date.now() + 15000;  // give up rather than steal focus later
  function focusIsFree() {
    // only where the click left it: nowhere (its button is gone) or on the card acted on; never
    // away from where the person has since gone (a search box, another card)
    var active = doc.activeElement;
    return !active || active === doc.body || !!(active.closest && active.closest(acted));
  }
  function attempt() {
    var app = doc.querySelector('[data-testid="stApp"]');
    var running = !app || app.getAttribute("data-test-script-state") === "running";
    var card = doc.querySelector(target);
    // the card's first action (« Ne pas répondre »…), not a help icon drawn before it
    var button = card && (card.querySelector('[class*="st-key-actions-"] button:not([disabled])') ||
                          card.querySelector("button:not([disabled])"));
    if (!running && button) {
      if (focusIsFree()) {
        button.focus({ preventScroll: true });
        card.scrollIntoView({ block: "start", behavior: "instant" });
      }
      return;
    }
    if (Date.now() < deadline) { setTimeout(attempt, 50); }
  }
  attempt();
})();
</script></body></html>"""


def acted_on(review_id: int) -> None:
    """An action took this card (or changed it): the next draw moves focus past it."""
    st.session_state[KEY_FOCUS_AFTER] = int(review_id)


def next_card(previous: Sequence[int], current: Sequence[int], acted: int | None) -> int | None:
    """The card that follows the one acted on, among the cards drawn now: the first card after it
    in the previous order that is still shown, else the one before it, else the first."""
    if acted is None or not current:
        return None
    shown = set(current)
    if acted in previous:
        at = list(previous).index(acted)
        after = [i for i in previous[at + 1 :] if i in shown and i != acted]
        if after:
            return after[0]
        before = [i for i in reversed(previous[:at]) if i in shown]
        if before:
            return before[0]
    following = [i for i in current if i != acted]
    return following[0] if following else None


def plan_focus(current: Sequence[int]) -> tuple[int, int] | None:
    """Reads (and clears) the pending move for this draw and remembers the cards drawn now.
    Returns (card to focus, card acted on), or None when no action asked for a move."""
    acted = st.session_state.pop(KEY_FOCUS_AFTER, None)
    previous = st.session_state.get(KEY_SHOWN_CARDS, [])
    st.session_state[KEY_SHOWN_CARDS] = [int(i) for i in current]
    target = next_card(previous, current, acted)
    return None if target is None or acted is None else (target, int(acted))


def move_focus(target: int, acted: int) -> None:
    """Draws the script that focuses the first button of card `target` once the page is idle."""
    count = int(st.session_state.get(KEY_FOCUS_COUNT, 0)) + 1
    st.session_state[KEY_FOCUS_COUNT] = count
    html = _SCRIPT % {"target": int(target), "acted": int(acted)} + f"<!-- {count} -->"
    st.iframe(html, height=1)
