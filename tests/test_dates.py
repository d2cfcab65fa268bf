from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kurilwatch.dates import parse_since
from kurilwatch.errors import UsageError

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("90m", NOW - timedelta(minutes=90)),
        ("36h", NOW - timedelta(hours=36)),
        ("7d", NOW - timedelta(days=7)),
        ("2w", NOW - timedelta(weeks=2)),
        (" 7D ", NOW - timedelta(days=7)),
        ("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC)),
        ("2026-11-01T08:30", datetime(2026, 11, 1, 8, 30, tzinfo=UTC)),
        ("2026-11-01T08:30Z", datetime(2026, 11, 1, 8, 30, tzinfo=UTC)),
        ("2026-11-01T09:30+01:00", datetime(2026, 11, 1, 8, 30, tzinfo=UTC)),
    ],
)
def test_parse_since(value, expected):
    assert parse_since(value, NOW) == expected


@pytest.mark.parametrize(
    "value", ["", "7", "d7", "7 days", "-7d", "2026-13-01", "tomorrow", "99999999d"]
)
def test_parse_since_rejects(value):
    with pytest.raises(UsageError):
        parse_since(value, NOW)


@given(st.integers(min_value=0, max_value=500), st.sampled_from(["m", "h", "d", "w"]))
def test_durations_always_go_back(amount, unit):
    result = parse_since(f"{amount}{unit}", NOW)
    assert result <= NOW and result.tzinfo is not None


@given(
    st.datetimes(
        min_value=datetime(1971, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.just(timezone(timedelta(hours=9))),
    )
)
def test_iso_round_trips_to_utc(moment):
    assert parse_since(moment.isoformat(), NOW) == moment.astimezone(UTC)
