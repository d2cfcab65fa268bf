"""Paths: ~ and $VARIABLES expanded, --db/--config before or after the command, `paths`."""

from __future__ import annotations

import pytest

from conftest import write_config
from kurilwatch.cli import app


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    return home


def test_a_tilde_in_kurilwatch_db_is_the_home_directory(
    runner, env, home, feed_server, monkeypatch
):
    feeds = {"wire": feed_server.serve_file("/wire.xml", "developments_wire.rss")}
    write_config(env["config"], feeds)
    monkeypatch.setenv("KURILWATCH_DB", "~/kw.db")  # as a crontab line writes it
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    assert (home / "kw.db").is_file()
    assert not (env["dir"] / "~").exists()
    assert runner.invoke(app, ["list", "--format", "plain"]).output.count("\n") == 3


def test_variables_are_expanded_in_every_path(runner, env, home, monkeypatch):
    monkeypatch.setenv("KW_HOME", str(home))
    monkeypatch.setenv("KURILWATCH_CONFIG", "$KW_HOME/kw.toml")
    (home / "kw.toml").write_text('[filter]\ninclude = ["Sakhalin Oblast"]\n')
    result = runner.invoke(app, ["match", "Sakhalin Oblast budget"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["list", "--db", "${KW_HOME}/none.db"])
    assert result.exit_code == 2
    assert f"Error: database {home}/none.db does not exist" in result.output


def test_db_and_config_before_or_after_the_command(runner, env, home):
    other = env["dir"] / "other.db"
    for args in (["--db", str(other), "list"], ["list", "--db", str(other)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and f"database {other} does not exist" in result.output
    # After the command it wins over the one before, as the nearer says more.
    result = runner.invoke(app, ["--db", "/nowhere/a.db", "paths", "--db", str(other)])
    assert f"database\t{other}\tfrom --db" in result.output


def test_paths_says_where_each_path_came_from(runner, env, home, monkeypatch):
    result = runner.invoke(app, ["paths"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"config\t{env['config']}\tfrom KURILWATCH_CONFIG",
        f"database\t{env['db']}\tfrom KURILWATCH_DB; it does not exist yet",
    ]
    monkeypatch.delenv("KURILWATCH_DB")
    monkeypatch.setenv("KURILWATCH_CONFIG", "~/kw.toml")
    result = runner.invoke(app, ["paths"])
    assert result.output.splitlines() == [
        f"config\t{home}/kw.toml\tfrom KURILWATCH_CONFIG (~/kw.toml); it does not exist yet",
        f"database\t{home}/.local/share/kurilwatch/kurilwatch.db\tfrom the default; "
        "it does not exist yet",
    ]
    result = runner.invoke(app, ["--config", str(env["config"]), "paths"])
    assert result.output.splitlines()[0] == f"config\t{env['config']}\tfrom --config"


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["feeds", "add", "--help"]])
def test_help_names_the_real_default_paths(runner, home, args):
    result = runner.invoke(app, args, terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    if "--db" in text:
        assert f"default: {home}/.local/share/kurilwatch/kurilwatch.db" in text
    assert f"default: {home}/.config/kurilwatch/config.toml" in text
    assert "DEFAULT_" not in text
