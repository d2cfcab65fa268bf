"""The pure decisions: background by meaning (novelty.py) and stories (stories.py)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from kurilwatch import lexicon, novelty, stories
from kurilwatch.novelty import Earlier

EARLIER = Earlier(
    1,
    5,
    "The 1956 Joint Declaration ended the state of war and restored "
    "diplomatic relations, although a peace treaty was never signed.",
)


def _decide(sentences: list[str], paragraphs: list[int] | None = None) -> list[bool]:
    paragraphs = paragraphs if paragraphs is not None else [0, 1, 1, 1][: len(sentences)]
    verdicts = novelty.decide(
        sentences,
        paragraphs,
        "en",
        2024,
        [[] for _ in sentences],
        [[EARLIER] for _ in sentences],
    )
    return [v.background for v in verdicts]


def test_the_same_facts_in_other_words_are_background():
    reworded = (
        "Under the 1956 declaration, the two countries ended the state of war and resumed "
        "diplomatic ties, but they have yet to sign a peace treaty."
    )
    assert _decide(["Putin spoke on Thursday.", reworded]) == [False, True]


@pytest.mark.parametrize(
    "news",
    [
        # A new date, a changed number, a date of now, someone's words today.
        "Under the 1956 declaration, which ended the state of war, talks resumed in 2024.",
        "The 1956 declaration ended the state of war, and 3 rounds of talks on a treaty followed.",
        "On Monday the ministry said the 1956 declaration ended the state of war.",
        '"The 1956 declaration ended the state of war," the minister said.',
    ],
)
def test_a_sentence_that_adds_something_is_news(news):
    assert _decide(["Putin spoke on Thursday.", news]) == [False, False]


@pytest.mark.parametrize(
    "news",
    [
        # An aside, and a clause, that the earlier sentence (nor any other) has.
        "The 1956 Joint Declaration, ratified by both parliaments, ended the state of war"
        " and restored diplomatic relations, although a peace treaty was never signed.",
        "The 1956 Joint Declaration ended the state of war and restored diplomatic relations,"
        " but it did not mention Kunashiri or Etorofu.",
    ],
)
def test_an_old_fact_with_a_detail_of_its_own_is_news(news):
    assert _decide(["Putin spoke on Thursday.", news]) == [False, False]


def test_what_is_a_detail_of_its_own():
    ratified = "The 1956 declaration, ratified by both parliaments, provided for a handover."
    assert novelty.details(ratified, "en") == (
        frozenset({"ratifi", "parliament"}),
        frozenset({"provid", "handov"}),
    )
    # Dates, a list of names, a subject alone: nothing said of their own.
    assert novelty.details("In November 2018, Putin and Abe agreed in Singapore.", "en") == ()
    claims = "Japan claims Iturup, Kunashir, Shikotan and the Habomai islets."
    assert novelty.details(claims, "en") == ()
    # What one earlier sentence says, even of another fact, is said.
    said = ["Both parliaments ratified the declaration.", "It provided for a handover."]
    assert novelty.unsaid_details(ratified, "en", said) == []
    assert novelty.unsaid_details(ratified, "en", said[1:]) == [frozenset({"ratifi", "parliament"})]


def test_a_negation_makes_the_same_words_news():
    said = Earlier(1, 3, "Russia will take part in the consultations on a peace treaty.")
    verdicts = novelty.decide(
        ["Putin spoke on Thursday.", "Russia will not take part in the talks on a peace treaty."],
        [0, 1],
        "en",
        2024,
        [[], []],
        [[said], [said]],
    )
    assert [v.background for v in verdicts] == [False, False]


def test_the_lead_is_news_unless_nearly_repeated():
    loosely = (
        "The 1956 declaration put an end to hostilities and reopened embassies, but the two "
        "countries never agreed on a peace treaty."
    )
    closely = (
        "Under the 1956 declaration, the two countries ended the state of war and resumed "
        "diplomatic ties, but they have yet to sign a peace treaty."
    )
    # Opening the item, a loose rewording is news; in a background block, background.
    assert _decide([loosely, "Putin spoke on Thursday."], [0, 1]) == [False, False]
    assert _decide(["Putin spoke on Thursday.", loosely, closely], [0, 1, 1]) == [
        False,
        True,
        True,
    ]


def test_copy_without_paragraphs_is_no_background_block():
    loosely = (  # no year: history would make it background wherever it stood
        "That declaration put an end to hostilities and reopened embassies, but the two "
        "countries never agreed on a peace treaty."
    )
    closely = (
        "Under the 1956 declaration, the two countries ended the state of war and resumed "
        "diplomatic ties, but they have yet to sign a peace treaty."
    )
    sentences = ["Putin spoke on Thursday.", "Lavrov spoke.", loosely, closely, closely]
    # One paragraph is the whole item, news and background: its sentences do not vote.
    assert _decide(sentences, [0, 0, 0, 0, 0])[2] is False
    assert _decide(sentences, [0, 0, 1, 1, 1])[2] is True


def test_a_sentence_that_goes_on_with_the_news_is_news():
    loosely = (
        "That declaration put an end to hostilities and reopened embassies, but the two "
        "countries never agreed on a peace treaty."
    )
    closely = (
        "Under the 1956 declaration, the two countries ended the state of war and resumed "
        "diplomatic ties, but they have yet to sign a peace treaty."
    )
    also = loosely.replace("That declaration", "That declaration also")
    block = [0, 1, 1, 1, 1]
    news = "On Monday, the ministry said Russia was leaving the talks."
    assert _decide(["Putin spoke.", news, loosely, closely, closely], block)[2] is True
    assert _decide(["Putin spoke.", news, also, closely, closely], block)[2] is False
    # After background, "also" goes on with the background.
    assert _decide(["Putin spoke.", closely, also, closely, closely], block)[2] is True


def test_a_state_since_a_year_is_no_history():
    since = novelty.facts("Grave visits to the islands have been suspended since 2020.", "en")
    assert not novelty.looks_historical(since, 2024)
    assert novelty.looks_historical(novelty.facts("Visits were suspended in 2020.", "en"), 2024)
    assert lexicon.years_since("Поездки приостановлены с 2020 года.") == {2020}
    assert lexicon.years_since("墓参は2020年以降、中断している。") == {2020}


def test_history_is_not_a_new_date():
    earlier = novelty.facts("Soviet troops occupied the islands after the war.", "en")
    later = novelty.facts("Soviet troops occupied the islands in 1945.", "en")
    assert not novelty.adds_facts(later, earlier, 2024)
    assert novelty.adds_facts(novelty.facts("Troops arrived in 2024.", "en"), earlier, 2024)


def test_another_year_is_another_event():
    """A year the earlier sentence does not name, where it names another, is news."""
    declaration = "In 1956, the Soviet Union agreed to hand over Shikotan and the Habomai islets."
    condition = "In 1960, the Soviet Union made the handover of Shikotan and Habomai conditional."
    reworded = "The USSR agreed in 1956 to transfer Shikotan and the Habomai group to Japan."
    first = novelty.facts(declaration, "en")
    assert novelty.adds_facts(novelty.facts(condition, "en"), first, 2019)
    assert not novelty.adds_facts(novelty.facts(reworded, "en"), first, 2019)
    # The year past, but after the earlier article: it cannot have said it.
    later = novelty.facts("In 2025, Japan again called the islands illegally occupied.", "en")
    stance = novelty.facts("Tokyo considers the islands illegally occupied.", "en")
    assert novelty.adds_facts(later, stance, 2026, (2026, 3), (2023, 2))
    assert not novelty.adds_facts(later, stance, 2026, (2026, 3), (2025, 4))


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("In March, Russia withdrew from the peace treaty talks over sanctions.", "en"),
        ("Putin and Abe agreed in Singapore in November last year to speed up the talks.", "en"),
        ("В марте Россия вышла из переговоров о мирном договоре из-за санкций.", "ru"),
        ("3月、ロシアは制裁を理由に平和条約交渉を中断した。", "ja"),
    ],
)
def test_a_month_without_its_year_is_news_of_the_articles_days(sentence, lang):
    # Only the article's date (June 2022) places it: news, unlike "in March 2022".
    old = novelty.facts("Russia and Japan have negotiated a peace treaty for decades.", lang)
    assert novelty.dated_by_article(sentence, lang)
    assert novelty.adds_facts(novelty.facts(sentence, lang), old, 2022, (2022, 6), (2017, 3))
    with_year = novelty.facts("In March 2022, Moscow walked away from the talks.", "en")
    assert not novelty.dated_by_article("In March 2022, Moscow walked away.", "en")
    assert not novelty.adds_facts(with_year, old, 2023, (2023, 2), (2022, 4))
    # An article of 2017 cannot have told what happened in 2022, however alike the words.
    assert novelty.adds_facts(with_year, old, 2023, (2023, 2), (2017, 3))


@pytest.mark.parametrize(
    ("sentence", "earlier", "lang"),
    [
        (
            "In March, Russia suspended the peace treaty talks over sanctions.",
            "Russia suspended the peace treaty talks over sanctions, the ministry said on Monday.",
            "en",
        ),
        (
            "В марте Россия приостановила переговоры о мирном договоре из-за санкций.",
            "Россия приостановила переговоры о мирном договоре, заявили в понедельник в МИД.",
            "ru",
        ),
        (
            "3月、ロシアは制裁を理由に平和条約交渉を中断した。",
            "ロシアは21日、制裁を理由に平和条約交渉を中断した。",
            "ja",
        ),
    ],
)
def test_the_month_an_earlier_report_of_its_own_days_places(sentence, earlier, lang):
    # Told "on Monday" (「21日」) in an article of March 2022: the same month, not news.
    mine, theirs = novelty.facts(sentence, lang), novelty.facts(earlier, lang)
    assert not novelty.adds_facts(mine, theirs, 2022, (2022, 6), (2022, 3))
    assert novelty.adds_facts(mine, theirs, 2022, (2022, 6), (2021, 3))


def test_numbers_in_every_form():
    assert lexicon.numbers("more than 3,000 servicemen", "en") == {"3000"}
    assert lexicon.numbers("более 3 тыс. военных", "ru") == {"3000"}
    assert lexicon.numbers("трех тысяч военных", "ru") == {"3000"}
    assert lexicon.numbers("3千人以上の兵士", "ja") == {"3000"}
    assert lexicon.numbers("с пятью членами экипажа", "ru") == {"5"}
    assert lexicon.numbers("магнитудой 6,0", "ru") == lexicon.numbers("M6.0の地震", "ja")
    assert lexicon.numbers("the 20th century", "en") == set()
    assert lexicon.numbers("8日午前、漁船には三人", "ja") == {"3"}
    # Teens, tens and compounds; Russian collective numerals; kanji compounds.
    assert lexicon.numbers("fifteen crew and twenty-five others", "en") == {"15", "25"}
    assert lexicon.numbers("пятнадцати членов экипажа и двадцать пять человек", "ru") == {
        "15",
        "25",
    }
    assert lexicon.numbers("трое рыбаков", "ru") == lexicon.numbers("乗組員三人", "ja") == {"3"}
    assert lexicon.numbers("十五隻と二千人、数十人", "ja") == {"15", "2000"}
    # An ordinal is no number, an anniversary is; a date's day is a day for stories.
    assert lexicon.numbers("第2次世界大戦", "ja") == set()
    assert lexicon.numbers("the 80th anniversary", "en") == lexicon.numbers("80-летие", "ru")
    assert lexicon.numbers("On September 3, 5 boats", "en", dates=False) == {"5"}
    assert lexicon.numbers("3 сентября 5 судов", "ru", dates=False) == {"5"}


def test_a_length_of_time_is_not_a_new_fact():
    earlier = novelty.facts("Moscow and Tokyo have negotiated for seven decades.", "en")
    later = novelty.facts("Moscow and Tokyo have negotiated for more than 70 years.", "en")
    assert not novelty.adds_facts(later, earlier, 2024)


def test_weekdays_become_dates():
    thursday = datetime(2019, 7, 4, tzinfo=UTC)
    assert lexicon.days("seized on Tuesday", "en", thursday) == {2}
    assert lexicon.days("задержали во вторник", "ru", thursday) == {2}
    assert lexicon.days("2日、国後島の沖合で", "ja", thursday) == {2}
    assert lexicon.days("средства на среду", "ru", thursday) == {3}


@pytest.mark.parametrize(
    "forms",
    [("Putin", "Путин", "Путиным", "プーチン"), ("Mishustin", "Мишустиным", "ミシュスチン")],
)
def test_names_across_scripts(forms):
    assert len({lexicon.name_key(form) for form in forms}) == 1


def test_japanese_names_in_kanji():
    assert lexicon.names("岸田総理大臣は述べました。", "ja") == lexicon.names(
        "Prime Minister Fumio Kishida said.", "en"
    ) - {lexicon.name_key("Fumio"), lexicon.name_key("Minister"), lexicon.name_key("Prime")}
    assert lexicon.name_key("Кисида") == lexicon.name_key("Kishida")


def test_island_names_in_every_spelling_and_script():
    for text in ("off Kunashir", "off Kunashiri Island", "у Кунашира", "国後島の沖合"):
        assert stories.places(text) == {"kunashir"}, text
    assert stories.places("Etorofu") == stories.places("Итуруп") == {"iturup"}


def _tokens(title: str, text: str, lang: str) -> frozenset[str]:
    published = datetime(2024, 1, 23, 12, tzinfo=UTC)
    return stories.item_tokens(
        [
            stories.title_tokens(title, lang, published),
            stories.sentence_tokens(text, lang, published),
        ]
    )


def test_one_event_in_three_languages_scores_as_one_story():
    en = _tokens(
        "Russia seizes Japanese boat near Habomai",
        "Russian border guards seized a Japanese fishing boat with three crew near the "
        "Habomai islets on Tuesday.",
        "en",
    )
    ru = _tokens(
        "У Хабомаи задержана японская шхуна",
        "Пограничники задержали во вторник у островов Хабомаи японское судно с тремя рыбаками.",
        "ru",
    )
    ja = _tokens(
        "歯舞群島沖で漁船拿捕",
        "23日、歯舞群島の沖合で漁船が拿捕されました。3人が乗っていました。",
        "ja",
    )
    for a, b in ((en, ru), (en, ja), (ru, ja)):
        assert stories.score(a, b) >= stories.SAME_STORY


def test_other_islands_or_kinds_are_other_stories():
    seized = _tokens(
        "Russia seizes Japanese boat near Kunashir",
        "Border guards seized a Japanese fishing boat near Kunashir on Tuesday.",
        "en",
    )
    elsewhere = _tokens(
        "Russia seizes Japanese boat near Shikotan",
        "Border guards seized a Japanese fishing boat near Shikotan on Tuesday.",
        "en",
    )
    quake = _tokens(
        "Earthquake shakes Kunashir",
        "An earthquake of magnitude 5.0 struck near Kunashir on Tuesday.",
        "en",
    )
    assert stories.score(seized, elsewhere) < stories.SAME_STORY
    assert stories.score(seized, quake) < stories.SAME_STORY


def test_the_islands_compared_are_the_matchers():
    from kurilwatch.rules import PLACES

    assert {place.key for place in PLACES if place.kind == "island"} == stories.ISLANDS
    # Every islet belongs to one of them (it is compared as its island).
    for place in PLACES:
        if place.kind == "islet":
            assert sum(place.key.startswith(island) for island in stories.ISLANDS) == 1


def test_comparing_stories_does_not_load_the_matchers_rules():
    # The writing process compares every new item with its story's candidates: loading the
    # rules compiles all the matcher's patterns, which only the worker processes need.
    code = (
        "import sys\n"
        "from kurilwatch import stories\n"
        "a = frozenset({'l:en', 'p:kunashir', 'w:boat', 'tp:kunashir', 'n:3'})\n"
        "b = frozenset({'l:ru', 'p:iturup', 'p:shikotan', 'm:ptn', 'tp:iturup'})\n"
        "assert stories.score(a, a) > stories.score(a, b)\n"
        "assert 'kurilwatch.rules' not in sys.modules, 'rules loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("name", "params"),
    [("BLOCK_SQL", [1]), ("RECENT_SQL", [1, 2, "2026-01-01"]), ("JOINED_SQL", [1, 1])],
)
def test_the_new_reads_are_index_searches(tmp_path, name, params):
    """Classifying and grouping an item costs the same with a thousand or a million stored."""
    from kurilwatch.storage import sentences
    from kurilwatch.store import Store

    sql = getattr(sentences, name).format(marks="?,?")
    with Store(tmp_path / "kw.db") as store:
        plan = store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    details = " ".join(row[-1] for row in plan)
    assert "SEARCH" in details and "SCAN" not in details, details
    assert "TEMP B-TREE" not in details, details


def test_a_month_of_that_year_is_placed_by_the_year_before_it():
    english = (
        "Talks stopped in March 2022, and the agreements were scrapped in September that year."
    )
    assert lexicon.months(english, "en") == (((2022, 3), (2022, 9)), None)
    russian = "Весной 2022 года переговоры прервали, а в сентябре того же года отменили соглашения."
    assert lexicon.months(russian, "ru") == (((2022, 9),), None)
    # Without a year before it, only the article's date places it.
    assert lexicon.months("In September that year, talks stopped.", "en") == (((None, 9),), None)
    # So it is no news of the article's days against what placed it there.
    scrapped = novelty.facts("Tokyo said in March 2022 that Moscow scrapped the deal.", "en")
    merged = novelty.facts(english, "en")
    assert not novelty.dated_by_article(english, "en")
    assert not novelty.adds_facts(merged, scrapped, 2025, (2025, 7), (2022, 9))
