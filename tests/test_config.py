"""Configuration: defaults, the TOML file, env overrides, and one clear line for bad files."""

from __future__ import annotations

import pytest

from kurilwatch.cli import app
from kurilwatch.config import DEFAULT_FEEDS, load_config, resolve_db_path
from kurilwatch.errors import ConfigError


def test_no_config_means_builtin_feeds(tmp_path, monkeypatch):
    monkeypatch.delenv("KURILWATCH_CONFIG", raising=False)
    monkeypatch.setattr("kurilwatch.config.default_config_path", lambda: tmp_path / "none.toml")
    config = load_config()
    assert config.feeds == DEFAULT_FEEDS
    names = {f.name for f in config.feeds}
    assert {
        "tass-en",
        "tass-ru",
        "japan-news",
        "kyodo",
        "nhk",
        "japan-times",
        "moscow-times",
        "google-news",
    } <= names


def test_config_lists_exactly_its_feeds(env):
    env["config"].write_text(
        '[[feeds]]\nname = "a"\nurl = "http://127.0.0.1/a"\nlang = "ru"\n\n'
        '[filter]\ninclude = ["Sakhalin Oblast", "/южно-?сахалинск/"]\nexclude = ["cat breed"]\n'
    )
    config = load_config()
    assert [(f.name, f.url, f.lang) for f in config.feeds] == [("a", "http://127.0.0.1/a", "ru")]
    assert config.include == ("Sakhalin Oblast", "/южно-?сахалинск/")
    assert config.exclude == ("cat breed",)


def test_db_path_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("KURILWATCH_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert resolve_db_path(tmp_path / "x.db") == tmp_path / "x.db"
    monkeypatch.delenv("KURILWATCH_DB")
    assert resolve_db_path(None).name == "kurilwatch.db"


BAD_CONFIGS = [
    ('[[feeds]\nname = "a"', "invalid TOML"),
    ('colour = "red"', "unknown key 'colour'"),
    ('[[feeds]]\nname = "a"', "feed #1: missing 'url'"),
    ('[[feeds]]\nurl = "http://x/"', "feed #1: missing 'name'"),
    ('[[feeds]]\nname = "a"\nurl = "ftp://x/feed"', "must start with http:// or https://"),
    ('[[feeds]]\nname = "a"\nurl = "http://x:99999/feed"', "is not a valid URL (Port out of"),
    ('[[feeds]]\nname = "a"\nurl = "http://ex ample.com/feed"', "contains a space"),
    ('[[feeds]]\nname = "a"\nurl = "http://user@:80/feed"', "has no host name"),
    ('[[feeds]]\nname = "a"\nurl = "http://x/"\ncolour = 1', "feed #1: unknown key 'colour'"),
    (
        '[[feeds]]\nname = "a"\nurl = "http://x/"\n[[feeds]]\nname = "a"\nurl = "http://y/"',
        "feed name 'a' is used twice",
    ),
    ('[filter]\ninclude = ["/kuril(/"]', "filter.include: bad regular expression"),
    ('[filter]\nexclude = "smoking"', "'filter.exclude' must be a list"),
    ("[filter]\nblock = []", "unknown key 'filter.block'"),
    ('feeds = "x"', "'feeds' must be an array of tables"),
    # A TOML string may end in a newline: "en\n" is not a language code.
    ('[[feeds]]\nname = "a"\nurl = "http://x/"\nlang = "en\\n"', "lang must be a language code"),
]


@pytest.mark.parametrize(("text", "problem"), BAD_CONFIGS)
def test_bad_config_is_one_line_exit_2(runner, env, text, problem):
    env["config"].write_text(text)
    with pytest.raises(ConfigError, match=problem.replace("(", r"\(").replace("[", r"\[")):
        load_config()
    for command in (["fetch"], ["feeds"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1, result.output
        assert lines[0].startswith(f"Error: {env['config']}")
        assert problem in lines[0]


def test_missing_explicit_config_is_an_error(runner, env, tmp_path):
    result = runner.invoke(app, ["fetch", "--config", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert "nope.toml does not exist" in result.output
