"""`news` on agency copy: reworded background collapsed, one story across languages."""

from __future__ import annotations

import json
from email.utils import format_datetime
from html import escape

from developments_set import Article, files, load

from conftest import Route, write_config
from kurilwatch.cli import app

ARTICLES = {a.id: a for kind in ("series", "stories") for p in files(kind) for a in load(p)}


def _rss(articles: list[Article], text_of=lambda a: a.text) -> bytes:
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>https://{a.feed}.example/{a.id}</link>"
        f"<guid>{a.feed}-{a.id}</guid><pubDate>{format_datetime(a.published, True)}</pubDate>"
        "<description>"
        + escape("".join(f"<p>{escape(line)}</p>" for line in text_of(a).splitlines()))
        + "</description></item>"
        for a in articles
    )
    return f'<rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()


def _serve(feed_server, env, feeds: dict[str, list[Article]]) -> None:
    for name, articles in feeds.items():
        feed_server.routes[f"/{name}"] = Route(body=_rss(articles))
    write_config(env["config"], {name: feed_server.url(f"/{name}") for name in feeds})


def _news(runner, *args: str) -> list[dict]:
    result = runner.invoke(app, ["news", "--since", "2000-01-01", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _stories(runner) -> list[dict]:
    result = runner.invoke(app, ["list", "--group", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_reworded_background_is_collapsed(runner, env, feed_server):
    """TASS's background of 2022 said again in 2023 in other words: all of it background."""
    earlier, later = ARTICLES["en-09"], ARTICLES["en-11"]
    _serve(feed_server, env, {"tass-en": [earlier, later]})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    item = next(i for i in _news(runner) if i["title"] == later.title)
    assert item["new"] == [
        "Japanese Prime Minister Fumio Kishida said on Tuesday that Japan would keep seeking a "
        "solution to the territorial issue and a peace treaty with Russia despite the current "
        "situation.",
        "He was speaking at an annual rally in Tokyo held on what Japan calls Northern "
        "Territories Day.",
    ]
    assert "Talks on a peace treaty between the two countries have gone on intermittently " in (
        " ".join(item["background"])
    )
    assert len(item["background"]) == 6  # the heading and five reworded sentences
    table = runner.invoke(app, ["news", "--since", "2000-01-01", "--format", "plain"]).output
    assert "6 background sentences, seen in 1 earlier item" in table
    assert "have gone on intermittently" not in table


def test_one_story_in_three_languages(runner, env, feed_server):
    """A seizure near the Habomai islets told in English, Russian and Japanese: one story."""
    reports = [ARTICLES[i] for i in ("e24-kyodo-en", "e24-jt-en", "e24-tass-ru", "e24-nhk-ja")]
    others = [ARTICLES[i] for i in ("e25-kyodo-en", "e25-nhk-en", "e25-kyodo-ja", "e26-tass-ru")]
    by_feed: dict[str, list[Article]] = {}
    for article in reports + others:
        by_feed.setdefault(article.feed, []).append(article)
    _serve(feed_server, env, by_feed)
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = {i["title"]: i for i in _news(runner)}
    stories = {items[a.title]["story"] for a in reports}
    assert len(stories) == 1
    # The kelp deal off Kaigara (also Habomai, the next day) and a blackout are other stories.
    assert stories.isdisjoint(items[a.title]["story"] for a in others)
    plain = runner.invoke(app, ["news", "--since", "2000-01-01", "--format", "plain"]).output
    line = next(line for line in plain.splitlines() if "ru: tass-ru" in line)
    assert "en: " in line and "kyodo-en" in line and "japantimes-en" in line
    assert "ja: nhk-ja" in line
    grouped = json.loads(runner.invoke(app, ["list", "--group", "--format", "json"]).output)
    assert max(len(story["items"]) for story in grouped) == 4
    digest = runner.invoke(app, ["digest", "--since", "2000-01-01"])
    assert digest.exit_code == 0, digest.output
    assert digest.output.count("Nemuro boat and crew of three detained near Habomai") == 1
    assert "ru: tass-ru" in digest.output and "ja: nhk-ja" in digest.output


def test_an_update_stays_in_its_story_and_a_republication_joins_it(runner, env, feed_server):
    first, second = ARTICLES["e33-kyodo-en"], ARTICLES["e33-jt-en"]
    _serve(feed_server, env, {"kyodo-en": [first], "japantimes-en": [second]})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    assert len(_stories(runner)) == 1
    # The daily rewrites its report; a regional site republishes the wire's word for word.
    rewrite = (
        "The Foreign Ministry lodged a protest with the Russian Embassy in Tokyo on Thursday.\n"
        "Officials in Hokkaido said the crew members were being questioned.\n" + second.text
    )
    feed_server.routes["/japantimes-en"] = Route(body=_rss([second], lambda a: rewrite))
    republished = Article(
        "copy", "hokkaido-en", "en", first.published, first.title, None, first.paragraphs
    )
    feed_server.routes["/hokkaido-en"] = Route(body=_rss([republished]))
    write_config(
        env["config"],
        {n: feed_server.url(f"/{n}") for n in ("kyodo-en", "japantimes-en", "hokkaido-en")},
    )
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    (story,) = _stories(runner)
    assert len(story["items"]) == 3
    assert set(story["sources"]) == {"kyodo-en", "japantimes-en", "hokkaido-en"}
