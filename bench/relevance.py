"""Matcher quality and speed on the labelled set: `python bench/relevance.py`.

Prints precision, recall and the confusion per language, every miss with the rule that
fired (or the reason nothing did), and items per second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
DATA = TESTS / "data" / "relevance"
sys.path.insert(0, str(TESTS))  # evaluation.py lives with the tests, which use it too

from evaluation import evaluate, load_labelled  # noqa: E402
from kurilwatch.match import Matcher  # noqa: E402


def main() -> int:
    rows = load_labelled(DATA)
    matcher = Matcher()
    results = evaluate(matcher, rows)
    print(f"{len(rows)} labelled items from {DATA}")
    print(
        f"{'lang':<5}{'items':>6}{'tp':>5}{'fp':>5}{'tn':>5}{'fn':>5}{'precision':>11}{'recall':>8}"
    )
    for lang, c in sorted(results.items()):
        total = c.tp + c.fp + c.tn + c.fn
        print(
            f"{lang:<5}{total:>6}{c.tp:>5}{c.fp:>5}{c.tn:>5}{c.fn:>5}{c.precision:>11.3f}{c.recall:>8.3f}"
        )
    for _lang, c in sorted(results.items()):
        for label, misses in (
            ("false positive", c.false_positives),
            ("false negative", c.false_negatives),
        ):
            for row in misses:
                result = matcher.match(row.text)
                fired = ", ".join(f"{h.rule}={h.text!r}" for h in result.hits) or "-"
                print(f"  {label} {row.id} [{row.kind}] {row.title}\n    {result.reason}; {fired}")
    texts = [r.text for r in rows]
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            matcher.match(text)
    elapsed = time.perf_counter() - started
    characters = sum(map(len, texts)) * rounds
    rate = len(texts) * rounds / elapsed
    print(f"speed: {rate:,.0f} items/s ({characters / elapsed / 1e6:.1f} M chars/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
