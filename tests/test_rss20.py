"""The quick RSS 2.0 reader against feedparser: the same items, or no answer at all."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import FEEDS
from kurilwatch import rss20
from kurilwatch.parse import parse_feed, parse_with_feedparser

NAMESPACES = (
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:media="http://search.yahoo.com/mrss/"'
    ' xmlns:atom="http://www.w3.org/2005/Atom"'
    ' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"'
)

# Pieces of text that feeds really carry, and the ones parsers trip over.
FRAGMENTS = [
    "Kunashir",
    "Южные Курилы",
    "北方領土",
    "café",
    "Ã©",  # UTF-8 read as Latin-1: feedparser "repairs" it
    "\x93quoted\x94",  # C1 code points: feedparser maps them to cp1252
    " ",
    "  ",
    "\n",
    "\t",
    "&",
    "&amp;",
    "&nbsp;",
    "&lt;b&gt;",
    "<",
    ">",
    "<p>",
    "</p>",
    "<br/>",
    '"',
    "'",
    "]]",
    "http://",
    "https://tass.com/politics/1?a=1&b=2",
    "http:///x",
    "/relative/path",
    "?utm_source=rss",
    "#frag",
    "javascript:x",
    "1956",
]
text = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join)
# What feedparser rewrites makes the quick reader step aside; plain text never does.
plain_text = st.lists(
    st.sampled_from([f for f in FRAGMENTS if f not in ("Ã©", "\x93quoted\x94")]), max_size=6
).map("".join)
URL_STARTS = ["https://tass.com/politics/", "http://a.example/x?a=1&b=2", "http:///x/", "/rel/"]


def url_like(strategy):
    """Mostly URLs with odd tails: links and GUIDs are where feedparser rewrites most."""
    return st.tuples(st.sampled_from(URL_STARTS), strategy).map("".join)


READ = ["title", "link", "guid", "description", "content:encoded", "pubDate", "dc:date"]
IGNORED = [
    "author",
    "category",
    "comments",
    "enclosure",
    "dc:creator",
    "dc:subject",
    "media:content",
    "media:thumbnail",
]
# feedparser reads these: the quick reader must step aside.
UNKNOWN = [
    "media:title",
    "media:description",
    "atom:link",
    "feedburner:origLink",
    "source",
    "title-with-markup",
    "link-with-attribute",
]
DATES = [
    "Mon, 23 Nov 2026 09:00:00 +0300",
    "Mon, 23 Nov 2026 09:00:00 GMT",
    "Wed, 01 May 2024 10:00:00 JST",
    "1 May 2024 10:00 +0900",
    "2024-05-01T10:00:00+09:00",
    "2024-05-01T10:00:00Z",
    "2024-05-01 10:00",
    "2024-05-01",
    "Sun, 31 Dec 9999 23:59:59 GMT",
    "yesterday",
    "",
    " Mon, 23 Nov 2026 09:00:00 +0300 ",
]


@st.composite
def value(draw, strategy=text) -> str:
    """An element's content, escaped or in a CDATA section."""
    raw = draw(strategy)
    if "]]>" not in raw and draw(st.booleans()):
        return f"<![CDATA[{raw}]]>"
    return escape(raw)


@st.composite
def plain_item(draw) -> str:
    """An item the quick reader must read: known elements, each once, plain text."""
    kinds = draw(st.lists(st.sampled_from(READ), unique=True))
    kinds += draw(st.lists(st.sampled_from(IGNORED), max_size=3))
    children = [draw(item_child(kind, plain_text)) for kind in draw(st.permutations(kinds))]
    return "".join(children)


@st.composite
def any_item(draw) -> str:
    kinds = draw(st.lists(st.sampled_from(READ + IGNORED + UNKNOWN), max_size=8))
    return "".join(draw(item_child(kind, text)) for kind in kinds)


@st.composite
def item_child(draw, kind: str, strategy) -> str:
    if kind == "guid":
        attribute = draw(st.sampled_from(["", "true", "false", "True", "FALSE"]))
        attrs = f" isPermaLink={quoteattr(attribute)}" if attribute else ""
        return f"<guid{attrs}>{draw(value(url_like(strategy)))}</guid>"
    if kind in ("pubDate", "dc:date"):
        return f"<{kind}>{escape(draw(st.sampled_from(DATES)))}</{kind}>"
    if kind == "enclosure":
        return '<enclosure url="http://a.example/x.jpg" type="image/jpeg" length="1"/>'
    if kind in ("media:content", "media:thumbnail"):
        return f'<{kind} url="http://a.example/m.jpg"/>'
    if kind == "atom:link":
        return '<atom:link rel="alternate" href="http://atom.example/1"/>'
    if kind == "title-with-markup":
        return f"<title>{draw(value(strategy))}<b>bold</b></title>"
    if kind == "link-with-attribute":
        return f'<link href="http://a.example/h">{draw(value(strategy))}</link>'
    if kind == "link":
        return f"<link>{draw(value(url_like(strategy)))}</link>"
    return f"<{kind}>{draw(value(strategy))}</{kind}>"


@st.composite
def document(draw, plain: bool = False) -> tuple[bytes, dict[str, str]]:
    """An RSS document and its response headers; `plain` ones are all the quick reader's."""
    items = draw(st.lists(plain_item() if plain else any_item(), min_size=plain, max_size=4))
    channel = draw(
        st.lists(
            st.sampled_from(
                [
                    "<title>Channel</title>",
                    f"<title>{draw(value(plain_text if plain else text))}</title>",
                    "<link>http://a.example/</link>",
                    "<description>about</description>",
                    "<language>en</language>",
                    "<image><title>Logo</title><url>http://a.example/l.png</url></image>",
                    '<atom:link rel="self" href="http://a.example/feed"/>',
                ]
            ),
            max_size=4,
            unique=plain,
        )
    )
    if plain:  # one channel title at most
        titles = [c for c in channel if c.startswith("<title>")]
        channel = [c for c in channel if not c.startswith("<title>")] + titles[:1]
    body = "".join(channel) + "".join(f"<item>{item}</item>" for item in items)
    declarations = [
        "",
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<?xml version='1.0' encoding='utf-8'?>",
        '<?xml version="1.0"?>',
    ]
    if not plain:
        declarations.append('<?xml version="1.0" encoding="ISO-8859-1"?>')
    declaration = draw(st.sampled_from(declarations))
    version = "2.0" if plain else draw(st.sampled_from(["2.0", "2.0", "2.0", "0.92"]))
    xml = f'{declaration}<rss version="{version}"{NAMESPACES}><channel>{body}</channel></rss>'
    encoding = "iso-8859-1" if "ISO-8859-1" in declaration else "utf-8"
    content = xml.encode(encoding, "xmlcharrefreplace")
    headers = [
        {},
        {"content-type": "application/rss+xml"},
        {"content-type": "text/xml"},
        {"content-type": "text/xml; charset=utf-8"},
    ]
    if not plain:
        headers.append({"content-type": "application/xml; charset=windows-1251"})
        headers.append({"content-location": "http://base.example/feeds/"})
    return content, draw(st.sampled_from(headers))


def _same(content: bytes, headers: dict[str, str]) -> bool:
    """Whether the quick reader answered; when it does, it must be feedparser's answer."""
    if rss20.read(content, headers) is None:
        return False
    quick = parse_feed(content, headers)
    slow = parse_with_feedparser(content, headers)
    assert quick.entries == slow.entries
    assert (quick.title, quick.format, quick.warning) == (slow.title, slow.format, slow.warning)
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(plain=True))
@example((b'<rss version="2.0"><channel><item><title>A</title></item></channel></rss>', {}))
def test_the_quick_reader_reads_plain_rss_as_feedparser_does(doc):
    assert _same(*doc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_the_quick_reader_gives_feedparsers_items_or_nothing(doc):
    _same(*doc)


@pytest.mark.parametrize("name", ["tass_en.rss", "developments_daily.rss", "developments_wire.rss"])
def test_plain_rss_fixtures_take_the_quick_path(name):
    assert _same((FEEDS / name).read_bytes(), {})


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        # A DOCTYPE can define entities; xml:base moves relative links; other formats.
        (
            b'<!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"><channel><item><title>&a;</title>'
            b"</item></channel></rss>",
            {},
        ),
        (
            b'<?xml version="1.0"?>' + b" " * 2000 + b'<!DOCTYPE rss [<!ENTITY a "b">]>'
            b'<rss version="2.0"><channel><item><title>&a;</title></item></channel></rss>',
            {},
        ),
        (
            b'<rss version="2.0" xml:base="http://b.example/"><channel><item><link>x</link></item>'
            b"</channel></rss>",
            {},
        ),
        (b'<rss version="2.0"><channel><item><title>&nbsp;</title></item></channel></rss>', {}),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title></entry></feed>', {}),
        (
            b'<rss version="2.0"><channel><item><title>A</title></item><item><title>A</title>'
            b"<title>B</title></item></channel></rss>",
            {},
        ),
        (b'<rss version="2.0"><channel></channel></rss>', {}),
    ],
)
def test_the_quick_reader_steps_aside(content, headers):
    assert rss20.read(content, headers) is None


@st.composite
def rfc822_like(draw) -> str:
    """Dates in and around the RFC 822 form, valid or not."""
    weekday = draw(st.sampled_from(["", "Mon, ", "Sun, ", "mon, ", "Mon,", "Fri "]))
    day = draw(st.sampled_from(["1", "01", "9", "23", "29", "30", "31", "0", "32"]))
    month = draw(st.sampled_from(["Jan", "Feb", "Nov", "Dec", "nov", "NOV", "November"]))
    year = draw(st.sampled_from(["2026", "1970", "0001", "9999", "26", "99"]))
    clock = draw(st.sampled_from(["09:00:00", "23:59:59", "00:00", "24:00:00", "12:60:00", "9:00"]))
    zone = draw(
        st.sampled_from(
            [
                "GMT",
                "UT",
                "Z",
                "UTC",
                "+0000",
                "+0300",
                "-0500",
                "+0530",
                "+1400",
                "-1200",
                "+03:00",
                "EST",
                "JST",
                "",
            ]
        )
    )
    return f"{weekday}{day} {month} {year} {clock} {zone}".strip()


@settings(max_examples=500, deadline=None)
@given(rfc822_like())
@example("Mon, 23 Nov 2026 09:00:00 +0300")
@example("1 Jan 0001 00:00:00 +0100")
def test_dates_are_read_as_feedparser_reads_them(value):
    from feedparser.datetimes import _parse_date

    assert rss20.parse_date(value) == _parse_date(value)
