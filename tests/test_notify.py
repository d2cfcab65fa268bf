"""Notifications through Apprise to a real HTTP endpoint on 127.0.0.1 (Apprise's json://):
marked sent only when accepted, retried next run, never twice."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from conftest import QuietServer, email_config, write_config
from kurilwatch.cli import app


class Webhook:
    """A real HTTP endpoint that keeps the JSON it is POSTed; `status` is its answer."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.status = 200
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if hook.status == 200:
                    hook.received.append({"path": self.path, **json.loads(body)})
                self.send_response(hook.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"json://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    hook = Webhook()
    yield hook
    hook.httpd.shutdown()
    hook.httpd.server_close()


def _targets(webhook: Webhook, *targets: tuple[str, str]) -> str:
    return "".join(
        f'\n[[notify]]\nname = "{name}"\nurl = "{webhook.url("/" + name)}"\nper = "{per}"\n'
        for name, per in targets
    )


@pytest.fixture
def wire(env, feed_server):
    return {"wire": feed_server.serve_file("/wire.xml", "developments_wire.rss")}


def test_one_digest_per_run_then_nothing(runner, env, wire, webhook):
    write_config(env["config"], wire, _targets(webhook, ("phone", "digest")))
    result = runner.invoke(app, ["run"])  # no [email]: notifications alone
    assert result.exit_code == 0, result.output
    assert len(webhook.received) == 1
    message = webhook.received[0]
    assert message["path"] == "/phone"
    assert message["title"] == "kurilwatch: 3 new items on the Kuril Islands"
    assert "* Russia opens new airport terminal on Iturup" in message["message"]
    assert runner.invoke(app, ["run"]).exit_code == 0
    assert runner.invoke(app, ["notify"]).exit_code == 3
    assert len(webhook.received) == 1  # never twice


def test_a_refusing_service_keeps_the_items_pending(runner, env, wire, webhook):
    write_config(env["config"], wire, _targets(webhook, ("hook", "story")))
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    webhook.status = 500
    failed = runner.invoke(app, ["notify"])
    assert failed.exit_code == 1
    assert failed.output.strip().startswith("Error: notify hook: not accepted: ")
    assert "500" in failed.output and "json://" not in failed.output  # the URL may hold a token
    webhook.status = 200
    sent = runner.invoke(app, ["notify"])
    assert sent.exit_code == 0, sent.output
    titles = [m["title"] for m in webhook.received]
    assert len(titles) == 3 and len(set(titles)) == 3  # one message per story
    assert "Russia opens new airport terminal on Iturup" in titles
    story = next(m for m in webhook.received if m["title"].startswith("Russia opens"))
    assert story["message"].splitlines()[1].startswith("  http")  # its link, then sentences
    assert runner.invoke(app, ["notify"]).exit_code == 3
    assert len(webhook.received) == 3


def test_targets_are_tracked_apart_from_each_other_and_from_mail(
    runner, env, wire, webhook, mail_sink
):
    extra = email_config(mail_sink.port) + _targets(webhook, ("a", "digest"), ("b", "digest"))
    write_config(env["config"], wire, extra)
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    assert runner.invoke(app, ["notify", "--target", "a"]).exit_code == 0
    assert [m["path"] for m in webhook.received] == ["/a"]
    result = runner.invoke(app, ["run"])  # mail gets everything, b everything, a nothing
    assert result.exit_code == 0, result.output
    assert [m["path"] for m in webhook.received] == ["/a", "/b"]
    assert len(mail_sink.messages) == 1


def test_a_failed_target_does_not_stop_mail_or_the_other_target(
    runner, env, wire, webhook, mail_sink
):
    extra = email_config(mail_sink.port) + _targets(webhook, ("good", "digest"))
    extra += '\n[[notify]]\nname = "down"\nurl = "json://127.0.0.1:9/nothing-listens"\n'
    write_config(env["config"], wire, extra)
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: notify down: not accepted: ")
    assert len(mail_sink.messages) == 1 and [m["path"] for m in webhook.received] == ["/good"]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            'name = "x"\nurl = "nosuchservice://abc"',
            "Apprise does not know URLs of nosuchservice://",
        ),
        ('name = "x"\nurl = "json://h"\nper = "item"', '\'per\' must be "digest" or "story"'),
        ('url = "json://h"', "'name' must be letters"),
        ('name = "x"\nurl = "json://h"\ntoken = "t"', "unknown key 'token'"),
    ],
)
def test_bad_notify_settings(runner, env, wire, table, expected):
    write_config(env["config"], wire, f"\n[[notify]]\n{table}\n")
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code in (0, 2)
    result = runner.invoke(app, ["notify"])
    assert result.exit_code == 2
    assert expected in result.output and len(result.output.strip().splitlines()) == 1


def test_notify_without_targets_or_with_an_unknown_one(runner, env, wire, webhook):
    write_config(env["config"], wire)
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    assert "no [[notify]] targets" in runner.invoke(app, ["notify"]).output
    write_config(env["config"], wire, _targets(webhook, ("a", "digest")))
    unknown = runner.invoke(app, ["notify", "--target", "zz"])
    assert unknown.exit_code == 2 and "no [[notify]] target named 'zz'" in unknown.output
