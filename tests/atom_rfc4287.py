"""A strict checker of RFC 4287 (Atom 1.0): every MUST of sections 3 and 4 that a document's
structure can break, each problem as one line. The tests hold kurilwatch's export to it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# RFC 3339 date-time, as section 3.3 requires (an upper-case T and Z, seconds present).
DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")  # RFC 3066
TEXT_TYPES = {"text", "html", "xhtml"}


def _iri(value: str | None) -> bool:
    return bool(value) and bool(urlsplit(value).scheme) and not re.search(r"\s", value or "")


def _one(parent: ET.Element, name: str, where: str, problems: list[str], required: bool) -> None:
    found = parent.findall(ATOM + name)
    if len(found) > 1:
        problems.append(f"{where}: more than one atom:{name}")
    if required and not found:
        problems.append(f"{where}: no atom:{name}")


def _text_construct(element: ET.Element, where: str, problems: list[str]) -> None:
    kind = element.get("type", "text")
    if kind not in TEXT_TYPES:
        problems.append(f"{where}: type {kind!r} is not text, html or xhtml")
    if kind in ("text", "html") and len(element):
        problems.append(f"{where}: type {kind} holds child elements")


def _dates(parent: ET.Element, where: str, problems: list[str]) -> None:
    for name in ("updated", "published"):
        for element in parent.findall(ATOM + name):
            if not DATE.match((element.text or "").strip()):
                problems.append(f"{where}: atom:{name} {element.text!r} is not an RFC 3339 date")


def _links(parent: ET.Element, where: str, problems: list[str]) -> list[ET.Element]:
    links = parent.findall(ATOM + "link")
    seen = set()
    for link in links:
        if not _iri(link.get("href")):
            problems.append(f"{where}: atom:link href {link.get('href')!r} is not an IRI")
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in seen:
                problems.append(f"{where}: two alternate links with the same type and hreflang")
            seen.add(key)
    return links


def _persons(parent: ET.Element, where: str, problems: list[str]) -> None:
    for person in parent.findall(ATOM + "author") + parent.findall(ATOM + "contributor"):
        names = person.findall(ATOM + "name")
        if len(names) != 1 or not (names[0].text or "").strip():
            problems.append(f"{where}: a person construct needs exactly one atom:name")


def _languages(root: ET.Element, problems: list[str]) -> None:
    for element in root.iter():
        lang = element.get(XML_LANG)
        if lang is not None and lang != "" and not LANG.match(lang):
            problems.append(f"xml:lang {lang!r} is not a language tag")


def problems_of(document: bytes) -> list[str]:
    """Every RFC 4287 violation found; empty for a valid feed document."""
    try:
        root = ET.fromstring(document)
    except ET.ParseError as exc:
        return [f"not well-formed XML: {exc}"]
    if root.tag != ATOM + "feed":
        return [f"the root is {root.tag}, not atom:feed"]
    problems: list[str] = []
    for name in ("id", "title", "updated"):
        _one(root, name, "feed", problems, required=True)
    for name in ("generator", "icon", "logo", "rights", "subtitle"):
        _one(root, name, "feed", problems, required=False)
    if not _iri(root.findtext(ATOM + "id")):
        problems.append("feed: atom:id is not an IRI")
    for name in ("title", "subtitle", "rights"):
        for element in root.findall(ATOM + name):
            _text_construct(element, f"feed atom:{name}", problems)
    _dates(root, "feed", problems)
    _persons(root, "feed", problems)
    links = _links(root, "feed", problems)
    if not any(link.get("rel") == "self" for link in links):
        problems.append("feed: no atom:link rel=self (section 4.1.1 SHOULD; required here)")
    feed_author = bool(root.findall(ATOM + "author"))
    ids = set()
    for number, entry in enumerate(root.findall(ATOM + "entry"), start=1):
        where = f"entry {number}"
        for name in ("id", "title", "updated"):
            _one(entry, name, where, problems, required=True)
        for name in ("content", "published", "rights", "source", "summary"):
            _one(entry, name, where, problems, required=False)
        entry_id = entry.findtext(ATOM + "id")
        if not _iri(entry_id):
            problems.append(f"{where}: atom:id is not an IRI")
        if entry_id in ids:
            problems.append(f"{where}: atom:id {entry_id} is used twice")
        ids.add(entry_id)
        for name in ("title", "summary", "rights"):
            for element in entry.findall(ATOM + name):
                _text_construct(element, f"{where} atom:{name}", problems)
        _dates(entry, where, problems)
        _persons(entry, where, problems)
        if not feed_author and not entry.findall(ATOM + "author"):
            problems.append(f"{where}: no atom:author, and the feed has none")
        links = _links(entry, where, problems)
        content = entry.find(ATOM + "content")
        alternate = [link for link in links if link.get("rel", "alternate") == "alternate"]
        if content is None and not alternate:
            problems.append(f"{where}: neither atom:content nor an alternate atom:link")
        if content is not None:
            kind = content.get("type", "text")
            if content.get("src") is not None and entry.find(ATOM + "summary") is None:
                problems.append(f"{where}: content with src needs an atom:summary")
            if kind in ("text", "html") and len(content):
                problems.append(f"{where}: content of type {kind} holds child elements")
    _languages(root, problems)
    return problems
