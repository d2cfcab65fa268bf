"""The multilingual Kuril Islands / Northern Territories matcher.

A text is relevant when a *strong* rule fires (a name that only means the islands), or a
*weak* rule (a name or phrase that is ambiguous alone) fires together with enough context.
Look-alikes are handled by *guards*: a guard's span cancels any hit it overlaps, and the
cancellation is kept so `kurilwatch match` can say why a look-alike did not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

# Latin and Cyrillic names need word boundaries; \w is Unicode-aware, so this also holds
# next to Cyrillic letters and digits.
_B = r"(?<![\w])"
_E = r"(?![\w])"
# Japanese has no spaces; a kanji right before a name usually means it is part of another
# word (帰国後 "after returning home" contains 国後).
_KANJI = r"\u3400-\u4dbf\u4e00-\u9fff"


@dataclass(frozen=True)
class Rule:
    id: str
    term: str  # the canonical name recorded in matched_terms
    pattern: re.Pattern[str]
    strength: str = "strong"  # strong | weak | context

    @property
    def rule_kind(self) -> str:
        return self.id.split(".", 1)[1]


def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern's source with its case flag inline, so it can join a union."""
    flag = "i" if pattern.flags & re.IGNORECASE else "-i"
    return f"(?{flag}:{pattern.pattern})"


@dataclass(frozen=True)
class Guard:
    id: str
    why: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Hit:
    rule: str
    term: str
    start: int
    end: int
    text: str
    strength: str = "strong"


@dataclass(frozen=True)
class Suppressed:
    hit: Hit
    guard: str
    why: str


@dataclass(frozen=True)
class MatchResult:
    relevant: bool
    hits: tuple[Hit, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    excluded_by: Hit | None = None
    reason: str = ""

    @property
    def matched_terms(self) -> list[str]:
        """Distinct terms that made the decision, in order of first appearance."""
        seen: dict[str, None] = {}
        for hit in self.hits:
            if hit.strength != "context" or hit.rule.endswith(".dispute"):
                seen.setdefault(hit.term, None)
        return list(seen)


def _re(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _lat(words: str) -> re.Pattern[str]:
    return _re(_B + f"(?:{words})" + _E)


_ISLANDS_EN = r"shikotan|iturup|etorofu|kunashiri?|kunasiri|habomai"
_ISLANDS_RU = r"шикотан|итуруп|кунашир|хабомаи|уруп|парамушир|симушир"
_ISLANDS_JA = r"択捉|国後|色丹|歯舞|えとろふ|くなしり|しこたん|はぼまい"

# --- English (and other Latin-script) rules -------------------------------------------------
_RULES: list[Rule] = [
    Rule(
        "en.kurils",
        "Kuril Islands",
        _lat(r"kurile?s?|kurilian\s+islands?|south(?:ern)?\s+kurils?|chishima\s+islands"),
    ),
    # The Japanese name is a proper noun: lower-case "northern territories" is anyone's.
    Rule(
        "en.northern-territories",
        "Northern Territories",
        re.compile(_B + r"(?:Northern\s+Territories|NORTHERN\s+TERRITORIES)" + _E),
    ),
    Rule("en.iturup", "Iturup", _lat(r"iturup|etorofu|etorofu-tō")),
    Rule("en.kunashir", "Kunashir", _lat(r"kunashiri?|kunasiri")),
    Rule("en.shikotan", "Shikotan", _lat(r"shikotan")),
    Rule("en.habomai", "Habomai", _lat(r"habomai|habomais")),
    Rule(
        "en.habomai-islets",
        "Habomai",
        _lat(
            r"(?:zeleny|polonsky|polonskogo|tanfilyev|tanfilyeva|anuchina|shibotsu|taraku|suisho"
            r"|akiyuri|kaigara|yuri)\s+(?:island|islet|rock)s?"
        ),
    ),
    Rule(
        "en.kuril-towns",
        "Kuril Islands",
        _lat(
            r"yuzhno-kurilsk|severo-kurilsk|kurilsk|malokurilskoye|malokurilsk|krabozavodskoye"
            r"|krabozavodsk|reydovo|goryachy\s+plyazh|goryachiy\s+plyazh|furukamappu|shana\s+village"
        ),
    ),
    Rule(
        "en.other-islands",
        "Kuril Islands",
        _lat(
            r"paramushir|shumshu|simushir|onekotan|shiashkotan|kharimkotan|rasshua|ketoy"
            r"|chirpoy|ekarma|alaid\s+volcano|ebeko(?:\s+volcano)?|atlasov\s+island"
            r"|(?:urup|matua)\s+island"
        ),
    ),
    Rule("en.urup-matua", "Kuril Islands", _lat(r"urup|matua"), "weak"),
    # --- Russian ---------------------------------------------------------------------------
    # Курил- is also the past tense of курить (to smoke): the plural forms are safe in any
    # case, but the bare genitive "Курил" counts only capitalised (see guard.ru-smoking).
    Rule("ru.kurils", "Курилы", _re(_B + r"курил(?:ы|ам|ами|ах)" + _E)),
    Rule("ru.kurils-gen", "Курилы", _re(_B + r"курил" + _E)),
    Rule("ru.kurilsk", "Курилы", _re(r"\w*курильск\w*|" + _B + r"курильчан\w*")),
    Rule("ru.iturup", "Итуруп", _re(_B + r"итуруп\w*")),
    Rule("ru.kunashir", "Кунашир", _re(_B + r"кунашир\w*")),
    Rule("ru.shikotan", "Шикотан", _re(_B + r"шикотан\w*")),
    Rule("ru.habomai", "Хабомаи", _re(_B + r"хабомаи" + _E)),
    Rule(
        "ru.habomai-islets",
        "Хабомаи",
        _re(_B + r"(?:остров\w*|о\.)\s+(?:зел[её]н\w+|полонского|танфильева|юрий|анучина)" + _E),
    ),
    Rule(
        "ru.other-islands",
        "Курилы",
        _re(
            _B + r"(?:парамушир|шумшу|симушир|онекотан|шиашкотан|харимкотан|расшуа|кетой"
            r"|чирпой|экарма|эбеко|крабозаводск|рейдово)\w*"
        ),
    ),
    Rule("ru.urup-matua", "Курилы", _re(_B + r"(?:уруп|матуа)\w*"), "weak"),
    Rule(
        "ru.northern-territories",
        "Северные территории",
        _re(_B + r"северн\w+\s+территори\w*"),
        "weak",
    ),
    # --- Japanese --------------------------------------------------------------------------
    Rule("ja.hoppo-ryodo", "北方領土", _re(r"北方領土|北方(?:四|4|４)島")),
    Rule("ja.chishima", "千島", _re(r"千島列島|南千島|北千島|中千島|千島・歯舞")),
    Rule("ja.chishima-bare", "千島", _re(r"千島"), "weak"),
    Rule("ja.kuril", "クリル", _re(r"(?:南)?クリル(?:諸島|列島)?|クリリスク")),
    Rule("ja.etorofu", "択捉", _re(r"択捉|エトロフ|えとろふ|イトゥルップ")),
    Rule("ja.kunashiri", "国後", _re(r"国後|クナシリ|くなしり|クナシル")),
    Rule("ja.shikotan", "色丹", _re(r"色丹|シコタン|しこたん")),
    Rule("ja.habomai", "歯舞", _re(r"歯舞|ハボマイ|はぼまい")),
    Rule(
        "ja.habomai-islets",
        "歯舞",
        _re(r"貝殻島|水晶島|志発島|多楽島|勇留島|秋勇留島|秋勇留|勇留"),
    ),
    Rule("ja.towns", "北方領土", _re(r"古釜布|紗那|穴澗|斜古丹|留夜別|留別")),
    Rule(
        "ja.other-islands",
        "千島",
        _re(
            r"得撫島|占守島|幌筵島|新知島|松輪島|温禰古丹|捨子古丹|計吐夷|羅処和|ウルップ島|パラムシル"
        ),
    ),
    # Exchanges that exist only for the four islands.
    Rule("ja.exchanges", "北方領土", _re(r"ビザなし交流|北方墓参|北方四島交流")),
    Rule("ja.weak", "北方領土", _re(r"元島民|四島|(?:2|２|二)島(?:返還|先行|引き渡し)"), "weak"),
]

# Phrases that mean the dispute without naming it; they count only together (see _decide).
_CONTEXT_RULES: list[Rule] = [
    Rule(
        "en.dispute",
        "territorial dispute",
        _lat(
            r"territorial\s+(?:dispute|issue|row|question|problem|claim)s?"
            r"|peace\s+treaty|disputed\s+islands?|four\s+islands|two\s+islands"
            r"|islands?\s+(?:\w+\s+){0,2}(?:off|northeast\s+of|near)\s+hokkaido"
            r"|russian-(?:held|controlled|occupied)\s+islands?"
            r"|islands?\s+(?:claimed|seized|occupied)\s+by|islands'?\s+return|return\s+of\s+the"
            r"(?:\s+four)?\s+islands|(?:soviet|russian)\s+(?:seizure|occupation)\s+of"
            r"|1956\s+(?:joint\s+)?declaration|japan-soviet\s+joint\s+declaration"
        ),
        "context",
    ),
    Rule(
        "en.japan",
        "Japan",
        _lat(r"japan(?:ese)?|tokyo|hokkaido|nemuro|diet"),
        "context",
    ),
    Rule("en.russia", "Russia", _lat(r"russian?|moscow|soviet|kremlin|ussr"), "context"),
    Rule(
        "ru.dispute",
        "территориальный спор",
        _re(
            _B + r"(?:территориальн\w+\s+(?:спор|вопрос|проблем|претензи|притязани)\w*"
            r"|мирн\w+\s+договор\w*|спорн\w+\s+остров\w*"
            r"|(?:претензи|притязани)\w*\s+на\s+(?:\w+\s+)?остров\w*"
            r"|(?:возвращени|передач|принадлежност)\w*\s+(?:\w+\s+)?остров\w*"
            r"|декларац\w+\s+1956|1956\s+год\w*)"
        ),
        "context",
    ),
    Rule("ru.japan", "Япония", _re(_B + r"(?:япон\w*|токио|хоккайдо)" + _E), "context"),
    Rule(
        "ru.russia",
        "Россия",
        _re(_B + r"(?:росси\w*|москв\w*|кремл\w*|ссср|советск\w*|рф)" + _E),
        "context",
    ),
    Rule(
        "ja.dispute",
        "領土問題",
        _re(
            r"領土問題|平和条約|領土交渉|返還|実効支配|不法占拠|占拠|日ソ共同宣言|二つの島"
            r"|(?:2|２|二)島"
        ),
        "context",
    ),
    Rule(
        "ja.japan",
        "日本",
        _re(r"日本|日ロ|日露|政府|内閣府|首相|外相|外務省|官房長官|北海道|根室|自民党"),
        "context",
    ),
    Rule("ja.russia", "ロシア", _re(r"ロシア|露|ソ連|ソビエト|日ロ|日ソ"), "context"),
]

# Literal pieces at least one of which every match of a rule contains, lower-cased. A text
# that holds none of a rule's anchors cannot match it, and `in` on a string runs at C speed
# where a regular expression walks the text: most news is settled by these checks alone.
# tests/test_match.py::test_anchors_cover_every_match holds them to it.
ANCHORS: dict[str, tuple[str, ...]] = {
    "en.kurils": ("kuril", "chishima"),
    "en.northern-territories": ("northern",),
    "en.iturup": ("iturup", "etorofu"),
    "en.kunashir": ("kunas",),
    "en.shikotan": ("shikotan",),
    "en.habomai": ("habomai",),
    "en.habomai-islets": ("island", "islet", "rock"),
    "en.kuril-towns": (
        "kurilsk",
        "krabozavodsk",
        "reydovo",
        "plyazh",
        "furukamappu",
        "shana",
    ),
    "en.other-islands": (
        "paramushir",
        "shumshu",
        "simushir",
        "onekotan",
        "shiashkotan",
        "kharimkotan",
        "rasshua",
        "ketoy",
        "chirpoy",
        "ekarma",
        "alaid",
        "ebeko",
        "atlasov",
        "urup",
        "matua",
    ),
    "en.urup-matua": ("urup", "matua"),
    "ru.kurils": ("курил",),
    "ru.kurils-gen": ("курил",),
    "ru.kurilsk": ("курил",),
    "ru.iturup": ("итуруп",),
    "ru.kunashir": ("кунашир",),
    "ru.shikotan": ("шикотан",),
    "ru.habomai": ("хабомаи",),
    "ru.habomai-islets": ("остров", "о."),
    "ru.other-islands": (
        "парамушир",
        "шумшу",
        "симушир",
        "онекотан",
        "шиашкотан",
        "харимкотан",
        "расшуа",
        "кетой",
        "чирпой",
        "экарма",
        "эбеко",
        "крабозаводск",
        "рейдово",
    ),
    "ru.urup-matua": ("уруп", "матуа"),
    "ru.northern-territories": ("территори",),
    "ja.hoppo-ryodo": ("北方",),
    "ja.chishima": ("千島",),
    "ja.chishima-bare": ("千島",),
    "ja.kuril": ("クリル", "クリリスク"),
    "ja.etorofu": ("択捉", "エトロフ", "えとろふ", "イトゥルップ"),
    "ja.kunashiri": ("国後", "クナシリ", "くなしり", "クナシル"),
    "ja.shikotan": ("色丹", "シコタン", "しこたん"),
    "ja.habomai": ("歯舞", "ハボマイ", "はぼまい"),
    "ja.habomai-islets": ("勇留", "貝殻島", "水晶島", "志発島", "多楽島"),
    "ja.towns": ("古釜布", "紗那", "穴澗", "斜古丹", "留別"),
    "ja.other-islands": (
        "得撫島",
        "占守島",
        "幌筵島",
        "新知島",
        "松輪島",
        "温禰古丹",
        "捨子古丹",
        "計吐夷",
        "羅処和",
        "ウルップ島",
        "パラムシル",
    ),
    "ja.exchanges": ("ビザなし交流", "北方墓参", "北方四島交流"),
    "ja.weak": ("元島民", "四島", "島"),
    "en.dispute": (
        "territorial",
        "treaty",
        "disputed",
        "island",
        "return of the",
        "seizure",
        "occupation",
        "declaration",
    ),
    "ru.dispute": (
        "территориальн",
        "мирн",
        "спорн",
        "претензи",
        "притязани",
        "возвращени",
        "передач",
        "принадлежност",
        "декларац",
        "1956",
    ),
    "ja.dispute": ("領土", "平和条約", "返還", "実効支配", "占拠", "日ソ共同宣言", "島"),
    "en.japan": ("japan", "tokyo", "hokkaido", "nemuro", "diet"),
    "en.russia": ("russia", "moscow", "soviet", "kremlin", "ussr"),
    "ru.japan": ("япон", "токио", "хоккайдо"),
    "ru.russia": ("росси", "москв", "кремл", "ссср", "советск", "рф"),
    "ja.japan": (
        "日本",
        "日ロ",
        "日露",
        "政府",
        "内閣府",
        "首相",
        "外相",
        "外務省",
        "官房長官",
        "北海道",
        "根室",
        "自民党",
    ),
    "ja.russia": ("ロシア", "露", "ソ連", "ソビエト", "日ロ", "日ソ"),
    # Guards run only on texts with a hit; these spare them a pass of each English pattern.
    "guard.kuril-lake": ("lake",),
    "guard.kuril-trench": ("trench", "kamchatka"),
    "guard.kurilian-bobtail": ("bobtail",),
    "guard.kuril-tea": ("tea",),
    "guard.other-northern-territories": ("territories",),
    "guard.ship-name": (
        "ship",
        "vessel",
        "reefer",
        "trawler",
        "freighter",
        "tanker",
        "ferry",
        "frigate",
        "destroyer",
        "icebreaker",
        "boat",
        "carrier",
        "cruiser",
        "steamer",
        "liner",
        "corvette",
        "submarine",
        "tug",
        "-class",
    ),
}


_VESSEL_EN = (
    r"(?:ship|vessel|reefer|trawler|freighter|tanker|ferry|frigate|destroyer|icebreaker|boat"
    r"|carrier|cruiser|steamer|liner|corvette|submarine|tug)"
)
_VESSEL_RU = (
    r"(?:траулер|сухогруз|судн|теплоход|танкер|паром|корабл|рефрижератор|ледокол|фрегат"
    r"|транспорт|крейсер|корвет|буксир|сейнер|лайнер|пароход)\w*"
)

_COMPANY_RU = (
    r"(?:компани|ооо|оао|зао|ао|фирм|предприяти|бренд|марк|гостиниц|отел|ресторан|кафе|магазин"
    r"|клуб|команд|холдинг|групп|сеть|сет)\w*"
)

_GUARDS: list[Guard] = [
    Guard("guard.kuril-lake", "Kurile Lake is in Kamchatka", _lat(r"kurile?\s+lake")),
    Guard(
        "guard.kuril-trench",
        "the Kuril-Kamchatka Trench is a deep-sea feature",
        _lat(r"kurile?(?:-kamchatka)?\s+trench|kurile?-kamchatka"),
    ),
    Guard("guard.kurilian-bobtail", "a cat breed", _lat(r"kuril(?:ian|e)?\s+bobtails?")),
    Guard("guard.kuril-tea", "a shrub (Dasiphora)", _lat(r"kurile?\s+tea")),
    Guard(
        "guard.other-northern-territories",
        "another country's northern territories",
        re.compile(
            r"Northern\s+Territories\s+of\s+the\s+Gold\s+Coast"
            r"|\b(?!Japan|Tokyo)[A-Z][\w.]*(?:\s+[A-Z]\w*)?['’]s\s+Northern\s+Territories"
        ),
    ),
    Guard(
        "guard.ship-name",
        "a ship named after an island",
        _lat(
            _VESSEL_EN
            + r"\s+(?:the\s+)?[\"“']?(?:"
            + _ISLANDS_EN
            + r")|(?:"
            + _ISLANDS_EN
            + r")-class"
        ),
    ),
    Guard(
        "guard.ru-smoking",
        "«курил» с маленькой буквы — прошедшее время глагола «курить»",
        re.compile(_B + r"курил" + _E),
    ),
    Guard("guard.ru-lake", "Курильское озеро — на Камчатке", _re(_B + r"курильск\w+\s+озер\w*")),
    Guard("guard.ru-bobtail", "порода кошек", _re(_B + r"курильск\w+\s+бобтейл\w*")),
    Guard("guard.ru-tea", "растение", _re(_B + r"курильск\w+\s+ча[йяюе]\w*")),
    Guard("guard.ru-trench", "глубоководный желоб", _re(r"курило-камчатск\w*")),
    Guard(
        "guard.ru-ship-name",
        "судно, названное в честь острова",
        _re(_B + _VESSEL_RU + r"\s+[«\"„“]\s*(?:" + _ISLANDS_RU + r")\w*"),
    ),
    Guard(
        "guard.ru-company-name",
        "компания или бренд с названием острова",
        _re(_B + _COMPANY_RU + r"\s+(?:\w+\s+){0,2}[«\"„“]\s*(?:" + _ISLANDS_RU + r")\w*"),
    ),
    Guard(
        "guard.ru-urup-river", "река Уруп на Кубани", _re(_B + r"(?:рек\w+\s+уруп\w*|урупск\w*)")
    ),
    Guard(
        "guard.ja-trench", "千島海溝 is an ocean trench", _re(r"千島海溝|千島・カムチャツカ海溝")
    ),
    Guard(
        "guard.ja-flora",
        "a plant named after the Kurils",
        _re(r"千島(?:桜|ザクラ|笹|ザサ|フウロ|キンバイ|リンドウ)|チシマ"),
    ),
    Guard(
        "guard.ja-chishima-name",
        "千島 as a place in Osaka or a surname",
        _re(
            r"大正区千島|千島町|千島(?:[一-龥ぁ-ん]{1,3})?(?:さん|氏|様|君|選手|監督|容疑者|被告|教授|会長|社長)"
        ),
    ),
    Guard(
        "guard.ja-substring",
        "国後 inside another word (帰国後 'after returning home', 全国後援会)",
        _re(rf"[{_KANJI}]国後(?!島)"),
    ),
    Guard("guard.ja-lake", "Kurile Lake in Kamchatka", _re(r"クリル湖")),
    Guard("guard.ja-bobtail", "a cat breed", _re(r"クリリアン")),
    Guard(
        "guard.ja-ship-name",
        "a ship named after an island",
        _re(r"(?:択捉|国後|色丹|えとろふ|くなしり)型|(?:艦|船|丸)\s*「(?:" + _ISLANDS_JA + r")"),
    ),
]


# The script a rule's or guard's every match contains (tests/test_match.py holds them to
# it); a text without that script skips them. Unlisted ids run on every text.
_IDS = [item.id for item in [*_RULES, *_CONTEXT_RULES]] + [guard.id for guard in _GUARDS]
SCRIPTS: dict[str, str] = {
    rule_id: rule_id.removeprefix("guard.")[:2]
    for rule_id in _IDS
    if rule_id.removeprefix("guard.")[:3] in ("ru.", "ru-", "ja.", "ja-")
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff19]")


def _anchored(rule_id: str, lowered: str) -> bool:
    """Whether a lower-cased text holds one of a rule's or guard's anchors (none: always)."""
    anchors = ANCHORS.get(rule_id)
    return anchors is None or any(anchor in lowered for anchor in anchors)


def _scripts_in(text: str) -> set[str]:
    """Which of the gated scripts occur in `text` ("any" always does)."""
    if text.isascii():
        return {"any"}
    found = {"any"}
    if _CYRILLIC.search(text):
        found.add("ru")
    if _CJK.search(text):
        found.add("ja")
    return found


# A group that contains a quantifier and is itself quantified, such as (a+)+ or (\w*x)*:
# the shape behind catastrophic backtracking.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,)")


def compile_user_term(term: str) -> re.Pattern[str]:
    """A user's term: `/regex/` as written, anything else as a whole-word phrase."""
    term = term.strip()
    if len(term) >= 2 and term.startswith("/") and term.endswith("/"):
        source = term[1:-1]
        if _NESTED_QUANTIFIER.search(source):
            raise ValueError(
                f"regular expression {term!r} repeats a repeated group, which can take "
                "exponential time on some texts; rewrite it without the nesting"
            )
        try:
            return re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"bad regular expression {term!r}: {exc}") from None
    words = r"\s+".join(re.escape(w) for w in term.split())
    if re.search(r"[\w]", term) and not re.search(f"[{_KANJI}\u3040-\u30ff]", term):
        return re.compile(_B + words + _E, re.IGNORECASE)
    return re.compile(words, re.IGNORECASE)


def _automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


@dataclass
class Matcher:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rules: list[Rule] = field(init=False)
    excludes: list[Rule] = field(init=False)
    prefilter: re.Pattern[str] = field(init=False)
    anchors: tuple[str, ...] | None = field(init=False)
    ascii_anchors: tuple[str, ...] = field(init=False)
    # The anchors as Aho-Corasick automata: one pass over a text finds any of them, where
    # `anchor in text` for each took a third of the matcher's time.
    screens: dict[bool, ahocorasick.Automaton] = field(init=False)

    def __post_init__(self) -> None:
        self.rules = list(_RULES) + [
            Rule(f"user.include:{t}", t, compile_user_term(t)) for t in self.include
        ]
        self.excludes = [
            Rule(f"user.exclude:{t}", t, compile_user_term(t), "exclude") for t in self.exclude
        ]
        # Most items are not about the islands: one pass over the text with every rule that
        # can make an item relevant settles them, instead of one pass per rule.
        deciding = self.rules + [r for r in _CONTEXT_RULES if r.rule_kind == "dispute"]
        self.prefilter = re.compile("|".join(_scoped(r.pattern) for r in deciding))
        # A user's own terms have no anchors: then the regular-expression union decides.
        self.anchors: tuple[str, ...] | None = None
        self.ascii_anchors: tuple[str, ...] = ()
        if all(r.id in ANCHORS for r in deciding):
            every = {a for r in deciding for a in ANCHORS[r.id]}
            # An anchor that contains another adds nothing to the screen ("kurilsk", "kuril").
            needed = sorted(a for a in every if not any(b != a and b in a for b in every))
            self.anchors = tuple(needed)
            # An ASCII text can hold only ASCII anchors: a third of them.
            self.ascii_anchors = tuple(a for a in needed if a.isascii())
        self.screens = {True: _automaton(self.ascii_anchors), False: _automaton(self.anchors or ())}

    def match(self, text: str) -> MatchResult:
        """Decide whether `text` is about the islands, and say why."""
        lowered = text.lower()
        if self.anchors is not None:
            screen = self.screens[lowered.isascii()]
            if screen.kind == ahocorasick.EMPTY or next(screen.iter(lowered), None) is None:
                return MatchResult(False, reason="no Kuril terms")
        elif not self.prefilter.search(text):
            return MatchResult(False, reason="no Kuril terms")
        for rule in self.excludes:
            m = rule.pattern.search(text)
            if m:
                hit = Hit(rule.id, rule.term, m.start(), m.end(), m.group(0), "exclude")
                return MatchResult(False, excluded_by=hit, reason=f"excluded by {rule.term!r}")
        # Russian and Japanese patterns cannot match a text without their script: skipping
        # them halves the work on most English items.
        scripts = _scripts_in(lowered)
        guard_spans: list[tuple[int, int, Guard]] | None = None
        hits: list[Hit] = []
        suppressed: list[Suppressed] = []
        for rule in self.rules:
            if SCRIPTS.get(rule.id, "any") not in scripts:
                continue
            if not _anchored(rule.id, lowered):
                continue
            for m in rule.pattern.finditer(text):
                if m.end() == m.start():
                    continue
                hit = Hit(rule.id, rule.term, m.start(), m.end(), m.group(0), rule.strength)
                if rule.id.startswith("user."):
                    hits.append(hit)
                    continue
                if guard_spans is None:  # only texts with a hit pay for the guards
                    guard_spans = [
                        (g_m.start(), g_m.end(), g)
                        for g in _GUARDS
                        if SCRIPTS.get(g.id, "any") in scripts and _anchored(g.id, lowered)
                        for g_m in g.pattern.finditer(text)
                    ]
                guard = next((g for s, e, g in guard_spans if s < m.end() and m.start() < e), None)
                if guard is not None:
                    suppressed.append(Suppressed(hit, guard.id, guard.why))
                else:
                    hits.append(hit)
        context = [
            Hit(r.id, r.term, m.start(), m.end(), m.group(0), "context")
            for r in _CONTEXT_RULES
            if SCRIPTS.get(r.id, "any") in scripts and _anchored(r.id, lowered)
            for m in r.pattern.finditer(text)
        ]
        return _decide(hits, context, suppressed)


def _decide(hits: list[Hit], context: list[Hit], suppressed: list[Suppressed]) -> MatchResult:
    strong = [h for h in hits if h.strength == "strong"]
    weak = [h for h in hits if h.strength == "weak"]
    kinds = {h.rule.split(".", 1)[1] for h in context}  # dispute, japan, russia
    dispute = "dispute" in kinds
    both_sides = "japan" in kinds and "russia" in kinds
    ordered = tuple(sorted(hits, key=lambda h: h.start))
    kept = tuple(suppressed)
    if strong:
        return MatchResult(True, ordered, kept, reason="names the islands")
    with_context = tuple(sorted(hits + context, key=lambda h: h.start))
    if weak and (dispute or both_sides):
        return MatchResult(True, with_context, kept, reason="an ambiguous name, in context")
    if dispute and both_sides:
        return MatchResult(True, with_context, kept, reason="the Japan-Russia territorial dispute")
    reason = "only look-alikes" if suppressed else "no Kuril terms"
    if weak:
        reason = "an ambiguous name without context"
    return MatchResult(False, ordered, kept, reason=reason)


@lru_cache(maxsize=8)
def get_matcher(include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Matcher:
    """A compiled matcher, shared between calls with the same user terms."""
    return Matcher(include, exclude)
