"""Issue 24: one hostile feed, header or server never stops the run, hangs it, or mails twice.

Every case is served by a real server on 127.0.0.1 (FeedServer, or a raw socket server where
the bytes on the wire must be exactly wrong) and driven through the command line.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FEEDS, Route, email_config, write_config
from kurilwatch.cli import app

GOOD_TITLES = 3  # Kuril items in tass_en.rss


def _rss(items: str, head: str = "", title: str = "hostile") -> bytes:
    return (
        f'{head}<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'
    ).encode()


def _item(title: str, link: str = "https://x.example/a", text: str = "") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><description>{text}</description></item>"
    )


def _fetch_beside_a_good_feed(runner, env, feed_server, route: Route, *args: str):
    """Fetch the hostile route and tass_en.rss; return (result, {feed: health})."""
    feed_server.routes["/hostile"] = route
    feeds = {
        "good": feed_server.serve_file("/good", "tass_en.rss"),
        "hostile": feed_server.url("/hostile"),
    }
    write_config(env["config"], feeds)
    result = runner.invoke(app, ["fetch", *args])
    health = {
        f["feed"]: f for f in json.loads(runner.invoke(app, ["feeds", "--format", "json"]).output)
    }
    assert health["good"]["items"] == GOOD_TITLES, result.output
    return result, health


def _titles(env) -> list[str]:
    conn = sqlite3.connect(env["db"])
    return [row[0] for row in conn.execute("SELECT title FROM items ORDER BY id")]


# --- 1. parser errors never escape -----------------------------------------------------------

REPAIRABLE = {
    "surrogate reference": _rss(_item("Kurils &#xD800; airport")),
    "reference past Unicode": _rss(_item("Kurils &#1114112; airport")),
    "30-digit reference": _rss(_item("Kurils &#999999999999999999999999999999; airport")),
    "huge hex reference": _rss(_item("Kurils &#xFFFFFFFFFFFFFFFFFFFFFFFF; airport")),
    # The lenient parser is the one that crashed: an undefined entity sends feedparser to it.
    "surrogate, lenient parser": _rss(_item("Kurils &#xDFFF; airport &undefined;")),
    "NUL in the encoding name": _rss(
        _item("Kurils airport"), head='<?xml version="1.0" encoding="utf\x00-8"?>'
    ),
    "stray byte in the encoding name": _rss(
        _item("Kurils airport"), head='<?xml version="1.0" encoding="utf'
    ).replace(b'encoding="utf', b'encoding="utf\xff8"'),
}


@pytest.mark.parametrize("case", REPAIRABLE, ids=REPAIRABLE.keys())
def test_documents_that_crashed_the_parser_are_read(runner, env, feed_server, case):
    result, health = _fetch_beside_a_good_feed(
        runner, env, feed_server, Route(body=REPAIRABLE[case])
    )
    assert result.exit_code == 0, result.output
    assert health["hostile"]["items"] == 1
    (title,) = [t for t in _titles(env) if "airport" in t]
    assert title.startswith("Kurils") and "\ud800" not in title


def test_any_parser_failure_fails_only_that_feed(runner, env, feed_server):
    # UTF-16 is not repaired byte by byte: feedparser still crashes on this one, inside.
    body = (
        '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>t &bad;'
        "</title><item><title>Kurils &#xD800;</title><link>https://x.example/a</link></item>"
        "</channel></rss>"
    ).encode("utf-16")
    result, health = _fetch_beside_a_good_feed(runner, env, feed_server, Route(body=body))
    assert result.exit_code == 1
    assert health["hostile"]["last_error"].startswith("the parser failed: UnicodeEncodeError")
    assert health["hostile"]["items"] == 0


ATOM_WITHOUT_LINKS = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Kurils: no link at all</title><id>tag:x,1</id></entry>
<entry><title>Kurils: an empty link</title><link/></entry>
<entry><title>Kurils: only an enclosure</title><link rel="enclosure" href="http://x.example/a.mp3"/></entry>
<entry><title>Kurils: a javascript link</title><link href="javascript:alert(1)"/></entry>
<entry><title>Kurils: a link to port 99999</title><link href="http://x.example:99999/"/></entry>
<entry><title>Kurils: a link to xn--</title><link href="http://xn--/"/></entry>
</feed>"""


def test_entries_without_usable_links_are_stored(runner, env, feed_server):
    result, health = _fetch_beside_a_good_feed(
        runner, env, feed_server, Route(body=ATOM_WITHOUT_LINKS)
    )
    assert result.exit_code == 0, result.output
    assert health["hostile"]["items"] == 6
    for command in (["list"], ["news", "--since", "1d"], ["digest"], ["export"]):
        assert runner.invoke(app, command).exit_code == 0, command


# --- 3. bounds: time and memory --------------------------------------------------------------


def test_a_million_nested_divs_do_not_hang_the_run(runner, env, feed_server):
    html = "<div>" * 1_000_000 + "Iturup"  # 5 MB, never closed
    body = _rss(_item("Kurils deep", text=f"<![CDATA[{html}]]>"))
    started = time.monotonic()
    result, health = _fetch_beside_a_good_feed(runner, env, feed_server, Route(body=body))
    assert time.monotonic() - started < 15  # was: hours (the parse grew with depth squared)
    assert result.exit_code == 0 and health["hostile"]["items"] == 1


def test_a_feed_over_its_parse_deadline_fails_alone(runner, env, feed_server, monkeypatch):
    import kurilwatch.parse

    monkeypatch.setattr(kurilwatch.parse, "PARSE_DEADLINE", 0.5)
    # Deeply nested elements read by feedparser's lenient parser: linear, but slow.
    nested = "<div>" * 150_000 + "Iturup" + "</div>" * 150_000
    body = _rss(_item("Kurils slow", text=nested), title="t &undefined;")
    started = time.monotonic()
    result, health = _fetch_beside_a_good_feed(runner, env, feed_server, Route(body=body))
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert health["hostile"]["last_error"] == "parsing took longer than 0.5s"


def _entity_bomb(encoding: str) -> bytes:
    # A few hundred characters referenced a million times: 290 MB from a 3 MB document,
    # below the XML parser's amplification limit (the "billion laughs" guard).
    document = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        f'<!DOCTYPE rss [<!ENTITY a "{"x" * 290}">]>'
        + _rss(_item("Kurils bomb", text="Iturup " + "&a;" * 1_000_000)).decode()
    )
    return document.encode(encoding)


# The peak memory of the process itself (VmHWM starts again at exec; ru_maxrss would count
# the pytest process it was forked from).
_MEASURED = """import atexit, runpy, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM"))
    sys.stderr.write(f"peak {int(peak.split()[1]) // 1024} MB\\n")
atexit.register(report)
sys.argv = ["kurilwatch", *sys.argv[1:]]
runpy.run_module("kurilwatch", run_name="__main__")
"""


def _fetch_measured(runner, env, feed_server, route: Route) -> tuple[int, int, dict]:
    """Fetch the hostile route and tass_en.rss in a process of its own: (exit, peak MB, health)."""
    feed_server.routes["/hostile"] = route
    feeds = {
        "good": feed_server.serve_file("/good", "tass_en.rss"),
        "hostile": feed_server.url("/hostile"),
    }
    write_config(env["config"], feeds)
    environment = {
        **os.environ,
        "KURILWATCH_DB": str(env["db"]),
        "KURILWATCH_CONFIG": str(env["config"]),
    }
    process = subprocess.run(
        [sys.executable, "-c", _MEASURED, "fetch", "-q"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    peak = re.search(r"peak (\d+) MB", process.stderr)
    assert peak, process.stderr
    listed = runner.invoke(app, ["feeds", "--format", "json"]).output
    health = {f["feed"]: f for f in json.loads(listed)}
    assert health["good"]["items"] == GOOD_TITLES
    return process.returncode, int(peak.group(1)), health


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_expansion_is_capped(runner, env, feed_server, encoding):
    code, peak_mb, health = _fetch_measured(
        runner, env, feed_server, Route(body=_entity_bomb(encoding))
    )
    assert code == 1
    assert (
        health["hostile"]["last_error"] == "its entities expand to more than 10 million characters"
    )
    assert peak_mb < 150  # was 1.2 GB


def test_an_8_mb_description_is_cut_not_held(runner, env, feed_server):
    paragraph = "<p>Iturup <b>harbour</b> news.</p>"
    html = paragraph * (8_000_000 // len(paragraph))
    body = _rss(_item("Kurils long", text=f"<![CDATA[{html}]]>"))
    code, peak_mb, health = _fetch_measured(runner, env, feed_server, Route(body=body))
    assert code == 0 and health["hostile"]["items"] == 1
    assert peak_mb < 150  # was 340 MB
    length = sqlite3.connect(env["db"]).execute("SELECT max(length(text)) FROM items").fetchone()
    assert length[0] <= 200_000


def _gzip_of_spaces(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header
    block = b" " * 1_000_000
    parts = [compressor.compress(b"<rss>")]
    parts += [compressor.compress(block) for _ in range(size // len(block))]
    return b"".join([*parts, compressor.flush()])


def test_double_gzip_bomb_is_cut_at_the_cap(runner, env, feed_server):
    body = gzip.compress(_gzip_of_spaces(500_000_000), compresslevel=9)
    assert len(body) < 10_000  # 500 MB once both layers are undone
    route = Route(body=body, headers={"Content-Encoding": "gzip, gzip"})
    code, peak_mb, health = _fetch_measured(runner, env, feed_server, route)
    assert code == 1
    assert health["hostile"]["last_error"] == "response larger than 10 MB"
    assert peak_mb < 150  # was 500 MB here, 2 GB for a 1.8 KB body of 2 GB


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


ENCODED = {
    "deflate": (zlib.compress, "deflate"),
    "raw deflate": (_raw_deflate, "deflate"),
    "gzip twice": (lambda body: gzip.compress(gzip.compress(body)), "gzip, gzip"),
    "x-gzip": (gzip.compress, "x-gzip"),
    "unknown, passed through": (lambda body: body, "identity, snappy-not-really"),
}


@pytest.mark.parametrize("case", ENCODED, ids=ENCODED.keys())
def test_every_content_encoding_is_still_read(runner, env, feed_server, case):
    encode, header = ENCODED[case]
    body = encode((FEEDS / "tass_en.rss").read_bytes())
    route = Route(body=body, headers={"Content-Encoding": header})
    result, health = _fetch_beside_a_good_feed(runner, env, feed_server, route)
    assert result.exit_code == 0, result.output
    assert health["hostile"]["last_status"] == "ok"


# --- 2. hostile headers and redirects ----------------------------------------------------------


def _answer(status: int, name: str, value: bytes, body: bytes = b""):
    """A handler answering with one header exactly as `value`'s bytes (http.server's latin-1)."""

    def handler(request) -> None:
        request.send_response(status)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header(name, value.decode("latin-1"))
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handler


@pytest.mark.parametrize("header", ["ETag", "Last-Modified"])
def test_non_ascii_validators_are_sent_back_byte_for_byte(runner, env, feed_server, header):
    value = '"Курилы-é"' if header == "ETag" else "Mon, 23 Nov 2026 06:00:00 GMT é"
    body = (FEEDS / "tass_en.rss").read_bytes()
    route = Route(handler=_answer(200, header, value.encode(), body))
    first, _ = _fetch_beside_a_good_feed(runner, env, feed_server, route)
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["fetch"])  # crashed before polling anything, every time
    assert second.exit_code == 0, second.output
    sent = feed_server.requests_to("/hostile")[-1].headers
    conditional = "If-None-Match" if header == "ETag" else "If-Modified-Since"
    assert sent[conditional].encode("latin-1") == value.encode()


def test_retry_after_in_other_digits(runner, env, feed_server):
    route = Route(handler=_answer(429, "Retry-After", "²".encode()))
    result, health = _fetch_beside_a_good_feed(runner, env, feed_server, route)
    assert result.exit_code == 1
    assert health["hostile"]["last_error"] == "HTTP 429 Too Many Requests"


REDIRECTS = {
    "javascript:": (b"javascript:alert(1)", "redirected to a javascript: URL, not http(s)"),
    "data:": (b"data:text/xml,<rss/>", "redirected to a data: URL, not http(s)"),
    "port 99999": (
        b"http://127.0.0.1:99999/x",
        "redirected to an invalid URL: http://127.0.0.1:99999/x",
    ),
    "xn--": (b"http://xn--/", "redirected to an invalid URL: http://xn--/"),
    "bad punycode": (
        b"http://xn--ls8h.example/",
        "redirected to an invalid URL: http://xn--ls8h.example/",
    ),
    "64 KB Location": (b"/" + b"a" * 65_536, "redirected to a URL of 65,537 characters"),
    "broken IPv6": (b"http://[::1/", "redirected to an invalid URL: http://[::1/"),
}


@pytest.mark.parametrize("case", REDIRECTS, ids=REDIRECTS.keys())
def test_redirects_to_nowhere_fail_that_feed(runner, env, feed_server, case):
    location, reason = REDIRECTS[case]
    route = Route(handler=_answer(302, "Location", location))
    result, health = _fetch_beside_a_good_feed(runner, env, feed_server, route)
    assert result.exit_code == 1
    assert health["hostile"]["last_error"] == reason


CONFIG_HEADERS = {
    "non-ASCII user_agent": (
        'user_agent = "kurilwatch/1 (Курилы)"',
        "user_agent must be a single line of printable ASCII",
    ),
    "non-ASCII header value": (
        'headers = { "Accept-Language" = "ру" }',
        "headers must be a table of single-line strings (printable ASCII)",
    ),
    "user_agent ending in a newline": (
        'user_agent = "kurilwatch/1\\n"',
        "user_agent must be a single line of printable ASCII",
    ),
    "header name ending in a newline": (
        'headers = { "X-A\\n" = "en" }',
        "headers must be a table of single-line strings (printable ASCII)",
    ),
    "header name with a space": (
        'headers = { "Accept Language" = "en" }',
        "headers must be a table of single-line strings (printable ASCII)",
    ),
}


@pytest.mark.parametrize("case", CONFIG_HEADERS, ids=CONFIG_HEADERS.keys())
def test_headers_httpx_cannot_send_are_refused_in_the_config(runner, env, feed_server, case):
    setting, message = CONFIG_HEADERS[case]
    env["config"].write_text(f'[[feeds]]\nname = "a"\nurl = "{feed_server.url("/a")}"\n{setting}\n')
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {env['config']}: feed 'a': {message}"
    assert feed_server.requests == []


# --- 7. bad configuration and command-line values ------------------------------------------------

BAD_CONFIG = {
    "huge min_interval": (
        '[[feeds]]\nname = "a"\nurl = "https://x.example/"\nmin_interval = 99999999999999999\n',
        "feed 'a': min_interval must be seconds or a duration",
    ),
    "huge min_interval duration": (
        '[[feeds]]\nname = "a"\nurl = "https://x.example/"\nmin_interval = "999999d"\n',
        "feed 'a': min_interval must be seconds or a duration",
    ),
    "huge keep_unmatched_days": (
        "[filter]\nkeep_unmatched_days = 99999999999999\n",
        "'filter.keep_unmatched_days' must be a whole number of days (0 to 36,500)",
    ),
    "huge max_items": (
        "[email]\nmax_items = 9223372036854775808\n",
        "email.max_items must be a positive whole number up to 100,000",
    ),
    "email.timeout = inf": (
        "[email]\ntimeout = inf\n",
        "email.timeout must be a positive number up to 3,600",
    ),
    "email.timeout = nan": (
        "[email]\ntimeout = nan\n",
        "email.timeout must be a positive number up to 3,600",
    ),
    "feed timeout = inf": (
        '[[feeds]]\nname = "a"\nurl = "https://x.example/"\ntimeout = inf\n',
        "feed 'a': timeout must be a positive number up to 3,600",
    ),
    "5,000-deep nesting": (
        "x = " + "[" * 5000 + "]" * 5000 + "\n",
        "invalid TOML: nested too deeply",
    ),
    "a doubly wrapped nested repeat": (
        '[filter]\ninclude = ["/((a+))+$/"]\n',
        "filter.include: regular expression '/((a+))+$/' repeats a repeated group",
    ),
}


@pytest.mark.parametrize("case", BAD_CONFIG, ids=BAD_CONFIG.keys())
def test_bad_config_values_are_one_line(runner, env, case):
    text, message = BAD_CONFIG[case]
    env["config"].write_text(text)
    started = time.monotonic()
    result = runner.invoke(app, ["feeds"])  # reads the config, never the network
    assert time.monotonic() - started < 5
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {env['config']}: "), result.output
    assert message in lines[0]


# --- 3 and 5. SMTP servers that stall, and mail that must go out exactly once ------------------


class ScriptedSMTP:
    """A raw SMTP server on 127.0.0.1 misbehaving on cue; keeps each message it accepts.

    `quit`: "reply", "refuse" (451), "close" (hang up without a word) or "hang" (never answer).
    `trickle`: send the greeting one byte a second. `on_data`: called as DATA is accepted.
    """

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.messages: list[bytes] = []
        self.quit = "reply"
        self.trickle = False
        self.on_data = None
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            greeting = b"220 scripted ESMTP\r\n"
            if self.trickle:
                for byte in greeting:
                    if self.stopped.wait(1):
                        return
                    conn.sendall(bytes([byte]))
            conn.sendall(greeting)
            lines = conn.makefile("rb")
            while line := lines.readline():
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    conn.sendall(b"250 scripted\r\n")
                elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 go on\r\n")
                    body = b"".join(iter(lines.readline, b".\r\n"))
                    if self.on_data is not None:
                        self.on_data()
                    self.messages.append(body)
                    conn.sendall(b"250 2.0.0 accepted\r\n")
                elif verb == b"QUIT":
                    if self.quit == "reply":
                        conn.sendall(b"221 bye\r\n")
                    elif self.quit == "refuse":
                        conn.sendall(b"451 4.3.0 cannot say goodbye now\r\n")
                    elif self.quit == "hang":
                        self.stopped.wait(60)
                    return
                else:
                    conn.sendall(b"502 no\r\n")

    def stop(self) -> None:
        self.stopped.set()
        self.listener.close()


@pytest.fixture
def smtp():
    server = ScriptedSMTP()
    yield server
    server.stop()


@pytest.fixture
def pending_items(runner, env, feed_server, smtp):
    """tass_en.rss fetched, and [email] pointing at the scripted server (2 s timeout)."""
    feeds = {"good": feed_server.serve_file("/good", "tass_en.rss")}
    write_config(env["config"], feeds, email_config(smtp.port))
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    return feeds


@pytest.mark.parametrize("quit", ["refuse", "close", "hang"])
def test_accepted_mail_is_marked_whatever_quit_does(runner, env, smtp, pending_items, quit):
    smtp.quit = quit
    started = time.monotonic()
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 5  # a hanging QUIT is cut off with the rest
    assert len(smtp.messages) == 1
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3  # nothing sent twice
    assert len(smtp.messages) == 1


def test_smtp_timeout_bounds_the_whole_conversation(runner, env, smtp, pending_items):
    smtp.trickle = True  # one byte a second: every single read is within the timeout
    started = time.monotonic()
    result = runner.invoke(app, ["digest", "--email"])
    assert time.monotonic() - started < 6  # was 20 s here, and forever for a longer reply
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: 127.0.0.1:{smtp.port} did not answer within 2s"
    assert runner.invoke(app, ["digest"]).exit_code == 0  # the items are still pending


def test_a_busy_database_after_acceptance_neither_fails_nor_resends(
    runner, env, smtp, pending_items, monkeypatch
):
    import kurilwatch.store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 300)
    blocker = sqlite3.connect(env["db"], isolation_level=None, check_same_thread=False)
    # A long fetch takes the write lock just as the server accepts the message.
    smtp.on_data = lambda: blocker.execute("BEGIN IMMEDIATE")
    result = runner.invoke(app, ["digest", "--email"])
    blocker.execute("ROLLBACK")
    assert result.exit_code == 0, result.output
    assert "The digest was delivered; it will be marked sent by the next run" in result.output
    smtp.on_data = None
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    assert len(smtp.messages) == 1


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB filesystem (tmpfs) to fill up; skipped where it cannot be mounted."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {made.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_after_acceptance_never_resends(
    runner, env, feed_server, smtp, small_disk, monkeypatch
):
    monkeypatch.setenv("KURILWATCH_DB", str(small_disk / "kw.db"))
    feeds = {"good": feed_server.serve_file("/good", "tass_en.rss")}
    write_config(env["config"], feeds, email_config(smtp.port))
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    filler = small_disk / "filler"

    def fill_the_disk() -> None:
        with open(filler, "wb", buffering=0) as handle:
            for block in (65536, 4096, 1):  # to the last byte: a free page would take a write
                with contextlib.suppress(OSError):
                    while True:
                        handle.write(b"\0" * block)

    # Nothing left over from the fetch for the marking to write into without new space.
    with contextlib.closing(sqlite3.connect(small_disk / "kw.db")) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    smtp.on_data = fill_the_disk
    first = runner.invoke(app, ["digest", "--email"])
    assert first.exit_code == 0, first.output
    assert "will be marked sent by the next run" in first.output
    # Still full: nothing is sent again, and the reason is one line.
    still_full = runner.invoke(app, ["digest", "--email"])
    assert still_full.exit_code == 1
    assert still_full.output.startswith("Error: the last digest was delivered but cannot be")
    filler.unlink()
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    assert len(smtp.messages) == 1


# --- 6. worker processes die with the fetch ------------------------------------------------


def _children(pid: int) -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError), open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid and fields[0] != "Z":
                    children.append(int(entry))
    return children


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="parse workers start on 2 cores or more")
def test_a_sigkilled_fetch_takes_its_workers_with_it(env, feed_server):
    feeds = {
        f"slow{n}": feed_server.serve_file(f"/slow{n}", "tass_en.rss", delay=30) for n in range(8)
    }
    write_config(env["config"], feeds)
    environment = {
        **os.environ,
        "KURILWATCH_DB": str(env["db"]),
        "KURILWATCH_CONFIG": str(env["config"]),
    }
    run = subprocess.Popen([sys.executable, "-m", "kurilwatch", "fetch", "-q"], env=environment)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = _children(run.pid)
        assert len(workers) >= 2, "the fetch started no parse workers"
        run.kill()
        run.wait(timeout=10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(map(_alive, workers)):
            time.sleep(0.1)
        assert not any(map(_alive, workers))  # were left running, parentless
    finally:
        run.kill()
        for pid in workers:  # never leave them behind, whatever the outcome
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="parse workers start on 2 cores or more")
def test_a_worker_stops_a_slow_parse_at_the_deadline(runner, env, feed_server, monkeypatch):
    import kurilwatch.parse

    monkeypatch.setattr(kurilwatch.parse, "PARSE_DEADLINE", 1.0)  # the workers fork with it
    # feedparser's lenient parser on a million unclosed elements: 16 s, in Python throughout.
    body = _rss(_item("Kurils slow", text="<div>" * 1_000_000 + "Iturup"), title="t &undefined;")
    feed_server.routes["/hostile"] = Route(body=body)
    feeds = {f"good{n}": feed_server.serve_file(f"/good{n}", "tass_en.rss") for n in range(7)}
    write_config(env["config"], {**feeds, "hostile": feed_server.url("/hostile")})
    started = time.monotonic()
    result = runner.invoke(app, ["fetch"])
    assert time.monotonic() - started < 8
    assert result.exit_code == 1
    health = {
        f["feed"]: f for f in json.loads(runner.invoke(app, ["feeds", "--format", "json"]).output)
    }
    assert health["hostile"]["last_error"] == "parsing took longer than 1s"
    assert health["good0"]["last_status"] == "ok"


BAD_COMMAND_LINES = {
    "--since in the year 0 in UTC": (
        ["list", "--since", "0001-01-01T00:00+01:00"],
        "Error: --since '0001-01-01T00:00+01:00' reaches too far back",
    ),
    "news --since in the year 0": (
        ["news", "--since", "0001-01-01T00:00+01:00"],
        "Error: --since '0001-01-01T00:00+01:00' reaches too far back",
    ),
    "--limit 2^63": (
        ["list", "--limit", str(2**63)],
        f"Error: a number on the command line is too large (at most {2**63 - 1})",
    ),
    "news --limit 2^63": (
        ["news", "--limit", str(2**63)],
        f"Error: a number on the command line is too large (at most {2**63 - 1})",
    ),
    "a 23-digit ID": (
        ["show", "12345678901234567890123"],
        f"Error: a number on the command line is too large (at most {2**63 - 1})",
    ),
    "diff of a 23-digit ID": (
        ["diff", "12345678901234567890123"],
        f"Error: a number on the command line is too large (at most {2**63 - 1})",
    ),
}


@pytest.mark.parametrize("case", BAD_COMMAND_LINES, ids=BAD_COMMAND_LINES.keys())
def test_bad_command_line_values_are_one_line(runner, env, feed_server, case):
    write_config(env["config"], {"good": feed_server.serve_file("/good", "tass_en.rss")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    args, message = BAD_COMMAND_LINES[case]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.output.strip() == message


def _damage(db) -> None:
    """Overwrite the first page of the items table and of the revisions (not the schema)."""
    conn = sqlite3.connect(db)
    roots = dict(conn.execute("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0"))
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(db, "r+b") as handle:
        for table in ("items", "revisions"):
            handle.seek((roots[table] - 1) * page_size)
            handle.write(b"\x0d" + b"\xff" * 200)


@pytest.mark.parametrize("command", [["show", "1"], ["news", "--since", "7d"], ["list"]])
def test_a_damaged_database_is_one_line(runner, env, feed_server, command):
    write_config(env["config"], {"good": feed_server.serve_file("/good", "tass_en.rss")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    _damage(env["db"])
    result = runner.invoke(app, command)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: the database file is damaged (database disk image is")


# --- 9. a bad config stops every command -------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["search", "Kurils"], ["news"]])
def test_a_bad_config_stops_the_reading_commands_too(runner, env, command):
    env["config"].write_text('[filter]\ninclude = ["/kuril(/"]\n')
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"Error: {env['config']}: filter.include: bad regular")
    assert not env["db"].exists()


# --- 8. characters that make text lie, and encodings that lie ------------------------------

HIDDEN = {
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "pop directional formatting": "\u202c",
    "first strong isolate": "\u2068",
    "right-to-left mark": "\u200f",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "tag A": "\U000e0041",
    "cancel tag": "\U000e007f",
}
SPOOFED = "Kurils " + "".join(HIDDEN.values()) + "gpj.exe airport"


def _no_hidden(output: str) -> list[str]:
    return [name for name, char in HIDDEN.items() if char in output]


def test_invisible_characters_reach_no_output(runner, env, feed_server, tmp_path):
    body = _rss(
        _item(SPOOFED, "https://x.example/\u202eexe", text=f"Iturup {''.join(HIDDEN.values())}.")
    )
    feed_server.routes["/hostile"] = Route(body=body)
    write_config(env["config"], {"hostile": feed_server.url("/hostile")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    commands = [["list", "--format", fmt] for fmt in ("table", "plain", "json", "csv")] + [
        ["show", "1"],
        ["news", "--since", "1d", "--format", "table"],
        ["news", "--since", "1d", "--format", "json"],
        ["search", "airport", "--format", "plain"],
        ["digest", "--format", "html"],
        ["digest", "--format", "markdown"],
        ["digest"],
        ["export"],
        ["export", "--format", "json"],
    ]
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
        assert _no_hidden(result.output) == [], command
    assert runner.invoke(app, ["report", "-o", str(tmp_path / "r.html")]).exit_code == 0
    assert _no_hidden((tmp_path / "r.html").read_text()) == []
    listed = runner.invoke(app, ["list", "--format", "plain"]).output
    assert "Kurils gpj.exe airport" in listed  # shown in the order it was written


def test_text_stored_before_is_cleaned_by_every_view(runner, env, feed_server):
    write_config(env["config"], {"good": feed_server.serve_file("/good", "tass_en.rss")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    conn = sqlite3.connect(env["db"])
    with conn:
        conn.execute("UPDATE items SET title = ? WHERE id = 1", [SPOOFED])
    conn.close()
    for command in (["list", "--format", "table"], ["list", "--format", "plain"], ["show", "1"]):
        output = runner.invoke(app, command).output
        assert _no_hidden(output) == [], command
        assert "Kurils gpj.exe airport" in output


def _cp1251_feed() -> bytes:
    return (FEEDS / "tass_ru_cp1251.rss").read_bytes().replace(b"windows-1251", b"utf-8")


LYING_LABELS = {
    "XML declaration says UTF-8": (Route(body=_cp1251_feed()), "is labelled UTF-8"),
    "Content-Type says UTF-8": (
        Route(
            body=(FEEDS / "tass_ru_cp1251.rss").read_bytes(),
            content_type="application/rss+xml; charset=utf-8",
        ),
        "is labelled UTF-8",
    ),
    "no label at all": (
        Route(body=_cp1251_feed().replace(b' encoding="utf-8"', b"")),
        "names no encoding (so UTF-8)",
    ),
}


@pytest.mark.parametrize("case", LYING_LABELS, ids=LYING_LABELS.keys())
def test_windows_1251_labelled_utf8_is_read_right_and_said(runner, env, feed_server, case):
    route, label = LYING_LABELS[case]
    result, _ = _fetch_beside_a_good_feed(runner, env, feed_server, route)
    assert result.exit_code == 0
    assert "На Курилах открылся новый аэровокзал" in _titles(env)
    checked = runner.invoke(app, ["feeds", "check", "hostile", "--format", "json"]).output
    assert json.loads(checked)[0]["warning"] == (
        f"the feed {label} but is written in windows-1251; read as windows-1251"
    )


def test_western_text_labelled_utf8_is_not_taken_for_russian(runner, env, feed_server):
    french = _rss(
        _item("Kouriles : les îles Kouriles et le Japon", text="Le différend sur les îles.")
    ).decode()
    body = french.encode("cp1252")
    result, _ = _fetch_beside_a_good_feed(runner, env, feed_server, Route(body=body))
    assert result.exit_code == 0
    assert not any("Кур" in t or "й" in t for t in _titles(env))


# --- the parse stage, fuzzed -------------------------------------------------------------------

_REFERENCES = st.one_of(
    st.integers(min_value=0, max_value=2**70).map(lambda n: f"&#{n};"),
    st.integers(min_value=0xD700, max_value=0xE000).map(lambda n: f"&#x{n:X};"),
    st.sampled_from(["&amp;", "&lt;", "&nbsp;", "&undefined;", "&a;", "&", "&#;", "&#x;"]),
)
_TEXT = st.lists(
    st.one_of(
        st.text(max_size=30),
        _REFERENCES,
        st.sampled_from(
            ["<b>", "</b>", "<div>", "<![CDATA[", "]]>", "<script>", "<", ">", "\u202e", "Kurils"]
        ),
    ),
    max_size=12,
).map("".join)
_ITEM = st.builds(
    lambda title, link, text, repeat: (
        (f"<item><title>{title}</title><link>{link}</link><description>{text}</description></item>")
        * repeat
    ),
    _TEXT,
    st.one_of(_TEXT, st.sampled_from(["https://x.example/a", "javascript:x", "http://xn--/"])),
    _TEXT,
    st.integers(min_value=1, max_value=3),
)
_HEAD = st.sampled_from(
    [
        "",
        '<?xml version="1.0"?>',
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="windows-1251"?>',
        '<?xml version="1.0" encoding="utf\x00-8"?>',
        '<?xml version="1.0" encoding="klingon"?>',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
    ]
)


@st.composite
def hostile_documents(draw) -> bytes:
    items = "".join(draw(st.lists(_ITEM, max_size=4)))
    root = draw(st.sampled_from(["rss", "feed", "rdf"]))
    if root == "rss":
        body = f'<rss version="2.0"><channel><title>{draw(_TEXT)}</title>{items}</channel></rss>'
    elif root == "feed":
        entries = items.replace("<item>", "<entry>").replace("</item>", "</entry>")
        body = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{entries}</feed>'
    else:
        body = (
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            f'xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel>{items}'
            "</rdf:RDF>"
        )
    document = draw(_HEAD) + body
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]))
    data = document.encode(encoding, "replace")
    cut = draw(st.integers(min_value=0, max_value=len(data)))
    return data[:cut] if draw(st.booleans()) else data


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=hostile_documents(), charset=st.sampled_from(["", "utf-8", "windows-1251"]))
def test_the_parse_stage_never_raises_and_stays_bounded(document, charset):
    import tracemalloc

    from kurilwatch.errors import FeedError
    from kurilwatch.update import parse_and_match

    headers = {"Content-Type": f"application/xml; charset={charset}"} if charset else {}
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = parse_and_match(document, headers, (), ())
        assert outcome.seen == len(outcome.matched) + len(outcome.unmatched)
    except FeedError as exc:  # a clear, recorded failure of this feed: allowed
        assert exc.message and "\n" not in exc.message
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 64 * 1024 * 1024


def test_a_digest_that_cannot_be_recorded_is_not_sent(runner, env, smtp, pending_items):
    record = env["db"].with_name(env["db"].name + ".sending")
    record.mkdir()  # the record cannot be written: as on a full disk, or a read-only directory
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"Error: cannot write {record} (")
    assert result.output.strip().endswith("the digest was not sent")
    assert smtp.messages == []
    record.rmdir()
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    assert len(smtp.messages) == 1


def test_a_feeds_own_user_agent_and_headers_are_sent(runner, env, feed_server):
    url = feed_server.serve_file("/a", "tass_en.rss")
    env["config"].write_text(
        f'[[feeds]]\nname = "a"\nurl = "{url}"\nuser_agent = "Mozilla/5.0 (compatible)"\n'
        'headers = { "Accept-Language" = "ru" }\n'
    )
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    sent = feed_server.requests_to("/a")[0].headers
    assert sent["User-Agent"] == "Mozilla/5.0 (compatible)"
    assert sent["Accept-Language"] == "ru"


def test_a_feed_the_store_cannot_take_fails_alone(runner, env, feed_server):
    write_config(env["config"], {"good": feed_server.serve_file("/good", "tass_en.rss")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0  # creates the database
    # A real refusal by SQLite for one feed's item, as a hostile entry could provoke.
    conn = sqlite3.connect(env["db"])
    conn.execute(
        "CREATE TRIGGER poison BEFORE INSERT ON items WHEN NEW.title LIKE '%poison%' "
        "BEGIN SELECT RAISE(ABORT, 'poisoned entry'); END"
    )
    conn.commit()
    conn.close()
    feed_server.routes["/hostile"] = Route(body=_rss(_item("Kurils poison")))
    feeds = {
        "good": feed_server.url("/good"),
        "ru": feed_server.serve_file("/ru", "tass_ru_cp1251.rss"),
        "hostile": feed_server.url("/hostile"),
    }
    write_config(env["config"], feeds)
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 1, result.output
    health = {
        f["feed"]: f for f in json.loads(runner.invoke(app, ["feeds", "--format", "json"]).output)
    }
    assert health["hostile"]["last_error"] == (
        "cannot store the feed: IntegrityError: poisoned entry"
    )
    assert health["ru"]["items"] == 2 and health["good"]["items"] == GOOD_TITLES
