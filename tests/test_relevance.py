"""Matcher quality on the labelled evaluation set in tests/data/relevance/."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import DATA
from evaluation import evaluate, load_labelled
from kurilwatch.match import Matcher

ROWS = load_labelled(DATA / "relevance")
RESULTS = evaluate(Matcher(), ROWS)
MIN_PRECISION = 0.98
MIN_RECALL = 0.99


def test_the_set_is_big_balanced_and_hard():
    assert len(ROWS) >= 240
    assert len({r.id for r in ROWS}) == len(ROWS)
    by_lang = Counter(r.lang for r in ROWS)
    assert set(by_lang) == {"en", "ru", "ja"}
    assert max(by_lang.values()) - min(by_lang.values()) <= 10
    for lang in by_lang:
        rows = [r for r in ROWS if r.lang == lang]
        positives = [r for r in rows if r.label]
        negatives = [r for r in rows if not r.label]
        hard = [r for r in negatives if r.kind != "unrelated"]
        assert abs(len(positives) - len(negatives)) <= 2, lang
        assert len(hard) >= len(negatives) / 2, lang


@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_precision_and_recall_meet_the_targets(lang):
    c = RESULTS[lang]
    misses = "\n".join(
        f"  {kind} {r.id} [{r.kind}] {r.title}"
        for kind, rows in (("FP", c.false_positives), ("FN", c.false_negatives))
        for r in rows
    )
    report = (
        f"{lang}: tp={c.tp} fp={c.fp} tn={c.tn} fn={c.fn} "
        f"precision={c.precision:.3f} recall={c.recall:.3f}\n{misses}"
    )
    print(report)
    assert c.precision >= MIN_PRECISION, report
    assert c.recall >= MIN_RECALL, report
