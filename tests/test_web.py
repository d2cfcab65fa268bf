"""kurilwatch web: the database in a real Datasette, with the shipped metadata."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from urllib.parse import quote

import pytest

from kurilwatch.cli import app

JAPANESE = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>j</title>
<item><title>国後島で新しい港が完成</title><link>https://ja.example/1</link><guid>j1</guid>
<pubDate>%%RFC-2h%%</pubDate><description>北方領土の国後島で港が完成した。</description></item>
<item><title>択捉島の空港に新ターミナル</title><link>https://ja.example/2</link><guid>j2</guid>
<pubDate>%%RFC-1h%%</pubDate><description>北方領土の択捉島で空港の新ターミナルが開業。</description>
</item></channel></rss>""".encode()


@pytest.fixture
def stored(fetched, env, feed_server):
    # The wire's newest story is dated exactly one day before the feeds' clock: a query run
    # within the same second would count it in the last 24 hours, so the feeds' clock is set
    # a few seconds back and that story is always older than a day.
    feed_server.now -= timedelta(seconds=5)
    fetched("ja", JAPANESE)
    return env


def datasette_get(env, path: str) -> dict | list:
    """What the real Datasette, started by `kurilwatch web`, answers for PATH."""
    done = subprocess.run(
        [sys.executable, "-m", "kurilwatch", "web", "--get", path],
        env={**os.environ, "KURILWATCH_DB": str(env["db"])},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_items_newest_first_with_facets(stored):
    data = datasette_get(stored, "/kw/items.json?_shape=objects&_extra=facet_results")
    rows = data["rows"]
    times = [row["sort_time"] for row in rows]
    assert times == sorted(times, reverse=True) and len(rows) == 5
    facets = data["facet_results"]
    facets = facets.get("results", facets)  # 1.0 nests them
    assert {"feed", "lang", "matched"} <= set(facets)
    langs = {value["value"] for value in facets["lang"]["results"]}
    assert langs == {"ja", "en"}


def test_internal_tables_are_hidden_and_queries_shipped(stored):
    database = datasette_get(stored, "/kw.json")
    hidden = {t["name"] for t in database["tables"] if t["hidden"]}
    assert {"item_keys", "sentences", "state", "sent", "unmatched"} <= hidden
    visible = {t["name"] for t in database["tables"] if not t["hidden"]}
    assert {"items", "feeds", "revisions", "item_feeds"} <= visible
    queries = {q["name"] for q in database["queries"]}
    assert {"todays_news", "stories", "feed_health", "search"} <= queries


def test_canned_queries(stored):
    today = datasette_get(stored, "/kw/todays_news.json?_shape=array")
    assert len(today) == 2 and {r["feed"] for r in today} == {"ja"}  # the wire's are older
    health = datasette_get(stored, "/kw/feed_health.json?_shape=array")
    assert {r["feed"]: r["items"] for r in health} == {"ja": 2, "wire": 3}
    stories = datasette_get(stored, "/kw/stories.json?_shape=array")
    assert sum(r["items"] for r in stories) == 5


@pytest.mark.parametrize(
    ("name", "title"), [("国後", "国後島で新しい港が完成"), ("択捉", "択捉島の空港に新ターミナル")]
)
def test_two_character_japanese_names_are_found(stored, name, title):
    found = datasette_get(stored, f"/kw/search.json?_shape=array&q={quote(name)}")
    assert [r["title"] for r in found] == [title]
    # The items table's own search box finds the two characters, and three.
    for typed in (name, name + "島"):
        boxed = datasette_get(stored, f"/kw/items.json?_shape=array&_search={quote(typed)}")
        assert [r["title"] for r in boxed] == [title]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("島", {"国後島で新しい港が完成", "択捉島の空港に新ターミナル"}),  # one character
        ("国後島 港", {"国後島で新しい港が完成"}),  # every word, anywhere
        ('"択捉 空港"', set()),  # a phrase: these characters together, as typed
        ("択捉島の空港", {"択捉島の空港に新ターミナル"}),
        ("後国", set()),  # the characters in their order, not merely all present
    ],
)
def test_the_search_box_reads_japanese_as_written(stored, typed, found):
    boxed = datasette_get(stored, f"/kw/items.json?_shape=array&_search={quote(typed)}")
    assert {r["title"] for r in boxed} == found


def test_the_search_box_finds_other_words_and_their_beginnings(stored):
    def titles(typed: str) -> set[str]:
        boxed = datasette_get(stored, f"/kw/items.json?_shape=array&_search={quote(typed)}")
        return {r["title"] for r in boxed}

    iturup = "Russia opens new airport terminal on Iturup"
    assert titles("passeng") == {iturup}  # the start of "passenger" and "passengers"
    assert titles("yuzhno-sakhalinsk") == {iturup}  # whatever the case
    assert titles("iturup terminal") == {"Russia opens new airport terminal on Iturup"}
    assert titles("urchin") == {
        "Russia and Japan to hold online meeting on joint projects on southern Kurils"
    }
    assert titles("(iturup) OR urchin") == set()  # words as typed, never FTS5 syntax
    assert titles("(iturup)") == {iturup}


def test_web_needs_an_existing_database(runner, env):
    result = runner.invoke(app, ["web"])
    assert result.exit_code == 2 and "does not exist" in result.output
    assert not env["db"].exists()


def test_datasette_links_rows_to_their_item_and_feed(stored):
    # The foreign keys: Datasette labels each reference with its item's title or feed's name.
    rows = datasette_get(stored, "/kw/item_feeds.json?_shape=objects&_labels=on")["rows"]
    titles = {row["item_id"]["label"] for row in rows}
    assert "国後島で新しい港が完成" in titles and len(rows) == 5
    assert {row["feed"]["label"] for row in rows} == {"ja", "wire"}
    rows = datasette_get(stored, "/kw/sentences.json?_shape=objects&_labels=on")["rows"]
    assert rows and all(row["item_id"]["label"] for row in rows)
    # Revisions newest first (the metadata sorted them by an id column they do not have).
    rows = datasette_get(stored, "/kw/revisions.json?_shape=objects&_labels=on")["rows"]
    assert len(rows) == 5 and {row["feed"]["label"] for row in rows} == {"ja", "wire"}
    outgoing = {
        table["name"]: {
            (fk["column"], fk["other_table"]) for fk in table["foreign_keys"]["outgoing"]
        }
        for table in datasette_get(stored, "/kw.json")["tables"]
    }
    item, feed = ("item_id", "items"), ("feed", "feeds")
    for table, keys in {
        "items": {feed},
        "item_keys": {item},
        "item_feeds": {item, feed},
        "revisions": {item, feed},
        "sentences": {item},
        "sentence_keys": {item},
        "sent": {item},
        "articles": {item, feed},
        "unmatched": {feed},
    }.items():
        assert outgoing[table] == keys, table
