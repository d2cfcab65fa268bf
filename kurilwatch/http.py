"""HTTP for feeds: conditional GET, timeouts, size limits, a connection pool per host.

`get` never raises for a feed's problem: every outcome is a `Response` (models.py), with
the body when one came and a one-line reason when not.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
import types
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kurilwatch import __version__
from kurilwatch.config import Feed
from kurilwatch.dates import shown
from kurilwatch.models import MAX_RETRY_AFTER, FetchStatus, Response

# httpx loads its own command-line client (click, rich's console and progress, pygments:
# 35 ms) whenever those are installed, and typer installs them; kurilwatch never runs it.
# An empty stand-in makes httpx fall back to its "not installed" stub.
sys.modules.setdefault("httpx._main", types.ModuleType("httpx._main"))
import httpx  # noqa: E402

USER_AGENT = f"kurilwatch/{__version__} (Kuril Islands news tracker; +python-httpx)"


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 10.0
    total_timeout: float = 30.0  # the whole request, headers and body
    max_bytes: int = 10 * 1024 * 1024
    max_parallel: int = 128  # requests in flight at once
    per_host: int = 4  # of those, to one host: polite to every publisher
    max_redirects: int = 5


FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


def host(url: str) -> str:
    """The host a URL names, as the per-host limit counts it."""
    return httpx.URL(url).host


def make_client(limits: Limits) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        timeout=httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout),
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        transport=_PoolPerHost(limits.per_host),
        trust_env=False,
        event_hooks={"response": [_refuse_bad_redirect]},
    )


class BadRedirect(Exception):
    """A redirect to somewhere no feed can be: another scheme, an impossible URL."""


async def _refuse_bad_redirect(response: httpx.Response) -> None:
    """Called by httpx on every response before it follows a redirect."""
    if response.has_redirect_location:
        problem = redirect_problem(response.headers["location"], response.request.url)
        if problem is not None:
            raise BadRedirect(problem)


MAX_LOCATION = 8192  # characters of a redirect's Location


def redirect_problem(location: str, base: httpx.URL) -> str | None:
    """Why a redirect to `location` cannot be followed, or None."""
    if len(location) > MAX_LOCATION:
        return f"redirected to a URL of {len(location):,} characters"
    shown = location if len(location) <= 80 else location[:80] + "…"
    try:
        target = base.join(location)
        host = target.host  # decodes an IDNA name: raises for "xn--" that decodes to nothing
        port = target.port
    except (httpx.InvalidURL, ValueError):
        return f"redirected to an invalid URL: {shown}"
    if target.scheme not in ("http", "https"):
        return f"redirected to a {target.scheme}: URL, not http(s)"
    if not host or (port is not None and not 0 < port < 65536):
        return f"redirected to an invalid URL: {shown}"
    return None


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


async def get(
    client: httpx.AsyncClient,
    feed: Feed,
    limits: Limits,
    etag: str | None = None,
    last_modified: str | None = None,
    url: str | None = None,
    accept: str = FEED_ACCEPT,
) -> Response:
    """One GET, conditional on the validators given, the body streamed and cut off at the
    size cap.

    `url` instead of the feed's own (its article pages, their robots.txt), with the feed's
    user agent and headers all the same.
    """
    headers = {"Accept": accept, **dict(feed.headers)}
    if feed.user_agent:
        headers["User-Agent"] = feed.user_agent
    total_timeout = feed.timeout or limits.total_timeout
    try:
        async with asyncio.timeout(total_timeout):
            request_timeout = httpx.Timeout(total_timeout, connect=limits.connect_timeout)
            async with client.stream(
                "GET",
                url or feed.url,
                headers={
                    **{name.encode(): value.encode() for name, value in headers.items()},
                    **conditional_headers(etag, last_modified),
                },
                timeout=request_timeout,
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
                try:
                    content = await read_body(response, limits.max_bytes)
                except BodyTooLarge:
                    return Response(
                        FetchStatus.error,
                        response.status_code,
                        f"response larger than {limits.max_bytes // (1024 * 1024)} MB",
                    )
                moved = response.history and all(
                    r.status_code in (301, 308) for r in response.history
                )
                return Response(
                    FetchStatus.ok,
                    response.status_code,
                    content=content,
                    headers=_headers_of(response),
                    moved_to=str(response.url) if moved else None,
                )
    except (TimeoutError, httpx.TimeoutException):
        return Response(FetchStatus.error, error=f"timed out after {total_timeout:g}s")
    except httpx.TooManyRedirects:
        return Response(FetchStatus.error, error="too many redirects")
    except (httpx.DecodingError, zlib.error):
        return Response(FetchStatus.error, error="corrupt compressed body")
    except httpx.ConnectError as exc:
        return Response(FetchStatus.error, error=_connect_error(exc))
    except httpx.RemoteProtocolError as exc:
        return Response(FetchStatus.error, error=f"connection broken: {exc}")
    except BadRedirect as exc:
        return Response(FetchStatus.error, error=str(exc))
    except Exception as exc:  # httpx, httpcore, anyio, idna: whatever a server provokes
        return Response(
            FetchStatus.error,
            error=f"{type(exc).__name__}: {exc}"[:300] if str(exc) else type(exc).__name__,
        )


def _headers_of(response: httpx.Response) -> dict[str, str]:
    """The response's headers; the validators as their exact bytes, one character each."""
    headers = dict(response.headers)
    for name, value in response.headers.raw:
        if name.lower() in (b"etag", b"last-modified"):
            headers[name.decode("latin-1").lower()] = value.decode("latin-1")
    return headers


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[bytes, bytes]:
    """If-None-Match and If-Modified-Since from the stored validators, byte for byte.

    A validator is sent back as the server wrote it, whatever its bytes: as text, httpx
    would accept only ASCII, and a stored non-ASCII ETag stopped every later fetch.
    """
    headers = {}
    for name, value in ((b"If-None-Match", etag), (b"If-Modified-Since", last_modified)):
        if not value or len(value) > 8192:
            continue
        try:
            raw = value.encode("latin-1")  # how _headers_of keeps them
        except UnicodeEncodeError:
            raw = value.encode("utf-8")  # stored by an earlier version, as httpx decoded it
        if not any(c in raw for c in b"\r\n\x00"):
            headers[name] = raw
    return headers


class BodyTooLarge(Exception):
    """The body, once decompressed, is larger than the cap."""


async def read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """The body, decompressed by us and cut off at `max_bytes` at every layer.

    httpx inflates each chunk in one call, whatever it grows to: a 1.8 KB body gzipped twice
    becomes 2 GB in memory before a size check can see it.
    """
    layers = [
        _Inflater(name, max_bytes)
        for name in reversed(response.headers.get_list("content-encoding", split_commas=True))
        if name.strip().lower() in _COMPRESSED
    ]
    chunks, size = [], 0

    def take(data: bytes) -> None:
        nonlocal size
        for layer in layers:
            data = layer.inflate(data)
        size += len(data)
        if size > max_bytes:
            raise BodyTooLarge
        chunks.append(data)

    async for raw in response.aiter_raw():
        if len(raw) > max_bytes:
            raise BodyTooLarge
        take(raw)
    for index, layer in enumerate(layers):  # what each layer still holds, through the rest
        data = layer.flush()
        for later in layers[index + 1 :]:
            data = later.inflate(data)
        size += len(data)
        if size > max_bytes:
            raise BodyTooLarge
        chunks.append(data)
    return b"".join(chunks)


_GZIP = 16 + zlib.MAX_WBITS  # zlib's window bits for a gzip header
_COMPRESSED = {"gzip": _GZIP, "x-gzip": _GZIP, "deflate": zlib.MAX_WBITS}


class _Inflater:
    """One Content-Encoding layer, inflated in steps of at most 64 KB of output."""

    STEP = 64 * 1024

    def __init__(self, name: str, max_bytes: int) -> None:
        self.wbits = _COMPRESSED[name.strip().lower()]
        self.decompressor = zlib.decompressobj(self.wbits)
        self.started = False
        # A layer under another may be a little larger than the body it holds.
        self.max_bytes = max_bytes + max_bytes // 8 + 1024
        self.size = 0

    def inflate(self, data: bytes) -> bytes:
        if not self.started and data:
            self.started = True
            if self.wbits == zlib.MAX_WBITS:
                try:  # "deflate" is zlib-wrapped by the standard, raw from some servers
                    return self._inflate(data)
                except zlib.error:
                    self.decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                    self.size = 0
        return self._inflate(data)

    def _inflate(self, data: bytes) -> bytes:
        out = []
        while data and not self.decompressor.eof:
            piece = self.decompressor.decompress(data, self.STEP)
            data = self.decompressor.unconsumed_tail
            self.size += len(piece)
            if self.size > self.max_bytes:
                raise BodyTooLarge
            out.append(piece)
        return b"".join(out)

    def flush(self) -> bytes:
        rest = self.decompressor.flush(self.STEP) if not self.decompressor.eof else b""
        self.size += len(rest)
        if self.size > self.max_bytes:
            raise BodyTooLarge
        return rest


def _retry_after(value: str | None) -> datetime | None:
    """Retry-After as a moment: seconds, or an HTTP date; capped at a week."""
    if not value:
        return None
    now = datetime.now(UTC)
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() too, and int("²") raises
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


def load_http_stack() -> None:
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
