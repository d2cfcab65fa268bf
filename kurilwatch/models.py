"""The records passed between the stages of an update, and their statuses.

Records are frozen: a stage returns new ones rather than changing what it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class FetchStatus(StrEnum):
    """What one poll of a feed came to (stored as `feeds.last_status`)."""

    ok = "ok"
    not_modified = "not_modified"
    error = "error"
    skipped = "skipped"


class ItemChange(StrEnum):
    """What storing an entry did to the item it is."""

    new = "new"
    updated = "updated"
    unchanged = "unchanged"


@dataclass(frozen=True)
class Entry:
    guid: str | None
    url: str | None
    canonical_url: str | None
    title: str
    summary: str
    text: str  # summary and content as plain text
    published: datetime | None

    @property
    def identity_keys(self) -> list[str]:
        """Keys that identify this entry, strongest first (see Store.upsert_entry)."""
        keys: list[str] = []
        if self.guid:
            keys.append(f"guid:{self.guid}")
        if self.canonical_url:
            keys.append(f"url:{self.canonical_url}")
        if not keys:
            stamp = self.published.isoformat() if self.published else ""
            import hashlib  # here: `news` and `list` never load it (and OpenSSL)

            digest = hashlib.sha256(f"{self.title}\x1f{stamp}".encode()).hexdigest()[:32]
            keys.append(f"hash:{digest}")
        return keys


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    format: str  # e.g. rss20, atom10, rss10
    encoding: str
    entries: list[Entry]
    warning: str | None = None  # set when the XML was broken but entries were recovered


@dataclass(frozen=True)
class Response:
    """One GET of a feed: its body when it came, else why not."""

    status: FetchStatus
    http_status: int | None = None
    error: str | None = None
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    retry_after: datetime | None = None
    digest: str | None = None  # SHA-256 of the body
