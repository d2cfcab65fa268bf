"""Digests of what has not been sent yet: choosing the items, and rendering them.

Delivery semantics: an item is marked sent for a list of recipients only after the SMTP
server accepted the message (see `mail.deliver`). A crash between the two sends it again
next time: a rare duplicate is preferred over a lost item.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from kurilwatch.developments import Story, news
from kurilwatch.store import Store, iso


@dataclass
class Digest:
    stories: list[Story]
    item_ids: list[int]
    waiting: int  # items not included because of the cap; they stay pending
    created: datetime

    @property
    def count(self) -> int:
        return len(self.item_ids)


def recipients_key(recipients: list[str] | tuple[str, ...]) -> str:
    """One key per set of recipients: what was sent to a@x and b@y is tracked together."""
    return ",".join(sorted({r.strip().lower() for r in recipients}))


def pending(store: Store, key: str, cap: int, now: datetime) -> Digest:
    """The newest `cap` items not yet sent to these recipients."""
    ids, total = store.unsent(key, cap)
    return _digest(store, ids, total - len(ids), now)


def window(store: Store, since: datetime, cap: int, now: datetime) -> Digest:
    """Every item since then, sent or not (a manual re-send)."""
    items = store.list_items(since=since, limit=None)
    ids = [item["id"] for item in items[:cap]]
    return _digest(store, ids, len(items) - len(ids), now)


def _digest(store: Store, ids: list[int], waiting: int, now: datetime) -> Digest:
    items = [store.get_item(item_id) for item_id in ids]
    return Digest(news(store, [i for i in items if i]), ids, waiting, now)


def mark_sent(store: Store, key: str, item_ids: list[int], at: datetime) -> None:
    with store.transaction():
        store.conn.executemany(
            "INSERT OR IGNORE INTO sent (recipients, item_id, sent_at) VALUES (?, ?, ?)",
            [(key, item_id, iso(at)) for item_id in item_ids],
        )


def subject(digest: Digest) -> str:
    if not digest.count:
        return "kurilwatch: all quiet on the Kuril Islands"
    noun = "item" if digest.count == 1 else "items"
    return f"kurilwatch: {digest.count} new {noun} on the Kuril Islands"


def _story_lines(story: Story) -> tuple[str, str, list[tuple[str, list[str]]]]:
    """(date, sources, [(url, new sentences)]) of a story, background left out."""
    first = story.items[0].item
    date = (first["published"] or first["first_seen"] or "").replace("T", " ")[:16] + " UTC"
    parts = []
    for news_item in story.items:
        sentences = news_item.new or [s.text for s in news_item.sentences[:2]]
        parts.append((news_item.item["url"] or "", sentences))
    return date, ", ".join(story.sources), parts


def _footer(digest: Digest) -> str:
    if digest.waiting:
        return (
            f"{digest.waiting} more item{'s' * (digest.waiting != 1)} waiting: they will come "
            "in the next digest."
        )
    return ""


def render_text(digest: Digest) -> str:
    lines = [subject(digest), ""]
    if not digest.count:
        lines.append("Nothing new about the Kuril Islands since the last digest.")
    for story in digest.stories:
        date, sources, parts = _story_lines(story)
        lines.append(f"* {story.title or '(no title)'}")
        lines.append(f"  {date} | {sources}")
        for url, sentences in parts:
            if url:
                lines.append(f"  {url}")
            lines.extend(f"  - {sentence}" for sentence in sentences)
        lines.append("")
    if footer := _footer(digest):
        lines.append(footer)
    return "\n".join(lines).rstrip() + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~-])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_markdown(digest: Digest) -> str:
    lines = [f"# {_md(subject(digest))}", ""]
    if not digest.count:
        lines.append("Nothing new about the Kuril Islands since the last digest.")
    for story in digest.stories:
        date, sources, parts = _story_lines(story)
        lines.append(f"## {_md(story.title or '(no title)')}")
        lines.append(f"*{_md(date)} · {_md(sources)}*")
        lines.append("")
        for url, sentences in parts:
            if url:
                lines.append(f"<{url.replace('>', '%3E')}>")
                lines.append("")
            lines.extend(f"- {_md(sentence)}" for sentence in sentences)
        lines.append("")
    if footer := _footer(digest):
        lines.append(f"_{_md(footer)}_")
    return "\n".join(lines).rstrip() + "\n"


def render_html(digest: Digest) -> str:
    """A small, self-contained HTML page; everything from feeds is escaped."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{e(subject(digest))}</title></head>",
        '<body style="font-family: sans-serif; max-width: 42em">',
        f"<h1>{e(subject(digest))}</h1>",
    ]
    if not digest.count:
        out.append("<p>Nothing new about the Kuril Islands since the last digest.</p>")
    for story in digest.stories:
        date, sources, parts = _story_lines(story)
        out.append(f"<h2>{e(story.title or '(no title)')}</h2>")
        out.append(f'<p style="color: #666">{e(date)} · {e(sources)}</p>')
        for url, sentences in parts:
            if url.startswith(("http://", "https://")):
                out.append(f'<p><a href="{e(url, quote=True)}">{e(url)}</a></p>')
            out.append("<ul>" + "".join(f"<li>{e(s)}</li>" for s in sentences) + "</ul>")
    if footer := _footer(digest):
        out.append(f"<p><em>{e(footer)}</em></p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "html": render_html}


def build_message(digest: Digest, sender: str, to: list[str]) -> EmailMessage:
    """Plain text with an HTML alternative, UTF-8, with Date and Message-ID."""
    message = EmailMessage()
    message["Subject"] = subject(digest)  # built from a count, never from feed text
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(digest.created)
    message["Message-ID"] = make_msgid("kurilwatch", domain=sender.rpartition("@")[2])
    message.set_content(render_text(digest), charset="utf-8")
    message.add_alternative(render_html(digest), subtype="html", charset="utf-8")
    return message
