"""Shared fixtures: a temporary database and config, a real feed server on 127.0.0.1."""

from __future__ import annotations

import email.utils
import gzip
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data"
FEEDS = DATA / "feeds"

# Fixture feeds carry relative dates so the `--since` tests do not age:
# %%RFC-3d%% becomes an RFC 822 date three days ago, %%ISO-36h%% an ISO one.
_PLACEHOLDER = re.compile(rb"%%(RFC|ISO)-(\d+)([mhdw])%%")
_UNITS = {b"m": "minutes", b"h": "hours", b"d": "days", b"w": "weeks"}


def render_dates(body: bytes, now: datetime) -> bytes:
    def replace(m: re.Match[bytes]) -> bytes:
        moment = now - timedelta(**{_UNITS[m.group(3)]: int(m.group(2))})
        if m.group(1) == b"RFC":
            return email.utils.format_datetime(moment, usegmt=True).encode()
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    return _PLACEHOLDER.sub(replace, body)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    etag: str | None = None  # when set, a matching If-None-Match gets 304
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    gzip: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None  # full control


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float = 0.0  # time.monotonic() when it arrived


class QuietServer(ThreadingHTTPServer):
    """A threaded server whose accept gives up after a second, so shutdown never hangs."""

    daemon_threads = True

    def server_activate(self) -> None:
        super().server_activate()
        # A client that connects and hangs up before accept() would leave a blocking accept
        # waiting for the next connection, and shutdown() waiting on it for ever (seen once
        # in a full run); with a timeout the accept gives up and serve_forever sees shutdown.
        self.socket.settimeout(1.0)

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hanging up early (timeouts, size caps) are part of the tests, not errors;
        # the default prints a traceback to whatever sys.stderr is at that moment.
        pass


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 serving the routes a test sets up."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.now = datetime.now(UTC)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(Request(self.path, dict(self.headers), time.monotonic()))
                route = server.routes.get(self.path)
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.handler is not None:
                    route.handler(self)
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                # %%BASE%% in a fixture is this server's address: feeds that link to its pages.
                body = render_dates(route.body, server.now).replace(
                    b"%%BASE%%", server.base.encode()
                )
                extra = dict(route.headers)
                if route.etag:
                    extra["ETag"] = route.etag
                if route.last_modified:
                    extra["Last-Modified"] = route.last_modified
                if route.gzip:
                    body = gzip.compress(body)
                    extra["Content-Encoding"] = "gzip"
                self._send(route.status, body, route.content_type, extra)

            def _send(
                self, status: int, body: bytes, ctype: str, extra: dict | None = None
            ) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    for key, value in (extra or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve_file(self, path: str, name: str, **kwargs: object) -> str:
        """Serve tests/data/feeds/NAME at PATH; returns the URL."""
        self.routes[path] = Route(body=(FEEDS / name).read_bytes(), **kwargs)
        return self.url(path)

    def serve_article(self, path: str, name: str, **kwargs: object) -> str:
        """Serve tests/data/articles/NAME.html at PATH as a web page; returns the URL."""
        kwargs.setdefault("content_type", "text/html; charset=utf-8")
        body = (DATA / "articles" / f"{name}.html").read_bytes()
        self.routes[path] = Route(body=body, **kwargs)
        return self.url(path)

    def requests_to(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A temporary database and config file, named by the env variables the CLI reads."""
    db = tmp_path / "kw.db"
    config = tmp_path / "config.toml"
    config.write_text("# empty: the built-in feeds and terms\n")
    monkeypatch.setenv("KURILWATCH_DB", str(db))
    monkeypatch.setenv("KURILWATCH_CONFIG", str(config))
    monkeypatch.setenv("COLUMNS", "200")
    return {"db": db, "config": config, "dir": tmp_path}


def write_config(path: Path, feeds: dict[str, str], extra: str = "") -> None:
    lines = [f'[[feeds]]\nname = "{name}"\nurl = "{url}"\n' for name, url in feeds.items()]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def standard_feeds(feed_server: FeedServer, env: dict[str, Path]) -> dict[str, str]:
    """The four fixture feeds (RSS 2.0, RSS 1.0, Atom; en, ru, ja) behind one config."""
    feeds = {
        "tass-en": feed_server.serve_file("/tass-en.xml", "tass_en.rss", etag='"tass-en-v1"'),
        "tass-ru": feed_server.serve_file(
            "/tass-ru.xml", "tass_ru_cp1251.rss", content_type="application/rss+xml"
        ),
        "nhk": feed_server.serve_file(
            "/nhk.rdf",
            "nhk_sjis.rdf",
            content_type="application/rdf+xml",
            last_modified="Mon, 23 Nov 2026 06:00:00 GMT",
        ),
        "japan-news": feed_server.serve_file(
            "/japan-news.atom", "japan_news.atom", content_type="application/atom+xml", gzip=True
        ),
    }
    write_config(env["config"], feeds)
    return feeds


@pytest.fixture
def fetched(
    runner: CliRunner, env: dict[str, Path], feed_server: FeedServer
) -> Callable[[str, bytes], dict[str, str]]:
    """fetched(NAME, BODY): serve BODY as feed NAME beside the wire stories, fetch both quietly.

    Returns the two feeds' URLs by name.
    """
    from kurilwatch.cli import app

    def fetch(name: str, body: bytes) -> dict[str, str]:
        feed_server.routes[f"/{name}.xml"] = Route(body=body)
        feeds = {
            name: feed_server.url(f"/{name}.xml"),
            "wire": feed_server.serve_file("/wire.xml", "developments_wire.rss"),
        }
        write_config(env["config"], feeds)
        assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
        return feeds

    return fetch


@pytest.fixture
def wire_and_daily(runner: CliRunner, env: dict[str, Path], feed_server: FeedServer) -> None:
    """Three wire stories sharing background, then a daily paper's two stories, fetched."""
    from kurilwatch.cli import app

    feeds = {
        "wire": feed_server.serve_file("/wire.xml", "developments_wire.rss"),
        "daily": feed_server.serve_file("/daily.xml", "developments_daily.rss"),
    }
    write_config(env["config"], feeds)
    assert runner.invoke(app, ["fetch", "--feed", "wire"]).exit_code == 0
    assert runner.invoke(app, ["fetch", "--feed", "daily"]).exit_code == 0


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (just now)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MailSink:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it accepts.

    `reply` makes it refuse DATA with that reply (e.g. "451 4.3.0 try later");
    `password` makes it require AUTH with user "kw" and that password.
    """

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list = []
        self.reply: str | None = None
        self.password: str | None = None
        self.delay = 0.0  # seconds before answering DATA
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if sink.delay:
                    import asyncio

                    await asyncio.sleep(sink.delay)
                if sink.reply:
                    return sink.reply
                sink.messages.append(envelope)
                return "250 OK"

        def authenticator(server, session, envelope, mechanism, auth_data):
            from aiosmtpd.smtp import AuthResult

            ok = sink.password is not None and (auth_data.login, auth_data.password) == (
                b"kw",
                sink.password.encode(),
            )
            # handled=False: let aiosmtpd answer 535 itself.
            return AuthResult(success=ok, handled=False)

        self.controller = Controller(
            Handler(),
            hostname="127.0.0.1",
            port=free_port(),
            authenticator=authenticator,
            auth_require_tls=False,
            auth_exclude_mechanism=["LOGIN"],
        )

    @property
    def port(self) -> int:
        return self.controller.port

    def parsed(self) -> list:
        import email
        import email.policy

        return [
            email.message_from_bytes(m.original_content, policy=email.policy.default)
            for m in self.messages
        ]


@pytest.fixture
def mail_sink() -> Iterator[MailSink]:
    sink = MailSink()
    sink.controller.start()
    yield sink
    sink.controller.stop()


def email_config(port: int, extra: str = "") -> str:
    return (
        f'\n[email]\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\nsecurity = "none"\n'
        f'from = "kurilwatch@example.org"\nto = ["analyst@example.org"]\ntimeout = 2\n{extra}'
    )
