"""What the user is told: wrong inputs, missing databases, the reason behind every exit code."""

from __future__ import annotations

import json
import re

import pytest

from conftest import Route, email_config, free_port, write_config
from kurilwatch.cli import app
from kurilwatch.store import Store

V1 = b"""<rss version="2.0"><channel><title>x</title><item><title>Drills on Iturup</title>
<link>https://x.example/drills</link><guid>d-1</guid><pubDate>%%RFC-1h%%</pubDate>
<description>Russian troops held drills on Iturup on Monday.</description></item></channel></rss>"""
V2 = V1.replace(b"on Monday.", b"on Tuesday.")


def one_error_line(result) -> str:
    """The single `Error:` line a failed command printed (and nothing else, no traceback)."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


# --- read-only commands never create a database -------------------------------------------

READ_ONLY = [
    ["list"],
    ["list", "--source", "tass-en"],
    ["show", "1"],
    ["show", "1", "--format", "json"],
    ["search", "Iturup"],
    ["news"],
    ["news", "--since", "1d"],
    ["diff", "1"],
    ["explain", "1"],
    ["stats"],
    ["export"],
    ["export", "--format", "json"],
    ["report"],
    ["feeds"],
    ["feeds", "list"],
    ["digest"],
    ["digest", "--email"],
    ["digest", "--email", "--always"],
    ["refilter"],
    ["refilter", "--dry-run"],
]


@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_commands_that_only_read_never_create_a_database(runner, env, args, monkeypatch):
    monkeypatch.chdir(env["dir"])  # `report` would write its file here
    write_config(env["config"], {"tass-en": "http://127.0.0.1:9/x"}, email_config(free_port()))
    missing = env["dir"] / "no" / "such" / "dir" / "kw.db"
    result = runner.invoke(app, [*args, "--db", str(missing)])
    assert result.exit_code == 2, result.output
    assert f"database {missing} does not exist" in one_error_line(result)
    assert not (env["dir"] / "no").exists()
    assert not (env["dir"] / "kurilwatch-report.html").exists()


def test_only_fetch_and_run_create_a_database(runner, env, feed_server, mail_sink):
    url = feed_server.serve_file("/en.xml", "tass_en.rss")
    write_config(env["config"], {"tass-en": url}, email_config(mail_sink.port))
    fetched = env["dir"] / "a" / "kw.db"
    assert runner.invoke(app, ["fetch", "-q", "--db", str(fetched)]).exit_code == 0
    assert fetched.is_file()
    ran = env["dir"] / "b" / "kw.db"
    assert runner.invoke(app, ["run", "--db", str(ran)]).exit_code == 0
    assert ran.is_file() and len(mail_sink.messages) == 1
    # The created database is then used by the read-only commands as before.
    listed = runner.invoke(app, ["list", "--db", str(fetched), "--format", "json"])
    assert listed.exit_code == 0 and len(json.loads(listed.output)) == 3


def test_news_without_a_database_moves_no_cursor_and_creates_nothing(runner, env):
    result = runner.invoke(app, ["news"])
    assert result.exit_code == 2 and "does not exist" in one_error_line(result)
    assert not env["db"].exists()


# --- unknown feeds ------------------------------------------------------------------------


@pytest.fixture
def fetched(runner, env, feed_server):
    feeds = {
        "tass-en": feed_server.serve_file("/en.xml", "tass_en.rss"),
        "fresh": feed_server.url("/nothing-yet"),
    }
    write_config(env["config"], {"tass-en": feeds["tass-en"]})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    write_config(env["config"], feeds)  # "fresh" is configured but was never polled
    return feeds


def test_list_of_an_unknown_feed_is_exit_2(runner, fetched):
    result = runner.invoke(app, ["list", "--source", "nosuchfeed"])
    assert result.exit_code == 2
    assert one_error_line(result) == (
        "Error: unknown feed 'nosuchfeed' (configured: tass-en, fresh)"
    )


def test_list_of_a_known_feed_with_nothing_to_show_is_exit_0(runner, fetched, env):
    assert runner.invoke(app, ["list", "--source", "fresh"]).exit_code == 0  # never polled
    gone = runner.invoke(app, ["list", "--source", "tass-en", "--since", "2026-12-31T00:00"])
    assert gone.exit_code == 0 and gone.output == ""
    # A feed removed from the config still has its stored items.
    write_config(env["config"], {"fresh": fetched["fresh"]})
    kept = runner.invoke(app, ["list", "--source", "tass-en", "--format", "json"])
    assert kept.exit_code == 0 and len(json.loads(kept.output)) == 3


# --- a non-zero exit always says why ------------------------------------------------------


def test_run_and_quiet_fetch_say_why_on_every_failing_run(runner, env, feed_server, mail_sink):
    feed_server.serve_file("/f", "tass_en.rss")
    write_config(env["config"], {"kyodo": feed_server.url("/f")}, email_config(mail_sink.port))
    assert runner.invoke(app, ["run"]).output == ""
    feed_server.routes["/f"] = Route(status=503, body=b"")
    down = runner.invoke(app, ["run"])
    assert down.exit_code == 1
    assert one_error_line(down) == "Error: feed kyodo: HTTP 503 Service Unavailable"
    table = runner.invoke(app, ["fetch"])
    assert table.exit_code == 1 and "HTTP 503" in table.stdout
    assert table.stderr == "Error: feed kyodo failed\n"
    still_down = r"Error: feed kyodo still down since \d{4}-\d\d-\d\d \d\d:\d\d UTC"
    for command in (["run"], ["fetch", "-q"], ["run"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1
        assert re.fullmatch(still_down, one_error_line(result)), result.output


def test_email_digest_with_nothing_new_says_so(runner, env, mail_sink):
    write_config(env["config"], {}, email_config(mail_sink.port))
    Store(env["db"]).close()
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 3
    assert result.output == "Nothing new since the last digest: nothing sent.\n"
    assert mail_sink.messages == []
    quiet = runner.invoke(app, ["digest", "--email", "--always"])
    assert quiet.exit_code == 0 and quiet.output == ""  # it sent the "all quiet" note
    assert mail_sink.parsed()[0]["Subject"] == "kurilwatch: all quiet on the Kuril Islands"


# --- wording ------------------------------------------------------------------------------


def test_run_help_does_not_mention_an_email_option_it_lacks(runner):
    result = runner.invoke(app, ["run", "--help"])
    assert "--always" in result.output and "--email" not in result.output


@pytest.fixture
def no_auth_server():
    """A real SMTP server that offers no AUTH at all."""
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port
    controller.stop()


def test_username_against_a_server_without_auth_says_so(runner, env, no_auth_server):
    config = email_config(no_auth_server, 'username = "kw"\n')
    write_config(env["config"], {}, config)
    Store(env["db"]).close()
    result = runner.invoke(app, ["digest", "--email", "--always"])
    assert result.exit_code == 1
    line = one_error_line(result)
    assert "offers no AUTH" in line and "email.username" in line
    assert "set email.security to match the server" not in line


def test_news_since_error_mentions_last(runner, env):
    result = runner.invoke(app, ["news", "--since", "lastweek"])
    assert result.exit_code == 2
    assert "is not 'last', a duration" in one_error_line(result)


def test_retry_times_are_in_one_format(runner, env, feed_server):
    feed_server.routes["/busy"] = Route(status=503, headers={"Retry-After": "7200"})
    write_config(env["config"], {"busy": feed_server.url("/busy")})
    first = runner.invoke(app, ["fetch", "-q"])
    second = runner.invoke(app, ["fetch"])
    health = json.loads(runner.invoke(app, ["feeds", "--format", "json"]).output)[0]
    moment = r"\d{4}-\d\d-\d\d \d\d:\d\d UTC"
    assert re.search(rf"retry after {moment}\)$", health["last_error"])
    text = " ".join((first.output + second.output).split())
    assert re.search(rf"retry after {moment}", text), text
    assert re.search(rf"server asked to wait until {moment}", text), text
    assert not re.search(r"\d\dT\d\d:\d\d", text)


def test_refilter_dry_run_has_no_dangling_colon(runner, fetched):
    result = runner.invoke(app, ["refilter", "--dry-run"])
    assert result.exit_code == 0
    assert "0 entries would be added." in result.output
    headings = [line for line in result.output.splitlines() if line[:1].isdigit()]
    assert len(headings) == 2 and all(line.startswith("0 ") for line in headings)
    assert not any(line.rstrip().endswith(":") for line in headings), result.output


def test_diff_of_identical_revisions_says_so(runner, env, feed_server):
    write_config(env["config"], {"r": feed_server.url("/r")})
    for body in (V1, V2, V1):
        feed_server.routes["/r"] = Route(body=body)
        assert runner.invoke(app, ["fetch"]).exit_code == 0
    item_id = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)[0]["id"]
    for fmt in ("color", "unified"):
        same = runner.invoke(app, ["diff", str(item_id), "-r", "1", "-r", "3", "--format", fmt])
        assert same.exit_code == 0
        assert same.output == f"Revisions 1 and 3 of item {item_id} are identical.\n"
    changed = runner.invoke(app, ["diff", str(item_id), "-r", "1", "-r", "2"])
    assert "Tuesday" in changed.output


def test_show_as_json_has_every_field_and_the_hits(runner, fetched):
    listed = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    item = next(i for i in listed if i["title"].startswith("Tokyo lodges protest"))
    result = runner.invoke(app, ["show", str(item["id"]), "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert {k: shown[k] for k in item} == item  # everything `list` gives, and more
    assert "coastal missile units held exercises on Iturup" in shown["text"]
    assert shown["lang"] == "en" and shown["revision"] == 1 and shown["guid"]
    assert shown["hits"]["title"] == []
    iturup = next(h for h in shown["hits"]["text"] if h["text"] == "Iturup")
    assert shown["text"][iturup["start"] : iturup["end"]] == "Iturup"
    missing = runner.invoke(app, ["show", "999", "--format", "json"])
    assert missing.exit_code == 2 and one_error_line(missing) == "Error: no item with ID 999"
