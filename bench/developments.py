"""Background and story quality on the labelled set: `python bench/developments.py`.

Prints precision and recall per language for background sentences, and per language pair
for stories, with every miss; each part of the set (written with the rules, each blind
part seen since, the held-back part) separately, each in its own database.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from developments_set import DATA, DEV, HELDBACK, evaluate, parts  # noqa: E402

PART_NAMES = {DEV: "written with the rules", HELDBACK: "held back (not yet seen)"}


def main() -> int:
    print(f"labelled set: {DATA}")
    for part in parts():
        name = PART_NAMES.get(part, f"{part} (a blind part, seen)")
        for kind in ("series", "stories"):
            with tempfile.TemporaryDirectory() as tmp:
                started = time.perf_counter()
                results = evaluate(kind, part, Path(tmp) / "set.db")
                elapsed = time.perf_counter() - started
            if not results:
                print(f"\n{kind}, {name}: no files")
                continue
            what = "background sentences" if kind == "series" else "story pairs"
            print(f"\n{kind}, {name}: {what} ({elapsed:.2f} s to ingest and score)")
            print(
                f"  {'group':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'tn':>6}{'precision':>11}{'recall':>8}"
            )
            for group, c in sorted(results.items()):
                print(
                    f"  {group:<14}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.tn:>6}"
                    f"{c.precision:>11.3f}{c.recall:>8.3f}"
                )
            for group, c in sorted(results.items()):
                for miss in c.misses:
                    print(f"    {group}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
