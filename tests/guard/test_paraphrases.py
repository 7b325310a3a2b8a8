"""Free paraphrases: every leak blocks, every safe reply passes."""

from __future__ import annotations

import pytest

from responders.guard import check
from tests.guard.paraphrases import LEAKS, SAFE


@pytest.mark.parametrize("reply", LEAKS, ids=lambda s: s[9:50])
def test_leak_is_blocked(reply: str) -> None:
    assert not check(reply).allowed


@pytest.mark.parametrize("reply", SAFE, ids=lambda s: s[9:50])
def test_safe_reply_is_never_blocked(reply: str) -> None:
    result = check(reply)
    assert result.verdict != "block", [(f.rule, f.text) for f in result.blocking]


def test_safe_replies_mostly_pass_without_review() -> None:
    # The positive model may send an unusual but safe wording to a practitioner (review);
    # it must stay rare: at most 3 % of these paraphrases.
    stopped = [reply for reply in SAFE if check(reply).verdict != "pass"]
    assert len(stopped) <= 0.03 * len(SAFE), stopped
