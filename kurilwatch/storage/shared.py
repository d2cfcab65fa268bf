"""What every part of the store writes the same way: times, and which items are shown."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


@overload
def iso(dt: datetime) -> str: ...
@overload
def iso(dt: None) -> None: ...
@overload
def iso(dt: datetime | None) -> str | None: ...
def iso(dt: datetime | None) -> str | None:
    """UTC ISO 8601 with a Z, second precision: sortable as text."""
    if dt is None:
        return None
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# Items `refilter` found no longer matching the rules stay stored but leave every view of
# Kuril news (list, news, digest, search, stats, export); only `list --flagged` shows them.
SHOWN = "items.unmatched_since IS NULL"
FLAGGED = "items.unmatched_since IS NOT NULL"
