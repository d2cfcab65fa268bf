"""--verbose / -v and --log-file: what was requested, what came back, what was decided."""

from __future__ import annotations

from conftest import write_config
from kurilwatch.cli import app


def test_quiet_by_default_and_verbose_says_what_happened(runner, env, feed_server):
    feeds = {"wire": feed_server.serve_file("/wire.xml", "developments_wire.rss")}
    write_config(env["config"], feeds)
    quiet = runner.invoke(app, ["fetch", "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""
    verbose = runner.invoke(app, ["-v", "fetch", "--quiet"])
    assert verbose.exit_code == 0
    log = verbose.stderr
    assert f"kurilwatch.update: wire: GET {feeds['wire']}" in log
    assert "wire: 200 not_modified, 4001 bytes" in log  # what came back: the same body
    assert "wire: 0 new, 0 updated" in log  # nothing new: the second fetch
    assert "rejected" not in log  # that is -vv's detail
    assert runner.invoke(app, ["fetch", "--quiet"]).stderr == ""  # quiet again


def test_log_file_records_every_decision_at_vv(runner, env, feed_server, tmp_path):
    feeds = {"tass": feed_server.serve_file("/tass.xml", "tass_en.rss")}
    write_config(env["config"], feeds)
    path = tmp_path / "kw.log"
    result = runner.invoke(app, ["-vv", "--log-file", str(path), "fetch", "--quiet"])
    assert result.exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert f"tass: GET {feeds['tass']}" in text
    assert "kept '" in text and "rejected '" in text  # each entry, and why
    assert "new sentences" in text and "starts a story" in text
    assert "tass: 3 new, 0 updated" in text


def test_log_file_alone_logs_without_printing(runner, env, feed_server, tmp_path):
    feeds = {"tass": feed_server.serve_file("/tass.xml", "tass_en.rss")}
    write_config(env["config"], feeds)
    path = tmp_path / "kw.log"
    result = runner.invoke(app, ["--log-file", str(path), "fetch", "--quiet"])
    assert result.exit_code == 0 and result.output == ""
    assert "tass: 5 entries, 3 about the islands, 2 not" in path.read_text(encoding="utf-8")
