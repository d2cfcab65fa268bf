"""Article pages to their main text: quality on the fixture pages, and pages that are none."""

from __future__ import annotations

import pytest

from conftest import DATA
from kurilwatch.article import extract_article, word_scores

ARTICLES = DATA / "articles"
PAGES = sorted(p.stem for p in ARTICLES.glob("*.txt"))
MIN_PRECISION = 0.95
MIN_RECALL = 0.95

# Page furniture from every layout, each of which must stay out of the article's text.
FURNITURE = [
    "cookies",
    "Accept",
    "Related news",
    "New runway opens at Iturup airport",  # a "related news" headline naming the islands
    "Аэропорт Итурупа получит новую полосу",
    "択捉島で大規模な軍事演習",
    "Kishida-era envoy",
    "All rights reserved",
    "Все права защищены",
    "転載",
    "Copyright",
    "Andrei Volkov",  # bylines
    "Мария Ковалёва",
    "Kenji Mori",
    "Share",
    "Поделиться",
    "シェア",
    "Telegram",
    "Advertisement",
    "Реклама",
    "return fares",
    "Sign up",
    "MOST READ",
    "Home",
]


def test_every_layout_and_language_has_pages():
    assert {name.split("_")[0] for name in PAGES} == {"wire", "broadcaster", "daily"}
    assert {name.split("_")[1] for name in PAGES} == {"en", "ru", "ja"}


@pytest.mark.parametrize("name", PAGES)
def test_extraction_precision_and_recall(name):
    extraction = extract_article((ARTICLES / f"{name}.html").read_bytes())
    expected = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    assert extraction.problem is None
    precision, recall = word_scores(extraction.text or "", expected)
    print(f"{name}: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= MIN_PRECISION, extraction.text
    assert recall >= MIN_RECALL, extraction.text


@pytest.mark.parametrize("name", PAGES)
def test_no_page_furniture_in_the_text(name):
    text = extract_article((ARTICLES / f"{name}.html").read_bytes()).text or ""
    assert [f for f in FURNITURE if f in text] == []


def test_the_dateline_opens_the_first_paragraph_as_in_the_feed():
    text = extract_article((ARTICLES / "wire_en_2.html").read_bytes()).text or ""
    lines = text.split("\n")
    # The standfirst, then the first paragraph with its dateline, as a feed would carry it.
    assert lines[0].startswith("Tokyo hopes the exchanges")
    assert lines[1].startswith("TOKYO, December 1. /WIRE/. Japan has asked Russia")


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ("paywall", "paywall"),
        ("consent", "consent gate"),
        ("botcheck", "bot check"),
        ("no_article", "no article text"),
    ],
)
def test_pages_that_stand_in_for_the_article_say_why(page, problem):
    extraction = extract_article((ARTICLES / f"{page}.html").read_bytes())
    assert (extraction.text, extraction.problem) == (None, problem)


def test_an_empty_or_binary_body_is_no_article():
    assert extract_article(b"").problem == "no article text"
    assert extract_article(bytes(range(256)) * 10).problem == "no article text"


def test_scores_count_repeated_words_and_japanese_characters():
    assert word_scores("a b b", "a b") == (2 / 3, 1.0)
    assert word_scores("北方領土", "北方") == (0.5, 1.0)
    assert word_scores("", "a") == (0.0, 0.0)


@pytest.mark.parametrize(
    ("name", "encoding", "declared_in"),
    [
        ("wire_ru_1", "windows-1251", "meta"),
        ("wire_ru_2", "koi8-r", "header"),
        ("broadcaster_ja_1", "shift_jis", "meta"),
        ("broadcaster_ja_2", "euc-jp", "header"),
    ],
)
def test_pages_in_legacy_encodings_are_decoded(name, encoding, declared_in):
    page = (ARTICLES / f"{name}.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', "").replace('charset="UTF-8"', "")
    content_type = None
    if declared_in == "meta":
        page = page.replace("<head>", f'<head><meta charset="{encoding}">', 1)
    else:
        content_type = f"text/html; charset={encoding}"
    extraction = extract_article(page.encode(encoding, "replace"), None, content_type)
    expected = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    precision, recall = word_scores(extraction.text or "", expected)
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, extraction.text


def test_sentences_that_look_like_furniture_are_kept_and_furniture_is_not():
    sentences = [
        "Share prices of the fishing company that runs the Shikotan plant fell 3% on Monday.",
        "By 2028 the plant on Iturup will employ 300 people, the regional ministry said.",
        "From Monday, ferries will run daily between Korsakov and Kurilsk, weather permitting.",
        "The court ruled on the copyright of the photographs taken on Kunashir last summer.",
    ]
    body = "".join(f"<p>{s}</p>" for s in sentences)
    page = (
        "<html><head><title>Islands</title></head><body><article><h1>Islands</h1>"
        f"<p>By Kenji Mori</p>{body}<p>Advertisement</p><p>Share</p>"
        "<p>© 2026 The Daily Herald. All rights reserved.</p></article></body></html>"
    )
    text = extract_article(page.encode()).text or ""
    assert text.split("\n") == sentences
