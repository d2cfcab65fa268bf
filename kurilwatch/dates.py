"""Parsing the --since values users type: durations and ISO dates."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from kurilwatch.errors import UsageError

_DURATION = re.compile(r"^\s*(\d{1,6})\s*(m|min|h|d|w)\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def shown(moment: datetime) -> str:
    """A moment in a message for the user: minutes, UTC, the way every table shows it."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def parse_since(value: str, now: datetime, *, also: str = "") -> datetime:
    """`90m`, `36h`, `7d`, `2w`, or an ISO date/datetime (naive means UTC) -> aware UTC.

    `also` names what else the command accepts, for the error message (`news`: "'last'").
    """
    match = _DURATION.match(value)
    if match:
        amount, unit = int(match.group(1)), _UNITS[match.group(2).lower()]
        try:
            return now.astimezone(UTC) - timedelta(**{unit: amount})
        except OverflowError:
            raise UsageError(f"--since {value!r} reaches too far back") from None
    text = value.strip()
    if text.endswith(("z", "Z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--since {value!r} is not {also + ', ' if also else ''}a duration (90m, 36h, 7d, "
            "2w) or an ISO date "
            "(2026-11-20, 2026-11-20T08:00)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is in the year 0 in UTC
        raise UsageError(f"--since {value!r} reaches too far back") from None
