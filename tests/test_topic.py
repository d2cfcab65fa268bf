"""The topic veto: a learned model overturning the rules' weaker decisions (topic.py)."""

from __future__ import annotations

import json
import re

from kurilwatch.match import Matcher, firm_evidence
from kurilwatch.topic import WEIGHTS
from kurilwatch.train_topic import build, data_hash, training_files

# A native of an island town in a sports story: a kind of look-alike the rules let through.
RUNNER = (
    "Marathon: Ivanova wins in Kazan with a personal best",
    "Anna Ivanova, a runner from Kunashir, won the women's race in 2:24:10, ahead of two "
    "Kenyan runners. She trained at altitude in Kislovodsk this autumn and plans to run the "
    "Tokyo marathon next spring, her coach said after the medal ceremony.",
)
ISLAND_STORIES = [
    (
        "Russia deploys new air defence systems on Iturup",
        "The Russian defence ministry said on Tuesday that S-300V4 air defence systems had "
        "been put on combat duty on Iturup, the largest of the islands Japan claims. Tokyo "
        "lodged a protest through diplomatic channels, calling the deployment unacceptable.",
    ),
    (
        "Ferry to Kunashir resumes after storm",
        "The ferry left Korsakov for Yuzhno-Kurilsk on Wednesday after a three-day delay "
        "caused by a storm, carrying passengers, mail and food supplies for the island's "
        "residents, the regional transport ministry said.",
    ),
]


def test_the_shipped_weights_are_what_the_labelled_data_trains():
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert shipped["trained_on"] == data_hash(training_files())
    assert not any(name.startswith("heldback_") for name in shipped["files"])
    assert WEIGHTS.read_text(encoding="utf-8") == build()
    assert WEIGHTS.stat().st_size < 1_000_000


def test_the_veto_rejects_a_look_alike_the_rules_accept_and_says_why():
    rules_alone = Matcher(veto=False).match_item(*RUNNER)
    assert rules_alone.relevant and not firm_evidence(rules_alone)
    result = Matcher().match_item(*RUNNER)
    assert not result.relevant
    assert result.vetoed == result.reason
    assert result.reason.startswith("not counted: the text reads as a story about")
    # the words it names are the runner's story's own, never the masked island's name
    found = re.search(r"topic score [\d.]+; words: ([^)]*)\)", result.reason)
    assert found, result.reason
    words = found.group(1).split(", ")
    story = " ".join(RUNNER).lower()
    assert words and all(re.search(rf"\b{re.escape(w)}", story) for w in words), words
    assert "kunashir" not in words
    assert rules_alone.reason in result.reason


def test_the_veto_keeps_stories_about_the_islands_and_firm_evidence():
    matcher = Matcher()
    for title, text in ISLAND_STORIES:
        result = matcher.match_item(title, text)
        assert result.relevant and not result.vetoed, result.reason
    # A headline alone says too little for the model to overrule the rules.
    assert matcher.match("Учения на Курилах").relevant


def test_the_veto_shows_in_the_match_command(runner, env):
    from kurilwatch.cli import app

    table = runner.invoke(app, ["match", "--title", RUNNER[0], RUNNER[1]])
    assert table.exit_code == 3
    assert "not counted: the text reads as a story about something else" in table.output
    data = json.loads(runner.invoke(app, ["match", "--format", "json", "--title", *RUNNER]).output)
    assert data["relevant"] is False and data["vetoed"].startswith("not counted")


def test_explain_shows_the_veto_on_an_item_stored_before_it(runner, env):
    from datetime import UTC, datetime

    from kurilwatch.cli import app
    from kurilwatch.models import Entry
    from kurilwatch.store import Store

    title, text = RUNNER
    published = datetime(2026, 11, 20, tzinfo=UTC)
    with Store(env["db"]) as store:
        entry = Entry("g1", "https://x.example/1", None, title, text, text, published)
        item_id = store.upsert_entry("sports", entry, ["Kunashir"]).item_id
    table = runner.invoke(app, ["explain", str(item_id)])
    assert "NO MATCH" in table.output and "topic score" in table.output
    data = json.loads(runner.invoke(app, ["explain", str(item_id), "--format", "json"]).output)
    assert data["relevant"] is False and "story about something else" in data["vetoed"]
