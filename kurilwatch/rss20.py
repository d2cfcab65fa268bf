"""A quick reader for plain, well-formed RSS 2.0 that gives feedparser's answer or none.

feedparser's SAX handlers cost about 0.2 ms per entry, more than everything else kurilwatch
does with an entry. Most news feeds are plain UTF-8 RSS 2.0 whose items hold a handful of
known elements; for those, the C parser behind `xml.etree` and a few lines of mapping give
the very values feedparser would (tests/test_rss20.py compares the two on generated
documents). Anything else, however slightly unusual, returns None and goes to feedparser:
other formats and encodings, a DOCTYPE, xml:base, an element this module does not know,
an element twice, a value feedparser would rewrite.
"""

from __future__ import annotations

import re
import time
import urllib.parse
from datetime import datetime, timedelta
from xml.etree import ElementTree

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MEDIA = "{http://search.yahoo.com/mrss/}"

# Elements of an item that feedparser maps to nothing kurilwatch reads, when they hold no
# elements themselves (tests/test_rss20.py holds them to it).
_IGNORED = frozenset(
    {
        "author",
        "category",
        "comments",
        "enclosure",
        _DC + "creator",
        _DC + "subject",
        _MEDIA + "content",
        _MEDIA + "thumbnail",
    }
)
# Elements kurilwatch reads: each at most once, without attributes (guid: isPermaLink).
_READ = frozenset({"title", "link", "guid", "description", "pubDate", _CONTENT, _DC + "date"})
_GUID_ATTRIBUTES = frozenset({"isPermaLink"})

_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_UTF8 = {"utf-8", "utf8"}
# feedparser maps these code points to cp1252's characters: values with them are left to it.
_C1 = re.compile("[\x80-\x9f]")
_URI_FIXER = re.compile("^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")  # feedparser's own
_BROKEN_REFERENCE = re.compile("&([A-Za-z0-9_]+);")


# The RFC 822 dates nearly every RSS feed writes ("Mon, 23 Nov 2026 09:00:00 +0300"), read
# without feedparser's import and its chain of date handlers; any other form goes to them.
_MONTHS = {
    name: number
    for number, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) "
    rf"({'|'.join(_MONTHS)}) (\d{{4}}) (\d\d):(\d\d)(?::(\d\d))? "
    r"(?:GMT|UT|Z|([+-])(\d\d)(\d\d))"
)


class _Unusual(Exception):
    """Something feedparser would treat in its own way: let it."""


def read(content: bytes, headers: dict[str, str]) -> tuple[str, list[dict]] | None:
    """(feed title, entries as feedparser-shaped dicts), or None to use feedparser."""
    if not _plain_utf8(content, headers):
        return None
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return None  # broken XML: feedparser recovers what it can, and says so
    if root.tag != "rss" or root.attrib.get("version") != "2.0" or len(root) != 1:
        return None
    channel = root[0]
    if channel.tag != "channel":
        return None
    try:
        title = ""
        titles = [child for child in channel if child.tag == "title"]
        if len(titles) > 1:
            return None
        if titles:
            title = _value(titles[0])
        entries = [_item(child) for child in channel if child.tag == "item"]
    except _Unusual:
        return None
    if not entries or sum(1 for _ in root.iter("item")) != len(entries):
        return None  # no items, or items outside the channel: feedparser's business
    return title, entries


def _plain_utf8(content: bytes, headers: dict[str, str]) -> bool:
    """UTF-8 by every account, and nothing that changes how feedparser reads the document."""
    if headers.get("content-location"):
        return False  # a base for relative links
    content_type = headers.get("content-type", "")
    if "charset" in content_type.lower():
        charset = content_type.lower().split("charset", 1)[1].split(";")[0].strip(" =\"'")
        if charset not in _UTF8:
            return False
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    head = content[:1024].removeprefix(b"\xef\xbb\xbf")
    declared = _DECLARATION.match(head)
    if declared is not None and declared.group(1).decode("ascii", "replace").lower() not in _UTF8:
        return False
    prolog = head.split(b"<rss", 1)[0]
    # A DOCTYPE can declare entities (and expand them a billion times): feedparser strips
    # them. Looked for everywhere, not just in the head, which spaces could push it past.
    return (
        b"<!" not in prolog
        and b"<!DOCTYPE" not in content
        and b"<!ENTITY" not in content
        and b"xml:base" not in content
    )


def _value(element: ElementTree.Element) -> str:
    """An element's text as feedparser's pop() gives it, or _Unusual."""
    if len(element):
        raise _Unusual  # markup inside: feedparser serialises it
    text = (element.text or "").strip()
    if text.isascii():
        return text
    if _C1.search(text):
        raise _Unusual
    try:  # feedparser "repairs" text that reads as UTF-8 once encoded as Latin-1
        if text.encode("iso-8859-1").decode("utf-8") != text:
            raise _Unusual
    except UnicodeError:
        pass
    return text


def _uri(value: str) -> str:
    """feedparser's resolve_uri with no base."""
    value = _URI_FIXER.sub(r"\1\3", value)
    try:
        return urllib.parse.urljoin("", value)
    except ValueError:
        return ""


def parse_date(value: str) -> time.struct_time | None:
    """A feed date as feedparser's `*_parsed` gives it: a UTC struct_time, or None."""
    match = _RFC822.fullmatch(value)
    if match is not None:
        day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
        try:
            stamp = datetime(
                int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second or 0)
            )
            offset = timedelta(hours=int(zone_hours or 0), minutes=int(zone_minutes or 0))
            return (stamp - offset if sign == "+" else stamp + offset).utctimetuple()
        except (ValueError, OverflowError):
            pass  # 31 Feb, hour 24, year 1 east of Greenwich: feedparser's call
    # feedparser's own date parser (its public face is registerDateHandler): the same dates
    # parsed the same way, whichever reader read the item.
    from feedparser.datetimes import _parse_date

    return _parse_date(value)


def _item(item: ElementTree.Element) -> dict:
    if item.attrib:
        raise _Unusual  # rdf:about, lastmod, href: feedparser reads them
    found: dict[str, ElementTree.Element] = {}
    for child in item:
        tag = child.tag
        if tag in _READ:
            allowed = _GUID_ATTRIBUTES if tag == "guid" else frozenset()
            if tag in found or not child.attrib.keys() <= allowed:
                raise _Unusual
            found[tag] = child
        elif tag not in _IGNORED or len(child):
            raise _Unusual
    entry: dict = {}
    if "title" in found:
        entry["title"] = _value(found["title"])
    guid = found.get("guid")
    if guid is not None:
        # feedparser compares the attribute's value exactly: "True" is not a permalink.
        guid_is_link = guid.attrib.get("isPermaLink", "true") == "true"
        value = _value(guid)
        entry["id"] = _uri(value) if guid_is_link and value else value
        if guid_is_link:
            entry["link"] = entry["id"]
    if "link" in found:
        link = _value(found["link"])
        link = _uri(link) if link else link
        if "&" in link:
            link = _BROKEN_REFERENCE.sub(r"&\g<1>", link.replace("&amp;", "&"))
        entry["link"] = link
    content = found.get(_CONTENT)
    if content is not None:
        entry["content"] = [{"value": _value(content)}]
        entry["summary"] = entry["content"][0]["value"]
    if "description" in found:
        entry["summary"] = _value(found["description"])
    if "pubDate" in found:
        entry["published_parsed"] = parse_date(_value(found["pubDate"]))
    if _DC + "date" in found:
        entry["updated_parsed"] = parse_date(_value(found[_DC + "date"]))
    return entry
