"""The article stage: read the pages of the items a feed's setting selects.

Items in, article texts and outcomes out. `plan` decides from the feed's setting, each
entry and what is stored which pages to request (pure: the caller reads the store for it);
`Pages` requests them politely (the per-host limit shared with feeds, a per-host delay,
robots.txt, Retry-After, the size cap, content types, a budget per run and per host);
`read_article` extracts and matches a page in a worker process; `settle` turns each outcome
into the items to store and the rows of the `articles` table. A page that cannot be read
never costs the item: it is stored with the feed's text, marked lead-only, and retried on
later runs a bounded number of times.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kurilwatch.models import Entry, FetchStatus

if TYPE_CHECKING:
    import httpx

    from kurilwatch.config import ArticleLimits, Feed
    from kurilwatch.http import Limits
    from kurilwatch.models import Matched, Response

# A feed text shorter than this is a lead, not the article (Japanese is denser).
SHORT_TEXT = 1_000
SHORT_TEXT_CJK = 400
MAX_PAGE_BYTES = 5 * 1024 * 1024
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


# Names reserved for documentation and testing (RFC 2606, RFC 6761): no page is there.
_RESERVED = (".example", ".invalid", ".test", ".localhost")


def wants_article(entry: Entry, mode: str) -> bool:
    """Whether the feed's setting asks for this entry's page (before relevance)."""
    if mode == "never" or not entry.url:
        return False
    host = (urlsplit(entry.url).hostname or "").rstrip(".")
    if host.endswith(_RESERVED) or host in ("example", "invalid", "test"):
        return False
    if mode == "always":
        return True
    if entry.full_text:
        return False
    limit = SHORT_TEXT_CJK if _CJK.search(entry.text[:300]) else SHORT_TEXT
    return len(entry.text) < limit


def article_key(feed: str, entry: Entry) -> str:
    """The `articles` row of an entry: its strongest identity, scoped to its feed."""
    return f"{feed}\x1f{entry.identity_keys[0]}"


def entry_digest(entry: Entry) -> str:
    """What the feed says of an item; a page is re-read only when this changes."""
    raw = f"{entry.title}\x1f{entry.text}\x1f{entry.url}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


_GOOGLE_STUB = re.compile(r"^/(?:rss/)?(?:articles|read)/([A-Za-z0-9_-]+)")


def publisher_url(url: str) -> str | None:
    """The page to read for an item's link; None for a redirect stub that hides it.

    Google News links are news.google.com/rss/articles/<id> stubs that a browser follows
    with JavaScript. Ids of the older format are base64 of a record holding the
    publisher's address; those of the current one ("AU_yqL...") are opaque, resolved only
    by Google's internal RPC, which kurilwatch does not call: such an item keeps its feed
    text.
    """
    parts = urlsplit(url)
    if (parts.hostname or "").lower() != "news.google.com":
        return url
    stub = _GOOGLE_STUB.match(parts.path)
    if stub is None:
        return None
    token = stub.group(1)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        return None
    found = re.search(rb"https?://[\x21-\x7e]+", raw)
    return found.group(0).decode() if found else None


# --- deciding what to read -------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """An `articles` row, as the plan needs it."""

    key: str
    item_id: int | None
    status: str  # read | queued | failed | gave_up
    attempts: int
    entry_digest: str | None
    etag: str | None
    last_modified: str | None
    url: str | None
    entry: Entry | None = None  # an entry waiting to be read that is not stored as an item
    text: str | None = None  # the stored item's text (the article, once read)


@dataclass(frozen=True)
class Candidate:
    """One page to request, and what the item is without it."""

    key: str
    entry: Entry  # as the feed gave it
    page: str | None  # the address to request; None when the link hides it
    matched: Matched | None  # the item as matched on the feed's text; None: plausible only
    previous: Stored | None
    stored_item: bool = False  # already stored with its feed text (an earlier run's queue)


@dataclass
class Plan:
    candidates: list[Candidate] = field(default_factory=list)
    kept: list[Matched] = field(default_factory=list)  # stored as they are, article text in
    sources: dict[str, str] = field(default_factory=dict)  # key -> text_source


def plan(
    feed: Feed,
    matched: list[Matched],
    plausible: list[Entry],
    stored: dict[str, Stored],
    max_attempts: int,
) -> Plan:
    """Which pages to request for one feed's entries and its queue from earlier runs."""
    result = Plan()
    seen: set[str] = set()
    for item in matched:
        entry = item.entry
        key = article_key(feed.name, entry)
        seen.add(key)
        previous = stored.get(key)
        if not wants_article(entry, feed.articles):
            result.kept.append(item)
            result.sources[key] = "feed-full-text" if entry.full_text else "feed"
            continue
        same = previous if previous and previous.entry_digest == entry_digest(entry) else None
        if same is not None and same.status == "read" and same.text is not None:
            # Read before, and the feed says nothing changed: the stored article stands.
            result.kept.append(_with_text(item, same.text))
            result.sources[key] = "article"
        elif same is not None and (same.status == "gave_up" or same.attempts >= max_attempts):
            result.kept.append(item)
            result.sources[key] = "feed"
        else:
            result.candidates.append(
                Candidate(key, entry, publisher_url(entry.url or ""), item, previous)
            )
    for entry in plausible:
        key = article_key(feed.name, entry)
        seen.add(key)
        previous = stored.get(key)
        if not wants_article(entry, feed.articles):
            continue
        if (
            previous is not None
            and previous.entry_digest == entry_digest(entry)
            and (previous.status in ("read", "gave_up") or previous.attempts >= max_attempts)
        ):
            continue  # not about the islands, or unreadable: the feed says nothing new
        result.candidates.append(
            Candidate(key, entry, publisher_url(entry.url or ""), None, previous)
        )
    # The queue: pages that earlier runs could not read, for items the feed no longer shows.
    for key, previous in stored.items():
        if key in seen or previous.status not in ("queued", "failed"):
            continue
        if previous.attempts >= max_attempts or previous.entry is None:
            continue
        entry = previous.entry
        result.candidates.append(
            Candidate(
                key,
                entry,
                publisher_url(entry.url or ""),
                None,
                previous,
                stored_item=previous.item_id is not None,
            )
        )
    return result


def _with_text(item: Matched, text: str) -> Matched:
    return replace(item, entry=replace(item.entry, text=text))


# --- requesting pages politely ------------------------------------------------------------------


@dataclass
class PageResult:
    status: str  # ok | not_modified | failed | queued | disallowed | no_link
    response: Response | None = None
    error: str | None = None


class Pages:
    """Article requests for one run: polite to each host, and bounded.

    Shares `host_slots` (one semaphore per host) with the feed requests, so a publisher
    never sees more than the per-host limit from kurilwatch at once.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        limits: Limits,
        budget: ArticleLimits,
        host_slots: dict[str, asyncio.Semaphore],
        overall: asyncio.Semaphore,
    ) -> None:
        self.client = client
        self.limits = limits
        self.budget = budget
        self.host_slots = host_slots
        self.overall = overall
        self.requested = 0
        self.per_host: dict[str, int] = {}
        self.robots: dict[str, asyncio.Task] = {}
        self.next_request: dict[str, float] = {}
        self.blocked_until: dict[str, datetime] = {}

    async def fetch(self, feed: Feed, candidate: Candidate) -> PageResult:
        url = candidate.page
        if url is None:
            return PageResult("no_link", error="the link is a redirect stub without the address")
        host = (urlsplit(url).hostname or "").lower()
        blocked = self.blocked_until.get(host)
        if blocked is not None and blocked > datetime.now(UTC):
            return PageResult("queued", error=f"{host} asked to wait until {blocked:%H:%M} UTC")
        # The budget is taken when the request is decided, so the cap holds however the
        # requests interleave; what is over it waits for the next run.
        if (
            self.requested >= self.budget.max_per_run
            or self.per_host.get(host, 0) >= self.budget.max_per_host
        ):
            return PageResult("queued", error="over this run's article budget")
        self.requested += 1
        self.per_host[host] = self.per_host.get(host, 0) + 1
        robots = await self._robots(feed, url, host)
        if robots == "unavailable":
            return PageResult("queued", error="robots.txt could not be read")
        if robots is not None and not robots.can_fetch(_agent(feed), url):
            return PageResult("disallowed", error="robots.txt disallows it")
        state = {}
        previous = candidate.previous
        if previous is not None and previous.status == "read" and previous.text is not None:
            # Changed in the feed: ask the page again, conditionally.
            state = {"etag": previous.etag, "last_modified": previous.last_modified}
        response = await self._request(feed, url, host, state)
        if response.status is FetchStatus.not_modified:
            return PageResult("not_modified", response)
        if response.status is not FetchStatus.ok:
            if response.retry_after is not None:
                self.blocked_until[host] = response.retry_after
                return PageResult("queued", response, response.error)
            return PageResult("failed", response, response.error)
        content_type = header(response, "content-type").split(";")[0].strip().lower()
        if content_type and content_type not in _HTML_TYPES:
            return PageResult("failed", response, f"not a web page ({content_type})")
        return PageResult("ok", response)

    async def _request(self, feed: Feed, url: str, host: str, state: dict) -> Response:
        from kurilwatch.http import get

        limits = replace(self.limits, max_bytes=min(self.limits.max_bytes, MAX_PAGE_BYTES))
        slot = self.host_slots.setdefault(host, asyncio.Semaphore(self.limits.per_host))
        async with self.overall, slot:
            if feed.article_delay:
                # Requests to one host leave at least `article_delay` apart.
                loop = asyncio.get_running_loop()
                start = max(loop.time(), self.next_request.get(host, 0.0))
                self.next_request[host] = start + feed.article_delay
                await asyncio.sleep(start - loop.time())
            return await get(
                self.client,
                feed,
                limits,
                state.get("etag"),
                state.get("last_modified"),
                url=url,
                accept=HTML_ACCEPT,
            )

    async def _robots(self, feed: Feed, url: str, host: str):
        """The host's robots.txt, read once per run (None: no rules apply)."""
        task = self.robots.get(host)
        if task is None:
            parts = urlsplit(url)
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            task = self.robots[host] = asyncio.ensure_future(
                self._read_robots(feed, robots_url, host)
            )
        return await task

    async def _read_robots(self, feed: Feed, robots_url: str, host: str):
        from urllib.robotparser import RobotFileParser

        response = await self._request(feed, robots_url, host, {})
        parser = RobotFileParser(robots_url)
        if response.status is FetchStatus.ok:
            parser.parse(response.content.decode("utf-8", "replace").splitlines())
            return parser
        if response.http_status in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])  # not allowed to read the rules
            return parser
        if response.http_status is not None and 400 <= response.http_status < 500:
            return None  # no robots.txt: nothing is disallowed
        return "unavailable"  # a server error or no answer: ask again next run


def _agent(feed: Feed) -> str:
    from kurilwatch.http import USER_AGENT

    return (feed.user_agent or USER_AGENT).split("/")[0]


def header(response: Response, name: str) -> str:
    return next((v for k, v in response.headers.items() if k.lower() == name), "")


# --- extracting, in a worker ------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleJob:
    content: bytes
    url: str
    content_type: str | None
    entry: Entry
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    keep_all: bool
    lang: str | None
    matched: Matched | None  # the item as matched on the feed's text, if it was


@dataclass(frozen=True)
class ArticleRead:
    problem: str | None  # why the page gave no article
    matched: Matched | None = None  # the item with the article as its text, if relevant


def read_article(job: ArticleJob) -> ArticleRead:
    """Extract a page, and match and prepare the item with the article as its text.

    Runs in a worker process (extraction and the sentence splitter are CPU-bound). An item
    that matched on the feed's text stays matched; one that did not is kept only when its
    article is about the islands.
    """
    from kurilwatch.article import extract_article
    from kurilwatch.match import get_matcher
    from kurilwatch.models import Matched
    from kurilwatch.update import prepare

    extraction = extract_article(job.content, job.url, job.content_type)
    if extraction.text is None:
        return ArticleRead(extraction.problem or "no article text")
    entry = replace(job.entry, text=extraction.text)
    if job.keep_all:
        return ArticleRead(None, prepare(Matched(entry, ["*"]), job.lang))
    result = get_matcher(job.include, job.exclude).match(f"{entry.title}\n{entry.text}")
    if result.relevant:
        hits = [(h.start, h.end, h.rule, h.text) for h in result.hits]
        return ArticleRead(None, prepare(Matched(entry, result.matched_terms), job.lang, hits))
    if job.matched is not None and result.excluded_by is None:
        return ArticleRead(None, prepare(Matched(entry, job.matched.terms), job.lang))
    return ArticleRead(None)


# --- what to store ------------------------------------------------------------------------------


@dataclass
class ArticleRow:
    """A row of the `articles` table to write; `item_id` is filled in when the item is."""

    key: str
    feed: str
    url: str | None
    status: str
    attempts: int
    error: str | None
    etag: str | None
    last_modified: str | None
    entry_digest: str
    entry: str | None  # JSON of an entry waiting to be read, not stored as an item
    item_id: int | None = None


@dataclass
class Settled:
    matched: list[Matched] = field(default_factory=list)  # the items to store
    sources: dict[str, str] = field(default_factory=dict)
    rows: list[ArticleRow] = field(default_factory=list)
    read: int = 0
    failed: int = 0
    queued: int = 0


def settle(
    feed: Feed,
    outcomes: list[tuple[Candidate, PageResult, ArticleRead | None]],
    max_attempts: int,
) -> Settled:
    """Items and `articles` rows from each requested page's outcome."""
    from kurilwatch.store import entry_record

    settled = Settled()
    for candidate, page, read in outcomes:
        previous = candidate.previous
        digest = entry_digest(candidate.entry)
        attempts = previous.attempts if previous is not None else 0
        waiting = None
        if candidate.matched is None and not candidate.stored_item:
            record = entry_record(candidate.entry) | {"full_text": candidate.entry.full_text}
            waiting = json.dumps(record, ensure_ascii=False)
        row = ArticleRow(
            candidate.key,
            feed.name,
            candidate.page or candidate.entry.url,
            "read",
            0,
            None,
            previous.etag if previous else None,
            previous.last_modified if previous else None,
            digest,
            None,
            previous.item_id if previous else None,
        )
        if page.response is not None and page.status == "ok" and read and read.problem is None:
            settled.read += 1
            headers = {k.lower(): v for k, v in page.response.headers.items()}
            row.etag, row.last_modified = headers.get("etag"), headers.get("last-modified")
            if read.matched is not None:
                settled.matched.append(read.matched)
                settled.sources[candidate.key] = "article"
        elif page.status == "not_modified" and previous is not None and previous.text:
            if candidate.matched is not None:
                settled.matched.append(_with_text(candidate.matched, previous.text))
                settled.sources[candidate.key] = "article"
        else:
            error = read.problem if read is not None and read.problem else page.error
            row.error = error or page.status
            row.entry = waiting
            if page.status == "queued":
                settled.queued += 1
                row.status, row.attempts = "queued", attempts
            else:
                settled.failed += 1
                row.attempts = attempts + 1
                final = page.status in ("disallowed", "no_link") or row.attempts >= max_attempts
                row.status = "gave_up" if final else "failed"
            if candidate.matched is not None:
                settled.matched.append(candidate.matched)  # stored with the feed's text
                settled.sources[candidate.key] = "feed"
        settled.rows.append(row)
    return settled


def stored_from_rows(rows: list[dict], texts: dict[int, str]) -> dict[str, Stored]:
    """The plan's view of `articles` rows (and the stored texts of their items)."""
    from kurilwatch.store import entry_from_record

    stored = {}
    for row in rows:
        entry = None
        if row.get("entry"):
            record = json.loads(row["entry"])
            full_text = bool(record.pop("full_text", False))
            entry = replace(entry_from_record(record), full_text=full_text)
        elif row.get("item_entry") is not None:
            entry = row["item_entry"]
        stored[row["key"]] = Stored(
            key=row["key"],
            item_id=row["item_id"],
            status=row["status"],
            attempts=row["attempts"] or 0,
            entry_digest=row["entry_digest"],
            etag=row["etag"],
            last_modified=row["last_modified"],
            url=row["url"],
            entry=entry,
            text=texts.get(row["item_id"]) if row["item_id"] is not None else None,
        )
    return stored
