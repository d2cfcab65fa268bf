"""Train the topic veto's weights from the labelled set: `python -m kurilwatch.train_topic`.

Reads tests/data/relevance/*.jsonl of a source checkout (never the held-back part,
heldback_*.jsonl), masks the islands' names the rules find in each item, and fits one
logistic regression per language, in pure Python and deterministically (a fixed order, no
randomness), into kurilwatch/topic_weights.json with the hash of the data it was trained on.
`--check` only says whether the shipped file is the one the data gives.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kurilwatch.match import Matcher, name_spans
from kurilwatch.topic import WEIGHTS, _norm, _sigmoid, features, masked

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "relevance"
LANGS = ("en", "ja", "ru")
# Fitting: passes over the data, the step, and the L2 penalty that keeps rare words small.
# A bolder fit (60 passes, step 2) vetoed more of the look-alikes left out, but cost recall
# on part 7 and in cross-validation (bench/topic_veto.py): the veto stays cautious.
EPOCHS = 30
STEP = 0.5
PENALTY = 1e-4
# Weights smaller than this change no decision: left out, the file stays small.
KEEP = 0.01


@dataclass(frozen=True)
class Sample:
    id: str
    lang: str
    label: bool
    source: str  # the file it came from, without .jsonl
    features: tuple[str, ...]


def training_files(folder: Path = DATA) -> list[Path]:
    """The labelled files training reads: every part but the held-back one."""
    return [p for p in sorted(folder.glob("*.jsonl")) if not p.name.startswith("heldback_")]


def data_hash(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_samples(paths: Iterable[Path]) -> list[Sample]:
    matcher = Matcher(veto=False)
    samples = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = f"{row['title']}\n{row['body']}" if row["body"] else row["title"]
            result = matcher.match_item(row["title"], row["body"])
            found = features(masked(text, name_spans(result)), row["lang"])
            samples.append(
                Sample(row["id"], row["lang"], row["label"], path.stem, tuple(sorted(found)))
            )
    return samples


def fit(samples: Sequence[Sample]) -> tuple[float, dict[str, float]]:
    """A logistic regression over the samples' features (each 1/sqrt(count)): bias, weights."""
    ordered = sorted(samples, key=lambda s: s.id)
    positives = sum(s.label for s in ordered)
    bias = math.log((positives + 1) / (len(ordered) - positives + 1))
    weights: dict[str, float] = {}
    for epoch in range(EPOCHS):
        step = STEP / (1 + epoch / 5)
        for sample in ordered:
            x = 1 / _norm(len(sample.features))
            z = bias + x * sum(weights.get(f, 0.0) for f in sample.features)
            error = sample.label - _sigmoid(z)
            bias += step * error * 0.1
            for f in sample.features:
                w = weights.get(f, 0.0)
                weights[f] = w + step * (error * x - PENALTY * w)
    return bias, {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= KEEP}


def train(samples: Sequence[Sample]) -> dict[str, dict]:
    """One model per language."""
    models = {}
    for lang in LANGS:
        bias, weights = fit([s for s in samples if s.lang == lang])
        models[lang] = {"bias": round(bias, 4), "weights": weights}
    return models


def build(folder: Path = DATA) -> str:
    """The weights file's text, as the labelled data in `folder` gives it."""
    paths = training_files(folder)
    document = {
        "trained_on": data_hash(paths),
        "files": [p.name for p in paths],
        "models": train(load_samples(paths)),
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: Sequence[str] = ()) -> int:
    text = build()
    if "--check" in argv:
        same = WEIGHTS.exists() and WEIGHTS.read_text(encoding="utf-8") == text
        sys.stderr.write("up to date\n" if same else f"{WEIGHTS.name} is stale: retrain\n")
        return 0 if same else 1
    WEIGHTS.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {WEIGHTS} ({len(text.encode()) // 1024} KiB)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
