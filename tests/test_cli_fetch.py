"""End to end through the CLI: fetch from local feeds, then list, show and feeds."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from conftest import DATA, Route, write_config
from kurilwatch.cli import app

KURIL_TITLES = {
    "Russia and Japan set date for talks on joint projects on Southern Kurils",
    "Tokyo lodges protest over military drills near Hokkaido",
    "Former islanders visit family graves on Kunashir",
    "На Курилах открылся новый аэровокзал",
    "Жители острова получат новую котельную",
    "元島民らが墓参 根室港を出発",
    "択捉島で震度4の地震",
    "Japan, Russia working group to meet on Northern Territories projects",
}
# Published within the last 7 days (the others are 8 and 12 days old).
RECENT_TITLES = KURIL_TITLES - {
    "Former islanders visit family graves on Kunashir",
    "択捉島で震度4の地震",
}


def stored_titles(db_path) -> set[str]:
    return {row["title"] for row in sqlite_utils.Database(db_path)["items"].rows}


def test_fetch_stores_kuril_items_and_nothing_else(runner, standard_feeds, env):
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    assert stored_titles(env["db"]) == KURIL_TITLES
    for name in standard_feeds:
        assert name in result.output
    assert "error" not in result.output


@pytest.mark.parametrize("columns", [60, 100])
def test_list_fills_the_terminal_width_it_is_given(runner, standard_feeds, env, columns):
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    result = runner.invoke(app, ["list", "--format", "table"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) == columns


def test_fetch_decodes_cp1251_and_shift_jis(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    db = sqlite_utils.Database(env["db"])
    texts = {row["title"]: row["text"] for row in db["items"].rows}
    assert "Новый терминал аэропорта Итуруп" in texts["На Курилах открылся новый аэровокзал"]
    assert "北方領土の元島民" in texts["元島民らが墓参 根室港を出発"]


def test_second_fetch_is_conditional_and_creates_no_duplicates(
    runner, standard_feeds, env, feed_server
):
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    first_count = sqlite_utils.Database(env["db"])["items"].count
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    assert sqlite_utils.Database(env["db"])["items"].count == first_count
    etag_requests = feed_server.requests_to("/tass-en.xml")
    assert "If-None-Match" not in etag_requests[0].headers
    assert etag_requests[1].headers["If-None-Match"] == '"tass-en-v1"'
    lm_requests = feed_server.requests_to("/nhk.rdf")
    assert lm_requests[1].headers["If-Modified-Since"] == "Mon, 23 Nov 2026 06:00:00 GMT"
    assert "not modified" in result.output


def test_fetch_summary_counts(runner, standard_feeds, env):
    result = runner.invoke(app, ["fetch", "--format", "table"])
    line = next(line for line in result.output.splitlines() if "tass-en" in line)
    cells = [c.strip() for c in line.split("│") if c.strip()]
    # feed, status, seen, matched, new, updated
    assert cells == ["tass-en", "ok", "5", "3", "3", "0"]


def test_list_since_7d_json_returns_exactly_the_window(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    result = runner.invoke(app, ["list", "--since", "7d", "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert {i["title"] for i in items} == RECENT_TITLES
    cutoff = datetime.now(UTC) - timedelta(days=7)
    for item in items:
        assert {
            "id",
            "feed",
            "title",
            "url",
            "published",
            "first_seen",
            "matched",
            "summary",
        } <= set(item)
        assert item["published"].endswith("Z")
        assert datetime.fromisoformat(item["published"]) >= cutoff
        assert item["matched"]
    published = [i["published"] for i in items]
    assert published == sorted(published, reverse=True)


def test_list_since_iso_date_source_and_limit(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    since = (datetime.now(UTC) - timedelta(days=4, hours=12)).strftime("%Y-%m-%dT%H:%M")
    result = runner.invoke(
        app, ["list", "--since", since, "--source", "tass-ru", "--format", "json"]
    )
    assert [i["title"] for i in json.loads(result.output)] == [
        "На Курилах открылся новый аэровокзал",
        "Жители острова получат новую котельную",
    ]
    limited = json.loads(runner.invoke(app, ["list", "--limit", "2", "--format", "json"]).output)
    assert len(limited) == 2


def test_list_table_and_csv(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    table = runner.invoke(app, ["list", "--format", "table"])
    assert table.exit_code == 0
    assert "Southern Kurils" in table.output
    assert "Kuril Islands" in table.output  # matched terms column
    csv_out = runner.invoke(app, ["list", "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("id,feed,sources,title,url,published")
    assert len(csv_out.strip().splitlines()) == 1 + len(KURIL_TITLES)


def test_bad_since_is_a_usage_error(runner, env):
    result = runner.invoke(app, ["list", "--since", "yesterday-ish"])
    assert result.exit_code == 2
    assert "Error: --since 'yesterday-ish'" in result.output
    assert "Traceback" not in result.output


def test_show_item_and_unknown_id(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    items = json.loads(
        runner.invoke(app, ["list", "--format", "json", "--source", "tass-ru"]).output
    )
    item = next(i for i in items if i["title"].startswith("Жители"))
    result = runner.invoke(app, ["show", str(item["id"])])
    assert result.exit_code == 0
    assert "Шикотане" in result.output
    assert "tass-ru" in result.output
    missing = runner.invoke(app, ["show", "99999"])
    assert missing.exit_code == 2
    assert "no item with ID 99999" in missing.output


def test_dead_feeds_fail_alone(runner, env, feed_server):
    with socket.socket() as sock:  # a port with nothing listening
        sock.bind(("127.0.0.1", 0))
        dead_port = sock.getsockname()[1]
    feeds = {
        "good": feed_server.serve_file("/good.xml", "tass_en.rss"),
        "broken": feed_server.url("/500"),
        "html": feed_server.serve_file("/page", "not_a_feed.html", content_type="text/html"),
        "malformed": feed_server.serve_file("/bad.xml", "malformed.xml"),
        "refused": f"http://127.0.0.1:{dead_port}/feed",
        "missing": feed_server.url("/nowhere"),
    }
    feed_server.routes["/500"] = Route(body=b"oops", status=500, content_type="text/plain")
    write_config(env["config"], feeds)
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 1
    assert len(stored_titles(env["db"])) == 3
    out = result.output
    assert "HTTP 500" in out
    assert "not a feed (an HTML page)" in out
    assert "malformed XML" in out
    assert "connection refused" in out
    assert "HTTP 404" in out
    health = json.loads(runner.invoke(app, ["feeds", "--format", "json"]).output)
    by_name = {row["feed"]: row for row in health}
    assert by_name["good"]["last_error"] is None and by_name["good"]["items"] == 3
    assert by_name["broken"]["last_http_status"] == 500
    assert by_name["refused"]["last_error"] == "connection refused"
    assert by_name["refused"]["consecutive_failures"] == 1
    assert by_name["refused"]["last_success"] is None


def test_timeout_feed_fails_with_a_reason(env, feed_server):
    feed_server.routes["/slow"] = Route(body=b"<rss/>", delay=3)
    feeds = {"slow": feed_server.url("/slow"), "good": feed_server.serve_file("/g", "tass_en.rss")}
    write_config(env["config"], feeds)
    from kurilwatch.config import load_config
    from kurilwatch.http import Limits
    from kurilwatch.store import Store
    from kurilwatch.update import run_fetch

    cfg = load_config(env["config"])
    with Store(env["db"]) as store:
        report = run_fetch(store, cfg, list(cfg.feeds), limits=Limits(total_timeout=0.5))
    by_name = {f.feed: f for f in report.feeds}
    assert by_name["slow"].status == "error"
    assert by_name["slow"].error == "timed out after 0.5s"
    assert by_name["good"].new == 3


def test_quiet_prints_nothing_on_success_and_errors_on_failure(
    runner, standard_feeds, env, feed_server
):
    result = runner.invoke(app, ["fetch", "--quiet"])
    assert result.exit_code == 0
    assert result.output == ""
    feed_server.routes["/tass-en.xml"] = Route(status=503, body=b"busy")
    result = runner.invoke(app, ["fetch", "-q"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: feed tass-en: HTTP 503 Service Unavailable"


def test_feed_option_selects_feeds(runner, standard_feeds, env, feed_server):
    result = runner.invoke(app, ["fetch", "--feed", "nhk", "--feed", "tass-ru"])
    assert result.exit_code == 0
    assert feed_server.requests_to("/tass-en.xml") == []
    assert len(feed_server.requests_to("/nhk.rdf")) == 1
    unknown = runner.invoke(app, ["fetch", "--feed", "reuters"])
    assert unknown.exit_code == 2
    assert "unknown feed 'reuters'" in unknown.output


def test_same_canonical_url_in_two_feeds_is_one_item(runner, env, feed_server):
    item = """<item><title>Japan protests Russian drills on Iturup</title>
      <link>https://news.example/a/77?utm_source={src}&amp;utm_campaign=x</link>
      <guid isPermaLink="false">{src}-77</guid><pubDate>%%RFC-1d%%</pubDate>
      <description>Drills on the Kuril island.</description></item>"""
    for src in ("one", "two"):
        channel = f"<channel><title>{src}</title>{item.format(src=src)}</channel>"
        body = f'<rss version="2.0">{channel}</rss>'
        feed_server.routes[f"/{src}"] = Route(body=body.encode())
    write_config(env["config"], {"one": feed_server.url("/one"), "two": feed_server.url("/two")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    assert len(items) == 1
    assert sorted(items[0]["sources"]) == ["one", "two"]
    by_source = json.loads(
        runner.invoke(app, ["list", "--source", "two", "--format", "json"]).output
    )
    assert [i["id"] for i in by_source] == [items[0]["id"]]


def test_feeds_command_lists_health(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    result = runner.invoke(app, ["feeds"])
    assert result.exit_code == 0
    for name in standard_feeds:
        assert name in result.output


def test_db_option_beats_env(runner, standard_feeds, env, tmp_path):
    other = tmp_path / "other.db"
    assert runner.invoke(app, ["fetch", "--db", str(other)]).exit_code == 0
    assert len(stored_titles(other)) == len(KURIL_TITLES)
    assert not env["db"].exists() or sqlite_utils.Database(env["db"])["items"].count == 0


def test_version_and_help(runner):
    from kurilwatch import __version__

    result = runner.invoke(app, ["--version"])
    assert result.output.strip() == f"kurilwatch {__version__}"
    for command in ("fetch", "list", "show", "feeds"):
        help_result = runner.invoke(app, [command, "--help"])
        assert help_result.exit_code == 0
        assert "--db" in help_result.output


def test_unchanged_body_without_etag_is_not_parsed_again(runner, env, feed_server):
    feed_server.serve_file("/same", "tass_en.rss")  # no ETag, no Last-Modified
    write_config(env["config"], {"same": feed_server.url("/same")})
    runner.invoke(app, ["fetch"])
    again = runner.invoke(app, ["fetch", "--format", "table"])
    line = next(line for line in again.output.splitlines() if "│ same" in line)
    assert [c.strip() for c in line.split("│") if c.strip()][1:3] == ["not modified", "0"]
    assert len(feed_server.requests_to("/same")) == 2


def _twelve_feeds(env, feed_server) -> None:
    files = ["tass_en.rss", "tass_ru_cp1251.rss", "nhk_sjis.rdf", "japan_news.atom"]
    feeds = {}
    for number in range(12):
        body = (DATA / "feeds" / files[number % 4]).read_bytes()
        # Distinct links per feed, so every feed's items are items of their own.
        body = body.replace(b".example/", f".example/f{number}/".encode())
        feed_server.routes[f"/f{number}"] = Route(body=body)
        feeds[f"f{number}"] = feed_server.url(f"/f{number}")
    write_config(env["config"], feeds)


def _assert_twelve_feeds_stored(db: Path) -> None:
    assert len(stored_titles(db)) == len(KURIL_TITLES)
    database = sqlite_utils.Database(db)
    assert database["items"].count == 3 * 3 + 3 * 2 + 3 * 2 + 3 * 1
    # Every item's sentences were classified and indexed, and every feed's state recorded.
    assert database.execute(
        "SELECT count(*) FROM items WHERE id NOT IN (SELECT item_id FROM sentences)"
    ).fetchone() == (0,)
    assert database["feeds"].count == 12
    statuses = {row[0] for row in database.execute("SELECT last_status FROM feeds")}
    assert statuses == {"ok"}


def test_many_feeds_are_parsed_in_worker_processes(runner, env, feed_server):
    # Inside pytest other threads run (the feed server), so the workers come from forkserver.
    _twelve_feeds(env, feed_server)
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    _assert_twelve_feeds_stored(env["db"])


def test_many_feeds_in_a_real_process_use_forked_workers(env, feed_server):
    # A command-line run has no other thread when the fetch starts: its workers are forked.
    _twelve_feeds(env, feed_server)
    result = subprocess.run(
        [sys.executable, "-m", "kurilwatch", "fetch", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    _assert_twelve_feeds_stored(env["db"])
    again = subprocess.run(
        [sys.executable, "-m", "kurilwatch", "fetch", "-q"], capture_output=True, timeout=60
    )
    assert again.returncode == 0
    assert sqlite_utils.Database(env["db"])["items"].count == 3 * 3 + 3 * 2 + 3 * 2 + 3 * 1


def test_a_feed_the_database_refuses_stores_nothing_and_costs_the_others_nothing(env, feed_server):
    # A real SQLite error inside one feed's write: a trigger refuses the items of "refused".
    # It fails alone: the run goes on, and records why (issue 24: it used to end the run).
    feeds = {
        "good": feed_server.serve_file("/g", "tass_en.rss"),
        "also-good": feed_server.serve_file("/n", "nhk_sjis.rdf"),
        "refused": feed_server.serve_file("/r", "developments_wire.rss", delay=0.5),
    }
    write_config(env["config"], feeds)

    from kurilwatch.config import load_config
    from kurilwatch.store import Store
    from kurilwatch.update import run_fetch

    cfg = load_config(env["config"])
    with Store(env["db"]) as store:
        store.conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON items WHEN NEW.feed = 'refused' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
        report = run_fetch(store, cfg, list(cfg.feeds))
        counts = dict(store.conn.execute("SELECT feed, count(*) FROM items GROUP BY feed"))
        states = store.feed_states()
    assert [f.feed for f in report.failed] == ["refused"]
    assert report.failed[0].error == "cannot store the feed: IntegrityError: refused by the test"
    assert counts == {"good": 3, "also-good": 2}
    assert states["good"]["last_status"] == "ok"
    refused = states["refused"]
    assert refused["last_status"] == "error"
    # Nor its validators: the next run fetches it again.
    assert (refused["etag"], refused["last_modified"], refused["content_digest"]) == (None,) * 3


def _modules_loaded(*args: str) -> tuple[set[str], list[str]]:
    """The modules a real `kurilwatch` process (and its workers) imported; its other stderr."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kurilwatch", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    traced = [line for line in lines if line.startswith("import time:") and "|" in line]
    modules = {line.rsplit("|", 1)[1].strip() for line in traced}
    return modules, [line for line in lines if not line.startswith("import time:")]


def _island_feed(number: int) -> bytes:
    """An RSS feed of its own: two reports on the islands that no other feed carries."""
    items = "".join(
        f"<item><title>Ferry to Kunashir delayed by storm, report {number}-{i}</title>"
        f"<link>http://agency{number}.example/news/{i}</link><guid>agency{number}-{i}</guid>"
        "<pubDate>%%RFC-2h%%</pubDate><description>The ferry from Korsakov to Kunashir "
        f"in the southern Kurils was held in port for {number + i + 2} days.</description></item>"
        for i in range(2)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agency '
        f"{number}</title><link>http://agency{number}.example/</link>{items}</channel></rss>"
    ).encode()


def test_a_fetch_with_workers_leaves_the_matcher_to_them(env, feed_server):
    # With worker processes, the writer only stores: it never compiles the matcher's rules,
    # not even to tell the islands from other places when it compares stories.
    from kurilwatch.store import Store
    from kurilwatch.update import PARALLEL_FROM

    for n in range(PARALLEL_FROM):
        feed_server.routes[f"/f{n}"] = Route(body=_island_feed(n))
    write_config(env["config"], {f"f{n}": feed_server.url(f"/f{n}") for n in range(PARALLEL_FROM)})
    code = (
        "import atexit, runpy, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m in "
        "('kurilwatch.rules', 'kurilwatch.match', 'kurilwatch.stories'))))\n"
        "sys.argv = ['kurilwatch', 'fetch', '-q']\n"
        "runpy.run_module('kurilwatch', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    with Store(env["db"]) as store:
        assert store.count_items() == 2 * PARALLEL_FROM
        # Their stories were compared across feeds (the reports joined each other's)...
        (stories,) = store.conn.execute("SELECT count(DISTINCT story_id) FROM items").fetchone()
    assert stories < 2 * PARALLEL_FROM
    # ... by a writer that never loaded the rules (on one core there are no workers, and
    # the one process parses too).
    alone = ["kurilwatch.match", "kurilwatch.rules"] if (os.cpu_count() or 1) < 2 else []
    assert result.stdout.split("\n")[-2] == str([*alone, "kurilwatch.stories"])


def test_commands_load_only_what_they_use(env, feed_server):
    write_config(env["config"], {"tass-en": feed_server.serve_file("/t", "tass_en.rss")})
    # A quiet fetch where all is well prints nothing: cron runs never load rich's console.
    quiet_fetch, _ = _modules_loaded("fetch", "-q")
    assert "httpx" in quiet_fetch  # the check sees what is loaded
    assert "rich.console" not in quiet_fetch
    # Piped, `list` prints plain lines: rich is not loaded either, unless a table is asked for.
    listing, _ = _modules_loaded("list")
    assert "rich.console" not in listing
    assert "rich.console" in _modules_loaded("list", "--format", "table")[0]
    # Nor `news`, even when it has a word to say on what --limit left out.
    news, said = _modules_loaded("news", "--since", "30d", "--limit", "1")
    assert said == ["2 earlier items not shown: raise --limit to see them."]
    assert "rich.console" not in news
    # Nor the feed parser's module (URLs, HTML, hashes), nor the matcher's rules.
    assert not {"httpx", "feedparser", "sqlite_utils", "kurilwatch.parse", "kurilwatch.match"} & (
        listing
    )
    assert "kurilwatch.models" not in listing  # the update's records: a dozen dataclasses
    # `news` reads sentences classified at fetch time: it hashes nothing (hashlib loads OpenSSL).
    assert "kurilwatch.developments" in news
    assert not {"hashlib", "kurilwatch.parse", "kurilwatch.match"} & news
