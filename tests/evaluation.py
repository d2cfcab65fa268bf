"""Measuring the matcher on a labelled set: precision, recall and every miss.

Used by the tests (test_relevance.py) and by `python bench/relevance.py`; not shipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kurilwatch.match import Matcher


@dataclass(frozen=True)
class Labelled:
    id: str
    lang: str
    label: bool
    kind: str
    title: str
    body: str
    note: str
    source: str = ""  # the file it came from, without .jsonl

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}"

    @property
    def full_length(self) -> bool:
        """A whole article rather than a headline and lead: five paragraphs or more."""
        paragraphs = [p for p in self.body.splitlines() if p.strip()]
        return len(paragraphs) >= 5 and len(self.body) >= (250 if self.lang == "ja" else 600)

    @property
    def heldback(self) -> bool:
        """Written by someone else after the rules were fixed (heldback_*.jsonl)."""
        return self.source.startswith("heldback_")


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0
    false_positives: list[Labelled] = field(default_factory=list)
    false_negatives: list[Labelled] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_labelled(folder: Path) -> list[Labelled]:
    """Every *.jsonl file in the folder, one labelled item per line."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(Labelled(**json.loads(line), source=path.stem))
    return rows


def evaluate(matcher: Matcher, rows: list[Labelled]) -> dict[str, Confusion]:
    """A confusion matrix per language."""
    result: dict[str, Confusion] = {}
    for row in rows:
        confusion = result.setdefault(row.lang, Confusion())
        predicted = matcher.match_item(row.title, row.body).relevant
        if predicted and row.label:
            confusion.tp += 1
        elif predicted:
            confusion.fp += 1
            confusion.false_positives.append(row)
        elif row.label:
            confusion.fn += 1
            confusion.false_negatives.append(row)
        else:
            confusion.tn += 1
    return result
