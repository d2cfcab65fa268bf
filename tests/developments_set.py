"""The labelled developments set (tests/data/developments/): loading it and scoring it.

Used by tests/test_developments_set.py and bench/developments.py; the format is in the
set's README.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from evaluation import Confusion
from kurilwatch.models import Entry
from kurilwatch.store import Store

DATA = Path(__file__).resolve().parent / "data" / "developments"


@dataclass
class Article:
    id: str
    feed: str
    lang: str
    published: datetime
    title: str
    story: str | None
    # Paragraphs of (label, sentence); label "N" (new), "B" (background) or "" (unlabelled).
    paragraphs: list[list[tuple[str, str]]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(" ".join(s for _, s in p) for p in self.paragraphs)


def load(path: Path) -> list[Article]:
    """Articles of one file, in the order written."""
    articles: list[Article] = []
    labelled = "series" in path.name
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            fields = dict(part.split("=", 1) for part in line[4:].split())
            published = datetime.fromisoformat(fields["published"].replace("Z", "+00:00"))
            articles.append(
                Article(
                    fields["id"],
                    fields["feed"],
                    fields["lang"],
                    published,
                    "",
                    fields.get("story"),
                    [[]],
                )
            )
        elif line.startswith("# ") and articles and not articles[-1].title:
            articles[-1].title = line[2:].strip()
        elif not line.strip():
            if articles and articles[-1].paragraphs[-1]:
                articles[-1].paragraphs.append([])
        elif labelled:
            label, sentence = line.split(" ", 1)
            if label not in ("N", "B"):
                raise ValueError(f"{path.name}: a sentence without N or B: {line!r}")
            articles[-1].paragraphs[-1].append((label, sentence.strip()))
        else:
            articles[-1].paragraphs[-1].append(("", line.strip()))
            articles[-1].paragraphs.append([])
    for article in articles:
        article.paragraphs = [p for p in article.paragraphs if p]
    return articles


KINDS = ("series", "stories")
# The parts of the set, each scored on its own: the files written with the rules ("dev",
# no prefix), each blind part once it has been seen ("blind2_*"), and the blind part not
# yet looked at ("heldback_*"). Each part is stored into its own database, so "earlier"
# means earlier in the same part.
DEV, HELDBACK = "dev", "heldback"


def part_of(path: Path) -> str:
    """The part a file belongs to: the prefix before its kind ("blind2_series_en.txt")."""
    prefix = path.name.split("_", 1)[0]
    return DEV if prefix in KINDS else prefix


def parts() -> list[str]:
    """Every part that has files: "dev" first, "heldback" last, the blind parts between."""
    found = {part_of(path) for path in DATA.glob("*.txt")}
    return sorted(found, key=lambda part: (part != DEV, part == HELDBACK, part))


def files(kind: str, part: str = DEV) -> list[Path]:
    """The files of one kind ("series" or "stories") in one part of the set."""
    return sorted(
        path for path in DATA.glob("*.txt") if part_of(path) == part and kind in path.name
    )


def store_article(store: Store, article: Article) -> int:
    """Upsert one article as its feed's matched entry; its item ID."""
    entry = Entry(
        f"{article.feed}:{article.id}",
        f"https://{article.feed}.example/{article.id}",
        f"https://{article.feed}.example/{article.id}",
        article.title,
        "",
        article.text,
        article.published,
    )
    return store.upsert_entry(article.feed, entry, ["Kuril Islands"], article.lang).item_id


def ingest(store: Store, articles: list[Article]) -> dict[str, int]:
    """Store the articles oldest first as a fetch would; their item IDs by article ID."""
    from kurilwatch.developments import assign_story, index_item

    ids = {}
    for article in sorted(articles, key=lambda a: a.published):
        with store.transaction():
            item_id = store_article(store, article)
            index_item(store, item_id, article.text, article.lang)
            assign_story(store, item_id)
        ids[article.id] = item_id
    return ids


@dataclass
class Counts(Confusion):
    """The matcher's confusion counts, with every miss described."""

    misses: list[str] = field(default_factory=list)

    def count(self, truth: bool, predicted: bool, missed: str, wrong: str) -> None:
        """Count one decision; a miss is described by `missed` or `wrong`."""
        if truth and predicted:
            self.tp += 1
        elif truth:
            self.fn += 1
            self.misses.append(missed)
        elif predicted:
            self.fp += 1
            self.misses.append(wrong)
        else:
            self.tn += 1


def background_scores(
    store: Store, articles: list[Article], ids: dict[str, int]
) -> dict[str, Counts]:
    """Per language: background sentences found (tp), wrongly (fp), missed (fn).

    Each labelled sentence is background when every sentence kurilwatch split out of its
    span is background: a split that differs from the label's counts against it.
    """
    from kurilwatch.developments import sentences_of

    counts: dict[str, Counts] = defaultdict(Counts)
    for article in articles:
        found = sentences_of(store, ids[article.id])
        text = article.text
        spans = []
        cursor = 0
        for s in found:
            start = text.find(s.text, cursor)
            if start < 0:
                start = text.find(s.text)
            spans.append((start, start + len(s.text), s))
            if start >= 0:
                cursor = start + len(s.text)
        offset = 0
        for paragraph in article.paragraphs:
            for label, sentence in paragraph:
                start = text.find(sentence, offset)
                end = start + len(sentence)
                offset = end
                inside = [s for a, b, s in spans if a < end and start < b]
                predicted = bool(inside) and all(not s.is_new for s in inside)
                counts[article.lang].count(
                    label == "B",
                    predicted,
                    f"missed background {article.id}: {sentence}",
                    f"news taken for background {article.id}: {sentence}",
                )
    return dict(counts)


def story_scores(store: Store, articles: list[Article], ids: dict[str, int]) -> dict[str, Counts]:
    """Story pairs: "agencies:LANG" (one language, two feeds) and "languages" (two).

    A pair is positive when both articles are labelled with one story; kurilwatch got it
    right when it put them in one story.
    """
    story_of = dict(store.conn.execute("SELECT id, coalesce(story_id, id) FROM items").fetchall())
    counts: dict[str, Counts] = defaultdict(Counts)
    for a, b in itertools.combinations(articles, 2):
        if a.feed == b.feed:
            continue
        group = f"agencies:{a.lang}" if a.lang == b.lang else "languages"
        counts[group].count(
            a.story is not None and a.story == b.story,
            story_of[ids[a.id]] == story_of[ids[b.id]],
            f"not joined: {a.id} | {b.id}",
            f"wrongly joined: {a.id} | {b.id}",
        )
    return dict(counts)


def evaluate(kind: str, part: str, db: Path) -> dict[str, Counts]:
    """Ingest one kind of one part of the set into a new database at `db` and score it."""
    articles = [a for path in files(kind, part) for a in load(path)]
    if not articles:
        return {}
    with Store(db) as store:
        ids = ingest(store, articles)
        if kind == "series":
            return background_scores(store, articles, ids)
        return story_scores(store, articles, ids)
