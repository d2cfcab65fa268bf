from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FEEDS
from kurilwatch.errors import FeedError
from kurilwatch.parse import canonical_url, clean_text, html_to_text, parse_feed


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
