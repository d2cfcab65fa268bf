"""Feed and filter management: editing the config in place, OPML, and re-filtering history."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kurilwatch.config import DEFAULT_FEEDS, Config, Feed, parse_config
from kurilwatch.errors import ConfigError, UsageError
from kurilwatch.files import write_atomically

if TYPE_CHECKING:
    pass

# --- the config file, edited in place -----------------------------------------------------

_HEADER = """\
# kurilwatch configuration. See the README for every setting.
# `kurilwatch feeds add/remove/import` edit this file and keep your comments.
"""


def load_document(path: Path):
    """The config as a tomlkit document; the built-in feeds when the file does not exist."""
    import tomlkit

    if not path.exists():
        document = tomlkit.parse(_HEADER)
        feeds = tomlkit.aot()
        for feed in DEFAULT_FEEDS:
            table = _feed_table(feed.name, feed.url, feed.lang)
            # What makes a built-in feed differ from a plain one travels with it.
            if not feed.enabled:
                table["enabled"] = False
            if feed.articles != "auto":
                table["articles"] = feed.articles
            feeds.append(table)
        document["feeds"] = feeds
        return document
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except Exception as exc:  # tomlkit raises several types for bad syntax
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _feed_table(name: str, url: str, lang: str | None):
    import tomlkit

    table = tomlkit.table()
    table["name"] = name
    table["url"] = url
    if lang:
        table["lang"] = lang
    return table


def save_document(path: Path, document) -> Config:
    """Validate, then replace the file atomically: a bad edit never reaches the disk."""
    import tomlkit

    text = tomlkit.dumps(document)
    import tomllib

    config = parse_config(tomllib.loads(text), path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text, mode=0o600)
    return config


def _feeds_array(document):
    import tomlkit

    if "feeds" not in document:
        document["feeds"] = tomlkit.aot()
    return document["feeds"]


def add_feed(document, name: str, url: str, lang: str | None) -> None:
    feeds = _feeds_array(document)
    for table in feeds:
        if table.get("name") == name:
            raise UsageError(f"a feed named {name!r} already exists")
        if table.get("url") == url:
            raise UsageError(f"{url} is already configured as {table.get('name')!r}")
    feeds.append(_feed_table(name, url, lang))


def remove_feed(document, name: str) -> None:
    feeds = _feeds_array(document)
    for index, table in enumerate(feeds):
        if table.get("name") == name:
            del feeds[index]
            return
    raise UsageError(f"no feed named {name!r}")


# --- OPML ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpmlFeed:
    title: str
    url: str
    lang: str | None = None  # the outline's `language`, reduced to its primary code
    folder: str | None = None  # the outline it sits in, if any


def read_opml(data: bytes, source: str) -> list[OpmlFeed]:
    """Every outline with an xmlUrl, however deeply nested in folders (the innermost kept)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise UsageError(f"{source} is not a valid OPML file: {exc}") from None
    body = root.find("body")
    if root.tag.lower() != "opml" or body is None:
        raise UsageError(f"{source} is not an OPML file (no <opml><body>)")
    feeds: list[OpmlFeed] = []

    def walk(parent: ET.Element, folder: str | None) -> None:
        for outline in parent.findall("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            title = (outline.get("title") or outline.get("text") or "").strip()
            if url:
                feeds.append(OpmlFeed(title, url, _language(outline.get("language")), folder))
            walk(outline, (title or folder) if not url else folder)

    walk(body, None)
    return feeds


def _language(value: str | None) -> str | None:
    """`ja-JP`, `en-us`, `RU` as the config's `lang` (ja, en, ru); None when it is not one."""
    primary = (value or "").strip().split("-")[0].split("_")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def feed_name(title: str, url: str, taken: set[str]) -> str:
    """A config name from the title in its own script (`тасс`, `nhk-ニュース`), else from
    the URL; a name already taken gets the URL's last path word, then a number."""
    from urllib.parse import urlsplit

    # "Site — tagline", "The Moscow Times - Independent News…": the site's name is enough.
    site = re.split(r"\s+[—–|-]\s+|:\s+", title.strip(), maxsplit=1)[0]
    base = _name_words(site) or _url_name(url)
    if base not in taken:
        return base
    parts = urlsplit(url)
    stem = _name_words(parts.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
    if stem and stem not in base and f"{base}-{stem}"[:64] not in taken:
        return f"{base}-{stem}"[:64]
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


def _name_words(text: str) -> str:
    """Whole words of any script, lower-cased and joined by '-', up to 40 characters."""
    import unicodedata

    words = re.findall(r"\w+(?:\.\w+)*", unicodedata.normalize("NFKC", text).casefold())
    base = ""
    for word in words:
        if len(base) + len(word) + 1 > 40:
            break
        base = f"{base}-{word}" if base else word
    return base or (words[0][:40] if words else "")


def _url_name(url: str) -> str:
    """The host without `www.`; for an address or localhost, the path's last word."""
    import ipaddress
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    try:
        ipaddress.ip_address(host)
        numeric = True
    except ValueError:
        numeric = host in ("", "localhost")
    if numeric:
        stem = parts.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return _name_words(stem) or "feed"
    return _name_words(host) or "feed"


@dataclass
class ImportResult:
    added: list[tuple[str, str]] = field(default_factory=list)
    present: list[tuple[str, str]] = field(default_factory=list)  # (url, existing name)


def import_opml(document, feeds: list[OpmlFeed]) -> ImportResult:
    array = _feeds_array(document)
    by_url = {table.get("url"): table.get("name") for table in array}
    taken = {table.get("name") for table in array}
    result = ImportResult()
    for feed in feeds:
        if feed.url in by_url:
            result.present.append((feed.url, by_url[feed.url]))
            continue
        name = feed_name(feed.title, feed.url, taken)
        taken.add(name)
        by_url[feed.url] = name
        table = _feed_table(name, feed.url, feed.lang)
        if feed.folder:
            table["folder"] = feed.folder
        array.append(table)
        result.added.append((name, feed.url))
    return result


def write_opml(feeds: tuple[Feed, ...], now: datetime | None = None) -> str:
    """OPML 2.0 of the configured feeds, in their folders, with their languages."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = "kurilwatch feeds"
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC), usegmt=True)
    body = ET.SubElement(opml, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.folder:
            if feed.folder not in folders:
                folders[feed.folder] = ET.SubElement(
                    body, "outline", {"text": feed.folder, "title": feed.folder}
                )
            parent = folders[feed.folder]
        attributes = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.lang:
            attributes["language"] = feed.lang
        ET.SubElement(parent, "outline", attributes)
    ET.indent(opml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(opml, encoding="unicode") + "\n"
