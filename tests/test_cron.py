"""Unattended runs: a second fetch or run while one is still going on polls nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from conftest import Route, write_config
from kurilwatch.cli import app
from kurilwatch.locks import lock_path


def _slow_first_fetch(env, feed_server, delay: float) -> subprocess.Popen:
    """A real `kurilwatch fetch` in another process, held up by a slow feed."""
    feed_server.serve_file("/wire.xml", "developments_wire.rss")
    feed_server.routes["/wire.xml"].delay = delay
    write_config(env["config"], {"wire": feed_server.url("/wire.xml")})
    first = subprocess.Popen(
        [sys.executable, "-m", "kurilwatch", "fetch", "--quiet"],
        env={**os.environ, "KURILWATCH_DB": str(env["db"])},
    )
    deadline = time.monotonic() + 20
    while not feed_server.requests_to("/wire.xml"):  # the first run is polling now
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.05)
    return first


def test_a_second_fetch_while_one_runs_skips_with_exit_4(runner, env, feed_server):
    first = _slow_first_fetch(env, feed_server, delay=3.0)
    try:
        for command in (["fetch"], ["fetch", "--quiet"]):
            second = runner.invoke(app, [*command, "--wait", "0.3"])
            assert second.exit_code == 4, second.output
            lines = second.output.strip().splitlines()
            assert len(lines) == 1
            assert lines[0].startswith("Error: another kurilwatch fetch (process ")
            assert lines[0].endswith("after 0.3s: skipped, nothing polled")
    finally:
        assert first.wait(timeout=30) == 0
    assert len(feed_server.requests_to("/wire.xml")) == 1  # the publisher was polled once


def test_run_skips_too_and_sends_nothing(runner, env, feed_server, mail_sink):
    from conftest import email_config

    first = _slow_first_fetch(env, feed_server, delay=3.0)
    write_config(
        env["config"], {"wire": feed_server.url("/wire.xml")}, email_config(mail_sink.port)
    )
    try:
        second = runner.invoke(app, ["run", "--wait", "0.2"])
        assert second.exit_code == 4, second.output
        assert "skipped, nothing polled" in second.output
    finally:
        first.wait(timeout=30)
    assert len(feed_server.requests_to("/wire.xml")) == 1
    assert mail_sink.messages == []


def test_a_second_fetch_waits_for_a_short_first_one(runner, env, feed_server):
    first = _slow_first_fetch(env, feed_server, delay=1.0)
    feed_server.routes["/wire.xml"] = Route(status=304)  # the second poll: not modified
    second = runner.invoke(app, ["fetch", "--quiet", "--wait", "20"])
    assert first.wait(timeout=30) == 0
    assert second.exit_code == 0, second.output
    assert len(feed_server.requests_to("/wire.xml")) == 2  # polled after the first finished


def test_a_lock_left_by_a_killed_run_is_no_lock(runner, env, feed_server):
    first = _slow_first_fetch(env, feed_server, delay=5.0)
    first.kill()
    first.wait(timeout=10)
    assert lock_path(env["db"], "fetch").exists()  # the file stays; the flock died with it
    feed_server.routes["/wire.xml"].delay = 0
    result = runner.invoke(app, ["fetch", "--quiet", "--wait", "0"])
    assert result.exit_code == 0, result.output
    assert len(feed_server.requests_to("/wire.xml")) == 2
