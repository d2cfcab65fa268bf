"""The update pipeline: what `kurilwatch fetch` does to each feed, stage by stage.

    due        skip a feed the server asked to wait for, or polled too recently (decide.py)
    retrieve   HTTP (http.py): a conditional GET within the limits, one pool per host;
               a body identical to the last one stored counts as not modified
    parse      feedparser -> entries (parse.py)                 \
    match      keep the entries about the islands (match.py)     > in a worker process
    prepare    each kept entry's sentences and story words       /
    articles   the article pages of the items that need them (articles.py): read politely,
               extracted, matched and prepared again in a worker; the article becomes the
               item's text, the feed's text stays its summary
    decide     pure (decide.py): what was fetched + the feed's stored state -> intents
               (FeedUpdate): entries to store, the feed's health and validators, entries
               kept for refilter
    apply      the intents in one transaction per feed: each entry a new item or a copy of
               a stored one (Store.upsert_entry, which asks decide.decide_copy whether it is
               a new revision and which copy to show), sentences and stories, the feed's state

Every feed goes through the stages on its own, concurrently; one feed's failure never stops
the others. A new stage is one more function called in `poll`'s `one`, between two others.
One clock, the store's (`Store(now=)`), dates everything a run decides and stores.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import gc
import hashlib
import json
import logging
import os
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from kurilwatch import parse
from kurilwatch.articles import Pages, Settled, article_key, read_article, wants_article
from kurilwatch.config import Config, Feed, feed_rules
from kurilwatch.decide import decide, due, state_for_url, text_source
from kurilwatch.errors import ClockError, FeedError
from kurilwatch.feedguard import ParseTimeout, parse_deadline, timed_out
from kurilwatch.http import Limits, get, host, load_http_stack, make_client
from kurilwatch.models import (
    FeedReport,
    FeedState,
    FeedUpdate,
    FetchReport,
    FetchStatus,
    ItemChange,
    Matched,
    ParseOutcome,
    Response,
)
from kurilwatch.parse import parse_feed
from kurilwatch.store import Store, UpsertResult, from_iso, iso, unmatched_row

# What was requested, what came back, what was decided: `kurilwatch -v` or --log-file.
log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import httpx

PARALLEL_FROM = 8  # feeds; below this, worker processes cost more than they save
# No run of this kurilwatch can happen before it was released: a clock reading earlier (1970,
# after a dead RTC battery) would date every undated item then, for good.
CLOCK_FLOOR = datetime(2026, 11, 1, tzinfo=UTC)


# --- due ---------------------------------------------------------------------------------


def check_clock(moment: datetime) -> None:
    """Refuse to fetch with a clock that reads before this kurilwatch existed."""
    if moment < CLOCK_FLOOR:
        raise ClockError(
            f"the system clock reads {iso(moment)}, before this kurilwatch was released "
            f"({CLOCK_FLOOR:%Y-%m-%d}): nothing was fetched; set the clock right and run again"
        )


# --- retrieve ----------------------------------------------------------------------------


def unchanged_body(response: Response, state: FeedState) -> Response:
    """The response with its body's digest; not modified when it is the body stored last."""
    if response.status is not FetchStatus.ok:
        return response
    digest = hashlib.sha256(response.content).hexdigest()
    # A server that ignores validators but sends the same bytes: nothing to parse.
    unchanged = digest == state.content_digest
    status = FetchStatus.not_modified if unchanged else FetchStatus.ok
    return replace(response, status=status, digest=digest)


# --- parse, match, prepare (in a worker process) ----------------------------------------


def parse_and_match(
    content: bytes,
    headers: dict[str, str],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    keep_all: bool = False,
    lang: str | None = None,
    articles: str = "never",
) -> ParseOutcome:
    """Parse a feed body, keep the entries about the islands, and prepare their sentences.

    Runs in a worker process: everything CPU-bound about a feed happens here, so the parent
    only reads and writes the database. With `articles` other than "never", an unmatched
    entry whose text is inconclusive but plausible is listed for the article stage.
    """
    # Imported here: a parent that only downloads never compiles the matcher.
    from kurilwatch.match import get_matcher, worth_reading

    parsed = parse_feed(content, headers)
    matcher = get_matcher(include, exclude)
    matched, unmatched, plausible = [], [], []
    for entry in parsed.entries:
        hits = None
        if keep_all:
            terms = ["*"]
        else:
            text = f"{entry.title}\n{entry.text}"
            result = matcher.match(text)
            if not result.relevant:
                log.debug("rejected %r: %s", entry.title, result.reason)
                unmatched.append(unmatched_row(entry))
                # The cheap test first: most unmatched entries have no page to read.
                if wants_article(entry, articles) and worth_reading(text, result):
                    plausible.append(entry)
                continue
            terms = result.matched_terms
            hits = [(h.start, h.end, h.rule, h.text) for h in result.hits]
            log.debug("kept %r: %s", entry.title, result.reason)
        matched.append(prepare(Matched(entry, terms), lang, hits))
    return ParseOutcome(len(parsed.entries), matched, parsed.warning, unmatched, plausible)


def prepare(
    matched: Matched, lang: str | None, hits: list[tuple[int, int, str, str]] | None = None
) -> Matched:
    """A kept entry with its language, sentences and its title's story tokens.

    `hits` are the matcher's (start, end, rule, text) over "title\ntext": they give the
    places, so the matcher does not run again. The lead's story tokens are chosen when the
    parent knows which sentences are background (developments.lead_story_words).
    """
    from kurilwatch.developments import detect_lang
    from kurilwatch.developments import prepare as prepare_sentences
    from kurilwatch.stories import places, title_tokens

    entry = matched.entry
    entry_lang = lang or detect_lang(f"{entry.title}\n{entry.text}")
    in_title = in_text = None
    if hits is not None:
        skip = len(entry.title) + 1 if entry.text else 0
        in_text = [(start - skip, rule, text) for start, _, rule, text in hits if start >= skip]
        in_title = [
            (start, rule, text) for start, end, rule, text in hits if end <= len(entry.title)
        ]
    sentences = prepare_sentences(entry.text or entry.title, entry_lang, entry.published, in_text)
    named = places(entry.title, in_title) if in_title is not None else None
    words = title_tokens(entry.title, entry_lang, entry.published, named)
    return replace(matched, lang=entry_lang, sentences=sentences, story_words=words)


@dataclass(frozen=True)
class FeedJob:
    """A downloaded body and what is needed to parse it, in this process or a worker."""

    feed: Feed
    response: Response
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    # Read in the parent: a worker started by a forkserver has its own copy of the module.
    deadline: float = field(default_factory=lambda: parse.PARSE_DEADLINE)


def parse_job(job: FeedJob) -> tuple[ParseOutcome | None, FetchStatus, str | None]:
    """(outcome, status, error): a body that is no usable feed makes the response an error.

    Returns the new status rather than a new response, so a worker process sends back the
    outcome, not the body.
    """
    response = job.response
    try:
        with parse_deadline(job.deadline):
            outcome = parse_and_match(
                response.content,
                response.headers,
                job.include,
                job.exclude,
                job.feed.keep_all,
                job.feed.lang,
                job.feed.articles,
            )
    except FeedError as exc:
        return None, FetchStatus.error, exc.message
    except ParseTimeout as exc:
        return None, FetchStatus.error, timed_out(exc)
    except Exception as exc:  # the last line of defence: this feed fails, never the run
        message = f"cannot read the feed: {type(exc).__name__}: {exc}"[:300]
        return None, FetchStatus.error, message
    return outcome, response.status, response.error


# --- apply -------------------------------------------------------------------------------


def apply(store: Store, update: FeedUpdate) -> FeedReport:
    """Store one feed's intents in a single transaction; its report with what changed."""
    new = updated = 0
    with store.transaction():
        if update.entries:
            from kurilwatch.ingest import store_entries

            item_ids: dict[str, int] = {}

            def stored(matched: Matched, result: UpsertResult) -> None:
                nonlocal new, updated
                key = article_key(update.feed, matched.entry)
                item_ids[key] = result.item_id
                new += result.status is ItemChange.new
                updated += result.status is ItemChange.updated
                if result.status is not ItemChange.unchanged:
                    source = update.text_sources.get(key) or text_source(matched.entry)
                    store.set_text_source(result.item_id, source)

            store_entries(store, update.feed, update.entries, on_upsert=stored)
            for row in update.article_rows:
                record = asdict(row) | {"last_attempt": iso(store.now())}
                record["item_id"] = row.item_id or item_ids.get(row.key)
                store.record_article(record)
        elif update.article_rows:  # nothing stored, but pages were tried
            for row in update.article_rows:
                store.record_article(asdict(row) | {"last_attempt": iso(store.now())})
        if update.article_rows:
            store.prune_articles(update.feed, iso(store.now() - ARTICLES_REMEMBERED))
        if update.unmatched is not None:
            store.keep_unmatched(update.feed, list(update.unmatched), update.keep_unmatched_days)
        store.record_feed_state(update.feed, update.state)
    return replace(update.report, new=new, updated=updated)


# --- the pipeline ------------------------------------------------------------------------


async def poll(
    store: Store,
    config: Config,
    feeds: list[Feed],
    client: httpx.AsyncClient,
    limits: Limits = Limits(),
    workers: concurrent.futures.Executor | None = None,
    on_done: Callable[[FeedReport], None] | None = None,
) -> FetchReport:
    """Every stage for every feed, concurrently; one feed's failure never stops the others.

    With `workers` (see `start_workers`), bodies are parsed in worker processes and this
    process only downloads and writes: one writer keeps SQLite's page cache warm, where
    writers in several processes invalidate each other's and wait for the lock. `on_done`
    is called with each feed's report as it finishes (a progress bar, say).
    """
    check_clock(store.now())
    store.pull_back_from_future(store.now())
    semaphore = asyncio.Semaphore(limits.max_parallel)
    per_host: dict[str, asyncio.Semaphore] = {}
    loop = asyncio.get_running_loop()
    states = store.feed_states_for_update()
    # Article pages share the per-host limit with the feeds (see articles.py); a host that
    # asked to wait (Retry-After) is left alone until then, across runs.
    pages = Pages(client, limits, config.articles, per_host, semaphore)
    pages.blocked_until = article_waits(store.get_state(ARTICLE_WAITS), store.now())
    waiting: list[tuple[Callable[[], FeedReport], asyncio.Future[FeedReport]]] = []

    def write_waiting() -> None:
        """Apply every feed's intents that are in: one commit, a savepoint for each feed.

        A commit is a good part of storing a feed; when results come in faster than they
        are stored, they wait here and share one.
        """
        batch = waiting[:]
        waiting.clear()
        done: list[tuple[asyncio.Future[FeedReport], FeedReport | Exception]] = []
        try:
            with store.transaction(), collections_held():
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

    async def stored(update: FeedUpdate) -> FeedReport:
        future: asyncio.Future[FeedReport] = loop.create_future()
        waiting.append((lambda: apply(store, update), future))
        if len(waiting) == 1:
            loop.call_soon(write_waiting)  # after the results that are in by then
        return await future

    async def retrieve(feed: Feed, state: FeedState) -> Response:
        # A feed that moved for good is polled at its new address, until its configured
        # address is changed.
        moved = state.moved_to if state.url == feed.url else None
        polled = replace(feed, url=moved) if moved else feed
        host_limit = per_host.setdefault(host(polled.url), asyncio.Semaphore(limits.per_host))
        async with semaphore, host_limit:
            response = await get(client, polled, limits, state.etag, state.last_modified)
        return unchanged_body(response, state)

    def reads_pages(feed: Feed, outcome: ParseOutcome | None) -> bool:
        return wants_articles(feed, outcome) or (
            feed.articles != "never" and store.has_article_queue(feed.name)
        )

    # Feeds whose pages are being read or whose items wait to be stored, at once: each
    # holds its pages and their prepared sentences (a few hundred KB an article) until its
    # write, and the writer is slower than the workers, so without a bound every feed's
    # articles would pile up in this process. Enough to keep both the page downloads and
    # the workers busy.
    reading = asyncio.Semaphore(FEEDS_READING)

    async def parsed(feed: Feed, response: Response) -> tuple[ParseOutcome | None, Response]:
        if response.status is not FetchStatus.ok:
            return None, response  # a 304 or an error: nothing to parse
        include, exclude = feed_rules(config, feed)
        # In a worker process when there are workers, else in a thread: never on this loop.
        outcome, status, error = await loop.run_in_executor(
            workers, parse_job, FeedJob(feed, response, include, exclude)
        )
        return outcome, replace(response, status=status, error=error)

    async def one(feed: Feed) -> FeedReport:
        state = state_for_url(states.get(feed.name, FeedState()), feed.url)
        skipped = due(feed, state, store.now())
        if skipped is not None:
            return skipped
        log.info(
            "%s: GET %s (If-None-Match: %s, If-Modified-Since: %s)",
            feed.name,
            feed.url,
            state.etag,
            state.last_modified,
        )
        response = await retrieve(feed, state)
        log.info(
            "%s: %s %s, %d bytes%s",
            feed.name,
            response.http_status or "-",
            response.status.value,
            len(response.content),
            f": {response.error}" if response.error else "",
        )
        outcome, response = await parsed(feed, response)
        if not reads_pages(feed, outcome):
            return await finish(feed, state, response, outcome, None)
        async with reading:
            settled = await article_stage(store, config, feed, outcome, pages, workers)
            return await finish(feed, state, response, outcome, settled)

    async def finish(
        feed: Feed,
        state: FeedState,
        response: Response,
        outcome: ParseOutcome | None,
        settled: Settled | None,
    ) -> FeedReport:
        update = decide(
            feed, state, response, outcome, store.now(), config.keep_unmatched_days, settled
        )
        if outcome is not None:
            log.info(
                "%s: %d entries, %d about the islands, %d not (kept for refilter)",
                feed.name,
                outcome.seen,
                len(outcome.matched),
                len(outcome.unmatched),
            )
        try:
            report = await stored(update)
        except sqlite3.OperationalError:
            raise  # the database itself (full, busy, read-only): said once, for the run
        except Exception as exc:  # this feed's entries broke the store: it alone fails
            error = f"cannot store the feed: {type(exc).__name__}: {exc}"[:300]
            log.info("%s: %s", feed.name, error)
            failed = replace(response, status=FetchStatus.error, error=error)
            now = store.now()
            return await stored(decide(feed, state, failed, None, now, config.keep_unmatched_days))
        log.info("%s: %d new, %d updated", feed.name, report.new, report.updated)
        return report

    async def reported(feed: Feed) -> FeedReport:
        report = await one(feed)
        if on_done is not None:
            on_done(report)
        return report

    reports = await asyncio.gather(*(reported(feed) for feed in feeds))
    waits = article_waits(
        json.dumps({h: iso(t) for h, t in pages.blocked_until.items()}), store.now()
    )
    if waits or store.get_state(ARTICLE_WAITS):
        with store.transaction():
            store.set_state(ARTICLE_WAITS, json.dumps({h: iso(t) for h, t in waits.items()}))
    return FetchReport(list(reports))


@contextmanager
def collections_held() -> Iterator[None]:
    """No cyclic garbage collection inside: what a write made is walked once, after it.

    Classifying a feed's items makes hundreds of thousands of objects, nearly all freed as
    soon as they are dropped (reference counting) or kept for good in the caches; the
    collections that walked them while the writes went on were half of the second a cold
    fetch with articles spent collecting. (Not frozen after: a frozen in-flight download
    that ends in a reference cycle would never be freed, its page with it.)
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


ARTICLES_REMEMBERED = timedelta(days=30)  # an unstored entry's page is not read again
ARTICLE_WAITS = "article_hosts_waiting"  # state: {host: until} from Retry-After on a page


def article_waits(stored: str | None, at: datetime) -> dict[str, datetime]:
    """The hosts whose Retry-After on an article page has not run out at `at`."""
    waits: dict[str, datetime] = {}
    for host_name, until in json.loads(stored or "{}").items():
        moment = from_iso(until)
        if moment is not None and moment > at:
            waits[host_name] = moment
    return waits


def wants_articles(feed: Feed, outcome: ParseOutcome | None) -> bool:
    """Whether any of this poll's entries has a page to read (the queue aside)."""
    if outcome is None:
        return False
    return bool(outcome.plausible) or any(
        wants_article(m.entry, feed.articles) for m in outcome.matched
    )


async def article_stage(
    store: Store,
    config: Config,
    feed: Feed,
    outcome: ParseOutcome | None,
    pages: Pages,
    workers: concurrent.futures.Executor | None,
) -> Settled:
    """Read the article pages of one feed's items (see articles.py): items in, items out."""
    from kurilwatch import articles

    matched = outcome.matched if outcome is not None else []
    plausible = outcome.plausible if outcome is not None else []
    entries = [m.entry for m in matched] + plausible
    rows, texts = store.article_rows(feed.name, [article_key(feed.name, e) for e in entries])
    stored_rows = articles.stored_from_rows(rows, texts)
    max_attempts = config.articles.max_attempts
    plan = articles.plan(feed, matched, plausible, stored_rows, max_attempts)
    include, exclude = feed_rules(config, feed)
    loop = asyncio.get_running_loop()

    async def one(
        candidate: articles.Candidate,
    ) -> tuple[articles.Candidate, articles.PageResult, articles.ArticleRead | None]:
        page = await pages.fetch(feed, candidate)
        read = None
        if page.status == "ok" and page.response is not None:
            job = articles.ArticleJob(
                page.response.content,
                candidate.page or "",
                articles.header(page.response, "content-type"),
                candidate.entry,
                include,
                exclude,
                feed.keep_all,
                feed.lang,
                candidate.matched,
            )
            # In a worker process when there are workers, else in a thread: off the loop.
            read = await loop.run_in_executor(workers, articles.read_article, job)
        return candidate, page, read

    outcomes = await asyncio.gather(*(one(c) for c in plan.candidates))
    settled = articles.settle(feed, list(outcomes), max_attempts)
    settled.matched = plan.kept + settled.matched
    settled.sources = plan.sources | settled.sources
    return settled


def run_fetch(
    store: Store,
    config: Config,
    feeds: list[Feed],
    limits: Limits = Limits(),
    on_done: Callable[[FeedReport], None] | None = None,
) -> FetchReport:
    """Synchronous entry point: poll with a fresh client, parsing on every core."""

    async def main(workers: concurrent.futures.Executor | None) -> FetchReport:
        async with make_client(limits) as client:
            return await poll(store, config, feeds, client, limits, workers, on_done)

    load_http_stack()
    large_blocks_mapped()
    count = min(os.cpu_count() or 1, len(feeds))
    if count < 2 or len(feeds) < PARALLEL_FROM:
        return asyncio.run(main(None))
    with start_workers(count) as workers:
        return asyncio.run(main(PagesFirst(workers, JOBS_PER_WORKER * count)))


def large_blocks_mapped() -> None:
    """Blocks of 128 KB and more get their own mapping, so that a freed one goes back.

    glibc raises its mmap threshold each time such a block is freed, after which article
    pages and their pickles come from the heap, and much of their memory stays with the
    process once they are dropped (10-20 MB of peak RSS in the benchmark's run that reads
    500 pages). A fixed threshold keeps them mapped. Workers forked after it inherit it.
    """
    if sys.platform != "linux":
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return
    m_mmap_threshold = -3
    mallopt(m_mmap_threshold, 128 * 1024)


FEEDS_READING = 48  # feeds reading article pages or waiting to store what was read, at once
JOBS_PER_WORKER = 2  # jobs handed to the pool at a time: one running, one ready, per worker


class PagesFirst(concurrent.futures.Executor):
    """The worker processes, handed article pages before feed bodies, a few jobs at a time.

    Every feed's body arrives at the start of a run, and in the pool's own order they would
    all be parsed before the first article page is read: no feed would be complete, and the
    writer would have nothing to do, until every body had been parsed. Reading the pages of
    the feeds already parsed first completes feeds early, so that storing them overlaps
    with the workers' parsing of the rest; one job at a time stays a body while bodies
    wait, so that the later feeds' pages keep being found (and their downloads overlap
    the reading of the others).
    """

    def __init__(self, pool: concurrent.futures.Executor, slots: int) -> None:
        import threading

        self._pool = pool
        self._free = slots
        self._lock = threading.Lock()  # the pool calls `_finished` from its own thread
        Waiting = deque[tuple[Callable, tuple, concurrent.futures.Future]]
        self._pages: Waiting = deque()
        self._bodies: Waiting = deque()
        self._bodies_running = 0

    def submit(self, fn: Callable, /, *args: object, **kwargs: object) -> concurrent.futures.Future:
        assert not kwargs, "run_in_executor passes positional arguments only"
        outer: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            (self._pages if fn is read_article else self._bodies).append((fn, args, outer))
        self._dispatch()
        return outer

    def _dispatch(self) -> None:
        while True:
            with self._lock:
                if not self._free or not (self._pages or self._bodies):
                    return
                body = bool(self._bodies) and (not self._pages or not self._bodies_running)
                fn, args, outer = (self._bodies if body else self._pages).popleft()
                if not outer.set_running_or_notify_cancel():
                    continue  # cancelled while it waited (the run was interrupted)
                self._free -= 1
                self._bodies_running += body
            try:
                inner = self._pool.submit(fn, *args)
            except BaseException as exc:  # a pool that is broken or shut down
                self._finished(body, outer, None, exc)
                continue
            inner.add_done_callback(functools.partial(self._finished, body, outer))

    def _finished(
        self,
        body: bool,
        outer: concurrent.futures.Future,
        inner: concurrent.futures.Future | None,
        refused: BaseException | None = None,
    ) -> None:
        with self._lock:
            self._free += 1
            self._bodies_running -= body
        if inner is None:
            outer.set_exception(refused or RuntimeError("not submitted"))
        elif inner.cancelled():
            outer.set_exception(concurrent.futures.CancelledError())
        elif (error := inner.exception()) is not None:
            outer.set_exception(error)
        else:
            outer.set_result(inner.result())
        if inner is not None:
            self._dispatch()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait, cancel_futures=cancel_futures)


def start_workers(count: int) -> concurrent.futures.ProcessPoolExecutor:
    """Worker processes that parse feeds, started now rather than on first use.

    Forked before the event loop starts any thread, they are ready (and have imported the
    parser) by the time the first body arrives; a run where every feed answers 304 pays a
    few milliseconds for them. forkserver where fork is unsafe (threads running, not Linux).
    """
    import multiprocessing
    import threading

    safe_to_fork = sys.platform == "linux" and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if safe_to_fork else "forkserver")
    pool = concurrent.futures.ProcessPoolExecutor(
        count, mp_context=context, initializer=_prepare_worker, initargs=(os.getpid(),)
    )
    if safe_to_fork:
        pool.submit(int)  # with fork, the first task starts every worker, here and now
    return pool


def _prepare_worker(parent: int) -> None:
    """Import and compile what parsing needs while the downloads are still in flight."""
    die_with(parent)
    # Below the parent's priority: it downloads and writes for everyone, so when the cores
    # are all busy, it should be the one that runs.
    os.nice(5)
    # Not feedparser (25-50 ms of CPU): a run where every feed answers 304 never needs it;
    # a worker that is sent a body imports it then, once.
    from selectolax.lexbor import LexborHTMLParser  # noqa: F401

    from kurilwatch.developments import prepare
    from kurilwatch.match import get_matcher

    get_matcher()
    prepare("Warm-up. Sentence splitter.", "en")
    gc.freeze()


def die_with(parent: int) -> None:
    """End this worker process when `parent` ends, even by SIGKILL (which runs no cleanup).

    On Linux the kernel does it (PR_SET_PDEATHSIG); elsewhere, or when the worker is not the
    parent's own child (forkserver), a thread looks for the parent every second.
    """
    import signal
    import threading

    if sys.platform == "linux" and os.getppid() == parent:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the call: too late for it
                os._exit(1)
            return

    spawned_by = os.getppid()  # the parent, or the forkserver that forked this worker

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != spawned_by:  # adopted by init: whoever started us is gone
                os._exit(1)
            try:
                os.kill(parent, 0)
            except OSError:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def check_feeds(config: Config, feeds: list[Feed], limits: Limits = Limits()) -> list[dict]:
    """Retrieve, parse and match feeds without storing anything (no conditional GET
    either) and describe them."""
    from kurilwatch.match import get_matcher

    async def one(client: httpx.AsyncClient, feed: Feed) -> dict:
        response = await get(client, feed, limits)
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
