"""JSON for scripts: --format ndjson wherever json exists, one key name for one thing, and
item records with their language, canonical URL and revision count."""

from __future__ import annotations

import json

import pytest

from kurilwatch.cli import app

TRACKED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title>
<item><title>Japan protests Russian drills on Iturup</title>
<link>https://news.example/drills/3?utm_source=rss&amp;utm_campaign=x&amp;page=2</link>
<guid>drills-3</guid><pubDate>%%RFC-2h%%</pubDate>
<description>Tokyo lodged a protest over military drills on Iturup.</description></item>
</channel></rss>"""

# Every command with --format json, and what it is given.
COMMANDS = [
    ["list"],
    ["list", "--group"],
    ["show", "1"],
    ["feeds"],
    ["news", "--since", "30d"],
    ["search", "Iturup"],
    ["stats"],
    ["explain", "1"],
    ["match", "Kunashir and Iturup"],
    ["feeds", "check"],
]


@pytest.fixture
def stored(fetched):
    return fetched("tracked", TRACKED)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_ndjson_is_the_json_one_record_a_line(runner, stored, command):
    as_json = runner.invoke(app, [*command, "--format", "json"])
    as_ndjson = runner.invoke(app, [*command, "--format", "ndjson"])
    assert as_json.exit_code == as_ndjson.exit_code == 0, as_ndjson.output
    whole = _timeless(json.loads(as_json.stdout))
    lines = as_ndjson.stdout.splitlines()
    records = [_timeless(json.loads(line)) for line in lines]
    assert records == (whole if isinstance(whole, list) else [whole])
    assert all("\n" not in line and line.startswith("{") for line in lines)


def _timeless(value: object) -> object:
    """Without stats' `since` and `until`: "now" moves between the two runs."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k not in ("since", "until")}
    return value


def test_export_ndjson_and_json_agree(runner, stored):
    whole = json.loads(runner.invoke(app, ["export", "--format", "json"]).stdout)
    lines = runner.invoke(app, ["export", "--format", "ndjson"]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == whole and len(whole) == 4


def test_an_empty_result_is_no_line_at_all(runner, stored):
    result = runner.invoke(app, ["search", "Habomai", "--format", "ndjson"])
    assert result.exit_code == 0 and result.stdout == ""


def _keys(value: object) -> set[str]:
    """Every key anywhere in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_a_feed_is_called_feed_in_every_command(runner, stored):
    for command in COMMANDS[:7]:
        data = json.loads(runner.invoke(app, [*command, "--format", "json"]).stdout)
        keys = _keys(data)
        assert "name" not in keys and "source" not in keys, command
    feeds = json.loads(runner.invoke(app, ["feeds", "--format", "json"]).stdout)
    assert [row["feed"] for row in feeds] == ["tracked", "wire"]
    stats = json.loads(runner.invoke(app, ["stats", "--format", "json"]).stdout)
    assert {row["feed"] for row in stats["feeds"]} == {"tracked", "wire"}


def test_item_records_carry_language_canonical_url_and_revisions(runner, stored):
    listed = json.loads(runner.invoke(app, ["list", "--format", "json"]).stdout)
    drills_id = next(r["id"] for r in listed if r["title"].startswith("Japan protests"))
    for command in (["list"], ["search", "drills"], ["export"], ["show", str(drills_id)]):
        data = json.loads(runner.invoke(app, [*command, "--format", "json"]).stdout)
        records = data if isinstance(data, list) else [data]
        drills = next(r for r in records if r["title"].startswith("Japan protests"))
        assert drills["url"] == "https://news.example/drills/3?page=2", command
        assert drills["canonical_url"] == drills["url"]
        assert drills["lang"] == "en" and drills["revision"] == 1
        assert "text_source" in drills and drills["feed"] == "tracked"
