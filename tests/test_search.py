"""`search` takes the user's words literally, in three scripts, and its operators strictly."""

from __future__ import annotations

import json

import pytest

from conftest import write_config
from kurilwatch.cli import app
from kurilwatch.store import Store

FERRY = "Ferry to Yuzhno-Kurilsk resumes after storm"
TOR = "Tor-M2U air defence systems deployed on Iturup"
PAROM = "Паром до Южно-Курильска возобновил рейсы"
MINATO = "【速報】択捉島に新しい港"


@pytest.fixture
def punctuated(runner, env, feed_server):
    url = feed_server.serve_file("/punct.xml", "search_punctuation.rss")
    write_config(env["config"], {"punct": url})
    result = runner.invoke(app, ["fetch"])
    assert result.exit_code == 0, result.output
    stored = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    assert {item["title"] for item in stored} == {FERRY, TOR, PAROM, MINATO}


def found(runner, query: str) -> list[str]:
    result = runner.invoke(app, ["search", query, "--format", "json"])
    assert result.exit_code == 0, (query, result.output)
    return sorted(row["title"] for row in json.loads(result.output))


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        # English: hyphen, apostrophe, colon, curly and straight quotes, brackets
        ("Yuzhno-Kurilsk", [FERRY]),
        ("Tor-M2U", [TOR]),
        ("Russia's", [FERRY]),
        ("Russia’s", [FERRY]),  # either apostrophe finds either
        ("Japan’s", [TOR]),
        ("Japan's", [TOR]),
        ("Japan:", [TOR]),
        ("“routine”", [TOR]),
        ("'combat", [TOR]),
        ("(Kunashiri)", [FERRY]),
        ("[Eastern", [TOR]),
        ("col:Iturup", [TOR]),
        ("title:Iturup", []),  # not a column filter: the literal text, which no item has
        ("Kunashir:", []),  # the colon counts: no item has "Kunashir:"
        # Russian: hyphen, guillemets, low-high quotes, brackets, colon
        ("Южно-Курильск", [PAROM]),
        ("«Шикотан»", [PAROM]),
        ("„Сахалинморфлот“", [PAROM]),
        ("(паром)", [PAROM]),
        ("Курилы:", [PAROM]),
        ("О'Брайен", [PAROM]),
        ("о’брайен", [PAROM]),
        # Japanese: corner and lenticular brackets, full-width colon and parentheses
        ("【速報】", [MINATO]),
        ("「択捉」", [MINATO]),
        ("『ビザなし交流』", [MINATO]),
        ("北方領土：", [MINATO]),
        ("国後（クナシリ）", [MINATO]),
        ("（クナシリ）", [MINATO]),
        ("サハリン－クナシリ", [MINATO]),
        ("国後", [MINATO]),  # two characters: the substring scan
    ],
)
def test_search_takes_punctuated_words_literally(runner, punctuated, query, titles):
    assert found(runner, query) == titles


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ('"air defence"', [TOR]),
        ('"defence air"', []),
        ("Kunashir OR Tor-M2U", [FERRY, TOR]),
        ("Tor-M2U NOT Japan:", []),
        ("Tor-M2U NOT Russia's", [TOR]),
        ("Kunashir OR Tor-M2U NOT Japan:", [FERRY]),
        ("Kunashir AND Russia's", [FERRY]),
        ("Kunashir NOT Russia’s", []),
        ("Kunashir OR 国後 NOT Japan's", [FERRY, MINATO]),
        ("Kuril*", [FERRY]),
        ("Сахалинмор*", [PAROM]),
        ("Kunashir OR Iturup", [FERRY, TOR]),
        ("Kunashir or Iturup", []),  # lower case: a word like any other, so all three
        # the substring scan keeps the same operators
        ("国後 OR Tor-M2U", sorted([MINATO, TOR])),
        ("国後 NOT 「択捉」", []),
        ("国後 NOT ferry", [MINATO]),
        ('"国後（クナシリ）島"', [MINATO]),
    ],
)
def test_search_operators(runner, punctuated, query, titles):
    assert found(runner, query) == titles


def test_search_substring_scan_folds_case_in_every_script(runner, punctuated):
    # "па" and "to" are too short for the trigram index; SQLite's LIKE folds only ASCII.
    assert found(runner, "КУРИЛЫ: па") == [PAROM]
    assert found(runner, "YUZHNO-KURILSK to") == [FERRY]
    assert found(runner, "YUZHNO-KURILSK 港") == []


MALFORMED = [
    '"unbalanced',
    'Kunashir "air',
    "OR Kunashir",
    "Kunashir OR",
    "Kunashir OR OR Iturup",
    "NOT Kunashir",
    "Kunashir NOT",
    "Kunashir NOT NOT Iturup",
    "Kunashir OR NOT Iturup",
    "国後 NOT",
    "*",
    '""',
    '" "',
    "-",
    "   ",
    "AND",
]


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_query_is_one_line_and_exit_2(runner, punctuated, query):
    result = runner.invoke(app, ["search", query])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("query", [*MALFORMED, "Yuzhno-Kurilsk", "col:Iturup", "Russia's"])
def test_search_on_an_empty_database_never_crashes(runner, env, query):
    Store(env["db"]).close()
    result = runner.invoke(app, ["search", query, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    if query in MALFORMED:
        assert result.exit_code == 2 and result.output.startswith("Error: ")
    else:
        assert result.exit_code == 0 and json.loads(result.output) == []
