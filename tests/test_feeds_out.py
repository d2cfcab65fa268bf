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
