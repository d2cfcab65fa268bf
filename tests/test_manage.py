"""Feed and filter management through the CLI, with real config and OPML files."""

from __future__ import annotations

import json
import tomllib
import xml.etree.ElementTree as ET

import pytest

from conftest import DATA, Route, write_config
from kurilwatch.cli import app
from kurilwatch.config import DEFAULT_FEEDS, load_config

OPML = DATA / "opml"

COMMENTED = """\
# My kurilwatch setup -- keep this comment
[[feeds]]
name = "tass-en"   # the English service
url = "https://tass.com/rss/v2.xml"

[filter]
include = ["Sakhalin Oblast"]  # regional government news
"""


def feed_urls(path) -> dict[str, str]:
    data = tomllib.loads(path.read_text())
    return {f["name"]: f["url"] for f in data.get("feeds", [])}


def test_add_and_remove_keep_comments(runner, env):
    env["config"].write_text(COMMENTED)
    added = runner.invoke(
        app, ["feeds", "add", "sakhalin", "https://sakhalin.info/rss/", "--lang", "ru"]
    )
    assert added.exit_code == 0, added.output
    text = env["config"].read_text()
    assert "# My kurilwatch setup -- keep this comment" in text
    assert "# the English service" in text and "# regional government news" in text
    assert load_config().feed("sakhalin").lang == "ru"
    assert runner.invoke(app, ["feeds", "remove", "tass-en"]).exit_code == 0
    assert feed_urls(env["config"]) == {"sakhalin": "https://sakhalin.info/rss/"}
    assert "# regional government news" in env["config"].read_text()


def test_add_creates_the_config_from_defaults(runner, env):
    env["config"].unlink()
    result = runner.invoke(app, ["feeds", "add", "mine", "https://x.example/rss"])
    assert result.exit_code == 0
    urls = feed_urls(env["config"])
    assert set(urls) == {f.name for f in DEFAULT_FEEDS} | {"mine"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["feeds", "add", "tass-en", "https://other.example/"], "already exists"),
        (
            ["feeds", "add", "copy", "https://tass.com/rss/v2.xml"],
            "already configured as 'tass-en'",
        ),
        (["feeds", "add", "bad name!", "https://x.example/"], "may use only letters"),
        (["feeds", "add", "ftp", "ftp://x.example/"], "must start with http"),
        (["feeds", "remove", "nope"], "no feed named 'nope'"),
    ],
)
def test_feed_edit_errors_change_nothing(runner, env, args, message):
    env["config"].write_text(COMMENTED)
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output
    assert env["config"].read_text() == COMMENTED


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # A site's name before its tagline ("The Moscow Times - Independent News…").
        ("newsboat.opml", {"tass", "the-moscow-times", "sakhalin.info"}),
        # Miniflux nests feeds in folders; Cyrillic and Japanese titles keep their script.
        ("miniflux.opml", {"tass", "тасс", "nhk-world-japan-news", "北海道新聞"}),
        ("rss2email.opml", {"kyodo", "japantimes"}),
    ],
)
def test_import_opml_from_other_readers(runner, env, name, expected):
    env["config"].write_text("")
    result = runner.invoke(app, ["feeds", "import", str(OPML / name)])
    assert result.exit_code == 0, result.output
    assert set(feed_urls(env["config"])) == expected
    assert f"{len(expected)} added, 0 already present" in result.output


def test_import_twice_is_a_noop_with_a_note(runner, env):
    env["config"].write_text("")
    runner.invoke(app, ["feeds", "import", str(OPML / "newsboat.opml")])
    before = env["config"].read_text()
    again = runner.invoke(app, ["feeds", "import", str(OPML / "newsboat.opml")])
    assert again.exit_code == 0
    assert "0 added, 3 already present" in again.output
    assert "Already present as tass: https://tass.com/rss/v2.xml" in again.output
    assert env["config"].read_text() == before


def test_malformed_opml_changes_nothing(runner, env):
    env["config"].write_text(COMMENTED)
    result = runner.invoke(app, ["feeds", "import", str(OPML / "broken.opml")])
    assert result.exit_code == 2 and "is not a valid OPML file" in result.output
    missing = runner.invoke(app, ["feeds", "import", str(OPML / "nope.opml")])
    assert missing.exit_code == 2 and "cannot read" in missing.output
    assert env["config"].read_text() == COMMENTED


def test_export_round_trips(runner, env):
    env["config"].write_text(COMMENTED)
    runner.invoke(app, ["feeds", "add", "nhk", "https://nhk.example/rss", "--lang", "ja"])
    exported = runner.invoke(app, ["feeds", "export"])
    assert exported.exit_code == 0
    root = ET.fromstring(exported.output.encode())
    assert root.get("version") == "2.0"
    outlines = [(o.get("text"), o.get("xmlUrl")) for o in root.iter("outline")]
    assert outlines == [
        ("tass-en", "https://tass.com/rss/v2.xml"),
        ("nhk", "https://nhk.example/rss"),
    ]
    exported_file = env["dir"] / "out.opml"
    exported_file.write_text(exported.output)
    env["config"].write_text("")
    runner.invoke(app, ["feeds", "import", str(exported_file)])
    assert feed_urls(env["config"]) == {
        "tass-en": "https://tass.com/rss/v2.xml",
        "nhk": "https://nhk.example/rss",
    }


# --- per-feed settings -----------------------------------------------------------------------


def test_per_feed_settings(runner, env, feed_server):
    feed_server.serve_file("/a", "tass_en.rss")
    feed_server.serve_file("/b", "tass_en.rss")
    feed_server.serve_file("/c", "japan_news.atom")
    env["config"].write_text(
        f"""
[[feeds]]
name = "agent"
url = "{feed_server.url("/a")}"
user_agent = "Mozilla/5.0 (compatible; kurilwatch)"
headers = {{ "X-Api-Key" = "k123" }}
min_interval = "1h"
timeout = 5

[[feeds]]
name = "off"
url = "{feed_server.url("/b")}"
enabled = false

[[feeds]]
name = "regional"
url = "{feed_server.url("/c")}"
include = ["*"]
"""
    )
    first = runner.invoke(app, ["fetch"])
    assert first.exit_code == 0
    request = feed_server.requests_to("/a")[0]
    assert request.headers["User-Agent"] == "Mozilla/5.0 (compatible; kurilwatch)"
    assert request.headers["X-Api-Key"] == "k123"
    assert feed_server.requests_to("/b") == []  # disabled
    regional = json.loads(
        runner.invoke(app, ["list", "--source", "regional", "--format", "json"]).output
    )
    assert len(regional) == 2  # '*': even the snow festival
    second = runner.invoke(app, ["fetch"])
    assert "skipped" in second.output and "not due until" in second.output.replace("\n", " ")
    assert len(feed_server.requests_to("/a")) == 1
    forced = runner.invoke(app, ["fetch", "--feed", "off"])
    assert forced.exit_code == 0 and len(feed_server.requests_to("/b")) == 1
    assert "(disabled)" in runner.invoke(app, ["feeds"]).output


def test_per_feed_include_and_exclude(runner, env, feed_server):
    feed_server.serve_file("/a", "tass_en.rss")
    feed_server.serve_file("/b", "tass_en.rss")
    env["config"].write_text(
        f"""
[[feeds]]
name = "a"
url = "{feed_server.url("/a")}"
include = ["Moscow Exchange"]
exclude = ["graves"]

[[feeds]]
name = "b"
url = "{feed_server.url("/b")}"
"""
    )
    runner.invoke(app, ["fetch"])
    a = {
        i["title"]
        for i in json.loads(
            runner.invoke(app, ["list", "--source", "a", "--format", "json"]).output
        )
    }
    assert "Moscow Exchange opens higher as oil prices climb" in a
    assert "Former islanders visit family graves on Kunashir" not in a


@pytest.mark.parametrize(
    ("feed_toml", "message"),
    [
        ('enabled = "yes"', "enabled must be true or false"),
        ('min_interval = "soon"', "min_interval must be seconds or a duration"),
        ("timeout = -1", "timeout must be a positive number"),
        ('user_agent = "a\\r\\nX-Evil: 1"', "user_agent must be a single line"),
        ('headers = { "X" = "a\\nb" }', "headers must be a table of single-line strings"),
    ],
)
def test_bad_per_feed_settings(runner, env, feed_toml, message):
    env["config"].write_text(f'[[feeds]]\nname = "a"\nurl = "https://x.example/"\n{feed_toml}\n')
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 2 and message in result.output


# --- feeds check ------------------------------------------------------------------------------


def test_feeds_check_polls_without_storing(runner, env, feed_server):
    feed_server.serve_file("/ru", "tass_ru_cp1251.rss")
    feed_server.routes["/down"] = Route(status=502, body=b"")
    write_config(env["config"], {"ru": feed_server.url("/ru"), "down": feed_server.url("/down")})
    result = runner.invoke(app, ["feeds", "check", "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr == "Error: feed down failed the check\n"
    by_feed = {r["feed"]: r for r in json.loads(result.stdout)}
    ru = by_feed["ru"]
    assert (ru["status"], ru["format"], ru["encoding"], ru["items"], ru["matched"]) == (
        "ok",
        "rss20",
        "windows-1251",
        4,
        2,
    )
    assert ru["content_type"].startswith("application/rss+xml")
    assert by_feed["down"]["error"] == "HTTP 502 Bad Gateway"
    assert not env["db"].exists()  # checking creates no database, let alone stores in one
    one = runner.invoke(app, ["feeds", "check", "ru"])
    assert one.exit_code == 0 and "windows-1251" in one.output
    assert runner.invoke(app, ["feeds", "check", "nope"]).exit_code == 2


# --- explain and refilter ---------------------------------------------------------------------


def test_explain_shows_rules_and_look_alikes(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    items = json.loads(
        runner.invoke(app, ["list", "--source", "tass-en", "--format", "json"]).output
    )
    item = next(i for i in items if i["title"].startswith("Tokyo lodges"))
    result = runner.invoke(app, ["explain", str(item["id"]), "--format", "json"])
    data = json.loads(result.output)
    assert data["relevant"] and data["hits"][0]["rule"] == "en.iturup"
    table = runner.invoke(app, ["explain", str(item["id"])])
    assert "en.iturup" in table.output and "MATCH" in table.output
    assert runner.invoke(app, ["explain", "999"]).exit_code == 2


def test_refilter_adds_flags_and_prunes(runner, standard_feeds, env):
    runner.invoke(app, ["fetch"])
    before = {
        i["title"] for i in json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    }
    assert "Moscow Exchange opens higher as oil prices climb" not in before
    with open(env["config"], "a") as config:
        config.write('\n[filter]\ninclude = ["MOEX"]\nexclude = ["graves"]\n')
    dry = runner.invoke(app, ["refilter", "--dry-run"])
    assert dry.exit_code == 0
    assert "1 entry would be added" in dry.output
    assert "tass-en: Moscow Exchange opens higher" in dry.output
    assert "1 stored item no longer matches" in dry.output
    assert "Former islanders visit family graves on Kunashir" in dry.output
    unchanged = {
        i["title"] for i in json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    }
    assert unchanged == before
    applied = runner.invoke(app, ["refilter"])
    assert applied.exit_code == 0
    items = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    added = next(i for i in items if i["title"].startswith("Moscow Exchange"))
    assert added["published"] is not None and added["matched"] == ["MOEX"]
    # Flagged, not deleted: it left `list`, and only `list --flagged` shows it.
    assert "[no longer matches]" not in runner.invoke(app, ["list"]).output
    assert "[no longer matches]" in runner.invoke(app, ["list", "--flagged"]).output
    assert len(items) == len(before)  # one added, one flagged
    runner.invoke(app, ["refilter", "--prune"])
    after = {
        i["title"] for i in json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    }
    assert "Former islanders visit family graves on Kunashir" not in after
    assert len(after) == len(before)


def test_unmatched_entries_are_pruned_after_the_window(runner, standard_feeds, env):
    with open(env["config"], "a") as config:
        config.write("\n[filter]\nkeep_unmatched_days = 0\n")
    runner.invoke(app, ["fetch", "--feed", "tass-en"])
    from kurilwatch.store import Store

    with Store(env["db"]) as store:
        assert store.unmatched_entries() == []
    env["config"].write_text(env["config"].read_text().replace("keep_unmatched_days = 0", ""))
    runner.invoke(app, ["fetch", "--feed", "tass-ru"])
    with Store(env["db"]) as store:
        kept = store.unmatched_entries()
        assert {entry.title for _k, _f, entry, _s in kept} == {
            "Число курильщиков в России снизилось за пять лет",
            "На Курильском озере подсчитали нерку",
        }
        with store.transaction():
            store.conn.execute("UPDATE unmatched SET first_seen = '2000-01-01T00:00:00Z'")
    runner.invoke(app, ["fetch", "--feed", "nhk"])
    with Store(env["db"]) as store:
        titles = {entry.title for _k, _f, entry, _s in store.unmatched_entries()}
    assert titles == {"選手団が帰国後に会見"}
