"""Developments: new versus background sentences, stories, revisions and diff, search."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from conftest import FEEDS, Route, write_config
from kurilwatch.cli import app
from kurilwatch.developments import (
    band_keys,
    dice,
    recent_items,
    sentence_keys,
    sentences_of,
    split_sentences,
    story_lead,
    story_words,
    tokens,
)
from kurilwatch.store import Store, from_iso

# --- sentences ------------------------------------------------------------------------------


def test_split_english_with_dateline_and_abbreviations():
    text = "TOKYO, June 2. /TASS/. Mr. Motegi met the U.S. envoy. Talks will go on.\nPeace treaty"
    assert split_sentences(text, "en") == [
        "Mr. Motegi met the U.S. envoy.",
        "Talks will go on.",
        "Peace treaty",
    ]


def test_split_russian():
    text = (
        "МОСКВА, 2 июня. /ТАСС/. Встреча пройдет 5 июня, в т.ч. онлайн. Об этом сообщил г-н Иванов."
    )
    assert split_sentences(text, "ru") == [
        "Встреча пройдет 5 июня, в т.ч. онлайн.",
        "Об этом сообщил г-н Иванов.",
    ]


def test_split_japanese():
    text = "元島民らが根室港から出発しました。参加者は約40人です！「うれしい」と話しました。"
    assert split_sentences(text, "ja") == [
        "元島民らが根室港から出発しました。",
        "参加者は約40人です！",
        "「うれしい」と話しました。",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The Kuril Islands issue remains the sticking point since after WWII.",
            "The Kuril Islands issue remains the key sticking point since after WWII.",
        ),
        (
            "Moscow has stated many times that Russia’s sovereignty over the islands cannot be "
            "called into question.",
            "Moscow has stated many times that Russia's sovereignty over the islands \"cannot be "
            'called into question".',
        ),
        (
            "Москва неоднократно заявляла, что суверенитет России над островами не подлежит "
            "сомнению.",
            "Москва неоднократно заявляла — суверенитет России над островами не подлежит сомнению.",
        ),
        (
            "北方領土問題は、戦後80年近くたった今も解決していない。",
            "北方領土問題は、戦後８０年近くたった今も解決していません。",
        ),
    ],
)
def test_near_identical_sentences_are_the_same(first, second):
    assert dice(tokens(first), tokens(second)) >= 0.7


def test_different_sentences_on_the_same_topic_are_not():
    first = "Working groups will hold a video conference on joint economic activity next Friday."
    second = "A new passenger terminal has opened at the airport on Iturup, officials said."
    assert dice(tokens(first), tokens(second)) < 0.4


def test_band_keys_are_the_minhash_of_the_word_set():
    """Stored keys must not change with the code: each band is the MinHash of the words."""
    from kurilwatch.developments import _BANDS, _PRIME, _ROWS, _hash, _key, _permutations

    for sentence in [
        "Working groups will hold a video conference on joint economic activity next Friday.",
        "Москва неоднократно заявляла о суверенитете над островами.",
        "北方領土問題は、戦後80年近くたった今も解決していない。",
        "Iturup",
    ]:
        words = tokens(sentence)
        signature = [min((a * _hash(w) + b) % _PRIME for w in words) for a, b in _permutations()]
        expected = [
            _key(repr((band, signature[band * _ROWS : (band + 1) * _ROWS])))
            for band in range(_BANDS)
        ]
        assert band_keys(words) == expected
    assert band_keys(frozenset()) == []


def test_sentence_keys_are_the_ones_already_stored():
    """Keys written by earlier versions, pinned: a change here orphans every stored sentence."""
    sentence = "Working groups will hold a video conference on joint economic activity next Friday."
    assert sentence_keys(sentence, tokens(sentence)) == [
        6344613366662030232,
        2155046165676839749,
        -4314630370537303144,
        8926374012762820496,
        5509846521629506513,
        6976009791789036428,
        -7964633812971877513,
    ]
    assert sentence_keys("Iturup", tokens("Iturup")) == [
        -4108139483443302402,
        3589273426157070032,
        5838962663452431316,
        4373829881511778854,
        -7667014187951633755,
    ]


# --- news: what is new, what is background ------------------------------------------------------


@pytest.fixture
def developments(runner, wire_and_daily):
    """Each fetched item of `wire_and_daily` by title, as `news --format json` gives it."""
    result = runner.invoke(app, ["news", "--since", "30d", "--format", "json"])
    assert result.exit_code == 0, result.output
    return {item["title"]: item for item in json.loads(result.output)}


def test_first_article_is_all_new(developments):
    first = developments[
        "Russia and Japan to hold online meeting on joint projects on southern Kurils"
    ]
    assert first["background"] == []
    assert first["new"][:2] == [
        "Working groups of Russia and Japan will hold a video conference on joint economic "
        "activity on the southern Kuril Islands next Friday, a Japanese newspaper reported.",
        "The officials are expected to discuss a pilot project on sea urchin farming.",
    ]
    assert len(first["new"]) == 9


def test_repeated_background_with_small_changes_is_recognised(developments):
    second = developments["Japanese foreign minister says joint activity talks will resume"]
    first_id = developments[
        "Russia and Japan to hold online meeting on joint projects on southern Kurils"
    ]["id"]
    assert second["new"] == [
        "Japan's foreign minister said on Tuesday that consultations with Russia on joint "
        "economic activity on the southern Kuril Islands will resume after a two-year break.",
        "The minister told a press conference that the first tourist tour under the programme "
        "could take place in October.",
    ]
    # "main" -> "key obstacle", "passed to" -> "were handed over to", "but ... has yet to be"
    # -> "however ... has still not been", "power" -> "energy": all still background.
    assert len(second["background"]) == 7
    assert "The key obstacle is the status of the Kuril Islands" in " ".join(second["background"])
    assert second["background_seen_in"] == [first_id]


def test_background_from_two_earlier_items(developments):
    third = developments["Russia opens new airport terminal on Iturup"]
    assert third["new"] == [
        "A new passenger terminal has opened at Iturup airport, the Sakhalin regional "
        "government said on Monday.",
        "The terminal can handle 200 passengers an hour and has a heated gallery to the apron.",
    ]
    assert len(third["background"]) == 5
    assert len(third["background_seen_in"]) == 2


def test_another_outlets_report_of_the_same_news(developments):
    daily = developments["Minister: talks with Russia on joint activity on four islands to resume"]
    wire = developments["Japanese foreign minister says joint activity talks will resume"]
    assert daily["new"] == ["Former islanders in Nemuro welcomed the decision."]
    assert daily["background_seen_in"] == [wire["id"]]


def test_story_grouping(developments):
    wire = developments["Japanese foreign minister says joint activity talks will resume"]
    daily = developments["Minister: talks with Russia on joint activity on four islands to resume"]
    boat = developments["Japanese fishing boat detained near Kunashir"]
    meeting = developments[
        "Russia and Japan to hold online meeting on joint projects on southern Kurils"
    ]
    terminal = developments["Russia opens new airport terminal on Iturup"]
    assert daily["story"] == wire["story"]
    others = {boat["story"], meeting["story"], terminal["story"]}
    assert len(others) == 3 and wire["story"] not in others


def test_fetch_stores_the_story_words_the_stored_item_gives(developments, env):
    """The fetch's workers compute story words; `refilter` recomputes them from the store."""
    with Store(env["db"]) as store:
        rows = store.conn.execute(
            "SELECT id, title, story_words, lang, published FROM items"
        ).fetchall()
        assert len(rows) == len(developments)
        for item_id, title, stored, lang, published in rows:
            sentences = sentences_of(store, item_id)
            lead = [s.text for s in story_lead(sentences, recent_items(store, item_id, sentences))]
            words = story_words(title, lead, lang, from_iso(published))
            assert stored.split() == sorted(words), title


@pytest.mark.parametrize("window_rows", [2000, 7])
@pytest.mark.parametrize("seed", range(6))
def test_a_feeds_items_grouped_together_join_the_stories_they_join_one_by_one(
    tmp_path, monkeypatch, seed, window_rows
):
    """The fetch groups a feed's items with one read of the window; nothing may change."""
    import random

    from kurilwatch import developments
    from kurilwatch.parse import Entry

    monkeypatch.setattr(developments, "STORY_WINDOW_ROWS", window_rows)
    rng = random.Random(seed)
    vocabulary = [f"word{n}" for n in range(12)]  # small: big stories, and ties
    start = datetime(2026, 11, 1, tzinfo=UTC)
    batches = []  # (feed, [(guid, published, words)]) in the order a fetch stores them
    for number in range(30):
        feed = f"feed{rng.randrange(5)}"
        items = [
            (
                f"{number}-{i}",
                start + timedelta(hours=rng.randrange(200)),
                frozenset(rng.sample(vocabulary, rng.randrange(2, 6))),
            )
            for i in range(rng.randrange(1, 6))
        ]
        batches.append((feed, items))

    def stories(grouped: bool) -> list[tuple[int, int]]:
        with Store(tmp_path / f"{grouped}.db") as store, store.transaction():
            for feed, items in batches:
                ids = []
                for guid, published, words in items:
                    entry = Entry(guid, None, None, guid, "", "", published)
                    ids.append((store.upsert_entry(feed, entry, []).item_id, words))
                if grouped:
                    developments.assign_stories(store, ids)
                else:
                    for item_id, words in ids:
                        developments.assign_story(store, item_id, words)
            return store.conn.execute("SELECT id, story_id FROM items ORDER BY id").fetchall()

    one_by_one = stories(grouped=False)
    assert len({story for _, story in one_by_one}) < len(one_by_one)  # some stories formed
    assert stories(grouped=True) == one_by_one


def test_list_group_shows_a_story_once_with_all_sources(runner, developments):
    result = runner.invoke(app, ["list", "--group", "--format", "json"])
    stories = json.loads(result.output)
    assert len(stories) == 4
    joint = next(s for s in stories if len(s["items"]) == 2)
    assert joint["sources"] in (["wire", "daily"], ["daily", "wire"])
    table = runner.invoke(app, ["list", "--group", "--format", "table"])
    assert table.exit_code == 0
    assert any(pair in table.output for pair in ("wire, daily", "daily, wire"))


def test_news_table_collapses_background(runner, developments):
    result = runner.invoke(app, ["news", "--since", "30d", "--format", "table"])
    assert result.exit_code == 0
    assert "5 background sentences, seen in 2 earlier items" in result.output
    assert "Former islanders in Nemuro welcomed the decision." in result.output
    assert "The key obstacle" not in result.output  # collapsed, not printed
    assert result.output.count("Japanese foreign minister says joint activity talks") == 1


def test_news_since_last_remembers_the_previous_run(runner, env, feed_server):
    write_config(env["config"], {"wire": feed_server.serve_file("/w", "developments_wire.rss")})
    runner.invoke(app, ["fetch"])
    first = json.loads(runner.invoke(app, ["news", "--format", "json"]).output)
    assert len(first) == 3
    again = runner.invoke(app, ["news"])
    assert again.exit_code == 0 and "Nothing new." in again.output
    feed_server.routes["/w"] = Route(
        body=(FEEDS / "developments_daily.rss").read_bytes()  # the feed now has other items
    )
    runner.invoke(app, ["fetch"])
    latest = json.loads(runner.invoke(app, ["news", "--since", "last", "--format", "json"]).output)
    assert {i["title"] for i in latest} == {
        "Japanese fishing boat detained near Kunashir",
        "Minister: talks with Russia on joint activity on four islands to resume",
    }


def _reports(numbers: range) -> bytes:
    """A feed of distinct Kunashir reports, an hour apart, the highest number newest."""
    now = datetime.now(UTC)
    items = "".join(
        f"<item><title>Report {n} from Kunashir</title><link>https://n.example/{n}</link>"
        f"<guid>n-{n}</guid><pubDate>{format_datetime(now - timedelta(hours=100 - n), True)}"
        f"</pubDate><description>Event {n}: a ferry number {n} docked at Kunashir."
        "</description></item>"
        for n in numbers
    )
    return f'<rss version="2.0"><channel><title>n</title>{items}</channel></rss>'.encode()


def _news(runner, *args: str) -> tuple[list[str], str]:
    """(titles shown, stderr) of one `news` run in JSON."""
    result = runner.invoke(app, ["news", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return sorted(item["title"] for item in json.loads(result.stdout)), result.stderr


def test_news_since_last_never_skips_what_the_limit_cut(runner, env, feed_server):
    feed_server.routes["/n"] = Route(body=_reports(range(0, 2)))
    write_config(env["config"], {"n": feed_server.url("/n")})
    runner.invoke(app, ["fetch"])
    assert _news(runner)[0] == ["Report 0 from Kunashir", "Report 1 from Kunashir"]
    feed_server.routes["/n"] = Route(body=_reports(range(2, 7)))  # five arrive at once
    runner.invoke(app, ["fetch"])
    # The oldest unseen first, and a word on what is left for the next run.
    assert _news(runner, "-n", "2") == (
        ["Report 2 from Kunashir", "Report 3 from Kunashir"],
        "3 more new items: run `kurilwatch news` again to see them.\n",
    )
    assert _news(runner, "-n", "2")[0] == ["Report 4 from Kunashir", "Report 5 from Kunashir"]
    assert _news(runner, "-n", "2") == (["Report 6 from Kunashir"], "")
    assert runner.invoke(app, ["news"]).output == "Nothing new.\n"


def test_news_window_cut_by_the_limit_leaves_the_cursor(runner, env, feed_server):
    feed_server.routes["/n"] = Route(body=_reports(range(0, 4)))
    write_config(env["config"], {"n": feed_server.url("/n")})
    runner.invoke(app, ["fetch"])
    # The first run's week, cut: the newest shown, the rest counted; the cursor moves on.
    assert _news(runner, "-n", "3") == (
        ["Report 1 from Kunashir", "Report 2 from Kunashir", "Report 3 from Kunashir"],
        "1 earlier item not shown: raise --limit to see them.\n",
    )
    feed_server.routes["/n"] = Route(body=_reports(range(4, 6)))
    runner.invoke(app, ["fetch"])
    # A window, cut by the limit or not, is a look: it never counts as seeing what arrived
    # since the last plain run (issue 18, item 8).
    assert _news(runner, "--since", "30d", "-n", "1")[0] == ["Report 5 from Kunashir"]
    assert _news(runner)[0] == ["Report 4 from Kunashir", "Report 5 from Kunashir"]
    feed_server.routes["/n"] = Route(body=_reports(range(6, 7)))
    runner.invoke(app, ["fetch"])
    assert len(_news(runner, "--since", "30d")[0]) == 7
    assert _news(runner)[0] == ["Report 6 from Kunashir"]
    assert runner.invoke(app, ["news"]).output == "Nothing new.\n"


def test_bad_news_since(runner, env):
    result = runner.invoke(app, ["news", "--since", "lastweek"])
    assert result.exit_code == 2 and "Error: --since 'lastweek'" in result.output


def test_classification_uses_the_index(env):
    from kurilwatch.storage.sentences import EARLIER_SQL

    with Store(env["db"]) as store:
        plan = store.conn.execute(f"EXPLAIN QUERY PLAN {EARLIER_SQL}", [1, 10, 50]).fetchall()
    details = " ".join(row[-1] for row in plan)
    # A range of the primary key, read newest first and cut off by the LIMIT: no scan and no
    # sort, so the cost does not grow with the number of stored sentences.
    assert "SEARCH k USING PRIMARY KEY (key=? AND item_id<?)" in details, details
    assert "SCAN" not in details and "TEMP B-TREE" not in details, details


def test_empty_text_item_is_stored_without_sentences(runner, env, feed_server):
    body = (
        b'<rss version="2.0"><channel><title>x</title><item><title>Kurils</title>'
        b"<link>https://x.example/1</link></item></channel></rss>"
    )
    feed_server.routes["/e"] = Route(body=body)
    write_config(env["config"], {"e": feed_server.url("/e")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = json.loads(runner.invoke(app, ["news", "--since", "1d", "--format", "json"]).output)
    assert items[0]["new"] == ["Kurils"] and items[0]["background"] == []


# --- revisions and diff --------------------------------------------------------------------------

V1 = b"""<rss version="2.0"><channel><title>x</title><item><title>Drills on Iturup</title>
<link>https://x.example/drills</link><guid>d-1</guid><pubDate>%%RFC-1h%%</pubDate>
<description>Russian troops held drills on Iturup on Monday.</description></item></channel></rss>"""
V2 = V1.replace(b"held drills on Iturup on Monday.", b"held large drills on Iturup on Tuesday.")


@pytest.fixture
def revised(runner, env, feed_server):
    feed_server.routes["/r"] = Route(body=V1)
    write_config(env["config"], {"r": feed_server.url("/r")})
    runner.invoke(app, ["fetch"])
    feed_server.routes["/r"] = Route(body=V2)
    result = runner.invoke(app, ["fetch", "--format", "table"])
    line = next(line for line in result.output.splitlines() if "│ r " in line)
    assert [c.strip() for c in line.split("│") if c.strip()][-2:] == ["0", "1"]  # new, updated
    return json.loads(runner.invoke(app, ["list", "--format", "json"]).output)[0]["id"]


def test_update_keeps_revisions_and_marks_list(runner, revised):
    listed = runner.invoke(app, ["list"])
    assert "[updated]" in listed.output
    item = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)[0]
    assert item["updated"] is not None


def test_diff_color_and_unified(runner, revised):
    colored = runner.invoke(app, ["diff", str(revised)])
    assert colored.exit_code == 0
    assert "revision 1 → 2" in colored.output
    # No terminal here, so the changes are bracketed as well as colored.
    assert "held{+ large+} drills on Iturup on [-Monday.-]{+Tuesday.+}" in colored.output
    unified = runner.invoke(app, ["diff", str(revised), "--format", "unified"])
    assert f"--- item-{revised}@1" in unified.output
    assert "-Russian troops held drills on Iturup on Monday." in unified.output
    assert "+Russian troops held large drills on Iturup on Tuesday." in unified.output
    explicit = runner.invoke(app, ["diff", str(revised), "--rev", "2", "--rev", "1"])
    assert explicit.exit_code == 0 and "revision 2 → 1" in explicit.output


def test_diff_errors(runner, revised, env, feed_server):
    assert "no item with ID 999" in runner.invoke(app, ["diff", "999"]).output
    assert runner.invoke(app, ["diff", "999"]).exit_code == 2
    bad_rev = runner.invoke(app, ["diff", str(revised), "--rev", "1", "--rev", "7"])
    assert bad_rev.exit_code == 2 and "has no revision 7 (it has 1, 2)" in bad_rev.output
    one_rev = runner.invoke(app, ["diff", str(revised), "--rev", "1"])
    assert one_rev.exit_code == 2 and "exactly twice" in one_rev.output
    feed_server.routes["/s"] = Route(body=V1.replace(b"d-1", b"d-2").replace(b"/drills", b"/x"))
    write_config(env["config"], {"s": feed_server.url("/s")})
    runner.invoke(app, ["fetch"])
    single = max(
        i["id"] for i in json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    )
    result = runner.invoke(app, ["diff", str(single)])
    assert result.exit_code == 2
    assert f"item {single} has only one revision" in result.output


# --- search ----------------------------------------------------------------------------------


@pytest.fixture
def searchable(runner, standard_feeds):
    assert runner.invoke(app, ["fetch"]).exit_code == 0


def search_titles(runner, *args: str) -> list[str]:
    result = runner.invoke(app, ["search", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [row["title"] for row in json.loads(result.output)]


def test_search_english_with_snippet(runner, searchable):
    result = runner.invoke(app, ["search", "missile", "--format", "json"])
    rows = json.loads(result.output)
    assert [r["title"] for r in rows] == ["Tokyo lodges protest over military drills near Hokkaido"]
    assert "**missile**" in rows[0]["snippet"]
    table = runner.invoke(app, ["search", "missile", "--format", "table"])
    assert "Tokyo lodges protest" in table.output


def test_search_russian_and_japanese(runner, searchable):
    assert search_titles(runner, "котельной") == ["Жители острова получат новую котельную"]
    assert search_titles(runner, "Курил") == ["На Курилах открылся новый аэровокзал"]
    assert search_titles(runner, "元島民") == ["元島民らが墓参 根室港を出発"]
    assert search_titles(runner, "択捉") == ["択捉島で震度4の地震"]  # two characters: substring


def test_search_operators_and_since(runner, searchable):
    both = search_titles(runner, "Kunashir OR Iturup")
    assert set(both) == {
        "Former islanders visit family graves on Kunashir",
        "Tokyo lodges protest over military drills near Hokkaido",
    }
    assert search_titles(runner, "Kunashir OR Iturup", "--since", "7d") == [
        "Tokyo lodges protest over military drills near Hokkaido"
    ]
    assert search_titles(runner, '"joint projects"') == [
        "Russia and Japan set date for talks on joint projects on Southern Kurils"
    ]


@pytest.mark.parametrize("query", ['"unbalanced', "-", "   ", "AND"])
def test_search_syntax_errors(runner, searchable, query):
    result = runner.invoke(app, ["search", query])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error:")
    assert "Traceback" not in result.output
