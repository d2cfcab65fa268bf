"""The update's decisions and pure stages, driven with plain data: no server, no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kurilwatch.config import Feed
from kurilwatch.decide import decide, decide_copy, due, state_for_url
from kurilwatch.models import (
    Copy,
    Entry,
    FeedState,
    FetchStatus,
    ItemChange,
    Matched,
    ParseOutcome,
    Response,
)
from kurilwatch.update import unchanged_body

AT = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
FEED = Feed("tass-en", "https://tass.example/rss", "en")
OK = Response(FetchStatus.ok, 200, headers={"ETag": '"v2"', "Last-Modified": "Mon"}, digest="d2")
DOWN = Response(FetchStatus.error, 503, "HTTP 503 Service Unavailable")
HEALTHY = FeedState(
    url=FEED.url, etag='"v1"', last_modified="Sun", content_digest="d1", last_success=AT
)


def entry(guid: str | None, published: datetime | None, title: str = "Iturup") -> Entry:
    url = f"https://tass.example/{guid}" if guid else None
    return Entry(guid, url, url, title, "", "On Iturup.", published)


def outcome(*entries: Entry, unmatched: int = 0) -> ParseOutcome:
    rows = [(f"guid:u{n}", b"record", None) for n in range(unmatched)]
    matched = [Matched(e, ["Iturup"], None) for e in entries]
    return ParseOutcome(len(entries) + unmatched, matched, None, rows)


def test_a_first_failure_takes_the_feed_down_and_is_reported_once():
    update = decide(FEED, HEALTHY, DOWN, None, AT)
    assert update.report.went_down and not update.report.remind
    assert update.report.failures == 1 and update.report.failing_since == "2026-11-23T12:00:00Z"
    state = update.state
    assert (state.consecutive_failures, state.failing_since, state.last_alert) == (1, AT, AT)
    assert (state.last_status, state.last_http_status, state.last_error) == (
        "error",
        503,
        "HTTP 503 Service Unavailable",
    )
    # A failure keeps the validators and the last success as they were.
    assert (state.etag, state.content_digest, state.last_success) == ('"v1"', "d1", AT)
    assert update.entries == () and update.unmatched is None


def test_a_feed_that_stays_down_is_reported_again_once_a_day():
    since, alerted = AT - timedelta(days=2), AT - timedelta(hours=23)
    down = FeedState(consecutive_failures=3, failing_since=since, last_alert=alerted)
    quiet = decide(FEED, down, DOWN, None, AT)
    assert not quiet.report.went_down and not quiet.report.remind
    assert quiet.state.last_alert == alerted  # not reported: not moved
    assert (quiet.state.consecutive_failures, quiet.state.failing_since) == (4, since)
    later = decide(FEED, quiet.state, DOWN, None, AT + timedelta(hours=1))
    assert later.report.remind and later.state.last_alert == AT + timedelta(hours=1)
    assert later.report.failing_since == "2026-11-21T12:00:00Z"


def test_recovery_clears_the_feeds_failures():
    down = FeedState(consecutive_failures=3, failing_since=AT, last_alert=AT, last_error="x")
    update = decide(FEED, down, OK, outcome(), AT + timedelta(hours=1))
    assert update.report.recovered and not update.report.went_down
    state = update.state
    assert (state.consecutive_failures, state.failing_since, state.last_alert) == (0, None, None)
    assert (state.last_error, state.last_success) == (None, AT + timedelta(hours=1))


def test_only_a_full_body_moves_the_validators():
    fetched = decide(FEED, HEALTHY, OK, outcome(), AT).state
    assert (fetched.etag, fetched.last_modified, fetched.content_digest) == ('"v2"', "Mon", "d2")
    not_modified = Response(FetchStatus.not_modified, 304, headers={"ETag": '"v9"'})
    kept = decide(FEED, HEALTHY, not_modified, None, AT).state
    assert (kept.etag, kept.last_modified, kept.content_digest) == ('"v1"', "Sun", "d1")
    assert kept.last_success == AT and kept.last_status == "not_modified"


def test_entries_are_stored_oldest_first_each_once_in_the_feeds_language():
    old, new = AT - timedelta(days=2), AT - timedelta(days=1)
    # Newest first, as feeds list them; an undated entry; the first one repeated.
    parsed = outcome(entry("b", new), entry("u", None), entry("a", old), entry("b", new, "Again"))
    update = decide(FEED, HEALTHY, OK, parsed, AT)
    assert [m.entry.guid for m in update.entries] == ["a", "b", "u"]
    assert [m.entry.title for m in update.entries if m.entry.guid == "b"] == ["Again"]
    assert {m.lang for m in update.entries} == {"en"}
    assert (update.report.seen, update.report.matched) == (4, 4)
    assert (update.report.new, update.report.updated) == (0, 0)  # counted when applied


def test_non_matching_entries_are_kept_only_when_refilter_wants_them():
    parsed = outcome(entry("a", AT), unmatched=2)
    kept = decide(FEED, HEALTHY, OK, parsed, AT, keep_unmatched_days=30)
    assert kept.unmatched is not None and len(kept.unmatched) == 2
    assert kept.keep_unmatched_days == 30
    assert decide(FEED, HEALTHY, OK, parsed, AT, keep_unmatched_days=0).unmatched is None


def test_a_feed_is_due_unless_the_server_or_its_interval_says_wait():
    assert due(FEED, HEALTHY, AT) is None
    asked = due(FEED, FeedState(retry_after=AT + timedelta(hours=1)), AT)
    assert asked is not None and asked.status is FetchStatus.skipped
    assert asked.error == "server asked to wait until 2026-11-23 13:00 UTC"
    assert due(FEED, FeedState(retry_after=AT - timedelta(seconds=1)), AT) is None
    hourly = Feed("slow", "https://slow.example/rss", min_interval=3600)
    recent = FeedState(last_attempt=AT - timedelta(minutes=20))
    skipped = due(hourly, recent, AT)
    assert skipped is not None and skipped.error == "not due until 2026-11-23 12:40 UTC"
    assert due(hourly, FeedState(last_attempt=AT - timedelta(hours=2)), AT) is None


def test_the_same_body_again_is_not_modified():
    body = Response(FetchStatus.ok, 200, content=b"<rss/>")
    first = unchanged_body(body, FeedState())
    assert first.status is FetchStatus.ok and first.digest is not None
    again = unchanged_body(body, FeedState(content_digest=first.digest))
    assert again.status is FetchStatus.not_modified and again.digest == first.digest
    assert body.status is FetchStatus.ok and body.digest is None  # the response given is kept


def test_a_new_feeds_first_failure_is_reported_but_it_has_not_gone_down():
    update = decide(FEED, FeedState(), DOWN, None, AT)
    assert update.report.never_worked and not update.report.went_down
    assert update.report.started_failing and update.state.last_alert == AT


def test_times_from_a_clock_that_ran_ahead_are_not_trusted():
    ahead = AT + timedelta(days=300)
    down = FeedState(last_success=AT, consecutive_failures=2, failing_since=ahead, last_alert=ahead)
    update = decide(FEED, down, DOWN, None, AT)
    assert update.state.failing_since == AT and update.report.remind
    assert update.state.last_alert == AT
    # Nor a wait or an attempt "in the future": the feed is due.
    assert due(FEED, FeedState(retry_after=ahead), AT) is None
    hourly = Feed("slow", "https://slow.example/rss", min_interval=3600)
    assert due(hourly, FeedState(last_attempt=ahead), AT) is None


def test_a_feed_whose_url_changed_sends_none_of_the_old_urls_validators():
    moved = Feed(FEED.name, "https://tass.example/new-rss", "en")
    state = state_for_url(HEALTHY, moved.url)
    assert (state.etag, state.last_modified, state.content_digest) == (None, None, None)
    assert state_for_url(HEALTHY, FEED.url) == HEALTHY
    # A 304 from the new URL then keeps no validator of the old one.
    not_modified = Response(FetchStatus.not_modified, 304)
    assert decide(moved, state, not_modified, None, AT).state.etag is None


TEASER = Copy("Pier on Iturup", "A new pier.", "A new pier.")
FULL = Copy("Pier on Iturup", "A new pier.", "A new pier. It takes ships of 5,000 tonnes.")


def test_another_feeds_fuller_copy_is_shown_but_is_no_revision():
    decision = decide_copy(TEASER, {"wire": TEASER}, "agency", FULL)
    assert decision is not None
    assert (decision.change, decision.shown) == (ItemChange.unchanged, FULL)
    assert decision.copies == {"wire": TEASER, "agency": FULL}
    # The same copy again changes nothing.
    assert decide_copy(FULL, decision.copies, "agency", FULL) is None


def test_a_feed_changing_its_own_copy_is_a_revision():
    shorter = Copy(FULL.title, FULL.summary, "A new pier, it says.")
    decision = decide_copy(FULL, {"wire": FULL, "agency": FULL}, "agency", shorter)
    assert decision is not None and decision.change is ItemChange.updated
    assert decision.shown == FULL  # the wire's copy is still the fullest
    # On a tie the copy shown stays shown: two feeds' equally long copies never flap.
    same_length = Copy("Other title", FULL.summary, FULL.text.upper())
    tie = decide_copy(FULL, {"wire": FULL}, "agency", same_length)
    assert tie is not None and tie.shown == FULL
