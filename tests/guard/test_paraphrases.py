"""Free paraphrases: every leak blocks, every safe reply passes."""

from __future__ import annotations

import pytest

from responders.guard import check
from tests.guard.paraphrases import LEAKS, SAFE


@pytest.mark.parametrize("reply", LEAKS, ids=lambda s: s[9:50])
def test_leak_is_blocked(reply: str) -> None:
    assert not check(reply).allowed


@pytest.mark.parametrize("reply", SAFE, ids=lambda s: s[9:50])
def test_safe_reply_passes(reply: str) -> None:
    result = check(reply)
    assert result.allowed, [(f.rule, f.text) for f in result.blocking]
