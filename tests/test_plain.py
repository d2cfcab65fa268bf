"""Piped output: `list`, `search` and `news` print plain lines when stdout is no terminal."""

from __future__ import annotations

import json

import pytest

from kurilwatch import plain
from kurilwatch.cli import app
from kurilwatch.store import Store

BOX = set("│┃━─┏┓┗┛┡┩└┘╇")


@pytest.fixture
def fetched(runner, standard_feeds):
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0


def test_piped_list_is_one_tab_separated_line_per_item(runner, fetched):
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert not BOX & set(result.output)
    stored = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert [len(row) for row in rows] == [5] * len(stored)
    for row, item in zip(rows, stored, strict=True):
        assert row[0] == str(item["id"])
        assert row[1] == item["published"].replace("T", " ")[:16]
        assert row[2] == ", ".join(item["sources"])
        assert row[3] == item["title"]
        assert row[4] == ", ".join(item["matched"])


def test_a_table_when_asked_for_or_forced_like_rich(runner, fetched):
    assert BOX & set(runner.invoke(app, ["list", "--format", "table"]).output)
    assert BOX & set(runner.invoke(app, ["list"], env={"FORCE_COLOR": "1"}).output)
    assert BOX & set(runner.invoke(app, ["list"], env={"TTY_COMPATIBLE": "1"}).output)
    forced_off = runner.invoke(app, ["list"], env={"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"})
    assert not BOX & set(forced_off.output)
    assert not BOX & set(runner.invoke(app, ["list", "--format", "plain"]).output)


def test_piped_search_has_the_snippet_without_marks(runner, fetched):
    result = runner.invoke(app, ["search", "missile"])
    assert result.exit_code == 0, result.output
    [row] = [line.split("\t") for line in result.output.splitlines()]
    assert row[3] == "Tokyo lodges protest over military drills near Hokkaido"
    assert "missile" in row[4] and "\x02" not in row[4] and "\x03" not in row[4]


def test_piped_list_group_is_one_line_per_story(runner, fetched):
    result = runner.invoke(app, ["list", "--group"])
    stories = json.loads(runner.invoke(app, ["list", "--group", "--format", "json"]).output)
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert [(row[0], row[3], row[4]) for row in rows] == [
        (str(s["story"]), s["title"], str(len(s["items"]))) for s in stories
    ]


def test_piped_news_is_the_view_unwrapped_and_unstyled(runner, wire_and_daily):
    piped = runner.invoke(app, ["news", "--since", "30d"]).output
    wide = runner.invoke(
        app, ["news", "--since", "30d", "--format", "table"], env={"COLUMNS": "1000"}
    ).output
    assert piped.splitlines() == [line.rstrip() for line in wide.splitlines()]
    assert "  … wire: 5 background sentences, seen in 2 earlier items" not in piped
    assert "5 background sentences, seen in 2 earlier items" in piped
    long_sentence = (
        "  • Working groups of Russia and Japan will hold a video conference on joint economic "
        "activity on the southern Kuril Islands next Friday, a Japanese newspaper reported."
    )
    assert long_sentence in piped.splitlines()


def test_nothing_to_show_when_piped(runner, env):
    Store(env["db"]).close()  # an empty database: a missing one is an error (exit 2)
    assert runner.invoke(app, ["list"]).output == ""
    assert runner.invoke(app, ["search", "Iturup"]).output == ""
    assert runner.invoke(app, ["news", "--since", "1d"]).output == "Nothing new.\n"


def test_records_keep_one_line_and_their_fields_apart():
    row = [[("1", "")], [("a\tb", "")], [("two\nlines", ""), (" [updated]", "yellow")]]
    assert plain.records([row, row]) == "1\ta b\ttwo lines [updated]\n" * 2
