"""feedparser -> Entry records: normalised ids, canonical URLs, UTC times, plain text."""

from __future__ import annotations

import calendar
import re
import time
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kurilwatch.errors import FeedError
from kurilwatch.feedguard import (
    ParseTimeout,
    check_deadline,
    parse_deadline,
    repaired,
    timed_out,
)
from kurilwatch.models import Entry, ParsedFeed
from kurilwatch.plain import INVISIBLE

# Query parameters that identify a campaign, not an article.
_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid"
    r"|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|at_medium|at_campaign|ito|spm"
    r"|_ga|oc|ocid|rss|from)$",
    re.IGNORECASE,
)
# C0/C1 controls (the escape character among them: never let feed text drive a terminal)
# and unusual spaces become plain spaces, then runs of spaces one. Two simple patterns, not
# one clever one: a character class and a literal prefix are what `re` scans fastest.
_ODD_SPACE = re.compile(r"[\t\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u2000-\u200a\u3000]")
_HIDDEN_CHARS = re.compile(f"[{INVISIBLE}]")
_SPACE_RUN = re.compile(r"  +")
_MAX_FIELD = 200_000  # characters kept of one text field; the rest is cut
MAX_TITLE = 1_000  # characters kept of a title
MAX_ENTRIES = 5_000  # entries kept of one feed document, in feed order
_FUTURE_SLACK = 86_400  # seconds: a date further ahead than this is a feed's mistake


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, drop fragments, default ports and tracking parameters."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        return None
    netloc = host if port in (None, 80 if scheme == "http" else 443) else f"{host}:{port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING_PARAMS.match(k)
        )
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def html_to_text(html: str) -> str:
    """Plain text from an HTML fragment, paragraphs kept as line breaks."""
    if not html:
        return ""
    check_deadline()
    html = html[:_MAX_HTML]  # more than a field keeps: the rest would only cost memory
    if "<" not in html and "&" not in html:
        return clean_text(html, multiline=True)
    if html.count("<") > _MAX_TAGS:
        return _tags_stripped(html)
    # Lexbor (a C HTML5 parser): a feed's worth of fragments in a few milliseconds, where
    # BeautifulSoup took most of a feed's parse time.
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    if tree.root is None:
        return ""
    tree.strip_tags(_INVISIBLE)
    # One walk over the elements: a feed's fragments hold a few each, and compiling a CSS
    # selector per fragment cost more than the parse.
    breaks = [node for node in tree.root.traverse() if node.tag in _BREAKS]
    for node in breaks:
        if node.tag == "br":
            node.replace_with("\n")
        else:
            node.insert_before("\n")
            node.insert_after("\n")
    return clean_text(tree.root.text(), multiline=True)


def _tags_stripped(html: str) -> str:
    """html_to_text for a fragment with too many tags for an HTML parser, in linear time.

    Lexbor, like every HTML5 parser, takes time growing with the square of the nesting
    depth (a 40,000-deep <div> takes 3.5 s): a fragment this large is not an article.
    """
    import html as html_module

    text = _BLOCK_TAG.sub("\n", html)
    text = _ANY_TAG.sub("", text)
    return clean_text(html_module.unescape(text), multiline=True)


_MAX_HTML = 1_000_000  # characters of one HTML fragment read; text fields keep 200,000
_MAX_TAGS = 5_000  # tags in one fragment given to the HTML parser (5,000 nested: 0.03 s)
_ANY_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = ["script", "style", "noscript", "iframe", "template", "head"]
# Elements that end a line: <br>, and the blocks, which get a line break on either side.
_BLOCK_TAGS = (
    "p div li h1 h2 h3 h4 h5 h6 tr blockquote pre ul ol dl dt dd table section article figure"
    " figcaption header footer hr"
)
_BREAKS = frozenset(["br", *_BLOCK_TAGS.split()])
_BLOCK_TAG = re.compile(rf"</?(?:br|{'|'.join(_BLOCK_TAGS.split())})\b[^>]*>", re.IGNORECASE)


def clean_text(text: str, multiline: bool = False) -> str:
    """NFC, no control characters, folded spaces; one line unless `multiline`."""
    text = unicodedata.normalize("NFC", text[: _MAX_FIELD * 2])
    text = "\n".join(text.splitlines()) if multiline else text.replace("\n", " ")
    text = _ODD_SPACE.sub(" ", text)
    if not text.isascii():
        text = _HIDDEN_CHARS.sub("", text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if multiline:
        text = "\n".join(line for line in map(str.strip, text.split("\n")) if line)
    else:
        text = text.strip()
    return text[:_MAX_FIELD]


def summary_line(text: str | None) -> str:
    """An entry's summary as stored: one line, at most 2,000 characters."""
    return (text or "").replace("\n", " ")[:2000]


def _utc(struct: time.struct_time | None) -> datetime | None:
    """A feed date as aware UTC; None when absent, impossible or far in the future (a
    year-9999 item would otherwise sit on top of every list forever)."""
    if not struct:
        return None
    try:
        timestamp = calendar.timegm(struct)
        if timestamp > time.time() + _FUTURE_SLACK:
            return None
        return datetime.fromtimestamp(timestamp, tz=UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


# Seconds for one feed document, whatever it holds. A big legitimate one takes feedparser
# long: 6 MB of 100,000 tiny items, 27 s on a busy 2-core machine (the 10 MB cap: ~45 s).
PARSE_DEADLINE = 90.0


def parse_feed(
    content: bytes, headers: dict[str, str] | None = None, deadline: float | None = None
) -> ParsedFeed:
    """Parse raw bytes with feedparser; raises FeedError when they are not a usable feed.

    Nothing else escapes, whatever the bytes hold: a parser that fails, or takes more than
    `deadline` seconds (PARSE_DEADLINE by default), fails this one feed only.
    """
    seconds = PARSE_DEADLINE if deadline is None else deadline
    try:
        with parse_deadline(seconds):
            parsed = _parse_feed(content, {k.lower(): v for k, v in (headers or {}).items()})
    except FeedError:
        raise
    except ParseTimeout as exc:
        raise FeedError(timed_out(exc)) from None
    except Exception as exc:  # a parser's bug met by a hostile document: this feed only
        raise FeedError(f"the parser failed: {type(exc).__name__}: {exc}"[:300]) from None
    return parsed


def _parse_feed(content: bytes, headers: dict[str, str]) -> ParsedFeed:
    """parse_feed without its guard (`headers` with lower-case names)."""
    content, headers, notes = repaired(content, headers)
    parsed = _feedparser(content, headers)
    if notes:
        warning = "; ".join([*notes, *([parsed.warning] if parsed.warning else [])])
        parsed = replace(parsed, warning=warning)
    return parsed


def _feedparser(content: bytes, headers: dict[str, str]) -> ParsedFeed:
    """The document as feedparser reads it, or FeedError."""
    import feedparser

    # Declared and detected encodings disagreeing is not a fault: feedparser chose right.
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    # Let feedparser see the HTTP headers so it can honour the declared charset.
    response_headers = {"content-location": "", **headers}
    parsed = feedparser.parse(
        content, response_headers=response_headers, sanitize_html=False, resolve_relative_uris=False
    )
    version = parsed.get("version") or ""
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and isinstance(problem, harmless):
        problem = None
    result = _parsed(
        parsed.feed.get("title", ""),
        version or "unknown",
        parsed.get("encoding") or "",
        parsed.entries,
        problem,
    )
    if not result.entries:
        if not version:
            if content.lstrip()[:1] != b"<":
                raise FeedError("not a feed (no XML)" if content.strip() else "empty response")
            if re.search(rb"<html[\s>]", content[:4096], re.IGNORECASE):
                raise FeedError("not a feed (an HTML page)")
        if problem is not None:
            raise FeedError(f"malformed XML: {problem}")
        if not version:
            raise FeedError("not a feed (no RSS, Atom or RDF document)")
    return result


def _parsed(
    title: str, format: str, encoding: str, raw_entries: list, problem: Exception | None
) -> ParsedFeed:
    entries = []
    for raw in raw_entries[:MAX_ENTRIES]:
        check_deadline()
        entry = _entry(raw)
        if entry.title or entry.url or entry.text:
            entries.append(entry)
    warning = None
    if len(raw_entries) > MAX_ENTRIES:
        warning = f"{len(raw_entries)} entries; only the first {MAX_ENTRIES} were read"
    if problem is not None:
        # Real feeds are often slightly broken; keeping what the lenient parser recovered
        # beats losing the items, but the user should know.
        warning = f"malformed XML, {len(entries)} entries recovered: {problem}"
    return ParsedFeed(
        title=clean_text(title),
        format=format,
        encoding=encoding,
        entries=entries,
        warning=warning,
    )


def _entry(raw: dict[str, Any]) -> Entry:  # a FeedParserDict
    # dict.get, not FeedParserDict.get: for these keys its aliases and special cases give
    # the same value, at about 1 us a look-up (6 ms of a 5,000-entry cold fetch).
    get = dict.get
    # html_to_text's lines are clean already: joining them is all a one-line field needs.
    title = html_to_text(get(raw, "title", "")).replace("\n", " ")[:MAX_TITLE]
    summary_html = get(raw, "summary", "") or ""
    summary = html_to_text(summary_html)
    contents = [get(c, "value", "") for c in get(raw, "content", []) or []]
    # Yandex's feeds carry the article in <yandex:full-text>; feedparser names the key after
    # the document's prefix, which is "yandex" in every such feed we know of.
    contents += [v for k, v in raw.items() if k.endswith("full-text") and isinstance(v, str)]
    content_text = "\n".join(dict.fromkeys(html_to_text(c) for c in contents if c))
    if content_text and summary and summary not in content_text:
        text = f"{summary}\n{content_text}"
    else:
        text = content_text or summary
    link = get(raw, "link") or None
    if link is not None and not link.isascii():
        link = _HIDDEN_CHARS.sub("", link)  # a bidi override in a link shown in a digest
    canonical = canonical_url(link)
    if canonical is None:
        link = None  # javascript:, data:, mailto: and the like are not article links
    guid = get(raw, "id") or None
    if guid is not None:
        guid = clean_text(str(guid))[:2000] or None
    # FeedParserDict.get would map these two onto each other, with a warning.
    published = _utc(get(raw, "published_parsed")) or _utc(get(raw, "updated_parsed"))
    return Entry(
        guid=guid,
        url=link,
        canonical_url=canonical,
        title=title,
        summary=summary_line(summary),
        text=text,
        published=published,
        # More than the summary, or paragraphs of it: a lead copied into <content> is no article.
        full_text=bool(content_text) and (len(content_text) > len(summary) or "\n" in content_text),
    )
