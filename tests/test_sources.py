"""Data integrity through the CLI: one item in several feeds, GUIDs sharing a link, clocks."""

from __future__ import annotations

import json

import sqlite_utils

from conftest import Route, write_config
from kurilwatch.cli import app

ARTICLE = "https://agency.example/politics/4711"
FULL_TEXT = (
    "Russia will build a second pier at the port of Kitovy on Iturup, the Sakhalin regional "
    "government said on Tuesday. The pier will take ships of up to 5,000 tonnes. Work is to "
    "start in the spring and last two years, the regional transport minister said."
)
TEASER = "Russia will build a second pier on Iturup."


def rss(items: list[tuple[str, str, str, str]], build: int = 0) -> bytes:
    """An RSS 2.0 body of (guid, link, title, description); `build` changes the bytes."""
    entries = "".join(
        f"<item><guid>{guid}</guid><link>{link}</link><title>{title}</title>"
        f"<description>{text}</description><pubDate>%%RFC-2h%%</pubDate></item>"
        for guid, link, title, text in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<lastBuildDate>build {build}</lastBuildDate>{entries}</channel></rss>"
    ).encode()


def items_json(runner, *args: str) -> list[dict]:
    result = runner.invoke(app, ["list", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# --- issue 18 item 2, issue 24 item 4: each feed keeps its own copy ---------------------------


def test_two_feeds_carrying_one_article_keep_their_copies_and_make_no_revisions(
    runner, env, feed_server
):
    agency = ("a-4711", ARTICLE, "Second pier to be built on Iturup", FULL_TEXT)
    aggregator = ("agg-99", ARTICLE + "?utm_source=agg", "Pier on Iturup", TEASER)
    write_config(
        env["config"],
        {"agency": feed_server.url("/agency.xml"), "aggregator": feed_server.url("/agg.xml")},
    )
    for run in range(6):  # both feeds carry the article unchanged; their bodies differ a bit
        feed_server.routes["/agency.xml"] = Route(body=rss([agency], run))
        feed_server.routes["/agg.xml"] = Route(body=rss([aggregator], run))
        result = runner.invoke(app, ["fetch"])
        assert result.exit_code == 0, result.output
    (item,) = items_json(runner)
    assert sorted(item["sources"]) == ["agency", "aggregator"]
    assert item["updated"] is None
    assert "[updated]" not in runner.invoke(app, ["list", "--format", "plain"]).output
    shown = runner.invoke(app, ["show", str(item["id"])])
    assert "5,000 tonnes" in shown.output  # the fullest copy is the one shown
    diff = runner.invoke(app, ["diff", str(item["id"])])
    assert diff.exit_code == 2 and "only one revision" in diff.output
    db = sqlite_utils.Database(env["db"])
    assert db.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1
    # What each feed said is kept: the aggregator's teaser is its own copy.
    copies = dict(db.execute("SELECT feed, text FROM item_feeds").fetchall())
    assert copies["aggregator"] == TEASER


def test_a_revision_is_a_change_by_one_feed_to_its_own_copy(runner, env, feed_server):
    agency = ("a-4711", ARTICLE, "Second pier to be built on Iturup", FULL_TEXT)
    teaser = ("agg-99", ARTICLE, "Pier on Iturup", TEASER)
    write_config(
        env["config"],
        {"agency": feed_server.url("/agency.xml"), "aggregator": feed_server.url("/agg.xml")},
    )
    feed_server.routes["/agency.xml"] = Route(body=rss([agency]))
    feed_server.routes["/agg.xml"] = Route(body=rss([teaser]))
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    # The aggregator rewrites its teaser: one revision, by the aggregator, of its own copy.
    changed = ("agg-99", ARTICLE, "Pier on Iturup", "A second pier is planned on Iturup.")
    feed_server.routes["/agg.xml"] = Route(body=rss([changed], 1))
    result = runner.invoke(app, ["fetch", "--feed", "aggregator"])
    assert result.exit_code == 0, result.output
    (item,) = items_json(runner)
    assert item["updated"] is not None
    assert "5,000 tonnes" in runner.invoke(app, ["show", str(item["id"])]).output
    diff = runner.invoke(app, ["diff", str(item["id"]), "--format", "unified"])
    assert diff.exit_code == 0, diff.output
    assert f"-{TEASER}" in diff.output
    assert "+A second pier is planned on Iturup." in diff.output
    assert "5,000 tonnes" not in diff.output  # not the agency's copy against the teaser


def test_another_feed_reusing_a_stored_url_does_not_overwrite_its_text(runner, env, feed_server):
    write_config(
        env["config"],
        {"agency": feed_server.url("/agency.xml"), "other": feed_server.url("/other.xml")},
    )
    feed_server.routes["/agency.xml"] = Route(
        body=rss([("a-4711", ARTICLE, "Second pier to be built on Iturup", FULL_TEXT)])
    )
    feed_server.routes["/other.xml"] = Route(
        body=rss([("o-1", ARTICLE, "Iturup: something else", "Iturup weather is fine.")])
    )
    assert runner.invoke(app, ["fetch", "--feed", "agency"]).exit_code == 0
    assert runner.invoke(app, ["fetch", "--feed", "other"]).exit_code == 0
    (item,) = items_json(runner)
    assert item["title"] == "Second pier to be built on Iturup"
    assert item["updated"] is None
    assert "5,000 tonnes" in runner.invoke(app, ["show", str(item["id"])]).output


def test_distinct_guids_sharing_one_link_are_distinct_items(runner, env, feed_server):
    front_page = "https://daily.example/live"
    entries = [
        (f"live-{n}", front_page, f"Iturup update {n}", f"Update number {n} from Iturup.")
        for n in range(1, 6)
    ]
    write_config(env["config"], {"live": feed_server.url("/live.xml")})
    feed_server.routes["/live.xml"] = Route(body=rss(entries))
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    titles = sorted(item["title"] for item in items_json(runner))
    assert titles == [f"Iturup update {n}" for n in range(1, 6)]
    # Fetched again, none of them changes or doubles.
    feed_server.routes["/live.xml"] = Route(body=rss(entries, 1))
    again = runner.invoke(app, ["fetch"])
    assert again.exit_code == 0, again.output
    assert len(items_json(runner)) == 5
    assert "[updated]" not in runner.invoke(app, ["list", "--format", "plain"]).output
