"""Faults and hostile input: every case against real servers on 127.0.0.1, nothing lost."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FEEDS, Route, write_config
from kurilwatch.cli import app
from kurilwatch.config import load_config
from kurilwatch.errors import FeedError
from kurilwatch.http import Limits
from kurilwatch.parse import Entry
from kurilwatch.store import Store
from kurilwatch.update import parse_and_match, run_fetch

GOOD_TITLES = 3  # Kuril items in tass_en.rss


def _fetch_core(env, feeds: dict[str, str], **limits) -> dict:
    write_config(env["config"], feeds)
    cfg = load_config()
    with Store(env["db"]) as store:
        report = run_fetch(store, cfg, list(cfg.feeds), limits=Limits(**limits))
        count = store.count_items()
    return {"reports": {f.feed: f for f in report.feeds}, "count": count}


# --- network faults (core, with short limits) --------------------------------------------


def trickle(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    for _ in range(40):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.1)


def close_mid_body(handler) -> None:
    body = (FEEDS / "tass_en.rss").read_bytes()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body[:300])
    handler.wfile.flush()
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


def endless(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.end_headers()  # no length: read until the server closes, which it never does
    chunk = b"<!-- padding -->" * 4096
    try:
        for _ in range(10_000):  # 640 MB if nobody stops reading
            handler.wfile.write(chunk)
    except OSError:
        pass
    handler.close_connection = True


def redirect_loop(handler) -> None:
    handler.send_response(302)
    handler.send_header("Location", "/loop")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


@pytest.fixture
def silent_port():
    """A port that accepts connections (into the backlog) and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock.getsockname()[1]
    sock.close()


def test_timeouts_and_broken_connections(env, feed_server, silent_port):
    feed_server.routes["/trickle"] = Route(handler=trickle)
    feed_server.routes["/cut"] = Route(handler=close_mid_body)
    feeds = {
        "good": feed_server.serve_file("/good", "tass_en.rss"),
        "silent": f"http://127.0.0.1:{silent_port}/feed",
        "trickle": feed_server.url("/trickle"),
        "cut": feed_server.url("/cut"),
    }
    result = _fetch_core(env, feeds, total_timeout=1.5, connect_timeout=1)
    reports = result["reports"]
    assert reports["silent"].error == "timed out after 1.5s"
    assert reports["trickle"].error == "timed out after 1.5s"
    assert reports["cut"].status == "error" and "connection broken" in reports["cut"].error
    assert reports["good"].new == GOOD_TITLES and result["count"] == GOOD_TITLES


def test_size_cap_stops_reading(env, feed_server):
    feed_server.routes["/huge"] = Route(handler=endless)
    feeds = {
        "good": feed_server.serve_file("/good", "tass_en.rss"),
        "huge": feed_server.url("/huge"),
    }
    started = time.monotonic()
    result = _fetch_core(env, feeds, max_bytes=1024 * 1024)
    assert result["reports"]["huge"].error == "response larger than 1 MB"
    assert time.monotonic() - started < 10  # it stopped reading; it did not take 640 MB
    assert result["count"] == GOOD_TITLES


def test_dns_failure(env, feed_server, monkeypatch):
    # No test may leave 127.0.0.1, so the resolver itself is the one stand-in here.
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host == "feeds.nowhere.example":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    feeds = {
        "good": feed_server.serve_file("/good", "tass_en.rss"),
        "nodns": "http://feeds.nowhere.example/rss",
    }
    result = _fetch_core(env, feeds)
    assert result["reports"]["nodns"].error == "DNS lookup failed"
    assert result["count"] == GOOD_TITLES


# --- HTTP-level faults (through the CLI: exit status 1, the others stored) ------------------

HTTP_FAULTS = {
    "redirect-loop": (Route(handler=redirect_loop), "too many redirects"),
    "429": (
        Route(status=429, body=b"slow down", headers={"Retry-After": "120"}),
        "HTTP 429 Too Many Requests (retry after 20",
    ),
    "503": (Route(status=503, body=b"down"), "HTTP 503 Service Unavailable"),
    "html-error-page": (
        Route(body=(FEEDS / "not_a_feed.html").read_bytes(), content_type="text/html"),
        "not a feed (an HTML page)",
    ),
    "empty": (Route(body=b""), "empty response"),
    "corrupt-gzip": (
        Route(body=b"\x1f\x8b\x08\x00garbage-not-deflate", headers={"Content-Encoding": "gzip"}),
        "corrupt compressed body",
    ),
}


@pytest.mark.parametrize("fault", HTTP_FAULTS, ids=HTTP_FAULTS.keys())
def test_http_faults(runner, env, feed_server, fault):
    route, reason = HTTP_FAULTS[fault]
    feed_server.routes["/bad"] = route
    feeds = {"good": feed_server.serve_file("/good", "tass_en.rss"), "bad": feed_server.url("/bad")}
    feed_server.routes["/loop"] = Route(handler=redirect_loop)
    write_config(env["config"], feeds)
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 1
    assert reason.split(" (")[0] in result.output
    health = {
        f["feed"]: f for f in json.loads(runner.invoke(app, ["feeds", "--format", "json"]).output)
    }
    assert reason in health["bad"]["last_error"]
    assert health["good"]["items"] == GOOD_TITLES


def test_retry_after_is_respected(runner, env, feed_server):
    feed_server.routes["/busy"] = Route(status=429, body=b"", headers={"Retry-After": "3600"})
    write_config(env["config"], {"busy": feed_server.url("/busy")})
    assert runner.invoke(app, ["fetch"]).exit_code == 1
    second = runner.invoke(app, ["fetch"])
    assert second.exit_code == 0 and "skipped" in second.output
    assert len(feed_server.requests_to("/busy")) == 1


def test_wrong_content_type_still_parses(runner, env, feed_server):
    feed_server.serve_file("/plain", "tass_en.rss", content_type="text/html; charset=utf-8")
    write_config(env["config"], {"plain": feed_server.url("/plain")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0


def test_gzip_feed(runner, env, feed_server):
    feed_server.serve_file("/gz", "tass_en.rss", gzip=True)
    write_config(env["config"], {"gz": feed_server.url("/gz")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    assert "Accept-Encoding" in feed_server.requests_to("/gz")[0].headers


# --- feed health ---------------------------------------------------------------------------


def test_health_is_reported_on_change_not_every_run(runner, env, feed_server):
    feed_server.serve_file("/f", "tass_en.rss")
    write_config(env["config"], {"f": feed_server.url("/f")})
    assert runner.invoke(app, ["fetch", "-q"]).output == ""
    feed_server.routes["/f"] = Route(status=500, body=b"")
    down = runner.invoke(app, ["fetch", "-q"])
    assert down.exit_code == 1
    assert down.output.strip() == "Error: feed f: HTTP 500 Internal Server Error"
    still = runner.invoke(app, ["fetch", "-q"])
    # Exit 1 always says why, in one short line: the error itself waits for the reminder.
    assert still.exit_code == 1
    assert re.fullmatch(
        r"Error: feed f still down since \d{4}-\d\d-\d\d \d\d:\d\d UTC\n", still.output
    )
    health = json.loads(runner.invoke(app, ["feeds", "--format", "json"]).output)[0]
    assert health["consecutive_failures"] == 2 and health["failing_since"]
    assert "failing since" in runner.invoke(app, ["feeds"]).output
    # A day later it is reported again, never silently dropped.
    with Store(env["db"]) as store, store.transaction():
        store.conn.execute("UPDATE feeds SET last_alert = '2000-01-01T00:00:00Z'")
    reminder = runner.invoke(app, ["fetch", "-q"])
    assert "still failing since" in reminder.output and "(3 runs)" in reminder.output
    feed_server.serve_file("/f", "tass_en.rss")
    recovered = runner.invoke(app, ["fetch", "-q"])
    assert recovered.exit_code == 0 and recovered.output.strip() == "feed f recovered"


# --- the database under concurrency, kills and damage ----------------------------------------


def _cli(env, *args: str, **kwargs) -> subprocess.Popen:
    environment = {
        **os.environ,
        "KURILWATCH_DB": str(env["db"]),
        "KURILWATCH_CONFIG": str(env["config"]),
    }
    return subprocess.Popen([sys.executable, "-m", "kurilwatch", *args], env=environment, **kwargs)


def test_two_fetches_at_once_neither_corrupt_nor_duplicate(env, feed_server):
    feeds = {
        name: feed_server.serve_file(f"/{name}", file, delay=0.3)
        for name, file in [("a", "tass_en.rss"), ("b", "tass_ru_cp1251.rss"), ("c", "nhk_sjis.rdf")]
    }
    write_config(env["config"], feeds)
    runs = [_cli(env, "fetch", "-q") for _ in range(2)]
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    conn = sqlite3.connect(env["db"])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 3 + 2 + 2
    assert conn.execute("SELECT count(DISTINCT canonical_url) FROM items").fetchone()[0] == 7


def test_sigkill_mid_fetch_loses_nothing_committed(env, feed_server):
    feeds = {
        "fast": feed_server.serve_file("/fast", "tass_en.rss"),
        "slow": feed_server.serve_file("/slow", "tass_ru_cp1251.rss", delay=30),
    }
    write_config(env["config"], feeds)
    run = _cli(env, "fetch", "-q")
    deadline = time.monotonic() + 20
    committed = 0
    while time.monotonic() < deadline and committed < GOOD_TITLES:
        time.sleep(0.1)
        try:
            committed = (
                sqlite3.connect(env["db"]).execute("SELECT count(*) FROM items").fetchone()[0]
            )
        except sqlite3.Error:
            committed = 0
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=10)
    assert committed == GOOD_TITLES
    conn = sqlite3.connect(env["db"])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == GOOD_TITLES
    conn.close()
    feed_server.serve_file("/slow", "tass_ru_cp1251.rss")  # the next run completes the rest
    rerun = _cli(env, "fetch", "-q")
    assert rerun.wait(timeout=60) == 0
    assert sqlite3.connect(env["db"]).execute("SELECT count(*) FROM items").fetchone()[0] == 5


def test_busy_database_gives_a_clear_message(runner, env, monkeypatch):
    import kurilwatch.store as store_module

    Store(env["db"]).close()
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    blocker = sqlite3.connect(env["db"], isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = runner.invoke(app, ["news"])  # writes its cursor; WAL readers never wait
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: the database is busy: another kurilwatch run is in progress"
    )


# --- hostile input ---------------------------------------------------------------------------

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>Kurils &xxe;</title>
<link>https://x.example/xxe</link><description>Iturup &xxe;</description></item></channel></rss>"""

LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
    )
    + b']><rss version="2.0"><channel><item><title>Kurils &i;</title>'
    b"<link>https://x.example/lol</link></item></channel></rss>"
)


def test_xml_attacks_neither_read_files_nor_explode(runner, env, feed_server):
    feed_server.routes["/xxe"] = Route(body=XXE)
    feed_server.routes["/lol"] = Route(body=LAUGHS)
    write_config(env["config"], {"xxe": feed_server.url("/xxe"), "lol": feed_server.url("/lol")})
    started = time.monotonic()
    runner.invoke(app, ["fetch"])
    assert time.monotonic() - started < 20
    conn = sqlite3.connect(env["db"])
    texts = " ".join(t or "" for row in conn.execute("SELECT title, text FROM items") for t in row)
    assert "root:" not in texts
    longest = conn.execute("SELECT max(length(title) + length(text)) FROM items").fetchone()[0]
    assert (longest or 0) < 10_000


TERMINAL = (
    b'<rss version="2.0"><channel><title>t</title><item><title>Kurils \x1b[2J\x1b[31mred\x07 '
    b"[bold red]markup[/bold red] [link=https://evil.example]x[/link]</title>"
    b"<link>https://x.example/ansi</link><guid>ansi</guid>"
    b"<description>Iturup \x1b]0;title\x07 text</description></item></channel></rss>"
)


def test_terminal_injection_is_shown_literally(runner, env, feed_server):
    feed_server.routes["/t"] = Route(
        body=TERMINAL.replace(b"\x1b", b"&#27;").replace(b"\x07", b"&#7;")
    )
    write_config(env["config"], {"t": feed_server.url("/t")})
    runner.invoke(app, ["fetch"])
    for command in (["list"], ["show", "1"], ["news", "--since", "1d"], ["search", "markup"]):
        for output_format in ([], ["--format", "table"], ["--format", "plain"]):
            if command[0] == "show" and output_format:
                continue
            output = runner.invoke(app, [*command, *output_format]).output
            assert "\x1b" not in output and "\x07" not in output, command
    for output_format in ("table", "plain"):
        listed = runner.invoke(app, ["list", "--format", output_format]).output
        assert "[bold red]markup[/bold red]" in listed
        assert "[link=https://evil.example]" in listed


def _rss(items: str) -> bytes:
    return f'<rss version="2.0"><channel><title>odd</title>{items}</channel></rss>'.encode()


def test_odd_values_are_stored_sanely(runner, env, feed_server):
    huge_title = "Kurils " + "x" * 1_000_000
    items = (
        f"<item><title>{huge_title}</title><link>https://x.example/huge</link></item>"
        "<item><description>Shikotan with no title, no link, no date</description></item>"
        "<item><title>Iturup far future</title><link>https://x.example/9999</link>"
        "<pubDate>Fri, 31 Dec 9999 23:00:00 GMT</pubDate></item>"
        "<item><title>Iturup in 1965</title><link>https://x.example/1965</link>"
        "<pubDate>Mon, 01 Feb 1965 10:00:00 GMT</pubDate></item>"
        "<item><title>Kunashir twice</title><guid>dup</guid><link>https://x.example/d1</link></item>"
        "<item><title>Kunashir twice, again</title><guid>dup</guid><link>https://x.example/d2</link></item>"
        "<item><title>Habomai script link</title><link>javascript:alert(1)</link></item>"
    )
    feed_server.routes["/odd"] = Route(body=_rss(items))
    write_config(env["config"], {"odd": feed_server.url("/odd")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items_out = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    by_title = {i["title"][:30]: i for i in items_out}
    assert len(items_out) == 6  # the duplicate GUID once
    assert max(len(i["title"]) for i in items_out) <= 1000
    assert by_title["Iturup far future"]["published"] is None
    assert by_title["Iturup in 1965"]["published"] == "1965-02-01T10:00:00Z"
    assert by_title["Habomai script link"]["url"] is None
    assert any(i["title"] == "" and i["summary"].startswith("Shikotan") for i in items_out)
    assert runner.invoke(app, ["list"]).exit_code == 0


def test_catastrophic_regex_is_rejected(runner, env):
    env["config"].write_text('[filter]\ninclude = ["/(a+)+$/"]\n')
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 2 and "exponential time" in result.output


# --- property and fuzz testing ----------------------------------------------------------------

snapshot = st.lists(
    st.tuples(st.sampled_from(["g1", "g2", "g3", "g4"]), st.sampled_from(["A", "B", "C"])),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(snapshot, min_size=1, max_size=5))
def test_upserting_snapshots_never_loses_or_duplicates(tmp_path_factory, snapshots):
    path = tmp_path_factory.mktemp("prop") / "kw.db"
    latest: dict[str, str] = {}
    with Store(path, now=lambda: datetime(2026, 11, 23, tzinfo=UTC)) as store:
        for feed_snapshot in snapshots:
            with store.transaction():
                for guid, version in feed_snapshot:
                    entry = Entry(
                        guid,
                        f"https://x.example/{guid}",
                        f"https://x.example/{guid}",
                        f"Iturup {version}",
                        "",
                        f"text {version}",
                        None,
                    )
                    store.upsert_entry("feed", entry, ["Iturup"])
                    latest[guid] = f"Iturup {version}"
        rows = {r["guid"]: r["title"] for r in store.db["items"].rows}
    assert rows == latest


def _mangled(data: bytes, rng: random.Random) -> list[bytes]:
    variants = [data[: rng.randrange(len(data))] for _ in range(5)]
    for _ in range(5):
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        variants.append(bytes(flipped))
    variants.append(data.decode("latin-1").encode("utf-16"))  # a wrong encoding
    variants.append(data.replace(b"encoding=", b'encoding="klingon" x='))
    return variants


@pytest.mark.parametrize("name", sorted(p.name for p in FEEDS.iterdir()))
def test_mangled_feeds_never_raise_out_of_parsing(name):
    rng = random.Random(name)
    for variant in _mangled((FEEDS / name).read_bytes(), rng):
        # A FeedError is a clear, recorded failure: the expected outcome for garbage.
        with contextlib.suppress(FeedError):
            parse_and_match(variant, {}, (), ())


def test_100000_items_in_one_feed(runner, env, feed_server):
    items = "".join(
        f"<item><title>{'Iturup news' if i % 1000 == 0 else 'Other news'} {i}</title>"
        f"<guid>{i}</guid></item>"
        for i in range(100_000)
    )
    feed_server.routes["/big"] = Route(body=_rss(items))
    write_config(env["config"], {"big": feed_server.url("/big")})
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0
    assert "100000 entries; only the first 5000 were read" in result.output.replace("\n", " ")
    listed = json.loads(runner.invoke(app, ["list", "--format", "json", "--limit", "100"]).output)
    assert len(listed) == 5  # items 0, 1000, 2000, 3000, 4000
    assert runner.invoke(app, ["list"]).exit_code == 0


def test_full_database_is_a_clear_error_and_keeps_what_was_stored(
    runner, env, feed_server, monkeypatch
):
    # A full disk cannot be made here without mounting a filesystem; SQLite's own page limit
    # produces the very same SQLITE_FULL error through the same code path.
    feed_server.serve_file("/a", "tass_en.rss")
    write_config(env["config"], {"a": feed_server.url("/a")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    import kurilwatch.store as store_module

    real_set_wal = store_module._set_wal

    def set_wal_and_fill(conn):
        real_set_wal(conn)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(store_module, "_set_wal", set_wal_and_fill)
    big = "".join(
        f"<item><title>Kurils {i}</title><guid>k{i}</guid><description>{'Iturup ' * 500}"
        f"</description></item>"
        for i in range(50)
    )
    feed_server.routes["/a"] = Route(body=_rss(big))
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: the disk is full; nothing was lost, the last write was undone"
    )
    monkeypatch.setattr(store_module, "_set_wal", real_set_wal)
    conn = sqlite3.connect(env["db"])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == GOOD_TITLES


@pytest.fixture
def read_only_db(env, feed_server, runner):
    feed_server.serve_file("/a", "tass_en.rss")
    write_config(env["config"], {"a": feed_server.url("/a")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    path = env["db"]
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield path
        path.chmod(0o644)
        return
    # Root ignores permissions; the immutable attribute binds root too.
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot make a read-only file as root here: {made.stderr.decode().strip()}")
    yield path
    subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_database_is_a_clear_error(runner, env, read_only_db):
    before = read_only_db.read_bytes()
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "read" in lines[0].lower()
    assert read_only_db.read_bytes() == before
