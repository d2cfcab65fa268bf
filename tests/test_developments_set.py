"""Background and stories on the labelled agency copy in tests/data/developments/.

The targets of issue 21, per language. Files named heldback_* were written by someone who
did not see the rules: they are scored separately (and must meet the same targets).
"""

from __future__ import annotations

from collections import Counter

import pytest
from developments_set import evaluate, files, load

BACKGROUND_PRECISION, BACKGROUND_RECALL = 0.95, 0.90
AGENCIES_PRECISION, AGENCIES_RECALL = 0.95, 0.90
LANGUAGES_PRECISION, LANGUAGES_RECALL = 0.95, 0.80


def test_the_set_is_as_big_as_the_issue_asks():
    series = [a for path in files("series", False) for a in load(path)]
    assert len(series) >= 20
    assert {a.lang for a in series} == {"en", "ru"}
    assert len({a.published.year for a in series}) >= 5
    labels = Counter(label for a in series for p in a.paragraphs for label, _ in p)
    assert set(labels) == {"N", "B"} and labels["B"] >= 60
    reports = [a for path in files("stories", False) for a in load(path)]
    by_story: dict[str, list] = {}
    for report in reports:
        by_story.setdefault(report.story, []).append(report)
    agencies = [s for s in by_story.values() if len({(r.lang, r.feed) for r in s}) >= 2]
    languages = [s for s in by_story.values() if len({r.lang for r in s}) >= 2]
    assert len(agencies) >= 30 and len(languages) >= 15
    assert len({r.id for r in reports}) == len(reports)


# The held-back series (a blind part, 2026-12-03) miss English background precision:
# 0.90 against 0.95 (Russian 0.97 / 0.94). Strict: the day it holds, remove the marker.
HELDBACK_BELOW_TARGET = pytest.mark.xfail(
    strict=True, reason="issue 21 is open: English background precision 0.90 on the blind part"
)


@pytest.mark.parametrize(
    "heldback",
    [False, pytest.param(True, marks=HELDBACK_BELOW_TARGET)],
    ids=["written-with-the-rules", "heldback"],
)
def test_background_precision_and_recall_per_language(tmp_path, heldback):
    results = evaluate("series", heldback, tmp_path / "series.db")
    if heldback and not results:
        pytest.skip("no held-back series in tests/data/developments/")
    assert set(results) >= ({"en", "ru"} if not heldback else set())
    for lang, counts in results.items():
        report = f"{lang}: {counts.precision:.3f}/{counts.recall:.3f}\n" + "\n".join(counts.misses)
        assert counts.precision >= BACKGROUND_PRECISION, report
        assert counts.recall >= BACKGROUND_RECALL, report


@pytest.mark.parametrize("heldback", [False, True], ids=["written-with-the-rules", "heldback"])
def test_story_pairs_across_agencies_and_languages(tmp_path, heldback):
    results = evaluate("stories", heldback, tmp_path / "stories.db")
    if heldback and not results:
        pytest.skip("no held-back stories in tests/data/developments/")
    if not heldback:
        assert {"agencies:en", "agencies:ru", "agencies:ja", "languages"} <= set(results)
    for group, counts in results.items():
        report = f"{group}: {counts.precision:.3f}/{counts.recall:.3f}\n" + "\n".join(counts.misses)
        if group == "languages":
            assert counts.precision >= LANGUAGES_PRECISION, report
            assert counts.recall >= LANGUAGES_RECALL, report
        else:
            assert counts.precision >= AGENCIES_PRECISION, report
            assert counts.recall >= AGENCIES_RECALL, report
