"""The product's one clock: pinned by RESPONDERS_NOW so a job (or a test) runs "as of" a day."""

from datetime import UTC, date, datetime

import pytest

from responders.deadlines import today_in
from responders.timeutil import CLOCK_ENV, utcnow


def test_pinned_clock_is_aware_utc(monkeypatch):
    monkeypatch.setenv(CLOCK_ENV, "2027-02-28T23:30:00-05:00")
    assert utcnow() == datetime(2027, 3, 1, 4, 30, tzinfo=UTC)
    # the local day follows the jurisdiction's time zone, not UTC
    assert today_in("QC") == date(2027, 2, 28)
    assert today_in("FR") == date(2027, 3, 1)


def test_unpinned_clock_reads_the_system(monkeypatch):
    monkeypatch.delenv(CLOCK_ENV, raising=False)
    before = datetime.now(UTC)
    assert before <= utcnow() <= datetime.now(UTC)


def test_bad_pin_is_a_french_error(monkeypatch):
    monkeypatch.setenv(CLOCK_ENV, "demain")
    with pytest.raises(ValueError, match="n'est pas une date ISO 8601"):
        utcnow()
