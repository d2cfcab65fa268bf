"""The records passed between the stages of an update, and their statuses.

Records are frozen: a stage returns new ones rather than changing what it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from kurilwatch.articles import ArticleRow
    from kurilwatch.developments import Prepared


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
    # The feed carries the whole article (content:encoded, Atom content, yandex:full-text),
    # not only a lead: its page need not be read.
    full_text: bool = False

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


class Copy(NamedTuple):
    """What one feed says about an item."""

    title: str | None
    summary: str | None
    text: str | None


MAX_RETRY_AFTER = timedelta(days=7)  # the longest wait a server's Retry-After can ask for


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
    moved_to: str | None = None  # every redirect on the way was permanent (301/308)


@dataclass(frozen=True)
class FeedState:
    """What the store knows of a feed between polls: its health and its validators."""

    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_digest: str | None = None  # SHA-256 of the last body stored
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_status: str | None = None
    last_http_status: int | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    failing_since: datetime | None = None
    retry_after: datetime | None = None  # a 429/503 Retry-After: not polled before
    last_alert: datetime | None = None  # when a failure was last reported
    moved_to: str | None = None  # moved for good (301/308): polled here instead of `url`


@dataclass(frozen=True)
class Matched:
    """An entry about the islands, prepared for storing (in a worker process)."""

    entry: Entry
    terms: list[str]
    lang: str | None = None
    sentences: list[Prepared] | None = None  # computed in the worker, stored by the parent
    story_words: frozenset[str] | None = None  # likewise: what story grouping compares


# A non-matching entry as kept for `refilter`: identity key, compressed record, published.
UnmatchedRow = tuple[str, bytes, str | None]


@dataclass(frozen=True)
class ParseOutcome:
    """A feed body parsed, matched and prepared."""

    seen: int
    matched: list[Matched]
    warning: str | None = None
    unmatched: list[UnmatchedRow] = field(default_factory=list)  # serialised by the worker
    plausible: list[Entry] = field(default_factory=list)  # unmatched, but worth reading


@dataclass(frozen=True)
class FeedReport:
    """What happened to one feed in one fetch, for the summary table."""

    feed: str
    status: FetchStatus
    http_status: int | None = None
    error: str | None = None
    warning: str | None = None
    seen: int = 0
    matched: int = 0
    new: int = 0
    updated: int = 0
    went_down: bool = False  # it failed now after succeeding last time
    never_worked: bool = False  # it failed now, and no attempt has ever succeeded
    recovered: bool = False  # it succeeded now after failing last time
    failures: int = 0  # consecutive failures, this one included
    failing_since: str | None = None
    remind: bool = False  # still down, and not reported for REMIND_EVERY
    articles_read: int = 0  # article pages read and extracted
    articles_failed: int = 0  # pages that could not be read: those items keep the feed's text
    articles_queued: int = 0  # over this run's budget, or the host asked to wait: next run
    moved_to: str | None = None  # the feed moved for good (301/308) to this address, just now

    @property
    def started_failing(self) -> bool:
        """This failure is the first in a row: the feed went down, or a new feed's first
        attempt failed. Either is reported at once; a failure that goes on, once a day."""
        return self.status is FetchStatus.error and self.failures == 1


@dataclass(frozen=True)
class FetchReport:
    feeds: list[FeedReport]

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.status is FetchStatus.error]


@dataclass(frozen=True)
class FeedUpdate:
    """The intents of one poll of one feed: decided from data, applied by the store.

    `entries` become new items or new revisions (or change nothing); `state` is the feed's
    health and validators after this poll; `unmatched` are kept for `refilter` (None:
    nothing was parsed, so nothing is kept or pruned).
    """

    feed: str
    state: FeedState
    report: FeedReport  # its `new` and `updated` are counted when the intents are applied
    entries: tuple[Matched, ...] = ()  # oldest first, each once
    unmatched: tuple[UnmatchedRow, ...] | None = None
    keep_unmatched_days: int = 0
    # From the article stage: where each entry's text comes from (by article key), and the
    # `articles` rows to write (their item ids filled in as the entries are stored).
    text_sources: dict[str, str] = field(default_factory=dict)
    article_rows: tuple[ArticleRow, ...] = ()
