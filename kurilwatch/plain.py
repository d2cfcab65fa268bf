"""What `list`, `search` and `news` show, as styled segments; plain lines for pipes.

Each view is built once here as lines of (text, style) segments: render.py draws them with
rich at a terminal, and when the output goes to a pipe or a file they are printed as plain
lines (records tab-separated, one per line) that grep, cut and sort can use. This module
does not import rich: a piped query never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kurilwatch.developments import Republication, Story, Update

Segment = tuple[str, str]  # text, and a rich style ("" for none)
Cell = list[Segment]

# Characters that make text lie about itself: bidirectional overrides, embeddings and
# isolates (which reverse what follows: "txt.exe" shown as "exe.txt"), zero-width characters
# (which hide text inside words and defeat searches), invisible operators, the BOM, and
# Unicode tag characters (an invisible copy of ASCII). Removed from feed text when it is
# stored (parse.clean_text) and again by every view (`clean`), for text stored before.
INVISIBLE = (
    "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U000e0000-\U000e007f"
)
# Feed text is cleaned when stored; this is the second line of defence for the terminal.
CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{INVISIBLE}]")


def clean(value: object) -> str:
    """Text from a feed with no control or invisible characters (escapes, bells, bidi)."""
    return CONTROL.sub("", "" if value is None else str(value))


def short_time(value: str | None) -> str:
    return value.replace("T", " ")[:16] if value else "—"


def item_cells(item: dict) -> list[Cell]:
    """An item's ID, date, sources, title (with its marks) and matched terms."""
    title: Cell = [(clean(item["title"] or "(no title)"), "")]
    if item.get("revision", 1) > 1:
        title.append((" [updated]", "yellow"))
    if item.get("unmatched_since"):
        title.append((" [no longer matches]", "red"))
    return [
        [(str(item["id"]), "")],
        [(short_time(item["sort_time"]), "")],
        [(clean(", ".join(item["sources"])), "")],
        title,
        [(clean(", ".join(item["matched"])), "")],
    ]


def story_cells(members: list[dict]) -> list[Cell]:
    """A story's ID, date, sources, title and number of items (`list --group`)."""
    from kurilwatch.developments import story_of, story_sources_line

    first = members[0]
    return [
        [(str(story_of(first)), "")],
        [(short_time(first["sort_time"]), "")],
        [(clean(story_sources_line(members)), "")],
        [(clean(first["title"] or "(no title)"), "")],
        [(str(len(members)), "")],
    ]


def search_cells(row: dict) -> list[Cell]:
    """A search hit's ID, date, sources, title and snippet, its matches in bold yellow."""
    snippet: Cell = [
        (clean(part), "bold yellow" if index % 2 else "")
        for index, part in enumerate(re.split(r"[\x02\x03]", row.get("snippet") or ""))
        if part
    ]
    return [
        [(str(row["id"]), "")],
        [(short_time(row["sort_time"]), "")],
        [(clean(", ".join(row["sources"])), "")],
        [(clean(row["title"] or "(no title)"), "bold")],
        snippet,
    ]


def news_lines(
    stories: Iterable[Story],
    updates: Iterable[Update] = (),
    republications: Iterable[Republication] = (),
) -> Iterator[Cell]:
    """Each story once: its new sentences, the background collapsed into one dim line;
    then what changed in items shown before, and one line per republication."""
    yield from _story_lines(stories)
    for update in updates:
        yield from update_lines(update)
    for republication in republications:
        yield republication_line(republication)
    if republications:
        yield []


def shortened(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def update_lines(update: Update) -> Iterator[Cell]:
    """An item shown before: its title marked updated, what was added, what was removed."""
    item = update.item
    yield [(clean(item["title"] or "(no title)"), "bold"), (" [updated]", "yellow")]
    yield [
        (f"  {short_time(item['sort_time'])} · ", "dim"),
        (clean(", ".join(item["sources"])), ""),
        (
            f" · #{item['id']} · revision {update.old_revision} → {update.new_revision}"
            f" (kurilwatch diff {item['id']})",
            "dim",
        ),
    ]
    if update.old_title is not None:
        yield [("  title was: ", "dim"), (clean(update.old_title), "")]
    for sentence in update.added:
        yield [("  + ", "green"), (clean(sentence), "")]
    for sentence in update.removed:
        yield [(f"  − removed: {clean(shortened(sentence))}", "dim")]
    yield []


def republication_line(republication: Republication) -> Cell:
    """One line: the item, and the first copy it repeats."""
    item, original = republication.item, republication.original
    where = f" {original['url']}" if original.get("url") else ""
    return [
        ("Republished: ", "dim"),
        (clean(item["title"] or "(no title)"), ""),
        (f" · {clean(', '.join(item['sources']))} · #{item['id']}", "dim"),
        (f" — nothing new since #{original['id']}{clean(where)}", "dim"),
    ]


def _story_lines(stories: Iterable[Story]) -> Iterator[Cell]:
    for story in stories:
        first = story.items[0].item
        yield [(clean(story.title or "(no title)"), "bold")]
        ids = ", ".join(f"#{n.item['id']}" for n in story.items)
        yield [
            (f"  {short_time(first['sort_time'])} · ", "dim"),
            (clean(story.sources_line), ""),
            (f" · {ids}", "dim"),
        ]
        several = len(story.items) > 1
        for news_item in story.items:
            prefix = f"{', '.join(news_item.item['sources'])}: " if several else ""
            if several and news_item is not story.items[0]:
                yield [("  also: ", "dim"), (clean(news_item.item["title"]), "")]
            for sentence in news_item.new:
                yield [("  • ", ""), (clean(prefix), "cyan"), (clean(sentence), "")]
            background = news_item.background
            if background:
                earlier = news_item.earlier_items
                where = f", seen in {len(earlier)} earlier item{'s' * (len(earlier) != 1)}"
                yield [
                    (
                        f"  … {clean(prefix)}{len(background)} background "
                        f"sentence{'s' * (len(background) != 1)}{where if earlier else ''}",
                        "dim",
                    )
                ]
        yield []


def text(cell: Cell) -> str:
    return "".join(part for part, _style in cell)


def records(rows: Iterable[list[Cell]]) -> str:
    """One line per record, its fields separated by tabs (none inside a field)."""
    return "".join(
        "\t".join(text(cell).replace("\t", " ").replace("\n", " ") for cell in row) + "\n"
        for row in rows
    )


def lines(cells: Iterable[Cell]) -> str:
    return "".join(text(cell) + "\n" for cell in cells)
