"""The decisions of an update, made from data alone: no network, no database, no clock.

What was fetched and what is stored come in as records (models.py); what should change
goes out as records too, for the store to apply. `decide` turns one poll of one feed into
its intents (FeedUpdate); `decide_copy` decides what a feed's copy of a known item does to
it (a new revision, a fuller text to show); `due` whether a feed is polled at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kurilwatch import dates
from kurilwatch.config import Feed
from kurilwatch.models import (
    MAX_RETRY_AFTER,
    Copy,
    Entry,
    FeedReport,
    FeedState,
    FeedUpdate,
    FetchStatus,
    ItemChange,
    Matched,
    ParseOutcome,
    Response,
)
from kurilwatch.store import iso

if TYPE_CHECKING:
    from kurilwatch.articles import ArticleRow, Settled

REMIND_EVERY = timedelta(hours=24)  # a feed that stays down is reported again this often


def state_for_url(state: FeedState, url: str) -> FeedState:
    """A feed's stored state, without the conditional-GET validators when its URL changed.

    An ETag, a Last-Modified and a body's digest describe one URL's answer: sent to a new
    URL, a server that honours only If-Modified-Since answers 304 and the feed is never read.
    """
    if state.url in (None, url):
        return state
    return replace(state, etag=None, last_modified=None, content_digest=None)


def due(feed: Feed, state: FeedState, at: datetime) -> FeedReport | None:
    """None when the feed is to be polled now; else the report of why it is skipped."""
    retry_after = state.retry_after
    # A wait longer than any Retry-After can ask for was set by a clock that ran ahead.
    if retry_after is not None and at < retry_after <= at + MAX_RETRY_AFTER:
        # The server asked us to wait (429/503 Retry-After): respect it.
        wait = f"server asked to wait until {dates.shown(retry_after)}"
        return FeedReport(feed.name, FetchStatus.skipped, error=wait)
    # An attempt "in the future" was made while the clock ran ahead: never trusted, or the
    # feed would not be due until the clock caught up with it.
    if feed.min_interval and state.last_attempt is not None and state.last_attempt <= at:
        next_poll = state.last_attempt + timedelta(seconds=feed.min_interval)
        if next_poll > at:
            return FeedReport(
                feed.name, FetchStatus.skipped, error=f"not due until {dates.shown(next_poll)}"
            )
    return None


# --- decide ------------------------------------------------------------------------------


def decide(
    feed: Feed,
    state: FeedState,
    response: Response,
    outcome: ParseOutcome | None,
    at: datetime,
    keep_unmatched_days: int = 0,
    settled: Settled | None = None,
) -> FeedUpdate:
    """What one poll changes: pure, from what was fetched and the feed's stored state.

    With `settled` (the article stage's result), its items are stored in place of the
    feed's matched entries, and its `articles` rows are written with them.
    """
    report = FeedReport(feed.name, response.status, response.http_status, response.error)
    text_sources: dict[str, str] = {}
    article_rows: tuple[ArticleRow, ...] = ()
    if settled is not None:
        outcome = with_articles(outcome, settled)
        text_sources, article_rows = settled.sources, tuple(settled.rows)
        report = replace(
            report,
            articles_read=settled.read,
            articles_failed=settled.failed,
            articles_queued=settled.queued,
        )
    previous_move = state.moved_to if state.url == feed.url else None
    polled = replace(
        state,
        url=feed.url,
        last_attempt=at,
        last_status=response.status,
        last_http_status=response.http_status,
        retry_after=response.retry_after,
    )
    failures_before = state.consecutive_failures
    if response.status is FetchStatus.error:
        failures = failures_before + 1
        # A feed that never worked has not gone down: its first attempt failed.
        never_worked = state.last_success is None
        since = state.failing_since
        # Failing "since" a moment still to come was recorded while the clock ran ahead.
        failing_since = since if since is not None and since <= at else at
        last_alert = state.last_alert
        if last_alert is not None and last_alert > at:
            last_alert = None  # reported "in the future", by a run whose clock was ahead
        report = replace(
            report,
            failures=failures,
            never_worked=never_worked,
            went_down=failures_before == 0 and not never_worked,
            failing_since=iso(failing_since),
        )
        remind = not report.started_failing and (
            last_alert is None or at - last_alert >= REMIND_EVERY
        )
        report = replace(report, remind=remind)
        new_state = replace(
            polled,
            last_error=response.error,
            consecutive_failures=failures,
            failing_since=failing_since,
            last_alert=at if report.started_failing or remind else state.last_alert,
        )
    else:
        new_state = replace(
            polled,
            last_success=at,
            last_error=None,
            consecutive_failures=0,
            failing_since=None,
            last_alert=None,
        )
        if response.status is FetchStatus.ok:
            # Only a fully stored body may move the validators forward.
            lower = {k.lower(): v for k, v in response.headers.items()}
            new_state = replace(
                new_state,
                etag=lower.get("etag"),
                last_modified=lower.get("last-modified"),
                content_digest=response.digest,
            )
            if response.moved_to and response.moved_to != previous_move:
                new_state = replace(new_state, moved_to=response.moved_to)
                report = replace(report, moved_to=response.moved_to)  # reported once
        report = replace(report, recovered=failures_before > 0)
    if previous_move is None and state.moved_to and new_state.moved_to == state.moved_to:
        new_state = replace(new_state, moved_to=None)  # its configured address changed
    if outcome is None:  # a 304, an error: only the feed's state changes
        return FeedUpdate(feed.name, new_state, report)
    report = replace(
        report, seen=outcome.seen, matched=len(outcome.matched), warning=outcome.warning
    )
    unmatched = tuple(outcome.unmatched) if keep_unmatched_days else None
    entries = tuple(entries_to_store(outcome.matched, feed.lang, at))
    return FeedUpdate(
        feed.name,
        new_state,
        report,
        entries,
        unmatched,
        keep_unmatched_days,
        text_sources,
        article_rows,
    )


def with_articles(outcome: ParseOutcome | None, settled: Settled) -> ParseOutcome:
    """The feed's outcome with the article stage's items in place of its matched entries."""
    if outcome is None:  # not modified: only the queue of earlier runs was read
        return ParseOutcome(0, settled.matched)
    kept = {key for m in settled.matched for key in m.entry.identity_keys}
    unmatched = [row for row in outcome.unmatched if row[0] not in kept]
    return replace(outcome, matched=settled.matched, unmatched=unmatched)


def text_source(entry: Entry) -> str:
    """How much of the article a stored entry's text holds (items.text_source)."""
    return "feed-full-text" if entry.full_text else "feed"


def entries_to_store(matched: list[Matched], feed_lang: str | None, at: datetime) -> list[Matched]:
    """Oldest first, so "earlier item" means what it says when feeds list newest first;
    an entry the feed repeats (the same GUID twice) once, while entries with distinct GUIDs
    are distinct even when they share a link."""
    in_order = sorted(
        reversed(matched), key=lambda m: (m.entry.published is None, m.entry.published or at)
    )
    seen_keys: set[str] = set()
    entries = []
    for candidate in in_order:
        key = candidate.entry.identity_keys[0]
        if key in seen_keys:
            continue
        seen_keys.add(key)
        entries.append(replace(candidate, lang=candidate.lang or feed_lang))
    return entries


@dataclass(frozen=True)
class CopyDecision:
    """What one feed's new copy of a known item changes."""

    change: ItemChange  # updated: the feed changed its own copy, a new revision
    copies: dict[str, Copy]  # every feed's copy, this one's new
    shown: Copy  # the copy the item shows: the fullest


def decide_copy(shown: Copy, copies: dict[str, Copy], feed: str, new: Copy) -> CopyDecision | None:
    """A feed's copy of a known item, given every feed's stored one; None: the same again.

    Each feed keeps its own copy and the item shows the fullest. A revision is a change by
    one feed to its own copy: another feed's shorter or longer copy of the same article,
    or a feed's first copy of a known item, is not one.
    """
    old = copies.get(feed)
    if old is not None and (old.title, old.text) == (new.title, new.text):
        return None
    change = ItemChange.updated if old is not None else ItemChange.unchanged
    copies = {**copies, feed: new}
    # The fullest copy is shown; on a tie the one shown already, so nothing flaps.
    longest = max(len(c.text or "") for c in copies.values())
    if len(shown.text or "") == longest and shown in copies.values():
        best = shown
    else:
        best = next(c for c in copies.values() if len(c.text or "") == longest)
    return CopyDecision(change, copies, best)
