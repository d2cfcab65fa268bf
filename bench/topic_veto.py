"""Does the topic veto generalise? `python bench/topic_veto.py [--main CHECKOUT]`.

Leave-one-part-out: for each blind part k of the development set (blind1_* .. blind53_*,
blind56_* .. blind63_*, blind65_* .. blind68_*, blind70_* .. blind74_*, blind76_* ..
blind78_*, blind83_* .. blind86_*, blind88_*, blind92_*, blind93_*, blind95_* .. blind99_*),
the model is trained on every labelled file but part k (and never on heldback_*), and on
part k it prints per language (a) how the model alone separates the items that carry a name
(positives kept, negatives rejected, at each threshold) and (b) precision/recall of the
rules alone and of the rules with the veto. The rules are today's, which were fixed on every
blind part, so (b) flatters the rules; the one fair comparison is part 7 on the rules of a
checkout that had not seen it (--main, e.g. a worktree of 03c2d61), with the model trained
without part 7 (there the decisions are that checkout's; the masked names and whether the
evidence is firm are read with today's rules).
Then the 10-fold cross-validated recall on the development set with the veto.

The veto acts only where the rules said relevant, on no include term, and the evidence is
not firm (see kurilwatch.match.firm_evidence).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kurilwatch.match import VETO_BELOW, Matcher, firm_evidence  # noqa: E402
from kurilwatch.topic import MIN_FEATURES, TopicModel  # noqa: E402
from kurilwatch.train_topic import (  # noqa: E402
    DATA,
    LANGS,
    Sample,
    load_samples,
    train,
    training_files,
)

THRESHOLDS = (VETO_BELOW, 0.2, 0.3, 0.5)  # the matcher's, then higher ones
MAIN_DECISIONS = """
import json, sys, pathlib
sys.path.insert(0, sys.argv[1])
import kurilwatch.match as m
assert m.__file__.startswith(sys.argv[1]), m.__file__
matcher = m.Matcher()
for path in sorted(pathlib.Path(sys.argv[2]).glob("blind7_*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            relevant = matcher.match_item(row["title"], row["body"]).relevant
            print(json.dumps({"id": row["id"], "relevant": relevant}))
"""


@dataclass(frozen=True)
class Item:
    sample: Sample
    relevant: bool  # the rules' decision
    firm: bool  # the rules' evidence is firm: no veto
    named: bool  # carries a name the rules found (counted or not)


def score_of(model: TopicModel, sample: Sample) -> float:
    """The model's probability for a sample (its features are already extracted)."""
    return model.probability(sample.features, sample.lang)


def model_without(samples: Sequence[Sample], left_out: Callable[[Sample], bool]) -> TopicModel:
    models = train([s for s in samples if not left_out(s)])
    return TopicModel(
        {k: m["bias"] for k, m in models.items()}, {k: m["weights"] for k, m in models.items()}
    )


def pr(items: Sequence[Item], decide: Callable[[Item], bool]) -> str:
    tp = sum(1 for i in items if decide(i) and i.sample.label)
    fp = sum(1 for i in items if decide(i) and not i.sample.label)
    fn = sum(1 for i in items if not decide(i) and i.sample.label)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{precision:.3f}/{recall:.3f}"


def vetoed(item: Item, score: float, threshold: float) -> bool:
    """What the matcher's veto does (kurilwatch.match._topic_veto), at this threshold."""
    needed = MIN_FEATURES["ja" if item.sample.lang == "ja" else "other"]
    enough = len(item.sample.features) >= needed
    return item.relevant and not item.firm and enough and score < threshold


def report(part: str, items: Sequence[Item], model: TopicModel) -> None:
    for lang in LANGS:
        mine = [i for i in items if i.sample.lang == lang]
        scores = {i.sample.id: score_of(model, i.sample) for i in mine}
        named = [i for i in mine if i.named]
        separation = []
        for t in THRESHOLDS:
            kept = sum(1 for i in named if i.sample.label and scores[i.sample.id] >= t)
            rejected = sum(1 for i in named if not i.sample.label and scores[i.sample.id] < t)
            positives = sum(1 for i in named if i.sample.label)
            negatives = len(named) - positives
            separation.append(f"t={t}: pos kept {kept}/{positives}, neg rej {rejected}/{negatives}")
        rules = pr(mine, lambda i: i.relevant)
        with_veto = "  ".join(
            f"t={t} "
            + pr(mine, lambda i, t=t, s=scores: i.relevant and not vetoed(i, s[i.sample.id], t))
            for t in THRESHOLDS
        )
        print(f"{part} {lang}: model alone on named items: {'; '.join(separation)}")
        print(f"{part} {lang}: rules {rules}  rules+veto {with_veto}")


def items_of(samples: Sequence[Sample], decisions: dict[str, bool] | None = None) -> list[Item]:
    matcher = Matcher(veto=False)
    rows = {}
    for path in training_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
    items = []
    for s in samples:
        row = rows[s.id]
        result = matcher.match_item(row["title"], row["body"])
        relevant = decisions[s.id] if decisions is not None else result.relevant
        named = any(not h.rule.endswith(".dispute") for h in result.hits) or bool(result.suppressed)
        items.append(Item(s, relevant, firm_evidence(result), named))
    return items


def main(argv: Sequence[str]) -> None:
    started = time.perf_counter()
    samples = load_samples(training_files())
    items = items_of(samples)
    print("== leave one blind part out (today's rules, which were fixed on every part)")
    numbers = {int(s.source[5:].split("_")[0]) for s in samples if s.source.startswith("blind")}
    for k in sorted(numbers):
        part = f"blind{k}_"
        model = model_without(samples, lambda s, part=part: s.source.startswith(part))
        report(part, [i for i in items if i.sample.source.startswith(part)], model)
    if "--main" in argv:
        checkout = argv[argv.index("--main") + 1]
        out = subprocess.run(
            [sys.executable, "-c", MAIN_DECISIONS, checkout, str(DATA)],
            capture_output=True,
            text=True,
            check=True,
            cwd="/",
        ).stdout
        decisions = {d["id"]: d["relevant"] for d in map(json.loads, out.splitlines())}
        part7 = [s for s in samples if s.source.startswith("blind7_")]
        model = model_without(samples, lambda s: s.source.startswith("blind7_"))
        print(f"== part 7 on the rules of {checkout} (had not seen part 7), model without it")
        report("blind7 on main", items_of(part7, decisions), model)
    print("== 10-fold cross-validated development set (every file but heldback_*)")
    order = {s.id: n for n, s in enumerate(sorted(samples, key=lambda s: (s.lang, s.id)))}
    scores: dict[str, float] = {}
    for fold in range(10):
        model = model_without(samples, lambda s, fold=fold: order[s.id] % 10 == fold)
        for s in samples:
            if order[s.id] % 10 == fold:
                scores[s.id] = score_of(model, s)
    for lang in LANGS:
        mine = [i for i in items if i.sample.lang == lang]
        rules = pr(mine, lambda i: i.relevant)
        cv = "  ".join(
            f"t={t} "
            + pr(mine, lambda i, t=t: i.relevant and not vetoed(i, scores[i.sample.id], t))
            for t in THRESHOLDS
        )
        print(f"cv {lang}: rules {rules}  rules+veto {cv}")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
