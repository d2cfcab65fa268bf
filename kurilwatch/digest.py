"""Digests of what has not been sent yet: choosing the items, and rendering them.

Delivery semantics: an item is marked sent for a list of recipients only after the SMTP
server accepted the message (see `mail.deliver`). A crash between the two sends it again
next time: a rare duplicate is preferred over a lost item.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from kurilwatch.config import address_spec
from kurilwatch.developments import (
    Republication,
    Story,
    Update,
    news_and_republications,
    update_of,
)
from kurilwatch.plain import shortened
from kurilwatch.store import Store, iso

if TYPE_CHECKING:
    from kurilwatch.config import EmailConfig


@dataclass
class Digest:
    stories: list[Story]
    waiting: int  # items not included because of the cap; they stay pending
    created: datetime
    updates: list[Update] = field(default_factory=list)
    republications: list[Republication] = field(default_factory=list)
    # Every item it covers, and the revision it covers: what sending it marks sent.
    revisions: dict[int, int] = field(default_factory=dict)
    since: datetime | None = None  # a re-send of everything since then

    @property
    def count(self) -> int:
        """What is news in it: new items and updates (republications are not)."""
        return sum(len(story.items) for story in self.stories) + len(self.updates)


def recipients_key(recipients: list[str] | tuple[str, ...]) -> str:
    """One key per set of recipients: what was sent to a@x and b@y is tracked together.

    By bare address: giving a recipient a display name does not make it a new list.
    """
    return ",".join(sorted({address_spec(r.strip()).lower() for r in recipients}))


def pending(store: Store, key: str, cap: int, now: datetime) -> Digest:
    """The newest `cap` items not yet sent to these recipients, then updates of those sent."""
    ids, total = store.unsent(key, cap)
    digest = _digest(store, ids, total - len(ids), now)
    room = cap - len(ids)
    for item_id, sent_revision in store.sent_updates(key):
        item = store.get_item(item_id)
        if item is None:
            continue
        update = update_of(store, item, sent_revision)
        if update is not None and len(digest.updates) >= room:
            digest.waiting += 1  # no room: it waits, unmarked
            continue
        if update is not None:
            digest.updates.append(update)
        # A change of wording only is marked sent with the rest: it is not news.
        digest.revisions[item_id] = item["revision"]
    return digest


def window(store: Store, since: datetime, cap: int, now: datetime) -> Digest:
    """Every item since then, sent or not (a manual re-send)."""
    items = store.list_items(since=since, limit=None)
    ids = [item["id"] for item in items[:cap]]
    digest = _digest(store, ids, len(items) - len(ids), now)
    digest.since = since
    return digest


def _digest(store: Store, ids: list[int], waiting: int, now: datetime) -> Digest:
    items = [item for item in map(store.get_item, ids) if item]
    stories, republications = news_and_republications(store, items)
    revisions = {item["id"]: item["revision"] for item in items}
    return Digest(stories, waiting, now, [], republications, revisions)


def build(store: Store, key: str, cap: int, since: datetime | None, now: datetime) -> Digest:
    """With `since`: everything in the window, sent or not; else what is still pending."""
    if since is not None:
        return window(store, since, cap, now)
    return pending(store, key, cap, now)


def mark_sent(store: Store, key: str, revisions: dict[int, int], at: datetime) -> None:
    """Remember that these items were sent at these revisions."""
    store.mark_sent(key, revisions, at)


@dataclass
class Sent:
    """A digest delivered (or the "all quiet" note), and whether marking it had to wait."""

    digest: Digest
    waiting_mark: str | None = None  # why it is not marked sent yet: the next run marks it


def send(
    store: Store,
    email: EmailConfig,
    recipients: list[str],
    *,
    since: datetime | None,
    always: bool,
    now: Callable[[], datetime],
    password: str | None,
) -> Sent | None:
    """Lock, build, deliver, mark: what was sent (the digest or the "all quiet" note), else
    None when there was nothing to send.

    The lock beside the database keeps two overlapping runs from both sending. A journal
    beside it records what the server accepted, so items are marked sent now or, if the
    database cannot be written, by the next run: never sent twice, never lost. A re-send
    (`since`) marks nothing.
    """
    from kurilwatch.errors import KurilwatchError
    from kurilwatch.mail import SendJournal, deliver, mark_accepted, sending_lock

    key = recipients_key(recipients)
    with sending_lock(store.path):
        journal = SendJournal(store.path)
        waiting = mark_accepted(store, journal, now())  # the last run's, if it could not
        if waiting is not None:
            raise KurilwatchError(
                f"the last digest was delivered but cannot be marked sent yet ({waiting}); "
                "nothing more is sent until it is"
            )
        built = build(store, key, email.max_items, since, now())
        if not built.count and not always:
            return None
        assert email.sender is not None  # checked with the recipients
        message = build_message(built, email.sender, recipients, email.subject)
        journal.begin(key, built.revisions if since is None else {})
        try:
            deliver(message, email, password, journal.accepted)
        except KurilwatchError:
            journal.clear()
            raise
        # The server accepted it, and the journal says so: marked now, or by the next run.
        waiting = mark_accepted(store, journal, now())
    return Sent(built, waiting)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def summary(digest: Digest) -> str:
    """What the digest holds, in words built from counts only (never feed text)."""
    if not digest.count:
        return "all quiet on the Kuril Islands"
    if digest.since is not None:
        since = iso(digest.since).replace("T", " ")[:16]
        return f"{_count(digest.count, 'item')} on the Kuril Islands since {since} UTC"
    news_items = digest.count - len(digest.updates)
    parts = [_count(news_items, "new item")] if news_items else []
    if digest.updates:
        parts.append(_count(len(digest.updates), "update"))
    return f"{' and '.join(parts)} on the Kuril Islands"


DEFAULT_SUBJECT = "kurilwatch: {summary}"


def subject(digest: Digest, template: str = DEFAULT_SUBJECT) -> str:
    """The subject from a template of config.SUBJECT_FIELDS (checked when the config loads)."""
    return template.format(
        summary=summary(digest),
        count=digest.count,
        new=digest.count - len(digest.updates),
        updates=len(digest.updates),
        date=digest.created.strftime("%Y-%m-%d"),
    )


@dataclass(frozen=True)
class _Part:
    """One item of a story as a digest shows it."""

    title: str
    sources: str
    url: str  # the canonical URL: no tracking parameters
    sentences: list[str]
    lang: str | None = None


def link_of(item: dict) -> str:
    """An item's link as a digest gives it: its canonical URL (tracking parameters gone)."""
    return item.get("canonical_url") or item["url"] or ""


def _date(item: dict) -> str:
    return (item["published"] or item["first_seen"] or "").replace("T", " ")[:16] + " UTC"


def _story_lines(story: Story) -> tuple[str, str, list[_Part]]:
    """(date, sources, parts) of a story, background left out."""
    parts = []
    for news_item in story.items:
        item = news_item.item
        sentences = news_item.new or [s.text for s in news_item.sentences[:2]]
        title = item["title"] or "(no title)"
        sources = ", ".join(item["sources"])
        parts.append(_Part(title, sources, link_of(item), sentences, item.get("lang")))
    return _date(story.items[0].item), story.sources_line, parts


@dataclass(frozen=True)
class _Changed:
    """An update as a digest shows it."""

    title: str
    meta: list[str]  # date, sources, "revision 1 → 2"
    url: str
    title_was: str | None
    added: list[str]
    removed: list[str]  # shortened
    lang: str | None = None


def _update_lines(update: Update) -> _Changed:
    item = update.item
    meta = [_date(item), ", ".join(item["sources"])]
    meta.append(f"revision {update.old_revision} → {update.new_revision}")
    removed = [shortened(sentence) for sentence in update.removed]
    title = item["title"] or "(no title)"
    return _Changed(
        title, meta, link_of(item), update.old_title, update.added, removed, item.get("lang")
    )


def _footer(digest: Digest) -> str:
    if not digest.waiting:
        return ""
    if digest.since is not None:
        return f"{_count(digest.waiting, 'more item')} since then not included (email.max_items)."
    if digest.waiting == 1:
        return "1 more item waiting: it will come in the next digest."
    return f"{digest.waiting} more items waiting: they will come in the next digest."


def _republication_line(republication: Republication) -> tuple[str, str, str]:
    """(title, sources, first copy's URL) of a republication."""
    item, original = republication.item, republication.original
    return item["title"] or "(no title)", ", ".join(item["sources"]), link_of(original)


REPUBLISHED = "Republished, nothing new:"


def story_text(story: Story) -> list[str]:
    """A story as the text digest shows it: its title line, then its details indented."""
    date, sources, parts = _story_lines(story)
    lines = [f"* {story.title or '(no title)'}", f"  {date} | {sources}"]
    for part in parts:
        if part is not parts[0]:
            lines.append(f"  also: {part.title} ({part.sources})")
        if part.url:
            lines.append(f"  {part.url}")
        lines.extend(f"  - {sentence}" for sentence in part.sentences)
    return lines


def update_text(update: Update) -> list[str]:
    """An update as the text digest shows it."""
    changed = _update_lines(update)
    lines = [f"* Updated: {changed.title}", "  " + " | ".join(changed.meta)]
    if changed.url:
        lines.append(f"  {changed.url}")
    if changed.title_was is not None:
        lines.append(f"  title was: {changed.title_was}")
    lines.extend(f"  + {sentence}" for sentence in changed.added)
    lines.extend(f"  - removed: {sentence}" for sentence in changed.removed)
    return lines


def render_text(digest: Digest) -> str:
    lines = [subject(digest), ""]
    if not digest.count:
        lines.append("Nothing new about the Kuril Islands since the last digest.")
    for story in digest.stories:
        lines.extend([*story_text(story), ""])
    for update in digest.updates:
        lines.extend([*update_text(update), ""])
    if digest.republications:
        lines.append(REPUBLISHED)
        for republication in digest.republications:
            title, sources, url = _republication_line(republication)
            lines.append(f"  {title} ({sources}), first copy: {url or '(no link)'}")
        lines.append("")
    if footer := _footer(digest):
        lines.append(footer)
    return "\n".join(lines).rstrip() + "\n"


# Markdown needs these escaped wherever they stand; a date's or a name's hyphens it does not.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>~])|&(?=#?\w+;)")
# ... and these only where a line starts: a heading, a quote, a list item, a rule.
_MD_LINE_START = re.compile(r"^([#>+-]|\d+(?=[.)]))|^(=)(?=[= ]*$)")


def _md(text: str) -> str:
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(0), text)
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(0) if m.group(2) else _md_start(m), text)


def _md_start(match: re.Match[str]) -> str:
    start = match.group(1)
    if start.isdigit():
        return start + "\\"  # "1." a numbered item: the escape goes on the dot
    return "\\" + start


def render_markdown(digest: Digest) -> str:
    lines = [f"# {_md(subject(digest))}", ""]
    if not digest.count:
        lines.append("Nothing new about the Kuril Islands since the last digest.")
    for story in digest.stories:
        date, sources, parts = _story_lines(story)
        lines.append(f"## {_md(story.title or '(no title)')}")
        lines.append(f"*{_md(date)} · {_md(sources)}*")
        lines.append("")
        for part in parts:
            if part is not parts[0]:
                lines.append(f"Also: **{_md(part.title)}** · {_md(part.sources)}")
                lines.append("")
            if part.url:
                lines.append(f"<{part.url.replace('>', '%3E')}>")
                lines.append("")
            lines.extend(f"- {_md(sentence)}" for sentence in part.sentences)
            lines.append("")
    for update in map(_update_lines, digest.updates):
        lines.append(f"## Updated: {_md(update.title)}")
        lines.extend([f"*{' · '.join(map(_md, update.meta))}*", ""])
        if update.url:
            lines.extend([f"<{update.url.replace('>', '%3E')}>", ""])
        if update.title_was is not None:
            lines.extend([f"Title was: {_md(update.title_was)}", ""])
        lines.extend(f"- Added: {_md(sentence)}" for sentence in update.added)
        lines.extend(f"- Removed: {_md(sentence)}" for sentence in update.removed)
        lines.append("")
    if digest.republications:
        lines.extend([f"## {REPUBLISHED}", ""])
        for republication in digest.republications:
            title, sources, url = _republication_line(republication)
            link = f"<{url.replace('>', '%3E')}>" if url else "(no link)"
            lines.append(f"- {_md(title)} · {_md(sources)} · first copy: {link}")
        lines.append("")
    if footer := _footer(digest):
        lines.append(f"_{_md(footer)}_")
    return "\n".join(lines).rstrip() + "\n"


_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _lang(lang: str | None) -> str:
    """A lang attribute for feed text in its own language (screen readers, fonts, hyphens)."""
    return f' lang="{lang}"' if lang and _LANG.match(lang) else ""


def render_html(digest: Digest) -> str:
    """A small, self-contained HTML page; everything from feeds is escaped."""
    e = html.escape

    def link(url: str, text: str | None = None) -> str:
        if url.startswith(("http://", "https://")):
            return f'<a href="{e(url, quote=True)}">{e(text or url)}</a>'
        return e(text or url)

    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(subject(digest))}</title></head>",
        '<body style="font-family: sans-serif; max-width: 42em">',
        f"<h1>{e(subject(digest))}</h1>",
    ]
    if not digest.count:
        out.append("<p>Nothing new about the Kuril Islands since the last digest.</p>")
    for story in digest.stories:
        date, sources, parts = _story_lines(story)
        first = parts[0]
        out.append(f"<h2{_lang(first.lang)}>{link(first.url, story.title or '(no title)')}</h2>")
        out.append(f'<p style="color: #666">{e(date)} · {e(sources)}</p>')
        for part in parts:
            if part is not first:
                title = link(part.url, part.title)
                out.append(
                    f"<p>Also: <strong{_lang(part.lang)}>{title}</strong> · {e(part.sources)}</p>"
                )
            sentences = "".join(f"<li>{e(s)}</li>" for s in part.sentences)
            out.append(f"<ul{_lang(part.lang)}>{sentences}</ul>")
    for update in map(_update_lines, digest.updates):
        lang = _lang(update.lang)
        out.append(f"<h2>Updated: <span{lang}>{link(update.url, update.title)}</span></h2>")
        out.append(f'<p style="color: #666">{" · ".join(map(e, update.meta))}</p>')
        if update.title_was is not None:
            out.append(f"<p>Title was: <span{lang}>{e(update.title_was)}</span></p>")
        added = "".join(f"<li>Added: <span{lang}>{e(s)}</span></li>" for s in update.added)
        removed = "".join(f"<li>Removed: <span{lang}>{e(s)}</span></li>" for s in update.removed)
        out.append(f"<ul>{added}{removed}</ul>")
    if digest.republications:
        out.append(f"<h2>{e(REPUBLISHED)}</h2><ul>")
        for republication in digest.republications:
            title, sources, url = _republication_line(republication)
            lang = _lang(republication.item.get("lang"))
            out.append(
                f"<li><span{lang}>{e(title)}</span> · {e(sources)} · {link(url, 'first copy')}</li>"
            )
        out.append("</ul>")
    if footer := _footer(digest):
        out.append(f"<p><em>{e(footer)}</em></p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "html": render_html}


def build_message(
    digest: Digest, sender: str, to: list[str], subject_template: str = DEFAULT_SUBJECT
) -> EmailMessage:
    """Plain text (wrapped) with an HTML alternative, UTF-8, marked as automatic mail."""
    domain = address_spec(sender).rpartition("@")[2]
    message = EmailMessage()
    message["Subject"] = subject(digest, subject_template)  # counts and dates, no feed text
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(digest.created)
    message["Message-ID"] = make_msgid("kurilwatch", domain=domain)
    # RFC 3834: vacation responders and the like do not answer it; RFC 2919: filters can.
    message["Auto-Submitted"] = "auto-generated"
    message["List-Id"] = f"kurilwatch digest <kurilwatch.{domain}>"
    message.set_content(wrapped(render_text(digest)), charset="utf-8")
    message.add_alternative(render_html(digest), subtype="html", charset="utf-8")
    return message


_BULLET = re.compile(r"^(\s*(?:[-+*] (?:removed: )?)?)")
MAIL_WIDTH = 72


def wrapped(text: str, width: int = MAIL_WIDTH) -> str:
    """Each line wrapped to `width` columns, continuation lines indented under its text.

    A line that is one word (a link) is never broken; Japanese and Chinese, written without
    spaces and twice as wide, are broken between characters at half the width.
    """
    import textwrap
    import unicodedata

    out = []
    for line in text.split("\n"):
        wide = sum(unicodedata.east_asian_width(c) in "WF" for c in line)
        if len(line) + wide <= width or (not wide and len(line.split()) <= 1):
            out.append(line)
            continue
        prefix = _BULLET.match(line).group(1)  # type: ignore[union-attr]
        out.extend(
            textwrap.wrap(
                line[len(prefix) :],
                width=width // 2 if wide > len(line) // 2 else width,
                initial_indent=prefix,
                subsequent_indent=" " * len(prefix),
                break_long_words=wide > 0,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)
