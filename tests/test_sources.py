"""Data integrity through the CLI: one item in several feeds, GUIDs sharing a link, clocks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

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


# --- issue 24 item 4: a clock at 1970 or a year ahead leaves nothing wrong for good ----------

UNDATED = (
    "<item><guid>undated-1</guid><link>https://agency.example/5</link>"
    "<title>Ferry to Kunashir resumes</title><description>The ferry to Kunashir resumes."
    "</description></item>"
)


def _rss_with(*raw_items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        + "".join(raw_items)
        + "</channel></rss>"
    ).encode()


def test_a_clock_at_1970_fetches_nothing_and_dates_nothing(runner, env, feed_server, monkeypatch):
    import kurilwatch.cli

    write_config(env["config"], {"agency": feed_server.url("/agency.xml")})
    feed_server.routes["/agency.xml"] = Route(body=_rss_with(UNDATED))
    real_now = kurilwatch.cli.now
    monkeypatch.setattr(kurilwatch.cli, "now", lambda: datetime(1970, 1, 1, tzinfo=UTC))
    result = runner.invoke(app, ["fetch", "-q"])
    assert result.exit_code == 1
    assert "the system clock reads 1970-01-01T00:00:00Z" in result.output
    assert feed_server.requests_to("/agency.xml") == []
    monkeypatch.setattr(kurilwatch.cli, "now", real_now)
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    (item,) = items_json(runner, "--since", "1d")  # dated today, not 1970
    assert item["first_seen"] > "2026"


def test_a_clock_a_year_ahead_leaves_no_feed_waiting_and_no_item_in_the_future(
    runner, env, feed_server, monkeypatch
):
    import email.utils

    import kurilwatch.cli

    soon = email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=12), usegmt=True)
    dated_ahead = (
        "<item><guid>ahead-1</guid><link>https://agency.example/6</link>"
        "<title>Iturup airport closed by fog</title><description>Fog closed Iturup airport."
        f"</description><pubDate>{soon}</pubDate></item>"
    )
    url = feed_server.url("/agency.xml")
    env["config"].write_text(f'[[feeds]]\nname = "agency"\nurl = "{url}"\nmin_interval = "30m"\n')
    not_kuril = (
        "<item><guid>other-1</guid><link>https://agency.example/7</link>"
        "<title>Grain harvest up</title><description>The harvest grew.</description></item>"
    )
    feed_server.routes["/agency.xml"] = Route(body=_rss_with(UNDATED, dated_ahead, not_kuril))
    real_now = kurilwatch.cli.now
    monkeypatch.setattr(kurilwatch.cli, "now", lambda: real_now() + timedelta(days=365))
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    monkeypatch.setattr(kurilwatch.cli, "now", real_now)
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    assert "not due" not in result.output
    assert len(feed_server.requests_to("/agency.xml")) == 2
    moment = real_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    for item in items_json(runner):
        assert item["first_seen"] <= moment, item
        assert (item["published"] or "") <= item["first_seen"], item
    # The non-matching entry kept for `refilter` is not kept a year longer either.
    kept = sqlite_utils.Database(env["db"]).execute("SELECT first_seen FROM unmatched").fetchall()
    assert kept and all(seen <= moment for (seen,) in kept)


def test_a_date_ahead_of_the_moment_it_was_first_seen_is_capped(runner, env, feed_server):
    import email.utils

    soon = email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=12), usegmt=True)
    write_config(env["config"], {"agency": feed_server.url("/agency.xml")})
    feed_server.routes["/agency.xml"] = Route(
        body=_rss_with(
            "<item><guid>ahead-1</guid><link>https://agency.example/6</link>"
            "<title>Iturup airport closed by fog</title><description>Fog on Iturup."
            f"</description><pubDate>{soon}</pubDate></item>"
        )
    )
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    (item,) = items_json(runner)
    assert item["published"] == item["first_seen"]


# --- issue 18 item 11: validators belong to the URL ---------------------------------------------


def test_a_new_url_gets_no_validators_of_the_old_one(runner, env, feed_server):
    modified = "Mon, 23 Nov 2026 06:00:00 GMT"

    def honours_if_modified_since(handler) -> None:
        if handler.headers.get("If-Modified-Since"):
            handler.send_response(304)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        body = rss([("n-1", "https://agency.example/new/1", "New URL: Iturup", "On Iturup.")])
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Last-Modified", modified)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    feed_server.routes["/old.xml"] = Route(
        body=rss([("o-1", "https://agency.example/old/1", "Old URL: Iturup", "On Iturup.")]),
        etag='"old-v1"',
        last_modified=modified,
    )
    feed_server.routes["/new.xml"] = Route(handler=honours_if_modified_since)
    write_config(env["config"], {"agency": feed_server.url("/old.xml")})
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    write_config(env["config"], {"agency": feed_server.url("/new.xml")})
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    (first,) = feed_server.requests_to("/new.xml")
    assert "If-None-Match" not in first.headers and "If-Modified-Since" not in first.headers
    titles = {item["title"] for item in items_json(runner)}
    assert titles == {"Old URL: Iturup", "New URL: Iturup"}
    # From now on the new URL's own validators are sent.
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    assert feed_server.requests_to("/new.xml")[1].headers["If-Modified-Since"] == modified


def test_a_new_url_that_fails_first_keeps_none_of_the_old_validators(runner, env, feed_server):
    feed_server.routes["/old.xml"] = Route(
        body=rss([("o-1", "https://agency.example/old/1", "Old URL: Iturup", "On Iturup.")]),
        etag='"old-v1"',
    )
    write_config(env["config"], {"agency": feed_server.url("/old.xml")})
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    write_config(env["config"], {"agency": feed_server.url("/new.xml")})  # 404 at first
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 1
    feed_server.routes["/new.xml"] = Route(
        body=rss([("n-1", "https://agency.example/new/1", "New URL: Iturup", "On Iturup.")])
    )
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    assert all("If-None-Match" not in r.headers for r in feed_server.requests_to("/new.xml"))


# --- "(went down)" only for a feed that had worked -------------------------------------------


def test_a_feed_that_never_worked_has_not_gone_down(runner, env, feed_server):
    write_config(env["config"], {"agency": feed_server.url("/missing.xml")})
    first = runner.invoke(app, ["fetch"])
    assert first.exit_code == 1
    assert "HTTP 404" in first.output and "went down" not in first.output
    second = runner.invoke(app, ["fetch"])
    assert second.exit_code == 1
    assert "(never worked: failing 2 runs)" in second.output and "went down" not in second.output


def test_the_first_failure_of_a_new_feed_is_reported_to_cron(runner, env, feed_server):
    write_config(env["config"], {"agency": feed_server.url("/missing.xml")})
    quiet = runner.invoke(app, ["fetch", "-q"])
    assert quiet.exit_code == 1
    assert "Error: feed agency: HTTP 404" in quiet.output


def test_a_feed_that_worked_and_fails_went_down(runner, env, feed_server):
    feed_server.routes["/agency.xml"] = Route(
        body=rss([("a-1", "https://agency.example/1", "Iturup", "On Iturup.")])
    )
    write_config(env["config"], {"agency": feed_server.url("/agency.xml")})
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    feed_server.routes["/agency.xml"] = Route(status=503, body=b"down")
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 1 and "(went down)" in result.output


# --- issue 18 items 3 and 4: flagged items leave every view; --prune lists what goes --------

KEPT = ("k-1", "https://agency.example/k1", "Iturup gets a new school", "Iturup school opens.")
DROPPED = (
    "d-1",
    "https://agency.example/d1",
    "Kunashir volcano rally in Tokyo",
    "A rally about Kunashir was held by volcano enthusiasts.",
)


def _flag_one(runner, env, feed_server, extra: str = "") -> int:
    """Fetch two Kuril items, then exclude one's word and refilter: its ID, now flagged."""
    feed_server.routes["/agency.xml"] = Route(body=rss([KEPT, DROPPED]))
    feeds = {"agency": feed_server.url("/agency.xml")}
    write_config(env["config"], feeds, extra)
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    (dropped,) = [i for i in items_json(runner) if i["title"] == DROPPED[2]]
    write_config(env["config"], feeds, '[filter]\nexclude = ["volcano"]\n' + extra)
    assert runner.invoke(app, ["refilter"]).exit_code == 0
    return dropped["id"]


def test_flagged_items_leave_every_view_but_list_flagged(runner, env, feed_server, mail_sink):
    from conftest import email_config

    flagged_id = _flag_one(runner, env, feed_server, email_config(mail_sink.port))
    title = DROPPED[2]
    listed = items_json(runner)
    assert [i["title"] for i in listed] == [KEPT[2]] and listed[0]["flagged"] is False
    (flagged,) = items_json(runner, "--flagged")
    assert flagged["id"] == flagged_id and flagged["flagged"] is True
    assert flagged["matched"] == []  # the old rule no longer says why it is Kuril news
    assert "[no longer matches]" in runner.invoke(app, ["list", "--flagged"]).output
    views = {
        "list": ["list", "--format", "plain"],
        "group": ["list", "--group", "--format", "json"],
        "news": ["news", "--since", "7d", "--format", "json"],
        "digest": ["digest"],
        "stats": ["stats", "--format", "json"],
        "export": ["export", "--format", "json"],
        "atom": ["export", "--format", "atom"],
        "search": ["search", "Kunashir", "--format", "json"],
    }
    for name, args in views.items():
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (name, result.output)
        assert title not in result.output, name
        assert "Kunashir" not in result.output, name
    assert json.loads(runner.invoke(app, ["stats", "--format", "json"]).output)["total"] == 1
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    (message,) = mail_sink.parsed()
    assert KEPT[2] in message.as_string() and title not in message.as_string()
    shown = runner.invoke(app, ["show", str(flagged_id)])  # by its ID it is still there
    assert shown.exit_code == 0 and "no longer matches" in shown.output


def test_refilter_prune_lists_exactly_what_it_deletes(runner, env, feed_server):
    flagged_id = _flag_one(runner, env, feed_server)
    dry = runner.invoke(app, ["refilter", "--prune", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "1 stored item would be deleted" in dry.output
    assert f"#{flagged_id} agency: {DROPPED[2]}" in dry.output
    assert len(items_json(runner, "--flagged")) == 1  # a dry run deletes nothing
    pruned = runner.invoke(app, ["refilter", "--prune"])
    assert pruned.exit_code == 0, pruned.output
    assert "1 stored item was deleted" in pruned.output
    assert f"#{flagged_id} agency: {DROPPED[2]}" in pruned.output
    assert items_json(runner, "--flagged") == []
    assert [i["title"] for i in items_json(runner)] == [KEPT[2]]


def test_refilter_prune_lists_newly_unmatched_and_flagged_items(runner, env, feed_server):
    flagged_id = _flag_one(runner, env, feed_server)
    # Now the other item stops matching too.
    feeds = {"agency": feed_server.url("/agency.xml")}
    write_config(env["config"], feeds, '[filter]\nexclude = ["volcano", "school"]\n')
    dry = runner.invoke(app, ["refilter", "--prune", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "2 stored items would be deleted" in dry.output
    assert f"#{flagged_id} agency: {DROPPED[2]}" in dry.output and KEPT[2] in dry.output
    assert runner.invoke(app, ["refilter", "--prune"]).exit_code == 0
    assert items_json(runner) == [] and items_json(runner, "--flagged") == []
