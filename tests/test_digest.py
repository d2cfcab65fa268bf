"""Email digests against a real SMTP server on 127.0.0.1: nothing lost, nothing sent twice."""

from __future__ import annotations

import json
import re
import socket

import pytest

from conftest import Route, email_config, free_port, write_config
from kurilwatch.cli import app
from kurilwatch.store import Store

HOSTILE = b"""<rss version="2.0"><channel><title>x</title>
<item><title>Iturup &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; drills
Bcc: victim@example.org</title><link>https://x.example/h</link><guid>h-1</guid>
<pubDate>%%RFC-1h%%</pubDate><description>Troops on Iturup. &lt;b&gt;bold&lt;/b&gt;</description>
</item></channel></rss>"""


@pytest.fixture
def mail_env(env, feed_server, mail_sink, runner):
    """Fixture feeds fetched, and a config whose [email] points at the local SMTP server."""
    feeds = {
        "wire": feed_server.serve_file("/wire.xml", "developments_wire.rss"),
        "daily": feed_server.serve_file("/daily.xml", "developments_daily.rss"),
    }
    write_config(env["config"], feeds, email_config(mail_sink.port))
    assert runner.invoke(app, ["fetch", "--feed", "wire"]).exit_code == 0
    assert runner.invoke(app, ["fetch", "--feed", "daily"]).exit_code == 0
    return {**env, "feeds": feeds}


def sent_titles(message) -> list[str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return [line[2:] for line in text.splitlines() if line.startswith("* ")]


def test_dry_run_prints_and_marks_nothing(runner, mail_env, mail_sink):
    result = runner.invoke(app, ["digest"])
    assert result.exit_code == 0
    assert result.output.startswith("kurilwatch: 5 new items on the Kuril Islands")
    assert "Former islanders in Nemuro welcomed the decision." in result.output
    assert "The key obstacle" not in result.output  # background left out
    assert mail_sink.messages == []
    assert runner.invoke(app, ["digest"]).exit_code == 0  # still pending


def test_formats(runner, mail_env):
    html = runner.invoke(app, ["digest", "--format", "html"]).output
    assert html.startswith("<!DOCTYPE html>")
    heading = re.search(r'<h2 lang="en"><a href="([^"]+)">Russia opens new airport terminal', html)
    assert heading is not None, html  # the story title links to the article
    markdown = runner.invoke(app, ["digest", "--format", "markdown"]).output
    assert markdown.startswith("# kurilwatch: 5 new items on the Kuril Islands")
    assert "## Japanese fishing boat detained near Kunashir" in markdown


def test_email_sends_once_then_nothing(runner, mail_env, mail_sink):
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 0, result.output
    assert len(mail_sink.messages) == 1
    envelope = mail_sink.messages[0]
    assert envelope.rcpt_tos == ["analyst@example.org"]
    message = mail_sink.parsed()[0]
    assert message["Subject"] == "kurilwatch: 5 new items on the Kuril Islands"
    assert message["From"] == "kurilwatch@example.org"
    assert message["Message-ID"].endswith("@example.org>")
    assert message["Date"]
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain.get_content_charset() == "utf-8" and html.get_content_charset() == "utf-8"
    # One story per event: the wire and the daily report of the resumed talks are one story.
    assert len(sent_titles(message)) == 4
    assert "wire, daily" in plain.get_content() or "daily, wire" in plain.get_content()
    again = runner.invoke(app, ["digest", "--email"])
    assert again.exit_code == 3
    assert len(mail_sink.messages) == 1


def test_new_items_go_in_the_next_digest_only(runner, mail_env, mail_sink, feed_server):
    runner.invoke(app, ["digest", "--email"])
    feed_server.routes["/h"] = Route(body=HOSTILE)
    feeds = {**mail_env["feeds"], "hostile": feed_server.url("/h")}
    write_config(mail_env["config"], feeds, email_config(mail_sink.port))
    runner.invoke(app, ["fetch", "--feed", "hostile"])
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    second = mail_sink.parsed()[1]
    assert second["Subject"] == "kurilwatch: 1 new item on the Kuril Islands"
    assert len(sent_titles(second)) == 1


def test_always_sends_all_quiet(runner, mail_env, mail_sink):
    runner.invoke(app, ["digest", "--email"])
    result = runner.invoke(app, ["digest", "--email", "--always"])
    assert result.exit_code == 0, result.output  # it sent mail
    assert mail_sink.parsed()[1]["Subject"] == "kurilwatch: all quiet on the Kuril Islands"


def test_since_resends_without_moving_the_cursor(runner, mail_env, mail_sink):
    assert runner.invoke(app, ["digest", "--email", "--since", "4d"]).exit_code == 0
    # A re-send is not "new": its subject names the window.
    subject = mail_sink.parsed()[0]["Subject"]
    assert subject.startswith("kurilwatch: 4 items on the Kuril Islands since ")
    assert subject.endswith(" UTC")
    # Nothing was marked: the normal digest still has all five.
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    assert mail_sink.parsed()[1]["Subject"] == "kurilwatch: 5 new items on the Kuril Islands"


def test_recipients_are_tracked_separately(runner, mail_env, mail_sink):
    runner.invoke(app, ["digest", "--email"])
    other = runner.invoke(app, ["digest", "--email", "--to", "desk@example.org"])
    assert other.exit_code == 0
    assert mail_sink.messages[1].rcpt_tos == ["desk@example.org"]


def test_cap_leaves_the_rest_pending(runner, mail_env, mail_sink, feed_server):
    write_config(
        mail_env["config"], mail_env["feeds"], email_config(mail_sink.port, "max_items = 2\n")
    )
    runner.invoke(app, ["digest", "--email"])
    first = mail_sink.parsed()[0]
    assert first["Subject"] == "kurilwatch: 2 new items on the Kuril Islands"
    assert "3 more items waiting" in first.get_body(preferencelist=("plain",)).get_content()
    runner.invoke(app, ["digest", "--email"])
    runner.invoke(app, ["digest", "--email"])
    assert [m["Subject"].split(":")[1].split()[0] for m in mail_sink.parsed()] == ["2", "2", "1"]
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3


def test_hostile_title_is_escaped_and_never_a_header(runner, env, feed_server, mail_sink):
    feed_server.routes["/h"] = Route(body=HOSTILE)
    write_config(env["config"], {"hostile": feed_server.url("/h")}, email_config(mail_sink.port))
    runner.invoke(app, ["fetch"])
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    envelope = mail_sink.messages[0]
    assert envelope.rcpt_tos == ["analyst@example.org"]  # no injected Bcc
    message = mail_sink.parsed()[0]
    assert message["Bcc"] is None
    plain = message.get_body(preferencelist=("plain",)).get_content()
    assert "* Iturup <script>alert(1)</script> drills Bcc: victim@example.org" in plain
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html


# --- failures: the items stay pending and go exactly once with the next good run ----------


def assert_failure_then_recovery(runner, mail_env, mail_sink, expected_error: str):
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and expected_error in lines[0]
    assert mail_sink.messages == []
    good = email_config(mail_sink.port)
    write_config(mail_env["config"], mail_env["feeds"], good)
    mail_sink.reply = None
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    assert len(mail_sink.messages) == 1
    assert len(sent_titles(mail_sink.parsed()[0])) == 4


def test_connection_refused(runner, mail_env, mail_sink):
    write_config(mail_env["config"], mail_env["feeds"], email_config(free_port()))
    assert_failure_then_recovery(runner, mail_env, mail_sink, "connection refused")


@pytest.mark.parametrize(
    "reply", ["451 4.3.0 Temporary failure, try later", "550 5.7.1 Message rejected"]
)
def test_server_refuses_data(runner, mail_env, mail_sink, reply):
    mail_sink.reply = reply
    assert_failure_then_recovery(runner, mail_env, mail_sink, f"answered {reply}")


def test_authentication_failure(runner, mail_env, mail_sink, monkeypatch):
    mail_sink.password = "right"
    monkeypatch.setenv("KURILWATCH_SMTP_PASSWORD", "wrong")
    write_config(
        mail_env["config"], mail_env["feeds"], email_config(mail_sink.port, 'username = "kw"\n')
    )
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 1 and "rejected the login: 535" in result.output
    assert mail_sink.messages == []
    monkeypatch.setenv("KURILWATCH_SMTP_PASSWORD", "right")
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    assert len(mail_sink.messages) == 1


def test_timeout(runner, mail_env, mail_sink):
    silent = socket.socket()  # accepts connections (backlog) but never says hello
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)
    try:
        write_config(mail_env["config"], mail_env["feeds"], email_config(silent.getsockname()[1]))
        assert_failure_then_recovery(runner, mail_env, mail_sink, "did not answer within 2s")
    finally:
        silent.close()


def test_overlapping_runs_send_once(mail_env, mail_sink):
    import os
    import subprocess
    import sys

    mail_sink.delay = 1.0  # keep the first run inside its send while the second starts
    command = [sys.executable, "-m", "kurilwatch", "digest", "--email"]
    environment = {**os.environ, "KURILWATCH_DB": str(mail_env["db"])}
    runs = [subprocess.Popen(command, env=environment) for _ in range(2)]
    codes = sorted(run.wait(timeout=60) for run in runs)
    assert codes == [0, 3]  # one sent, the other waited and found nothing left
    assert len(mail_sink.messages) == 1


def test_config_errors(runner, env, mail_sink):
    env["config"].write_text('[email]\npassword = "secret"\n')
    result = runner.invoke(app, ["digest"])
    assert result.exit_code == 2 and "KURILWATCH_SMTP_PASSWORD" in result.output
    env["config"].write_text('[email]\nto = ["not an address"]\n')
    assert runner.invoke(app, ["digest"]).exit_code == 2
    env["config"].write_text('[email]\nfrom = "me@example.org\\r\\nBcc: x@example.org"\n')
    assert "is not an e-mail address" in runner.invoke(app, ["digest"]).output
    env["config"].write_text('[email]\nfrom = "me@example.org"\n')
    no_to = runner.invoke(app, ["digest", "--email"])
    assert no_to.exit_code == 2 and "no recipients" in no_to.output
    bad_to = runner.invoke(app, ["digest", "--email", "--to", "x@y.org\nBcc: z@y.org"])
    assert bad_to.exit_code == 2


def test_nothing_to_print(runner, env):
    Store(env["db"]).close()  # an empty database: a missing one is an error (exit 2)
    result = runner.invoke(app, ["digest"])
    assert result.exit_code == 3


def test_run_fetches_and_mails(runner, env, feed_server, mail_sink):
    feeds = {"wire": feed_server.serve_file("/wire.xml", "developments_wire.rss")}
    write_config(env["config"], feeds, email_config(mail_sink.port))
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert mail_sink.parsed()[0]["Subject"] == "kurilwatch: 3 new items on the Kuril Islands"
    assert runner.invoke(app, ["run"]).exit_code == 0
    assert len(mail_sink.messages) == 1
    feed_server.routes["/wire.xml"] = Route(status=500, body=b"down")
    failed = runner.invoke(app, ["run"])
    assert failed.exit_code == 1
    assert failed.output.strip() == "Error: feed wire: HTTP 500 Internal Server Error"
    items = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    assert len(items) == 3


def test_crash_between_send_and_mark_neither_resends_nor_loses(
    runner, mail_env, mail_sink, monkeypatch
):
    import kurilwatch.digest as digest_module

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # killed right after the server accepted the message

    original = digest_module.mark_sent
    monkeypatch.setattr(digest_module, "mark_sent", crash)
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code != 0 and len(mail_sink.messages) == 1
    monkeypatch.setattr(digest_module, "mark_sent", original)
    # The acceptance was recorded beside the database first: the next run marks the items.
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    assert len(mail_sink.messages) == 1
    assert runner.invoke(app, ["digest"]).exit_code == 3  # nothing pending: all were marked


def test_run_without_mail_settings_stops_before_fetching(runner, env, feed_server):
    feeds = {"wire": feed_server.serve_file("/wire.xml", "developments_wire.rss")}
    write_config(env["config"], feeds)
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Error: no recipients: give --to ADDRESS or set email.to in the config"
    )
    assert feed_server.requests_to("/wire.xml") == []
