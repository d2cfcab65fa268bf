"""One rule for every command: rich at a terminal, plain lines in a pipe; narrow terminals."""

from __future__ import annotations

import json
import re

import pytest

from conftest import Route, write_config
from kurilwatch.cli import app

BOX = set("│┃━─┏┓┗┛┡┩└┘╇┳┻╋")
TERMINAL = {"TTY_COMPATIBLE": "1"}
STYLES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # what a terminal shows as bold, struck…

V1 = """<?xml version="1.0"?><rss version="2.0"><channel><title>r</title>
<item><guid>r1</guid><title>Drills on Iturup</title>
<description>Russian troops could hold drills on Iturup, the ministry said.</description>
</item></channel></rss>"""
V2 = V1.replace("could hold", "will hold")


@pytest.fixture
def fetched(runner, standard_feeds):
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0


@pytest.fixture
def revised(runner, env, feed_server):
    feed_server.routes["/r"] = Route(body=V1.encode())
    write_config(env["config"], {"r": feed_server.url("/r")})
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    feed_server.routes["/r"] = Route(body=V2.encode())
    assert runner.invoke(app, ["fetch", "-q"]).exit_code == 0
    return json.loads(runner.invoke(app, ["list", "--format", "json"]).output)[0]["id"]


def plain_lines(output: str) -> list[str]:
    assert not BOX & set(output), output
    assert "\x1b" not in output
    lines = output.splitlines()
    assert all(line == line.rstrip() for line in lines)  # no padding for grep to trip on
    return lines


def test_feeds_in_a_pipe_is_one_line_per_feed(runner, fetched, standard_feeds):
    lines = plain_lines(runner.invoke(app, ["feeds"]).output)
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert [row[0] for row in rows] == list(standard_feeds)
    assert all(row[-1].isdigit() for row in rows)  # items stored, last


def test_fetch_stats_show_explain_in_a_pipe_draw_no_boxes(runner, standard_feeds, env):
    fetched = runner.invoke(app, ["fetch"])
    assert "tass-en\tok\t5\t3\t3\t0" in plain_lines(fetched.output)
    item = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)[0]
    for args in (
        ["stats", "--since", "14d"],
        ["show", str(item["id"])],
        ["explain", str(item["id"])],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        plain_lines(result.output)
    shown = plain_lines(runner.invoke(app, ["show", str(item["id"])]).output)
    assert shown[0] == item["title"] and f"ID\t{item['id']}" in shown
    # A long text stays one line however narrow the terminal says it is: no wrapping.
    narrow = runner.invoke(app, ["show", str(item["id"])], env={"COLUMNS": "40"})
    assert plain_lines(narrow.output) == shown


def test_a_table_at_a_terminal_or_when_asked(runner, fetched):
    assert BOX & set(runner.invoke(app, ["feeds"], env=TERMINAL).output)
    assert BOX & set(runner.invoke(app, ["feeds", "--format", "table"]).output)
    assert BOX & set(runner.invoke(app, ["stats"], env=TERMINAL).output)
    assert not BOX & set(runner.invoke(app, ["feeds", "--format", "plain"], env=TERMINAL).output)


@pytest.mark.parametrize("width", [80, 60])
def test_feeds_fits_the_terminal(runner, fetched, width):
    result = runner.invoke(app, ["feeds"], env={**TERMINAL, "NO_COLOR": "1", "COLUMNS": str(width)})
    lines = STYLES.sub("", result.output).splitlines()
    assert max(map(len, lines)) <= width, result.output
    header = next(line for line in lines if "Items" in line)
    for column in ("Feed", "Last success", "Last error", "Items"):
        assert column in header, header
    assert ("HTTP" in header) == (width >= 70)
    assert "tass-en" in result.output and "japan-news" in result.output


def test_diff_in_a_pipe_marks_changes_on_one_line(runner, revised):
    lines = plain_lines(runner.invoke(app, ["diff", str(revised)]).output)
    assert "Russian troops [-could-]{+will+} hold drills on Iturup, the ministry said." in lines


@pytest.mark.parametrize("environment", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_diff_without_colours_at_a_terminal_still_marks_changes(runner, revised, environment):
    result = runner.invoke(app, ["diff", str(revised)], env={**TERMINAL, **environment})
    assert "[-could-]{+will+}" in STYLES.sub("", result.output)
    assert "couldwill" not in STYLES.sub("", result.output)
    if "NO_COLOR" in environment:
        assert "\x1b[3" not in result.output  # no colour; bold and strike are not colours


def test_the_progress_display_names_the_feeds_still_pending():
    import io
    from types import SimpleNamespace

    from rich.console import Console

    from kurilwatch.render import PendingFeeds

    console = Console(file=io.StringIO(), force_terminal=True)
    progress = PendingFeeds(console, ["tass-en", "kyodo", "nhk", "japan-news", "google-news"])
    assert progress.description() == ("Polling feeds: waiting for tass-en, kyodo, nhk and 2 more")
    for name in ("tass-en", "nhk", "google-news"):
        progress.done(SimpleNamespace(feed=name))
    assert progress.description() == "Polling feeds: waiting for kyodo, japan-news"
    progress.done(SimpleNamespace(feed="kyodo"))
    progress.done(SimpleNamespace(feed="japan-news"))
    assert progress.description() == "Polling feeds"


def test_fetch_at_a_terminal_shows_which_feeds_it_waits_for(runner, standard_feeds):
    result = runner.invoke(app, ["fetch"], env=TERMINAL)
    assert result.exit_code == 0
    assert "Polling feeds: waiting for" in result.output


def test_shell_completion_is_offered_and_completes_commands(runner, monkeypatch):
    # Typer otherwise ignores the shell named and detects the one running the tests from
    # the process tree, which fails where no shell is an ancestor (or one exits under load):
    # "Shell  not supported." Typer's own switch makes the option take the shell named.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    shown = runner.invoke(app, ["--show-completion", "bash"], prog_name="kurilwatch")
    assert shown.exit_code == 0, (shown.output, repr(shown.exception))
    assert "_kurilwatch_completion" in shown.output and "complete_bash" in shown.output
    completed = runner.invoke(
        app,
        [],
        prog_name="kurilwatch",
        env={
            "_KURILWATCH_COMPLETE": "complete_bash",
            "COMP_WORDS": "kurilwatch pa",
            "COMP_CWORD": "1",
        },
    )
    assert completed.output.split() == ["paths"]
    assert "--install-completion" in runner.invoke(app, ["--help"]).output
