"""Feeds out: the Atom export checked against RFC 4287 (feedparser and a strict checker),
and OPML that keeps names, languages and folders through a round trip."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import feedparser
import pytest

from atom_rfc4287 import ATOM, XML_LANG, problems_of
from conftest import Route
from kurilwatch.cli import app

NO_LINK = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>n</title>
<item><title>Японские рыбаки задержаны у Кунашира</title><guid isPermaLink="false">nl-1</guid>
<pubDate>%%RFC-3h%%</pubDate>
<description>Пограничники задержали японскую шхуну у острова Кунашир.</description></item>
</channel></rss>""".encode()


@pytest.fixture
def stored(runner, env, feed_server, standard_feeds):
    feed_server.routes["/nolink.xml"] = Route(body=NO_LINK)
    with env["config"].open("a", encoding="utf-8") as config:
        config.write(f'\n[[feeds]]\nname = "nolink"\nurl = "{feed_server.url("/nolink.xml")}"\n')
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    return json.loads(runner.invoke(app, ["export", "--format", "json"]).stdout)


def test_the_checker_finds_what_the_rfc_forbids():
    broken = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><id>not an iri</id><title>t</title>'
        b"<updated>2026-12-03 10:00</updated><entry><id>urn:x:1</id><title>e</title>"
        b"<updated>2026-12-03T10:00:00Z</updated></entry></feed>"
    )
    found = problems_of(broken)
    assert "feed: atom:id is not an IRI" in found
    assert "feed: atom:updated '2026-12-03 10:00' is not an RFC 3339 date" in found
    assert any("no atom:link rel=self" in p for p in found)
    assert "entry 1: neither atom:content nor an alternate atom:link" in found
    assert "entry 1: no atom:author, and the feed has none" in found


def test_atom_export_meets_rfc_4287(runner, env, stored, tmp_path):
    target = tmp_path / "out" / "kurils.atom"
    target.parent.mkdir()
    target.write_text("an older export")
    result = runner.invoke(app, ["export", "--format", "atom", "-o", str(target)])
    assert result.exit_code == 0, result.output
    document = target.read_bytes()
    assert problems_of(document) == []
    parsed = feedparser.parse(document)
    assert parsed.bozo == 0 and parsed.version == "atom10"
    assert [p.name for p in target.parent.iterdir()] == ["kurils.atom"]  # no temporary left
    assert target.stat().st_mode & 0o444 == 0o444  # readable by the web server

    root = ET.fromstring(document)
    assert root.get(XML_LANG) == "en"
    self_links = [link for link in root.findall(ATOM + "link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [target.resolve().as_uri()]
    entries = root.findall(ATOM + "entry")
    assert len(entries) == len(stored)
    by_title = {e.findtext(ATOM + "title"): e for e in entries}
    for item in stored:
        entry = by_title[item["title"]]
        assert entry.get(XML_LANG) == item["lang"]
        text = json.loads(runner.invoke(app, ["show", str(item["id"]), "--format", "json"]).stdout)
        assert entry.findtext(ATOM + "content") == text["text"]  # the full text
        alternate = entry.find(ATOM + "link")
        if item["url"]:
            assert alternate is not None and alternate.get("href") == item["url"]
    assert {e.get(XML_LANG) for e in entries} == {"en", "ru", "ja"}
    no_link = by_title["Японские рыбаки задержаны у Кунашира"]
    assert no_link.find(ATOM + "link") is None and no_link.findtext(ATOM + "content")


def test_atom_self_link_is_the_published_address(runner, stored):
    url = "https://news.example.org/kurils.atom"
    document = runner.invoke(app, ["export", "--url", url]).stdout.encode()
    assert problems_of(document) == []
    assert feedparser.parse(document).feed.links[0] == {
        "rel": "self",
        "type": "application/atom+xml",
        "href": url,
    }


ROUND_TRIP = """
[[feeds]]
name = "tass-en"
url = "https://tass.com/rss/v2.xml"
lang = "en"
folder = "Russia"

[[feeds]]
name = "тасс"
url = "https://tass.ru/rss/v2.xml"
lang = "ru"
folder = "Russia"

[[feeds]]
name = "北海道新聞"
url = "https://www.hokkaido-np.co.jp/rss/all.xml"
lang = "ja"
folder = "Japan"

[[feeds]]
name = "kyodo"
url = "https://english.kyodonews.net/rss/news.xml"
"""


def _outlines(opml: str) -> list[tuple[str | None, str, str, str | None]]:
    """(folder, name, url, language) of every feed outline."""
    body = ET.fromstring(opml).find("body")
    assert body is not None
    found = []
    for top in body.findall("outline"):
        children = top.findall("outline")
        for outline, folder in [(c, top.get("text")) for c in children] or [(top, None)]:
            found.append(
                (folder, outline.get("text"), outline.get("xmlUrl"), outline.get("language"))
            )
    return found


def test_opml_round_trip_keeps_names_languages_and_folders(runner, env, tmp_path):
    env["config"].write_text(ROUND_TRIP, encoding="utf-8")
    first = runner.invoke(app, ["feeds", "export"]).stdout
    assert _outlines(first) == [
        ("Russia", "tass-en", "https://tass.com/rss/v2.xml", "en"),
        ("Russia", "тасс", "https://tass.ru/rss/v2.xml", "ru"),
        ("Japan", "北海道新聞", "https://www.hokkaido-np.co.jp/rss/all.xml", "ja"),
        (None, "kyodo", "https://english.kyodonews.net/rss/news.xml", None),
    ]
    exported = tmp_path / "feeds.opml"
    exported.write_text(first, encoding="utf-8")
    env["config"].write_text("", encoding="utf-8")  # another machine, another reader
    imported = runner.invoke(app, ["feeds", "import", str(exported)])
    assert imported.exit_code == 0, imported.output
    second = runner.invoke(app, ["feeds", "export"]).stdout
    assert _outlines(second) == _outlines(first)


def test_opml_import_reads_language_tags_and_nested_folders(runner, env, tmp_path):
    opml = tmp_path / "reader.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="Asia"><outline text="Japan">'
        '<outline text="NHKニュース" xmlUrl="https://www3.nhk.or.jp/rss/news/cat0.xml" '
        'language="ja-JP"/>'
        '<outline text="NHKニュース" xmlUrl="https://www3.nhk.or.jp/rss/news/cat4.xml" '
        'language="ja"/></outline></outline>'
        '<outline xmlUrl="http://127.0.0.1:8080/sakhalin-news.xml" language="ru-RU"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    env["config"].write_text("", encoding="utf-8")
    assert runner.invoke(app, ["feeds", "import", str(opml)]).exit_code == 0
    assert _outlines(runner.invoke(app, ["feeds", "export"]).stdout) == [
        ("Japan", "nhkニュース", "https://www3.nhk.or.jp/rss/news/cat0.xml", "ja"),
        ("Japan", "nhkニュース-cat4", "https://www3.nhk.or.jp/rss/news/cat4.xml", "ja"),
        (None, "sakhalin-news", "http://127.0.0.1:8080/sakhalin-news.xml", "ru"),
    ]
