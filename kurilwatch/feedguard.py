"""What a hostile feed document cannot do to the parser: crash it, hang it, or blow it up.

`parse.parse_feed` runs every document through here first. The repairs make documents that
crash feedparser readable (an impossible character reference, a garbled encoding name, a
windows-1251 body labelled UTF-8); the checks refuse what would take unbounded memory
(entities that expand past a limit); the deadline bounds the time of one document.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Iterator

from kurilwatch.errors import FeedError

MAX_EXPANSION = 10_000_000  # characters that a document's own entities may expand to


class ParseTimeout(BaseException):
    """A feed took longer than its deadline (the argument, in seconds) to parse.

    A BaseException: feedparser catches every Exception its strict parser raises and
    starts again with its lenient one.
    """


# --- the deadline --------------------------------------------------------------------------

_local = threading.local()  # feeds are parsed in several threads at once when not in workers


@contextlib.contextmanager
def parse_deadline(seconds: float) -> Iterator[None]:
    """Raise ParseTimeout in the code inside once `seconds` have passed.

    In a process's main thread (the worker processes parse there) a timer signal interrupts
    any Python code, feedparser's included. In other threads, where signals cannot be
    delivered, `check_deadline` is called between entries and between HTML fragments.
    """
    outer = getattr(_local, "deadline", None)
    end = time.monotonic() + seconds
    if outer is None or end < outer[0]:
        _local.deadline = (end, seconds)
    armed = _arm_timer(seconds) if outer is None else False
    try:
        yield
    finally:
        if armed:
            _disarm_timer()
        _local.deadline = outer


def check_deadline() -> None:
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline[0]:
        raise ParseTimeout(deadline[1])


def timed_out(exc: ParseTimeout) -> str:
    return f"parsing took longer than {exc.args[0]:g}s"


_timer: dict = {"armed": False, "seconds": 0.0}


def _on_timer(signum: int, frame: object) -> None:
    if _timer["armed"]:  # a signal that arrives after the parse ended is ignored
        _timer["armed"] = False
        raise ParseTimeout(_timer["seconds"])


def _arm_timer(seconds: float) -> bool:
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        return False
    if signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0):
        return False  # someone else's timer: leave it alone, rely on the checks
    handler = signal.getsignal(signal.SIGALRM)
    if handler is not _on_timer:
        if handler not in (signal.SIG_DFL, None):
            return False
        # Installed once and left: a late signal then meets this handler, never the default
        # one (which ends the process).
        signal.signal(signal.SIGALRM, _on_timer)
    _timer["armed"], _timer["seconds"] = True, seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)
    return True


def _disarm_timer() -> None:
    _timer["armed"] = False
    signal.setitimer(signal.ITIMER_REAL, 0)


# --- repairs -------------------------------------------------------------------------------

# Character references long enough to be outside Unicode or in the surrogate range; the
# callback decides. feedparser's lenient parser raises on them (chr() of a surrogate, of a
# number past 0x10FFFF, of a 30-digit number).
_LONG_REFERENCE = re.compile(rb"&#(?:[xX]0*([0-9A-Fa-f]{4,})|0*([0-9]{5,}));")
_DECLARATION = re.compile(rb"^(\xef\xbb\xbf)?(\s*<\?xml\b[^>]{0,200}?)\s+encoding\s*=\s*([\"'])")
_ENCODING_NAME = re.compile(rb"[A-Za-z][A-Za-z0-9._:-]{0,39}")


def repaired(content: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str], list[str]]:
    """The document with what crashes parsers replaced, its headers, and what was done."""
    notes: list[str] = []
    if b"&#" in content:
        content = _LONG_REFERENCE.sub(_valid_reference, content)
    content = _without_bad_encoding_name(content, notes)
    _refuse_entity_bombs(content)
    content, headers = _cyrillic_labelled_utf8(content, headers, notes)
    return content, headers, notes


def _valid_reference(match: re.Match[bytes]) -> bytes:
    hex_digits, digits = match.groups()
    number = int(hex_digits, 16) if hex_digits else int(digits)
    if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return b"&#xFFFD;"  # the replacement character, as a decoder would give
    return match.group(0)


def _without_bad_encoding_name(content: bytes, notes: list[str]) -> bytes:
    """Drop an XML declaration's encoding when it is no encoding name (a NUL, a stray byte)."""
    match = _DECLARATION.match(content[:512])
    if match is None:
        return content
    quote = match.group(3)
    end = content.find(quote, match.end(), match.end() + 200)
    if end < 0:
        return content
    name = content[match.end() : end]
    if _ENCODING_NAME.fullmatch(name):
        return content
    notes.append("the XML declaration's encoding name is garbled; it was ignored")
    return content[: match.end(2)] + content[end + 1 :]


_ENTITY_DECLARATION = re.compile(r"<!ENTITY\s+([^\s%\"'<>]+)\s+(\"[^\"]*\"|'[^']*')")
_REFERENCE = re.compile(r"&([A-Za-z_][\w.:-]*);")


def _refuse_entity_bombs(content: bytes) -> None:
    """FeedError when the document's own entities would expand past MAX_EXPANSION.

    The XML parser stops the exponential "billion laughs", but not a few hundred characters
    referenced three million times (900 MB from a 9 MB document), and a UTF-16 body counts
    double against its limit.
    """
    if b"ENTITY" not in content and "ENTITY".encode("utf-16-le") not in content:
        return
    text = _as_text(content)
    if text is None:
        return
    declared = {name: value[1:-1] for name, value in _ENTITY_DECLARATION.findall(text)}
    if not declared:
        return
    sizes: dict[str, int] = {}

    def size(name: str, depth: int = 0) -> int:
        if name in sizes:
            return sizes[name]
        if depth > 20:  # a cycle, or nesting no feed needs
            return MAX_EXPANSION + 1
        sizes[name] = MAX_EXPANSION + 1  # a cycle meets this while it is being worked out
        value = declared[name]
        total = len(value)
        for reference in _REFERENCE.findall(value):
            if reference in declared:
                total += size(reference, depth + 1)
        sizes[name] = min(total, MAX_EXPANSION + 1)
        return sizes[name]

    body = text[text.find("]>") + 2 :] if "]>" in text else text
    total = 0
    for name in declared:
        count = body.count(f"&{name};")
        if count:
            total += count * size(name)
            if total > MAX_EXPANSION:
                raise FeedError(
                    f"its entities expand to more than {MAX_EXPANSION // 1_000_000} million "
                    "characters"
                )


def _as_text(content: bytes) -> str | None:
    """The document as text, well enough to read its declarations: UTF-16 or ASCII-based."""
    if content[:2] in (b"\xff\xfe", b"\xfe\xff") or content[1:2] == b"\x00":
        encoding = "utf-16" if content[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le"
        return content.decode(encoding, "replace")
    if content[:1] == b"\x00":
        return content.decode("utf-16-be", "replace")
    return content.decode("latin-1")


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_UTF8_NAMES = {"utf-8", "utf8"}


def _cyrillic_labelled_utf8(
    content: bytes, headers: dict[str, str], notes: list[str]
) -> tuple[bytes, dict[str, str]]:
    """A body labelled (or defaulting to) UTF-8 that is not UTF-8 but windows-1251 Russian.

    Read as UTF-8, such a feed comes out as windows-1252 mojibake ("Êóðèëû"); Russian
    sites still serve windows-1251 behind a wrong label. Only the label is changed.
    """
    declared = _declared_encoding(content, headers)
    if declared is not None and declared not in _UTF8_NAMES:
        return content, headers
    if content[:3] == b"\xef\xbb\xbf" or content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return content, headers
    if content.isascii():
        return content, headers
    try:
        content.decode("utf-8")
        return content, headers
    except UnicodeDecodeError:
        pass
    label = f"is labelled {declared.upper()}" if declared else "names no encoding (so UTF-8)"
    if not _looks_like_cyrillic_1251(content):
        notes.append(f"the feed {label} but is not valid UTF-8")
        return content, headers
    notes.append(f"the feed {label} but is written in windows-1251; read as windows-1251")
    match = _DECLARATION.match(content[:512])
    if match is not None:
        quote = match.group(3)
        end = content.find(quote, match.end(), match.end() + 200)
        if end > 0:
            content = content[: match.end()] + b"windows-1251" + content[end:]
    content_type = headers.get("content-type", "application/xml")
    media_type = content_type.split(";")[0].strip() or "application/xml"
    return content, {**headers, "content-type": f"{media_type}; charset=windows-1251"}


def _declared_encoding(content: bytes, headers: dict[str, str]) -> str | None:
    charset = _CHARSET.search(headers.get("content-type", ""))
    if charset:
        return charset.group(1).lower()
    match = _DECLARATION.match(content[:512])
    if match is not None:
        quote = match.group(3)
        end = content.find(quote, match.end(), match.end() + 200)
        if end > 0:
            return content[match.end() : end].decode("latin-1").lower()
    return None


def _looks_like_cyrillic_1251(content: bytes) -> bool:
    """Most letters are windows-1251 Cyrillic (bytes 0xC0-0xFF, and Ё/ё), as in Russian text.

    Western windows-1252 text also uses those bytes, for its accented letters: a few in
    every hundred letters, where Russian text has more Cyrillic letters than Latin ones
    outside its markup.
    """
    sample = content[:200_000]
    cyrillic = len(sample.translate(None, _NOT_CYRILLIC))
    latin = len(sample.translate(None, _NOT_LATIN))
    return cyrillic > 0.25 * (cyrillic + latin)


_CYRILLIC_1251 = {*range(0xC0, 0x100), 0xA8, 0xB8}
_LATIN = {*range(0x41, 0x5B), *range(0x61, 0x7B)}
_NOT_CYRILLIC = bytes(b for b in range(256) if b not in _CYRILLIC_1251)
_NOT_LATIN = bytes(b for b in range(256) if b not in _LATIN)
