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


# One test per kind of look-alike the evaluation set covers, so a regression names its kind.
LOOK_ALIKES = {
    "northern-territory-au": "Darwin: the Northern Territory government declared an emergency.",
    "other-northern-territories": "Ghana's Northern Territories under British rule, 1902-1957.",
    "lowercase-northern-territories": "Russia will develop its northern territories in the Arctic.",
    "kuril-lake": "Bears gather at Kurile Lake as sockeye salmon return.",
    "kuril-trench": "Scientists map the Kuril-Kamchatka Trench at 9,600 metres.",
    "kurilian-bobtail": "The Kurilian Bobtail is a short-tailed cat breed.",
    "kuril-tea": "Kuril tea is sold as a herbal remedy.",
    "ship-name-en": "The trawler Shikotan was towed into Busan harbour.",
    "ship-class-en": "Divers found an Etorofu-class escort ship off Palawan.",
    "ru-smoking": "Он курил, а курильщики в курилке обсуждали курение.",
    "ru-lake": "На Курильское озеро зашло два миллиона нерок.",
    "ru-trench": "Экспедиция изучила Курило-Камчатский желоб.",
    "ru-bobtail": "Курильский бобтейл победил на выставке кошек.",
    "ru-tea": "Курильский чай помогает при простуде.",
    "ru-ship-name": "Траулер «Шикотан» встал на ремонт в Мурманске.",
    "ru-company-name": "Строительную компанию «Итуруп» из Новосибирска признали банкротом.",
    "ru-urup-river": "На реке Уруп в Краснодарском крае прошёл паводок.",
    "ru-surname": "Тренер Курилов и гимнастка Курилова получили награды.",
    "ja-substring": "代表団は帰国後に会見し、全国後援会も出席した。",
    "ja-trench": "千島海溝沿いの巨大地震で津波の想定を見直した。",
    "ja-flora": "チシマザクラが根室で満開に。千島桜の名所。",
    "ja-chishima-place": "大阪市大正区千島の住宅で火事があった。",
    "ja-chishima-surname": "千島恵子さんが地域文化賞を受賞した。",
    "ja-ship-name": "旧海軍の海防艦「択捉」の元乗組員が手記を公開。択捉型は十数隻建造された。",
    "ja-lake": "カムチャツカのクリル湖でヒグマが観察された。",
    "other-dispute-en": "Japan and China traded protests over the Senkaku Islands dispute.",
    "other-dispute-ru": "Япония и Южная Корея спорят о принадлежности островов Токто.",
    "other-dispute-ja": "竹島の領有権をめぐり韓国に抗議した。",
}


@pytest.mark.parametrize("text", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_look_alike_kinds(text):
    result = matcher.match(text)
    assert not result.relevant, (result.reason, result.hits)


BODY_ONLY_AND_CONTEXT = {
    "town": "Power cuts hit Yuzhno-Kurilsk after a storm.",
    "northern-island": "Ebeko volcano on Paramushir spewed ash 3 km high.",
    "habomai-islet": "Border guards patrol near Tanfilyev Island.",
    "ru-case-prepositional": "Новая школа открылась на Итурупе.",
    "ru-case-instrumental": "Паромное сообщение с Шикотаном восстановлено.",
    "ru-case-dative": "Туристы летят к Курилам.",
    "ru-town": "В Малокурильском открыли рыбозавод.",
    "ru-residents": "Курильчане получили льготную ипотеку.",
    "ja-katakana": "ロシア側はイトゥルップ島と呼んでいる。",
    "ja-fullwidth-numeral": "北方４島の元島民が要望書を提出した。",
    "ja-islet": "貝殻島周辺でコンブ漁が始まった。",
    "en-context": "Moscow said peace treaty talks with Tokyo are off over the dispute.",
    "ru-context": "Москва отвергла японские претензии на острова.",
    "ja-context": "ロシアが不法占拠する島々について、日本政府は抗議した。",
}


@pytest.mark.parametrize("text", BODY_ONLY_AND_CONTEXT.values(), ids=BODY_ONLY_AND_CONTEXT.keys())
def test_names_without_kuril_and_context_only(text):
    result = matcher.match(text)
    assert result.relevant, result.reason
    assert result.matched_terms


def test_ambiguous_name_needs_context():
    assert not matcher.match("The Matua community rallied in West Bengal.").relevant
    assert matcher.match("Russia built a naval base on Matua; Japan protested.").relevant


def test_match_command_explains(runner, env):
    from kurilwatch.cli import app

    result = runner.invoke(app, ["match", "Drills on Iturup; bears at Kurile Lake"])
    assert result.exit_code == 0
    assert "en.iturup" in result.output and "guard.kuril-lake" in result.output
    miss = runner.invoke(app, ["match", "--format", "json", "Он курил на балконе"])
    assert miss.exit_code == 3
    import json

    data = json.loads(miss.output)
    assert data["relevant"] is False
    assert data["suppressed"][0]["guard"] == "guard.ru-smoking"
    stdin = runner.invoke(app, ["match", "-"], input="北方領土の日")
    assert stdin.exit_code == 0 and "ja.hoppo-ryodo" in stdin.output


def _corpus() -> list[str]:
    from conftest import DATA
    from evaluation import load_labelled

    texts = [row.text for row in load_labelled(DATA / "relevance")]
    texts += [text for _, text in POSITIVE] + NEGATIVE
    texts += list(LOOK_ALIKES.values()) + list(BODY_ONLY_AND_CONTEXT.values())
    return texts


def test_anchors_cover_every_match():
    """No rule may match a span that holds none of its anchors: the anchor screen that
    skips most texts would otherwise drop a real match."""
    from kurilwatch.match import _CONTEXT_RULES, _GUARDS, _RULES, ANCHORS, SCRIPTS

    rules = _RULES + _CONTEXT_RULES
    assert {r.id for r in rules} <= set(ANCHORS)
    # Every guard of Latin script has anchors too; the others have their script's gate.
    assert {g.id for g in _GUARDS if g.id not in SCRIPTS} <= set(ANCHORS)
    rules += [g for g in _GUARDS if g.id in ANCHORS]
    checked = 0
    for text in _corpus():
        for rule in rules:
            for m in rule.pattern.finditer(text):
                span = m.group(0).lower()
                assert any(a in span for a in ANCHORS[rule.id]), (rule.id, m.group(0))
                checked += 1
    assert checked > 500


def test_script_gates_cover_every_match():
    """A Russian or Japanese rule or guard runs only on texts in its script, so each of its
    matches must contain a letter of that script."""
    from kurilwatch.match import _CONTEXT_RULES, _GUARDS, _RULES, SCRIPTS, _scripts_in

    assert {"ru", "ja"} == set(SCRIPTS.values())
    assert sum(script == "ru" for script in SCRIPTS.values()) >= 15
    gated = [r for r in [*_RULES, *_CONTEXT_RULES, *_GUARDS] if r.id in SCRIPTS]
    checked = 0
    for text in _corpus():
        for rule in gated:
            for m in rule.pattern.finditer(text):
                assert SCRIPTS[rule.id] in _scripts_in(m.group(0).lower()), (rule.id, m[0])
                checked += 1
    assert checked > 200
    assert _scripts_in("Kurils") == {"any"}
    assert _scripts_in("Курилы, 択捉島") == {"any", "ru", "ja"}


_MATCHER = Matcher()
_PIECES = [*_MATCHER.anchors, "the", " ", "Kuri", "ls", "ИТУ", "рупа", "北方", "領土", ".", "\n"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_anchor_screen_finds_any_anchor_anywhere(text):
    """One pass of the automaton says the same as looking for each anchor in turn."""
    lowered = text.lower()
    anchors = _MATCHER.ascii_anchors if lowered.isascii() else _MATCHER.anchors
    has_anchor = any(anchor in lowered for anchor in anchors)
    found = next(_MATCHER.screens[lowered.isascii()].iter(lowered), None)
    assert (found is not None) == has_anchor, text
    if not has_anchor:
        assert _MATCHER.match(text).reason == "no Kuril terms"


def test_user_terms_bypass_the_anchor_screen():
    custom = Matcher(include=("Sakhalin Oblast",))
    assert custom.anchors is None
    assert custom.match("The Sakhalin Oblast budget").relevant
