"""Reading whole articles: full text carried by feeds, article pages read by the fetch."""

from __future__ import annotations

import itertools
import json

import pytest
from typer.testing import CliRunner

from conftest import DATA, FEEDS, FeedServer, Route, write_config
from kurilwatch.cli import app
from kurilwatch.parse import parse_feed

PAGES = ["wire_en_1", "wire_en_2", "wire_ru_1", "wire_ru_2", "broadcaster_ja_1", "broadcaster_ja_2"]


def _listed(runner: CliRunner) -> dict[str, dict]:
    result = runner.invoke(app, ["list", "--since", "30d", "--format", "json", "--limit", "100"])
    assert result.exit_code == 0, result.output
    return {item["url"].rsplit("/", 1)[1]: item for item in json.loads(result.output)}


def _full_text_feeds(feed_server: FeedServer) -> dict[str, str]:
    """The fixture stories in feeds that carry them whole: RSS, Yandex and Atom."""
    return {
        "content": feed_server.serve_file("/content.rss", "articles_content.rss"),
        "yandex": feed_server.serve_file("/yandex.rss", "articles_yandex.rss"),
        "atom": feed_server.serve_file(
            "/full.atom", "articles_full.atom", content_type="application/atom+xml"
        ),
    }


def test_full_text_in_the_feed_is_read_as_the_article(feed_server, env, runner):
    for page in PAGES:  # the pages are there, and must not be asked for
        feed_server.serve_article(f"/{page}", page)
    write_config(env["config"], _full_text_feeds(feed_server))
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = _listed(runner)
    assert sorted(items) == sorted(PAGES)
    assert {i["text_source"] for i in items.values()} == {"feed-full-text"}
    assert not any(i["lead_only"] for i in items.values())
    assert [r.path for r in feed_server.requests if not r.path.endswith(("rss", "atom"))] == []
    shown = runner.invoke(app, ["show", str(items["wire_ru_2"]["id"])]).output
    assert "суверенитет России над островами" in shown  # the background, from the full text


def test_a_lead_is_not_full_text_and_full_text_elements_are():
    body = (FEEDS / "articles_leads.rss").read_bytes()
    assert not any(e.full_text for e in parse_feed(body).entries)
    yandex = parse_feed((FEEDS / "articles_yandex.rss").read_bytes()).entries[0]
    assert yandex.full_text
    assert yandex.text.startswith("В школе будут учиться дети")  # the lead, then the article
    assert "Проблема мирного договора\nРоссия и Япония" in yandex.text
    atom = parse_feed((FEEDS / "articles_full.atom").read_bytes()).entries[0]
    assert atom.full_text and atom.text.count("北方領土") >= 3


def _news(runner: CliRunner) -> dict[str, tuple[list[str], list[str]]]:
    result = runner.invoke(app, ["news", "--since", "30d", "--format", "json", "--limit", "100"])
    assert result.exit_code == 0, result.output
    return {i["title"]: (i["new"], i["background"]) for i in json.loads(result.output)}


def _serve_pages(feed_server: FeedServer) -> None:
    for page in [*PAGES, "daily_en_1"]:
        feed_server.serve_article(f"/{page}", page)


def _article_requests(feed_server: FeedServer) -> list[str]:
    return [r.path for r in feed_server.requests if not r.path.endswith((".rss", ".atom"))]


def test_lead_only_feeds_read_their_articles_and_news_splits_as_with_full_text(
    feed_server, env, runner, tmp_path, monkeypatch
):
    _serve_pages(feed_server)
    # Full text in the feeds, in a database of its own: the reference split.
    write_config(env["config"], _full_text_feeds(feed_server))
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    reference = _news(runner)
    # The same stories from a feed of titles and leads, the articles on their pages.
    monkeypatch.setenv("KURILWATCH_DB", str(tmp_path / "leads.db"))
    leads = {"wire": feed_server.serve_file("/leads.rss", "articles_leads.rss")}
    write_config(env["config"], leads)
    fetched = runner.invoke(app, ["fetch"])
    assert fetched.exit_code == 0, fetched.output
    assert "6 read" in fetched.output
    items = _listed(runner)
    assert {i["text_source"] for i in items.values()} == {"article"}
    assert not any(i["lead_only"] for i in items.values())
    assert _news(runner) == reference
    # The background of each second story is recognised, as with the full text.
    assert all(background for _, background in list(reference.values())[:3])
    # Fetched once: a second run asks for no page.
    before = len(_article_requests(feed_server))
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    assert len(_article_requests(feed_server)) == before


BODY_ONLY = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Mixed</title><link>%%BASE%%/</link><description>d</description>
<item><title>Fishermen fear new limits off the coast</title><link>%%BASE%%/daily_en_1</link>
<guid>body-only</guid><pubDate>%%RFC-1d%%</pubDate>
<description>Crab crews in Japan say a proposed Russian safety zone would close their
grounds.</description></item>
<item><title>Arsenal beat Chelsea 2-1 in the London derby</title><link>%%BASE%%/football</link>
<guid>football</guid><pubDate>%%RFC-1d%%</pubDate>
<description>A late goal settled the match at the Emirates.</description></item>
<item><title>Japan and Russia discuss trade in machine parts</title><link>%%BASE%%/trade</link>
<guid>trade</guid><pubDate>%%RFC-1d%%</pubDate>
<description>Officials from Tokyo and Moscow met in Vladivostok.</description></item>
</channel></rss>
"""
TRADE_PAGE = (
    "<html><head><title>Trade talks</title></head><body><article><h1>Trade talks</h1>"
    + "".join(
        f"<p>Officials from Japan and Russia met in Vladivostok on day {n} to discuss tariffs on"
        " machine parts, customs procedures and payments between the two countries' banks.</p>"
        for n in range(5)
    )
    + "</article></body></html>"
)


def test_items_naming_the_islands_only_in_the_body_are_kept_and_others_not_read(
    feed_server, env, runner
):
    feed_server.serve_article("/daily_en_1", "daily_en_1")
    feed_server.routes["/football"] = Route(
        body=b"<html>match report</html>", content_type="text/html"
    )
    feed_server.routes["/trade"] = Route(body=TRADE_PAGE.encode(), content_type="text/html")
    feed_server.routes["/mixed.rss"] = Route(body=BODY_ONLY.encode())
    write_config(env["config"], {"mixed": feed_server.url("/mixed.rss")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = _listed(runner)
    assert list(items) == ["daily_en_1"]  # named Kunashiri only in its article
    assert items["daily_en_1"]["text_source"] == "article"
    assert "Kunashir" in items["daily_en_1"]["matched"]
    paths = _article_requests(feed_server)
    assert "/football" not in paths  # no sign of the islands: never read
    assert paths.count("/trade") == 1  # plausible, read, not about the islands: rejected
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    assert _article_requests(feed_server).count("/trade") == 1  # decided: not read again


ONE_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>One</title><link>%%BASE%%/</link><description>d</description>
{items}
</channel></rss>
"""


def _items(paths: list[str], title: str = "News from Iturup") -> str:
    return "\n".join(
        f"<item><title>{title} {n}</title><link>%%BASE%%{path}</link><guid>g{n}</guid>"
        f"<pubDate>%%RFC-{n + 1}h%%</pubDate>"
        f"<description>A short lead, item {n}.</description></item>"
        for n, path in enumerate(paths)
    )


def _feed(feed_server: FeedServer, paths: list[str], **route: object) -> str:
    body = ONE_ITEM.format(items=_items(paths)).encode()
    feed_server.routes["/one.rss"] = Route(body=body, **route)
    return feed_server.url("/one.rss")


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("paywall", "paywall"),
        ("consent", "consent gate"),
        ("botcheck", "HTTP 403"),
        ("no_article", "no article text"),
        ("huge", "larger than"),
        ("slow", "timed out"),
        ("pdf", "not a web page"),
    ],
)
def test_a_page_that_cannot_be_read_leaves_the_item_lead_only(
    feed_server, env, runner, setup, reason
):
    if setup == "botcheck":
        feed_server.serve_article("/page", "botcheck", status=403)
    elif setup == "huge":
        page = (DATA / "articles" / "wire_en_1.html").read_bytes()
        padding = b"<!-- " + b"x" * (6 * 1024 * 1024) + b" -->"
        feed_server.routes["/page"] = Route(
            body=page.replace(b"<body", padding + b"<body", 1), content_type="text/html"
        )
    elif setup == "slow":
        feed_server.serve_article("/page", "wire_en_1", delay=2.5)
    elif setup == "pdf":
        feed_server.routes["/page"] = Route(body=b"%PDF-1.7", content_type="application/pdf")
    else:
        feed_server.serve_article("/page", setup)
    write_config(env["config"], {"one": _feed(feed_server, ["/page"])}, "")
    text = env["config"].read_text() + "timeout = 2\n"
    env["config"].write_text(text)
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    assert "1 failed" in result.output
    item = next(iter(_listed(runner).values()))
    assert (item["text_source"], item["lead_only"]) == ("feed", True)
    shown = runner.invoke(app, ["show", str(item["id"])]).output
    assert "lead only" in shown and reason in shown
    feeds = runner.invoke(app, ["feeds", "--format", "json"])
    assert json.loads(feeds.output)[0]["lead_only"] == 1


def test_a_failed_page_is_retried_a_bounded_number_of_times_then_read_when_it_works(
    feed_server, env, runner
):
    feed_server.routes["/page"] = Route(body=b"down", status=500, content_type="text/html")
    write_config(
        env["config"], {"one": _feed(feed_server, ["/page"])}, "[articles]\nmax_attempts = 3\n"
    )
    for _ in range(5):
        assert runner.invoke(app, ["fetch"]).exit_code == 0
    assert len(feed_server.requests_to("/page")) == 3  # then given up
    assert next(iter(_listed(runner).values()))["lead_only"]
    # A second item whose page fails once, then works: read on the next run.
    feed_server.routes["/later"] = Route(body=b"busy", status=500, content_type="text/html")
    _feed(feed_server, ["/page", "/later"])
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    feed_server.serve_article("/later", "wire_en_1")
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = {i["title"]: i for i in _listed(runner).values()}
    assert items["News from Iturup 1"]["text_source"] == "article"
    assert not items["News from Iturup 1"]["lead_only"]


def test_the_budget_queues_the_rest_for_the_next_run_and_drops_nothing(feed_server, env, runner):
    paths = [f"/p{n}" for n in range(5)]
    for path in paths:
        feed_server.serve_article(path, "wire_en_1")
    url = _feed(feed_server, paths)
    write_config(env["config"], {"one": url}, "[articles]\nmax_per_run = 2\n")
    first = runner.invoke(app, ["fetch"])
    assert "2 read, 3 queued" in first.output
    assert len(_listed(runner)) == 5  # every item stored, three of them lead-only for now
    assert sum(i["lead_only"] for i in _listed(runner).values()) == 3
    runner.invoke(app, ["fetch"])
    runner.invoke(app, ["fetch"])
    assert {i["text_source"] for i in _listed(runner).values()} == {"article"}
    assert sorted(r.path for r in feed_server.requests if r.path.startswith("/p")) == paths


def test_article_requests_are_polite(feed_server, env, runner):
    feed_server.routes["/robots.txt"] = Route(
        body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    for path in ("/a", "/b", "/c"):
        feed_server.serve_article(path, "wire_en_1")
    feed_server.serve_article("/private/d", "wire_en_1")
    feed_server.routes["/busy"] = Route(
        body=b"wait", status=429, headers={"Retry-After": "3600"}, content_type="text/html"
    )
    url = _feed(feed_server, ["/a", "/b", "/c", "/private/d", "/busy"])
    env["config"].write_text(
        f'[[feeds]]\nname = "one"\nurl = "{url}"\nuser_agent = "Custom/1.0"\n'
        'headers = { "Accept-Language" = "ja" }\narticle_delay = 0.3\n'
    )
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    assert len(feed_server.requests_to("/robots.txt")) == 1  # once per host and run
    assert feed_server.requests_to("/private/d") == []
    pages = [r for r in feed_server.requests if r.path in ("/a", "/b", "/c")]
    assert {r.headers["User-Agent"] for r in pages} == {"Custom/1.0"}
    assert {r.headers["Accept-Language"] for r in pages} == {"ja"}
    times = sorted(r.at for r in pages)
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.25  # article_delay apart
    items = {i["title"]: i for i in _listed(runner).values()}
    assert items["News from Iturup 3"]["lead_only"]  # robots.txt: given up
    assert items["News from Iturup 4"]["lead_only"]  # 429: queued, not failed
    assert "1 queued" in result.output
    runner.invoke(app, ["fetch"])
    assert len(feed_server.requests_to("/busy")) == 1  # its Retry-After holds across runs
    assert len(feed_server.requests_to("/private/d")) == 0


def test_a_page_is_read_again_conditionally_only_when_the_feed_changes_the_item(
    feed_server, env, runner
):
    feed_server.serve_article("/a", "wire_en_1", etag='"page-v1"')
    write_config(env["config"], {"one": _feed(feed_server, ["/a"])})
    runner.invoke(app, ["fetch"])
    runner.invoke(app, ["fetch"])
    assert len(feed_server.requests_to("/a")) == 1
    changed = ONE_ITEM.format(items=_items(["/a"], title="Corrected: news from Iturup"))
    feed_server.routes["/one.rss"] = Route(body=changed.encode())
    runner.invoke(app, ["fetch"])
    again = feed_server.requests_to("/a")
    assert len(again) == 2 and again[1].headers["If-None-Match"] == '"page-v1"'
    item = next(iter(_listed(runner).values()))
    assert item["title"].startswith("Corrected") and item["text_source"] == "article"


def test_a_feed_that_moved_for_good_is_polled_at_its_new_address(feed_server, env, runner):
    def moved(handler) -> None:
        handler.send_response(301)
        handler.send_header("Location", "/new.rss")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    feed_server.routes["/old.rss"] = Route(handler=moved)
    feed_server.serve_file("/new.rss", "tass_en.rss")
    write_config(env["config"], {"tass": feed_server.url("/old.rss")})
    first = runner.invoke(app, ["fetch"])
    assert first.exit_code == 0 and "moved for good" in first.output
    assert "/new.rss" in first.output
    second = runner.invoke(app, ["fetch"])
    assert "moved" not in second.output  # reported once
    assert len(feed_server.requests_to("/old.rss")) == 1
    assert len(feed_server.requests_to("/new.rss")) == 2


def test_google_news_stubs_are_resolved_when_they_hold_the_address():
    import base64

    from kurilwatch.articles import publisher_url

    target = b"https://www.example.org/news/2026/12/01/kuril-story.html"
    record = b'\x08\x13"' + bytes([len(target)]) + target + b"\xd2\x01\x00"
    token = base64.urlsafe_b64encode(record).decode().rstrip("=")
    assert publisher_url(f"https://news.google.com/rss/articles/{token}?oc=5") == target.decode()
    opaque = base64.urlsafe_b64encode(b'\x08\x13"\x2bAU_yqLOpaque0123456789abcdefghij').decode()
    assert publisher_url(f"https://news.google.com/rss/articles/{opaque}") is None
    assert publisher_url("https://tass.com/politics/1") == "https://tass.com/politics/1"


def test_google_news_items_are_read_at_the_publisher_or_kept_lead_only(feed_server, env, runner):
    import base64

    feed_server.serve_article("/publisher/story", "wire_en_2")
    target = feed_server.url("/publisher/story").encode()
    record = b'\x08\x13"' + bytes([len(target)]) + target + b"\xd2\x01\x00"
    old_stub = base64.urlsafe_b64encode(record).decode().rstrip("=")
    opaque = base64.urlsafe_b64encode(b'\x08\x13"\x20AU_yqLOpaqueToken0123456789abcdef').decode()
    items = "\n".join(
        f"<item><title>Kunashir story {n}</title><guid>gn{n}</guid>"
        f"<link>https://news.google.com/rss/articles/{stub}?oc=5</link>"
        f"<pubDate>%%RFC-{n + 1}h%%</pubDate><description>A link, item {n}.</description></item>"
        for n, stub in enumerate([old_stub, opaque.rstrip("=")])
    )
    feed_server.routes["/gn.rss"] = Route(body=ONE_ITEM.format(items=items).encode())
    write_config(env["config"], {"google-news": feed_server.url("/gn.rss")})
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    items = {i["title"]: i for i in _listed(runner).values()}
    assert items["Kunashir story 0"]["text_source"] == "article"  # read at the publisher
    assert len(feed_server.requests_to("/publisher/story")) == 1
    assert items["Kunashir story 1"]["lead_only"]  # nothing was requested for it
    shown = runner.invoke(app, ["show", str(items["Kunashir story 1"]["id"])]).output
    assert "redirect stub" in shown


def test_decided_pages_of_unstored_entries_are_forgotten_after_a_while(tmp_path):
    from kurilwatch.store import Store

    with Store(tmp_path / "kw.db") as store, store.transaction():
        # The stored item the "old-stored" page belongs to (its row refers to it).
        store.conn.execute("INSERT INTO feeds (name) VALUES ('f')")
        store.conn.execute("INSERT INTO items (id, feed) VALUES (7, 'f')")
        for key, item_id, status, when in [
            ("old-unrelated", None, "read", "2026-10-01T00:00:00Z"),
            ("new-unrelated", None, "read", "2026-11-30T00:00:00Z"),
            ("old-waiting", None, "queued", "2026-10-01T00:00:00Z"),
            ("old-stored", 7, "gave_up", "2026-10-01T00:00:00Z"),
        ]:
            store.record_article(
                {
                    "key": key,
                    "feed": "f",
                    "item_id": item_id,
                    "status": status,
                    "last_attempt": when,
                    "attempts": 1,
                }
            )
        store.prune_articles("f", "2026-11-01T00:00:00Z")
        left = {r["key"] for r in store.rows("SELECT key FROM articles")}
    assert left == {"new-unrelated", "old-waiting", "old-stored"}


def test_only_a_bounded_number_of_feeds_hold_their_read_pages_at_once(
    feed_server, env, runner, monkeypatch
):
    from kurilwatch import update

    monkeypatch.setattr(update, "FEEDS_READING", 2)
    feeds = {}
    for n in range(5):
        feed_server.serve_article(f"/page{n}", "wire_en_1")
        body = ONE_ITEM.format(items=_items([f"/page{n}"], f"Iturup feed {n}")).encode()
        feed_server.routes[f"/feed{n}.rss"] = Route(body=body)
        feeds[f"feed{n}"] = feed_server.url(f"/feed{n}.rss")
    held, most = 0, 0
    real_stage = update.article_stage

    async def counted(*args, **kwargs):
        nonlocal held, most
        held += 1
        most = max(most, held)
        try:
            return await real_stage(*args, **kwargs)
        finally:
            held -= 1

    monkeypatch.setattr(update, "article_stage", counted)
    write_config(env["config"], feeds, "")
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    assert most == 2
    assert {i["text_source"] for i in _listed(runner).values()} == {"article"}
    assert len(_listed(runner)) == 5
