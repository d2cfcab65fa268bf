"""The term matcher: every built-in name in every script, and the look-alikes it must refuse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kurilwatch.match import Matcher, compile_user_term

matcher = Matcher()

POSITIVE = [
    ("Kuril Islands", "Russia deploys troops on the Kuril Islands"),
    ("Kuril Islands", "Tension over the Kurile Islands"),
    ("Kuril Islands", "Putin visits the Kurils"),
    ("Kuril Islands", "Projects on the Southern Kurils"),
    ("Northern Territories", "Tokyo's claim to the Northern Territories"),
    ("Iturup", "An airport on Iturup"),
    ("Iturup", "Etorofu Island fishermen"),
    ("Kunashir", "Kunashir and Kunashiri are one island"),
    ("Shikotan", "A school on Shikotan"),
    ("Habomai", "The Habomai islets"),
    ("Курилы", "Новости Курил"),
    ("Курилы", "Учения на Курилах"),
    ("Курилы", "Инвестиции в Курильские острова"),
    ("Курилы", "Жители Южных Курил"),
    ("Итуруп", "Аэропорт на Итурупе"),
    ("Кунашир", "Мост на Кунашире"),
    ("Шикотан", "Котельная на Шикотане"),
    ("Хабомаи", "Острова Хабомаи"),
    ("北方領土", "北方領土の日の大会"),
    ("北方領土", "北方四島交流事業"),
    ("千島", "千島列島の火山"),
    ("択捉", "択捉島で地震"),
    ("国後", "国後島の元島民"),
    ("色丹", "色丹島"),
    ("歯舞", "歯舞群島"),
]


@pytest.mark.parametrize(("term", "text"), POSITIVE)
def test_builtin_terms_match(term, text):
    result = matcher.match(text)
    assert result.relevant, (text, result.reason)
    assert term in result.matched_terms


NEGATIVE = [
    "Cyclone hits Australia's Northern Territory",
    "Northern Territory police in Darwin",
    "Число курильщиков снизилось",
    "Он курил на балконе",
    "Курильщики и курильня",
    "選手団が帰国後に会見",
    "Sockeye salmon return to Kurile Lake in Kamchatka",
    "A Kurilian Bobtail won the cat show",
    "Research vessel surveys the Kuril-Kamchatka Trench",
    "千島海溝沿いの巨大地震の被害想定",
    "Курильское озеро на Камчатке",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_look_alikes_do_not_match(text):
    result = matcher.match(text)
    assert not result.relevant, result


def test_hits_record_rule_and_span():
    text = "Drills on Iturup and Kunashir"
    result = matcher.match(text)
    spans = [(h.rule, text[h.start : h.end]) for h in result.hits]
    assert spans == [("en.iturup", "Iturup"), ("en.kunashir", "Kunashir")]


def test_suppressed_look_alike_says_why():
    result = matcher.match("Bears fish at Kurile Lake")
    assert not result.relevant
    assert result.suppressed[0].guard == "guard.kuril-lake"


def test_user_include_and_exclude():
    custom = Matcher(include=("Sakhalin Oblast", "/yuzhno-sakhalinsk/"), exclude=("cat show",))
    assert custom.match("Budget of Sakhalin Oblast approved").matched_terms == ["Sakhalin Oblast"]
    assert custom.match("Flights from Yuzhno-Sakhalinsk").relevant
    excluded = custom.match("Kurils cat show")
    assert not excluded.relevant and excluded.excluded_by.term == "cat show"


def test_bad_user_regex_is_a_value_error():
    with pytest.raises(ValueError, match="bad regular expression"):
        compile_user_term("/kuril(/")


@given(
    st.text(alphabet=st.characters(blacklist_categories=("L", "N", "Mn", "Mc", "Cs"))),
    st.text(alphabet=st.characters(blacklist_categories=("L", "N", "Mn", "Mc", "Cs"))),
    st.sampled_from(
        [
            "Kuril Islands",
            "KURILS",
            "iturup",
            "Northern Territories",
            "Шикотан",
            "на Курилах",
            "北方領土",
            "択捉島",
        ]
    ),
)
def test_terms_match_whatever_surrounds_them(before, after, term):
    assert matcher.match(f"{before} {term} {after}").relevant


@given(
    st.text(alphabet=st.characters(blacklist_categories=("L", "N", "Mn", "Mc", "Cs"))),
    st.sampled_from(["Northern Territory", "northern territory's", "NORTHERN TERRITORY"]),
)
def test_northern_territory_singular_never_matches(noise, term):
    assert not matcher.match(f"{noise} {term} {noise}").relevant
