"""Rich tables and panels, JSON and CSV. Everything from feeds is shown literally."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kurilwatch.plain import (
    CONTROL,
    Cell,
    clean,
    item_cells,
    news_lines,
    search_cells,
    short_time,
    story_cells,
)

if TYPE_CHECKING:  # importing the matcher compiles its rules: not for `list`
    from kurilwatch.match import Hit, MatchResult

STATUS_STYLE = {"ok": "green", "not_modified": "cyan", "error": "bold red", "skipped": "yellow"}
STATUS_LABEL = {"ok": "ok", "not_modified": "not modified", "error": "error", "skipped": "skipped"}


class PlainConsole(Console):
    """Plain lines for a pipe: a table's title, then its rows tab-separated; text unwrapped.

    The views drawn for a person (tables, highlights) print through it unchanged when their
    output goes to a pipe or a file, so `grep` and `cut` see one record per line.
    """

    def __init__(self, file: IO[str] | None = None) -> None:
        super().__init__(
            file=file,
            force_terminal=False,
            color_system=None,
            no_color=True,
            soft_wrap=True,
            highlight=False,
            width=10_000,
        )
        self._tables = 0

    def print(self, *objects: object, **options: object) -> None:
        for thing in objects:
            if isinstance(thing, Table):
                self._print_table(thing)
            elif isinstance(thing, Text):
                self.file.write(thing.plain.rstrip() + "\n")
            else:
                super().print(thing, **options)  # type: ignore[arg-type]
        if not objects:
            self.file.write("\n")

    def _print_table(self, table: Table) -> None:
        if self._tables:
            self.file.write("\n")  # tables one after another stay apart
        self._tables += 1
        if table.title:
            self.file.write(_cell_text(table.title) + "\n")
        columns = [list(column.cells) for column in table.columns]
        for row in zip(*columns, strict=True):
            self.file.write("\t".join(_cell_text(cell) for cell in row) + "\n")


def _cell_text(cell: object) -> str:
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return " ".join(text.split())  # one line, no tabs inside a cell


def safe(value: object) -> Text:
    """A Text that rich will not interpret: no markup, no escape sequences."""
    return Text(clean(value))


def styled(cell: Cell) -> Text:
    """A cell of segments as a Text: styled, never read as markup."""
    return Text.assemble(*cell)


def fetch_summary(console: Console, reports: Iterable) -> None:
    table = Table(title="kurilwatch fetch", title_justify="left")
    table.add_column("Feed")
    table.add_column("Status")
    reports = list(reports)
    for column in ("Seen", "Matched", "New", "Updated"):
        table.add_column(column, justify="right")
    # Only when the run read or tried article pages: most feeds' tables stay as they were.
    with_articles = any(r.articles_read or r.articles_failed or r.articles_queued for r in reports)
    if with_articles:
        table.add_column("Articles")
    for report in reports:
        status = Text(STATUS_LABEL[report.status], style=STATUS_STYLE[report.status])
        if report.error:
            status.append(": ")
            status.append_text(safe(report.error))
        if report.warning:
            status.append(" (warning: ", style="yellow")
            status.append_text(safe(report.warning))
            status.append(")", style="yellow")
        if report.went_down:
            status.append(" (went down)", style="red")
        elif report.never_worked and report.failures > 1:
            status.append(f" (never worked: failing {report.failures} runs)", style="red")
        elif report.status == "error" and report.failures > 1:
            status.append(f" (failing {report.failures} runs)", style="red")
        if report.recovered:
            status.append(" (recovered)", style="green")
        if report.moved_to:
            status.append(" (moved for good to ", style="yellow")
            status.append_text(safe(report.moved_to))
            status.append("; polled there from now on)", style="yellow")
        cells: list[Text | str] = [
            safe(report.feed),
            status,
            str(report.seen),
            str(report.matched),
            Text(str(report.new), style="bold" if report.new else ""),
            str(report.updated),
        ]
        if with_articles:
            cells.append(Text(article_counts(report)))
        table.add_row(*cells)
    console.print(table)


def article_counts(report) -> str:
    """A feed's article pages in one run: "3 read, 1 failed, 2 queued"."""
    parts = [
        f"{count} {what}"
        for count, what in (
            (report.articles_read, "read"),
            (report.articles_failed, "failed"),
            (report.articles_queued, "queued"),
        )
        if count
    ]
    return ", ".join(parts) or "—"


class PendingFeeds:
    """A fetch's progress bar, naming the feeds still pending (the slow ones, at the end)."""

    SHOWN = 3  # names shown; the rest are counted

    def __init__(self, console: Console, names: list[str]) -> None:
        from rich.progress import Progress

        self.pending = dict.fromkeys(names)
        self.progress = Progress(console=console, transient=True)
        self.task = self.progress.add_task(self.description(), total=len(names))

    def description(self) -> str:
        names = list(self.pending)
        if not names:
            return "Polling feeds"
        more = f" and {len(names) - self.SHOWN} more" if len(names) > self.SHOWN else ""
        return (
            f"Polling feeds: waiting for {', '.join(clean(n) for n in names[: self.SHOWN])}{more}"
        )

    def done(self, report: object) -> None:
        self.pending.pop(str(getattr(report, "feed", "")), None)
        self.progress.update(self.task, advance=1, description=self.description())

    def __enter__(self) -> PendingFeeds:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def items_table(console: Console, items: list[dict]) -> None:
    if not items:
        console.print("No items.", style="dim")
        return
    table = Table(show_lines=False)
    table.add_column("ID", justify="right", style="dim")
    table.add_column("Date (UTC)", no_wrap=True)
    table.add_column("Source")
    table.add_column("Title", ratio=3)
    table.add_column("Matched", ratio=1)
    for item in items:
        table.add_row(*map(styled, item_cells(item)))
    console.print(table)


def item_record(item: dict) -> dict:
    """The public JSON shape of an item, the same in every command (README: JSON records)."""
    canonical = item.get("canonical_url")
    return {
        "id": item["id"],
        "feed": item["feed"],
        "sources": item["sources"],
        "title": item["title"],
        "url": canonical or item["url"],  # tracking parameters gone
        "canonical_url": canonical,
        "published": item["published"],
        "first_seen": item["first_seen"],
        "updated": item["updated"],
        "matched": item["matched"],
        "flagged": bool(item.get("flagged")),
        "lang": item.get("lang"),
        "revision": item.get("revision") or 1,  # how many versions: 1 when never changed
        "summary": item["summary"],
        # feed (the feed's own text), article (its page, read) or feed-full-text.
        "text_source": item.get("text_source") or "feed",
        "lead_only": bool(item.get("lead_only")),
    }


def dumps(records: object, lines: bool = False) -> str:
    """JSON, indented; or, with `lines`, NDJSON: one compact record per line (a list's items),
    nothing at all for none. Ends with a newline."""
    if not lines:
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    many = records if isinstance(records, list) else [records]
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in many)


def items_json(items: list[dict], lines: bool = False) -> str:
    return dumps([item_record(i) for i in items], lines)


def items_csv(items: list[dict]) -> str:
    out = io.StringIO()
    fields = [
        "id",
        "feed",
        "sources",
        "title",
        "url",
        "published",
        "first_seen",
        "updated",
        "matched",
        "flagged",
        "summary",
        "text_source",
        "lead_only",
        "canonical_url",
        "lang",
        "revision",
    ]
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for item in items:
        record = item_record(item)
        record["sources"] = ";".join(record["sources"])
        record["matched"] = ";".join(record["matched"])
        writer.writerow(record)
    return out.getvalue()


def highlighted(text: str, hits: Iterable[Hit]) -> Text:
    """The text with each hit in bold yellow."""
    result = Text()
    position = 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < position:
            continue
        result.append_text(safe(text[position : hit.start]))
        result.append_text(Text(CONTROL.sub("", text[hit.start : hit.end]), style="bold yellow"))
        position = hit.end
    result.append_text(safe(text[position:]))
    return result


def text_source_line(item: dict) -> str:
    """Where an item's text comes from, for `show`."""
    source = item.get("text_source") or "feed"
    if source == "article":
        return "the article, read from its page"
    if source == "feed-full-text":
        return "the article, carried by the feed"
    if item.get("lead_only"):
        reason = item.get("article_error")
        return "the feed's lead only: the page is not read" + (f" ({reason})" if reason else "")
    return "the feed's text"


def item_detail(console: Console, item: dict, title_hits: list[Hit], text_hits: list[Hit]) -> None:
    console.print(highlighted(item["title"] or "(no title)", title_hits), style="bold")
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    meta.add_row("ID", str(item["id"]))
    meta.add_row("Source", safe(", ".join(item["sources"])))
    meta.add_row("Published", short_time(item["published"]))
    meta.add_row("First seen", short_time(item["first_seen"]))
    if item.get("updated"):
        meta.add_row("Updated", f"{short_time(item['updated'])} (revision {item['revision']})")
    meta.add_row("URL", safe(item["url"] or "—"))
    meta.add_row("Matched", safe(", ".join(item["matched"]) or "—"))
    if item.get("flagged"):
        meta.add_row(
            "Flagged",
            Text(f"no longer matches since {short_time(item['unmatched_since'])}", style="red"),
        )
    meta.add_row("Text", safe(text_source_line(item)))
    console.print(meta)
    console.print()
    console.print(highlighted(item["text"] or "(no text)", text_hits))


def item_detail_json(
    item: dict, title_hits: list[Hit], text_hits: list[Hit], lines: bool = False
) -> str:
    """`show --format json`: the item's every field, its full text, and where terms matched."""
    record = {
        **item_record(item),
        "text": item["text"],
        "lang": item["lang"],
        "revision": item["revision"],
        "guid": item["guid"],
        "canonical_url": item["canonical_url"],
        "story_id": item["story_id"],
        "sort_time": item["sort_time"],
        "unmatched_since": item["unmatched_since"],
        "hits": {
            "title": [hit_record(h) for h in title_hits],
            "text": [hit_record(h) for h in text_hits],
        },
    }
    return dumps(record, lines)


# Narrower terminals drop the columns a person needs least first: the URL (in the config),
# then the last attempt (the last success says more), then the HTTP status (in the error)
# and the count of lead-only items.
FEEDS_URL_FROM = 120
FEEDS_ATTEMPT_FROM = 100
FEEDS_HTTP_FROM = 70


def feeds_table(console: Console, rows: list[dict]) -> None:
    width = console.width
    table = Table(title="Feeds", title_justify="left")
    table.add_column("Feed")
    if width >= FEEDS_URL_FROM:
        table.add_column("URL", overflow="ellipsis", no_wrap=True, max_width=40)
    if width >= FEEDS_ATTEMPT_FROM:
        table.add_column("Last attempt", no_wrap=True)
    table.add_column("Last success", no_wrap=True)
    if width >= FEEDS_HTTP_FROM:
        table.add_column("HTTP", justify="right", no_wrap=True)
    table.add_column("Last error", overflow="fold", ratio=1, min_width=8)
    table.add_column("Items", justify="right", no_wrap=True)
    if width >= FEEDS_HTTP_FROM:
        table.add_column("Lead-only", justify="right", no_wrap=True)
    for row in rows:
        error = safe(row.get("last_error") or "")
        if row.get("failing_since"):
            error.append(
                f" (failing since {short_time(row['failing_since'])}, "
                f"{row['consecutive_failures']} runs)",
                style="red",
            )
        name = safe(row["name"])
        if not row.get("enabled", True):
            name.append(" (disabled)", style="dim")
        cells: list[object] = [name]
        if width >= FEEDS_URL_FROM:
            cells.append(safe(row["url"]))
        if width >= FEEDS_ATTEMPT_FROM:
            cells.append(short_time(row.get("last_attempt")))
        cells.append(short_time(row.get("last_success")))
        if width >= FEEDS_HTTP_FROM:
            cells.append(str(row.get("last_http_status") or "—"))
        cells.append(error if row.get("last_error") else Text("—", style="dim"))
        cells.append(str(row.get("items", 0)))
        if width >= FEEDS_HTTP_FROM:
            cells.append(str(row.get("lead_only", 0)))
        table.add_row(*cells)  # type: ignore[arg-type]
    console.print(table)


def feeds_json(rows: list[dict], lines: bool = False) -> str:
    """A feed is `feed` here as in every item record (the rows call it `name`)."""
    return dumps([{"feed": row["name"]} | _without(row, "name") for row in rows], lines)


def _without(row: dict, key: str) -> dict:
    return {k: v for k, v in row.items() if k != key}


def match_explanation(console: Console, text: str, result: MatchResult) -> None:
    """Why a text is (or is not) about the islands: the decision, each hit, each look-alike."""
    verdict = Text(
        "MATCH" if result.relevant else "NO MATCH",
        style="bold green" if result.relevant else "bold red",
    )
    verdict.append(f" — {result.reason}", style="")
    console.print(verdict)
    console.print(highlighted(text, [h for h in result.hits]))
    if result.hits:
        table = Table(title="Rules that fired", title_justify="left")
        table.add_column("Rule")
        table.add_column("Term")
        table.add_column("Kind")
        table.add_column("Where")
        table.add_column("Span", justify="right")
        table.add_column("Text")
        for hit in result.hits:
            kind = f"{hit.strength}: {hit.note}" if hit.note else hit.strength
            table.add_row(
                hit.rule,
                safe(hit.term),
                safe(kind),
                hit.zone,
                f"{hit.start}-{hit.end}",
                safe(hit.text),
            )
        console.print(table)
    if result.suppressed:
        table = Table(title="Look-alikes that did not count", title_justify="left")
        table.add_column("Text")
        table.add_column("Span", justify="right")
        table.add_column("Guard")
        table.add_column("Why")
        for item in result.suppressed:
            hit = item.hit
            table.add_row(safe(hit.text), f"{hit.start}-{hit.end}", item.guard, safe(item.why))
        console.print(table)
    if result.excluded_by is not None:
        hit = result.excluded_by
        console.print(
            Text(
                f"Excluded by your filter term {hit.term!r} at {hit.start}-{hit.end}",
                style="yellow",
            )
        )


def hit_record(hit: Hit) -> dict:
    return {
        "rule": hit.rule,
        "term": hit.term,
        "kind": hit.strength,
        "where": hit.zone,
        "note": hit.note,
        "start": hit.start,
        "end": hit.end,
        "text": hit.text,
    }


def match_json(result: MatchResult, lines: bool = False) -> str:
    return dumps(
        {
            "relevant": result.relevant,
            "reason": result.reason,
            "about": result.about,
            "vetoed": result.vetoed or None,
            "matched": result.matched_terms,
            "hits": [hit_record(h) for h in result.hits],
            "suppressed": [
                {**hit_record(s.hit), "guard": s.guard, "why": s.why} for s in result.suppressed
            ],
            "excluded_by": hit_record(result.excluded_by) if result.excluded_by else None,
        },
        lines,
    )


def news_view(
    console: Console, stories: list, updates: Sequence = (), republications: Sequence = ()
) -> None:
    """Each story once: its new sentences, the background collapsed into one dim line;
    then updates of items shown before, and republications, one line each."""
    if not (stories or updates or republications):
        console.print("Nothing new.", style="dim")
        return
    # One Text of every line: drawn in one pass, not one print per line.
    lines = news_lines(stories, updates, republications)
    console.print(Text("\n").join(map(styled, lines)))


def news_json(
    stories: list, updates: Sequence = (), republications: Sequence = (), lines: bool = False
) -> str:
    """Every item shown, with `kind`: new (its new and background sentences), update
    (what its latest revision added and removed) or republication (of which item)."""
    records = []
    for story in stories:
        for news_item in story.items:
            record = item_record(news_item.item) | {"kind": "new", "story": story.story_id}
            record["new"] = news_item.new
            record["background"] = news_item.background
            record["background_seen_in"] = news_item.earlier_items
            records.append(record)
    records += [
        item_record(update.item)
        | {
            "kind": "update",
            "revision_from": update.old_revision,
            "revision": update.new_revision,
            "title_was": update.old_title,
            "added": update.added,
            "removed": update.removed,
        }
        for update in updates
    ]
    records += [
        item_record(republication.item)
        | {"kind": "republication", "republication_of": republication.original["id"]}
        for republication in republications
    ]
    return dumps(records, lines)


def stories_table(console: Console, stories: list[list[dict]]) -> None:
    if not stories:
        console.print("No items.", style="dim")
        return
    table = Table()
    table.add_column("Story", justify="right", style="dim")
    table.add_column("Date (UTC)", no_wrap=True)
    table.add_column("Sources")
    table.add_column("Title", ratio=3)
    table.add_column("Items", justify="right")
    for members in stories:
        table.add_row(*map(styled, story_cells(members)))
    console.print(table)


def stories_json(stories: list[list[dict]], lines: bool = False) -> str:
    from kurilwatch.developments import story_of, story_sources

    return dumps(
        [
            {
                "story": story_of(members[0]),
                "title": members[0]["title"],
                "sources": story_sources(members),
                "items": [item_record(i) for i in members],
            }
            for members in stories
        ],
        lines,
    )


def word_diff(old: str, new: str, markers: bool = False) -> Text:
    """A colored word-level diff: removals red and struck through, additions green.

    With `markers` (no colors: a pipe, NO_COLOR) changes are also bracketed wdiff-style,
    [-removed-] {+added+}, so the diff still reads without colors.
    """
    import difflib

    old_words = re.split(r"(\s+)", old)
    new_words = re.split(r"(\s+)", new)
    result = Text()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            result.append_text(safe("".join(old_words[a1:a2])))
            continue
        if op in ("delete", "replace"):
            removed = CONTROL.sub("", "".join(old_words[a1:a2]))
            result.append(f"[-{removed}-]" if markers else removed, style="red strike")
        if op in ("insert", "replace"):
            added = CONTROL.sub("", "".join(new_words[b1:b2]))
            result.append(f"{{+{added}+}}" if markers else added, style="green underline")
    return result


def diff_view(console: Console, item: dict, old: dict, new: dict) -> None:
    console.print(
        Text(f"Item {item['id']}: revision {old['revision']} → {new['revision']}", style="bold")
    )
    console.print(Text(f"{short_time(old['seen'])} → {short_time(new['seen'])}", style="dim"))
    # No colours (a pipe, NO_COLOR, TERM=dumb): the changes are bracketed, or they vanish.
    markers = console.color_system is None or console.no_color
    title = word_diff(old["title"] or "", new["title"] or "", markers)
    console.print(Text("Title: ", style="dim") + title)
    console.print()
    console.print(word_diff(old["text"] or "", new["text"] or "", markers))


def unified_diff(item: dict, old: dict, new: dict) -> str:
    import difflib

    def lines(revision: dict) -> list[str]:
        return [f"{revision['title']}\n", "\n"] + [
            line + "\n" for line in (revision["text"] or "").splitlines()
        ]

    return "".join(
        difflib.unified_diff(
            lines(old),
            lines(new),
            fromfile=f"item-{item['id']}@{old['revision']}",
            tofile=f"item-{item['id']}@{new['revision']}",
            fromfiledate=old["seen"],
            tofiledate=new["seen"],
        )
    )


def search_table(console: Console, rows: list[dict]) -> None:
    if not rows:
        console.print("No results.", style="dim")
        return
    table = Table()
    table.add_column("ID", justify="right", style="dim")
    table.add_column("Date (UTC)", no_wrap=True)
    table.add_column("Source")
    table.add_column("Title / snippet", ratio=3)
    for row in rows:
        row_id, date, sources, title, snippet = search_cells(row)
        table.add_row(
            styled(row_id), styled(date), styled(sources), styled([*title, ("\n", ""), *snippet])
        )
    console.print(table)


def search_json(rows: list[dict], lines: bool = False) -> str:
    records = []
    for row in rows:
        record = item_record(row)
        record["snippet"] = (row.get("snippet") or "").replace("\x02", "**").replace("\x03", "**")
        records.append(record)
    return dumps(records, lines)


def counted(n: int, singular: str, plural: str) -> str:
    """'1 entry', '2 entries': a count with the noun that agrees with it."""
    return f"{n} {singular if n == 1 else plural}"


def refilter_plan(console: Console, plan, dry_run: bool, prune: bool = False) -> None:
    def verb(n: int) -> str:
        return "would be" if dry_run else ("was" if n == 1 else "were")

    added = len(plan.add)
    console.print(
        Text(
            f"{counted(added, 'entry', 'entries')} {verb(added)} added{':' if plan.add else '.'}",
            style="bold",
        )
    )
    for _key, feed, entry in plan.add:
        console.print(Text("  + ", style="green") + safe(f"{feed}: {entry.title}"))
    # With --prune, exactly what goes: the items flagged before as well as the newly unmatched.
    gone = plan.prune if prune else plan.drop
    noun = counted(len(gone), "stored item", "stored items")
    if prune:
        heading = f"{noun} {verb(len(gone))} deleted (they no longer match)"
    else:
        match = "no longer matches" if len(gone) == 1 else "no longer match"
        heading = f"{noun} {match} ({verb(len(gone))} flagged)"
    console.print(Text(f"{heading}{':' if gone else '.'}", style="bold"))
    for item in gone:
        console.print(
            Text("  - ", style="red") + safe(f"#{item['id']} {item['feed']}: {item['title']}")
        )
    if plan.restore:
        noun = counted(len(plan.restore), "flagged item matches", "flagged items match")
        console.print(Text(f"{noun} again.", style="bold"))


def checks_table(console: Console, results: list[dict]) -> None:
    table = Table(title="kurilwatch feeds check", title_justify="left")
    for column in ("Feed", "Status", "Content type", "Format", "Encoding"):
        table.add_column(column)
    table.add_column("Items", justify="right")
    table.add_column("Match", justify="right")
    for r in results:
        status = Text(
            STATUS_LABEL.get(r["status"], r["status"]), style=STATUS_STYLE.get(r["status"], "")
        )
        if r.get("error"):
            status.append(": ")
            status.append_text(safe(r["error"]))
        table.add_row(
            safe(r["feed"]),
            status,
            safe(r.get("content_type") or "—"),
            safe(r.get("format") or "—"),
            safe(r.get("encoding") or "—"),
            str(r.get("items", 0)),
            str(r.get("matched", 0)),
        )
    console.print(table)


def checks_json(results: list[dict], lines: bool = False) -> str:
    return dumps(results, lines)


def stats_view(console: Console, stats) -> None:
    from kurilwatch.reports import sparkline

    periods = stats.periods
    title = (
        f"{stats.total} items, {periods[0].isoformat() if periods else ''} to "
        f"{periods[-1].isoformat() if periods else ''}, per {stats.by}"
    )
    table = Table(title=title, title_justify="left")
    table.add_column("Source")
    table.add_column("Items", justify="right")
    table.add_column(f"Per {stats.by}")
    for source, counts in stats.per_source.items():
        table.add_row(safe(source), str(sum(counts)), sparkline(counts))
    console.print(table)
    if stats.busiest:
        busiest = Table(title="Busiest days", title_justify="left")
        busiest.add_column("Day")
        busiest.add_column("Items", justify="right")
        busiest.add_column("Top story")
        for day in stats.busiest:
            busiest.add_row(day["day"], str(day["items"]), safe(day["top_story"]))
        console.print(busiest)
    if stats.terms:
        terms = Table(title="Terms that matched most", title_justify="left")
        terms.add_column("Term")
        terms.add_column("Items", justify="right")
        for term, count in stats.terms:
            terms.add_row(safe(term), str(count))
        console.print(terms)
