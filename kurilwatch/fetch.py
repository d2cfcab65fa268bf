"""Polling feeds with httpx: concurrency, conditional GET, timeouts and size limits.

`poll` fetches every feed concurrently, parses and matches off the event loop, and stores
each feed's result in its own transaction, so one feed's failure never touches another's.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import hashlib
import os
import ssl
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from kurilwatch import __version__
from kurilwatch.config import Config, Feed
from kurilwatch.dates import shown
from kurilwatch.errors import ClockError, FeedError
from kurilwatch.models import Entry, FetchStatus, ItemChange, Response
from kurilwatch.parse import parse_feed
from kurilwatch.store import Store, UnmatchedRow, from_iso, iso, unmatched_row

# httpx loads its own command-line client (click, rich's console and progress, pygments:
# 35 ms) whenever those are installed, and typer installs them; kurilwatch never runs it.
# An empty stand-in makes httpx fall back to its "not installed" stub.
sys.modules.setdefault("httpx._main", types.ModuleType("httpx._main"))
import httpx  # noqa: E402

if TYPE_CHECKING:
    from kurilwatch.developments import Prepared

USER_AGENT = f"kurilwatch/{__version__} (Kuril Islands news tracker; +python-httpx)"


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 10.0
    total_timeout: float = 30.0  # the whole request, headers and body
    max_bytes: int = 10 * 1024 * 1024
    max_parallel: int = 128  # requests in flight at once
    per_host: int = 4  # of those, to one host: polite to every publisher
    max_redirects: int = 5


REMIND_EVERY = timedelta(hours=24)  # a feed that stays down is reported again this often
# No run of this kurilwatch can happen before it was released: a clock reading earlier (1970,
# after a dead RTC battery) would date every undated item then, for good.
CLOCK_FLOOR = datetime(2026, 11, 1, tzinfo=UTC)
MAX_RETRY_AFTER = timedelta(days=7)  # the longest wait a server's Retry-After can ask for


@dataclass
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

    @property
    def started_failing(self) -> bool:
        """This failure is the first in a row: the feed went down, or a new feed's first
        attempt failed. Either is reported at once; a failure that goes on, once a day."""
        return self.status is FetchStatus.error and self.failures == 1


@dataclass
class FetchReport:
    feeds: list[FeedReport]

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.status is FetchStatus.error]


@dataclass(frozen=True)
class Matched:
    entry: Entry
    terms: list[str]
    lang: str | None = None
    sentences: list[Prepared] | None = None  # computed in the worker, stored by the parent
    story_words: frozenset[str] | None = None  # likewise: what story grouping compares


@dataclass(frozen=True)
class ParseOutcome:
    seen: int
    matched: list[Matched]
    warning: str | None = None
    unmatched: list[UnmatchedRow] = field(default_factory=list)  # serialised by the worker


def parse_and_match(
    content: bytes,
    headers: dict[str, str],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    keep_all: bool = False,
    lang: str | None = None,
) -> ParseOutcome:
    """Parse a feed body, keep the entries about the islands, and prepare their sentences.

    Runs in a worker process: everything CPU-bound about a feed happens here, so the parent
    only reads and writes the database.
    """
    # Imported here: a parent that only downloads never compiles the matcher.
    from kurilwatch.developments import STORY_LEAD, detect_lang, prepare, story_words
    from kurilwatch.match import get_matcher

    parsed = parse_feed(content, headers)
    matcher = get_matcher(include, exclude)
    matched, unmatched = [], []
    for entry in parsed.entries:
        if keep_all:
            terms = ["*"]
        else:
            result = matcher.match(f"{entry.title}\n{entry.text}")
            if not result.relevant:
                unmatched.append(unmatched_row(entry))
                continue
            terms = result.matched_terms
        entry_lang = lang or detect_lang(f"{entry.title}\n{entry.text}")
        sentences = prepare(entry.text or entry.title, entry_lang)
        words = story_words(entry.title, [s.text for s in sentences[:STORY_LEAD]])
        matched.append(Matched(entry, terms, entry_lang, sentences, words))
    return ParseOutcome(len(parsed.entries), matched, parsed.warning, unmatched)


@dataclass(frozen=True)
class FeedJob:
    """A downloaded body and what is needed to parse it, in this process or a worker."""

    feed: Feed
    response: Response
    include: tuple[str, ...]
    exclude: tuple[str, ...]


def parse_job(job: FeedJob) -> tuple[ParseOutcome | None, FetchStatus, str | None]:
    """(outcome, status, error): a body that is no usable feed makes the response an error.

    Returns the new status rather than setting it, so a worker process sends back the
    outcome, not the body.
    """
    response = job.response
    try:
        outcome = parse_and_match(
            response.content,
            response.headers,
            job.include,
            job.exclude,
            job.feed.keep_all,
            job.feed.lang,
        )
    except FeedError as exc:
        return None, FetchStatus.error, exc.message
    return outcome, response.status, response.error


def feed_rules(config: Config, feed: Feed) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The include and exclude terms for one feed: the global ones and its own."""
    include = config.include + tuple(t for t in feed.include if t != "*")
    return include, config.exclude + feed.exclude


def make_client(limits: Limits) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        timeout=httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout),
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        transport=_PoolPerHost(limits.per_host),
        trust_env=False,
    )


class _PoolPerHost(httpx.AsyncBaseTransport):
    """A connection pool for each host, made on first use.

    httpcore's pool looks at every connection it holds on every request event, so a single
    pool for a hundred hosts costs quadratic time; a pool per host holds `per_host` at most.
    """

    def __init__(self, per_host: int) -> None:
        self.limits = httpx.Limits(max_connections=per_host, max_keepalive_connections=per_host)
        self.pools: dict[tuple[bytes, bytes, int | None], httpx.AsyncHTTPTransport] = {}
        # One context for every HTTPS pool, one for every plain-HTTP pool: a context costs
        # 0.4 ms to make, 25 ms with the CA bundle loaded, and a transport makes one always.
        self.ssl_contexts: dict[bool, ssl.SSLContext] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.raw_scheme, request.url.raw_host, request.url.port)
        pool = self.pools.get(key)
        if pool is None:
            secure = request.url.scheme == "https"
            context = self.ssl_contexts.get(secure)
            if context is None:
                # A plain-HTTP pool never opens a TLS connection: it needs no CA bundle.
                context = self.ssl_contexts[secure] = httpx.create_ssl_context(verify=secure)
            pool = self.pools[key] = httpx.AsyncHTTPTransport(verify=context, limits=self.limits)
        return await pool.handle_async_request(request)

    async def aclose(self) -> None:
        for pool in self.pools.values():
            await pool.aclose()


async def get(client: httpx.AsyncClient, feed: Feed, state: dict, limits: Limits) -> Response:
    """One conditional GET, the body streamed and cut off at the size cap."""
    headers = {
        "Accept": "application/rss+xml, application/atom+xml, application/rdf+xml, "
        "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
        **dict(feed.headers),
    }
    if feed.user_agent:
        headers["User-Agent"] = feed.user_agent
    total_timeout = feed.timeout or limits.total_timeout
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    try:
        async with asyncio.timeout(total_timeout):
            request_timeout = httpx.Timeout(total_timeout, connect=limits.connect_timeout)
            async with client.stream(
                "GET", feed.url, headers=headers, timeout=request_timeout
            ) as response:
                if response.status_code == 304:
                    return Response(FetchStatus.not_modified, 304, headers=dict(response.headers))
                if response.status_code >= 400:
                    message = f"HTTP {response.status_code} {response.reason_phrase or ''}".strip()
                    retry_after = _retry_after(response.headers.get("Retry-After"))
                    if retry_after is not None:
                        message += f" (retry after {shown(retry_after)})"
                    return Response(
                        FetchStatus.error, response.status_code, message, retry_after=retry_after
                    )
                chunks, size = [], 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limits.max_bytes:
                        return Response(
                            FetchStatus.error,
                            response.status_code,
                            f"response larger than {limits.max_bytes // (1024 * 1024)} MB",
                        )
                    chunks.append(chunk)
                return Response(
                    FetchStatus.ok,
                    response.status_code,
                    content=b"".join(chunks),
                    headers=dict(response.headers),
                )
    except (TimeoutError, httpx.TimeoutException):
        return Response(FetchStatus.error, error=f"timed out after {total_timeout:g}s")
    except httpx.TooManyRedirects:
        return Response(FetchStatus.error, error="too many redirects")
    except httpx.DecodingError:
        return Response(FetchStatus.error, error="corrupt compressed body")
    except httpx.ConnectError as exc:
        return Response(FetchStatus.error, error=_connect_error(exc))
    except httpx.RemoteProtocolError as exc:
        return Response(FetchStatus.error, error=f"connection broken: {exc}")
    except httpx.HTTPError as exc:
        return Response(
            FetchStatus.error,
            error=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__,
        )


def _retry_after(value: str | None) -> datetime | None:
    """Retry-After as a moment: seconds, or an HTTP date; capped at a week."""
    if not value:
        return None
    now = datetime.now(UTC)
    value = value.strip()
    if value.isdigit():
        moment = now + timedelta(seconds=int(value[:9]))
    else:
        from email.utils import parsedate_to_datetime

        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    return min(moment, now + MAX_RETRY_AFTER) if moment > now else None


def _connect_error(exc: httpx.ConnectError) -> str:
    import socket

    cause: BaseException | None = exc
    while cause is not None:  # httpx wraps httpcore wraps anyio wraps the OS error
        if isinstance(cause, socket.gaierror):
            return "DNS lookup failed"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        cause = cause.__cause__ or cause.__context__
    return f"cannot connect: {exc}" if str(exc) else "cannot connect"


async def poll(
    store: Store,
    config: Config,
    feeds: list[Feed],
    client: httpx.AsyncClient,
    now: Callable[[], datetime],
    limits: Limits = Limits(),
    workers: concurrent.futures.Executor | None = None,
    on_done: Callable[[FeedReport], None] | None = None,
) -> FetchReport:
    """Fetch, parse, match and store every feed; one feed's failure never stops the others.

    With `workers` (see `start_workers`), bodies are parsed in worker processes and this
    process only downloads and writes: one writer keeps SQLite's page cache warm, where
    writers in several processes invalidate each other's and wait for the lock. `on_done`
    is called with each feed's report as it finishes (a progress bar, say).
    """
    check_clock(now())
    store.pull_back_from_future(now())
    semaphore = asyncio.Semaphore(limits.max_parallel)
    per_host: dict[str, asyncio.Semaphore] = {}
    loop = asyncio.get_running_loop()
    states = store.feed_states()
    waiting: list[tuple[Callable[[], FeedReport], asyncio.Future[FeedReport]]] = []

    def write_waiting() -> None:
        """Store every feed whose result is in: one commit, a savepoint for each feed.

        A commit is a good part of storing a feed; when results come in faster than they
        are stored, they wait here and share one.
        """
        batch = waiting[:]
        waiting.clear()
        done: list[tuple[asyncio.Future[FeedReport], FeedReport | Exception]] = []
        try:
            with store.transaction():
                for write, future in batch:
                    try:
                        done.append((future, write()))
                    except Exception as exc:  # its savepoint is rolled back, not the others
                        if not store.conn.in_transaction:
                            raise  # SQLITE_FULL and the like: the whole batch is gone
                        done.append((future, exc))
        except Exception as exc:
            done = [(future, exc) for _write, future in batch]
        for future, outcome in done:
            if future.cancelled():  # the run was interrupted while this feed waited
                continue
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)

    async def stored(write: Callable[[], FeedReport]) -> FeedReport:
        future: asyncio.Future[FeedReport] = loop.create_future()
        waiting.append((write, future))
        if len(waiting) == 1:
            loop.call_soon(write_waiting)  # after the results that are in by then
        return await future

    async def one(feed: Feed) -> FeedReport:
        state = state_for_url(states.get(feed.name, {}), feed.url)
        retry_after = from_iso(state.get("retry_after"))
        # A wait longer than any Retry-After can ask for was set by a clock that ran ahead.
        if retry_after is not None and now() < retry_after <= now() + MAX_RETRY_AFTER:
            # The server asked us to wait (429/503 Retry-After): respect it.
            return FeedReport(
                feed.name,
                FetchStatus.skipped,
                error=f"server asked to wait until {shown(retry_after)}",
            )
        last_attempt = from_iso(state.get("last_attempt"))
        # An attempt "in the future" was made while the clock ran ahead: never trusted, or the
        # feed would not be due until the clock caught up with it.
        if feed.min_interval and last_attempt is not None and last_attempt <= now():
            due = last_attempt + timedelta(seconds=feed.min_interval)
            if due > now():
                return FeedReport(
                    feed.name, FetchStatus.skipped, error=f"not due until {shown(due)}"
                )
        host = httpx.URL(feed.url).host
        host_limit = per_host.setdefault(host, asyncio.Semaphore(limits.per_host))
        async with semaphore, host_limit:
            response = await get(client, feed, state, limits)
        if response.status is FetchStatus.ok:
            digest = hashlib.sha256(response.content).hexdigest()
            # The server ignored our validators but sent the same bytes: nothing to parse.
            unchanged = digest == state.get("content_digest")
            status = FetchStatus.not_modified if unchanged else FetchStatus.ok
            response = replace(response, status=status, digest=digest)
        outcome: ParseOutcome | None = None  # a 304, an error or a skip: only the state
        if response.status is FetchStatus.ok:
            include, exclude = feed_rules(config, feed)
            # In a worker process when there are workers, else in a thread: never on this loop.
            outcome, status, error = await loop.run_in_executor(
                workers, parse_job, FeedJob(feed, response, include, exclude)
            )
            response = replace(response, status=status, error=error)
        return await stored(
            lambda: save(store, feed, state, response, outcome, now(), config.keep_unmatched_days)
        )

    async def reported(feed: Feed) -> FeedReport:
        report = await one(feed)
        if on_done is not None:
            on_done(report)
        return report

    reports = await asyncio.gather(*(reported(feed) for feed in feeds))
    return FetchReport(list(reports))


VALIDATORS = ("etag", "last_modified", "content_digest")


def state_for_url(state: dict, url: str) -> dict:
    """A feed's stored state, without the conditional-GET validators when its URL changed.

    An ETag, a Last-Modified and a body's digest describe one URL's answer: sent to a new
    URL, a server that honours only If-Modified-Since answers 304 and the feed is never read.
    """
    if state.get("url") in (None, url):
        return state
    return {**state, **dict.fromkeys(VALIDATORS)}


def check_clock(moment: datetime) -> None:
    """Refuse to fetch with a clock that reads before this kurilwatch existed."""
    if moment < CLOCK_FLOOR:
        raise ClockError(
            f"the system clock reads {iso(moment)}, before this kurilwatch was released "
            f"({CLOCK_FLOOR:%Y-%m-%d}): nothing was fetched; set the clock right and run again"
        )


def save(
    store: Store,
    feed: Feed,
    state: dict,
    response: Response,
    outcome: ParseOutcome | None,
    at: datetime,
    keep_unmatched_days: int = 0,
) -> FeedReport:
    """Store one feed's items and state in a single transaction."""
    report = FeedReport(feed.name, response.status, response.http_status, response.error)
    previous_failures = state.get("consecutive_failures") or 0
    fields: dict[str, object] = {
        "last_attempt": iso(at),
        "last_status": response.status,
        "last_http_status": response.http_status,
        "retry_after": iso(response.retry_after),
    }
    # The validators of the URL polled: none yet for a new one (see state_for_url).
    fields |= {name: state.get(name) for name in VALIDATORS}
    if response.status is FetchStatus.error:
        report.failures = previous_failures + 1
        # A feed that never worked has not gone down: its first attempt failed.
        report.never_worked = state.get("last_success") is None
        report.went_down = previous_failures == 0 and not report.never_worked
        since = state.get("failing_since")
        # Failing "since" a moment still to come was recorded while the clock ran ahead.
        report.failing_since = since if since is not None and since <= iso(at) else iso(at)
        last_alert = from_iso(state.get("last_alert"))
        if last_alert is not None and last_alert > at:
            last_alert = None  # reported "in the future", by a run whose clock was ahead
        report.remind = not report.started_failing and (
            last_alert is None or at - last_alert >= REMIND_EVERY
        )
        fields |= {
            "last_error": response.error,
            "consecutive_failures": report.failures,
            "failing_since": report.failing_since,
        }
        if report.started_failing or report.remind:
            fields["last_alert"] = iso(at)
    else:
        report.recovered = previous_failures > 0
        fields |= {
            "last_success": iso(at),
            "last_error": None,
            "consecutive_failures": 0,
            "failing_since": None,
            "last_alert": None,
        }
        if response.status is FetchStatus.ok:
            # Only a fully stored body may move the validators forward.
            lower = {k.lower(): v for k, v in response.headers.items()}
            fields["etag"] = lower.get("etag")
            fields["last_modified"] = lower.get("last-modified")
            fields["content_digest"] = response.digest
    with store.transaction():
        if outcome is not None:
            from kurilwatch.developments import assign_stories, index_item

            report.seen = outcome.seen
            report.warning = outcome.warning
            report.matched = len(outcome.matched)
            # Oldest first, so "earlier item" means what it says when feeds list newest first.
            in_order = sorted(
                reversed(outcome.matched),
                key=lambda m: (m.entry.published is None, m.entry.published or at),
            )
            seen_keys: set[str] = set()
            to_group: list[tuple[int, frozenset[str] | None]] = []
            for matched in in_order:
                entry = matched.entry
                # A feed that repeats an entry (the same GUID twice) stores it once; entries
                # with distinct GUIDs are distinct even when they share a link.
                if entry.identity_keys[0] in seen_keys:
                    continue
                seen_keys.add(entry.identity_keys[0])
                lang = matched.lang or feed.lang
                result = store.upsert_entry(feed.name, entry, matched.terms, lang)
                report.new += result.status is ItemChange.new
                report.updated += result.status is ItemChange.updated
                if not result.shown_changed:
                    continue
                shown = store.shown_copy(result.item_id)
                # The sentences the worker prepared are this entry's: another feed's copy
                # may be the one shown.
                prepared = matched.sentences if shown == (entry.title, entry.text) else None
                index_item(store, result.item_id, shown[1] or shown[0], lang, prepared)
                words = matched.story_words if prepared is not None else None
                to_group.append((result.item_id, words))
            # After the loop: the feed's items then read the story window once, not each.
            assign_stories(store, to_group)
        if outcome is not None and keep_unmatched_days:
            store.keep_unmatched(feed.name, outcome.unmatched, keep_unmatched_days)
        store.record_feed(feed.name, feed.url, **fields)
    return report


def run_fetch(
    store: Store,
    config: Config,
    feeds: list[Feed],
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    limits: Limits = Limits(),
    on_done: Callable[[FeedReport], None] | None = None,
) -> FetchReport:
    """Synchronous entry point: poll with a fresh client, parsing on every core."""

    async def main(workers: concurrent.futures.Executor | None) -> FetchReport:
        async with make_client(limits) as client:
            return await poll(store, config, feeds, client, now, limits, workers, on_done)

    _load_http_stack()
    count = min(os.cpu_count() or 1, len(feeds))
    if count < 2 or len(feeds) < PARALLEL_FROM:
        return asyncio.run(main(None))
    with start_workers(count) as workers:
        return asyncio.run(main(workers))


PARALLEL_FROM = 8  # feeds; below this, worker processes cost more than they save


def _load_http_stack() -> None:
    """Import now what httpx imports on the first request: httpcore, anyio's asyncio backend.

    Left to the first request, these 50 ms of imports run inside the event loop while every
    request waits, with the worker processes warming up beside them; loaded before the
    workers are forked, the first request leaves that much earlier and they share them.
    """
    import contextlib
    import importlib

    for name in ("httpcore", "anyio._backends._asyncio"):
        # Should anyio's private layout change, only this head start is lost.
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def start_workers(count: int) -> concurrent.futures.ProcessPoolExecutor:
    """Worker processes that parse feeds, started now rather than on first use.

    Forked before the event loop starts any thread, they are ready (and have imported the
    parser) by the time the first body arrives; a run where every feed answers 304 pays a
    few milliseconds for them. forkserver where fork is unsafe (threads running, not Linux).
    """
    import multiprocessing
    import sys
    import threading

    safe_to_fork = sys.platform == "linux" and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if safe_to_fork else "forkserver")
    pool = concurrent.futures.ProcessPoolExecutor(
        count, mp_context=context, initializer=_prepare_worker
    )
    if safe_to_fork:
        pool.submit(int)  # with fork, the first task starts every worker, here and now
    return pool


def _prepare_worker() -> None:
    """Import and compile what parsing needs while the downloads are still in flight."""
    # Below the parent's priority: it downloads and writes for everyone, so when the cores
    # are all busy, it should be the one that runs.
    os.nice(5)
    import feedparser  # noqa: F401
    from selectolax.lexbor import LexborHTMLParser  # noqa: F401

    from kurilwatch.developments import prepare
    from kurilwatch.match import get_matcher

    get_matcher()
    prepare("Warm-up. Sentence splitter.", "en")
    gc.freeze()


def check_feeds(config: Config, feeds: list[Feed], limits: Limits = Limits()) -> list[dict]:
    """Poll feeds without storing anything (no conditional GET either) and describe them."""
    from kurilwatch.match import get_matcher

    async def one(client: httpx.AsyncClient, feed: Feed) -> dict:
        response = await get(client, feed, {}, limits)
        result: dict = {
            "feed": feed.name,
            "url": feed.url,
            "status": response.status,
            "http_status": response.http_status,
            "error": response.error,
            "content_type": {k.lower(): v for k, v in response.headers.items()}.get("content-type"),
        }
        if response.status is FetchStatus.ok:
            try:
                parsed = parse_feed(response.content, response.headers)
            except FeedError as exc:
                result |= {"status": FetchStatus.error, "error": exc.message}
                return result
            include, exclude = feed_rules(config, feed)
            matcher = get_matcher(include, exclude)
            result |= {
                "format": parsed.format,
                "encoding": parsed.encoding,
                "items": len(parsed.entries),
                "matched": len(parsed.entries)
                if feed.keep_all
                else sum(matcher.match(f"{e.title}\n{e.text}").relevant for e in parsed.entries),
                "warning": parsed.warning,
            }
        return result

    async def main() -> list[dict]:
        async with make_client(limits) as client:
            return list(await asyncio.gather(*(one(client, feed) for feed in feeds)))

    return asyncio.run(main())
