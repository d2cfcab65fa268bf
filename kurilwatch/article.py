"""An article page's main text, extracted with trafilatura, without the page's furniture.

`extract_article` runs in a worker process: it is CPU-bound (lxml and trafilatura's
heuristics, 3-10 ms a page). It returns the text or says why there is none (a paywall, a
consent gate, a bot check, a page that is no article), so the caller keeps the feed's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kurilwatch.parse import clean_text


@dataclass(frozen=True)
class Extraction:
    text: str | None  # the article's paragraphs, one a line; None when there is none
    problem: str | None = None  # why there is no text: "paywall", "consent gate", ...


# Furniture that trafilatura can leave in, each a line of its own: a byline (a name after
# "By" or "Автор:", no sentence), a copyright or rights notice, a share prompt or an
# advertisement label alone, a "read also" pointer with its headline. Narrow on purpose:
# "Share prices fell" and "By 2028 the plant..." are sentences, and stay.
_NAME = r"[A-ZА-ЯЁ][\w'’.-]*"
_FURNITURE = re.compile(
    rf"^(?:(?:By|BY|Автор:?|Текст:?|Author:?)\s+{_NAME}(?:[ ,]+(?:{_NAME}|and|и))*"
    r"|.{0,80}(?i:©|\(c\)\s*\d{4}|copyright\s*(?:©|\d{4})|all rights reserved"
    r"|все права защищены|無断転載|転載を禁|許可なく転載).{0,160}"
    r"|(?i:share|поделиться|シェア|ツイート|advertisement|реклама|pr|広告)[\s:|]*"
    r"|(?i:read (?:also|more)|see also|читайте также|関連記事|関連ニュース)\b.{0,100})$",
)
# A dateline on a line of its own ("TOKYO, December 1. /TASS/."): it belongs to the first
# paragraph, as in the feed's text, where the sentence splitter knows what to do with it.
_LONE_DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]+,[^/\n]{0,30}/\s*[^/\n]{2,20}/\s*\.?$")
_DATELINE_BEFORE = re.compile(
    r"(?:^|\s)([A-ZА-ЯЁ][A-ZА-ЯЁ .'-]+,[^/\n]{0,30}/\s*[^/\n]{2,20}/\s*\.?)\s*$"
)

# Pages that stand in for the article. Recognised by what they say, in the three languages.
_BOT_CHECK = re.compile(
    r"just a moment\.\.\.|attention required|checking (?:if the site connection is secure|your"
    r" browser)|enable javascript and cookies to continue|ddos-guard|verify you are (?:a )?human"
    r"|are you a robot|captcha|проверка браузера|вы не робот",
    re.IGNORECASE,
)
_CONSENT = re.compile(
    r"cookies?|consent|accept all|reject all|privacy settings|our partners|согласи|файлы cookie"
    r"|クッキー|同意",
    re.IGNORECASE,
)
_PAYWALL = re.compile(
    r"subscribers? only|subscribe (?:now )?to (?:continue|read)|to continue reading"
    r"|already a subscriber|premium content|только для подписчиков|доступно по подписке"
    r"|оформите подписку|有料会員|会員限定|続きを読むには",
    re.IGNORECASE,
)
_MIN_CHARS = 200  # an article shorter than this is a teaser, a caption or nothing


def extract_article(
    content: bytes, url: str | None = None, content_type: str | None = None
) -> Extraction:
    """The main text of an article page, or the reason there is none.

    `content_type` is the response's header, whose charset wins over the page's own.
    """
    from selectolax.lexbor import LexborHTMLParser

    if b"\x00" in content[:4096]:  # an image, a PDF, a compressed file: no web page
        return Extraction(None, "no article text")
    tree = LexborHTMLParser(_decoded(content, content_type))
    # Navigation, sidebars and footers are never the article, and on a news site they are
    # most of the page's elements: without them trafilatura takes 9 ms a page, not 75.
    tree.strip_tags(_NOT_ARTICLE)
    html = tree.html or ""
    raw = _trafilatura_text(html, url, fast=True)
    if len(raw) < _MIN_CHARS:
        # Too little from the main extractor alone: with its readability and jusText
        # fallbacks compared too (a third more time, so only when it is needed).
        raw = _trafilatura_text(html, url, fast=False)
    # The headline is the item's title already: not a line of its text.
    headlines = _headlines(tree)
    lines = [line for line in _article_lines(raw) if line.casefold() not in headlines]
    lines = _in_page_order(lines, tree)
    text = "\n".join(lines)
    if len(text) < 3 * _MIN_CHARS:  # short: perhaps a page that stands in for the article
        problem = _stand_in(tree)
        if problem is not None:
            return Extraction(None, problem)
    if lines and sum(bool(_CONSENT.search(line)) for line in lines) * 2 >= len(lines):
        return Extraction(None, "consent gate")
    prose = [line for line in lines if not line.startswith("- ") and len(line) >= 60]
    if len(text) < _MIN_CHARS or sum(map(len, prose)) < len(text) / 2:
        return Extraction(None, "no article text")
    description, title = _head_fields(tree)
    if _is_standfirst(description, title, text):
        text = f"{description}\n{text}"
    return Extraction(text)


_NOT_ARTICLE = ["script", "style", "noscript", "template", "svg", "iframe", "nav", "aside"]
_NOT_ARTICLE += ["footer"]
_PAYWALL_MARKUP = '[class*="paywall"], [id*="paywall"], [class*="piano"], [id*="piano"]'


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _decoded(content: bytes, content_type: str | None) -> str:
    """The page as text: the header's charset, else the page's <meta>, else a guess."""
    import codecs

    from trafilatura.utils import decode_file

    declared = None
    if content_type and "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    else:
        meta = _META_CHARSET.search(content[:4096])
        declared = meta.group(1).decode("ascii", "replace") if meta else None
    if declared:
        try:
            return content.decode(codecs.lookup(declared).name, "replace")
        except LookupError:
            pass
    return decode_file(content)


def _trafilatura_text(html: str, url: str | None, fast: bool) -> str:
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        # favor_precision: on the project's pages it keeps every article word and drops the
        # "related news" and teaser lists that the default mode sometimes took for text.
        favor_precision=True,
        fast=fast,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        # Not the metadata: its date search loads every dateparser locale (20 s for a
        # Japanese page); the standfirst is all that is wanted of it, read below.
        with_metadata=False,
    )
    return getattr(document, "text", None) or ""


def _stand_in(tree) -> str | None:
    """What a page with little text is instead of the article: a bot check or a paywall."""
    visible = clean_text(tree.root.text(separator=" ")) if tree.root is not None else ""
    if _BOT_CHECK.search(visible):
        return "bot check"
    if _PAYWALL.search(visible) or tree.css_first(_PAYWALL_MARKUP) is not None:
        return "paywall"
    return None


def _in_page_order(lines: list[str], tree) -> list[str]:
    """The lines in the order the page has them.

    trafilatura takes the blocks it trusts first and adds the others after, so a lead kept
    outside the article's body (a broadcaster's summary paragraph) can come out last.
    """
    body = tree.body
    if body is None or len(lines) < 2:
        return lines
    page = clean_text(body.text(separator=" "))
    positions, last = [], -1
    for line in lines:
        found = page.find(line[:60])
        last = found if found >= 0 else last  # not found: stays after the line before it
        positions.append(last)
    order = sorted(range(len(lines)), key=lambda i: (positions[i], i))
    lines = [lines[i] for i in order]
    # A dateline in an element of its own, which trafilatura drops as too short: put back
    # at the head of the first paragraph, where the feed's text has it.
    start = page.find(lines[0][:60])
    dateline = _DATELINE_BEFORE.search(page[max(0, start - 80) : start]) if start > 0 else None
    if dateline is not None and not _LONE_DATELINE.match(lines[0][: dateline.end()]):
        lines[0] = f"{dateline.group(1)} {lines[0]}"
    return lines


def _headlines(tree) -> set[str]:
    """The page's headline as its <h1> and its og:title give it, case-folded."""
    found = {clean_text(node.text()) for node in tree.css("h1")}
    node = tree.css_first('meta[property="og:title"]')
    if node is not None:
        found.add(clean_text(node.attributes.get("content") or ""))
    return {h.casefold() for h in found if h}


def _head_fields(tree) -> tuple[str, str]:
    """The page's description and title, from its <meta> tags."""
    fields = []
    for names in (("og:description", "description"), ("og:title", "title")):
        value = ""
        for name in names:
            node = tree.css_first(f'meta[property="{name}"], meta[name="{name}"]')
            if node is not None and node.attributes.get("content"):
                value = node.attributes["content"] or ""
                break
        fields.append(clean_text(value))
    return fields[0], fields[1]


def _article_lines(raw: str) -> list[str]:
    """trafilatura's lines, cleaned, without furniture, a lone dateline joined to its text."""
    lines: list[str] = []
    for line in clean_text(raw, multiline=True).split("\n"):
        if len(line) < 240 and _FURNITURE.match(line):
            continue
        if lines and _LONE_DATELINE.match(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
            continue
        lines.append(line)
    return lines


def _is_standfirst(description: str, title: str, text: str) -> bool:
    """A page description that is the article's standfirst, not a copy of its opening.

    Agencies put a one-sentence standfirst under the headline, outside the body that
    trafilatura keeps; the page's description usually holds it. A description that repeats
    the title or the first paragraph (often cut off with an ellipsis) adds nothing.
    """
    if not description or len(description) > 400 or description == title:
        return False
    start = description.rstrip(".…").strip()[:80]
    return bool(start) and start not in text


_TOKEN = re.compile(r"\w+")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def word_scores(extracted: str, expected: str) -> tuple[float, float]:
    """Word-level precision and recall of an extraction against the text it should give.

    Words are counted with repeats; Japanese, written without spaces, counts by character.
    """
    from collections import Counter

    def words(text: str) -> Counter[str]:
        counted: Counter[str] = Counter()
        for word in _TOKEN.findall(text.lower()):
            counted.update(word if _CJK_CHAR.search(word) else [word])
        return counted

    got, want = words(extracted), words(expected)
    common = sum((got & want).values())
    return common / max(1, got.total()), common / max(1, want.total())
