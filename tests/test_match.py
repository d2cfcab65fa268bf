"""The term matcher: every built-in name in every script, and the look-alikes it must refuse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kurilwatch.match import Matcher, compile_user_term, firm_evidence

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
    # Issue 22's look-alikes, in the spellings and word orders real coverage uses.
    "kuril-basin": "Oceanographers sampled the deep Kuril Basin of the Sea of Okhotsk.",
    "kuril-trench-no-hyphen": "A survey ship mapped the Kuril Kamchatka Trench slope.",
    "kuril-larch": "Kuril larch seedlings were planted in Scottish forests.",
    "ship-gata": "The Etorofu-gata kaibokan were built for convoy escort duty.",
    "ship-list": "The escort ships of the class were Etorofu, Matsuwa, Sado, Oki and Iki.",
    "ghana-bare": "Ghana's archives opened files of the Northern Territories protectorate.",
    "colonial-bare": "Nkrumah toured the Northern Territories. Tamale welcomed him in 1954.",
    "canada-bare": "Ottawa pledged housing money for Yukon, Nunavut and the Northern Territories.",
    "origin-en": "The breed originates from the Kuril Islands and won a prize in Helsinki.",
    "title-en": "The Okinawa and Northern Territories minister visited Naha.",
    "ru-lake-reversed": "В озеро Курильское зашло три миллиона нерок.",
    "ru-lake-abbreviated": "Медведи собрались на оз. Курильском.",
    "ru-tea-reversed": "Чай курильский заваривают при простуде.",
    "ru-flora": "Лапчатку курильскую высадили в парке.",
    "ru-basin": "Воды Курильской котловины потеплели.",
    "ru-trench-no-hyphen": "Сейсмологи изучат Курило Камчатский желоб.",
    "ru-ship-words-between": "Сейнер рыболовецкого колхоза «Кунашир» сел на мель у Находки.",
    "ru-origin": "Порода происходит с Курильских островов, сообщили заводчики.",
    "ja-basin": "オホーツク海の千島海盆で深層水の水温が上昇した。",
    "ja-habomai-district": "根室市歯舞の歯舞小学校で運動会が開かれた。",
    "ja-habomai-coop": "歯舞漁協の新しい市場が完成した。",
    "ja-krill": "南極のオキアミから抽出したクリルオイルが人気だ。",
    "ja-origin": "千島列島原産のチシマザクラを植樹した。",
    "ja-ship-bare": "海防艦「国後」の慰霊祭が開かれた。国後は占守型海防艦の1隻だった。",
    "ja-title": "沖縄・北方担当相が辺野古を視察した。",
    "ja-title-in-another-story": "竹島の日　北方領土問題の担当相も出席\n"
    "島根県の式典に、北方領土問題を担当する大臣も出席した。",
    "ru-quoted-name": "Студия «Итуруп» из Москвы выпустила новый альбом.",
    "origin-from-en": "Scottish foresters plant larch seedlings from the Kuril Islands.",
    "origin-from-ru": "Садоводы вырастили саженцы с Курил в Подмосковье.",
    "ja-third-sentence": "北海道でサンマ漁解禁\n北海道のサンマ漁が解禁された。"
    "根室港では初水揚げがあった。漁場は北方四島周辺ではなく公海が中心だ。",
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
    "romanised-japanese": "Students in Nemuro started a podcast on the Hoppo Ryodo issue.",
    "ru-airport-in-quotes": "Аэропорт «Итуруп» закрыт из-за тумана.",
    "ja-safe-operation": "根室の漁業者、安全操業の再開を要望\n"
    "根室市の漁業者らが、中断している安全操業の再開を国に要望した。",
    "en-safe-operation": "Nemuro fishermen want safe-operation fishing back\n"
    "Fishermen asked the government to seek a restart of the safe-operation agreement.",
    "ru-planted-on-the-island": "Школьники высадили саженцы на Итурупе.",
    "en-trees-of-the-islands": "Wildfire: the trees of the Kuril Islands are burning.",
    "ru-zone-in-quotes": "Новый резидент ТОР «Курилы» построит рыбный завод.",
    "lesser-kuril-en": "Russia built a border post on Tanfilyev Island.",
    "lesser-kuril-ru": "Маяк на острове Сигнальный восстановят.",
    "detention-nameless-en": "Russian border guards detained a Japanese crab boat operating "
    "under the bilateral fishing agreement.",
    "detention-nameless-ru": "Пограничники России задержали японскую шхуну, Токио протестует.",
    "detention-nameless-ja": "根室の漁船がロシアに拿捕され、政府は早期解放を求めた。",
    "northern-territories-with-minister": "Japan's minister for Okinawa and Northern "
    "Territories affairs met former islanders who want to visit graves on the islands Russia "
    "seized.",
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
    from kurilwatch.rules import CONTEXT_RULES, GUARDS, RULES, TOPIC_RULES, WATERS_RULES

    rules = RULES + CONTEXT_RULES + TOPIC_RULES + WATERS_RULES
    assert all(r.anchors for r in rules)
    # Every guard of Latin script has anchors too; the others have their script's gate.
    assert all(g.anchors for g in GUARDS if g.lang == "en")
    rules += [g for g in GUARDS if g.anchors]
    checked = 0
    for text in _corpus():
        for rule in rules:
            for m in rule.pattern.finditer(text):
                span = m.group(0).lower()
                assert any(a in span for a in rule.anchors), (rule.id, m.group(0))
                checked += 1
    assert checked > 500


def test_script_gates_cover_every_match():
    """A Russian or Japanese rule or guard runs only on texts in its script, so each of its
    matches must contain a letter of that script."""
    from kurilwatch.match import _scripts_in, script_of
    from kurilwatch.rules import CONTEXT_RULES, GUARDS, RULES, TOPIC_RULES, WATERS_RULES

    records = [*RULES, *CONTEXT_RULES, *TOPIC_RULES, *WATERS_RULES, *GUARDS]
    gated = [r for r in records if script_of(r) != "any"]
    assert {"ru", "ja"} == {script_of(r) for r in gated}
    assert sum(script_of(r) == "ru" for r in gated) >= 15
    checked = 0
    for text in _corpus():
        for rule in gated:
            for m in rule.pattern.finditer(text):
                assert script_of(rule) in _scripts_in(m.group(0).lower()), (rule.id, m[0])
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


KAMCHATKA_QUAKE = (
    "Magnitude 7.0 earthquake strikes off Kamchatka",
    "A strong earthquake struck off the eastern coast of the Kamchatka Peninsula on Saturday. "
    "Buildings shook in Petropavlovsk-Kamchatsky and cracks appeared in a school.\n"
    "The quake's epicentre was in the Pacific about 100 kilometres east of the city, at a "
    "depth of 50 kilometres, the regional branch of the Geophysical Survey said.\n"
    "The regional governor said there were no reports of serious injuries, and that teams "
    "were checking hospitals, kindergartens and the power grid.\n"
    "A tsunami threat was briefly declared; residents of Severo-Kurilsk were also told to "
    "stay away from the shore.\n"
    "Kamchatka has about 30 active volcanoes.\n"
    "Aftershocks could continue for weeks, seismologists said.",
)


def test_a_passing_mention_in_a_story_about_something_else_does_not_count():
    result = matcher.match_item(*KAMCHATKA_QUAKE)
    assert not result.relevant
    assert result.about == "Kamchatka"
    assert result.reason.startswith("passing mention in a story about Kamchatka")
    [hit] = result.hits
    assert (hit.text, hit.zone) == ("Severo-Kurilsk", "body")


def test_the_same_name_in_the_headline_or_throughout_counts():
    title, text = KAMCHATKA_QUAKE
    assert matcher.match_item("Tsunami threat for Severo-Kurilsk after quake", text).relevant
    repeated = text.replace("Kamchatka has", "Severo-Kurilsk sits on Paramushir. Kamchatka has")
    repeated += " In Severo-Kurilsk the school was closed."
    result = matcher.match_item(title, repeated)
    assert result.relevant and result.reason.endswith("in 3 sentences"), result.reason


def test_a_name_in_the_lead_counts_unless_the_headline_is_about_something_else():
    lead = "A new school opened on Shikotan on Monday. Pupils moved in from old buildings."
    assert matcher.match_item("Russia opens a school for 300 pupils", lead).relevant
    explainer = matcher.match_item("Explainer: the Takeshima dispute", lead)
    assert not explainer.relevant and explainer.about == "Takeshima"


def test_a_title_or_an_office_name_counts_only_with_context():
    alone = matcher.match("The Okinawa and Northern Territories minister visited Naha.")
    assert not alone.relevant
    assert "minister's title" in alone.reason
    assert alone.hits[0].strength == "weak" and alone.hits[0].note


def test_match_item_decides_as_match_on_headline_and_text():
    title, text = KAMCHATKA_QUAKE
    joined = matcher.match(f"{title}\n{text}")
    separate = matcher.match_item(title, text)
    assert (joined.relevant, joined.reason, joined.hits) == (
        separate.relevant,
        separate.reason,
        separate.hits,
    )
    assert matcher.match_item("", "Drills on Iturup").relevant
    assert matcher.match_item("Drills on Iturup").hits[0].zone == "title"


def test_anchored_rules_find_what_a_full_scan_finds():
    """Rules marked anchored_start are tried only where an anchor starts: on the whole
    corpus that must give exactly the matches a scan of the whole text gives."""
    from kurilwatch.match import _finditer
    from kurilwatch.rules import CONTEXT_RULES, RULES, TOPIC_RULES, WATERS_RULES

    anchored = [r for r in RULES + CONTEXT_RULES + TOPIC_RULES + WATERS_RULES if r.anchored_start]
    assert len(anchored) >= 30
    checked = 0
    for text in _corpus():
        lowered = text.lower()
        starts = _MATCHER._anchor_starts(lowered, len(lowered) == len(text))
        for rule in anchored:
            scanned = [(m.start(), m.end()) for m in rule.pattern.finditer(text)]
            for start, end in scanned:
                assert lowered[start:end].startswith(rule.anchors), (rule.id, text[start:end])
            assert [(m.start(), m.end()) for m in _finditer(rule, text, starts)] == scanned
            checked += len(scanned)
    assert checked > 500


def test_guards_reach_no_further_than_they_say():
    """A span guard runs only within its reach around each hit; no match of it is longer."""
    from kurilwatch.rules import GUARDS

    checked = 0
    for text in _corpus():
        for guard in GUARDS:
            if guard.scope != "span":
                continue
            for m in guard.pattern.finditer(text):
                assert m.end() - m.start() <= guard.reach, (guard.id, m.group(0))
                checked += 1
    assert checked > 200


def test_every_island_is_named_once():
    """The islands' names live in one table; the rules and the ship guards come from it."""
    from kurilwatch.rules import GUARDS, PLACES, RULES

    assert {p.key for p in PLACES} >= {"iturup", "kunashir", "shikotan", "habomai"}
    by_id = {r.id: r for r in RULES}
    for place in PLACES:
        for lang, names in place.names.items():
            rule = by_id[f"{lang}.{place.key}"]
            assert rule.lang == lang and rule.kind == place.kind
            assert all(name in rule.pattern.pattern for name in names)
    ship = next(g for g in GUARDS if g.id == "guard.ship-name")
    assert "shikotan" in ship.pattern.pattern and "matua" in ship.pattern.pattern


def test_match_command_says_why_a_mention_did_not_count(runner, env):
    import json

    from kurilwatch.cli import app

    text = "\n".join(KAMCHATKA_QUAKE)
    result = runner.invoke(app, ["match", text])
    assert result.exit_code == 3
    assert "passing mention in a story about Kamchatka" in result.output
    assert "body" in result.output
    data = json.loads(runner.invoke(app, ["match", "--format", "json", text]).output)
    assert data["about"] == "Kamchatka"
    assert data["hits"][0]["where"] == "body"
    origin = json.loads(
        runner.invoke(
            app, ["match", "--format", "json", "A tree originating from the Kuril Islands"]
        ).output
    )
    assert origin["suppressed"][0]["guard"] == "guard.origin"
    assert "plant" in origin["suppressed"][0]["why"]
    separate = runner.invoke(app, ["match", "--title", KAMCHATKA_QUAKE[0], KAMCHATKA_QUAKE[1]])
    assert separate.exit_code == 3 and "passing mention" in separate.output
    headline = runner.invoke(app, ["match", "-t", "Ash falls on Severo-Kurilsk", "Schools shut."])
    assert headline.exit_code == 0 and "in the headline" in headline.output
    habomai = json.loads(runner.invoke(app, ["match", "--format", "json", "歯舞漁協の市場"]).output)
    assert "Nemuro" in habomai["suppressed"][0]["why"]


def test_a_page_repeating_a_name_keeps_only_the_first_matches_of_each_rule():
    from kurilwatch.match import MAX_MATCHES

    result = matcher.match("Drills on Iturup. " * (MAX_MATCHES + 500))
    assert result.relevant
    assert sum(h.rule == "en.iturup" for h in result.hits) == MAX_MATCHES


def test_one_mention_in_a_long_article_counts_only_in_its_first_sentence():
    filler = [f"The ministry will also fund project number {n} this year." for n in range(8)]
    second = ["The budget was approved on Friday.", "It includes a Kuril Islands programme."]
    passing = matcher.match_item("Budget approved", " ".join(second + filler))
    assert not passing.relevant and passing.reason.startswith("passing mention"), passing
    first = ["The budget for the Kuril Islands was approved on Friday.", *filler]
    assert matcher.match_item("Budget approved", " ".join(first)).relevant
    # A short item too: named once, after a first sentence about something else, in a
    # story whose headline does not name them, the islands are an aside (issue 22).
    short = matcher.match_item("Budget approved", " ".join(second))
    assert not short.relevant, short
    assert "named once, not in the headline or the first sentence" in short.reason
    assert matcher.match_item("Budget approved", " ".join(first[:2])).relevant


# Every case of each Russian look-alike, adjective first and noun first: the guards use
# stems, and these hold them to every form the language gives the phrase.
RUSSIAN_FORMS = {
    "guard.ru-lake": [
        "Курильское озеро",
        "Курильского озера",
        "Курильскому озеру",
        "Курильским озером",
        "Курильском озере",
        "озеро Курильское",
        "озера Курильского",
        "озеру Курильскому",
        "озером Курильским",
        "озере Курильском",
        "оз. Курильское",
    ],
    "guard.ru-flora": [
        "курильский чай",
        "курильского чая",
        "курильскому чаю",
        "курильским чаем",
        "курильском чае",
        "чай курильский",
        "чая курильского",
        "чаем курильским",
        "лапчатка курильская",
        "курильской лапчатки",
        "лиственницу курильскую",
    ],
    "guard.ru-bobtail": [
        "курильский бобтейл",
        "курильского бобтейла",
        "курильским бобтейлом",
        "бобтейл курильский",
        "бобтейла курильского",
    ],
    "guard.ru-basin": [
        "Курильская котловина",
        "Курильской котловины",
        "Курильскую котловину",
        "котловина Курильская",
        "котловине Курильской",
    ],
    "guard.ru-trench": [
        "Курило-Камчатский желоб",
        "Курило-Камчатского желоба",
        "Курило Камчатским желобом",
        "Курильский жёлоб",
        "жёлоба Курильского",
    ],
}


@pytest.mark.parametrize(
    ("guard", "phrase"), [(g, p) for g, phrases in RUSSIAN_FORMS.items() for p in phrases]
)
def test_russian_guards_hold_in_every_case_and_word_order(guard, phrase):
    result = matcher.match(f"Учёные рассказали: {phrase} изучают давно.")
    assert not result.relevant, (phrase, result.reason)
    assert not result.hits, result.hits
    # "Курило-" names no island by itself; every form that does is this guard's.
    assert {s.guard for s in result.suppressed} <= {guard}, result.suppressed


SPELLINGS = {
    "guard.kuril-lake": ["Kurile Lake", "Kuril Lake", "Lake Kurile"],
    "guard.kuril-trench": [
        "Kuril-Kamchatka Trench",
        "Kuril Kamchatka Trench",
        "Kurile–Kamchatka trench",
        "Kuril Trench",
        "Kuril-Kamchatka subduction zone",
    ],
    "guard.kuril-basin": ["Kuril Basin", "South Kuril Basin", "Kurile deep-sea basin"],
    "guard.ja-trench": ["千島海溝", "千島・カムチャツカ海溝", "クリル・カムチャツカ海溝"],
    "guard.ja-basin": ["千島海盆", "南千島海盆", "クリル海盆"],
}


@pytest.mark.parametrize(
    ("guard", "phrase"), [(g, p) for g, phrases in SPELLINGS.items() for p in phrases]
)
def test_guards_hold_in_every_spelling(guard, phrase):
    result = matcher.match(f"Scientists surveyed the {phrase} this summer.")
    assert not result.relevant, (phrase, result.reason, result.hits)
    assert {s.guard for s in result.suppressed} == {guard}, result.suppressed


# A name of the islands as the proper name of a business, a venue or a brand, in each
# language's word orders; then the same name again, bare or in another case.
BUSINESS_NAMES = {
    "en-noun-quoted": 'Inspectors shut the "Kuril" restaurant in Perth.',
    "en-quoted-noun": 'The "Kunashir" seafood bistro in Leeds closed for good.',
    "en-bracketed": '"Kuril Islands" (a sushi bar in Riga) lost its licence.',
    "en-called": "A Moscow café called Iturup has closed.",
    "en-bare-band": "The band Shikotan announced a European tour.",
    "en-echo": 'Police raided the "Kuril" restaurant. The Kuril had no licence.',
    "ru-noun-quoted": "В Казани закрыли ресторан морской кухни «Курилы».",
    "ru-hotel": "Гостиницу «Итуруп» в Красноярске выставили на торги.",
    "ru-quoted-noun": "«Кунашир» (гостиница) в Омске продана.",
    "ru-dash": "«Курилы» — сеть пекарен из Самары — открыла новую точку.",
    "ru-adjective": "Пиво «Курильское» сняли с продажи в Твери.",
    "ru-echo-other-case": "Кафе «Курилы» оштрафовали. Посетители «Курил» жаловались.",
    "ja-noun-quoted": "札幌の居酒屋「北方四島」で食中毒があった。",
    "ja-quoted-noun": "「択捉」という焼酎が品評会で金賞を受賞した。",
    "ja-bracketed": "「クリル」（レストラン）が東京で開店した。",
    "ja-unquoted": "居酒屋国後の店主が会見した。",
}


@pytest.mark.parametrize("text", BUSINESS_NAMES.values(), ids=BUSINESS_NAMES.keys())
def test_a_business_named_after_the_islands_is_not_the_islands(text):
    result = matcher.match(text)
    assert not result.relevant, (result.reason, result.hits)
    assert result.suppressed
    assert all(s.guard.endswith("business-name") for s in result.suppressed), result.suppressed


# Quoted names that still mean the islands, and businesses on them.
QUOTED_BUT_THE_ISLANDS = {
    "ru-zone": "Резиденты ТОР «Курилы» построят гостиницу в Южно-Курильске.",
    "ru-reserve": "Заповедник «Курильский» закрыл тропы из-за медведей.",
    "ru-airport": "Аэропорт «Итуруп» закрыт из-за тумана.",
    "ru-restaurant-on-the-island": "Ресторан «Курилы» открылся на Итурупе.",
    "en-cruise": 'Tourists book the "Kuril Islands" cruise to Kunashir.',
    "en-restaurant-on-the-island": "Iturup's first seafood restaurant opens in Kurilsk.",
    "ja-day": "「北方領土の日」に根室で大会が開かれた。",
    "ja-shop-on-the-island": "国後島の古釜布に初のすし店が開店した。",
}


@pytest.mark.parametrize("text", QUOTED_BUT_THE_ISLANDS.values(), ids=QUOTED_BUT_THE_ISLANDS.keys())
def test_a_quoted_name_of_the_islands_in_their_own_story_still_counts(text):
    result = matcher.match(text)
    assert result.relevant, (result.reason, result.suppressed)


def test_a_work_named_after_the_islands_counts_only_with_context():
    title = 'Japanese film "Kunashir" wins a prize in Busan'
    drama = matcher.match_item(title, "The drama follows a drug dealer in Osaka.")
    assert not drama.relevant and "film" in drama.reason
    about = "It follows former islanders and the dispute between Japan and Russia."
    assert matcher.match_item(title, about).relevant


# Another territorial dispute in the headline, in the forms each language writes it; the
# Kurils named once in the lead are then a passing mention.
OTHER_DISPUTES = {
    "ru-declined": ("Сеул осудил проведение «Дня Такэсимы»", "ru"),
    "ru-spelling": ("Корабли Китая вновь у островов Сэнкаку", "ru"),
    "ru-malvinas": ("Аргентина напомнила о Мальвинских островах", "ru"),
    "en-malvinas": ("Argentina renews its Malvinas claim", "en"),
    "en-spratlys": ("Manila protests Chinese ships at the Spratlys", "en"),
    "ja-malvinas": ("アルゼンチン、マルビナス諸島の返還を要求", "ja"),
}
PASSING_LEADS = {
    "ru": "Токио претендует и на южные Курилы, но этот спор звучит тише.",
    "en": "Analysts compared it with other island claims, such as the Kurils.",
    "ja": "専門家は北方領土など他の問題とも比較している。",
}


@pytest.mark.parametrize(("title", "lang"), OTHER_DISPUTES.values(), ids=OTHER_DISPUTES.keys())
def test_a_headline_about_another_dispute_makes_a_lead_mention_passing(title, lang):
    result = matcher.match_item(title, PASSING_LEADS[lang])
    assert not result.relevant, (result.reason, result.hits)
    assert result.reason.startswith("passing mention in a story about"), result.reason


def test_match_command_says_a_name_is_a_business(runner, env):
    import json

    from kurilwatch.cli import app

    text = "В Петербурге оштрафовали кафе «Курилы»\nПосетители «Курил» жаловались на рыбу."
    result = runner.invoke(app, ["match", text])
    assert result.exit_code == 3, result.output
    data = json.loads(runner.invoke(app, ["match", "--format", "json", text]).output)
    assert {s["guard"] for s in data["suppressed"]} == {"guard.ru-business-name"}
    assert len(data["suppressed"]) == 2 and "ресторан" in data["suppressed"][0]["why"]


# A name of the islands as the proper name of an animal, a street or a district elsewhere,
# in the word orders and cases each language writes it: each form is its guard's.
PROPER_NAMES_ELSEWHERE = {
    "guard.animal-name": [
        "The filly Etorofu Star won at Mombetsu.",
        "Etorofu Star, a four-year-old filly, won at Mombetsu.",
        "A dog called Kunashir found its way home.",
        "The colt Shikotan was scratched from the race.",
        'The racehorse "Kuril Queen" was retired.',
    ],
    "guard.street-name": [
        "A water main burst under Kunashir Street.",
        "Traffic was diverted along Iturup Avenue.",
        "Protesters gathered on Kuril Square.",
        "A street named Shikotan was repaved.",
    ],
    "guard.habomai-district": [
        "The Habomai Fisheries Cooperative began diving for urchins.",
        "Boats left Habomai fishing port at dawn.",
        "Nemuro's Habomai district lost a third of its people.",
        "The Habomai district of Nemuro merged its schools.",
        "Habomai and Goyomai elementary schools will merge.",
        "Pupils in Habomai, Nemuro, returned to class.",
    ],
    "guard.ru-street-name": [
        "Прорвало трубу на Курильской улице.",
        "Курильская улица осталась без воды.",
        "Перекрыли Курильскую улицу.",
        "Прорвало трубу на улице Курильской.",
        "Перекрыли улицу Итурупскую.",
        "Дом на ул. Кунаширская, 5 расселят.",
        "Отремонтируют Шикотанский переулок.",
        "На проспекте Курильском открыли сквер.",
        "Прорвало трубу на Южно-Курильской улице в Корсакове.",
    ],
    "guard.ru-animal-name": [
        "Кобыла «Кунашир» выиграла приз.",
        "Победил жеребец по кличке «Итуруп».",
        "Пес по кличке Шикотан нашелся.",
        "Скакун «Курилы» сошел с дистанции.",
    ],
    "guard.ru-habomai-district": [
        "Рыбаки порта Хабомаи вышли в море.",
        "Кооператив «Хабомаи» начал добычу ежа.",
        "В районе Хабомаи закрыли школу.",
        "Рыбаки из Хабомаи в Немуро начали промысел.",
    ],
    "guard.ja-katakana-name": ["エトロフスターが勝った。", "スーパークナシリが逃げ切った。"],
    "guard.ja-named-thing": [
        "択捉通りで火災があった。",
        "国後号が入港した。",
        "千島丸が出港した。",
        "競走馬エトロフが引退した。",
        "愛犬クナシリと旅に出た。",
    ],
}


@pytest.mark.parametrize(
    ("guard", "phrase"), [(g, p) for g, phrases in PROPER_NAMES_ELSEWHERE.items() for p in phrases]
)
def test_a_name_of_the_islands_as_a_proper_name_elsewhere_is_not_the_islands(guard, phrase):
    result = matcher.match(phrase)
    assert not result.relevant, (result.reason, result.hits)
    assert result.suppressed and {s.guard for s in result.suppressed} == {guard}, result


# The same surface forms where they are the islands' own.
PROPER_NAMES_OF_THE_ISLANDS = [
    "Kunashir's feral horses roam near the airport.",
    "Yuzhno-Kurilsk renamed a street on Kunashir.",
    "Boats of the Habomai cooperative set out for Kaigara Island.",
    "Japan claims the Habomai islets off Nemuro.",
    "По улицам Курильска прошел парад.",
    "На Курилах улицы занесло снегом.",
    "Лошади на Кунашире вышли к поселку.",
    "国後島の通りが改称された。",
    "エトロフ島で演習があった。",
    "クナシリ・メナシの戦いから235年。",
]


@pytest.mark.parametrize("text", PROPER_NAMES_OF_THE_ISLANDS)
def test_the_same_forms_in_the_islands_own_story_still_count(text):
    result = matcher.match(text)
    assert result.relevant, (result.reason, result.suppressed)


def test_the_proper_name_found_once_is_the_same_animal_wherever_it_is_written_again():
    result = matcher.match_item("Etorofu Star takes the cup", "The filly Etorofu Star won.")
    assert not result.relevant and len(result.suppressed) == 2, result
    # An island named beside the horse is still the island.
    island = matcher.match_item(
        "Etorofu Star takes the cup", "The filly Etorofu Star was foaled on Iturup."
    )
    assert [h.text for h in island.hits] == ["Iturup"], island


ASIDES = {
    "en-second-sentence": (
        "Sakhalin lawmakers pass budget",
        "The duma approved the budget on Friday. The region also covers the Kuril districts.",
        "named once, not in the headline or the first sentence",
    ),
    "en-agenda": (
        "Minister sets out priorities",
        "He will raise trade, energy security, missile defence and the Northern Territories "
        "at meetings in Vientiane.",
        "one item of a list of 4 subjects",
    ),
    "ru-agenda": (
        "Дума приняла бюджет",
        "Средства направят на здравоохранение, дороги, жилье и программу развития Курил.",
        "one item of a list of 4 subjects",
    ),
    "ja-agenda": (
        "知事が施策を説明",
        "知事は観光振興や人口減少対策、北方領土、エネルギー政策などを説明した。",
        "one item of a list of",
    ),
    "ja-own-dispute-phrase": (
        "稚内市長、航路再開を要望",
        "市長は国土交通省を訪れた。市長は「北方領土問題とは切り離して」と述べた。",
        "named once, not in the headline or the first sentence",
    ),
}


@pytest.mark.parametrize(("title", "text", "why"), ASIDES.values(), ids=ASIDES.keys())
def test_an_aside_in_the_lead_of_a_story_about_something_else_does_not_count(title, text, why):
    result = matcher.match_item(title, text)
    assert not result.relevant, (result.reason, result.hits)
    assert result.reason.startswith("passing mention in a story about") and why in result.reason


KEPT_LEADS = {
    "first-sentence": (
        "Island ferry back in service",
        "The ferry sailed from Korsakov for Kunashir and Iturup on Monday. 300 were on board.",
    ),
    "two-sentences": (
        "Budget approved",
        "It includes a Kuril Islands programme. Most of it goes to Iturup's airport.",
    ),
    "event-place-en": (
        "Eastern Military District holds drills",
        "More than 1,000 troops took part in exercises. The drills were held on Iturup.",
    ),
    "event-place-ru": (
        "Военные провели учения",
        "В учениях участвовали более тысячи военных. Стрельбы прошли на Итурупе.",
    ),
    "event-place-ja": (
        "ロシア軍が演習",
        "ロシア軍東部軍管区は演習を行ったと発表した。演習は択捉島で行われた。",
    ),
    "list-of-islands": (
        "Russia deploys missiles",
        "Russia has put missiles on Iturup, Kunashir, Shikotan and Matua, the ministry said.",
    ),
    "list-with-the-dispute": (
        "Ministers meet in Rio",
        "They discussed the peace treaty, fishing, grave visits and the southern Kurils.",
    ),
}


@pytest.mark.parametrize(("title", "text"), KEPT_LEADS.values(), ids=KEPT_LEADS.keys())
def test_a_lead_that_is_about_the_islands_still_counts(title, text):
    result = matcher.match_item(title, text)
    assert result.relevant, (result.reason, result.hits)


def test_match_command_says_a_name_is_an_animals_a_streets_or_an_aside(runner, env):
    import json

    from kurilwatch.cli import app

    def decide(*args: str) -> dict:
        result = runner.invoke(app, ["match", "--format", "json", *args])
        assert result.exit_code == 3, result.output
        return json.loads(result.output)

    horse = decide("Etorofu Star takes the cup\nThe filly Etorofu Star won at Mombetsu.")
    assert {s["guard"] for s in horse["suppressed"]} == {"guard.animal-name"}
    assert len(horse["suppressed"]) == 2 and "racehorse" in horse["suppressed"][0]["why"]
    street = decide("Прорвало трубу на Курильской улице в Екатеринбурге")
    assert street["suppressed"][0]["guard"] == "guard.ru-street-name"
    assert "улицы" in street["suppressed"][0]["why"]
    assert decide("根室市歯舞の2校が統合")["suppressed"][0]["guard"] == "guard.ja-habomai-district"
    habomai = decide("Nemuro's Habomai district merges its schools")
    assert "Nemuro" in habomai["suppressed"][0]["why"]
    katakana = decide("エトロフスターが重賞初制覇")
    assert "katakana" in katakana["suppressed"][0]["why"]
    aside = decide("--title", ASIDES["en-agenda"][0], ASIDES["en-agenda"][1])
    assert aside["reason"].endswith("(the islands named as one item of a list of 4 subjects)")
    assert aside["hits"][0]["where"] == "lead"
    text = runner.invoke(app, ["match", "--title", *ASIDES["en-second-sentence"][:2]])
    assert text.exit_code == 3
    assert "not in the headline or the first sentence" in text.output and "lead" in text.output


# The islands' name as a modifier of a living thing or a natural phenomenon, an idiom for the
# whole country, a weather system's reference point, a product's or a game character's name:
# in every word order and form, never the islands.
NAMES_AS_MODIFIERS = {
    "guard.natural-kind": [
        "Kuril harbour seals hit a record count at Cape Erimo.",
        "The cold Kuril Current retreated north this autumn.",
        "Foragers seek Kuril dwarf bamboo shoots in Akita.",
        "Kuril cats are rare outside Russia.",
        "A Kurile low brought snow to Kushiro.",
    ],
    "guard.ru-natural-kind": [
        "Ослабление Курильского течения обрушило улов сайры.",
        "Выгорели заросли курильской травы под Холмском.",
        "Курильские тюлени повредили сети у мыса Эримо.",
        "Курильского карликового бамбука стало меньше.",
        "Тюлень курильский, или антур, заходит в залив.",
    ],
    "guard.ja-natural-kind": ["千島海流の南下が遅れている。", "クリル海流が弱まった。"],
    "guard.idiom-whole-country": [
        "Parcels cost the same 'from Kaliningrad to the Kurils'.",
        "Broadband from the Kurils to Kaliningrad by 2027.",
        "Schools from the Baltic to the Kuril Islands took part.",
    ],
    "guard.ru-idiom-whole-country": [
        "Диктант напишут от Калининграда до Курил.",
        "Доставка за три дня от Курил до Калининграда.",
        "От Бреста до Курильских островов прошла акция.",
    ],
    "guard.weather-reference": [
        "Bomb cyclone near the Kurils brings blizzards to Hokkaido.",
        "A low-pressure system moving toward waters near the Kuril Islands brought gales.",
        "A typhoon remnant off the Kuril Islands dumped rain on Kushiro.",
    ],
    "guard.ru-weather-reference": [
        "Циклон у Курил принес метель на Хоккайдо.",
        "Тайфун сместился в район Курильских островов, на Хоккайдо ливни.",
        "Циклон, смещающийся к Курилам, принес на Хоккайдо снег.",
    ],
    "guard.ja-weather-reference": [
        "台風は千島近海で温帯低気圧に変わった。",
        "発達中の低気圧が千島列島付近に進み、北海道で暴風雪となった。",
    ],
    "guard.product-name": [
        "Habomai kelp soy sauce wins gold at a Tokyo fair.",
        "Kunashiri kombu ramen sold out in Sapporo.",
    ],
    "guard.fiction": [
        "Kantai Collection adds escort ships Shimushu and Kunashiri.",
        "Players can obtain the characters Etorofu and Matsuwa.",
        "Etorofu and Kunashiri join the browser game this spring.",
    ],
    "guard.ja-fiction": [
        "艦これの春イベントで「国後」が再登場した。",
        "択捉や国後のキャラクターが人気だ。",
    ],
    "guard.ship-name": ["The escort ships Shimushu and Kunashiri were launched in 1940."],
    "guard.ru-ship-name": ["В игру добавили корабли «Кунашир» и «Итуруп»."],
    "guard.ja-ship-name": ["海防艦の「占守」や「国後」が登場した。"],
    "guard.origin": [
        "The breed originated on the Kuril Islands and Sakhalin.",
        "A primrose distributed across Sakhalin and the Kurils bloomed on Rebun.",
        "The escorts were named after islands in the Kuril chain.",
    ],
    "guard.ru-origin": ["Трава, распространенная на Сахалине и Курилах, выгорела."],
    "guard.ja-origin": [
        "千島列島やサハリンが原産とされる猫が受賞した。",
        "原産地は千島列島とされる。",
        "千島列島の島にちなんで名付けられた艦艇。",
        "サハリンや千島列島に分布する高山植物が咲いた。",
    ],
}


@pytest.mark.parametrize(
    ("guard", "phrase"), [(g, p) for g, phrases in NAMES_AS_MODIFIERS.items() for p in phrases]
)
def test_the_islands_name_as_a_modifier_an_idiom_or_a_reference_is_not_the_islands(guard, phrase):
    result = matcher.match(phrase)
    assert not result.relevant, (result.reason, result.hits)
    assert guard in {s.guard for s in result.suppressed}, result


# Where someone was born is demoted: alone it decides nothing, beside the islands' own news
# (the same person's visit home) it counts.
BIRTHPLACES = [
    "Yuzhno-Kurilsk native takes Russian wrestling title",
    "A wrestler who grew up in Yuzhno-Kurilsk won the title in Ulan-Ude.",
    "Shikotan-born striker scores twice for Sakhalin.",
    "Уроженец Южно-Курильска стал чемпионом России.",
    "Борец, выросший на Шикотане, выиграл чемпионат России.",
]


@pytest.mark.parametrize("text", BIRTHPLACES)
def test_where_someone_was_born_decides_nothing_alone(text):
    result = matcher.match(text)
    assert not result.relevant, (result.reason, result.hits)
    assert result.hits and all(h.strength == "weak" for h in result.hits)
    assert "born" in result.reason or "рождения" in result.reason


# The same surface forms where the islands are the place of the story.
MODIFIERS_OF_THE_ISLANDS = [
    ("Seal count on Iturup", "Rangers counted 900 Kuril harbour seals on the rocks of Iturup."),
    ("Kuril Islands fish plant reopens", "The plant on Shikotan reopened on Monday."),
    ("Kuril airport closed by fog", "Flights to Iturup were cancelled."),
    ("Cyclone cuts power in Yuzhno-Kurilsk", "A deep low near the Kurils brought gales."),
    (
        "Wrestler welcomed home",
        "The Yuzhno-Kurilsk native was met by 500 people in Yuzhno-Kurilsk.",
    ),
    ("Air mail from Sakhalin to the Kurils", "Letters will reach Iturup in three days."),
    ("Quake near the Kurils shakes Severo-Kurilsk", "No damage was reported."),
    ("Russian video game set on Iturup angers Tokyo", "Japan's ministry protested."),
    ("Циклон обрушился на Курилы", "На Курилах отключено электричество."),
    ("Курильское течение пригнало сайру к Шикотану", "Рыбаки Малокурильского довольны."),
    ("Из Корсакова на Курилы пустят паром", "Судно выйдет на линию в 2027 году."),
    ("台風、北方領土を直撃", "国後島で停電した。"),
    ("択捉島で千島桜が開花", "例年より早い。"),
    ("国後島の暮らしをスマホゲームで再現", "元島民が監修した。"),
]


@pytest.mark.parametrize(("title", "text"), MODIFIERS_OF_THE_ISLANDS)
def test_the_same_modifiers_in_the_islands_own_story_still_count(title, text):
    result = matcher.match_item(title, text)
    assert result.relevant, (result.reason, result.suppressed)


def test_a_direction_is_no_place_of_the_event():
    """A later sentence naming the islands as where someone was heading is an aside."""
    direction = matcher.match_item(
        "Паром Вакканай — Корсаков не возобновит работу",
        "Японская сторона не планирует возобновлять паром. Ранее им пользовались туристы, "
        "направлявшиеся далее на Курилы.",
    )
    assert not direction.relevant and "passing mention" in direction.reason
    place = matcher.match_item(
        "Военные провели учения",
        "В учениях участвовали более тысячи военных. Стрельбы прошли на Курилах.",
    )
    assert place.relevant
    spending = matcher.match_item(
        "Sakhalin lawmakers approve budget",
        "The duma approved the budget. Spending on the Kuril districts' programmes was kept.",
    )
    assert not spending.relevant and "passing mention" in spending.reason


MINISTRY_REPLY = (
    "Moscow rejects Tokyo's wording in its defence paper",
    "Russia's Foreign Ministry condemned Japan's annual defence paper on Friday. The "
    "spokeswoman said it raised tensions.\n"
    "The paper again calls Iturup, Kunashir, Shikotan and the Habomai islets Japanese "
    "territory under illegal occupation.\n"
    "She added that sanctions had made peace treaty talks impossible.",
)


def test_the_disputed_islands_named_together_with_the_dispute_count_anywhere():
    result = matcher.match_item(*MINISTRY_REPLY)
    assert result.relevant, result.reason
    assert result.reason.startswith("the disputed islands named together")
    # Without the dispute, or in a story about another subject, they are a passing mention.
    calm = MINISTRY_REPLY[1].replace("peace treaty talks", "trade")
    assert not matcher.match_item(MINISTRY_REPLY[0], calm).relevant
    assert not matcher.match_item("Explainer: the Takeshima dispute", MINISTRY_REPLY[1]).relevant


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Пограничники задержали японскую шхуну",
            "Пограничное управление ФСБ задержало японскую рыболовецкую шхуну с крабом.",
        ),
        (
            "Border guards detain Nemuro octopus boat",
            "The FSB border directorate detained a Japanese fishing boat from Nemuro.",
        ),
        ("国境警備局が根室の漁船を拿捕", "乗組員4人が連行された。"),
    ],
)
def test_border_guards_detaining_a_japanese_boat_are_russias(title, text):
    result = matcher.match_item(title, text)
    assert result.relevant and result.reason == "the Japan-Russia territorial dispute", result


def test_match_command_says_a_name_is_a_kind_an_idiom_a_reference_or_a_birthplace(runner, env):
    import json

    from kurilwatch.cli import app

    def decide(*args: str, code: int = 3) -> dict:
        result = runner.invoke(app, ["match", "--format", "json", *args])
        assert result.exit_code == code, result.output
        return json.loads(result.output)

    seal = decide("Kuril harbour seals at Cape Erimo hit record count")
    assert seal["suppressed"][0]["guard"] == "guard.natural-kind"
    assert "living thing or a natural phenomenon" in seal["suppressed"][0]["why"]
    idiom = decide("Диктант напишут от Калининграда до Курил")
    assert idiom["suppressed"][0]["guard"] == "guard.ru-idiom-whole-country"
    assert "вся страна" in idiom["suppressed"][0]["why"]
    weather = decide("Bomb cyclone near the Kurils brings blizzards to Hokkaido")
    assert "reference point" in weather["suppressed"][0]["why"]
    game = decide("艦これの春イベントで「国後」が再登場")
    assert game["suppressed"][0]["guard"] == "guard.ja-fiction"
    product = decide("Habomai kelp soy sauce wins gold")
    assert "product" in product["suppressed"][0]["why"]
    native = decide("Yuzhno-Kurilsk native takes Russian wrestling title")
    assert native["reason"] == "where someone was born or grew up, not the story's subject"
    assert native["hits"][0]["where"] == "title"
    reply = decide("--title", MINISTRY_REPLY[0], MINISTRY_REPLY[1], code=0)
    assert reply["reason"].startswith("the disputed islands named together (Habomai, Iturup")
    text = runner.invoke(app, ["match", "Kuril harbour seals at Cape Erimo hit record count"])
    assert text.exit_code == 3
    assert "guard.natural-kind" in text.output and "only look-alikes" in text.output


@given(
    st.sampled_from(["ресторан", "компания", "фильм", "жеребец", "кобыла по кличке", "траулер"]),
    st.sampled_from(["«", '"', "„", "“", "'"]),
    st.text(alphabet=" \t\u00a0", min_size=1, max_size=3),
    st.sampled_from(["Кунашир", "Итуруп", "Шикотан", "Курилы"]),
    st.sampled_from(["»", '"', "“", "”", "'"]),
)
def test_spaced_quotes_quote_no_name(noun, opening, spaces, name, closing):
    """Quotes that do not hug the name (« Кунашир ») make it no business's, work's, animal's
    or ship's name: only «Кунашир» and "Кунашир" are quoted."""
    result = matcher.match(f"{noun} {opening}{spaces}{name}{spaces}{closing} на Сахалине")
    assert result.relevant and not result.suppressed, (result.reason, result.suppressed)
    assert all(h.strength == "strong" for h in result.hits), result.hits


# A person's name, and an animal's, a ship's or a product's without quotes: the guard that
# says so for each phrase, in every word order and case the language allows.
PEOPLE_AND_BARE_NAMES = {
    "guard.person-name": [
        "Midfielder Kuril scores twice as Zilina beat Trencin.",
        "Winger Martin Kuril scored twice.",
        "Martin Kuril, 24, signs for Sparta.",
        "Prague court acquits businessman Kuril in tender case.",
        "Dr. Kuril said the trial had ended.",
        "Slovak defender Kuril out for six weeks with knee injury.",
    ],
    "guard.ru-person-name": [
        "Нападающий Курил забил дважды.",
        "Словацкий хоккеист Мартин Курил перешел в «Авангард».",
        "Курил забросил две шайбы.",
        "Мартин Курил подписал контракт со «Спартой».",
        "Гол на 80-й минуте забил нападающий Курил.",
    ],
    "guard.ja-person-name": [
        "クリル選手が2得点を挙げた。",
        "マルティン・クリルが決勝点を決めた。",
        "クリル監督は「満足している」と話した。",
    ],
    "guard.ru-bare-name": [
        "Жеребец Кунашир выиграл Большой приз.",
        "Трехлетний жеребец Кунашир обошел фаворита.",
        "Жокей на жеребце Шикотане выиграл дерби.",
        "Кунашир, трехлетний жеребец, выиграл приз.",
        "Траулер Итуруп сел на мель у Магадана.",
        "На траулере Итурупе сломался двигатель.",
        "Водка Курилы появилась в магазинах Владивостока.",
    ],
    "guard.ja-bare-name": [
        "貨物船クナシリが座礁した。",
        "クナシリ（牡4、美浦）が逃げ切った。",
    ],
    "guard.animal-name": [
        "The stallion Kunashir wins the Derby.",
        "Kunashir, a three-year-old stallion, won the Derby.",
    ],
}


@pytest.mark.parametrize(
    ("guard", "phrase"), [(g, p) for g, phrases in PEOPLE_AND_BARE_NAMES.items() for p in phrases]
)
def test_a_persons_or_a_bare_proper_name_is_not_the_islands(guard, phrase):
    result = matcher.match(phrase)
    assert not result.relevant, (result.reason, result.hits)
    assert result.suppressed and {s.guard for s in result.suppressed} == {guard}, result


# The same surface forms where they are the islands' own: a genitive after a noun, a team
# of the islands, their horses, a route, the islands beside a person.
THE_ISLANDS_BESIDE_PEOPLE_AND_ANIMALS = [
    "Japan protests Kuril drills",
    "Southern Kuril fishermen brace for storm",
    "Coach Dmitry Orlov moved to Kunashir from Khabarovsk.",
    "On Friday Kunashir was hit by an earthquake",
    "Why Kuril is a flashpoint again",
    "Tiny Shikotan has 3,000 residents",
    "Japan judges Kuril claims invalid",
    "Russia forwards Kuril plan to Tokyo",
    "A forward Kuril base for the Pacific Fleet",
    "Новости Курил",
    "Жители Курил получат выплаты",
    "Футболисты Курил впервые сыграли на первенстве области",
    "Лошади Кунашира вышли к поселку",
    "Паром Итуруп — Кунашир отменен из-за шторма",
    "国後島に生息する野生馬を調査",
]


@pytest.mark.parametrize("text", THE_ISLANDS_BESIDE_PEOPLE_AND_ANIMALS)
def test_the_islands_beside_people_and_animals_still_count(text):
    result = matcher.match(text)
    assert result.relevant and not result.suppressed, (result.reason, result.suppressed)


def test_a_person_called_kuril_is_not_the_kuril_islands_of_the_same_text():
    result = matcher.match_item(
        "Kuril's late double lifts Kosice past Nitra",
        "Winger Martin Kuril scored twice. His grandfather served on the Kuril Islands.",
    )
    assert len(result.suppressed) == 2  # the headline's and the lead's player
    assert [h.text for h in result.hits] == ["Kuril"]
    island = result.hits[0]
    assert island.zone == "lead" and island.strength == "strong"


KELP_BODY = (
    "About 200 small boats left Nemuro's ports on Wednesday for the first kelp harvest.\n"
    "The fishermen gather young kombu by hand with long hooked poles.\n"
    "The cooperative said the first day's catch was about normal.\n"
    "The beds lie around Kaigarajima, where Japanese boats may work only under a private "
    "agreement with a Russian fisheries body.\n"
    "Every boat flies a numbered flag so that Russian border guards can identify it.\n"
)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Nemuro kelp boats finally head out after late fee talks", KELP_BODY),
        (
            "Рыбаки Немуро вышли на промысел морской капусты",
            "Около двухсот японских лодок вышли из портов Немуро на промысел.\n"
            "Рыбаки срезают молодую ламинарию шестами.\nПервый улов оказался обычным.\n"
            "Промысел идет у острова Сигнальный по соглашению с российской стороной.\n"
            "Каждая лодка несет флаг, чтобы ее могли опознать российские пограничники.\n",
        ),
        (
            "根室のコンブ漁師、待ちわびた初出漁",
            "小型船約150隻が一斉に沖へ向かった。\n漁師らは長いさおでコンブを巻き取った。\n"
            "昼前には港に戻った。\n漁場は水晶島の周辺で、民間協定に基づいて操業している。\n"
            "ロシア国境警備局の監視船が見守る中、日本の漁船は旗を掲げて作業した。\n",
        ),
    ],
)
def test_fishing_in_the_islands_waters_counts_with_the_islands_named_only_in_the_body(title, text):
    result = matcher.match_item(title, text)
    assert result.relevant, result.reason
    assert result.reason.startswith("fishing in the islands' waters"), result.reason
    assert all(h.zone == "body" for h in result.hits if h.strength == "strong")


def test_a_catch_story_naming_the_islands_waters_in_one_line_is_a_passing_mention():
    result = matcher.match_item(
        "Hokkaido salmon catch falls to a 40-year low",
        "Hokkaido's autumn salmon catch fell to its lowest in 40 years.\n"
        "Warmer seas are blamed for the losses.\nPrices of salmon roe have doubled.\n"
        "Some Nemuro boats fish off Kunashir under an agreement with Russia, but their catch "
        "does not make up the shortfall.\nThe prefecture is reviewing its hatchery releases.\n",
    )
    assert not result.relevant and result.reason.startswith("passing mention"), result.reason


@pytest.mark.parametrize(
    ("alone", "with_the_islands"),
    [
        (
            ("Snowstorm closes schools in Sakhalin and the Kurils", "Classes were cancelled."),
            ("Snowstorm closes schools in Sakhalin and the Kurils", "Ferries to Kunashir stopped."),
        ),
        (
            ("Губернатор Сахалина и Курил открыл школу в Корсакове", "В школе 1100 мест."),
            ("Метель на Сахалине и Курилах", "Паромы на Кунашир отменены."),
        ),
        (
            ("サハリン・千島方面の航路が再開へ", "稚内とコルサコフを結ぶフェリー。日本とロシア。"),
            ("サハリン・千島で大雪", "択捉島の空港が閉鎖された。"),
        ),
    ],
)
def test_the_regions_name_counts_only_beside_the_islands_named_on_their_own(
    alone, with_the_islands
):
    result = matcher.match_item(*alone)
    assert not result.relevant and result.reason == "only look-alikes", result.reason
    assert result.suppressed[0].guard.endswith("region-pair")
    kept = matcher.match_item(*with_the_islands)
    assert kept.relevant and not kept.suppressed, kept.reason


def test_a_japanese_birthplace_counts_only_in_a_former_islanders_story():
    obituary = matcher.match_item(
        "作家の村田秀夫さん死去　91歳　択捉島出身", "日本の作家。根室の高校を卒業した。"
    )
    assert not obituary.relevant
    assert obituary.reason == "where someone was born or grew up, not the story's subject"
    islander = matcher.match_item(
        "択捉島出身の鈴木さん、最後の講演", "元島民の鈴木さんは、ソ連軍が島に来た日を語った。"
    )
    assert islander.relevant, islander.reason


def test_match_command_says_a_name_is_a_persons_a_regions_or_the_fishing_grounds(runner, env):
    import json

    from kurilwatch.cli import app

    def decide(*args: str, code: int = 3) -> dict:
        result = runner.invoke(app, ["match", "--format", "json", *args])
        assert result.exit_code == code, result.output
        return json.loads(result.output)

    player = decide("--title", "Kuril's late double lifts Kosice", "Winger Martin Kuril scored.")
    assert {s["guard"] for s in player["suppressed"]} == {"guard.person-name"}
    assert "a person's name" in player["suppressed"][0]["why"]
    horse = decide("Жеребец Кунашир выиграл Большой Всероссийский приз")
    assert horse["suppressed"][0]["guard"] == "guard.ru-bare-name"
    assert "кличка животного" in horse["suppressed"][0]["why"]
    region = decide("Губернатор Сахалина и Курил открыл школу в Корсакове")
    assert region["suppressed"][0]["guard"] == "guard.ru-region-pair"
    kelp = decide(
        "--title", "Nemuro kelp boats finally head out after late fee talks", KELP_BODY, code=0
    )
    assert kelp["reason"].startswith("fishing in the islands' waters ('kelp' up front")
    assert {h["where"] for h in kelp["hits"]} == {"body"}
    text = runner.invoke(app, ["match", "Midfielder Kuril scores twice as Zilina beat Trencin"])
    assert text.exit_code == 3
    assert "guard.person-name" in text.output and "only look-alikes" in text.output


def test_explain_says_a_stored_items_player_is_a_persons_name(runner, env, feed_server):
    """A stored item about the islands that also names a player called Kuril: `explain`
    lists the island's hit and the player's name with the guard that set it aside."""
    import json

    from conftest import Route, write_config
    from kurilwatch.cli import app

    rss = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>Kunashir children get first artificial football pitch</title>"
        b"<guid>pitch-1</guid><description>Children in Yuzhno-Kurilsk began training on "
        b"Monday. Coach Martin Kuril, a Slovak who moved to the island, said 60 signed up."
        b"</description></item></channel></rss>"
    )
    feed_server.routes["/pitch"] = Route(body=rss)
    write_config(env["config"], {"pitch": feed_server.url("/pitch")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    assert [i["title"] for i in items] == ["Kunashir children get first artificial football pitch"]
    data = json.loads(
        runner.invoke(app, ["explain", str(items[0]["id"]), "--format", "json"]).output
    )
    assert data["relevant"] and data["hits"][0]["rule"] == "en.kunashir"
    assert [(s["guard"], s["text"]) for s in data["suppressed"]] == [("guard.person-name", "Kuril")]
    table = runner.invoke(app, ["explain", str(items[0]["id"])]).output
    assert "guard.person-name" in table and "a person's name" in table


@pytest.mark.parametrize(
    ("guard", "title", "text"),
    [
        (
            "guard.business-apposition",
            "Review: Kuril brings smoked fish to a Greenpoint corner",
            "Kuril, a 30-seat restaurant that opened in January, borrows from two coasts.",
        ),
        (
            "guard.business-apposition",
            "The Kurils: Fog Season review",
            "The Kurils' second album opens with bowed guitar and foghorns.",
        ),
        ("guard.business-apposition", "Shikotan's frontman on writing in a tin shed", ""),
        ("guard.business-apposition", "Kuril Bar & Grill opens on Smith Street", ""),
        ("guard.business-apposition", "Kurils frontman quits days before tour", "He is leaving"),
        ("guard.business-apposition", "The Kurils, a Leeds four-piece, sell out the Brudenell", ""),
        ("guard.business-apposition", "Iturup's tasting menu is the meal of the year", ""),
        (
            "guard.ru-business-name",
            "«Курилы», ресторан на 30 мест, открылся на Патриарших",
            "В меню — копченая корюшка.",
        ),
        ("guard.ja-business-name", "「国後」は神田の小さなレストラン", "昼の定食は900円。"),
    ],
)
def test_a_venue_or_a_band_said_by_what_it_is_or_has_is_not_the_islands(guard, title, text):
    result = matcher.match_item(title, text)
    assert not result.relevant and result.reason == "only look-alikes", result.reason
    assert {s.guard for s in result.suppressed} == {guard}


@pytest.mark.parametrize(
    "text",
    [
        "Life on Kunashir, the island's only hotel says, has never been busier",
        "The Kurils, a volcanic chain of 56 islands, saw 30,000 visitors this summer",
        "The Kurils' record salmon catch worries Japan",
        "Kunashir's only restaurant closes for winter as ferries stop",
        "Kuril Islands bar owners fear a slump as ferries are cut",
        "Kunashir's singers win Sakhalin choir contest",
        "Kuril Islands Restaurant Week draws diners to Yuzhno-Kurilsk",
    ],
)
def test_the_islands_beside_a_venue_or_a_record_still_count(text):
    result = matcher.match(text)
    assert result.relevant and not result.suppressed, result.reason


@pytest.mark.parametrize(
    ("title", "guard"),
    [
        ("Typhoon Lan drenches eastern Hokkaido before weakening near the Kurils", "weather"),
        ("Storm weakens over the Kurils after soaking Kushiro", "weather"),
        ("Remnants of Typhoon Mawar dissipate east of the Kuril Islands", "weather"),
        ("A typhoon moving over the Kurils will soak eastern Hokkaido", "weather"),
        ("Циклон с юга Курил принесет в Приморье дожди", "ru-weather"),
        ("Тайфун ослабнет над Курилами, но Приморью грозят ливни", "ru-weather"),
        ("Циклон к югу от Курил вызовет метель на Камчатке", "ru-weather"),
        ("台風、千島列島の南を北東へ　道東で大雨", "ja-weather"),
        ("発達した低気圧、北方四島の上空へ　根室で暴風", "ja-weather"),
    ],
)
def test_the_islands_as_a_weather_maps_reference_point_in_other_wordings(title, guard):
    result = matcher.match_item(title, "")
    assert not result.relevant and result.reason == "only look-alikes", result.reason
    assert {s.guard for s in result.suppressed} == {f"guard.{guard}-reference"}


@pytest.mark.parametrize(
    "text",
    [
        "Typhoon remnants cut power in Yuzhno-Kurilsk as the storm weakened near the Kurils",
        "Циклон над Курилами оставил без света Южно-Курильск",
        "低気圧が千島列島の南部に達し、択捉島で停電",
    ],
)
def test_a_storm_that_hits_the_islands_is_still_their_news(text):
    assert matcher.match(text).relevant


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Russian border guards seize Nemuro boat operating under safe-fishing pact",
            "Tokyo asked Moscow for the crew's release.",
        ),
        (
            "Boat held by Russia returns to port",
            "The boat operated under a 1998 agreement on safe operation, Japan said.",
        ),
        (
            "Пограничники задержали шхуну из Немуро за превышение улова",
            "Токио потребовал освободить экипаж.",
        ),
        ("Nemuro crab boat seized by Russia last month returns", "Japan protested."),
        ("Russia detained five Japanese fishermen off Hokkaido", "Tokyo protested."),
        ("「第8北洋丸」、ロシア国境警備局が拿捕", "根室のタコ漁。日本政府は抗議した。"),
        (
            "Экипаж задержанной японской лодки отпустили",
            "Пограничники России задержали лодку из Немуро в начале месяца.",
        ),
    ],
)
def test_a_boat_detained_in_the_islands_waters_counts_with_no_island_named(title, text):
    result = matcher.match_item(title, text)
    assert result.relevant and result.reason == "the Japan-Russia territorial dispute"
    assert result.matched_terms in (
        ["territorial dispute"],
        ["территориальный спор"],
        ["領土問題"],
    )


def test_a_boat_seized_by_japans_own_police_is_not_the_islands():
    result = matcher.match_item(
        "Hokkaido police seize Nemuro boat in sea urchin poaching case",
        "Officers arrested the owner on suspicion of poaching off the Nemuro Peninsula.",
    )
    assert not result.relevant
    assert result.reason == "a dispute phrase, but not between Japan and Russia"


@pytest.mark.parametrize(
    ("title", "text", "relevant"),
    [
        ("Kombu boats head for Russian-held reef as kelp season opens", "Nemuro boats.", True),
        ("Kelp boats set out for the islet Russia holds", "Nemuro boats.", True),
        (
            "Urchin divers return to the beds",
            "Nemuro divers fished around Suisho, a flat islet that Russia controls and Japan "
            "claims, on Thursday.",
            True,
        ),
        (
            "Японские рыбаки вышли на сбор ламинарии",
            "Риф контролирует Россия, на него претендует Япония. Лодки вышли из Немуро.",
            True,
        ),
        (
            "Fishing boats keep clear of islets that South Korea controls and Japan claims",
            "Shimane boats were warned.",
            False,
        ),
    ],
)
def test_an_islet_russia_holds_and_japan_claims_is_the_islands(title, text, relevant):
    assert matcher.match_item(title, text).relevant is relevant


def test_a_dateline_is_neither_a_sentence_of_the_lead_nor_a_list():
    court = matcher.match_item(
        "Court jails former deputy district head over pier bribe",
        "YUZHNO-SAKHALINSK, Apr 3, 2024 - The Yuzhno-Kurilsk district court has sentenced a "
        "former deputy head of the local administration to five years, prosecutors said.",
    )
    assert court.relevant and court.reason == "names the islands in the lead", court.reason
    ash = matcher.match_item(
        "Вулкан вновь засыпал пеплом улицы города",
        "ЮЖНО-САХАЛИНСК, 6 декабря 2022. /ТАСС/. Пеплопад прошел после выброса вулкана Эбеко. "
        "Высота колонны достигла 3 км.",
    )
    assert ash.relevant and ash.hits[0].zone == "lead", ash.reason
    listed = matcher.match_item(
        "Sakhalin governor sets out spending priorities",
        "YUZHNO-SAKHALINSK, Dec. 4 (Interfax) - The governor listed roads, schools, ferries to "
        "the Kurils and housing as his priorities. Spending will rise.",
    )
    assert not listed.relevant and "one item of a list" in listed.reason, listed.reason
    for dateline in (
        "TOKYO, Jan. 29 (Kyodo) - ",
        "NEW YORK, Mar 2025 - ",
        "TOKYO (Jiji Press) -- ",
    ):
        drills = matcher.match_item(
            "Tokyo protests naval drills",
            f"{dateline}Japan protested on Tuesday. Russia's navy held drills on Iturup, the "
            "ministry said. Ships took part.",
        )
        assert drills.relevant and drills.hits[0].zone == "lead", (dateline, drills.reason)


LATE_NAMES = [
    (
        "Двадцать лет без налогов: кто пришел на острова за преференциями",
        "За первый год режима резидентами стали 47 компаний.\nЗакон освобождает их от налогов.\n"
        "Большинство работают в рыбопереработке.\nЭксперты сомневаются.\nГлавное ограничение — "
        "транспорт.\nНе хватает жилья.\nРежим действует на всех Курильских островах.\n"
        "Япония, претендующая на Итуруп и Кунашир, против.",
    ),
    (
        "観光ツアー、初の試行　44人が島へ",
        "参加者44人が根室港に戻った。\n温泉や博物館を見学した。\n「景色は雄大だった」と話した。\n"
        "天候が課題だ。\n宿泊は船内だった。\n交通の整備が課題だ。\n住民と交流した。\n"
        "一行が訪れたのは国後島と択捉島。",
    ),
    (
        "Islanders count the cost of a winter without a ferry",
        "The only ferry is laid up again.\nThe helicopter flies twice a week.\nShops run low.\n"
        "A nurse waits for flights.\nA new ferry is being built.\nFamilies are leaving.\n"
        "Nobody expects change soon.\nThe ferry serves Kunashir and Iturup from Korsakov.",
    ),
]


@pytest.mark.parametrize(
    ("title", "text"), [*LATE_NAMES, ("The island's long winter without a ferry", LATE_NAMES[2][1])]
)
def test_a_headline_about_the_islands_unnamed_is_about_those_the_text_names_late(title, text):
    result = matcher.match_item(title, text)
    assert result.relevant and result.reason.startswith("the headline's "), result.reason


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Island ferries cut as diesel prices soar",
            "Operators cut sailings.\nSado and Oki are worst hit.\nTowns pay some fuel.\n"
            "The ministry will decide.\nTour boats that view the Kuril Islands sail on.\n"
            "Fuel is 40 percent of costs.\nFares will rise.\nPassengers complain.",
        ),
        (
            "Sado Island ferry cut as diesel prices soar",
            "Operators cut sailings.\nTowns pay some fuel.\nThe ministry will decide.\n"
            "Tour boats that view the Kuril Islands and Kunashir sail on.\nFares will rise.\n"
            "Fuel is 40 percent of costs.\nPassengers complain.\nThe ministry will decide.",
        ),
    ],
)
def test_other_islands_in_the_headline_keep_a_late_mention_passing(title, text):
    result = matcher.match_item(title, text)
    assert not result.relevant and result.reason.startswith("passing mention"), result.reason


@pytest.mark.parametrize(
    ("title", "relevant"),
    [
        ("Japan and Russia agree on pilot tours under joint economic activities", True),
        ("Seoul and Hanoi pledge joint economic projects in renewable energy", False),
        ("Россия и Япония обсудили проекты совместной хозяйственной деятельности", True),
        ("Минск и Москва договорились о совместной хозяйственной деятельности", False),
        ("日ロの共同経済活動、温室野菜の初収穫", True),
        ("日韓、水素で共同経済活動を検討", False),
    ],
)
def test_joint_economic_activities_count_only_between_japan_and_russia(title, relevant):
    result = matcher.match_item(title, "")
    assert result.relevant is relevant, result.reason
    assert result.hits[0].rule.endswith(".joint-activities")


@pytest.mark.parametrize(
    "title",
    [
        "Экспедиция РГО и Минобороны обследовала японские укрепления на Матуа",
        "Тихоокеанский флот нашел на Матуа японские доты",
        "Экспедиция Русского географического общества нашла на Урупе японский маяк",
    ],
)
def test_an_ambiguous_island_counts_beside_russias_institutions_and_japans_remains(title):
    result = matcher.match_item(title, "")
    assert result.relevant and result.reason == "an ambiguous name, in context in the headline"


@pytest.mark.parametrize(
    ("title", "text", "relevant"),
    [
        (
            "Soviet classic 'The Crew' returns to cinemas in 4K",
            "MOSCOW, March 3 - A restoration opens on Thursday. Its volcano scenes were filmed "
            "on Iturup, where the crew spent six weeks.",
            False,
        ),
        (
            "«Экипаж» Митты вернется на экраны",
            "Фильм выйдет в 300 кинотеатрах России. Сцены извержения снимали на Итурупе.",
            False,
        ),
        ("名作の修復版を上映へ", "ソ連映画の修復版。火山の場面は択捉島で撮影された。", False),
        (
            "Tokyo protests as Russian crew films war drama",
            "A Moscow studio began filming on Iturup; Japan said it ignored its claim.",
            True,
        ),
    ],
)
def test_where_a_film_was_shot_decides_nothing_alone(title, text, relevant):
    result = matcher.match_item(title, text)
    assert result.relevant is relevant, result.reason
    if not relevant:
        assert result.reason in (
            "where a film was shot, not the story's subject",
            "место съемок фильма, а не предмет сообщения",
        )


def test_match_command_says_a_venue_a_reference_point_a_film_or_the_headlines_islands(runner, env):
    import json

    from kurilwatch.cli import app

    def decide(*args: str, code: int = 3) -> dict:
        result = runner.invoke(app, ["match", "--format", "json", *args])
        assert result.exit_code == code, result.output
        return json.loads(result.output)

    venue = decide("--title", "Review: Kuril brings smoked fish", "Kuril, a 30-seat restaurant.")
    assert {s["guard"] for s in venue["suppressed"]} == {"guard.business-apposition"}
    assert "restaurant, a venue or a band" in venue["suppressed"][0]["why"]
    storm = decide("Typhoon Lan drenches eastern Hokkaido before weakening near the Kurils")
    assert storm["suppressed"][0]["guard"] == "guard.weather-reference"
    film = decide("--title", "Soviet classic returns", "Its scenes were filmed on Iturup.")
    assert film["reason"] == "where a film was shot, not the story's subject"
    late = decide("--title", LATE_NAMES[0][0], LATE_NAMES[0][1], code=0)
    assert late["reason"].startswith("the headline's 'острова', named further down")
    boat = decide("Russian border guards seize Nemuro boat under safe-fishing pact", code=0)
    assert boat["reason"] == "the Japan-Russia territorial dispute"
    joint = decide("Japan and Russia agree on tours under joint economic activities", code=0)
    assert joint["hits"][0]["rule"] == "en.joint-activities"
    text = runner.invoke(app, ["match", "The Kurils' second album opens with foghorns"])
    assert text.exit_code == 3
    assert "guard.business-apposition" in text.output and "only look-alikes" in text.output


def test_explain_says_a_stored_items_islands_come_from_its_headline(runner, env, feed_server):
    """A stored long article whose headline says "Islanders" and whose text names Kunashir
    late: `explain` gives the headline's islands as the reason, and the café named after
    the islands with the guard that set it aside."""
    import json

    from conftest import Route, write_config
    from kurilwatch.cli import app

    paragraphs = "".join(f"<p>{p}</p>" for p in LATE_NAMES[2][1].splitlines())
    paragraphs += "<p>In Korsakov, Kuril, a small cafe by the port, serves the waiting crews.</p>"
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{LATE_NAMES[2][0]}</title><guid>ferry-1</guid><description>"
        f"{paragraphs.replace('<', '&lt;').replace('>', '&gt;')}</description></item>"
        "</channel></rss>"
    ).encode()
    feed_server.routes["/ferry"] = Route(body=rss)
    write_config(env["config"], {"ferry": feed_server.url("/ferry")})
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    items = json.loads(runner.invoke(app, ["list", "--format", "json"]).output)
    assert [i["title"] for i in items] == [LATE_NAMES[2][0]]
    data = json.loads(
        runner.invoke(app, ["explain", str(items[0]["id"]), "--format", "json"]).output
    )
    assert data["relevant"] and data["reason"].startswith("the headline's 'Islanders'")
    assert [(s["guard"], s["text"]) for s in data["suppressed"]] == [
        ("guard.business-apposition", "Kuril")
    ]
    table = runner.invoke(app, ["explain", str(items[0]["id"])]).output
    assert "the headline's" in table and "guard.business-apposition" in table


@pytest.mark.parametrize(
    "text",
    [
        "Japan's hopes remain low over the Kurils\nTalks with Russia stalled again.",
        "Diplomatic storm over the Kurils deepens\nTokyo summoned Russia's ambassador.",
        "Russian soldier shot dead on Iturup\nThe soldier was shot on Iturup at dawn.",
        "Глава района снят с должности в Курильске\nРешение принял губернатор.",
        "択捉島で撮影した映像を公開\nロシア軍の演習。",
    ],
)
def test_words_a_weather_map_or_a_film_shares_leave_the_islands_news_alone(text):
    result = matcher.match(text)
    assert result.relevant and all(h.strength == "strong" for h in result.hits), result.reason


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("The Yuzhno-Kurilsky district court jailed a former official", True),
        ("Severo-Kurilsky district gets a new school", True),
        ("Kurilsky nature reserve counts seals on Kunashir", True),
        ("Sockeye run at Kurilsky Lake tops six million", False),
    ],
)
def test_the_districts_adjectives_as_agencies_transliterate_them(text, relevant):
    assert matcher.match(text).relevant is relevant


# The sixth blind part's kinds: each guard reached through the core, with the reason it gives.
SIXTH_PART_LOOK_ALIKES = [
    (
        "Reefer 'Kuril Star' detained in Busan",
        "The cargo ship Kuril Star was held.",
        "guard.kuril-ship-name",
        "ship",
    ),
    (
        "Траулер «Курилы» сел на мель у Мурманска",
        "Экипаж не пострадал.",
        "guard.ru-kuril-ship-name",
        "судно",
    ),
    (
        "«Курил с юности»: врач о вреде табака",
        "Пациент курил двадцать лет.",
        "guard.ru-smoking-sentence-start",
        "курить",
    ),
    (
        "«Скорее Курилы отдадут»: клуб не продаст вратаря",
        "«Скорее Курилы отдадут, чем мы его продадим», — пошутил директор.",
        "guard.ru-never-give-up-idiom",
        "шутка",
    ),
    (
        "Habomai, Brooklyn: good kelp butter",
        "The small izakaya takes its name from a town near Nemuro.",
        "guard.venue-named-from",
        "restaurant",
    ),
    (
        "Shearwaters fly a loop",
        "The birds flew across Japan, the Kuril Islands and the Aleutians.",
        "guard.route-waypoint",
        "waypoint",
    ),
    (
        "渡りの経路を解明",
        "鳥は日本列島の沖から千島列島、アリューシャン列島を経てベーリング海に至る経路をたどる。",
        "guard.ja-route-waypoint",
        "経路",
    ),
]


SIXTH_PART_ISLANDS_OWN_NEWS = [
    ("Border guards detain a Japanese trawler off the Kuril Islands", "It was taken to port."),
    (
        "Митинг «Курилы не отдадим» в Южно-Сахалинске",
        "Участники выступили против передачи островов Японии по мирному договору.",
    ),
    ("Курил отдавать нельзя, считают жители", "Опрос провели на Итурупе."),
    ("Patrol ships sail past Iturup and Kunashir", "The drills lasted a week."),
]


@pytest.mark.parametrize(
    ("title", "body", "reason"),
    [
        (
            "Ex-islander, 94, dies",
            "He was 15 when Soviet soldiers came ashore on Shibotsu.",
            "in the lead",
        ),
        (
            "Second ferry for the island line",
            "The plant laid the keel today. It will sail the Korsakov - Kurilsk - Yuzhno-Kurilsk "
            "route, serving Iturup, Kunashir and Shikotan.",
            "in the lead",
        ),
    ],
)
def test_a_bare_islet_and_a_route_of_island_towns_are_the_islands_news(title, body, reason):
    result = matcher.match_item(title, body)
    assert result.relevant and reason in result.reason, result.reason


def test_match_command_names_the_sixth_parts_guards(runner, env):
    import json

    from kurilwatch.cli import app

    ship = runner.invoke(
        app, ["match", "--format", "json", "-t", "Reefer 'Kuril Star' held", "In Busan."]
    )
    assert ship.exit_code == 3
    assert json.loads(ship.output)["suppressed"][0]["guard"] == "guard.kuril-ship-name"
    idiom = runner.invoke(
        app,
        ["match", "«Скорее Курилы отдадут, чем мы отдадим вратаря», — пошутил директор клуба."],
    )
    assert idiom.exit_code == 3 and "guard.ru-never-give-up-idiom" in idiom.output
    route = runner.invoke(
        app, ["match", "Terns flew a long route via Alaska, the Kurils and Japan."]
    )
    assert route.exit_code == 3 and "guard.route-waypoint" in route.output


SEVENTH_PART_LOOK_ALIKES = [
    (
        "Column: the office fridge is my Kuril Islands",
        "Whatever I put in there, someone else has claimed it by Wednesday.",
        "guard.metaphor",
        "figure of speech",
    ),
    (
        "«Продам Курилы за автомат по физике»: мемы сессии",
        "Первокурсники соревнуются в шутках о зачётах.",
        "guard.ru-joke-trade",
        "шутка",
    ),
    (
        "'Kurilsky Dom' furniture chain closes stores",
        "The retailer shut eleven outlets in Novosibirsk.",
        "guard.brand-name",
        "brand",
    ),
    (
        "«Курильский маяк» сменил владельца",
        "Предприятие в Находке выпускает консервы.",
        "guard.ru-brand-name",
        "марки",
    ),
    (
        "Analysis: Donbas is not the Kurils",
        "A lawyer explains why the two cases differ under the UN Charter.",
        "guard.compared-with",
        "comparison",
    ),
    (
        "Донбасс — не Курилы, заявил юрист",
        "Эксперт объяснил, чем отличаются два случая.",
        "guard.ru-compared-with",
        "сравнения",
    ),
    (
        "エトロフが差し切り　札幌記念",
        "札幌競馬場で行われたレースは、5番人気のエトロフが直線で抜け出した。",
        "guard.ja-racehorse",
        "racehorse",
    ),
]


def test_a_view_of_the_islands_from_hokkaido_decides_nothing_alone():
    view = matcher.match_item(
        "開山祭で登山客にぎわう",
        "山頂からはオホーツク海と国後島を望むことができ、登山客が写真を撮っていた。",
    )
    assert not view.relevant, view.reason
    # A demoting guard leaves the name as a weak one, its note saying why it decides nothing.
    assert view.hits[0].strength == "weak" and "view from elsewhere" in view.reason, view
    islanders = matcher.match_item(
        "元島民が納沙布岬で返還願う", "元島民らは岬から国後島を望み、四島の早期返還を訴えた。"
    )
    assert islanders.relevant, islanders.reason


SEVENTH_PART_ISLANDS_OWN_NEWS = [
    ("My family's Kuril Islands home was taken in 1945, says ex-islander", "She is 90."),
    ("Курилы не отдадим, заявили в Госдуме", "Депутаты ответили на слова японского министра."),
    ("Kurils are not Crimea, says Japanese minister", "He spoke on the peace treaty."),
    ("«Курильский» рыбокомбинат на Итуруте расширит цех", "Завод в Курильске наберет людей."),
]


def test_former_residents_grave_visit_with_no_island_named_is_the_islands_news():
    result = matcher.match_item(
        "Grave visits resume for elderly ex-residents",
        "Some 30 former residents left Nemuro, Hokkaido, to visit family graves on the islands "
        "they were forced to leave after the war.",
    )
    assert result.relevant, result.reason
    assert "en.islands-they-left" in {h.rule for h in result.hits}, result.hits


def test_match_command_names_the_seventh_parts_guards(runner, env):
    import json

    from kurilwatch.cli import app

    brand = runner.invoke(
        app, ["match", "--format", "json", "-t", "'Kurilsky Dom' shuts stores", "In Omsk."]
    )
    assert brand.exit_code == 3
    assert json.loads(brand.output)["suppressed"][0]["guard"] == "guard.brand-name"
    joke = runner.invoke(app, ["match", "«Отдам Курилы за зачёт», — пишут студенты в соцсетях."])
    assert joke.exit_code == 3 and "guard.ru-joke-trade" in joke.output
    kept = runner.invoke(app, ["match", "Japan protests a Russian drill on Kunashir island."])
    assert kept.exit_code == 0, kept.output


EIGHTH_PART_LOOK_ALIKES = [
    (
        "Kunashir Robotics opens a lab in Lyon",
        "The French firm builds arms for fruit-picking machines.",
        "guard.company-suffix",
        "suffix",
    ),
    (
        "«Курилы Софт» купила разработчика игр из Перми",
        "Сделка закрыта в понедельник.",
        "guard.ru-company-suffix",
        "иностранного слова",
    ),
    (
        "クナシリ・ラボ、新型センサーを発表",
        "大阪のベンチャー企業が工場向けの製品を公開した。",
        "guard.ja-company-suffix",
        "suffix",
    ),
    (
        "Тренер: «Скорее Курилы Япония получит, чем мы продадим нападающего»",
        "Клуб отклонил предложение из Казани.",
        "guard.ru-never-give-up-idiom",
        "поговорка",
    ),
    (
        "Coach: 'Tokyo will sooner see the Kurils back than we let him go'",
        "The club rejected a bid for its midfielder.",
        "guard.never-give-up-idiom",
        "byword",
    ),
    (
        "Owner says the goalkeeper will be sold the day the Kurils come back",
        "The club turned down a third bid from Osaka.",
        "guard.never-idiom",
        "byword",
    ),
    (
        "Суд отменил товарный знак «Курильский» для пива",
        "Иск подал пивовар из Владивостока.",
        "guard.ru-business-name",
        "название компании",
    ),
    (
        "「わが県の北方領土」と知事",
        "県境の未確定な湖をめぐり、知事が「わが県の北方領土のような場所だ」と述べた。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
    (
        "「ドイツの北方領土」を訪ねて",
        "旧東プロイセンの都市を歩いた。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
    (
        "若手俳優がクイズで珍回答",
        "「日本一高い山は」との問いに「色丹島」と答え、スタジオがわいた。",
        "guard.ja-quiz-answer",
        "quiz",
    ),
    (
        "Game show flub: contestant answered 'Shikotan' for the capital of Peru",
        "The host moved on to the next question.",
        "guard.quiz-answer",
        "quiz",
    ),
    (
        "Участница шоу ответила «Итуруп» на вопрос о столице Кении",
        "Ведущий засчитал ошибку.",
        "guard.ru-quiz-answer",
        "викторины",
    ),
]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Norwegian folk trio names its new album, 'Iturup'", "It was recorded in Bergen."),
        ("«Шикотан», новый альбом певицы из Екатеринбурга", "Запись сделана в Берлине."),
        # a work's quoted title, said once with its kind of work and once bare: both demoted
        (
            "Картина «Итуруп. Рассвет» ушла с молотка",
            "Полотно известного советского живописца "
            "Петра Иванова «Итуруп. Рассвет» продано за 2 млн рублей.",
        ),
        ("演歌「択捉の海」がヒット", "新曲「択捉の海」は発売1週間で10万枚を売り上げた。"),
        # where the Pearl Harbor fleet sailed from, in a story about the attack
        (
            "Veterans mark the Pearl Harbor anniversary in Honolulu",
            "The Japanese carriers had gathered in Hitokappu Bay on Iturup before sailing.",
        ),
    ],
)
def test_a_work_titled_with_an_islands_name_decides_nothing_alone(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert result.hits and all(h.strength == "weak" and h.note for h in result.hits), result.hits


EIGHTH_PART_ISLANDS_OWN_NEWS = [
    # A company on the islands: the suffix cancels its name, the island itself stands.
    ("Kuril Tech opens a workshop on Iturup", "The start-up repairs fishing boats."),
    # The byword in the dispute's own story: the sides' phrases keep the islands.
    (
        "Депутат о требованиях Токио вернуть острова",
        "«Скорее японцы Курилы получат, чем мы уступим?» Нет: мирный договор с Японией "
        "возможен только без территориальных уступок, сказал он.",
    ),
    ("首相「北方領土はわが国の領土」", "北方領土の日の大会で返還を訴えた。"),
    (
        "北方領土の日にクイズ大会",
        "「四島で一番大きい島は」との問いに児童が「択捉島」と答えた。",
    ),
    ("Вулкан Иван Грозный выбросил пепел", "Пеплопада в Курильске не было."),
    ("Ash from Tyatya volcano reaches Yuzhno-Kurilsk", "Schools closed for a day."),
    ("爺爺岳で噴火", "古釜布で降灰が確認された。"),
    # A campaign's and former residents' own words are no byword.
    ("Japan vows to press on until the Kurils come back", "Tokyo's claim stands, he said."),
    (
        "Former residents dream of going home when the Kurils come back",
        "Some 5,000 former islanders are still alive; Russia rejects Tokyo's claim.",
    ),
    # Nemuro's own campaign is no figure of speech, the Habomai Group no company.
    ("根室市長「わが市の北方領土返還運動を次世代へ」", "元島民とともに署名を集める。"),
    ("ニュースの「北方領土」特集が放送", "四島の返還運動を伝えた。"),
    ("Japan renews its claim to Shikotan and the Habomai Group", "Moscow rejected it."),
]


def test_match_command_names_the_eighth_parts_guards(runner, env):
    import json

    from kurilwatch.cli import app

    company = runner.invoke(
        app, ["match", "--format", "json", "-t", "Shikotan Labs raises $3m", "In Austin."]
    )
    assert company.exit_code == 3
    assert json.loads(company.output)["suppressed"][0]["guard"] == "guard.company-suffix"
    figure = runner.invoke(app, ["match", "社長は「わが社の北方領土だ」と述べた。"])
    assert figure.exit_code == 3 and "guard.ja-figure-of-speech" in figure.output
    byword = runner.invoke(
        app, ["match", "«Скорее японцы Курилы заберут, чем мы его продадим», — сказал тренер."]
    )
    assert byword.exit_code == 3 and "guard.ru-never-give-up-idiom" in byword.output
    volcano = runner.invoke(app, ["match", "-t", "Вулкан Кудрявый проснулся", "В Курильске тихо."])
    assert volcano.exit_code == 0, volcano.output


def test_every_guard_applies_to_rules_that_exist():
    # A misspelt rule id in a guard's `applies_to` would silently make it guard nothing there.
    from kurilwatch.rules import CONTEXT_RULES, GUARDS, RULES, TOPIC_RULES, WATERS_RULES

    ids = {rule.id for rule in (*RULES, *CONTEXT_RULES, *TOPIC_RULES, *WATERS_RULES)}
    assert [(g.id, r) for g in GUARDS for r in g.applies_to if r not in ids] == []


NINTH_AND_TENTH_PART_LOOK_ALIKES = [
    # a quiz's or an exam's question on the islands (cancelled since the fourteenth part's
    # quiz named both sides in its question)
    (
        "Quiz show contestant wins after a Kunashir question",
        "The answer was Kunashir.",
        "guard.quiz",
        "quiz",
    ),
    (
        "ОГЭ по географии: задание о Курильских островах",
        "Справились 40% школьников.",
        "guard.ru-quiz",
        "викторины",
    ),
    (
        "Jeopardy! champion loses on a Habomai clue",
        "The clue asked which islets Japan and Russia both claim.",
        "guard.quiz",
        "quiz",
    ),
    (
        "Security firm tracks 'Kunashir' hacking group behind bank phishing",
        "The group targeted lenders in Poland and the Baltics.",
        "guard.business-name",
        "business",
    ),
    (
        "Ransomware attacks traced to a crew researchers code-named 'Iturup'",
        "The gang demanded payment in bitcoin from hospitals in Ohio.",
        "guard.business-name",
        "business",
    ),
    (
        "В Хабаровске начались продажи квартир в ЖК «Итуруп»",
        "Застройщик обещает сдать дом в 2027 году.",
        "guard.ru-business-name",
        "название компании",
    ),
    (
        "Глава района назвал спор о пустыре «нашими маленькими Курилами»",
        "Участок третий год делят две управляющие компании.",
        "guard.ru-metaphor",
        "образ спора",
    ),
    (
        "Агент вратаря: «Не продадим, как Курилы»",
        "Клуб из Казани предложил обмен.",
        "guard.ru-simile",
        "сравнение",
    ),
    (
        "Медвежонка в Новосибирском зоопарке назвали Шикотан",
        "Имя выбрали посетители.",
        "guard.ru-animal-name",
        "кличка",
    ),
    (
        "Детёныш нерпы получил имя Кунашир",
        "Его выхаживают в приморском центре.",
        "guard.ru-animal-name",
        "кличка",
    ),
    (
        "Wimbledon's roof row has become tennis's Kuril Islands",
        "Neither the club nor the council has budged in thirty years.",
        "guard.metaphor-likened",
        "likened",
    ),
    (
        "Opinion: the stadium lease is football's answer to the Kurils",
        "The council and the club have argued since 2004.",
        "guard.metaphor-likened",
        "likened",
    ),
    (
        "Moss first described from the Kurils turns up in Norway",
        "A moss first described from material collected on the Kuril Islands grows near Bergen.",
        "guard.origin",
        "plant",
    ),
    (
        "歯舞中で最後の卒業式",
        "根室市の歯舞中学校の生徒9人が巣立った。",
        "guard.ja-habomai-district",
        "district",
    ),
    (
        "町長「あの空き地は町の北方領土」",
        "境界が決まらない土地を「いわば町の北方領土のようなもの」と例えた。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
]

NINTH_AND_TENTH_PART_ISLANDS_OWN_NEWS = [
    # A hacking group's name cancels only that name: the islands' own news stands.
    ("Hackers hit Yuzhno-Kurilsk's power utility", "Kunashir lost power for six hours."),
    # A naming that says what the islands are is no animal's name.
    ("Лавров назвал Курилы неотъемлемой частью России", "Токио заявил протест."),
    # The islands' own people and places own them literally.
    ("The region's Kuril Islands get a new ferry", "The ship will serve Iturup and Kunashir."),
    ("My grandfather's Kuril Islands village is gone", "He left Shikotan in 1947."),
    # The dispute's own quarrel, and the islands' own airfields.
    ("Russia's answer to the Kuril Islands question: no talks", "Tokyo protested."),
    ("Aurora adds flights to Mendeleyevo", "The Kunashir airport gets a new terminal."),
    ("Рейсы в аэропорт Ясный возобновлены", "Итуруп снова связан с Сахалином."),
    ("Fog closes Yasny airport for a third day", "Passengers wait in Yuzhno-Sakhalinsk."),
    (
        "Японские суда не вышли на промысел по соглашению 1998 года",
        "Российская сторона не выдала разрешений, Токио выразил сожаление.",
    ),
    (
        "Japanese boats stay in port as Russia suspends the 1998 agreement",
        "Hokkaido fishermen cannot work the waters this season, Tokyo said.",
    ),
    # A quiz on the islands' day is the dispute's own, and Nemuro's campaign no figure.
    ("Northern Territories Day quiz in Nemuro", "Pupils named all four islands."),
    # A quiz held on the islands or in one of their towns is their own news.
    ("На Итурупе прошла викторина о природе острова", "Победители получили призы."),
    ("Школьники Северо-Курильска сыграли в викторину", "Вопросы были о Парамушире."),
    ("Quiz night on Shikotan raises money for the school", "Forty residents took part."),
    ("根室・歯舞群島の元島民が墓参", "歯舞群島の志発島を訪れた。"),
]


def test_a_place_facing_the_islands_is_not_their_dispute():
    aside = matcher.match_item(
        "Rausu opens a new clinic",
        "The town, which faces the Russian-held islands, hired two doctors from Sapporo.",
    )
    assert not aside.relevant, aside.reason
    assert [s.guard for s in aside.suppressed] == ["aside.faces"]
    dispute = matcher.match_item(
        "Rausu rally demands return of Russian-held islands",
        "Japan and Russia have not signed a peace treaty.",
    )
    assert dispute.relevant, dispute.reason


def test_match_command_names_the_ninth_and_tenth_parts_guards(runner, env):
    import json

    from kurilwatch.cli import app

    group = runner.invoke(
        app,
        ["match", "--format", "json", "-t", "'Shikotan' hacking group hits ports", "In Riga."],
    )
    assert group.exit_code == 3
    assert json.loads(group.output)["suppressed"][0]["guard"] == "guard.business-name"
    aside = runner.invoke(
        app,
        ["match", "-t", "Nemuro builds a pool", "The city, facing the Russian-held islands, paid."],
    )
    assert aside.exit_code == 3 and "aside.faces" in aside.output
    airport = runner.invoke(app, ["match", "-t", "Рейс в Менделеево отменен", "Туман."])
    assert airport.exit_code == 0, airport.output


ELEVENTH_PART_LOOK_ALIKES = [
    (
        "Циклон со стороны Курил принесёт в Хабаровск снег",
        "Синоптики ждут до 20 см осадков.",
        "guard.ru-weather-reference",
        "ориентир",
    ),
    (
        "Storm from the Kurils to lash Sakhalin's east coast",
        "Ferries to the mainland are cancelled.",
        "guard.weather-reference",
        "reference point",
    ),
    (
        "Партию икры «Лососевая курильская» сняли с продажи",
        "Продукцию фасовали в Находке.",
        "guard.ru-brand-name",
        "марки",
    ),
    (
        "'Golden Kuril Sprats' brand sold to a Latvian cannery",
        "The deal was signed in Riga.",
        "guard.brand-name",
        "brand",
    ),
]

TWELFTH_AND_THIRTEENTH_PART_LOOK_ALIKES = [
    (
        "Japanese trading house keeps its stake in an Arctic gas project",
        "Ties between Tokyo and Moscow have been frozen since 2022, when peace treaty talks "
        "over the Kuril Islands were suspended.",
        "background.relations",
        "state of relations",
    ),
    (
        "Японский банк закрыл представительство в Москве",
        "Отношения двух стран резко ухудшились после 2022 года, когда были прерваны "
        "переговоры о мирном договоре и спор о Курилах зашел в тупик.",
        "background.ru-relations",
        "состояние отношений",
    ),
    (
        "日本企業、ロシアの工場を売却",
        "日ロ関係が冷え込む中、北方領土問題をめぐる交渉も止まっている。",
        "background.ja-relations",
        "state of relations",
    ),
    (
        "三宅島の元島民が帰島20年の式典",
        "噴火で避難した元島民らが集まった。",
        "guard.ja-other-islanders",
        "another island",
    ),
    (
        "Column: the pension reform has become the pension fund's own Kuril Islands",
        "Like a frozen territorial dispute, both sides claim the same ground.",
        "guard.metaphor-likened",
        "likened",
    ),
]

TWELFTH_AND_THIRTEENTH_PART_ISLANDS_OWN_NEWS = [
    # The state of relations beside the islands' own news, or in a headline on them.
    (
        "Russia holds drills on Iturup as ties with Japan stay frozen",
        "Relations have soured since 2022, when Moscow halted peace treaty talks.",
    ),
    (
        "Tokyo protests new Russian base",
        "Ties have been frozen since 2022. Russia opened the base on Kunashir on Monday, "
        "and Japan called the Kunashir base unacceptable.",
    ),
    (
        "Bastion launchers deployed on Matua, Pacific Fleet says",
        "The island lies between Kamchatka and Hokkaido.",
    ),
    ("択捉島の元島民が墓参", "元島民ら40人が単冠湾を望む墓地を訪れた。"),
    (
        "Museum on Iturup recalls the Pearl Harbor fleet's anchorage",
        "Visitors to Kurilsk can see photographs of Hitokappu Bay in 1941.",
    ),
]

FOURTEENTH_PART_LOOK_ALIKES = [
    (
        "Opinion: the Elgin row is Greece's Kuril Islands",
        "Both capitals restate positions every year.",
        "guard.metaphor-likened",
        "likened",
    ),
    (
        "Самолет «Северо-Курильск» совершил вынужденную посадку в Хабаровске",
        "Лайнер выполнял рейс во Владивосток.",
        "guard.ru-kuril-ship-name",
        "судно",
    ),
    (
        "Поезд «Курилы» отправится из Москвы в Сочи",
        "Фирменный состав получил новое имя.",
        "guard.ru-kuril-ship-name",
        "судно",
    ),
]

FOURTEENTH_PART_ISLANDS_OWN_NEWS = [
    ("Lavrov: Iturup and Kunashir are Russia's Kuril Islands", "He rejected Tokyo's claim."),
    ("Самолет «Аврора» доставил врачей в Южно-Курильск", "Рейс выполнен по расписанию."),
    ("Final Jeopardy aside, Kunashir residents get new school", "It opens in Yuzhno-Kurilsk."),
]

SEVENTEENTH_PART_LOOK_ALIKES = [
    (
        "Nemuro opens a new fish market",
        "The city, the nearest to the Russian-held islands, spent 2 billion yen on it.",
        "aside.faces",
        "faces",
    ),
    (
        "Sea eagles return to Rausu",
        "The peaks of the Russian-held island are visible from the harbour on clear days.",
        "aside.faces",
        "faces",
    ),
    (
        "日本の漁業会社、ロシアでの合弁を解消",
        "日ロ関係は平和条約交渉が止まるなど冷え込んだままで、北方領土をめぐる協議もない。",
        "background.ja-relations",
        "state of relations",
    ),
]

SEVENTEENTH_PART_ISLANDS_OWN_NEWS = [
    ("Рыбозавод в поселке Китовый выпустил первую продукцию", "Цех работает круглосуточно."),
    ("В Китовом открыли новую школу", "В ней будут учиться 90 детей."),
    (
        "Japanese boats detained near the Russian-held islands",
        "Border guards took two schooners from Nemuro to Yuzhno-Kurilsk.",
    ),
]

EIGHTEENTH_AND_NINETEENTH_PART_LOOK_ALIKES = [
    (
        "'Our own Kuril Islands': two villages argue over a pond",
        "Neither council will pay to clean it.",
        "guard.metaphor",
        "figure of speech",
    ),
    (
        "Глава района: «Мы же не Курилы отдаем», — о продаже стадиона",
        "Депутаты одобрили сделку.",
        "guard.ru-simile",
        "сравнение",
    ),
    (
        "В Сахалинской области выросли зарплаты",
        "Зарплаты в Сахалинской области, в состав которой входят и Курильские острова, "
        "выросли на 12%.",
        "guard.ru-region-pair",
        "название области",
    ),
    (
        "Sakhalin's budget grows on gas revenue",
        "Spending in the Sakhalin region, which includes the Kuril Islands, rose 8%.",
        "guard.region-pair",
        "name of the region",
    ),
    (
        "Japanese veterans' letters go on show in Kyoto",
        "They were written after the Soviet Union entered the war in 1945 and seized the "
        "Kuril Islands.",
        "background.relations",
        "state of relations",
    ),
]

EIGHTEENTH_AND_NINETEENTH_PART_ISLANDS_OWN_NEWS = [
    ("Kelp season opens at Kaigara reef", "Nemuro boats pay fees agreed with Russia."),
    ("Лавров: Курилы не отдадим", "Мирный договор возможен только без уступок, сказал он."),
    (
        "Former islanders recall August 1945 on Shikotan",
        "The Soviet Union entered the war and its troops landed on Shikotan weeks later.",
    ),
    (
        "Sakhalin region, which includes the Kuril Islands, opens a school on Iturup",
        "The school in Kurilsk has 300 places.",
    ),
]

TWENTIETH_AND_TWENTY_FIRST_PART_LOOK_ALIKES = [
    (
        "Russia expels a Japanese diplomat",
        "Moscow froze peace treaty talks over the Kuril Islands in 2022.",
        "background.relations",
        "state of relations",
    ),
    (
        "Япония ввела пошлины на российский алюминий",
        "Москва заморозила переговоры о мирном договоре и диалог по Курилам в 2022 году.",
        "background.ru-relations",
        "состояние отношений",
    ),
    (
        "中東の停戦交渉「北方領土化」の恐れ",
        "占領が固定化する「北方領土化」を懸念する声がある。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
]

TWENTIETH_AND_TWENTY_FIRST_PART_ISLANDS_OWN_NEWS = [
    ("ロシア、クリール諸島に新たな免税特区", "日本政府は懸念を伝えた。"),
    ("南クリール地区で停電", "住民約5千人に影響が出た。"),
    (
        "ロシア大統領の島訪問に抗議",
        "大統領が北海道東方の島を訪れたことに、政府はロシア側に抗議した。",
    ),
    (
        "Kelp boats cleared for a Russian-controlled rock off Nemuro",
        "The cooperative pays fees to the Russian side under a private deal.",
    ),
    # A fishing regime's talks suspended are the islands' own waters, not relations.
    (
        "Hokkaido fishermen stay ashore",
        "Russia suspended talks on the safe-operation agreement for waters off the southern "
        "Kurils.",
    ),
]

TWENTY_SECOND_AND_THIRD_PART_LOOK_ALIKES = [
    (
        "«Свои Курилы»: соседи по гаражу судятся из-за проезда",
        "Спор длится шестой год.",
        "guard.ru-quoted-figure",
        "образ спора",
    ),
    (
        "Вылов краба на Дальнем Востоке вырос",
        "Второе место заняла Сахалинская область, включая Курильские острова.",
        "guard.ru-region-pair",
        "название области",
    ),
]

TWENTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS = [
    ("北方領土問題対策協会が語り部育成へ", "元島民の二世が研修を受ける。"),
    ("「四島のかけはし」に新展示", "根室市が元島民の証言映像を加えた。"),
    # «Курилы — наши» of the dispute's own story stays theirs.
    (
        "Митинг «Это наши Курилы» прошел в Южно-Сахалинске",
        "Участники выступили против передачи островов.",
    ),
]

TWENTY_FOURTH_AND_FIFTH_PART_LOOK_ALIKES = [
    (
        "Council's bus-lane feud 'as frozen as the Kurils'",
        "Neither side has moved since 2019.",
        "guard.simile",
        "simile",
    ),
]

TWENTY_FOURTH_AND_FIFTH_PART_ISLANDS_OWN_NEWS = [
    ("Японский министр осудил визит российского министра на «Эторофу»", "Токио направил протест."),
    (
        "Бывшие жители островов помолились с борта судна",
        "Они родились на островах, которые в Японии называют северными территориями.",
    ),
    ("Визит на остров, который японцы называют Сикотан", "МИД Японии выразил протест."),
]

TWENTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES = [
    (
        "Opinion: The 'Kuril Islands' of Britain's rail franchising",
        "A row every minister inherits and none resolves.",
        "guard.quoted-figure",
        "in quotes as a figure",
    ),
    (
        "Analysis: the “Northern Territories” of Seoul's housing market",
        "Prices in two districts have stayed frozen for a decade.",
        "guard.quoted-figure",
        "in quotes as a figure",
    ),
    (
        "〈コラム〉消費税は「北方領土」か",
        "議論されるたびに先送りされる。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
    (
        "部活動の地域移行、学校現場の「北方領土」のように",
        "誰も手を付けられない問題だ。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
    (
        "Дачники в Тверской области спорят о меже",
        "Соседи называют полоску земли «своими Курилами».",
        "guard.ru-nickname",
        "прозвище места",
    ),
    (
        "Бывшего депутата Курильского задержали в Самаре",
        "Курильский подозревается в мошенничестве.",
        "guard.ru-adjective-surname",
        "фамилия человека",
    ),
    (
        "Суд в Омске оштрафовал Анну Курильскую",
        "Предпринимательница Курильская не согласна с решением.",
        "guard.ru-adjective-surname",
        "фамилия человека",
    ),
    (
        "Japanese carmaker halts Russian exports",
        "The move comes as Tokyo and Moscow have yet to sign a peace treaty formally ending the "
        "Second World War.",
        "background.treaty",
        "background on the state of relations",
    ),
    (
        "Япония продлила санкции против банков России",
        "Страны до сих пор не подписали мирный договор.",
        "background.ru-treaty",
        "фон",
    ),
    (
        "日本、ロシア産木材の輸入禁止を延長",
        "両国は平和条約を締結していない。",
        "background.ja-relations",
        "background on the state of relations",
    ),
    (
        "Hospital merger talks drag on",
        "Like the famous territorial dispute with Moscow, the board's quarrel seems eternal.",
        "aside.likened",
        "likened",
    ),
]

TWENTY_SIXTH_AND_SEVENTH_PART_ISLANDS_OWN_NEWS = [
    ("Глава Курильского района проверил ремонт школы", "Работы завершат к сентябрю."),
    ("Мэр Курильского городского округа ответил на вопросы жителей", "Прием прошел в Курильске."),
    ("В. Иванов назначен главой Южно-Курильского округа", "Ранее он работал в Сахалине."),
    ("Gidrostroy expands the fish plant at Reidovo", "Capacity rises by a third."),
    ("Salmon hatchery opens in Krabozavodskoe", "It will release 20 million fry."),
    ("外相、納沙布岬から島々を視察", "元島民と懇談した。"),
    (
        "Кремль: безвизового режима поездок не будет",
        "Речь о поездках бывших японских жителей на острова.",
    ),
    (
        "The 'Kuril Islands' of the Sakhalin region get a new ferry",
        "The Igor Farkhutdinov will be replaced next year.",
    ),
    (
        "Japan says it has not signed a peace treaty with Russia because of the islands",
        "Tokyo says the four islands are its territory.",
    ),
]

TWENTY_EIGHTH_AND_NINTH_PART_LOOK_ALIKES = [
    (
        "Retailer recalls 'Shikotan Smoked Salmon Bites'",
        "The snack was sold in Sapporo stores.",
        "guard.brand-name",
        "a brand's name in quotes",
    ),
    (
        "Iceland detains two Russian trawlers, the Kunashir and the Nordic Star",
        "The ships were fishing without permits off the Westfjords.",
        "guard.ship-name",
        "a ship named after an island",
    ),
    (
        "社内で「北方領土」と呼ばれる倉庫、取り壊しへ",
        "本社から最も遠い倉庫だった。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
    (
        "国後島で初めて採集されたスミレ、植物園で開花",
        "名前は島にちなむ。",
        "guard.ja-origin",
        "origin of a plant",
    ),
    (
        "Alpine sedge first collected on Iturup flowers in Sapporo garden",
        "Visitors crowded the rock garden.",
        "guard.origin",
        "where a plant, a breed or a word comes from",
    ),
]

TWENTY_EIGHTH_AND_NINTH_PART_ISLANDS_OWN_NEWS = [
    ("日ロ安全操業の交渉が妥結", "北海道の漁船が四島周辺で操業する。"),
    ("安全操業の出漁、ロシア側の許可遅れる", "根室の漁船は北方四島周辺での操業を待つ。"),
    ("Russian coast guard ship Kunashir patrols off Shikotan", "Japan protested the patrol."),
    ("日本が「北方領土」と呼ぶ島々でロシアが演習", "日本政府は抗議した。"),
    ("Сеул и Токио спорят о Токто, Москва отвечает Токио по Курилам", "МИД России заявил протест."),
]

THIRTIETH_AND_THIRTY_FIRST_PART_LOOK_ALIKES = [
    (
        "Coach: our derby rivalry is a real Kuril Islands situation",
        "Neither club will give an inch.",
        "guard.figure-kind",
        "a kind of deadlock",
    ),
    (
        "'Like the Northern Territories — nobody gives anything back': mayor on library row",
        "The council and the trust both claim the building.",
        "guard.figure-kind",
        "a kind of deadlock",
    ),
    (
        "Hilo marks 60 years since its tsunami wall went up",
        "Waves from a 1952 earthquake off the Kurils flooded the bayfront before the wall was "
        "built.",
        "guard.distant-cause",
        "where a past earthquake struck",
    ),
    (
        "Суд в Тверской области ликвидировал СНТ «Курилы»",
        "Садоводы не платили взносы пять лет.",
        "guard.ru-business-name",
        "название компании",
    ),
    (
        "В Омске продавали «курильскую» икру из Китая",
        "Партию изъяли из магазинов.",
        "guard.ru-brand-name",
        "название компании или марки",
    ),
    (
        "予算の配分は「霞が関の北方領土」化",
        "どの省も譲らない。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
    (
        "党内調整は難航、関係者「派閥の北方領土だ」",
        "結論は持ち越された。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
]

THIRTIETH_AND_THIRTY_FIRST_PART_ISLANDS_OWN_NEWS = [
    (
        "Kelp boats from Nemuro head for Kaigara, a small rocky islet",
        "The harvest runs to September.",
    ),
    (
        "Экспедиция обследовала маяк",
        "Ученые описали постройки. Маяк на острове Матуа не работает с 1990-х годов.",
    ),
    ("元島民ら洋上慰霊", "根室港を出港し、島々を望む海上で手を合わせた。"),
    ("Tsunami from a 2025 earthquake off the Kurils floods Severo-Kurilsk", "Residents fled."),
    ("北方領土は日本の北方領土だ、首相が強調", "ロシア側は反発した。"),
    ("Кафе «Курилы» открылось в Южно-Курильске", "Оно работает круглосуточно."),
]

THIRTY_SECOND_AND_THIRD_PART_LOOK_ALIKES = [
    (
        "The merger talks that became Brussels' 'Kuril Islands'",
        "Neither bank will give ground.",
        "guard.metaphor-likened",
        "likened to the dispute",
    ),
    (
        "Why pension reform is the political world's Kuril Islands",
        "Everyone agrees, nobody moves.",
        "guard.metaphor-likened",
        "likened to the dispute",
    ),
    (
        "Фанаты «Зенита»: «Курилы не отдадим, а также Иванова тоже»",
        "Болельщики против продажи нападающего.",
        "guard.ru-simile",
        "шутливое сравнение",
    ),
]

THIRTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS = [
    (
        "Japan asks Russia to let former residents visit ancestral graves",
        "Moscow has frozen the programme since 2022.",
    ),
    (
        "Митинг в Южно-Сахалинске: «Курилы не отдадим»",
        "Участники выступили против передачи островов.",
    ),
    ("The world's Kuril Islands experts meet in Sapporo", "They discussed the peace treaty."),
]

THIRTY_FOURTH_AND_FIFTH_PART_LOOK_ALIKES = [
    (
        "Nemuro's crab festival draws record crowds",
        "The city, known mostly for its proximity to the Russian-held islands, sold out of "
        "hanasaki crab by noon.",
        "aside.faces",
        "what a place faces",
    ),
    (
        "Portland wholesaler 'Kuril Harvest' fined over labels",
        "The company sold Russian crab as Alaskan.",
        "guard.brand-name",
        "a brand's name in quotes",
    ),
    (
        "Kuril Seafood Inc. settles customs case",
        "The Seattle firm paid $2 million.",
        "guard.company-suffix",
        "a company's name",
    ),
    (
        "Спор дачников под Тверью",
        "«Здесь у нас свои Курилы — никто не уступит», — сказал председатель.",
        "guard.ru-quoted-figure",
        "образ спора",
    ),
    (
        "Магазины сняли с продажи консервы «Курильские»",
        "В банках нашли бактерии.",
        "guard.ru-business-name",
        "название компании",
    ),
    (
        "海防艦「国後（くなしり）」の模型を展示",
        "呉市の博物館で公開された。",
        "guard.ja-ship-name",
        "a ship named after an island",
    ),
]

THIRTY_FOURTH_AND_FIFTH_PART_ISLANDS_OWN_NEWS = [
    ("Russia builds pier on Shikotan, closest to Hokkaido", "Japan protested the work."),
    ("国後島（くなしり）で地震", "震度4を観測した。"),
    ("Жители Курил: «Это наши Курилы, и мы никуда не уедем»", "На Итурупе прошел митинг."),
]

THIRTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES = [
    (
        "白馬岳で高山植物が見頃",
        "この花は得撫島（ウルップ島）で最初に見つかったことから名がついた。",
        "guard.ja-origin",
        "origin of a plant",
    ),
    (
        "サケ・マス漁の条件決まる",
        "根室の漁船が来月出漁する。このほかにも北方四島周辺の水域で行われる操業の交渉など複数の"
        "枠組みがある。",
        "guard.ja-another-framework",
        "another one than the story's",
    ),
    (
        "Japan sets salmon quota for its own waters",
        "Boats from Nemuro sail next month. The talks are separate from the arrangement for "
        "boats near Kunashir.",
        "guard.another-framework",
        "another one than the story's",
    ),
    (
        "Shikotan, Manhattan's smallest sushi bar, closes",
        "The owner cited rising rents.",
        "guard.business-apposition",
        "",
    ),
    (
        "Towns finish tsunami towers for a Chishima (Kuril) Trench quake",
        "Sendai's plan is complete.",
        "guard.kuril-trench",
        "deep-sea feature",
    ),
    (
        "Автосалон: «Скидки такие, что хоть Курилы отдавай»",
        "Реклама висит в центре Хабаровска.",
        "guard.ru-simile",
        "шутливое сравнение",
    ),
]

# Names those guards demote to ambiguous ones, which then want context they do not have.
THIRTY_SIXTH_AND_SEVENTH_PART_DEMOTED = [
    (
        "Painter born in Yuzhno-Kurilsk opens Paris show",
        "The exhibition runs until May.",
        "where someone was born",
    ),
    (
        "北方領土を間近に望む標津町でサケ漁最盛期",
        "定置網に多くのサケがかかった。",
        "a view from elsewhere",
    ),
]

THIRTY_SIXTH_AND_SEVENTH_PART_ISLANDS_OWN_NEWS = [
    (
        "Паром «Остров Сахалин» встает на ремонт",
        "Судно выйдет из строя в ноябре. Пассажиров по маршруту Корсаков – Курильск – "
        "Южно-Курильск – Малокурильское перевезет другое судно, сообщили в министерстве.",
    ),
    ("Nemuro boats start kelp harvest in Russian-controlled waters", "Tokyo paid the fee."),
    (
        "Russia deploys troops to remote island",
        "Marines landed on Matua, a volcanic island. The base is part of a build-up along "
        "the Kuril chain.",
    ),
    (
        "МИД России ответил Токио",
        "Япония вновь назвала четыре острова своей исконной территорией. Москва заявила протест.",
    ),
    ("Экспедиция осмотрела маяк", "Маяк на острове Матуа построен в 2015 году и не работает."),
]

THIRTY_EIGHTH_AND_NINTH_PART_LOOK_ALIKES = [
    (
        "Book review: 'The Kuril Islands' is a quiet Danish family saga",
        "'The Kuril Islands' follows three sisters in Aarhus.",
        "guard.quoted-the-title",
        "a work's title in quotes",
    ),
    (
        "Comet named Shikotan after the island makes its closest pass",
        "Amateurs can see it with binoculars; it was later named Shikotan after the island "
        "by its Sapporo discoverer.",
        "guard.origin",
        "where a plant, a breed or a word comes from",
    ),
    (
        "Castle dispute has become its own 'Kuril Islands'",
        "Two heirs claim the keep.",
        "guard.metaphor-likened",
        "likened to the dispute",
    ),
    (
        "Drills planned for the Japan and Kuril trenches quake scenario",
        "Kushiro will test its sirens.",
        "guard.kuril-trench",
        "deep-sea feature",
    ),
    (
        "Соседи по даче в Подмосковье судятся за пруд",
        "Жители в шутку называют его «нашими Курилами»; спор о передаче участка идет третий год.",
        "guard.ru-nickname",
        "прозвище места",
    ),
]

THIRTY_EIGHTH_AND_NINTH_PART_DEMOTED_MORE = [
    (
        "Yuri Ivanov, Soviet marine who landed on Shumshu in 1945, dies at 99",
        "The World War II veteran later taught history in Omsk.",
        "where someone lived, served or fought",
    ),
]

THIRTY_EIGHTH_AND_NINTH_PART_ISLANDS_OWN_NEWS = [
    (
        "Former residents fly over their old homes",
        "Unable to tend family graves since Russia halted the visits, 70 people from Hokkaido "
        "prayed from the plane.",
    ),
    ("Former Shikotan islander who campaigned for the return dies at 92", "She was born there."),
    (
        "Abe's envoy: talks with Putin to settle the Kuril dispute failed",
        "He spoke in Tokyo.",
    ),
    (
        "«Это наши Курилы»: Захарова ответила Японии",
        "Москва отвергла претензии Токио.",
    ),
]

FORTIETH_AND_FORTY_FIRST_PART_LOOK_ALIKES = [
    (
        "Review: the quartet's 'Iturup' is a slow, icy record",
        "Eight tracks of drone.",
        "guard.makers-title",
        "a work's title in quotes after its maker",
    ),
    (
        "町境問題、議員「まるで北方領土」",
        "両町とも譲らない。",
        "guard.ja-figure-of-speech",
        "figure of speech",
    ),
    (
        "Спор о парковке в Химках",
        "«Это вам не Курилы, делить тут нечего», — сказал глава управы.",
        "guard.ru-simile",
        "шутливое сравнение",
    ),
    (
        "Полиция изъяла рыбу с маркировкой «Курилы»",
        "Рыбу привезли из Китая.",
        "guard.ru-business-name",
        "название компании",
    ),
]

FORTIETH_AND_FORTY_FIRST_PART_DEMOTED = [
    (
        "Умер писатель Петр Сомов",
        "На 80-м году жизни скончался прозаик; в юности он служил на Курилах.",
        "где человек жил, служил или воевал",
    ),
    (
        "Minister for Okinawa, Northern Territories denies funding lapse",
        "He spoke in Tokyo.",
        "part of a minister's title",
    ),
]

FORTIETH_AND_FORTY_FIRST_PART_ISLANDS_OWN_NEWS = [
    ("元島民ら納沙布岬沖で洋上慰霊", "故郷の方角に手を合わせた。"),
    (
        "Япония попросила Россию пустить бывших жителей к могилам предков",
        "Речь о поездках бывших японских жителей для посещения захоронений родственников.",
    ),
    ("Скончался Иван Петров, сорок лет руководивший школой в Крабозаводском", "Ему было 80."),
    (
        "Former Habomai islander who campaigned for the return dies at 90",
        "She joined many grave visits.",
    ),
]

FORTY_SECOND_AND_THIRD_PART_LOOK_ALIKES = [
    (
        "Review: the counter that makes Soho's best crab",
        "Kunashiri is a 12-seat sushi counter run by a chef from Nemuro.",
        "guard.business-apposition",
        "the name of a restaurant",
    ),
    (
        "根室で「しこたん昆布フェア」",
        "昆布の加工品が並んだ。",
        "guard.ja-event-name",
        "an event's name",
    ),
]

FORTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS = [
    (
        "ロシア軍が演習、政府が抗議",
        "官房長官は「わが国の立場と相いれない」と述べた。演習はクナシリ（国後）島で行われた。",
    ),
    ("元島民2世が語り部に", "父はソ連兵が上陸した夏を語った。"),
    ("「北方領土返還要求全国大会」を開催", "首相があいさつした。"),
]

FORTY_FOURTH_AND_FIFTH_PART_LOOK_ALIKES = [
    (
        "Sakhalin governor backs new coal port",
        "The Sakhalin region, which administratively also covers the Kuril chain, exported 40 "
        "million tonnes last year.",
        "guard.region-pair",
        "as the name of the region",
    ),
    (
        "Trawler aground off Iceland",
        "A Russian fishing vessel, the Kuril Wave, ran onto rocks near Husavik.",
        "guard.kuril-ship-name",
        "a ship named after the islands",
    ),
    (
        "Вратарь не продается",
        "«Он для нас как Курилы — никому не отдадим», — сказал президент клуба.",
        "guard.ru-simile",
        "шутливое сравнение",
    ),
    (
        "Японская компания осталась в проекте «Сахалин-2»",
        "Токио сохранил долю несмотря на санкции, отсутствие мирного договора и спор о южных "
        "Курилах.",
        "background.ru-treaty",
        "фон",
    ),
    (
        "Kuril, the new 30-seat place in Soho, opens its doors",
        "The menu runs to 14 courses.",
        "guard.business-apposition",
        "the name of a restaurant",
    ),
]

FORTY_FOURTH_AND_FIFTH_PART_ISLANDS_OWN_NEWS = [
    (
        "Sakhalin governor visits Iturup",
        "The Sakhalin region, which administratively also covers the Kuril chain, opened a "
        "school on Iturup.",
    ),
    ("Patrol ship, the Kuril Star, sails for Shikotan", "Japan protested."),
]

FORTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES = [
    (
        "Analysts see 'Northern Territories' stalemate in port merger",
        "Neither bidder will sell.",
        "guard.figure-kind",
        "a kind of deadlock",
    ),
    (
        "Court fight drags on",
        'The feud has become "the Kuril Islands of Japanese banking," a lawyer said.',
        "guard.quoted-figure",
        "in quotes as a figure",
    ),
    (
        "Медвежат в зоопарке Перми назвали Шикотан и Итуруп",
        "Имена выбрали посетители.",
        "guard.ru-animal-name",
        "кличка животного",
    ),
]

FORTY_SIXTH_AND_SEVENTH_PART_ISLANDS_OWN_NEWS = [
    (
        "Nemuro kelp boats head out under private deal with Russia",
        "The boats pay a fee and need permits issued by Russian authorities. The harvest was "
        "delayed after talks with Russian officials. The grounds surround Kaigara Island, "
        "part of the territory Japan claims.",
    ),
    ("Tokyo protests as Moscow calls them the 'Kuril Islands' of Russia", "Japan objected."),
    ("北方四島周辺の安全操業、今年も出漁できず", "ロシア側の許可が出ていない。"),
]

FORTY_EIGHTH_AND_NINTH_PART_LOOK_ALIKES = [
    (
        "根室市歯舞でキツネ目撃",
        "同市歯舞の住宅街で9日、キツネが見つかった。",
        "guard.ja-habomai-district",
        "Nemuro City",
    ),
    (
        "Tagged terns trace a loop around the North Pacific",
        "The birds flew north past Japan and along the Kuril chain into the Bering Sea.",
        "guard.route-waypoint",
        "one waypoint of a route",
    ),
    (
        "Шторм с Курил оставил Сахалин без света",
        "Циклон, сместившийся с района Курильских островов, оборвал провода в Корсакове.",
        "guard.ru-weather-reference",
        "ориентир",
    ),
    (
        "Тренер: «Победу не отдадим, как японцам Курилы»",
        "«Мы своё не отдаём — ни очки, ни Курилы», — пошутил он после игры.",
        "guard.ru-simile",
        "шутливое сравнение",
    ),
]

FORTY_EIGHTH_AND_NINTH_PART_ISLANDS_OWN_NEWS = [
    ("根室市の歯舞群島沖で漁船が拿捕", "ロシア国境警備局が発表した。"),
    ("Ferry sails from Korsakov past Sakhalin and along the Kurils to Iturup", "It runs weekly."),
    ("Циклон с Охотского моря обрушился на Курилы", "В Курильске сорвало крыши."),
    ("Депутат: «Не отдадим ни пяди земли, ни Курил»", "Он ответил Токио на ноту."),
    ("北方四島周辺の安全操業が確保できず、漁業者が懸念", "ロシア側の許可が遅れている。"),
]

FIFTIETH_AND_FIFTY_FIRST_PART_LOOK_ALIKES = [
    (
        "«Курил в туалете»: пассажира оштрафовали",
        "Суд назначил штраф за нарушение на борту.",
        "guard.ru-smoking-sentence-start",
        "прошедшее время",
    ),
    (
        "Busan port holds reefer ship Kurilsk",
        "Officials are checking the refrigerated cargo vessel Kurilsk and its crew.",
        "guard.ship-name",
        "a ship named",
    ),
    (
        "Saury landings hit a record low",
        "Landings at Nemuro, the city that looks across a narrow strait to the Russian-held "
        "Northern Territories, fell again.",
        "guard.described-by-view",
        "a description of another place",
    ),
    (
        "Yen slides to a 30-year low",
        "Taro Sato, an expert on Russia-Japan relations and the Kuril Islands, said exporters "
        "gain.",
        "guard.expert-field",
        "an expert's field",
    ),
    (
        "Иена на минимуме",
        "Так считает эксперт, автор ряда монографий о российско-японских отношениях и "
        "курильской проблеме.",
        "guard.ru-expert-field",
        "область занятий эксперта",
    ),
    (
        "プーチン氏通算5選",
        "北方領土問題などロシア外交に詳しい北海道大学の教授は「信任の演出だ」と述べた。",
        "guard.ja-expert-field",
        "an expert's field",
    ),
]

FIFTIETH_AND_FIFTY_FIRST_PART_DEMOTED = [
    (
        "Studio delays 'Northern Territories', the second expansion for its strategy game",
        "Pre-orders will be refunded.",
        "the title of",
    ),
    ("«Итуруп», новое дополнение к игре, выйдет весной", "Студия перенесла релиз.", "название"),
]

FIFTIETH_AND_FIFTY_FIRST_PART_ISLANDS_OWN_NEWS = [
    (
        "Nemuro kelp fishermen wait as talks with Russia drag on",
        "Fishermen pay fees for permission to harvest kelp in waters that Tokyo regards as its "
        "own but which Moscow has controlled since 1945. Each boat carries a Russian-issued "
        "permit. The beds lie around Kaigara Island.",
    ),
    ("Ferry Kurilsk sails for Iturup", "The ship will carry 200 passengers to Kurilsk."),
    ("Expert on the Kuril dispute: Moscow will not hand over Shikotan", "He spoke in Tokyo."),
    ("Шторм на Курилах: в Курильске сорваны крыши", "В туалете школы выбило окна."),
    ("北方領土問題に詳しい教授、元島民の墓参再開を提言", "色丹島への訪問を求めた。"),
]

FIFTY_SECOND_AND_THIRD_PART_LOOK_ALIKES = [
    (
        "国内のラッコ、残り2頭に",
        "ラッコはアラスカや千島列島周辺などから輸入されていた。",
        "guard.ja-origin",
        "the origin of",
    ),
    (
        "Norwegian pianist's 'Shikotan' is a wintry triumph",
        "The eight tracks were recorded near Bergen.",
        "guard.makers-title",
        "after its maker",
    ),
    (
        "Osaka's 'Northern Territories': rail yard feud stalls redevelopment",
        'Officials call the strip of sidings "the Northern Territories".',
        "guard.possessive-quoted-figure",
        "a nickname",
    ),
    (
        "«Курилка», «курево» и «Курилы»: откуда слова",
        "Филолог разбирает слова, связанные с глаголом «курить».",
        "guard.ru-words-as-words",
        "заметка о языке",
    ),
]

FIFTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS = [
    (
        "Hokkaido kelp crews head out as the season opens",
        "About 200 small boats left port for the kelp harvest. Cooperatives hoped for a "
        "better catch. Under a private agreement renewed each year for a fee, they harvest "
        "the waters around Kaigara Island, a Russian-controlled islet of the Habomai group.",
    ),
    ("Japan's 'Northern Territories' policy under review", "Tokyo will keep its claim."),
    ("Названия «Итуруп» и «Кунашир» сохранят за аэропортами", "Так решили на Курилах."),
]

FIFTY_SEVENTH_PART_LOOK_ALIKES = [
    (
        "Tanker Ural Star among ships added to sanctions list",
        "The listed vessels include the tanker Shikotan, registered in Palau. The "
        "Palau-registered Shikotan loaded crude at Ust-Luga in May, tracking data show.",
        "guard.ship-name",
        "a ship named after an island",
    ),
    (
        "Sea urchin fair opens in Nemuro",
        "Thousands came to the fair in this port city, the home of the campaign for the "
        "return of the Russian-held islands, to taste the first catch of the season.",
        "aside.faces",
        "not the story's subject",
    ),
    (
        "台湾海峡の緊張　「第二の北方領土を生むな」と専門家",
        "専門家は実効支配の固定化を懸念した。",
        "guard.ja-figure-of-speech",
        "a figure of speech",
    ),
]

FIFTY_SEVENTH_PART_ISLANDS_OWN_NEWS = [
    (
        "Return movement rallies in Nemuro",
        "The city, the home of the campaign for the return of the Russian-held islands, held "
        "a rally on Sunday. Former residents demanded the return of the four islands from "
        "Russia, and Japan's minister spoke.",
    ),
    (
        "Tanker Iturup runs aground off Iturup",
        "The tanker Iturup ran aground on Iturup on Monday, border guards in the Kurils said.",
    ),
]

FIFTY_EIGHTH_PART_LOOK_ALIKES = [
    (
        "Scallop prices slide at Nemuro auction",
        "Prices fell at the auction in this city, the hub of the drive to win back the "
        "Russian-held islands, as buyers held off.",
        "aside.faces",
        "not the story's subject",
    ),
    (
        "Kuril Minerals drills new copper target in Chile",
        "The explorer said assays were due in March.",
        "guard.company-suffix",
        "a company's name",
    ),
    (
        "モルドバの“北方領土”　沿ドニエストルの帰属問題",
        "帰属を巡る協議は進んでいない。",
        "guard.ja-figure-of-speech",
        "a figure of speech",
    ),
    (
        "Тренер «Спартака»: отпустить капитана — это как Курилы отдать",
        "Клуб не намерен продавать игрока.",
        "guard.ru-likened-to-giving-up",
        "сравнение о другом",
    ),
    (
        "Под видом «курильской» продавали горбушу из Китая",
        "Партию изъяли на рынке.",
        "guard.ru-passed-off-as",
        "ярлык происхождения",
    ),
]

FIFTY_EIGHTH_PART_ISLANDS_OWN_NEWS = [
    # the former islanders, their islands unnamed, with Japan (Nemuro) beside them
    ("元島民らが洋上慰霊　根室から船で", "元島民と家族が船上から古里の島に祈った。"),
    # the dispute's own comparison keeps the names
    (
        "«Это как Курилы отдать»: депутат о передаче островов Японии",
        "Депутат выступил против территориальных уступок Токио.",
    ),
]

SIXTY_FIRST_TO_THIRD_PART_LOOK_ALIKES = [
    (
        "Our very own 'Kurils': the allotment row that will not end",
        "Two neighbours have argued over a metre of soil for a decade. The council has given up.",
        "guard.metaphor",
        "a figure of speech",
    ),
    (
        "Osaka's own 'Northern Territories' finally settled",
        "A strip of reclaimed land claimed by two wards was divided by a court on Monday.",
        "guard.metaphor",
        "a figure of speech",
    ),
    (
        "New hybrid poplar trial",
        "Breeders crossed a European poplar with a relative native to northern Japan, Sakhalin "
        "and the Kuril Islands, hoping for hardier trees.",
        "guard.origin",
        "where a plant, a breed or a word comes from",
    ),
    (
        "Short-tailed cats win in Riga",
        "The breed descends from cats once found on the Kuril Islands and is now bred across "
        "Europe.",
        "guard.origin",
        "where a plant, a breed or a word comes from",
    ),
    (
        "London trio Iturup sign to an indie label",
        "The trio Iturup play their first headline show next month.",
        "guard.business-name",
        "the name of a business",
    ),
    (
        "Language corner: smoke and people",
        "Many believe the Kurils take their name from the Russian verb for smoking. Linguists "
        "disagree.",
        "guard.etymology",
        "where the name comes from",
    ),
    (
        "Слово недели: дым и люди",
        "Принято считать, что название «Курилы» происходит от глагола «курить». Лингвисты с "
        "этим не согласны.",
        "guard.ru-etymology",
        "происхождение названия",
    ),
    (
        "ことばの散歩道",
        "千島の地名の由来には諸説ある。アイヌ語で「人」を意味する言葉だという。",
        "guard.ja-etymology",
        "語源",
    ),
    # the district shown once is the district wherever the story writes it again
    (
        "Kelp drying starts on Habomai shore",
        "Members of the Habomai fishery cooperative laid out the first kelp of the season near "
        "Habomai fishing port in Nemuro. The Habomai shore was busy from dawn.",
        "guard.habomai-district",
        "the district of Nemuro City",
    ),
    # a nickname shown in the body is the same figure in the headline's short quote
    (
        "«Наши Курилы»: соседи по гаражам делят проезд",
        "Председатель кооператива называет спорный проезд «нашими Курилами»: «Хоть японцам "
        "отдавай». Суд назначил экспертизу.",
        "guard.ru-nickname",
        "прозвище места местного спора",
    ),
]

SIXTY_FIRST_TO_THIRD_PART_ISLANDS_OWN_NEWS = [
    # the former residents' lost home, unnamed
    (
        "Former residents hold memorial at sea",
        "NEMURO - Twenty former residents sailed out on Sunday and prayed within sight of the "
        "island where most of them were born, Japanese officials said. Russia has suspended "
        "the visits.",
    ),
    # the islands unnamed, off Hokkaido's east, or by who took them
    (
        "Government appoints student ambassadors for territory campaign",
        "Japan's government named 30 students to promote the return of the islands off "
        "northeastern Hokkaido, which Russia controls.",
    ),
    (
        "Campaign envoys named",
        "The students will talk about the islands that Soviet troops occupied in 1945 and "
        "that Japan wants back from Russia.",
    ),
    # a long feature: its subject stationed on two of the islands, named in two sentences
    (
        "Гарнизон на восточном рубеже отметил годовщину",
        "Торжественное построение прошло на плацу военного городка. Ветеранам вручили медали."
        " Молодое пополнение приняло присягу. Минобороны России наградило ветеранов. За пять "
        "лет в городке построили 40 объектов. В часть поступили новые беспилотники. Жильё для"
        " семей сдадут до конца года. Токио традиционно протестует против учений на островах,"
        " которые в Японии называют «северными территориями». Летом подразделения, "
        "дислоцированные на Итурупе и Кунашире, проведут учения с боевой стрельбой.",
    ),
]

SIXTY_FIFTH_AND_SIXTH_PART_LOOK_ALIKES = [
    (
        "Column: China has become our exporters' very own 'Kuril Islands'",
        "Sales are frozen and nobody expects a deal soon.",
        "guard.possessive-quoted-figure",
        "a nickname",
    ),
    (
        "【コラム】押し入れの奥の「北方領土」",
        "押し入れの奥の段ボールは、誰も手を付けない。家族はそこを「北方領土」と呼んでいる。",
        "guard.ja-figure-of-speech",
        "a figure of speech",
    ),
    (
        "浜中町沖にアザラシの群れ",
        "アザラシの群れは千島列島から南下してきたとみられる。",
        "guard.ja-origin",
        "the origin of a plant or a breed",
    ),
]

SIXTY_SEVENTH_PART_LOOK_ALIKES = [
    # anyone's, so a figure, even in a Tokyo column that jokes with the treaty
    (
        "Column: every family has its own Northern Territories",
        "In our Tokyo flat the spare room has been held by my son's drum kit for years. My "
        "wife calls for a peace treaty; nothing moves.",
        "guard.metaphor",
        "a figure of speech",
    ),
    (
        "【コラム】納戸は父の「北方領土」",
        "納戸には父の釣り道具が積まれ、誰も手を出せない。",
        "guard.ja-figure-of-speech",
        "a figure of speech",
    ),
]

SIXTY_EIGHTH_PART_LOOK_ALIKES = [
    (
        "Bobtails shine at Oslo show",
        "The breed traces its origins to cats kept on the Kuril Islands.",
        "guard.origin",
        "where a plant, a breed or a word comes from",
    ),
    (
        "В оранжерее зацвела вишня",
        "Деревце, которое в природе растет на Сахалине, Курилах и Хоккайдо, прижилось в Калуге.",
        "guard.ru-origin",
        "происхождение растения",
    ),
    (
        "Saury shoals stay far offshore",
        "The cold current, which flows south along the Kuril chain, has weakened this year, "
        "scientists said.",
        "guard.current-along",
        "the path of an ocean current",
    ),
]

SIXTY_EIGHTH_PART_ISLANDS_OWN_NEWS = [
    # the chain described by its two ends, in each language
    (
        "Investors line up for island tax break",
        "Companies registered on the island chain that stretches from Hokkaido to Kamchatka "
        "pay no profit tax for 20 years, Sakhalin officials said.",
    ),
    (
        "Налоговые льготы привлекли инвесторов",
        "Льготный режим для компаний на островах между Камчаткой и Хоккайдо привлёк 40 "
        "проектов, сообщили в правительстве области.",
    ),
    (
        "免税特区に投資４０件",
        "ロシアが北海道とカムチャツカ半島の間に連なる島々に設けた免税特区に、40件の投資が集まった。",
    ),
    # an ambiguous island's name said to be an island in its own sentence
    (
        "Birdwatchers head for Matua",
        "A team of ornithologists will spend a month on Matua in August. Matua is one of the "
        "least visited islands in the north Pacific, the organisers said.",
    ),
]

SEVENTIETH_TO_SEVENTY_SECOND_PART_LOOK_ALIKES = [
    (
        "Brewer's chief calls lost market 'our Northern Territories'",
        "TOKYO -- The president of a Sendai brewer described the company's shrinking share in "
        'Kyushu as "our Northern Territories" at a briefing on Friday.',
        "guard.metaphor",
        "a figure of speech",
    ),
    (
        "海鳥の大量死",
        "この鳥は南半球で繁殖し、千島列島沖などを経てベーリング海まで渡る。",
        "guard.ja-route-waypoint",
        "経路の一地点",
    ),
]

SEVENTIETH_TO_SEVENTY_SECOND_PART_ISLANDS_OWN_NEWS = [
    # an island's volcano and the chain described by its ends, in a Kamchatka agency's story
    (
        "Ash falls on remote town",
        "PETROPAVLOVSK-KAMCHATSKY, May 2 (Interfax) -- Ebeko volcano, at the northern end of "
        "the island chain stretching from Kamchatka toward Hokkaido, threw ash 2 km high, the "
        "Kamchatka Volcanic Eruption Response Team said. Residents of the town below it swept "
        "ash from their yards.",
    ),
    # three different names of the islands are too firm for the topic veto
    (
        "Geologists camp on a crater rim for a month",
        "Researchers from Petropavlovsk-Kamchatsky sampled gas at Kudryavy volcano for three "
        "weeks, studying the rare metals in its vents. Kudryavy stands on Iturup, the largest "
        "of the southern Kurils.",
    ),
    # a long profile named once at the end that comes back to the former residents, with
    # the grave-visit programme hyphenated
    (
        "The last letters of a Nemuro fisherman",
        "NEMURO -- Every winter, Taro Ono writes to a house he left as a boy. He was ten when "
        "Soviet soldiers came ashore in 1945. He remembers the school and the shrine. His "
        "family was shipped to Hakodate two years later. He made the grave-visit trip to his "
        "old village five times before Moscow suspended it after Tokyo joined sanctions. Ono "
        "is one of fewer than 5,000 surviving former residents. His daughter keeps his letters "
        "in a box. The city archive has asked for them. He agreed on one condition: that the "
        "label should say Shikotan.",
    ),
]

SEVENTY_THIRD_AND_FOURTH_PART_LOOK_ALIKES = [
    # a headline ending on the figure; a corner's in Western quotes, a spot called so
    (
        "【コラム】わが家の北方領土",
        "書斎は子どもたちに占拠されたままだ。",
        "guard.ja-figure-of-speech",
        "figure",
    ),
    (
        "【コラム】押し入れの奥の“北方領土”",
        "家族はそこを冗談めかして「北方領土」と呼ぶ。",
        "guard.ja-figure-of-speech",
        "figure",
    ),
    (
        "Fans furious at striker sale: 'like handing Japan the Kurils'",
        "Supporters of the Moscow club said selling the captain was like handing Japan the Kurils.",
        "guard.likened-to-handing-over",
        "a figure of speech",
    ),
    (
        "Болельщики сравнили продажу вратаря с «отдачей Курил»",
        "Фанаты клуба сравнили продажу вратаря с «отдачей Курил».",
        "guard.ru-likened-to-giving-up",
        "сравнение",
    ),
]

SEVENTY_THIRD_AND_FOURTH_PART_ISLANDS_OWN_NEWS = [
    # the islands' own ferry by its name as a ship's, and the exchanges' ship
    (
        "Fog delays island ferry again",
        "The passenger ship Igor Farkhutdinov stayed in Korsakov for a third day on Monday, the "
        "regional transport ministry said.",
    ),
    (
        "Рейс снова отложен",
        "Теплоход «Игорь Фархутдинов» не вышел из Корсакова из-за шторма, сообщили в минтрансе "
        "области.",
    ),
    (
        "「えとぴりか」の運航、今年も見送り",
        "根室港に係留されたままの船について、関係団体は今年度の運航を見送ると発表した。",
    ),
    # the islands unnamed: where the graves lie; off Hokkaido's north-east tip
    (
        "Memorial at sea off Nemuro",
        "Former residents prayed aboard a boat off Nemuro on Sunday, facing the islands where "
        "their family graves lie, Japanese officials said. Russia has barred landings since "
        "2022.",
    ),
    (
        "МИД ответил Токио",
        "В МИД России прокомментировали тезис японских учебников о «незаконной оккупации» "
        "островов у северо-восточной оконечности Хоккайдо.",
    ),
]

SEVENTY_EIGHTH_PART_LOOK_ALIKES = [
    (
        "ドーナツ店、青森に初出店",
        "社長は「長年の“北方領土”だった」と話した。",
        "guard.ja-figure-of-speech",
        "figure",
    ),
]

SEVENTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES = [
    (
        "Column: our left flank has become the club's Northern Territories",
        "Nobody defends it and nobody gets it back.",
        "guard.metaphor-likened",
        "another quarrel likened to the dispute",
    ),
    (
        "宗谷岬沖に海鳥の群れ",
        "オホーツク海や千島列島周辺で繁殖し、冬に北海道沿岸へ南下してくる小型の海鳥だ。",
        "guard.ja-origin",
        "the origin of a plant or a breed",
    ),
]

SEVENTY_EIGHTH_PART_ISLANDS_OWN_NEWS = [
    # an ambiguous island's name, "the island" in the next sentence
    (
        "Puffin numbers double, survey finds",
        "Biologists counted 40,000 puffins on Matua last summer. The island has had no "
        "permanent residents since the 1990s.",
    ),
    # 四島の元島民: the four islands' own former residents, not another island's
    (
        "首相、元島民と面会",
        "首相は元島民団体の代表と面会した。代表は四島の元島民の平均年齢が89歳を超えたと訴え、"
        "日ロ間の墓参再開を求めた。",
    ),
]

FIFTY_NINTH_PART_LOOK_ALIKES = [
    (
        "Union likens pay freeze to the 'Northern Territories'",
        'Workers said the promised raise was "our Northern Territories: always promised, '
        'never returned". Talks resume on Monday.',
        "guard.likened-quoted-figure",
        "a figure of speech",
    ),
    (
        "Kuril Bay Seafood Holdings shares fall",
        "Kuril Bay said profit halved. Kuril Bay shares closed down 4%.",
        "guard.company-suffix",
        "a company's name",
    ),
    (
        "倉庫の明け渡し交渉が決着　社内では「うちの北方領土」",
        "長年の懸案が片付いた。",
        "guard.ja-figure-of-speech",
        "a figure of speech",
    ),
    (
        "Россия и Норвегия договорились о квотах на треску",
        "Эти договоренности не связаны с соглашением о промысле у южных Курил, которое "
        "Москва приостановила.",
        "guard.ru-another-framework",
        "в другом соглашении",
    ),
    (
        "Norway and Russia agree cod quotas",
        "The deal is not linked to the separate fishing agreement for the waters off the "
        "southern Kurils, which Moscow suspended.",
        "guard.another-framework",
        "another one than the story's",
    ),
]

ELEVENTH_PART_ISLANDS_OWN_NEWS = [
    ("Учения 18-й пулеметно-артиллерийской дивизии завершились", "Стрельбы шли неделю."),
    ("18th Machine Gun Artillery Division gets new Bastion launchers", "Troops trained."),
    ("На острове Уруп нашли следы японского поселка", "Экспедиция работала месяц."),
    ("Экспедиция высадилась на острове Матуа", "Ученые изучат аэродром."),
    # A storm that hits the islands, and their own place names in quotes, stay their news.
    ("Циклон обрушился на Южно-Курильск", "Ветер сорвал крыши в поселке."),
    ("Программа «Южные Курилы» продлена", "Деньги пойдут на причалы Кунашира."),
]


def test_urup_as_a_river_and_a_number_alone_are_not_the_islands():
    assert not matcher.match_item("Паводок на реке Уруп", "Вода поднялась в Отрадной.").relevant
    # and «китовый» is a whale's, not the Iturup settlement
    assert not matcher.match_item("Китовый ус нашли на пляже", "Находку передали в музей.").relevant
    assert not matcher.match_item("18th artillery division parades in Kursk", "").relevant


def test_match_command_names_the_eleventh_parts_rules(runner, env):
    from kurilwatch.cli import app

    unit = runner.invoke(
        app, ["match", "-t", "18-я пулеметно-артиллерийская дивизия провела стрельбы", "Ветер."]
    )
    assert unit.exit_code == 0 and "ru.garrison" in unit.output, unit.output
    storm = runner.invoke(app, ["match", "-t", "Циклон со стороны Курил идет в Приморье", "Дождь."])
    assert storm.exit_code == 3 and "guard.ru-weather-reference" in storm.output


# Each blind round's look-alikes, cancelled by their guard with its reason, and the
# islands' own news in the same words, kept.
@pytest.mark.parametrize(
    ("title", "body", "guard", "why"),
    [
        *SIXTH_PART_LOOK_ALIKES,
        *SEVENTH_PART_LOOK_ALIKES,
        *EIGHTH_PART_LOOK_ALIKES,
        *NINTH_AND_TENTH_PART_LOOK_ALIKES,
        *ELEVENTH_PART_LOOK_ALIKES,
        *TWELFTH_AND_THIRTEENTH_PART_LOOK_ALIKES,
        *FOURTEENTH_PART_LOOK_ALIKES,
        *SEVENTEENTH_PART_LOOK_ALIKES,
        *EIGHTEENTH_AND_NINETEENTH_PART_LOOK_ALIKES,
        *TWENTIETH_AND_TWENTY_FIRST_PART_LOOK_ALIKES,
        *TWENTY_SECOND_AND_THIRD_PART_LOOK_ALIKES,
        *TWENTY_FOURTH_AND_FIFTH_PART_LOOK_ALIKES,
        *TWENTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES,
        *TWENTY_EIGHTH_AND_NINTH_PART_LOOK_ALIKES,
        *THIRTIETH_AND_THIRTY_FIRST_PART_LOOK_ALIKES,
        *THIRTY_SECOND_AND_THIRD_PART_LOOK_ALIKES,
        *THIRTY_FOURTH_AND_FIFTH_PART_LOOK_ALIKES,
        *THIRTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES,
        *THIRTY_EIGHTH_AND_NINTH_PART_LOOK_ALIKES,
        *FORTIETH_AND_FORTY_FIRST_PART_LOOK_ALIKES,
        *FORTY_SECOND_AND_THIRD_PART_LOOK_ALIKES,
        *FORTY_FOURTH_AND_FIFTH_PART_LOOK_ALIKES,
        *FORTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES,
        *FORTY_EIGHTH_AND_NINTH_PART_LOOK_ALIKES,
        *FIFTIETH_AND_FIFTY_FIRST_PART_LOOK_ALIKES,
        *FIFTY_SECOND_AND_THIRD_PART_LOOK_ALIKES,
        *FIFTY_SEVENTH_PART_LOOK_ALIKES,
        *FIFTY_EIGHTH_PART_LOOK_ALIKES,
        *FIFTY_NINTH_PART_LOOK_ALIKES,
        *SIXTY_FIRST_TO_THIRD_PART_LOOK_ALIKES,
        *SIXTY_FIFTH_AND_SIXTH_PART_LOOK_ALIKES,
        *SIXTY_SEVENTH_PART_LOOK_ALIKES,
        *SIXTY_EIGHTH_PART_LOOK_ALIKES,
        *SEVENTIETH_TO_SEVENTY_SECOND_PART_LOOK_ALIKES,
        *SEVENTY_THIRD_AND_FOURTH_PART_LOOK_ALIKES,
        *SEVENTY_SIXTH_AND_SEVENTH_PART_LOOK_ALIKES,
        *SEVENTY_EIGHTH_PART_LOOK_ALIKES,
    ],
)
def test_the_blind_parts_look_alikes_are_cancelled_with_their_reason(title, body, guard, why):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert any(s.guard == guard and why in s.why for s in result.suppressed), result.suppressed


@pytest.mark.parametrize(
    ("title", "body"),
    [
        *SIXTH_PART_ISLANDS_OWN_NEWS,
        *SEVENTH_PART_ISLANDS_OWN_NEWS,
        *EIGHTH_PART_ISLANDS_OWN_NEWS,
        *NINTH_AND_TENTH_PART_ISLANDS_OWN_NEWS,
        *ELEVENTH_PART_ISLANDS_OWN_NEWS,
        *TWELFTH_AND_THIRTEENTH_PART_ISLANDS_OWN_NEWS,
        *FOURTEENTH_PART_ISLANDS_OWN_NEWS,
        *SEVENTEENTH_PART_ISLANDS_OWN_NEWS,
        *EIGHTEENTH_AND_NINETEENTH_PART_ISLANDS_OWN_NEWS,
        *TWENTIETH_AND_TWENTY_FIRST_PART_ISLANDS_OWN_NEWS,
        *TWENTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS,
        *TWENTY_FOURTH_AND_FIFTH_PART_ISLANDS_OWN_NEWS,
        *TWENTY_SIXTH_AND_SEVENTH_PART_ISLANDS_OWN_NEWS,
        *TWENTY_EIGHTH_AND_NINTH_PART_ISLANDS_OWN_NEWS,
        *THIRTIETH_AND_THIRTY_FIRST_PART_ISLANDS_OWN_NEWS,
        *THIRTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS,
        *THIRTY_FOURTH_AND_FIFTH_PART_ISLANDS_OWN_NEWS,
        *THIRTY_SIXTH_AND_SEVENTH_PART_ISLANDS_OWN_NEWS,
        *THIRTY_EIGHTH_AND_NINTH_PART_ISLANDS_OWN_NEWS,
        *FORTIETH_AND_FORTY_FIRST_PART_ISLANDS_OWN_NEWS,
        *FORTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS,
        *FORTY_FOURTH_AND_FIFTH_PART_ISLANDS_OWN_NEWS,
        *FORTY_SIXTH_AND_SEVENTH_PART_ISLANDS_OWN_NEWS,
        *FORTY_EIGHTH_AND_NINTH_PART_ISLANDS_OWN_NEWS,
        *FIFTIETH_AND_FIFTY_FIRST_PART_ISLANDS_OWN_NEWS,
        *FIFTY_SECOND_AND_THIRD_PART_ISLANDS_OWN_NEWS,
        *FIFTY_SEVENTH_PART_ISLANDS_OWN_NEWS,
        *FIFTY_EIGHTH_PART_ISLANDS_OWN_NEWS,
        *SIXTY_FIRST_TO_THIRD_PART_ISLANDS_OWN_NEWS,
        *SIXTY_EIGHTH_PART_ISLANDS_OWN_NEWS,
        *SEVENTIETH_TO_SEVENTY_SECOND_PART_ISLANDS_OWN_NEWS,
        *SEVENTY_EIGHTH_PART_ISLANDS_OWN_NEWS,
        *SEVENTY_THIRD_AND_FOURTH_PART_ISLANDS_OWN_NEWS,
    ],
)
def test_the_islands_own_news_keeps_the_names_those_guards_read(title, body):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("冬の海難防止へ 海保が漁業者向けに安全操業講習会", "救命胴衣の着用を呼びかけた。"),
        ("大和堆で違法操業続く", "漁業者は「安全操業できない」と訴えた。"),
        ("工場の安全操業を徹底 化学メーカー", "従業員向けに安全操業の研修を開いた。"),
        ("原発の安全操業へ、ロシア製部品の調達を見直し", "電力会社が発表した。"),
    ],
)
def test_safe_working_is_not_the_safe_operation_fishing_regime(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert not any(h.text == "安全操業" for h in result.context), result.context


@pytest.mark.parametrize(
    ("title", "body", "why"),
    [
        *THIRTY_SIXTH_AND_SEVENTH_PART_DEMOTED,
        *THIRTY_EIGHTH_AND_NINTH_PART_DEMOTED_MORE,
        *FORTIETH_AND_FORTY_FIRST_PART_DEMOTED,
        *FIFTIETH_AND_FIFTY_FIRST_PART_DEMOTED,
    ],
)
def test_the_blind_parts_demoted_names_stay_ambiguous_without_context(title, body, why):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert result.hits and all(h.strength == "weak" and why in h.note for h in result.hits)


def test_match_command_names_a_background_sentence_and_a_pearl_harbor_story(runner, env):
    from kurilwatch.cli import app

    background = runner.invoke(
        app,
        [
            "match",
            "-t",
            "Japanese utility signs a new LNG deal",
            "Relations have been frozen since 2022, when talks on the Kuril Islands stopped.",
        ],
    )
    assert background.exit_code == 3 and "background.relations" in background.output
    harbor = runner.invoke(
        app, ["match", "-t", "Pearl Harbor survivors gather", "The fleet left the Kurils in 1941."]
    )
    assert harbor.exit_code == 3 and "Pearl Harbor" in harbor.output, harbor.output


@pytest.mark.parametrize(
    ("title", "body", "why"),
    [
        # another pair's peace treaty, the islands' dispute only its example
        (
            "Армения и Азербайджан парафировали мирный договор",
            "Документ предусматривает отказ от территориальных претензий. Россия и Япония так "
            "и не подписали мирный договор после войны.",
            "a story about Armenia and Azerbaijan",
        ),
        # the name and the dispute as one compound, one more topic of a press conference
        (
            "泊原発の再稼働「安全性確認が大前提」　北海道知事",
            "知事は12日の定例会見で、再稼働について述べた。知事は会見で、人口減少対策や、"
            "北方領土返還要求運動の啓発事業の予算についても質問に答えた。",
            "passing mention",
        ),
    ],
)
def test_the_dispute_as_an_aside_of_another_story_is_not_its_subject(title, body, why):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert why in result.reason


# Late names that are the place of a short report's event, and what still reads as an aside.
LATE_PLACES_OF_SHORT_REPORTS = [
    # an ambiguous island's name, in context, as the place of the subject
    (
        "State geologists award a nickel licence",
        "A Russian company paid 90 million roubles for the right to explore the deposit. "
        "It plans a camp for 150 workers. The ore body lies on Urup, between Iturup and "
        "Simushir in the Kuril chain.",
        "names the islands late, as the place of a short report's subject",
    ),
    # three of the islands' places and one of their towns, the other subject the cause
    (
        "Tsunami after Kamchatka quake sweeps boats from harbour",
        "A magnitude 7.8 earthquake off Kamchatka on Tuesday sent a tsunami across the North "
        "Pacific. The highest wave, 1.5 metres, struck the harbour of Severo-Kurilsk, on "
        "Paramushir in the northern Kurils, and carried away fishing boats, the emergencies "
        "ministry said.",
        "names the islands late, as the place of a short report's subject",
    ),
    # the headline's unnamed town, one of the islands' towns further down
    (
        "В городе третьи сутки нет света",
        "Энергетики ищут место повреждения кабеля. Жителям раздают генераторы. В школах "
        "отменены занятия. Речь идёт о Курильске, главном городе Итурупа, сообщили в "
        "районной администрации.",
        "the headline's 'городе', named further down ('Курильске')",
    ),
    # the headline's unnamed island: a lower-case "island" after a capital is no name
    (
        "Anglers flock to a remote Pacific island for its salmon run",
        "The first charter boats of the season left at dawn. Guides said the pink salmon "
        "were early this year. Hotels were full by June. Prices for a week rose by a third. "
        "Most visitors fly in by way of Sakhalin. The rivers of Iturup are the draw, local "
        "officials said, and Kunashir is next.",
        "the headline's 'island', named further down ('Iturup')",
    ),
    # a report short of a long article, named in two sentences, one of them the place
    (
        "В селе построят новую амбулаторию",
        "Строительство начнётся весной. Подрядчик уже завёз технику. Амбулатория будет "
        "обслуживать около 900 жителей. Она появится в селе Малокурильское на Шикотане. "
        "Сейчас ближайший фельдшерский пункт находится в Крабозаводском.",
        "names the islands late, as the place of a short report's subject",
    ),
]


# A long column on the dispute (its phrases run through it, both sides named) that names the
# islands only once, at the end, but three of their places at once: about them.
LONG_COLUMNS_NAMING_THE_ISLANDS_AT_THE_END = [
    (
        "Analysis: the treaty both capitals keep quoting",
        "Seventy years on, a joint statement signed in Moscow still frames every conversation "
        "between Tokyo and the Kremlin. It ended the state of war and restored diplomatic "
        "ties. Its best-known clause promised a transfer of territory, but only after a peace "
        "treaty. Moscow has always read that as a gesture, not as an admission. Tokyo, for its "
        "part, spent decades pressing for all four islands. In 1960 the Soviet side added "
        "conditions, and for thirty years it denied that any territorial issue existed. "
        "Leaders revived the text in 2001 and again in 2018. Then Russia's amended constitution "
        "banned ceding land, and talks stopped in 2022. Neither side will call the document "
        "dead. The two islands it names, Shikotan and the Habomai group, now with about 3,000 "
        "Russian residents, still appear in Japanese textbooks as part of the Northern "
        "Territories.",
    ),
    (
        "Мнение: договор, которого нет",
        "Почти семьдесят лет назад стороны подписали документ о прекращении состояния войны. "
        "Он восстановил дипломатические отношения между СССР и Японией. В нём говорилось о "
        "передаче земли, но только после заключения мирного договора. В Москве это всегда "
        "называли жестом доброй воли. Токио же десятилетиями требовал вернуть все четыре "
        "острова. В 1960 году советская сторона выдвинула новые условия, а затем отрицала сам "
        "территориальный вопрос. В 2001 и 2018 годах к документу возвращались снова. После "
        "поправок к Конституции России переговоры прервались. Никто не спешит объявлять "
        "документ мёртвым. А Шикотан и острова Хабомаи, о которых в нём идёт речь, в японских "
        "учебниках по-прежнему значатся северными территориями.",
    ),
]


@pytest.mark.parametrize(("title", "body"), LONG_COLUMNS_NAMING_THE_ISLANDS_AT_THE_END)
def test_a_long_column_on_the_dispute_naming_three_places_once_at_the_end_is_about_them(
    title, body
):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason
    assert result.reason.startswith("a long feature on the dispute ("), result.reason
    assert result.reason.endswith("in one sentence naming three of their places or more")


# A long feature that names the islands twice and comes back to "the islands" unnamed; and
# another subject's story that follows its effects into one of the islands' towns.
STORIES_THAT_COME_BACK_TO_THE_ISLANDS = [
    (
        "The ferry clerk who kept the passenger lists",
        "Every spring for two decades, Hiroshi Ueda checked names at the gangway in Nemuro. He "
        "liked the work. He liked the sea air and the early starts. His father had been a "
        "fisherman, and his uncle ran a small inn near the station. The lists were of Japanese "
        "visitors bound for the islands, and of Russian guests coming the other way. He "
        "remembers a teacher from Kunashiri who cried when she saw Nemuro's cherry trees. The "
        "trips stopped in 2022, when Moscow ended the exchange programme after Japan joined "
        "sanctions. Ueda now works at a hardware store. He keeps the old lists in a drawer. He "
        "says he still looks at the islands from the cape on clear days. His granddaughter "
        "asked him last year where Shikotan was, and he took her to the museum.",
        "a long feature that names the islands in 2 sentences and comes back to the islands "
        "or their former residents unnamed in 2 more",
    ),
    (
        "Quake off Hokkaido rattles the region",
        "A magnitude 7.1 earthquake struck off eastern Hokkaido on Friday, Japan's "
        "Meteorological Agency said. Shaking was felt across Kamchatka and Sakhalin, and "
        "Kamchatka's emergency service reported minor cracks in Petropavlovsk. The quake was "
        "centred off Kamchatka's southern tip. In Severo-Kurilsk, residents spent the night at "
        "evacuation points. The town's harbour lost two piers, local officials said. Power in "
        "the town was restored by the morning. Schools on the island will stay closed until "
        "Monday.",
        "names the islands as the place of the story's event ('Severo-Kurilsk'), followed "
        "there in 3 more sentences",
    ),
]


# A long feature that names the islands once, at its end, having come back to them unnamed
# all through: the island, its town.
STORIES_THAT_NAME_THE_ISLANDS_AT_THE_END = [
    (
        "A harbour that keeps waiting",
        "The fishermen leave before dawn. They head east, toward the island on the horizon. "
        "Some days the fog hides the island entirely. The median line runs between the harbour "
        "and the island, and nobody crosses it. Catches have fallen for a decade, the co-op "
        "says. Fuel prices keep rising. Young people leave for Sapporo. Japan and Russia have "
        "not talked about fishing terms for two years. On clear afternoons the island's ridge "
        "shows snow. Kunashiri is 25 kilometres away.",
    ),
    (
        "Завод, который пережил волну",
        "Почти год назад волна зашла в порт небольшого города. Вода затопила цеха завода. "
        "Сегодня линии снова работают. Для города завод значит очень многое. Это крупнейший "
        "работодатель. Котельная завода греет дома города. Жители помнят, что город уже "
        "однажды был смыт. Власти рассчитывают на полное восстановление. Для Северо-Курильска "
        "это вопрос выживания.",
    ),
]


@pytest.mark.parametrize(("title", "body"), STORIES_THAT_NAME_THE_ISLANDS_AT_THE_END)
def test_a_long_feature_that_comes_back_to_them_unnamed_names_its_subject_at_the_end(title, body):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason
    assert result.reason.startswith("a long feature that comes back to the islands unnamed")


def test_the_island_a_repatriation_story_comes_back_to_is_sakhalin_not_the_kurils():
    result = matcher.match_item(
        "引き揚げの記憶を語り継ぐ　稚内で企画展",
        "ソ連軍の侵攻後に樺太から引き揚げた日本人の体験を伝える企画展が開かれている。"
        "島での暮らしを伝える写真が並ぶ。島の学校の教科書もある。島の港の模型も展示された。"
        "引き揚げ者の会員は減り続けている。樺太の町並みを再現した模型もある。"
        "学芸員は記憶を残したいと話す。同じ時期、千島列島北端の占守島でも戦闘があった。",
    )
    assert not result.relevant, result.reason
    assert result.reason.startswith("passing mention in"), result.reason


@pytest.mark.parametrize(("title", "body", "reason"), STORIES_THAT_COME_BACK_TO_THE_ISLANDS)
def test_a_story_that_comes_back_to_the_islands_unnamed_is_about_them(title, body, reason):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason
    assert result.reason == reason


@pytest.mark.parametrize(("title", "body", "reason"), LATE_PLACES_OF_SHORT_REPORTS)
def test_a_late_name_is_the_place_of_a_short_reports_event(title, body, reason):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason
    assert result.reason == reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # a past century's event on an island, in a story about an exhibition elsewhere
        (
            "Выставка к юбилею мореплавателя открылась в Калуге",
            "В областном музее показывают карты и судовые журналы экспедиции. Среди "
            "экспонатов — копия письма, которое капитан написал после того, как в 1792 году "
            "его шлюп зимовал на Шикотане. Выставка продлится до весны.",
        ),
        # a place someone has never been to
        (
            "Бобтейл из Омска стал лучшим котом выставки",
            "Кот по кличке Гром из омского питомника победил на выставке в Казани, обойдя 300 "
            "участников. Порода с коротким хвостом известна по всей стране. Хозяйка Грома "
            "признаётся, что сама на Курилах никогда не бывала.",
        ),
        # one town named once, no more: the Kamchatka story's aside
        (
            "Tsunami after Kamchatka quake sweeps boats from harbour",
            "A magnitude 7.8 earthquake off Kamchatka on Tuesday sent a tsunami across the "
            "North Pacific. The highest wave struck the harbour of Petropavlovsk-Kamchatsky "
            "and carried away fishing boats. A warning was also issued for Severo-Kurilsk.",
        ),
    ],
)
def test_a_late_name_that_is_no_place_of_the_event_stays_an_aside(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert result.reason.startswith("passing mention in"), result.reason


@pytest.mark.parametrize(
    ("title", "body", "why"),
    [
        # the exchanges' hall in Nemuro as where a calligraphy show opened
        (
            "根室で書道展　北方四島交流センターで開幕",
            "市内の書道愛好家の作品80点が並んだ。根室市の北方四島交流センター（ニホロ）で開かれ、"
            "初日は約200人が訪れた。",
            "会場の施設名（北方四島交流センターで開かれた演奏会）で、島のニュースではない",
        ),
        # a champion's birthplace as a participle
        (
            "Самбистка выиграла чемпионат",
            "Спортсменка, родившаяся на Итурупе, победила в финале в Казани.",
            "место рождения или детства человека, а не предмет сообщения",
        ),
        # a champion's home town, in a story from elsewhere
        (
            "Swimmer wins national 200m title",
            "KAZAN - The 17-year-old, who learned to swim in the sea off her home town of "
            "Yuzhno-Kurilsk, won in a national record time.",
            "where someone was born or grew up, not the story's subject",
        ),
    ],
)
def test_a_venue_or_a_home_town_named_after_the_islands_counts_only_in_context(title, body, why):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert result.reason == why


def test_visa_free_travel_is_the_exchanges_only_beside_russia():
    story = matcher.match_item(
        "小学校で語り部が講話",
        "ソ連兵が上陸した日のことを語った。ビザなし渡航による墓参は中断したままだ。",
    )
    assert "ja.visa-free-travel" in {h.rule for h in story.hits}, story.hits
    assert story.relevant, story.reason
    other = matcher.match_item("中国へのビザなし渡航が再開", "日本人の短期滞在が対象となる。")
    assert not other.relevant, other.reason


def test_ro_inside_another_word_is_no_russia():
    # 披露 (performed), 結露 (condensation): not 露, Russia
    result = matcher.match_item("演奏会", "部員が新曲を披露した。窓の結露に悩む。")
    assert "ja.russia" not in {h.rule for h in result.context}, result.context


def test_disputed_islands_in_another_sea_are_another_dispute():
    result = matcher.match_item(
        "Tokyo protests drills near disputed islands in the Sea of Japan",
        "Japan lodged a protest with South Korea over military drills near the islets Japan "
        "calls Takeshima and Korea calls Dokdo. Seoul rejected it. Japan also has a "
        "territorial dispute with Russia over the southern Kuril Islands.",
    )
    assert not result.relevant, result.reason
    assert result.reason.startswith("passing mention in"), result.reason


def test_another_islands_former_residents_stay_theirs_beside_japan():
    result = matcher.match_item(
        "硫黄島の元島民が墓参　政府主催", "元島民らは島に残る墓に手を合わせた。"
    )
    assert not result.relevant, result.reason
    assert {s.guard for s in result.suppressed} == {"guard.ja-other-islanders"}


# Kinds found by measuring the matcher on real published text (the texts themselves are not
# in the repository: these are our own items of the same kinds).
def test_an_interfax_dateline_leaves_the_first_sentence_in_the_lead():
    result = matcher.match_item(
        "",
        "Южно-Сахалинск. 12 марта. ИНТЕРФАКС - ДАЛЬНИЙ ВОСТОК - Новый сезон морских "
        "перевозок открылся на юге Курил (Южно-Курильский район - ИФ). "
        + " ".join(f"Подробность номер {n} сообщили в администрации." for n in range(1, 9)),
    )
    assert {h.zone for h in result.hits} == {"lead"}, result.hits
    assert result.relevant, result.reason


QUAKES_FELT_IN_THE_ISLANDS_TOWNS = [
    (
        "Magnitude 6.0 quake strikes off Kamchatka",
        "PETROPAVLOVSK-KAMCHATSKY, May 2 - An earthquake of magnitude 6.0 struck in the Pacific "
        "south-east of the peninsula on Monday, the geophysical service said. Tremors of up to "
        "four points shook the regional capital. No damage was reported there. Schools held "
        "drills. The service registered several aftershocks. A ferry left on time. Officials "
        "checked the port. Residents of Severo-Kurilsk also felt the tremors, of up to three "
        "points, the regional branch said.",
    ),
    (
        "Землетрясение у берегов Камчатки",
        "ПЕТРОПАВЛОВСК-КАМЧАТСКИЙ, 2 мая — Землетрясение магнитудой 6,0 произошло в Тихом "
        "океане. В краевом центре толчки ощущались силой три балла. Разрушений нет. Спасатели "
        "обследуют здания. Занятия в школах не отменялись. Угрозы цунами нет. Афтершоки "
        "продолжаются. Жители Северо-Курильска ощутили толчки силой до двух баллов.",
    ),
    (
        "Tsunami waves reach Kamchatka coast",
        "A magnitude 7.0 earthquake off the peninsula sent waves of up to two metres onto its "
        "shore. The warning centre issued an alert for the region. No injuries were reported. "
        "Fishing boats left the bays. Roads were closed near the coast. Power was restored by "
        "noon. The alert was lifted in the evening. Coastal towns such as Severo-Kurilsk were "
        "evacuated as a precaution.",
    ),
    (
        "Quake off Kamchatka sends tsunami across the Pacific",
        "A magnitude 8.0 earthquake struck off the peninsula before dawn. Buildings were "
        "damaged in the regional capital. Warnings went out across the Pacific. Japan and "
        "Hawaii issued alerts. Ports were closed. Flights were delayed. Scientists expect "
        "aftershocks. Tsunami waves later reached the port of Severo-Kurilsk, flooding the "
        "lower streets.",
    ),
]


@pytest.mark.parametrize(("title", "body"), QUAKES_FELT_IN_THE_ISLANDS_TOWNS)
def test_another_places_quake_felt_in_an_island_town_happened_there_too(title, body):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason
    assert "where the story's event was felt" in result.reason, result.reason


@pytest.mark.parametrize(
    "last",
    [
        "In Severo-Kurilsk the tremors were not felt.",
        "Severo-Kurilsk was evacuated in 1952, when a tsunami destroyed the town.",
    ],
)
def test_a_quake_not_felt_in_an_island_town_or_felt_last_century_is_background(last):
    first = QUAKES_FELT_IN_THE_ISLANDS_TOWNS[0]
    body = first[1].rsplit(" Residents", 1)[0] + " " + last
    result = matcher.match_item(first[0], body)
    assert not result.relevant, result.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "",
            "The schooner showed no lights and did not answer the patrol's radio calls. The "
            "border guards gave chase for an hour. Crabs and traps were thrown overboard during "
            "the pursuit. A warning burst was fired. The crew of five then stopped the engine. "
            "Inspectors found 300 kilograms of crab in the hold. The captain refused to comment. "
            "The vessel was detained and escorted to the port of Yuzhno-Kurilsk for the inquiry.",
        ),
        (
            "",
            "Шхуна шла без огней и не отвечала на сигналы. Пограничники преследовали её около "
            "часа. С борта сбрасывали ловушки. Был дан предупредительный выстрел. Судно "
            "остановилось. На борту нашли улов краба. Капитан от комментариев отказался. Судно "
            "задержано и отконвоировано для разбирательства в порт Северо-Курильск.",
        ),
    ],
)
def test_a_vessel_detained_and_taken_to_an_island_port_was_seized_in_their_waters(title, body):
    result = Matcher(veto=False).match_item(title, body)
    assert result.relevant, result.reason
    assert "the port a detained vessel was taken to" in result.reason, result.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Why are the Kuril Islands so called?",
            "The name Kuril Islands was received from the Ainu, whose word kur meant 'man'. "
            'The first Cossacks began to call them "Kurils" after the people they met.',
        ),
        (
            "Почему Курильские острова так называются",
            "Своё название Курильские острова получили по имени народа, жившего на них. "
            "Казаки стали называть их «курилами».",
        ),
        (
            "A cat with a pompom tail",
            "The bobtailed breed hails from the Russian Far East, from Sakhalin and the Kuril "
            "Islands. It is prized for its temperament.",
        ),
    ],
)
def test_a_names_story_or_a_breeds_origin_is_no_news_of_the_islands(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert result.suppressed, result.hits


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "",
            "Russian border guards said on Friday they had detained a Japanese boat for illegal "
            "crab fishing off Sakhalin Island. The boat was taken to the port of Korsakov. The "
            "crew of six were unharmed. Officials said an inquiry had begun. The catch was "
            "seized. Japan's consulate was informed. A court will decide on a fine. Japan and "
            "Russia dispute four islands that Moscow calls the southern Kurils. Tokyo calls "
            "them the Northern Territories, and the quarrel has kept the two from a peace treaty.",
        ),
        (
            "",
            "Пограничники задержали японскую шхуну у берегов Сахалина за незаконный вылов "
            "краба. Судно доставлено в Корсаков. Экипаж из пяти человек не пострадал. Улов "
            "изъят. Возбуждено дело. Японское консульство уведомлено. Суд назначит штраф. "
            "Япония претендует на южные Курилы, что мешает заключению мирного договора, а "
            "Москва настаивает на суверенитете над Курильскими островами.",
        ),
    ],
)
def test_a_detention_off_sakhalin_with_the_dispute_as_background_is_not_about_it(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason


def test_an_island_placed_in_its_chain_up_front_is_too_firm_for_the_veto():
    rules_alone = Matcher(veto=False).match_item(
        "Reefer aground at harbour entrance",
        "A refrigerated cargo ship ran onto rocks entering a bay of Shikotan Island on the "
        "Kuril Islands, with frozen fish on board.",
    )
    assert rules_alone.relevant, rules_alone.reason
    assert firm_evidence(rules_alone)


def test_the_kaigara_kelp_fishery_is_the_islets_own():
    result = matcher.match_item(
        "貝殻さお前昆布漁が解禁", "根室の漁業者が早朝から一斉に出漁した。今年は生育が良いという。"
    )
    assert result.relevant, result.reason
    assert "ja.habomai-islets" in {h.rule for h in result.hits}, result.hits


# The eighty-third to eighty-sixth blind parts' kinds (our own items).
@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Fire inspectors close the Kuril Hotel for a month",
            "YUZHNO-SAKHALINSK - Inspectors ordered the Kuril Hotel on Lenin Street to stop "
            "taking guests after finding a locked fire exit.",
        ),
        (
            "Hotel Kurilsky fined over broken alarms",
            "A court in Yuzhno-Sakhalinsk fined the 40-room Hotel Kurilsky and its manager.",
        ),
    ],
)
def test_a_hotel_named_after_the_islands_elsewhere_is_no_news_of_them(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason
    assert {s.guard for s in result.suppressed} == {"guard.business-name-before"}


def test_former_residents_mourning_their_home_island_from_a_ship_are_its_story():
    result = matcher.match_item(
        "Ex-residents lay flowers at sea",
        "NEMURO, Hokkaido - Some 50 former residents sailed out on Saturday and laid flowers "
        "on the water facing the hills of their home island, as Russia still bars landings.",
    )
    assert result.relevant, result.reason
    assert "en.islands-they-left" in {h.rule for h in result.hits}, result.hits


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Береговой комплекс заступил на дежурство в Приморье",
            "Дивизион береговых ракетных комплексов заступил на боевое дежурство в Приморье, "
            "сообщили во флоте. Расчёты провели учебные пуски. Ранее такие же дивизионы были "
            "развёрнуты на Курилах.",
        ),
        (
            "Coastal missile unit goes on duty in Chukotka",
            "A coastal missile battalion went on combat duty in Chukotka, the fleet said. Its "
            "crews practised launches. Earlier, similar units were deployed on the Kurils.",
        ),
    ],
)
def test_a_precedent_on_the_islands_is_no_place_of_a_short_reports_subject(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason


def test_what_has_become_our_homes_northern_territories_is_a_figure():
    result = matcher.match_item(
        "物置が「わが家の北方領土」に",
        "タレントが番組で、ベランダの物置が夫の釣り道具で埋まり「わが家の北方領土になった」と話した。",
    )
    assert not result.relevant, result.reason
    assert "guard.ja-figure-of-speech" in {s.guard for s in result.suppressed}


def test_kurilsky_after_a_given_name_is_a_persons_surname():
    result = matcher.match_item(
        "Chess: Pavel Kurilsky takes the lead in Wijk aan Zee",
        "Grandmaster Pavel Kurilsky beat the defending champion in 40 moves. Kurilsky, 24, "
        "has 4.5 points from five games.",
    )
    assert not result.relevant, result.reason
    assert {s.guard for s in result.suppressed} == {"guard.person-name"}


def test_animals_that_grew_in_number_on_the_chain_and_came_south_have_it_as_their_origin():
    result = matcher.match_item(
        "知床でアザラシの群れ",
        "羅臼町の海岸でアザラシの群れが見られる。専門家は千島列島で増えた群れが南下してきたとみている。",
    )
    assert not result.relevant, result.reason
    assert {s.guard for s in result.suppressed} == {"guard.ja-origin"}


def test_nemuros_habomai_district_echoes_but_never_onto_the_islets():
    district = matcher.match_item(
        "Рыбаки из Хабомаи вышли на лов сайры",
        "Рыболовецкий кооператив Хабомаи из японского города Нэмуро отправил суда в открытое "
        "море к востоку от Хоккайдо.",
    )
    assert not district.relevant, district.reason
    islets = matcher.match_item(
        "Рыбаки из Хабомаи вышли на лов сайры",
        "Рыболовецкий кооператив Хабомаи из японского города Нэмуро отправил суда к "
        "побережью островов Хабомаи по соглашению с Россией.",
    )
    assert islets.relevant, islets.reason


def test_the_habomai_cooperatives_forerunners_are_the_districts():
    result = Matcher(veto=False).match_item(
        "組合の歩み",
        "当組合は、歯舞他4ケ村漁業組合として大正期に発足し、戦後の歯舞漁業会を経て現在に至る。",
    )
    assert not result.relevant, result.reason
    assert {s.guard for s in result.suppressed} == {"guard.ja-habomai-district"}


def test_a_breed_of_cats_from_the_islands_words_between_is_an_origin():
    result = Matcher(veto=False).match_item(
        "Кошки-рыболовы",
        "Это порода местных короткохвостых кошек из Курильских островов, любящая воду.",
    )
    assert not result.relevant, result.reason
    assert {s.guard for s in result.suppressed} == {"guard.ru-origin"}


# The eighty-eighth blind part's kinds and the second round of real published text's (our
# own items).
LONG_FEATURES_WHOSE_HEADLINE_SUBJECT_STANDS_THERE_AT_THE_END = [
    (
        "Как живёт школа на краю земли",
        "Утром к крыльцу подходят дети в резиновых сапогах: дорогу в посёлке снова размыло. "
        "Директор Ольга Петрова работает здесь двенадцать лет. Учителей не хватает, и "
        "химию ведёт учитель биологии. Молодые специалисты приезжают с материка на год. "
        "Зимой занятия отменяют из-за метелей. Летом ремонт делают сами родители. Интернет "
        "работает с перебоями. Выпускники почти все уезжают учиться в Хабаровск. "
        "Школа в Малокурильском — единственная средняя школа на острове Шикотан.",
    ),
    (
        "How a clinic at the end of the road keeps going",
        "The clinic's two doctors see forty patients on a good day. Supplies come by sea "
        "once a month. When fog closes the airfield, the sickest wait. The village raised "
        "money for an ultrasound scanner last year. Nurses come from the mainland on "
        "one-year contracts. Few of them stay. The head doctor has not had a holiday in "
        "three years. The clinic in Yuzhno-Kurilsk is the only one on Kunashir.",
    ),
]


@pytest.mark.parametrize(
    ("title", "body"), LONG_FEATURES_WHOSE_HEADLINE_SUBJECT_STANDS_THERE_AT_THE_END
)
def test_a_long_feature_whose_headline_subject_stands_on_the_islands_at_the_end(title, body):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason
    assert "headline's subject" in result.reason, result.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # former residents, the verb before the islands
        (
            "Descendants record elders' memories",
            "SAPPORO - Grandchildren of Japanese who were forced to leave the four islands after "
            "1945 have recorded 90 interviews.",
        ),
        # a nameless seizure in "disputed waters"
        (
            "",
            "Two Japanese fishermen came home on Friday after being held by Russian border "
            "guards for a week. Their crab boat had entered Russian-controlled but disputed "
            "waters off Hokkaido, officials said.",
        ),
        # "Soviet takeover of … islands"
        (
            "",
            "NEMURO - She was nine when the Soviet takeover of the small chain of islands off "
            "Japan's northern coast began, and her family fled by boat at night.",
        ),
        # the islands "held by Russia", a dispute in the headline
        (
            "Tokyo protests minister's trip to disputed Pacific islands",
            "Japan will protest against a Russian minister's visit to one of four islands held by "
            "Russia, a government spokesman said. The minister later toured a fish plant in the "
            "Kuril Islands.",
        ),
    ],
)
def test_the_dispute_in_other_words_and_word_orders(title, body):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Review: the August storm in Manchuria",
            "A new history of the Soviet invasion of Manchuria in 1945 draws on Japanese army "
            "diaries. The Kurils get only an epilogue.",
        ),
        (
            "Russia and China open a park on a once-disputed river island",
            "KHABAROVSK - The island was divided under a 2004 deal. Commentators contrasted it "
            "with Moscow's unresolved dispute with Tokyo over the Kuril Islands.",
        ),
        (
            "Nemuro team reaches national final",
            "NEMURO, Hokkaido - The city's volleyball team, from a coast that looks out toward "
            "islands held by Russia, won the regional final on Sunday.",
        ),
        (
            "Russia seizes Japanese fishing boat",
            "Russian border guards said they had seized a Japanese fishing boat and taken it to "
            "port. The vessel is at Korsakov. It belongs to a cooperative in Wakkanai.",
        ),
        (
            "Scallops landed",
            "Boats of the Nemuro and Habomai fisheries cooperatives landed 10 tons of scallops "
            "from Nemuro Bay.",
        ),
    ],
)
def test_another_invasion_a_river_island_a_view_another_port_and_co_ops_are_not_the_dispute(
    title, body
):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason


def test_tyatya_said_to_be_a_volcano_after_a_dash_is_the_islands_volcano():
    result = matcher.match_item(
        "", "Тятя — самый высокий и красивый курильский вулкан, и туристы идут к нему неделю."
    )
    assert "ru.volcanoes" in {h.rule for h in result.hits}, result.hits


def test_the_breeds_home_island_is_its_origin():
    result = Matcher(veto=False).match_item(
        "",
        "Котят с родного острова Итуруп увозят на материк, где их записывают как кошек породы "
        "«курильский бобтейл».",
    )
    assert not result.relevant, result.reason
    assert "guard.ru-breed-home" in {s.guard for s in result.suppressed}


# The ninety-second, ninety-third and ninety-fifth blind parts' kinds and a third round of
# real published text's (our own items).
@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Former residents gather at the cape",
            "NEMURO - About 40 former residents and their families held a memorial service on "
            "Sunday. They looked out across the strait toward Shikotan.",
        ),
        (
            "元島民が小学校で講話",
            "標津町の小学校で、元島民の女性(86)が子どもたちに戦後の暮らしを語った。女性は色丹島の斜古丹の生まれ。",
        ),
        (
            "Diet panel backs aid for the islands' descendants",
            "TOKYO - A ruling-party panel proposed widening the special law on the 'four northern "
            "islands' to third-generation descendants of Japanese former residents.",
        ),
        (
            "На островах, на которые претендует Япония, построят причалы",
            "Сахалинский минтранс сообщил, что на двух островах, на которые претендует Япония, "
            "построят причалы для парома.",
        ),
        (
            "The library at the end of the line",
            "The books arrive twice a year by sea. The librarian came from Omsk eleven years "
            "ago. Children read in a room heated by a diesel stove. Wages are higher than on "
            "the mainland. Prices are higher too. A new roof was laid last summer. The "
            "internet still fails in winter storms. Visitors from Japan used to bring "
            "picture books. Iturup, home to 6,000 people, has one library, and its future "
            "depends on decisions taken far away.",
        ),
    ],
)
def test_former_residents_four_northern_islands_sakhalins_authorities_a_headlines_subject(
    title, body
):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "",
            "北海道稚内市の漁協所属の底引き網漁船が28日、ロシア国境警備局に拿捕され、サハリン南部のコルサコフ港に連行された。",
        ),
        (
            "",
            "Russian border guards detained a Japanese trawler on Friday. The boat, from "
            "Wakkanai in Hokkaido, was escorted to Korsakov.",
        ),
    ],
)
def test_a_detention_taken_to_another_port_is_not_the_islands(title, body):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason


def test_a_detention_in_custody_then_escorted_to_an_island_port_was_there():
    result = Matcher(veto=False).match_item(
        "",
        "A Japanese crab boat was taken into custody by Russian border guards at dawn. The "
        "crew of five were unharmed. Relatives gathered at the cooperative. The government "
        "asked for their release. Talks on the season had ended late. Past cases ended in "
        "fines. The captain has fished there for 30 years. The boat was escorted to "
        "Yuzhno-Kurilsk for questioning.",
    )
    assert result.relevant, result.reason
    assert "the port a detained vessel was taken to" in result.reason


# The ninety-sixth to ninety-ninth blind parts' kinds (our own items).
@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Ministry's video drive on the territorial claim",
            "TOKYO - The Cabinet Office's Northern Territories Affairs Administration began a "
            "short-video campaign for students, with Japan's claim to the four islands explained.",
        ),
        (
            "Ex-residents lay wreaths at sea",
            "NEMURO, Hokkaido - About 50 former residents sailed to the median line on Sunday, "
            "facing the hills where their family graves remain; grave visits have been "
            "suspended by Moscow since 2022.",
        ),
        ("「ムネオハウス」改修へ", "ロシア側が施設の改修を始めた。"),
        (
            "Японских рыбаков оштрафовали у южных островов гряды",
            "Капитан японской шхуны оштрафован судом за перелов.",
        ),
    ],
)
def test_a_japanese_office_ex_residents_the_friendship_house_and_the_ridges_southern_islands(
    title, body
):
    result = matcher.match_item(title, body)
    assert result.relevant, result.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Restaurant review: Shikotan, Soho",
            "The counter seats twelve. Shikotan serves grilled fish and sake from Niigata.",
        ),
        ("コラム 会社にとっての「北方領土」", "営業部の倉庫が、誰も手を付けない聖域になっている。"),
        ("名物「択捉ラーメン」が値上げ", "札幌の老舗店が来月から50円値上げする。"),
        (
            "Спутники «Курилы-1» и «Курилы-2» выведены на орбиту",
            "Аппараты будут следить за судами в Тихом океане.",
        ),
        (
            "Туристы у южных островов гряды Рюкю",
            "Японские туроператоры запускают новые маршруты на Окинаву.",
        ),
    ],
)
def test_a_review_a_companys_figure_a_dish_a_satellite_and_another_ridge_are_not_the_islands(
    title, body
):
    result = matcher.match_item(title, body)
    assert not result.relevant, result.reason


def test_the_quoted_northern_territories_in_russian_beside_japan_are_japans():
    result = Matcher(veto=False).match_item(
        "В Японии утвердили план по «северным территориям»",
        "Правительство Японии утвердило программу поддержки бывших жителей островов.",
    )
    assert result.relevant, result.reason
    other = Matcher(veto=False).match_item(
        "Развитие северных территорий России", "Правительство утвердило программу."
    )
    assert not other.relevant, other.reason
