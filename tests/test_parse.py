from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FEEDS
from kurilwatch.errors import FeedError
from kurilwatch.parse import MAX_TITLE, canonical_url, clean_text, html_to_text, parse_feed


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://TASS.com/politics/1?utm_source=rss&utm_medium=x", "https://tass.com/politics/1"),
        ("https://tass.com:443/a?b=2&a=1#frag", "https://tass.com/a?a=1&b=2"),
        ("http://example.com:8080/x?id=5&fbclid=abc", "http://example.com:8080/x?id=5"),
        ("https://example.com", "https://example.com/"),
        ("javascript:alert(1)", None),
        ("mailto:a@b", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@given(
    st.from_regex(
        r"https?://[a-z]{1,10}\.example/[a-z0-9/]{0,20}(\?[a-z]{1,5}=[a-z0-9]{1,5})?",
        fullmatch=True,
    )
)
def test_canonical_url_is_idempotent(url):
    once = canonical_url(url)
    assert canonical_url(once) == once


@given(st.integers(1, 10**6), st.integers(1, 10**6))
def test_canonical_url_keeps_articles_apart(a, b):
    first = canonical_url(f"https://news.example/article?id={a}&utm_source=x")
    second = canonical_url(f"https://news.example/article?id={b}&utm_source=y")
    assert (first == second) == (a == b)


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    html = "<p>First &amp; one.</p><script>alert(1)</script><p>Second<br>line</p>"
    assert html_to_text(html) == "First & one.\nSecond\nline"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<ul><li>One</li><li>Two <b>bold</b></li></ul>after", "One\nTwo bold\nafter"),
        ("<DIV>Upper<BR>case</DIV><h2>Head</h2>text", "Upper\ncase\nHead\ntext"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "ab\nc"),
        ("<p>x<svg><title>icon</title></svg>y</p><hr>z", "xicony\nz"),
        (
            "<blockquote><p>Quoted</p></blockquote><noscript><p>hidden</p></noscript>tail",
            "Quoted\ntail",
        ),
    ],
)
def test_html_to_text_breaks_lines_at_blocks_only(html, text):
    assert html_to_text(html) == text


def test_clean_text_removes_control_characters():
    assert clean_text("a\x1b[31mred\x07 b\n c") == "a [31mred b c"


def test_parse_rss2_atom_and_rdf():
    rss = parse_feed((FEEDS / "tass_en.rss").read_bytes())
    assert rss.format == "rss20" and len(rss.entries) == 5
    first = rss.entries[0]
    assert first.guid == "tass-1001"
    assert first.canonical_url == "https://tass.example/politics/1001"
    assert "Peace treaty issue" in first.text and "<p>" not in first.text
    atom = parse_feed((FEEDS / "japan_news.atom").read_bytes())
    assert atom.format == "atom10" and atom.entries[0].guid == "urn:example:japan-news:4001"
    rdf = parse_feed((FEEDS / "nhk_sjis.rdf").read_bytes())
    assert rdf.format == "rss10" and rdf.entries[0].title == "元島民らが墓参 根室港を出発"


def test_parse_uses_header_charset_when_the_document_has_none():
    body = '<rss version="2.0"><channel><item><title>Курилы</title></item></channel></rss>'
    parsed = parse_feed(
        body.encode("cp1251"), {"Content-Type": "application/rss+xml; charset=windows-1251"}
    )
    assert parsed.entries[0].title == "Курилы"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty response"),
        (b"just text", "not a feed (no XML)"),
        ((FEEDS / "not_a_feed.html").read_bytes(), "not a feed (an HTML page)"),
        ((FEEDS / "malformed.xml").read_bytes(), "malformed XML"),
        (b"<?xml version='1.0'?><note><to>x</to></note>", "not a feed"),
    ],
)
def test_unusable_bodies_raise_feed_error(body, message):
    with pytest.raises(FeedError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_feed(body)


def test_recoverable_xml_keeps_entries_with_a_warning():
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Kuril &bogus; news'
        b"</title><link>https://x.example/1</link></item></channel></rss>"
    )
    parsed = parse_feed(body)
    assert len(parsed.entries) == 1
    assert parsed.warning and "malformed XML" in parsed.warning


def test_entry_without_guid_or_link_gets_a_stable_hash_key():
    body = b'<rss version="2.0"><channel><item><title>Kunashir</title></item></channel></rss>'
    first = parse_feed(body).entries[0].identity_keys
    second = parse_feed(body).entries[0].identity_keys
    assert first == second and first[0].startswith("hash:")


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("Mon, 23 Nov 2026 09:00:00 +0300", datetime(2026, 11, 23, 6, tzinfo=UTC)),
        (" Mon, 23 Nov 2026 09:00:00 +0300 ", datetime(2026, 11, 23, 6, tzinfo=UTC)),
        ("Mon, 23 Nov 2026 09:00 +0300", datetime(2026, 11, 23, 6, tzinfo=UTC)),
        ("Mon, 23 Nov 2026 09:00:00 GMT", datetime(2026, 11, 23, 9, tzinfo=UTC)),
        ("Tue, 01 Dec 2026 10:00:00 EST", datetime(2026, 12, 1, 15, tzinfo=UTC)),
        ("1 May 2024 10:00 +0900", datetime(2024, 5, 1, 1, tzinfo=UTC)),
        ("2024-05-01T10:00:00+09:00", datetime(2024, 5, 1, 1, tzinfo=UTC)),
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("Sun, 31 Dec 9999 23:59:59 GMT", None),  # far in the future: a feed's mistake
        ("yesterday", None),
        ("", None),
    ],
)
def test_rss_dates_are_read_as_utc(written, published):
    body = (
        '<rss version="2.0"><channel><item><title>A</title>'
        f"<pubDate>{escape(written)}</pubDate></item></channel></rss>"
    )
    assert parse_feed(body.encode()).entries[0].published == published


# Generated RSS documents: pieces of text that feeds really carry, and the ones parsers trip
# over, in the elements news feeds use and the ones they add.
NAMESPACES = (
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:media="http://search.yahoo.com/mrss/"'
    ' xmlns:atom="http://www.w3.org/2005/Atom"'
    ' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"'
)
FRAGMENTS = [
    "Kunashir",
    "Южные Курилы",
    "北方領土",
    "café",
    "Ã©",  # UTF-8 read as Latin-1: feedparser "repairs" it
    "\x93quoted\x94",  # C1 code points: feedparser maps them to cp1252
    " ",
    "\n",
    "\t",
    "\x1b[31m",
    "&",
    "&amp;",
    "&nbsp;",
    "&lt;b&gt;",
    "<p>",
    "</p>",
    "<br/>",
    '"',
    "]]",
    "https://tass.com/politics/1?a=1&b=2",
    "http:///x",
    "/relative/path",
    "?utm_source=rss",
    "#frag",
    "javascript:x",
]
text = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join)
URL_STARTS = ["https://tass.com/politics/", "http://a.example/x?a=1&b=2", "http:///x/", "/rel/"]
ELEMENTS = [
    "title",
    "link",
    "guid",
    "description",
    "content:encoded",
    "pubDate",
    "dc:date",
    "author",
    "category",
    "enclosure",
    "dc:creator",
    "media:content",
    "media:title",
    "atom:link",
    "feedburner:origLink",
    "source",
    "title-with-markup",
]
DATES = ["Mon, 23 Nov 2026 09:00:00 +0300", "2024-05-01T10:00:00Z", "9999-12-31", "yesterday", ""]


@st.composite
def value(draw) -> str:
    """An element's content, escaped or in a CDATA section."""
    raw = draw(text)
    if "]]>" not in raw and draw(st.booleans()):
        return f"<![CDATA[{raw}]]>"
    return escape(raw)


@st.composite
def item_child(draw, kind: str) -> str:
    if kind == "guid":
        attribute = draw(st.sampled_from(["", "true", "false", "True"]))
        attrs = f" isPermaLink={quoteattr(attribute)}" if attribute else ""
        return f"<guid{attrs}>{escape(draw(st.sampled_from(URL_STARTS)))}{draw(value())}</guid>"
    if kind in ("pubDate", "dc:date"):
        return f"<{kind}>{escape(draw(st.sampled_from(DATES)))}</{kind}>"
    if kind == "enclosure":
        return '<enclosure url="http://a.example/x.jpg" type="image/jpeg" length="1"/>'
    if kind == "media:content":
        return '<media:content url="http://a.example/m.jpg"/>'
    if kind == "atom:link":
        return '<atom:link rel="alternate" href="http://atom.example/1"/>'
    if kind == "title-with-markup":
        return f"<title>{draw(value())}<b>bold</b></title>"
    if kind == "link":
        return f"<link>{escape(draw(st.sampled_from(URL_STARTS)))}{draw(value())}</link>"
    return f"<{kind}>{draw(value())}</{kind}>"


@st.composite
def rss_document(draw) -> tuple[bytes, dict[str, str]]:
    """An RSS document and its response headers."""
    items = [
        "".join(draw(item_child(kind)) for kind in kinds)
        for kinds in draw(st.lists(st.lists(st.sampled_from(ELEMENTS), max_size=8), max_size=4))
    ]
    declaration = draw(
        st.sampled_from(
            [
                "",
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<?xml version="1.0"?>',
                '<?xml version="1.0" encoding="ISO-8859-1"?>',
            ]
        )
    )
    version = draw(st.sampled_from(["2.0", "0.92"]))
    body = f"<title>{draw(value())}</title>" + "".join(f"<item>{i}</item>" for i in items)
    xml = f'{declaration}<rss version="{version}"{NAMESPACES}><channel>{body}</channel></rss>'
    encoding = "iso-8859-1" if "ISO-8859-1" in declaration else "utf-8"
    headers = draw(
        st.sampled_from(
            [
                {},
                {"content-type": "text/xml; charset=utf-8"},
                {"content-type": "application/xml; charset=windows-1251"},
                {"content-location": "http://base.example/feeds/"},
            ]
        )
    )
    return xml.encode(encoding, "xmlcharrefreplace"), headers


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rss_document())
def test_any_rss_document_gives_clean_entries_or_a_feed_error(document):
    try:
        parsed = parse_feed(*document)
    except FeedError:
        return
    for entry in parsed.entries:
        assert "\n" not in entry.title and len(entry.title) <= MAX_TITLE
        assert not _CONTROL.search(entry.title + entry.summary + entry.text)
        assert entry.identity_keys
        assert entry.url is None or entry.canonical_url is not None
