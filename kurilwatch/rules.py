"""What the matcher knows: every name of the islands, the look-alikes and the other subjects.

Each rule and each guard is one record holding everything about it (language, strength,
kind, term, pattern, anchors). Each place's names are written once, in `PLACES`; the rules
and the guards that need them (ships and companies named after an island) are built from
that table. `match.py` is the engine that runs these records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Latin and Cyrillic names need word boundaries; \w is Unicode-aware, so this also holds
# next to Cyrillic letters and digits.
B = r"(?<![\w])"
E = r"(?![\w])"
KANJI = r"\u3400-\u4dbf\u4e00-\u9fff"
_META = set("\\()[]?*+{|.^$")


@dataclass(frozen=True)
class Rule:
    """One way of naming the islands (or their dispute, or another subject)."""

    id: str
    lang: str  # en | ru | ja: the script the rule's matches are written in ("en" = Latin)
    strength: str  # strong | weak | context | topic | exclude
    kind: str  # what the name names: group, island, town, islet, dispute, japan, topic…
    term: str  # the canonical name recorded in matched_terms
    pattern: re.Pattern[str]
    anchors: tuple[str, ...] | None  # lower-case literals every match contains; None: any
    # For weak rules: which context makes a hit count (a dispute phrase, both Japan and
    # Russia, or one side alone).
    needs: tuple[str, ...] = ("dispute", "both")
    # Every match starts with one of the anchors: the matcher then tries the pattern only
    # where an anchor starts, instead of scanning the whole text (tests hold rules to it).
    anchored_start: bool = False


@dataclass(frozen=True)
class Guard:
    """A reading of a name that is not the islands (a lake, a ship) or not their story."""

    id: str
    lang: str
    why: str
    pattern: re.Pattern[str]
    anchors: tuple[str, ...] | None
    # "span": cancels the hits its match overlaps; "sentence": cancels every hit of the
    # rules it applies to in the sentences where it matches.
    # "text": cancels every hit of its rules anywhere in a text where it matches, unless
    # the text also has one of the context kinds in `unless`.
    scope: str = "span"
    # "look-alike": the name does not mean the islands; "demote": it does, but as part of a
    # proper name or a title, so the hit counts only as an ambiguous (weak) one.
    effect: str = "look-alike"
    applies_to: tuple[str, ...] = ()  # rule ids (none: every rule)
    unless: tuple[str, ...] = ()  # context kinds (japan, russia, dispute)
    # A span guard runs only this many characters around each hit: no match of it that
    # overlaps a hit reaches further (tests hold guards to it).
    reach: int = 100
    # The name it cancels means the same thing wherever the text writes it the same way (with
    # a group `name…` in the pattern: wherever the text writes that whole proper name again).
    echoes: bool = False
    # The reading holds only where the text names the islands nowhere else: a hit of a
    # strong name outside its matches undoes it ("Sakhalin and the Kurils" as a region's
    # name in a story about Sakhalin, but not in one that goes on to Kunashir).
    alone: bool = False
    # The reading gives way in local news of the islands: "town" where the text names one
    # of their towns ("a museum in Kurilsk"), "place" also where it puts something on one
    # of the islands ("a quiz held on Iturup", «на Итурупе прошла викторина»).
    unless_there: str = ""


@dataclass(frozen=True)
class Place:
    """A place and its names in each language, as regular-expression alternatives."""

    key: str
    kind: str  # group | island | town | islet | northern-island
    terms: dict[str, str]  # language -> canonical term
    names: dict[str, tuple[str, ...]]
    weak: tuple[str, ...] = ()  # languages in which the names are ambiguous alone
    ship_name: bool = False  # ships, companies and brands are named after it
    # The literals every match contains when its names do not start with them ("flights to
    # Yasny"): the rule then runs only on texts holding one, and scans them whole.
    contains: dict[str, tuple[str, ...]] | None = None


def literal_prefix(alternative: str) -> str:
    """The literal text every match of a regex alternative starts with, lower-cased."""
    out: list[str] = []
    index = 0
    while index < len(alternative):
        char = alternative[index]
        following = alternative[index + 1 : index + 2]
        if char == "\\" and following and not following.isalnum():
            char, index = following, index + 1  # an escaped "." or "-" is literal
        elif char in _META:
            # An optional last letter ("kunashiri?") is not part of every match.
            if char in "?*" and out:
                out.pop()
            break
        if alternative[index + 1 : index + 2] in ("?", "*", "{"):
            break
        out.append(char)
        index += 1
    prefix = "".join(out).lower()
    if not prefix:
        raise ValueError(f"alternative {alternative!r} starts with no literal text")
    return prefix


def _anchors(alternatives: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(literal_prefix(a) for a in alternatives))


def _words(lang: str, alternatives: tuple[str, ...]) -> str:
    """The alternatives as one pattern source with the boundaries the language needs."""
    union = "|".join(alternatives)
    if lang == "en":
        return B + f"(?:{union})" + E
    if lang == "ru":
        return B + f"(?:{union})" + r"\w*"  # Russian names decline: any ending
    return f"(?:{union})"


def _re(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(source, flags)


# The Habomai islets' Russian names, as they follow «остров» in any case.
_HABOMAI_ISLETS_RU = (
    "зел[её]н\\w+",
    "полонского",
    "танфильева",
    "юрий",
    "юрия",
    "анучина",
    "сигнальн\\w+",
    "демина",
    "осколки",
    "сторожев\\w+",
)

# --- Places: each one's names written once ----------------------------------------------
# The four disputed islands: each one's term and names in English, Russian and Japanese.
_ISLANDS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "iturup": {
        "en": ("Iturup", ("iturup", "etorofu(?:-t[oō])?")),
        # (and the Japanese names as Russian writes them: «Эторофу», «Кунасири», «Сикотан»)
        "ru": ("Итуруп", ("итуруп", "эторофу")),
        "ja": ("択捉", ("択捉", "エトロフ", "えとろふ", "イトゥルップ")),
    },
    "kunashir": {
        "en": ("Kunashir", ("kunashiri?", "kunasiri")),
        "ru": ("Кунашир", ("кунашир", "кунасири")),
        "ja": ("国後", ("国後", "クナシリ", "くなしり", "クナシル")),
    },
    "shikotan": {
        "en": ("Shikotan", ("shikotan",)),
        "ru": ("Шикотан", ("шикотан", "сикотан")),
        "ja": ("色丹", ("色丹", "シコタン", "しこたん")),
    },
    "habomai": {
        "en": ("Habomai", ("habomais?",)),
        "ru": ("Хабомаи", ("хабомаи",)),
        "ja": ("歯舞", ("歯舞", "ハボマイ", "はぼまい")),
    },
}

PLACES: list[Place] = [
    *(
        Place(
            key,
            "island",
            {lang: term for lang, (term, _) in by_lang.items()},
            {lang: names for lang, (_, names) in by_lang.items()},
            ship_name=True,
        )
        for key, by_lang in _ISLANDS.items()
    ),
    # The islets of the Habomai group (the Lesser Kuril Chain), by their Russian and
    # Japanese names.
    Place(
        "habomai-islets",
        "islet",
        {"en": "Habomai", "ru": "Хабомаи", "ja": "歯舞"},
        {
            "en": tuple(
                f"{name}\\s+(?:island|islet|rock)s?"
                for name in (
                    "zeleny",
                    "zelyony",
                    "zelenyy",
                    "polonsky",
                    "polonskogo",
                    "tanfilyev",
                    "tanfilyeva",
                    "tanfiliev",
                    "anuchina?",
                    "yuri",
                    "yury",
                    "signalny",
                    "signalnyy",
                    "demina",
                    "storozhevoy",
                    "shibotsu",
                    "taraku",
                    "suisho",
                    "akiyuri",
                    "kaigara",
                    "harukari",
                )
            )
            # The Japanese names romanised in one word, with -jima ("island"): Kaigarajima.
            + tuple(
                f"{name}(?:jima|-jima|-to)"
                for name in ("kaigara", "suish[oō]u?", "shibotsu", "taraku", "yuri", "akiyuri")
            )
            # Bare, the Japanese names no other place, word or person shares (Yuri is a given
            # name, Kaigara a surname): "Soviet soldiers came ashore on Shibotsu".
            # And Kaigara as a reef: "Kaigara, a reef with a lighthouse", "Kaigara reef".
            + (
                "shibotsu",
                "taraku",
                "suish[oō]u?",
                "akiyuri",
                # (any noun of a rock: "Kaigara, a rocky islet", "Kaigara islet")
                "kaigara(?:,\\s+(?:a|the)(?:\\s+[\\w-]+){0,2}?)?\\s+(?:reef|islet|rock|isle)",
            ),
            "ru": tuple(
                f"{island}\\s+(?:{'|'.join(_HABOMAI_ISLETS_RU)})"
                for island in ("остров\\w*", "о\\.", "островок\\w*")
            ),
            # (and 貝殻 in the name of the kelp fishery around the islet, 貝殻さお前コンブ漁)
            "ja": (
                "貝殻島",
                "貝殻(?=(?:さお前|サオマエ|竿前)(?:コンブ|昆布))",
                "水晶島",
                "志発島",
                "多楽島",
                "勇留島",
                "秋勇留",
                "勇留",
            ),
        },
    ),
    Place(
        "towns",
        "town",
        {"en": "Kuril Islands", "ru": "Курилы", "ja": "北方領土"},
        {
            "en": (
                # and the districts' adjectives as Russian agencies transliterate them
                # ("the Yuzhno-Kurilsky district court", "Kurilsky district"), and the
                # settlements in any transliteration (Reydovo, Reidovo; -oye, -oe)
                "yuzhno-kurilsk(?:y|iy|ii)?",
                "severo-kurilsk(?:y|iy|ii)?",
                "kurilsk(?:y|iy|ii)?",
                "malokurilsk(?:oye|oe|oie)?",
                "krabozavodsk(?:oye|oe|oie)?",
                "re[iy]dovo",
                "golovnino",
                "goryach(?:y|iy)\\s+plyazh",
                "furukamappu",
                "shana\\s+village",
            ),
            # курильск (Южно-, Северо-, Мало-) is in the group's names below.
            "ru": ("крабозаводск", "рейдово", "головнино", "горяч\\w+\\s+пляж\\w*"),
            "ja": ("古釜布", "紗那", "穴澗", "斜古丹", "留夜別", "留別"),
        },
        # (the reefer Kurilsk, the ferry Severo-Kurilsk)
        ship_name=True,
    ),
    Place(
        "northern-islands",
        "northern-island",
        {"en": "Kuril Islands", "ru": "Курилы", "ja": "千島"},
        {
            "en": (
                "paramushir",
                "shumshu",
                "shimushu",
                "simushir",
                "onekotan",
                "shiashkotan",
                "kharimkotan",
                "rasshua",
                "ketoy",
                "chirpoy",
                "ekarma",
                "alaid\\s+volcano",
                "ebeko(?:\\s+volcano)?",
                "atlasov\\s+island",
                "urup\\s+island",
                "matua\\s+island",
            ),
            "ru": (
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
            ),
            "ja": (
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
        },
        ship_name=True,
    ),
    # The islands' volcanoes by name: an eruption report may name only the volcano and a
    # town ("Ivan Grozny volcano ... no ashfall in Kurilsk"). A name also a person's or a
    # word (Иван Грозный, Тятя, Менделеев) counts only beside its volcano word.
    # (a place on the islands, as a town is: stories.ISLANDS compares the islands only)
    Place(
        "volcanoes",
        "town",
        {"en": "Kuril Islands", "ru": "Курилы", "ja": "北方領土"},
        {
            "en": (
                *(
                    f"{name}\\s+(?:volcano|peak)"
                    for name in (
                        "ivan\\s+grozn(?:y|yy|iy)",
                        "kudryav(?:y|yy|iy)",
                        "baransk(?:y|iy|ii)",
                        "mendeleev",
                        "golovnin",
                        "sarychev",
                    )
                ),
                *(f"volcano\\s+{name}" for name in ("ivan\\s+grozn", "kudryav", "tyatya")),
                "mount\\s+tyatya",
                "tyatya(?:\\s+volcano)?",
                "chikurachki",
                "atsonupuri",
                "berutarube",
            ),
            "ru": (
                *(
                    f"вулкан\\w*\\s+{name}"
                    for name in (
                        "иван\\w*\\s+грозн",
                        "кудряв",
                        "баранск",
                        "богдан\\w*\\s+хмельницк",
                        "менделеев",
                        "головнин",
                        "тят",
                        "чирип",
                        "стокап",
                        "руруй",
                        "сарычев",
                        "прево",
                    )
                ),
                "пик\\w*\\s+сарычев",
                # the volcano's name first, then what it is: «Тятя — второй по величине …
                # курильский вулкан» («тятя» alone is a word for father)
                "тят(?:я|и|е|ю|ей)(?=\\s*[—–-]\\s*(?:[\\w-]+\\s+){0,7}?вулкан)",
                "чикурачк",
                "атсонупури",
                "берутарубе",
                "алаид",
            ),
            "ja": ("爺爺岳", "茶々岳", "散布山", "イワン・グロズヌイ", "イワングロズヌイ"),
        },
    ),
    # The islands' airfields: Yasny (Iturup), Mendeleyevo (Kunashir), Burevestnik (Iturup's
    # air base). A flight story may name only the airport. Each name is also another
    # place's or a word (a Moscow-region village, a missile, «ясный»), so it counts only
    # as an airfield: beside its airport's word, or as a flight's destination.
    Place(
        "airports",
        "town",
        {"en": "Kuril Islands", "ru": "Курилы", "ja": "北方領土"},
        {
            "en": (
                *(
                    rf"{name}\s+(?:airport|airfield|air\s*base)"
                    for name in ("yasnyy?", "mendeleevo", "mendeleyevo", "burevestnik")
                ),
                *(
                    rf"{noun}\s+(?:[\w-]+\s+){{0,3}}?(?:to|from|into|for|and|at)\s+"
                    r"(?:yasnyy?|mendeleye?vo)(?!\s+(?:street|village))"
                    for noun in ("flights?", "route", "service", "planes?", "aircraft")
                ),
            ),
            "ru": (
                *(
                    rf"{noun}\w*\s+[«\"]?(?:ясн(?:ый|ого|ом|ому)|менделеево|буревестник)"
                    for noun in ("аэропорт", "аэродром")
                ),
                *(
                    rf"{noun}\w*\s+(?:[\w-]+\s+){{0,3}}?(?:в|до|из)\s+[«\"]?"
                    r"(?:ясн(?:ый|ого)|менделеево)(?![\w-])"
                    for noun in ("рейс", "вылет", "перел", "авиарейс")
                ),
            ),
            "ja": (
                *("ヤースヌイ空港", "メンデレーエボ空港", "メンデレーエフ空港"),
                "ブレベストニク飛行場",
            ),
        },
        # the airfields' names, not the common words before them ("flights", «рейс»)
        contains={
            "en": ("yasny", "mendeleevo", "mendeleyevo", "burevestnik"),
            "ru": ("ясный", "ясного", "ясном", "ясному", "менделеево", "буревестник"),
            "ja": (
                "ヤースヌイ空港",
                "メンデレーエボ空港",
                "メンデレーエフ空港",
                "ブレベストニク飛行場",
            ),
        },
    ),
    # The islands' garrison, the 18th Machine Gun Artillery Division (Iturup and Kunashir): a
    # drill story may name only the unit and a settlement.
    Place(
        "garrison",
        "town",
        {"en": "Kuril Islands", "ru": "Курилы", "ja": "北方領土"},
        {
            "en": ("18th\\s+machine[\\s-]+gun(?:\\s+and)?[\\s-]+artillery\\s+division",),
            "ru": ("18-?\\w*\\s+пулем[её]тно-артиллерийск\\w*\\s+дивизи",),
            "ja": ("第18機関銃砲兵師団", "第18機関銃・砲兵師団"),
        },
        # the unit's words, not its common number
        contains={
            "en": ("artillery",),
            "ru": ("пулемётно-артиллерийск", "пулеметно-артиллерийск"),
            "ja": ("機関銃",),
        },
    ),
    # Kitovy (Китовый), a settlement on Iturup with a fish plant: the word is also "whale's",
    # so only the capitalised name after «в», «посёлок» or «поселке» counts.
    Place(
        "kitovy",
        "town",
        {"en": "Kuril Islands", "ru": "Курилы"},
        {
            "en": ("kitovy(?:y)?\\s+(?:village|settlement|fish)",),
            "ru": (
                "(?:(?<=в )|(?<=посёлок )|(?<=поселок )|(?<=посёлке )|(?<=поселке )"
                "|(?<=посёлка )|(?<=поселка ))(?-i:Китов)(?:ом|ый|ого)",
            ),
        },
        contains={"en": ("kitovy",), "ru": ("китов",)},
    ),
    # «остров Уруп», «на острове Матуа»: named as islands, they are no river and no
    # community (the name is gated on, not the common «остров» before it).
    Place(
        "urup-matua-islands",
        "northern-island",
        {"ru": "Курилы"},
        {"ru": ("остров\\w*\\s+уруп", "остров\\w*\\s+матуа")},
        contains={"ru": ("уруп", "матуа")},
    ),
    # Urup is also a river in the Kuban, Matua a community in Bengal.
    Place(
        "urup-matua",
        "northern-island",
        {"en": "Kuril Islands", "ru": "Курилы"},
        {"en": ("urup", "matua"), "ru": ("уруп", "матуа")},
        weak=("en", "ru"),
        ship_name=True,
    ),
]


def _place_rules() -> list[Rule]:
    rules = []
    for place in PLACES:
        for lang, names in place.names.items():
            strength = "weak" if lang in place.weak else "strong"
            rules.append(
                Rule(
                    f"{lang}.{place.key}",
                    lang,
                    strength,
                    place.kind,
                    place.terms[lang],
                    _re(_words(lang, names)),
                    place.contains[lang] if place.contains else _anchors(names),
                    anchored_start=not place.contains,
                )
            )
    return rules


def _names(lang: str, *, ships: bool = False, keys: tuple[str, ...] = ()) -> str:
    """One alternation of the places' names in a language (only the islands ships bear)."""
    chosen = [
        n
        for p in PLACES
        if (not ships or p.ship_name) and (not keys or p.key in keys)
        for n in p.names.get(lang, ())
        if not ("\\s" in n and ships)  # "urup island" is no ship's name
    ]
    return "|".join(chosen)


def _rule(
    id: str,
    strength: str,
    kind: str,
    term: str,
    source: str,
    anchors: Iterable[str],
    flags: int = re.IGNORECASE,
    needs: tuple[str, ...] = ("dispute", "both"),
    anchored_start: bool = False,
) -> Rule:
    return Rule(
        id, id[:2], strength, kind, term, _re(source, flags), tuple(anchors), needs, anchored_start
    )


def _lat(alternatives: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    return _words("en", alternatives), _anchors(alternatives)


# --- The islands as a group, and the names only Japan's or Russia's coverage uses --------
_KURILS_EN = (
    "kurile?s?",
    "kurilian\\s+islands?",
    "south(?:ern)?\\s+kurils?",
    "chishima\\s+(?:islands|retto)",
    "minami[- ]chishima",
    # Romanised Japanese: 北方領土 Hoppō Ryōdo, 北方四島 Hoppō Yontō.
    "hopp[oō]u?\\s+ry[oō]u?do",
    "hopp[oō]u?\\s+yont[oō]u?",
)

GROUP_RULES: list[Rule] = [
    # The passenger ship that serves only the islands from Korsakov, by its name as a ship's
    # (the late governor it is named after is no ship: "the passenger ship Igor
    # Farkhutdinov", «теплоход «Игорь Фархутдинов»», a name in quotes).
    _rule(
        "en.islands-ferry",
        "strong",
        "group",
        "Kuril Islands",
        *_lat(
            (
                *tuple(
                    f"{noun}\\s+[\"“']?igor\\s+farkhutdinov"
                    for noun in ("ship", "ferry", "vessel", "liner", "steamer", "motorship")
                ),
                "igor\\s+farkhutdinov[\"”']?\\s+(?:ferry|ship|passenger\\s+ship)",
            )
        ),
        anchored_start=True,
    ),
    _rule(
        "ru.islands-ferry",
        "strong",
        "group",
        "Курилы",
        r"[«\"„“]игор[ья]\s+фархутдинов\w*[»\"“”]",
        ("фархутдинов",),
    ),
    # The chain described by its ends: no other islands lie between Hokkaido and Kamchatka
    # ("the archipelago stretching between Hokkaido and Kamchatka", «острова между Камчаткой
    # и Хоккайдо», 北海道とカムチャツカ半島の間の島々).
    _rule(
        "en.chain-between",
        "strong",
        "group",
        "Kuril Islands",
        *_lat(
            tuple(
                f"{noun}\\s+"
                "(?:(?:that|which)\\s+)?(?:stretch(?:es|ing)?|lying|lie|lies|running|runs|strung"
                "|extending|extends)?\\s*(?:out\\s+)?"
                f"(?:between\\s+{a}\\s+and|from\\s+{a}\\s+(?:to|towards?))\\s+{b}"
                for noun in ("archipelago", "islands", "island\\s+chain", "chain")
                for a, b in (("hokkaido", "kamchatka"), ("kamchatka", "hokkaido"))
            )
        ),
        anchored_start=True,
    ),
    _rule(
        "ru.chain-between",
        "strong",
        "group",
        "Курилы",
        B
        + r"(?:остров\w*|гряд\w*|архипелаг\w*)\s+(?:[\w-]+\s+){0,2}?"
        + r"(?:между\s+(?:хоккайдо\s+и\s+камчатк\w+|камчатк\w+\s+и\s+хоккайдо)"
        + r"|от\s+(?:хоккайдо\s+до\s+камчатк\w+|камчатк\w+\s+до\s+хоккайдо))",
        ("остров", "гряд", "архипелаг"),
        anchored_start=True,
    ),
    _rule(
        "ja.chain-between",
        "strong",
        "group",
        "千島列島",
        r"(?:北海道とカムチャツカ(?:半島)?|カムチャツカ(?:半島)?と北海道)の間(?:に連なる|にある|の)"
        r"(?:島々|列島|諸島)",
        ("北海道", "カムチャツカ"),
        anchored_start=True,
    ),
    # Nameless, but in Japan-Russia context only the islands': former islanders, the
    # exchanges and grave visits.
    _rule(
        "en.former-islanders",
        "weak",
        "group",
        "former islanders",
        *_lat(
            (
                "former\\s+(?:japanese\\s+)?(?:islanders|island\\s+residents)",
                "former\\s+residents\\s+of\\s+the\\s+(?:four\\s+)?islands",
            )
        ),
        anchored_start=True,
    ),
    _rule(
        "en.exchanges",
        "weak",
        "group",
        "visa-free exchanges",
        *_lat(
            (
                "visa-free\\s+(?:exchanges?|visits?|travel)",
                "grave[\\s-]+visits?",
                # "visit their ancestral graves", "tend family graves", "travel to family graves"
                *(
                    f"{verb}(?:s|ing|ed)?\\s+(?:[\\w-]+\\s+){{0,2}}?"
                    "(?:ancestral|family|ancestors['’]?)\\s+graves"
                    for verb in ("visit", "tend", "clean")
                ),
                "travel\\s+to\\s+(?:their\\s+)?(?:ancestral|family)\\s+graves",
            )
        ),
        anchored_start=True,
    ),
    # The islands unnamed, as the former residents' lost home ("the islands they were forced
    # to leave", "the island where many of them were born") or by the ship that takes them
    # there (the Etopirika, built for the visits): with Japan beside it (Nemuro, Hokkaido),
    # only these islands' story.
    _rule(
        "en.islands-they-left",
        "weak",
        "group",
        "the islands they were forced to leave",
        *_lat(
            (
                "islands?\\s+(?:they|their\\s+(?:families|parents|ancestors))\\s+(?:were|had\\s+been)"
                "\\s+(?:forced\\s+to\\s+(?:leave|flee)|driven\\s+(?:from|off)|expelled\\s+from"
                "|deported\\s+from)",
                # 北方四島 translated: "the special measures law on the 'four northern islands'"
                "four\\s+northern\\s+islands",
                # (the verb first: "Japanese who were forced to leave the four islands")
                "forced\\s+to\\s+(?:leave|flee|abandon)\\s+(?:the\\s+)?(?:four\\s+|two\\s+)?islands?",
                # "within sight of the island where many of them were born"
                "islands?\\s+where\\s+(?:(?:many|most|some|all|several)\\s+of\\s+)?(?:they|them"
                "|their\\s+(?:families|parents|ancestors))\\s+(?:were|had\\s+been)\\s+born",
                # "facing the islands where their family graves lie"
                "islands?\\s+where\\s+(?:their|the)\\s+(?:(?:family|families['’]?|ancestors['’]?"
                "|ancestral)\\s+)?graves\\s+(?:lie|are|remain|stand)",
                # "within sight of the coastline of their home island" (one island: "the
                # home islands" are Japan's own)
                *(
                    f"{whose}\\s+(?:(?:former|lost|ancestral)\\s+)?home\\s+island(?![\\w'’-])"
                    for whose in ("their", "her", "his")
                ),
                "etopirika",
            )
        ),
        needs=("dispute", "both", "japan"),
        anchored_start=True,
    ),
    _rule(
        "ru.former-islanders",
        "weak",
        "group",
        "бывшие жители островов",
        # (and their trips «на острова»: поездки бывших японских жителей на острова; or their
        # visits to the graves: поездки бывших японских жителей для посещения захоронений)
        B
        + r"бывш\w+\s+(?:японск\w+\s+)?(?:жител\w+\s+(?:на\s+|с\s+|южн\w+\s+)?)?"
        + r"(?:остров\w*|островитян\w*)"
        + r"|бывш\w+\s+(?:японск\w+\s+)?жител\w*[^.!?\n]{0,80}?(?:могил|захоронени)\w*",
        ("бывш",),
        anchored_start=True,
    ),
    _rule(
        "ru.exchanges",
        "weak",
        "group",
        "безвизовые обмены",
        # (a word between: безвизового режима поездок, безвизовых групповых обменов)
        B + r"безвизов\w+\s+(?:[\w-]+\s+){0,2}?(?:обмен|поездк|посещени)\w*",
        ("безвизов",),
        anchored_start=True,
    ),
    _rule("en.kurils", "strong", "group", "Kuril Islands", *_lat(_KURILS_EN), anchored_start=True),
    # The Japanese name is a proper noun: lower-case "northern territories" is anyone's.
    # Capitalised it is also Ghana's, colonial Britain's and Canada's (see the guards).
    _rule(
        "en.northern-territories",
        "strong",
        "group",
        "Northern Territories",
        B + r"(?:Northern\s+Territories|NORTHERN\s+TERRITORIES)" + E,
        ("northern",),
        flags=0,
        anchored_start=True,
    ),
    # Курил- is also the past tense of курить (to smoke): the plural forms are safe in any
    # case, but the bare genitive "Курил" counts only capitalised (see guard.ru-smoking).
    _rule(
        "ru.kurils",
        "strong",
        "group",
        "Курилы",
        B + r"курил(?:ы|ам|ами|ах)" + E,
        ("курил",),
        anchored_start=True,
    ),
    # The southern islands "of the ridge" unnamed («у южных островов гряды»), never another
    # ridge's named after it (гряды Рюкю).
    _rule(
        "ru.southern-islands-of-the-ridge",
        "strong",
        "group",
        "Курилы",
        B
        + r"южн\w+\s+остров\w*\s+гряд\w*(?![\w-])(?![ \t]+(?-i:[А-ЯЁA-Z]))"
        + r"(?![ \t]+\w+[ \t]+(?-i:[А-ЯЁ]))",
        ("южн",),
        anchored_start=True,
    ),
    _rule(
        "ru.kurils-gen",
        "strong",
        "group",
        "Курилы",
        B + r"курил" + E,
        ("курил",),
        anchored_start=True,
    ),
    _rule(
        "ru.kurilsk",
        "strong",
        "group",
        "Курилы",
        r"\w*курильск\w*|" + B + r"курильчан\w*",
        ("курил",),
    ),
    _rule(
        "ru.northern-territories",
        "weak",
        "group",
        "Северные территории",
        B + r"северн\w+\s+территори\w*",
        ("территори",),
    ),
    # In quotes, the Japanese name as Russian quotes it («северные территории»): beside
    # Japan, Japan's own (unquoted, the phrase is also Russia's own North).
    _rule(
        "ru.northern-territories-quoted",
        "weak",
        "group",
        "Северные территории",
        r"[«\"„“]северн\w+\s+территори\w*[»\"“”]",
        ("«", '"', "„", "“"),
        needs=("dispute", "both", "japan"),
    ),
    _rule(
        "ja.hoppo-ryodo",
        "strong",
        "group",
        "北方領土",
        r"北方領土|北方(?:四|4|４)島",
        ("北方",),
        anchored_start=True,
    ),
    _rule(
        "ja.chishima",
        "strong",
        "group",
        "千島",
        r"千島列島|南千島|北千島|中千島|千島・歯舞",
        ("千島",),
    ),
    _rule("ja.chishima-bare", "weak", "group", "千島", r"千島", ("千島",), anchored_start=True),
    _rule(
        "ja.kuril",
        "strong",
        "group",
        "クリル",
        # (and クリール, a long-vowel spelling some papers use: クリール諸島)
        r"(?:南|北)?クリー?ル(?:諸島|列島)|南クリー?ル|クリリスク",
        ("クリル", "クリール", "南クリル", "南クリール", "北クリル", "北クリール", "クリリスク"),
    ),
    # A bare クリル is also krill (クリルオイル): it counts only in context.
    _rule("ja.kuril-bare", "weak", "group", "クリル", r"クリル", ("クリル",), anchored_start=True),
    # Exchanges that exist only for the four islands.
    _rule(
        "ja.exchanges",
        "strong",
        "group",
        "北方領土",
        # (and the exchanges' house on Kunashir by its nickname, ムネオハウス)
        r"ビザなし交流|北方墓参|北方四島交流|ムネオハウス",
        ("ビザなし交流", "北方墓参", "北方四島交流", "ムネオハウス"),
        anchored_start=True,
    ),
    # The return campaign's own institutions: their news is the dispute's (the Northern
    # Territories Issue Association's budget, Nemuro's 「四島のかけはし」 exhibition).
    _rule(
        "ja.campaign",
        "strong",
        "group",
        "北方領土",
        r"北方領土問題対策協会|四島のかけはし|千島歯舞諸島居住者連盟|北方領土復帰期成同盟"
        r"|北方四島交流センター",
        (
            *("北方領土問題対策協会", "四島のかけはし", "千島歯舞諸島居住者連盟"),
            *("北方領土復帰期成同盟", "北方四島交流センター"),
        ),
        anchored_start=True,
    ),
    _rule(
        "ja.weak",
        "weak",
        "group",
        "北方領土",
        r"四島|(?:2|２|二)島(?:返還|先行|引き渡し)",
        ("四島", "島"),
    ),
    # The former islanders, unnamed islands and all (元島民ら洋上慰霊, from Nemuro): with
    # Japan beside them, the Northern Territories' (another island's are guarded:
    # 硫黄島の元島民).
    # The exchanges' own ship, 「えとぴりか」 (hiragana; the puffin is エトピリカ): with Japan
    # beside it, only the islands' story.
    _rule(
        "ja.exchange-ship",
        "weak",
        "group",
        "北方領土",
        r"えとぴりか",
        ("えとぴりか",),
        needs=("dispute", "both", "japan"),
        anchored_start=True,
    ),
    _rule(
        "ja.former-islanders",
        "weak",
        "group",
        "北方領土",
        r"元島民",
        ("元島民",),
        needs=("dispute", "both", "japan"),
    ),
    # The visa-free exchanges by another of their names (ビザなし渡航による墓参): visa-free
    # travel anywhere else too (中国へのビザなし渡航), so only with the dispute or both sides.
    _rule(
        "ja.visa-free-travel",
        "weak",
        "group",
        "北方領土",
        r"ビザなし(?:渡航|訪問)",
        ("ビザなし",),
        anchored_start=True,
    ),
    # Joint economic activities: agreed by Japan and Russia in 2016 for the four islands
    # only (tours, fish farms, greenhouses there); with both sides named, theirs.
    _rule(
        "en.joint-activities",
        "weak",
        "group",
        "joint economic activities",
        *_lat(("joint\\s+economic\\s+(?:activit(?:y|ies)|projects?|ventures?|development)",)),
        anchored_start=True,
    ),
    _rule(
        "ru.joint-activities",
        "weak",
        "group",
        "совместная хозяйственная деятельность",
        B + r"совместн\w+\s+(?:хозяйственн|экономическ)\w+\s+деятельност\w*",
        ("совместн",),
        anchored_start=True,
    ),
    _rule(
        "ja.joint-activities",
        "weak",
        "group",
        "共同経済活動",
        r"共同経済活動",
        ("共同経済活動",),
        anchored_start=True,
    ),
]

RULES: list[Rule] = _place_rules() + GROUP_RULES

# 安全操業, the safe-operation fishing regime of the islands' waters, and not the words'
# everyday sense: a fishing crew's or a factory's safe working (安全操業の講習会, 工場の安全操業).
_SAFE_OPERATION_JA = (
    r"(?<!工場の)(?<!工場)(?<!工場での)(?<!施設の)(?<!設備の)(?<!プラントの)(?<!原発の)"
    r"(?<!製油所の)(?<!炉の)安全操業"
    r"(?!\s*(?:の|に向けた|を)?(?:講習|研修|訓練|教室|指導|意識|宣言|週間|大会|推進|管理|体制|教育"
    r"|マニュアル|徹底|呼びかけ|できな|できず|できる|に支障"
    # 安全操業が確保できず: operating safely could not be ensured, the everyday sense again
    r"|(?:が|を)(?:十分に?)?確保(?:でき|され)(?:な|ず)))"
)
# --- Context: the dispute without a name, and the two sides ------------------------------
CONTEXT_RULES: list[Rule] = [
    _rule(
        "en.dispute",
        "context",
        "dispute",
        "territorial dispute",
        *_lat(
            (
                "territorial\\s+(?:dispute|issue|row|question|problem|claim)s?",
                "peace\\s+treaty",
                # (where they are between: "disputed Pacific islands")
                "disputed\\s+(?:(?:north\\s+)?pacific\\s+|northern\\s+|southern\\s+|russian-held\\s+)?"
                "islands?",
                # "one of four Japanese islands held by Russia"
                "islands?\\s+held\\s+by\\s+(?:russia|moscow|the\\s+soviet\\s+union)",
                "four\\s+islands",
                "two\\s+islands",
                # (off its east only: Rishiri and Rebun are "islands off northern Hokkaido")
                "islands?\\s+(?:\\w+\\s+){0,2}(?:off|northeast\\s+of|near)\\s+"
                "(?:(?:north)?east(?:ern)?\\s+)?hokkaido",
                # "the islands that Soviet troops occupied in 1945"
                "islands?\\s+(?:that\\s+|which\\s+)?(?:the\\s+)?(?:soviet|red\\s+army)\\s+"
                "(?:troops\\s+|forces\\s+|soldiers\\s+|union\\s+)?(?:occupied|seized|captured|took)",
                "russian-(?:held|controlled|occupied)\\s+(?:islands?|islets?|isles|reefs?|rocks?|waters)",
                # "an islet ... that Russia controls and Japan claims"
                *(
                    f"{noun}\\s+(?:[\\w,-]+\\s+){{0,6}}?(?:(?:that|which)\\s+)?(?:(?:russia|moscow)\\s+"
                    "(?:controls|holds|administers|occupies)"
                    "|(?:japan|tokyo)\\s+claims\\s+(?:and|but)\\s+(?:russia|moscow)\\s+"
                    "(?:controls|holds|administers|occupies))"
                    for noun in ("islands?", "islets?", "isles", "reefs?", "waters")
                ),
                "islands?\\s+(?:claimed|seized|occupied)\\s+by",
                # "part of the territory Japan claims"
                *(
                    f"{noun}\\s+(?:that\\s+|which\\s+)?(?:japan|tokyo)\\s+claims\\b"
                    for noun in ("territory", "territories")
                ),
                # "waters that Tokyo regards as its own but which Moscow has controlled"
                *(
                    f"{noun}\\s+(?:that\\s+|which\\s+)?(?:japan|tokyo)\\s+(?:regards|considers|sees)"
                    "\\s+as\\s+(?:its\\s+own|japanese)"
                    for noun in ("islands?", "islets?", "waters", "territory", "territories")
                ),
                "islands'?\\s+return",
                "return\\s+of\\s+the(?:\\s+four)?\\s+islands",
                "soviet\\s+(?:seizure|occupation)\\s+of",
                # (a takeover of islands only: "the Soviet takeover of a resource-rich chain
                # of islands in northern Japan")
                "soviet\\s+takeover\\s+of\\s+(?:[\\w-]+\\s+){0,4}?islands",
                # "entered Russia-controlled, but disputed, waters off Hokkaido"
                "russia(?:n)?-controlled,?\\s+(?:but\\s+)?disputed,?\\s+waters",
                "disputed\\s+waters\\s+(?:off|near|around)\\s+(?:(?:north)?east(?:ern)?\\s+)?hokkaido",
                "russian\\s+(?:seizure|occupation)\\s+of",
                "1956\\s+(?:joint\\s+)?declaration",
                "japan-soviet\\s+joint\\s+declaration",
                # The fishing arrangements that exist only for the islands' waters.
                "safe[- ](?:operation|fishing)\\s+(?:agreement|accord|framework|deal|pact)",
                # "an agreement on safe operation": the match starts at "safe", so the screen
                # needs no anchor as common as "agreement"
                "safe(?:"
                + "|".join(
                    f"(?<={pact} on {the}safe)"
                    for pact in ("agreement", "agreements", "accord", "pact", "deal")
                    for the in ("", "the ")
                )
                + ")\\s+(?:operation|fishing)",
                "bilateral\\s+(?:fishing|fisheries|fishery)\\s+(?:agreement|accord|deal)",
                # the safe-operation agreement by its year: "under the 1998 agreement"
                "1998\\s+(?:(?:safe[- ]operation|fishing|fisheries|fishery|bilateral)\\s+)?"
                "(?:agreement|accord|framework|pact)",
                "intergovernmental\\s+(?:fishing|fisheries|fishery)\\s+(?:agreement|accord)",
                # Russia detaining Japanese fishing boats: in the islands' waters.
                "detain(?:s|ed|ing)?\\s+(?:\\w+\\s+){0,2}(?:japanese|hokkaido|nemuro|rausu)[\\w-]*\\s+"
                "(?:\\w+\\s+)?(?:boat|vessel|trawler|ship|crew|fishermen|fishers|sailors)s?",
                "seiz(?:e|es|ed|ing)\\s+(?:\\w+\\s+){0,2}(?:japanese|hokkaido|nemuro|rausu)[\\w-]*\\s+"
                "(?:\\w+\\s+)?(?:boat|vessel|trawler|ship|crew|fishermen|fishers|sailors)s?",
                *(
                    f"{whose}[\\w-]*\\s+(?:\\w+\\s+){{0,2}}(?:boat|vessel|trawler|fishermen)s?\\s+"
                    "(?:\\w+\\s+){0,5}(?:detained|seized|captured)"
                    for whose in ("japanese", "nemuro", "rausu")
                ),
                "kelp\\s+(?:harvest|fishing)\\s+(?:off|near|around)\\s+(?:a|an|the)?\\s*"
                "(?:russian-(?:held|controlled)\\s+)?(?:islet|island)",
            )
        ),
        anchored_start=True,
    ),
    _rule(
        "en.japan",
        "context",
        "japan",
        "Japan",
        # Nemuro is Japan's own town facing the islands, as 根室 is in Japanese.
        *_lat(("japan", "japanese", "tokyo", "hokkaido", "nemuro")),
        anchored_start=True,
    ),
    _rule(
        "en.russia",
        "context",
        "russia",
        "Russia",
        # The FSB and its border service are Russia's ("border guards detained a Japanese
        # schooner" names Russia without the word).
        # and its forces by name ("the Pacific Fleet's press service")
        *_lat(
            (
                *("russian?", "moscow", "soviet", "kremlin", "ussr", "fsb"),
                *("pacific\\s+fleet", "eastern\\s+military\\s+district"),
            )
        ),
        anchored_start=True,
    ),
    # Words that name both sides at once: the relations, and the one fishing regime that
    # exists only between Japan and Russia around the islands.
    _rule(
        "en.bilateral",
        "context",
        "bilateral",
        "Japan and Russia",
        *_lat(
            (
                "japan-russia",
                "japan-soviet",
                "russo-japanese",
                "japanese-russian",
                "russian-japanese",
                "soviet-japanese",
                "safe[- ]operation",
            )
        ),
        anchored_start=True,
    ),
    _rule(
        "ru.bilateral",
        "context",
        "bilateral",
        "Япония и Россия",
        B + r"(?:российско-японск|японо-российск|советско-японск|японо-советск)\w*",
        ("российско-японск", "японо-российск", "советско-японск", "японо-советск"),
        anchored_start=True,
    ),
    _rule(
        "ja.bilateral",
        "context",
        "bilateral",
        "日ロ",
        rf"日ロ|日露|日ソ|{_SAFE_OPERATION_JA}",
        ("日ロ", "日露", "日ソ", "安全操業"),
        anchored_start=True,
    ),
    _rule(
        "ru.dispute",
        "context",
        "dispute",
        "территориальный спор",
        B
        + r"(?:территориальн\w+\s+(?:спор|вопрос|проблем|претензи|притязани)\w*"
        + r"|мирн\w+\s+договор\w*|спорн\w+\s+остров\w*"
        + r"|(?:претензи|притязани)\w*\s+на\s+(?:\w+\s+)?остров\w*"
        + r"|(?:возвращени|передач|принадлежност)\w*\s+(?:\w+\s+)?остров\w*"
        + r"|декларац\w+\s+1956|1956\s+год\w*"
        + r"|соглашени\w+\s+о\s+(?:безопасн\w+\s+)?(?:промысл|ведени\w+\s+промысл)\w*"
        + r"|межправсоглашени\w*"
        # the islands "which Japan calls …" (the Northern Territories, Kunasiri); the match
        # starts at Japan's word, so the screen needs no anchor as common as «который»
        + r"|(?<=в\s)японии\s+называ\w+|японц\w*\s+называ\w+|японск\w+\s+сторон\w*\s+называ\w+"
        # the safe-operation agreement by its year: «промысел по соглашению 1998 года»
        + r"|(?:межправительственн\w+\s+)?соглашени\w+\s+(?:от\s+)?1998\s+год\w*"
        # Russia detaining Japanese fishing boats: in the islands' waters.
        + r"|задерж\w+\s+(?:\w+\s+){0,2}японск\w+\s+(?:\w+\s+)?"
        + r"(?:шхун|судн|траулер|сейнер|рыбак|лодк)\w*"
        + r"|японск\w+\s+(?:\w+\s+)?(?:шхун|судн|траулер|сейнер|лодк)\w*\s+(?:\w+\s+){0,4}задерж\w*"
        # a boat "from Nemuro" (Hokkaido) detained, without the word "Japanese"
        + r"|задерж\w+\s+(?:\w+\s+){0,2}(?:шхун|судн|траулер|сейнер|лодк)\w*\s+(?:\w+\s+){0,2}"
        + r"из\s+(?:немуро|нэмуро|раусу|хоккайдо)"
        # a place Japan claims ("на который претендует Япония") or the islands it claims
        + r"|претенду\w+\s+(?:\w+\s+)?(?:япони\w*|токио)(?!\w)"
        + r"|претенду\w+\s+на\s+(?:\w+\s+)?(?:остров\w*|итуруп|кунашир|шикотан|хабомаи|курил)\w*"
        # Japan's claim in its own words, as Moscow quotes it: the four islands its
        # "inherent territory", "illegally occupied"
        + r"|четыр\w+\s+(?:спорн\w+\s+|южн\w+\s+)?остров\w*"
        + r"|исконн\w+\s+(?:японск\w+\s+)?территори\w*|незаконно\s+оккупир\w*"
        + r"|незаконн\w+\s+оккупаци\w*"
        # «островов у северо-восточной оконечности Хоккайдо», «острова к северо-востоку от
        # Хоккайдо» (never its north: Ребун, Рисири)
        + r"|остров\w*\s+(?:\w+\s+){0,2}?(?:у|близ|вблизи|около|возле)\s+"
        + r"(?:(?:северо-)?восточн\w+\s+(?:оконечност|побережь|берег)\w*\s+)?хоккайдо"
        + r"|остров\w*\s+(?:\w+\s+){0,2}?к\s+(?:северо-)?востоку\s+от\s+хоккайдо)",
        (
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
            "соглашени",
            "межправсоглашени",
            "межправительственн",
            "японии",
            "японц",
            "задерж",
            "японск",
            "претенду",
            *("четыр", "исконн", "незаконно", "незаконн", "остров"),
        ),
        anchored_start=True,
    ),
    _rule(
        "ru.japan",
        "context",
        "japan",
        "Япония",
        B + r"(?:япон\w*|токио|хоккайдо|немуро|нэмуро)" + E,
        ("япон", "токио", "хоккайдо", "немуро", "нэмуро"),
        anchored_start=True,
    ),
    _rule(
        "ru.russia",
        "context",
        "russia",
        "Россия",
        # Russia's own institutions too: its defence ministry, its Geographical Society
        # (РГО), its Pacific Fleet, its Eastern Military District.
        B
        + r"(?:росси\w*|москв\w*|кремл\w*|ссср|советск\w*|рф|фсб|погран\w*|минобороны|рго"
        + r"|русск\w+\s+географическ\w*|тоф|тихоокеанск\w+\s+флот\w*"
        + r"|восточн\w+\s+военн\w+\s+округ\w*"
        # and the Sakhalin region's own authorities («Сахалинский минтранс»)
        + r"|сахалинск\w+\s+(?:област\w*|минтранс\w*|правительств\w*|власт\w*"
        + r"|министерств\w*|губернатор\w*|администраци\w*))"
        + E,
        (
            *("росси", "москв", "кремл", "ссср", "советск", "рф", "фсб", "погран"),
            *("минобороны", "рго", "русск", "тоф", "тихоокеанск", "восточн", "сахалинск"),
        ),
        anchored_start=True,
    ),
    _rule(
        "ja.dispute",
        "context",
        "dispute",
        "領土問題",
        r"領土問題|平和条約|領土交渉|返還|実効支配|不法占拠|占拠|日ソ共同宣言|二つの島"
        rf"|(?:2|２|二)島|{_SAFE_OPERATION_JA}"
        r"|中間ライン|漁船.{0,20}(?:拿捕|連行)|(?:拿捕|連行)され.{0,10}漁船"
        # Tokyo's protest formula (「わが国の立場と相いれない」), and the islanders driven off
        # their islands by the Soviet landing (故郷の島を追われた, ソ連兵が上陸した)
        r"|(?:わが国|我が国|日本)の(?:法的)?立場(?:と相いれ|と相容れ|に反)"
        r"|(?:故郷の)?島(?:を|から)追われ|ソ連(?:軍|兵)(?:が|の)(?:島に)?上陸"
        # a boat named by its name only (「第8北洋丸」), taken by Russia's border guards
        r"|国境警備[^。]{0,20}(?:拿捕|連行)"
        # the islands named by where they are: 「北海道東方の島を訪れた」
        r"|北海道(?:の)?(?:東方|北東|東)(?:沖)?の(?:島|島々)"
        # or viewed from Cape Nosappu, the campaign's lookout, or from a boat out of Nemuro or
        # Rausu: 納沙布岬から沖合の島々を視察, 根室港を出港し、島々を望む海上で慰霊式
        r"|(?:納沙布岬|根室|羅臼|標津|野付)[^。]{0,25}?(?:島々|島影|四島)を(?:望|眺|見渡|視察)"
        # a memorial at sea off Nemuro, the former islanders' for the graves they cannot visit
        r"|(?:納沙布岬|根室)[^。]{0,30}?洋上(?:で)?(?:の)?慰霊",
        (
            "領土",
            "平和条約",
            "返還",
            "実効支配",
            "占拠",
            "日ソ共同宣言",
            "島",
            "安全操業",
            "中間ライン",
            "漁船",
            "国境警備",
            "北海道",
            "洋上",
            *("立場", "追われ", "ソ連"),
        ),
    ),
    _rule(
        "ja.japan",
        "context",
        "japan",
        "日本",
        r"日本|日ロ|日露|政府|内閣府|首相|外相|外務省|官房長官|北海道|根室|自民党",
        (
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
        anchored_start=True,
    ),
    _rule(
        "ja.russia",
        "context",
        "russia",
        "ロシア",
        # (露 alone, never inside another word: 披露, 暴露, 結露, 玉露, 露出, 露天, 露店)
        r"ロシア|(?<![披暴吐結甘朝夜発白玉雨草])露(?![出天骨店呈見頭営光地])"
        r"|ソ連|ソビエト|日ロ|日ソ|国境警備|連邦保安庁",
        ("ロシア", "露", "ソ連", "ソビエト", "日ロ", "日ソ", "国境警備", "連邦保安庁"),
        anchored_start=True,
    ),
]

# Fishing in the islands' waters: what the story is about (fishing, up front) and the
# arrangements that exist only there (the private kelp agreement, permits from Russia,
# its border guards watching). With both, the islands named only in the body are where
# the boats work, not an aside (see `match._decide`).
_FISHING_EN = (
    *("fishing", "fishermen", "fishers", "harvest\\w*", "catch(?:es)?", "trawl\\w*"),
    *("boats", "vessels", "flotilla", "fleet", "crab(?:s|bing|bers)?", "kelp", "kombu"),
    *("sea\\s+urchins?", "scallops?", "salmon", "saury", "octopus", "pollock", "grounds"),
)
_WATERS_EN = (
    "private(?:-sector)?\\s+(?:\\w+\\s+){0,2}(?:agreement|accord|deal|pact|arrangement)s?",
    "safe[- ]operation",
    "bilateral\\s+(?:fishing|fisheries|fishery)",
    "intergovernmental\\s+(?:fishing|fisheries|fishery)",
    *(
        f"{what}\\s+(?:agreement|accord|deal)s?"
        for what in ("fishing", "kelp", "kombu", "fisheries")
    ),
    "russian(?:-issued)?\\s+(?:\\w+\\s+)?(?:permits?|licen[cs]es?|quotas?)",
    # ("permits issued by Russian authorities", "talks with Russian officials")
    "permits?\\s+(?:\\w+\\s+){0,2}by\\s+(?:the\\s+)?russian",
    *(
        f"{talks}\\s+with\\s+(?:the\\s+)?russian\\s+(?:officials|authorities|side|counterparts)"
        for talks in ("negotiations", "talks")
    ),
    "border\\s+guards?",
    "coast\\s*guard\\s+(?:boats?|ships?|vessels?)",
    "patrol\\s+(?:boats?|ships?|vessels?)",
    "fees?\\s+(?:\\w+\\s+){0,3}(?:russia|moscow)",
    "payments?\\s+(?:\\w+\\s+){0,3}(?:russia|moscow)",
    "pay\\s+(?:russia|moscow)",
    "median\\s+line",
    # "a framework Japan and Russia agreed in 1998"
    *(
        f"{what}s?\\s+(?:\\w+\\s+){{0,2}}(?:japan\\s+and\\s+russia|tokyo\\s+and\\s+moscow"
        "|the\\s+two\\s+(?:countries|sides|governments))"
        for what in ("framework", "agreement", "accord", "arrangement")
    ),
)
# Read only when a decision needs them (names further down than the lead): most items are
# settled before, and these words are common.
WATERS_RULES: list[Rule] = [
    _rule("en.fishing", "context", "fishing", "fishing", *_lat(_FISHING_EN), anchored_start=True),
    _rule(
        "en.waters",
        "context",
        "waters",
        "the islands' waters",
        *_lat(_WATERS_EN),
        anchored_start=True,
    ),
    _rule(
        "ru.fishing",
        "context",
        "fishing",
        "промысел",
        B
        + r"(?:промысл\w*|промысел|рыбак\w*|рыболов\w*|рыбопромышл\w*|ламинари\w*"
        + r"|морск\w+\s+капуст\w*|комбу|краб\w*|морск\w+\s+еж\w*|вылов\w*|улов\w*|шхун\w*"
        + r"|сейнер\w*|(?-i:путин[аыеуо]\w*))",
        (
            *("промысл", "промысел", "рыбак", "рыболов", "рыбопромышл", "ламинари", "морск"),
            *("комбу", "краб", "вылов", "улов", "шхун", "сейнер", "путин"),
        ),
        anchored_start=True,
    ),
    _rule(
        "ru.waters",
        "context",
        "waters",
        "воды островов",
        B
        + r"(?:соглашени\w*|договор[её]нност\w*|погранич\w+|погранслужб\w*|квот\w*"
        + r"|российск\w+\s+(?:разрешени|лиценз)\w*"
        + r"|плат\w*\s+(?:за\s+)?(?:\w+\s+)?(?:россии|москве))",
        ("соглашени", "договор", "погранич", "погранслужб", "квот", "российск", "плат"),
        anchored_start=True,
    ),
    _rule(
        "ja.fishing",
        "context",
        "fishing",
        "漁",
        r"漁|コンブ|昆布|ウニ|カニ|サケ|マス|ホタテ|タコ|サンマ",
        ("漁", "コンブ", "昆布", "ウニ", "カニ", "サケ", "マス", "ホタテ", "タコ", "サンマ"),
        anchored_start=True,
    ),
    _rule(
        "ja.waters",
        "context",
        "waters",
        "四島周辺水域",
        rf"民間協定|民間取り決め|協定|{_SAFE_OPERATION_JA}|採取料|協力金|入漁料|国境警備|監視船"
        r"|実効支配|中間ライン|許可証",
        (
            *("民間協定", "民間取り決め", "協定", "安全操業", "採取料", "協力金", "入漁料"),
            *("国境警備", "監視船", "実効支配", "中間ライン", "許可証"),
        ),
        anchored_start=True,
    ),
]

# What a former islander's story tells beside the birthplace: a birthplace with none of it
# (an obituary, a profile) is only where someone was born.
CONTEXT_RULES.append(
    _rule(
        "ja.islanders",
        "context",
        "islanders",
        "元島民",
        r"元島民|島民|故郷の島|ふるさとの島|引き揚げ|引揚げ|強制退去|強制送還|墓参|ビザなし|返還運動"
        r"|語り部|ソ連軍|ソ連兵",
        (
            *("元島民", "島民", "故郷の島", "ふるさとの島", "引き揚げ", "引揚げ", "強制退去"),
            *("強制送還", "墓参", "ビザなし", "返還運動", "語り部", "ソ連軍", "ソ連兵"),
        ),
        anchored_start=True,
    )
)
# And in English and Russian: a campaigner's obituary, a quiz on the return movement.
CONTEXT_RULES += [
    _rule(
        "en.islanders",
        "context",
        "islanders",
        "former islanders",
        *_lat(
            (
                "former\\s+(?:japanese\\s+)?(?:islanders|island\\s+residents|residents)",
                "grave[\\s-]+visits?",
                "return\\s+movement",
                "campaign(?:ed|s|ing|er|ers)?\\s+for\\s+(?:the\\s+)?return",
            )
        ),
        anchored_start=True,
    ),
    _rule(
        "ru.islanders",
        "context",
        "islanders",
        "бывшие жители островов",
        B
        + r"(?:бывш\w+\s+(?:японск\w+\s+)?(?:жител|островитян)\w*"
        + r"|посещени\w+\s+(?:могил|захоронени)\w*|движени\w+\s+за\s+возвращени\w*)",
        ("бывш", "посещени", "движени"),
        anchored_start=True,
    ),
]

# --- Other subjects: a story whose headline names one of these is about it, and a name of
# the islands in its text is a passing mention unless it comes back throughout. The kinds:
# the neighbouring regions, the other territorial disputes, the straits the islands border.
_TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "Kamchatka": {
        "en": ("kamchatka", "petropavlovsk"),
        "ru": ("камчат", "петропавловск"),
        "ja": ("カムチャツカ", "カムチャッカ", "ペトロパブロフスク"),
    },
    "Takeshima": {
        "en": ("takeshima", "dokdo", "tokdo", "liancourt\\s+rocks"),
        # Russian stems: the names decline («Дня Такэсимы», «у Сэнкаку» does not).
        "ru": ("такэсим", "такесим", "такешим", "токто", "докдо", "лианкур"),
        "ja": ("竹島", "独島"),
    },
    "the Senkaku Islands": {
        "en": ("senkakus?", "diaoyu"),
        "ru": ("сенкаку", "сэнкаку", "дяоюйда"),
        "ja": ("尖閣",),
    },
    "La Pérouse Strait": {
        "en": ("la\\s+p[eé]rouse", "soya\\s+strait"),
        "ru": ("лаперуз",),
        "ja": ("宗谷海峡", "ラペルーズ"),
    },
    "Okinawa": {"en": ("okinawa",), "ru": ("окинав",), "ja": ("沖縄",)},
    # Other islands returned to Japan, whose anniversaries recall the ones not returned.
    "the Ogasawara Islands": {
        "en": ("ogasawara", "bonin\\s+islands?", "chichijima"),
        "ru": ("огасавар", "бонин"),
        "ja": ("小笠原", "父島"),
    },
    "the South China Sea": {
        "en": ("south\\s+china\\s+sea", "spratlys?", "paracels?", "scarborough\\s+shoal"),
        "ru": ("южно-китайск\\w+\\s+мор", "спратли", "парасел", "скарборо"),
        "ja": ("南シナ海", "南沙諸島", "西沙諸島", "スプラトリー", "パラセル", "スカボロー"),
    },
    "the Falklands": {
        "en": ("falklands?", "malvinas"),
        "ru": ("фолкленд", "мальвин"),
        "ja": ("フォークランド", "マルビナス"),
    },
    "Crimea": {"en": ("crimea",), "ru": ("крым",), "ja": ("クリミア",)},
    # Other territorial disputes the islands are compared with.
    "Hans Island": {"en": ("hans\\s+island",), "ru": ("остров\\w*\\s+ганс",), "ja": ("ハンス島",)},
    "Essequibo": {"en": ("essequibo",), "ru": ("эссекибо",), "ja": ("エセキボ",)},
    "Kashmir": {"en": ("kashmir",), "ru": ("кашмир",), "ja": ("カシミール",)},
    "Armenia and Azerbaijan": {
        "en": ("armenia", "azerbaijan", "karabakh"),
        "ru": ("армени", "азербайджан", "карабах"),
        "ja": ("アルメニア", "アゼルバイジャン", "カラバフ"),
    },
    # Other countries' lands lost in the war, which Japanese calls their "northern
    # territories" (フィンランドの「北方領土」カレリア).
    "Karelia": {"en": ("karelia",), "ru": ("карели",), "ja": ("カレリア",)},
    "East Prussia": {
        "en": ("east\\s+prussia", "k[oö]nigsberg"),
        "ru": ("восточн\\w+\\s+прусси", "кенигсберг"),
        "ja": ("東プロイセン", "ケーニヒスベルク"),
    },
    "Gibraltar": {"en": ("gibraltar",), "ru": ("гибралтар",), "ja": ("ジブラルタル",)},
    "the Chagos Islands": {"en": ("chagos",), "ru": ("чагос",), "ja": ("チャゴス",)},
    "the Arctic": {"en": ("arctic",), "ru": ("арктик", "арктич"), "ja": ("北極",)},
    "krill": {"en": ("krill",), "ru": ("криль",), "ja": ("オキアミ",)},
    "China": {"en": ("china", "chinese", "beijing"), "ru": ("кита", "пекин"), "ja": ("中国",)},
    "North Korea": {
        "en": ("north\\s+korea", "pyongyang"),
        "ru": ("кндр", "северн\\w+\\s+коре", "пхеньян"),
        "ja": ("北朝鮮",),
    },
    "Ukraine": {"en": ("ukrain", "kyiv", "kiev"), "ru": ("украин", "киев"), "ja": ("ウクライナ",)},
}

TOPIC_RULES: list[Rule] = [
    Rule(
        f"{lang}.topic:{topic}",
        lang,
        "topic",
        "topic",
        topic,
        _re(B + f"(?:{'|'.join(names)})" if lang != "ja" else "|".join(names)),
        _anchors(names),
        anchored_start=True,
    )
    for topic, by_lang in _TOPICS.items()
    for lang, names in by_lang.items()
]


# --- Guards ------------------------------------------------------------------------------
_VESSEL_EN = (
    r"(?:ship|vessel|reefer|trawler|freighter|tanker|ferry|frigate|destroyer|icebreaker|boat"
    r"|carrier|cruiser|steamer|liner|corvette|submarine|tug|kaib[oō]kan|seiner|longliner)s?"
)
_VESSEL_RU = (
    r"(?:траулер|сухогруз|судн|теплоход|танкер|паром|корабл|рефрижератор|ледокол|фрегат"
    r"|транспорт|крейсер|корвет|буксир|сейнер|лайнер|пароход|яхт|шхун|катер|плавбаз)\w*"
)
_QUOTE_OPEN = r"[«\"„“']"
# Aircraft and trains take towns' names too (самолёт «Южно-Курильск»).
_AIRCRAFT_RU = r"(?:самол[её]т|авиалайнер|вертол[её]т|борт|поезд|электропоезд)\w*"
_SHIPS_EN = _names("en", ships=True)
_SHIPS_RU = _names("ru", ships=True)
_SHIPS_JA = _names("ja", ships=True)
_SHIP_WORDS_JA = r"(?:海防艦|駆逐艦|巡洋艦|乗組員|[0-9０-９一二三四五六七八九十]+隻)"
# A capitalised name, perhaps with its kanji in brackets, that is not one of the islands'.
_OTHER_NAME = rf"(?!(?i:{_SHIPS_EN})\b)[A-Z][a-z]+(?:\s*\([^)]{{0,12}}\))?"
_VESSEL_EN_ANCHORS = (
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
    "kaib",
    "seiner",
)


def _guard(
    id: str,
    lang: str,
    why: str,
    source: str,
    anchors: Iterable[str] | None,
    flags: int = re.IGNORECASE,
    *,
    scope: str = "span",
    effect: str = "look-alike",
    applies_to: tuple[str, ...] = (),
    unless: tuple[str, ...] = (),
    reach: int = 100,
    echoes: bool = False,
    alone: bool = False,
    unless_there: str = "",
) -> Guard:
    return Guard(
        id,
        lang,
        why,
        _re(source, flags),
        tuple(anchors) if anchors is not None else None,
        scope,
        effect,
        applies_to,
        unless,
        reach,
        echoes,
        alone,
        unless_there,
    )


_PLANTS_EN = (
    "tea",
    "larch(?:es)?",
    "cherr(?:y|ies)",
    "bamboo",
    "sasa",
    "roses?",
    "iris(?:es)?",
    "lil(?:y|ies)",
    "firs?",
    "pines?",
    "alders?",
    "willows?",
    "birch(?:es)?",
    "rhododendrons?",
    "shrubs?",
)
_ON_THE_ISLANDS_RU = (
    "аэропорт",
    "аэропорта",
    "аэропорту",
    "аэропортом",
    "аэропорте",
    "ТОР",
    "порт",
    "порта",
    "порту",
    "заповедник",
    "заказник",
)
_PLANTS_RU = (
    "ча[йяюе]",
    "лапчатк",
    "пятилистник",
    "лиственниц",
    "вишн",
    "сакур",
    "бамбук",
    "роз",
    "ирис",
    "лили",
    "пихт",
    "ольх",
    "берез",
    "бадан",
)
# What is said to come "from the Kuril Islands" when they are its origin, not its news.
_GROWN_EN = (
    "seeds?",
    "seedlings?",
    "saplings?",
    "cuttings?",
    "trees?",
    "larch(?:es)?",
    "cherr(?:y|ies)",
    "plants?",
    "shrubs?",
    "flowers?",
    "breeds?",
    "cats?",
    "kittens?",
    "strains?",
)
_NT_WHY = "the Northern Territories of Ghana, colonial Britain or Canada"
_NT_CUE_WORDS = (
    "ghana\\w*",
    "gold\\s+coast",
    "gambaga",
    "tamale",
    "ashanti",
    "togoland",
    "protectorate",
    "colonial",
    "canad\\w+",
    "yukon",
    "nunavut",
    "northwest\\s+territories",
    "yellowknife",
    "inuit",
    "australia\\w*",
    "darwin",
)
_NT_CUES = B + f"(?:{'|'.join(_NT_CUE_WORDS)})" + E
_NT_CUE_ANCHORS = _anchors(_NT_CUE_WORDS)

# --- The islands' names as the proper name of a business, a venue, a brand or a work ----
# (ресторан «Курилы», «Курилы» (ресторан), the "Kuril" restaurant, レストラン「クリル」).
# A business, venue or brand so named is not the islands: the hit is cancelled. A work (a
# film, a book, an album) so named may well be about them: the hit counts only in context.
_BUSINESSES = {
    "en": (
        "restaurants?",
        "caf[eé]s?",
        "bistros?",
        "bars?",
        "pubs?",
        "brewer(?:y|ies)",
        "bakery",
        "bakeries",
        "izakayas?",
        "diners?",
        "eatery",
        "hotels?",
        "inns?",
        "hostels?",
        "motels?",
        "resorts?",
        "shops?",
        "stores?",
        "boutiques?",
        "supermarkets?",
        "chains?",
        "brands?",
        "lagers?",
        "beers?",
        "vodkas?",
        "festivals?",
        "bands?",
        *("duos?", "trios?", "quartets?"),
        "nightclubs?",
        "start-?ups?",
        # a hacking group or its malware is named like a work, after anything at all
        "hacking\\s+(?:groups?|gangs?|crews?|campaigns?)",
        "hacker\\s+(?:groups?|gangs?)",
        "threat\\s+(?:groups?|actors?)",
        "cyber\\w*\\s+(?:groups?|gangs?)",
        "ransomware",
        "malware",
        "backdoors?",
        "code\\s*names?",
        "code-names?",
        "code-?named",
    ),
    "ru": (
        # Companies (ООО «Итуруп»), then venues, brands and bands.
        "компани\\w*",
        "ооо",
        "оао",
        "зао",
        "ао",
        "пао",
        "фирм\\w*",
        "предприяти\\w*",
        "холдинг\\w*",
        "стартап\\w*",
        "товарн\\w+\\s+знак\\w*",
        "завод\\w*",
        "торгов\\w+\\s+(?:дом|центр|сет|марк)\\w*",
        "ресторан\\w*",
        "кафе",
        "бар(?:а|у|ом|е|ы|ов)?",
        "бистро",
        "паб\\w*",
        "пиццери\\w*",
        "кофейн\\w*",
        "столов\\w*",
        "закусочн\\w*",
        "пекарн\\w*",
        "пивоварн\\w*",
        "гостиниц\\w*",
        "отел\\w*",
        "хостел\\w*",
        "мотел\\w*",
        "турбаз\\w*",
        # a housing estate (ЖК «Курилы»), a residential quarter or a business centre
        "жк",
        # a label or a marking on a tin (маркировка «Курилы»), a claim, not the place
        *("маркировк\\w*", "этикетк\\w*"),
        # canned fish and sweets sold under it (консервы «Курильские»)
        *("консерв\\w*", "конфет\\w*", "мороженое"),
        # a garden or a dacha society (СНТ «Курилы», садовое товарищество «Курилы»)
        *("снт", "днт", "тсн", "тсж", "дпк", "товариществ\\w*"),
        "жил\\w+\\s+комплекс\\w*",
        "микрорайон\\w*",
        "бизнес-центр\\w*",
        "магазин\\w*",
        "супермаркет\\w*",
        "бутик\\w*",
        "салон\\w*",
        "сет(?:ь|и|ью)",
        "бренд\\w*",
        "марк(?:а|и|е|у|ой)",
        "команд\\w*",
        "пив(?:о|а|у|ом)",
        "водк\\w*",
        "фестивал\\w*",
        "групп(?:а|ы|е|у|ой)",
        "ансамбл\\w*",
        "клуб\\w*",
    ),
    "ja": (
        "レストラン",
        "料理店",
        "飲食店",
        "居酒屋",
        "食堂",
        "喫茶店",
        "カフェ",
        "(?<![ァ-ヶー])バー",
        "すし店",
        "寿司店",
        "ラーメン店",
        "ホテル",
        "旅館",
        "民宿",
        "スナック",
        "ブランド",
        "銘柄",
        "焼酎",
        "日本酒",
        "ビール",
        "バンド",
        "フェス",
        "店名",
        "屋号",
    ),
}
_WORKS = {
    "en": (
        *("films?", "movies?", "documentar(?:y|ies)", "albums?", "songs?", "singles?"),
        *("novels?", "books?", "poems?", "plays?", "operas?", "paintings?", "memoirs?"),
        *("games?", "expansions?", "add-ons?", "episodes?", "podcasts?", "musicals?"),
    ),
    "ru": (
        *("фильм\\w*", "сериал\\w*", "спектакл\\w*", "альбом\\w*", "песн\\w*", "сингл\\w*"),
        *("роман\\w*", "повест\\w*", "книг\\w*", "стихотворени\\w*", "поэм\\w*"),
        "опер(?:а|ы|у|ой)",
        *("игр(?:а|ы|у|ой|е)", "дополнени\\w*", "мюзикл\\w*", "подкаст\\w*"),
        *("картин\\w*", "полотн\\w*", "гравюр\\w*", "этюд\\w*", "фотографи\\w*"),
    ),
    "ja": (
        *("映画", "ドラマ", "アルバム", "シングル", "楽曲", "小説", "詩集", "写真集", "舞台"),
        *("ヒット曲", "ヒット", "歌謡曲", "演歌", "曲", "歌", "作品", "絵画", "油彩画"),
        *("ゲーム", "拡張パック", "ミュージカル"),
    ),
}
# Nouns that take a bare name after them ("the band Kunashir", "the restaurant Kurils").
_NAMED_BARE_EN = (
    *("band", "duo", "trio", "quartet", "restaurant", "café", "cafe", "bistro", "brewery"),
    "brand",
)
# Capitalised nouns of a business that take its name before them ("the Kuril Hotel").
_TITLED_AFTER_EN = (
    *("Hotel", "Inn", "Hostel", "Motel", "Resort", "Restaurant", "Caf[eé]", "Bar", "Pub"),
    *("Brewery", "Bakery"),
)
# Those before it ("Hotel Kurilsky"; never "Bar", a headline's verb: "Courts Bar Kuril Trips").
_TITLED_BEFORE_EN = ("Hotel", "Hostel", "Motel", "Restaurant", "Caf[eé]")
# The names a business takes: the group's and each island's.
_BUSINESS_NAMES = {
    "en": rf"(?:{'|'.join(_KURILS_EN)}|northern\s+territories|{_SHIPS_EN})(?:\s+islands?)?",
    "ru": r"курил\w*|курильск\w*|южн\w+\s+курил\w*|" + _SHIPS_RU,
    "ja": r"北方領土|北方四島|千島列島|千島|南?クリル(?:諸島)?|" + _SHIPS_JA,
}
# Between a noun and the name, the words that describe it («ресторан морской кухни
# «Курилы»»), never those of the islands' development zone (резиденты ТОР «Курилы»).
_DESCRIBING_RU = r"(?:(?!(?:тор|зон|режим|территори|резидент|программ)\w*\s)[\w-]+\s+){0,3}"


# Every match holds the English noun, or the quotes around the name (or, in Japanese, an
# eatery's or an inn's word right before it).
_NAME_ANCHORS = {
    "en": _anchors(_BUSINESSES["en"]),
    "ru": ("«", '"', "„", "“", "'"),
    "ja": ("「", "居酒屋", "旅館", "民宿", "喫茶", "スナック"),
}


def _proper_name(
    lang: str, nouns: tuple[str, ...], *, bare: bool = False, titled: bool = False
) -> str:
    """A name of the islands as the proper name of one of `nouns`, in the word orders of
    the language: after the noun (in quotes, or "called"), or in quotes before it; with
    `titled`, also as the first word of a longer quoted title (「国後の灯」がヒット)."""
    noun = "(?:" + "|".join(nouns) + ")"
    name = f"(?:{_BUSINESS_NAMES[lang]})"
    # Most positions start with none of the letters a match can start with: one class
    # settles them before the alternation is tried (a tenth of the matcher's time).
    firsts = {re.sub(r"^\(\?<!\[[^]]*\]\)", "", n)[0] for n in nouns} | set("\"“‘'«„「")
    firsts |= {"居", "旅", "民", "喫", "ス"} | {c.upper() for c in firsts}
    start = "(?=[" + re.escape("".join(sorted(firsts))) + "])"
    if lang == "en":
        opening, closing = r"(?<!\w)[\"“‘']", r"[\"”’'](?!\w)"
        return (
            start
            + B
            # "its fourth album, "Shikotan"", "'Shikotan', an album about distance"
            + rf"(?:{noun},?\s+(?:(?:called|named|dubbed|titled|entitled|code-?named)\s+{opening}?"
            + rf"|{opening})"
            + rf"{name}|{opening}{name}{closing},?\s*(?:\(\s*)?(?:(?:a|an|the)\s+)?"
            + rf"(?:[\w-]+\s+){{0,2}}{noun}"
            + E
            # "the band Kunashir": a lower-case noun, then the name capitalised (a business's
            # nouns only: "the book Kunashir" is a work's title only in quotes).
            + (
                rf"|(?-i:{'|'.join(_NAMED_BARE_EN)})\s+(?-i:(?=[A-Z])){name}(?![\w'’])"
                if bare
                else ""
            )
            + ")"
        )
    if lang == "ru":
        # «Курилы» (ресторан), «Курилы» — ресторан, «Курилы», новый ресторан на 30 мест
        after_quote = r"[^»\"“”\n]{0,30}[»\"“”]\s*(?:\(\s*|[—–-]\s*|,\s+)(?:[\w-]+\s+){0,2}"
        return (
            start
            + B
            + rf"(?:{noun}\s+{_DESCRIBING_RU}(?:под\s+названием\s+)?{_QUOTE_OPEN}{name}"
            + f"|(?={_QUOTE_OPEN})"
            + "".join(f"(?<!{word} )" for word in _ON_THE_ISLANDS_RU)
            + rf"{_QUOTE_OPEN}{name}{after_quote}{noun})"
        )
    return (
        start
        + rf"(?:{noun}(?:の)?\s*「(?:{name})」"
        + rf"|「(?:{name})」\s*(?:という|って|の)?\s*(?:{noun}|店|本店)"
        + rf"|「(?:{name})」\s*[（(]\s*{noun}"
        # what it is, after は or 、: 「クリル」は30席の炉端焼き店
        + rf"|「(?:{name})」(?:は|、)[^。「」\n]{{0,15}}?{noun}"
        + rf"|(?:居酒屋|旅館|民宿|喫茶|スナック)(?:{name})(?!島|諸島|列島)"
        + (
            rf"|「(?:{name})[^「」\n]{{1,12}}」\s*(?:など|という|って)?(?:の|が)?\s*{noun}"
            if titled
            else ""
        )
        + ")"
    )


_NAME_OF_A_BUSINESS: list[Guard] = [
    *(
        _guard(
            f"guard.{lang}-business-name".replace("en-", ""),
            lang,
            why,
            _proper_name(lang, _BUSINESSES[lang], bare=True),
            _NAME_ANCHORS[lang],
            echoes=True,
        )
        for lang, why in (
            ("en", "the name of a business, a venue or a brand (a restaurant, a band)"),
            ("ru", "название компании, заведения или бренда (ресторан, гостиница, группа)"),
            ("ja", "the name of a business, a venue or a brand (a restaurant, a shōchū)"),
        )
    ),
    *(
        _guard(
            f"guard.{lang}-work-title".replace("en-", ""),
            lang,
            "the title of a film, a book or an album, not the islands themselves",
            _proper_name(lang, _WORKS[lang], titled=True),
            _anchors(_WORKS["en"]) if lang == "en" else _NAME_ANCHORS[lang],
            effect="demote",
        )
        for lang in ("en", "ru", "ja")
    ),
]

# --- The islands' names as the proper name of an animal or a place elsewhere --------------
# A racehorse (the filly Etorofu Star, エトロフスター, кобыла по кличке «Итуруп»), a street or
# a square (Kunashir Street, Курильская улица, улица Итурупская, 択捉通り), a train, a ship or a
# dog (択捉号, 国後丸) is not the islands. The guard's group `name` is the whole proper name:
# written again anywhere in the text ("Etorofu Star takes the cup"), it is the same animal.
_ANIMALS_EN = (
    "racehorses?",
    "horses?",
    "fill(?:y|ies)",
    "colts?",
    "mares?",
    "stallions?",
    "geldings?",
    "thoroughbreds?",
    "trotters?",
    "sires?",
    "ponies",
    "pony",
    "dogs?",
    "pupp(?:y|ies)",
    "huskies",
    "husky",
    "kittens?",
    "cubs?",
    "walrus(?:es)?",
    "orcas?",
)
# What a street, a square or another place of a town is called after its name.
_STREETS_EN = (
    "Street",
    "St\\.",
    "Avenue",
    "Ave\\.",
    "Road",
    "Rd\\.",
    "Lane",
    "Square",
    "Boulevard",
    "Prospekt",
    "Prospect",
    "Alley",
    "Drive",
    "Embankment",
)
_NAMED_PLACES_EN = ("streets?", "squares?", "avenues?", "roads?", "schools?", "teams?", "clubs?")
_PROPER_NAME_EN = rf"(?:{_BUSINESS_NAMES['en']})(?:\s+(?-i:[A-Z][\w'’-]*)){{0,2}}"
_STREETS_RU = (
    "улиц\\w*",
    "ул\\.",
    "переул\\w*",
    "пер\\.",
    "проезд\\w*",
    "проспект\\w*",
    "просп\\.",
    "пр-т\\w*",
    "бульвар\\w*",
    "б-р",
    "площад\\w*",
    "пл\\.",
    "набережн\\w*",
    "наб\\.",
    "шоссе",
    "тупик\\w*",
    "алле\\w*",
    "микрорайон\\w*",
    "мкр\\.",
)
# Adjectives a street takes from the islands (Курильская, Итурупская, Шикотанский): only
# an adjective, so «улицы Курильска» (the town's streets) and «на Курилах улицы» stay hits.
_ADJECTIVE_RU = r"(?:ая|ой|ую|ий|ый|ого|ому|им|ом|ое|ие|ые|их|ых)"
_STREET_NAMES_RU = (
    rf"(?:(?:южно|северо|мало)-)?курильск{_ADJECTIVE_RU}|(?:"
    + "|".join(f"{n}(?:ск|ов)" for n in _SHIPS_RU.split("|"))
    + rf"){_ADJECTIVE_RU}"
)
_ANIMALS_RU = (
    "жереб\\w*",
    "кобыл\\w*",
    "скакун\\w*",
    "рысак\\w*",
    "лошад\\w*",
    "кон[ьяюе]\\w*",
    "пес",
    "пса",
    "псу",
    "собак\\w*",
    "щен\\w*",
    "кот",
    "кота",
    "коту",
    "кошк\\w*",
    "медвед\\w*",
    "морж\\w*",
    "сивуч\\w*",
    "нерп\\w*",
)
# The islands' names that Japanese writes in katakana: inside a longer katakana word they
# are part of another name (エトロフスター, a racehorse; クナシリマル, a brand).
_KATAKANA_NAMES_JA = "|".join(
    n for n in _SHIPS_JA.split("|") if re.fullmatch("[\u30a1-\u30fa\u30fc]+", n)
)
_KATAKANA = "\u30a1-\u30fa\u30fc"
_ANIMALS_JA = ("競走馬", "牝馬", "牡馬", "愛馬", "種牡馬", "繁殖牝馬", "愛犬", "愛猫", "馬名")
_VESSELS_JA = r"(?:貨物船|漁船|客船|タンカー|冷凍船|運搬船|調査船|巡視船|監視船|警備艇|フェリー)"
_NAMED_THING_JA = r"(?:北方領土|北方四島|千島|" + _SHIPS_JA + r")"


def _starting(*alternatives: str) -> str:
    """A lookahead for the first letters the alternatives can start with (either case): most
    positions of a text fail it at once, before the alternation is tried."""
    firsts = {literal_prefix(a)[0] for a in alternatives}
    return "(?=[" + re.escape("".join(sorted(firsts | {c.upper() for c in firsts}))) + "])"


_NAMES_EN = (*_KURILS_EN, "northern", *_SHIPS_EN.split("|"))
_NAMES_RU = ("курил", "южно", "северо", "мало", *_SHIPS_RU.split("|"))
_NAMES_JA = ("北方", "千島", *_SHIPS_JA.split("|"))

_PROPER_NAMES_OF_OTHER_THINGS: list[Guard] = [
    _guard(
        "guard.animal-name",
        "en",
        "the name of an animal (a racehorse, a dog), not the islands",
        _starting(*_ANIMALS_EN, *_NAMES_EN)
        + B
        + r"(?:(?:"
        + "|".join(_ANIMALS_EN)
        + r")\s+(?:(?:called|named|dubbed)\s+)?[\"“‘']?(?P<name>"
        + _PROPER_NAME_EN
        + r")"
        + r"|(?P<named>"
        + _PROPER_NAME_EN
        + r")\s*(?:,|\()\s*(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}(?:"
        + "|".join(_ANIMALS_EN)
        + r"))"
        + E,
        _anchors(_ANIMALS_EN),
        echoes=True,
    ),
    _guard(
        "guard.street-name",
        "en",
        "the name of a street, a square or a school elsewhere, not the islands",
        _starting(*_NAMED_PLACES_EN, *_NAMES_EN)
        + B
        + r"(?:(?:"
        + _BUSINESS_NAMES["en"]
        + r")\s+(?-i:(?:"
        + "|".join(_STREETS_EN)
        + r"))|(?:"
        + "|".join(_NAMED_PLACES_EN)
        + r")\s+(?:called|named)\s+[\"“‘']?(?:"
        + _BUSINESS_NAMES["en"]
        + r"))(?![\w])",
        (*_anchors(_STREETS_EN), "called", "named"),
    ),
    # Habomai is also a district of Nemuro City on the Hokkaido mainland, with its fishing
    # port, fisheries cooperative and schools ("the Habomai Fisheries Cooperative").
    _guard(
        "guard.habomai-district",
        "en",
        "Habomai as the district of Nemuro City on Hokkaido, not the islands",
        B
        + r"(?:habomai(?:\s+(?:and|or)\s+(?-i:[A-Z])\w+)?\s+"
        + r"(?:district|fishing\s+port|port|harbou?r"
        + r"|fisher(?:y|ies|men'?s)\s+(?:cooperatives?|co-?ops?|associations?|unions?)"
        + r"|co-?op(?:erative)?s?"
        + r"|elementary|primary|junior\s+high|high\s+school|schools?|community\s+cent(?:er|re))"
        + r"|(?:the\s+)?habomai\s+(?:district\s+)?(?:of|in)\s+nemuro"
        + r"|nemuro(?:'s|\s+city'?s?)\s+habomai|habomai,\s+nemuro)"
        + E,
        ("habomai", "nemuro"),
        # (the "Habomai shore" of the same story is the district's; "the Habomai islets"
        # never echo it)
        echoes=True,
    ),
    _guard(
        "guard.ru-street-name",
        "ru",
        "название улицы, площади или района в другом городе, а не острова",
        _starting(*_STREETS_RU, *_NAMES_RU)
        + B
        + rf"(?:(?:{_STREET_NAMES_RU})\s+(?:{'|'.join(_STREETS_RU)})"
        + rf"|(?:{'|'.join(_STREETS_RU)})\s*(?:{_STREET_NAMES_RU}))"
        + E,
        _anchors(_STREETS_RU),
    ),
    _guard(
        "guard.ru-animal-name",
        "ru",
        "кличка животного (скаковая лошадь, собака), а не острова",
        B
        + rf"(?:(?:{'|'.join(_ANIMALS_RU)})\s+(?:по\s+(?:кличке|имени)\s+)?{_QUOTE_OPEN}"
        + rf"|по\s+кличке\s+{_QUOTE_OPEN}?|кличк\w+\s+{_QUOTE_OPEN}?"
        # «малыша назвали Итуруп», «получил имя Итуруп»: a name given, the name ending the
        # clause (not «назвал Курилы неотъемлемой частью», which says what they are)
        + r"|(?:назвал[аио]?|нарекл[аио]?|(?:получил[аио]?|дали|присвоили|выбрали)\s+"
        # (or two names given at once: «тигрят назвали Итуруп и Кунашир»)
        + rf"(?:\w+\s+)?(?:имя|кличку))\s+{_QUOTE_OPEN}?(?=\w+[»\"“”]?(?:\s+и\s+[«\"]?\w+[»\"]?)?"
        + r"[ \t]*(?:[—–.,;:!?)\n]|\Z)))"
        + rf"(?P<name>(?:{_BUSINESS_NAMES['ru']}))"
        + rf"(?:[»\"]?\s+и\s+[«\"]?(?:{_BUSINESS_NAMES['ru']}))?",
        ("кличк", "назвал", "нарекл", "имя", "кличку", *_anchors(_ANIMALS_RU)),
        echoes=True,
    ),
    _guard(
        "guard.ru-habomai-district",
        "ru",
        "Хабомаи — район города Немуро на Хоккайдо, а не острова",
        B
        + r"(?:(?:район\w*|квартал\w*|порт\w*|рыболовецк\w+\s+(?:кооператив|артел)\w*"
        + r"|кооператив\w*|артел\w*|школ\w*)\s+[«\"]?хабомаи"
        + r"|хабомаи\s+(?:в|города|г\.)\s+немуро)",
        ("хабомаи",),
        # (the same story's «рыбаки из Хабомаи» are the district's; «острова Хабомаи»
        # never echo it)
        echoes=True,
    ),
    _guard(
        "guard.ja-katakana-name",
        "ja",
        "part of a longer katakana name (a racehorse, a product), not the islands",
        _starting(*_KATAKANA_NAMES_JA.split("|"))
        + rf"(?:(?<=[{_KATAKANA}])(?:{_KATAKANA_NAMES_JA})"
        + rf"|(?:{_KATAKANA_NAMES_JA})(?=[{_KATAKANA}]))",
        tuple(_KATAKANA_NAMES_JA.split("|")),
    ),
    _guard(
        "guard.ja-named-thing",
        "ja",
        "the name of a street, a train, a ship or an animal (択捉通り, 国後号), not the islands",
        _starting(*_ANIMALS_JA, *_NAMES_JA) + rf"(?:{_NAMED_THING_JA}(?:通り|大通|街道|号|丸)"
        rf"|(?:{'|'.join(_ANIMALS_JA)})「?(?P<name>{_NAMED_THING_JA}))",
        ("通り", "大通", "街道", "号", "丸", *_ANIMALS_JA),
        echoes=True,
    ),
    # Without quotes, a katakana name after a vessel's word (貨物船クナシリ), or before a
    # racehorse's sex and age as the racing pages write them (クナシリ（牡4、美浦）).
    _guard(
        "guard.ja-bare-name",
        "ja",
        "the name of a ship or a racehorse written without quotes, not the islands",
        rf"(?:{_VESSELS_JA})(?P<name>{_KATAKANA_NAMES_JA})(?![{_KATAKANA}]|島)"
        rf"|(?P<named>{_KATAKANA_NAMES_JA})(?=[（(](?:牡|牝|せん|セン)[0-9０-９])",
        (*_KATAKANA_NAMES_JA.split("|"),),
        applies_to=("ja.iturup", "ja.kunashir", "ja.shikotan", "ja.habomai"),
        reach=60,
        echoes=True,
    ),
]


# --- The islands' name as a modifier, an idiom, a reference point or someone's origin ----
# "Kuril" before a noun of a living thing, a breed or a natural phenomenon names a kind
# (the Kuril harbour seal, the Kuril Current, Kuril bamboo, the Kurilian Bobtail), not the
# islands: a story about the seals *on* the islands names them as a place ("on Iturup").
# The nouns are the classes of things so named, never single species; the islands' own
# nouns (Islands, chain, district, airport, fish plant…) are not among them.
_NATURAL_KINDS_EN = (
    # animals, by the words for their classes
    "seals?",
    "sea\\s+lions?",
    "otters?",
    "whales?",
    "dolphins?",
    "porpoises?",
    "bears?",
    "fox(?:es)?",
    "sables?",
    "hares?",
    "voles?",
    "mice",
    "shrews?",
    "bats?",
    "birds?",
    "gulls?",
    "terns?",
    "puffins?",
    "cormorants?",
    "owls?",
    "eagles?",
    "ducks?",
    "geese",
    "swans?",
    "cranes?",
    "auklets?",
    "warblers?",
    "butterfl(?:y|ies)",
    "moths?",
    "beetles?",
    "insects?",
    "frogs?",
    "snakes?",
    "cats?",
    "kittens?",
    "bobtails?",
    "breeds?",
    "subspecies",
    "species",
    # plants
    *_PLANTS_EN,
    "grass(?:es)?",
    "sedges?",
    "moss(?:es)?",
    "ferns?",
    "lichens?",
    "orchids?",
    "primroses?",
    "popp(?:y|ies)",
    "gentians?",
    "violets?",
    "anemones?",
    "cinquefoils?",
    "rowans?",
    "maples?",
    "oaks?",
    "spruces?",
    "junipers?",
    "flowers?",
    "herbs?",
    # the sea and the weather
    "currents?",
    "stream",
    "lows?",
    "cyclones?",
    "typhoons?",
    "depressions?",
    "winds?",
)
# Words between "Kuril" and the noun that make it the islands' again ("Kuril Islands seals").
_ISLAND_WORDS_EN = r"(?:islands?|isles|chain|ridge|arc|archipelago|districts?|region)"
# Whole words (a short stem alone would take котельная for кот, травма for трава).
_NATURAL_KINDS_RU = (
    "течени\\w*",
    "циклон\\w*",
    "тайфун\\w*",
    "ветер",
    "ветр(?:а|у|ом|е|ы|ов|ам|ами|ах)",
    "тюлен\\w*",
    "нерп\\w*",
    "антур\\w*",
    "калан(?:а|у|ом|е|ы|ов)?",
    "сивуч\\w*",
    "медвед\\w*",
    "лис(?:а|ы|е|у|ой|иц\\w*)",
    "птиц\\w*",
    "чайк\\w*",
    "бабоч\\w*",
    "жук(?:а|и|ов|у|ом)?",
    "кошк\\w*",
    "кошек",
    "кот(?:а|у|ом|е|ы|ов)?",
    "бобтейл\\w*",
    "пород\\w*",
    "подвид\\w*",
    "растени\\w*",
    "трав(?:а|ы|е|у|ой|ам|ами|ах)?",
    "цвет(?:ок|ка|ку|ком|ке|ки|ков|ы|ов)",
    "дерев(?:о|а|у|ом|е|ья|ьев|ьям)",
    "кустарник\\w*",
    "папоротник\\w*",
    "мох|мха|мхи|мхов",
    *(f"{stem}\\w*" for stem in _PLANTS_RU),
)
# An adjective between the islands' adjective and the noun (курильского карликового бамбука).
_ADJECTIVE_WORD_RU = (
    r"[\w-]+(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ую|юю|ые|ие|ых|их|ыми|ими)"
)
_NATURAL_KINDS_JA = (
    "海流",
    "寒流",
    "アザラシ",
    "ラッコ",
    "キツネ",
    "ネコ",
    "猫",
    *("桜", "ザクラ", "笹", "ザサ", "フウロ", "キンバイ", "リンドウ", "ギキョウ", "ハンノキ"),
)
# "From Kaliningrad to the Kurils": the country from end to end, not the islands. The other
# end is one of Russia's far west (or south); from Sakhalin or Nemuro to the islands is a
# real route.
_FAR_ENDS_EN = (
    "kaliningrad",
    "the\\s+baltic(?:\\s+sea)?",
    "brest",
    "crimea",
    "smolensk",
    "pskov",
    "(?:st\\.?\\s+|saint\\s+)?petersburg",
    "the\\s+western\\s+border",
)
_FAR_ENDS_RU = (
    "калининград\\w*",
    "балтик\\w*",
    "бреста",
    "крыма",
    "смоленска",
    "пскова",
    "петербурга",
    "москвы",
    "западн\\w+\\s+границ\\w*",
)
_KURILS_NAME_RU = r"(?:курил\w*|курильск\w+\s+остров\w*)"
# «Курилы» in its plural cases only: never «Курильск», «курильчане» or the verb «курил» + ending.
_KURILS_PLURAL_RU = r"курил(?:ы|ам|ами|ах)?"
_WEATHER_EN = (
    r"(?:cyclone|low|low-pressure\s+system|pressure\s+system|depression|typhoon|storm|front"
    r"|system|air\s+mass)s?"
)
_WEATHER_STARTS_EN = (
    *("cyclone", "low", "pressure", "depression", "typhoon", "storm", "front", "system", "air"),
    *("weaken", "dissipat", "downgrad", "extratropical", "petered", "petering", "fizzl"),
)
_WEATHER_DOING_EN = (
    r"(?:weaken\w*|dissipat\w*|downgraded|extratropical|peter(?:ed|ing|s)?\s+out|fizzl\w*)"
)
_WEATHER_RU = r"(?:циклон|антициклон|тайфун|ураган|шторм|депресси|фронт|ложбин)\w*"
_WEATHER_JA = r"(?:低気圧|高気圧|台風|前線|寒気|気圧の谷)"
# Where a weather system is, after the name: near it, off it, to its south ("の南", never
# "南部", the islands' own southern part).
_NEAR_JA = r"(?:(?:の)?(?:付近|近海|東|南東|北東|方面|沖)|の(?:南|北|西|南西|北西|上空)(?![部側]))"
# Where a guard's phrase ends or starts with the name: any capitalised word (and the next) will do,
# since a guard cancels only the hits it overlaps; one alternation of every name of the
# islands tried at each position cost more than the rest of these guards together.
_A_NAME_EN = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w-]*)?"
_A_NAME_RU = r"(?-i:[А-ЯЁ])[\w-]*(?:\s+(?-i:[А-ЯЁ])?[\w-]*)?"
# The first letters a name can start with: a guard that opens with a name or a cue word
# checks them first, so most positions of a text fail at once (see `_starting`).
_FICTION_STARTS_EN = (
    *("kantai", "kancolle", "azur", "ship", "browser", "video", "mobile", "online"),
    *("card", "anime", "manga", "game", "character"),
)
_NOT_A_NAME_WORD_EN = (
    r"(?:makes?|made|produces?|produced|sells?|sold|brews?|brewed|ships?|exports?|and|or"
    r"|the|an?|of|in|on|at|to|for|from|with|by|is|are|was|were|has|have|had|will|would)"
)
_ANY_NAME_STARTS_JA = (
    "北方",
    "千島",
    "クリル",
    *(n for p in PLACES for n in p.names.get("ja", ())),
)
_WEATHER_STARTS_JA = ("低気圧", "高気圧", "台風", "前線", "寒気", "気圧")
_FICTION_STARTS_JA = (
    "艦",
    "アズ",
    "キャラ",
    "ブラウザ",
    "スマホ",
    "オンライン",
    "ソーシャル",
    "カード",
)
_ANY_NAME_JA = r"北方領土|北方四島|千島列島|千島|クリル諸島|" + _names("ja")
_PRODUCTS_EN = (
    "soy\\s+sauces?",
    "sauces?",
    "sake",
    "sh[oō]ch[uū]",
    "beers?",
    "lagers?",
    "vodkas?",
    "wines?",
    "ciders?",
    "liqueurs?",
    "candy",
    "candies",
    "sweets",
    "cookies",
    "crackers",
    "chocolates?",
    "cosmetics",
    "soaps?",
    "perfumes?",
    "ramen",
    "noodles",
    "seasonings?",
    "dressings?",
    "branded",
    "brands?",
    "labels?",
)
_FICTION_EN = (
    r"(?:kantai\s+collection|kancolle|azur\s+lane|ship\s*girls?|(?:browser|video|mobile"
    r"|online|card)\s+games?|anime|manga|game\s+characters?|characters?)"
)
_FICTION_JA = (
    r"(?:艦これ|艦隊これくしょん|アズールレーン|アズレン|艦娘|キャラクター|キャラ"
    r"|(?:ブラウザ|スマホ|オンライン|ソーシャル|カード)ゲーム)"
)
_FICTION_RU = r"(?:игр\w*|персонаж\w*|аниме|манг\w*|kantai\s+collection|azur\s+lane)"

_FILMS_EN = r"(?:films?|movies?|scenes?|footage|episodes?|series|drama|documentar(?:y|ies))"
_FILM_STARTS_EN = (
    "film",
    "movie",
    "scene",
    "footage",
    "episode",
    "series",
    "drama",
    "documentar",
    "location",
)

_NAMES_AS_MODIFIERS: list[Guard] = [
    _guard(
        "guard.natural-kind",
        "en",
        "a living thing or a natural phenomenon named after the Kurils (the Kuril harbour "
        "seal, the Kuril Current, Kuril bamboo), not the islands",
        B
        + r"(?:kurile?|kurilian)\s+"
        + rf"(?:(?!{_ISLAND_WORDS_EN}\b)[\w-]+\s+){{0,2}}"
        + rf"(?:{'|'.join(_NATURAL_KINDS_EN)})"
        + E,
        ("kuril",),
    ),
    _guard(
        "guard.ru-natural-kind",
        "ru",
        "животное, растение или природное явление, названное по Курилам (курильское течение, "
        "курильский бамбук, тюлень-антур), а не сами острова",
        B
        + rf"(?:курильск\w+\s+(?:{_ADJECTIVE_WORD_RU}\s+)?(?:{'|'.join(_NATURAL_KINDS_RU)})"
        + E
        # After the noun, as botany writes it (бамбук курильский), and ending the phrase: in
        # «медведи Курильского заповедника» the adjective is the reserve's.
        + rf"|(?=[\w-]+\s+курильск)(?:{'|'.join(_NATURAL_KINDS_RU)})\s+курильск\w*"
        + r"(?=\s*(?:[,.;:!?»)\n—–-]|$)|\s+(?:и|или|а)\s))",
        ("курильск",),
    ),
    _guard(
        "guard.ja-natural-kind",
        "ja",
        "a living thing or a current named after the Kurils (千島海流), not the islands",
        rf"(?:千島|クリル)(?:{'|'.join(_NATURAL_KINDS_JA)})",
        ("千島", "クリル"),
    ),
    _guard(
        "guard.idiom-whole-country",
        "en",
        "the idiom 'from Kaliningrad to the Kurils': all of Russia, not the islands",
        B
        + rf"from\s+(?:{'|'.join(_FAR_ENDS_EN)})\s+to\s+(?:the\s+)?(?:{'|'.join(_KURILS_EN)})"
        + r"(?:\s+islands)?"
        + rf"|from\s+(?:the\s+)?(?:{'|'.join(_KURILS_EN)})(?:\s+islands)?\s+to\s+"
        + rf"(?:{'|'.join(_FAR_ENDS_EN)})"
        + E,
        ("from",),
    ),
    _guard(
        "guard.ru-idiom-whole-country",
        "ru",
        "оборот «от Калининграда до Курил»: вся страна, а не острова",
        B
        + rf"(?:от\s+(?:{'|'.join(_FAR_ENDS_RU)})\s+(?:и\s+)?до\s+(?:самых\s+)?{_KURILS_NAME_RU}"
        + rf"|от\s+{_KURILS_NAME_RU}\s+до\s+(?:{'|'.join(_FAR_ENDS_RU)}))",
        ("от",),
    ),
    _guard(
        "guard.weather-reference",
        "en",
        "where a weather system is, given by the islands: a reference point, not their news",
        _starting(*_WEATHER_STARTS_EN)
        + B
        # a weather system, or what only a weather system does (weakening, turning into an
        # extratropical low), then where: "before weakening near the Kurils"
        # ("a storm over the Kurils" may be a row, "weakening over the Kurils" is weather)
        + rf"(?:(?:{_WEATHER_EN}|{_WEATHER_DOING_EN})\b[^.!?\n]{{0,40}}?\b"
        + r"(?:near|toward|towards|off|approaching|east\s+of|south\s+of|southeast\s+of"
        + r"|northeast\s+of|northwest\s+of"
        + r"|(?:to|from)\s+the\s+(?:south|east|southeast|northeast|north|west)\s+of)"
        + rf"|{_WEATHER_DOING_EN}\b[^.!?\n]{{0,40}}?\bover"
        # or where it comes from: "a storm from the Kurils", "a low moving in from the Kurils"
        + rf"|{_WEATHER_EN}\s+(?:[\w-]+\s+){{0,2}}?from"
        # or moving over them: "a typhoon moving over the Kurils" (a row does not move)
        + rf"|{_WEATHER_EN}\b[^.!?\n]{{0,40}}?\b(?:mov|track|pass|drift|head|sweep)\w*"
        + r"\s+(?:\w+\s+)?over)\s+(?:the\s+)?"
        + r"(?:waters?\s+(?:near|off|around)\s+(?:the\s+)?)?"
        + _A_NAME_EN
        + E,
        _WEATHER_STARTS_EN,
        reach=140,
    ),
    _guard(
        "guard.ru-weather-reference",
        "ru",
        "положение циклона, указанное по островам: ориентир, а не событие на них",
        B
        + rf"{_WEATHER_RU}[^.!?\n]{{0,40}}?(?<!\w)(?:у|к|близ|вблизи|около|над"
        + r"|(?:в|из|с)\s+район\w*"
        + r"|(?:восточнее|южнее|севернее|западнее|юго-восточнее|северо-восточнее)"
        + r"|(?:с|со\s+стороны)\s+(?:юга|севера|востока|запада|юго-востока|северо-востока)"
        + r"|(?:к|в)\s+(?:югу|северу|востоку|западу|юго-востоку|северо-востоку)\s+от"
        + r"|в\s+сторону"
        # where it comes from: «со стороны Курил», «из-за Курил», «циклон с Курил» («от»/«из»
        # would end the match at another place: «от Японского моря к Курилам»)
        + r"|со\s+стороны|из-за|с)\s+"
        + _A_NAME_RU,
        ("циклон", "тайфун", "ураган", "шторм", "депресси", "фронт", "ложбин"),
        reach=140,
    ),
    _guard(
        "guard.ja-weather-reference",
        "ja",
        "where a weather system is, given by the islands (千島近海の低気圧), not their news",
        _starting(*_WEATHER_STARTS_JA, *_ANY_NAME_STARTS_JA)
        + rf"(?:{_WEATHER_JA}[^。\n]{{0,30}}?(?:{_ANY_NAME_JA})(?:島)?{_NEAR_JA}"
        + rf"|(?:{_ANY_NAME_JA})(?:島)?{_NEAR_JA}"
        + rf"[^。\n]{{0,30}}?{_WEATHER_JA})",
        ("低気圧", "高気圧", "台風", "前線", "寒気", "気圧"),
        reach=140,
    ),
    _guard(
        "guard.native-of",
        "en",
        "where someone was born or grew up, not the story's subject",
        B
        # ("Kuril-born", "a Shikotan native"; a capitalised word before a space and "born"
        # is a headline's noun: "Physicist born in Severo-Kurilsk wins prize")
        + rf"(?:{_A_NAME_EN}(?:-(?:born|bred|raised)|[\s-]+native)"
        + rf"|natives?\s+of\s+(?:the\s+)?{_A_NAME_EN}"
        + r"|(?:born|grew\s+up|raised|brought\s+up|hails?|hailing)\s+(?:\w+\s+){0,2}"
        + rf"(?:in|on|from)\s+(?:the\s+)?{_A_NAME_EN}"
        # "her home town of Severo-Kurilsk"
        + rf"|(?:home\s*town|native\s+(?:town|village|island)|birthplace)\s+(?:of\s+)?{_A_NAME_EN})"
        + E,
        ("native", "born", "bred", "raised", "grew", "brought", "hail", "home", "birthplace"),
        effect="demote",
    ),
    _guard(
        "guard.ru-native-of",
        "ru",
        "место рождения или детства человека, а не предмет сообщения",
        B
        # (the participle too: «спортсменка, родившаяся на Итурупе»)
        + r"(?:урожен\w+|выходц\w+|(?:родил\w*|родивш\w*|вырос\w*|выросш\w*)\s+(?:\w+\s+){0,3}"
        + r"(?:в|на))"
        + rf"\s+{_A_NAME_RU}",
        ("урожен", "выходц", "родил", "родивш", "вырос"),
        effect="demote",
    ),
    _guard(
        "guard.ja-native-of",
        "ja",
        "where someone was born or grew up, not the story's subject",
        rf"(?:{_ANY_NAME_JA})(?:島)?(?:の)?(?:出身|生まれ|育ち)",
        ("出身", "生まれ", "育ち"),
        effect="demote",
        # A former islander of the four islands is their story (元島民, 返還, the Soviet
        # troops who came in 1945 beside it); an obituary of a writer born there is not.
        unless=("dispute", "islanders"),
    ),
    # Where a film was shot, in a story about the film: its location, not the islands'
    # news (a film crew's visit is news only with the two sides or the dispute beside it).
    _guard(
        "guard.film-location",
        "en",
        "where a film was shot, not the story's subject",
        _starting(*_FILM_STARTS_EN)
        + B
        # "filmed on Iturup"; "shot" only after a film's word ("the film ... was shot
        # partly on Shikotan"), since a soldier shot on Iturup is the island's news
        + rf"(?:(?:{_FILMS_EN})\b[^.!?\n]{{0,60}}?\b(?:shot|filmed)"
        + r"|filmed|filming|location\s+shooting)"
        + r"\s+(?:\w+\s+){0,2}(?:on|in|at)\s+(?:the\s+)?"
        + _A_NAME_EN
        + E,
        (
            "film",
            "movie",
            "scene",
            "footage",
            "episode",
            "series",
            "drama",
            "documentar",
            "location",
        ),
        effect="demote",
        reach=160,
    ),
    _guard(
        "guard.ru-film-location",
        "ru",
        "место съемок фильма, а не предмет сообщения",
        # after a film's word: «снят с должности в Курильске» is no film's
        B
        + r"(?:фильм|сцен|кадр|сериал|эпизод|картин|клип|драм)\w*[^.!?\n]{0,60}?(?<!\w)"
        + r"(?:снимал\w*|сняли|снимали|снят\w*|съ[её]мк\w*)\s+(?:\w+\s+){0,2}(?:на|в)\s+"
        + _A_NAME_RU,
        ("фильм", "сцен", "кадр", "сериал", "эпизод", "картин", "клип", "драм"),
        effect="demote",
        reach=160,
    ),
    _guard(
        "guard.ja-film-location",
        "ja",
        "where a film was shot, not the story's subject",
        # a film's word before it: a photo's caption (国後島で撮影) is the island's news
        rf"(?:映画|ドラマ|作品|シーン|場面)[^。\n]{{0,30}}?(?:{_ANY_NAME_JA})(?:島)?で(?:撮影|ロケ)"
        rf"|(?:{_ANY_NAME_JA})(?:島)?(?:で|を舞台に)(?:の)?ロケ",
        ("映画", "ドラマ", "作品", "シーン", "場面", "ロケ"),
        effect="demote",
        unless=("dispute", "islanders"),
        reach=120,
    ),
    _guard(
        "guard.product-name",
        "en",
        "the name of a product or a brand (a soy sauce, a beer), not the islands",
        B
        + _A_NAME_EN
        # the words of a product's name, not a clause ("a plant on Iturup makes soy sauce")
        + rf"\s+(?:(?!{_NOT_A_NAME_WORD_EN}\b)[\w-]+\s+){{0,2}}"
        + rf"(?:{'|'.join(_PRODUCTS_EN)})"
        + E,
        _anchors(_PRODUCTS_EN),
    ),
    _guard(
        "guard.fiction",
        "en",
        "a character of a game or a story named after a ship, not the islands",
        # A name after "on"/"in" is the story's place ("a video game set on Iturup").
        _starting(*_FICTION_STARTS_EN, *_SHIPS_EN.split("|"))
        + rf"(?:(?i:{_FICTION_EN})\b[^.!?\n]{{0,60}}?\b(?<!\bon\s)(?<!\bin\s)(?<!\bat\s)"
        + rf"(?:{_SHIPS_EN})(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:{_SHIPS_EN}))*\b"
        # the names first: "Etorofu and Kunashiri join the browser game"
        + rf"|\b(?:{_SHIPS_EN})(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:{_SHIPS_EN}))*\b"
        + rf"[^.!?\n]{{0,60}}?\b(?i:{_FICTION_EN})\b)",
        ("kantai", "kancolle", "azur", "ship", "game", "anime", "manga", "character"),
        reach=200,
    ),
    _guard(
        "guard.ja-fiction",
        "ja",
        "a character of a game or a story named after a ship (艦これ), not the islands",
        _starting(*_FICTION_STARTS_JA, *_SHIPS_JA.split("|"))
        + rf"(?:{_FICTION_JA}[^。\n]{{0,60}}?(?:{_SHIPS_JA})(?!島|(?:を|が)舞台)"
        + rf"(?:」?(?:や|と|、|・)「?(?:{_SHIPS_JA})(?!島))*"
        + rf"|(?:{_SHIPS_JA})(?!島|(?:を|が)舞台)[^。\n]{{0,60}}?{_FICTION_JA})",
        ("艦", "アズ", "キャラ", "ゲーム"),
        reach=200,
    ),
    _guard(
        "guard.ru-fiction",
        "ru",
        "персонаж игры, названный в честь корабля, а не острова",
        B + rf"{_FICTION_RU}[^.!?\n]{{0,60}}?{_QUOTE_OPEN}(?:{_SHIPS_RU})\w*",
        ("игр", "персонаж", "аниме", "манг", "kantai", "azur"),
        reach=200,
    ),
]

# --- The islands' names as a person's name, or an animal's or a ship's without quotes ----
# Kuril is a Slovak and Czech surname ("winger Martin Kuril", «нападающий Курил», クリル選手);
# a role before the name, a given name before it or an honorific after it says it is a
# person's. The singular forms only: "the Kurils" is no one's name. The guard's group `name`
# is the person's name: written again anywhere ("Kuril's late double"), it is the same person.
# Roles that are also verbs in the singular only ("Japan judges Kuril claims").
_ROLES_EN = (
    *("midfielders?", "strikers?", "forward", "wingers?", "defenders?", "defen[cs]em[ae]n"),
    *("goalkeepers?", "goalies?", "keepers?", "captain", "coach", "managers?"),
    *("players?", "teammates?", "rookies?", "referee", "pitchers?", "skaters?", "skiers?"),
    *(
        "grandmasters?",
        "boxers?",
        "wrestlers?",
        "judokas?",
        "fighters?",
        "swimmers?",
        "sprinters?",
        "cyclists?",
    ),
    *("jockeys?", "singers?", "actors?", "actress(?:es)?", "directors?", "filmmakers?"),
    *("author", "novelists?", "poets?", "artists?", "painters?", "pianists?", "violinists?"),
    *("conductors?", "composers?", "designers?", "photographers?", "chefs?", "judge"),
    *("lawyers?", "attorneys?", "defendants?", "plaintiffs?", "prosecutors?", "jurors?"),
    *("suspects?", "ceos?", "founder", "co-founder", "chairman", "chairwoman"),
    *("executives?", "entrepreneurs?", "businessman", "businesswoman", "investors?"),
    *("mr\\.?", "mrs\\.?", "ms\\.?", "dr\\.?", "prof\\.?", "professor"),
)
# A person's name in the singular, capitalised: the group's and each island's.
# (and the Russian surname as English writes it: "Grandmaster Anton Kurilsky")
_PERSON_NAMES_EN = r"(?-i:Kurile?|Kurilsk(?:y|iy|aya)|Iturup|Etorofu|Kunashiri?|Shikotan|Habomai)"
# Words a given name is not, before the name ("Southern Kuril", "Japan Kuril talks").
_NOT_A_GIVEN_NAME_EN = (
    r"(?:south|southern|north|northern|central|middle|greater|lesser|japan|japanese|russia"
    r"|russian|soviet|sakhalin|kamchatka|hokkaido|tokyo|moscow|the|an?|on|in|at|to|from|near"
    r"|off|over|for|and|or|of|with|about|across|entire|whole|disputed|contested|occupied"
    r"|remote|visit|visits|visiting|island|islands|governor|mayor|minister|premier"
    r"|president|prime|why|how|what|where|when|who|whose|which|that|this|these|those|as"
    r"|but|so|if|while|after|before|since|until|because|then|now|today|yesterday|tomorrow"
    r"|meanwhile|also|even|only|still|tiny|small|little|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)"
)
# What follows a person's name and not the islands' in news copy: a possessive, a clause's
# verb, an age or the end of a phrase (never "Islands", "chain" or "drills").
_AFTER_A_PERSON_EN = (
    r"(?=['’]s\b|\s*[,;:)(]|\s*[.!?](?:\s|$)|\s*$|\s+\d|\s+(?:scored|scores|netted|nets|struck"
    r"|strikes|said|says|told|tells|added|adds|won|wins|lost|loses|joined|joins|signed|signs"
    r"|was|is|has|had|will|would|who|denied|denies|pleaded|pleads|faces|faced|sang|sings"
    r"|played|plays|took|takes|led|leads|returned|returns|opened|opens|became|becomes|beat"
    r"|beats|finished|finishes|earned|earns|received|receives|converted|headed|saved|saves"
    r"|equali[sz]ed|testified|testifies|sued|sues|founded|argued|appeared|claimed|claims"
    r"|insisted|wrote|writes|directed|directs|performed|performs|set|sets|hit|hits)\b)"
)
# After a role and the name, a preposition ("businessman Kuril in court"); a noun there
# makes the role word a verb or an adjective ("Russia forwards Kuril plan", "a forward
# Kuril base").
_PREPOSITION_EN = r"(?:in|at|of|for|from|with|on|to|against|after|before|over|during)"
# The nouns "Kuril" qualifies as the islands' name: after a role, any other lower-case
# word says the role's person ("defender Kuril out for six weeks").
_KURIL_NOUNS_EN = (
    r"(?:islands?|isles|chain|ridge|arc|archipelago|districts?|region|dispute|issue|row"
    r"|question|talks|claims?|drills?|exercises?|garrison|bases?|airport|residents|fishermen"
    r"|plans?|policy|visits?|trip|tour|deal|programmes?|programs?|development|border|waters"
    r"|fisher(?:y|ies)|crab|kelp|seals?|cruises?|ferry|flights?|project|reserve|volcano"
    r"|earthquake|quake|tsunami|missiles?|troops|defen[cs]es?)"
)
# Roles in the singular only: «футболисты Курил» are the islands' team.
_SINGULAR_RU = "(?:а|у|ом|е)?"
_ROLES_RU = (
    *(
        f"{stem}{_SINGULAR_RU}"
        for stem in (
            *("полузащитник", "защитник", "голкипер", "форвард", "хавбек", "футболист"),
            *("хоккеист", "игрок", "тренер", "наставник", "легионер", "боксер", "теннисист"),
            *("шахматист", "актер", "режисс[её]р", "художник", "пианист", "дизайнер"),
            *("адвокат", "прокурор", "бизнесмен", "гендиректор", "ответчик"),
        )
    ),
    "нападающ(?:ий|его|ему|им|ем)",
    *(f"{stem}(?:ь|я|ю|ем|е)" for stem in ("вратар", "писател", "предпринимател", "основател")),
    *(f"{stem}(?:а|ы|е|у|ой|ей)" for stem in ("певиц", "актрис")),
    *(f"{stem}(?:ец|ца|цу|цом|це)" for stem in ("пев", "бор", "ист")),
    *("жоке(?:й|я|ю|ем|е)", "совладел(?:ец|ьца|ьцу|ьцем|ьце)", "г-н", "г-жа"),
    *(f"{stem}(?:ый|ого|ому|ым|ом|ая|ой|ую)" for stem in ("обвиняем", "подсудим")),
)
# A surname Курил declines as a man's name does (Курила, Куриле, Курилом): the group
# `name` holds its nominative, which is the same person wherever it is written again.
_PERSON_NAMES_RU = r"(?-i:Курил|Кунашир|Итуруп|Шикотан)"
# A given name before a role's surname is capitalised and no adjective (Южных Курил).
_GIVEN_NAME_RU = (
    r"(?-i:[А-ЯЁ][а-яё]+)(?<!ых)(?<!их)(?<!ые)(?<!ие)(?<!ой)(?<!ий)(?<!ый)(?<!ая)(?<!яя)"
    r"(?<!ого)(?<!его)(?<!ому)(?<!ему)(?<!ым)(?<!им)"
)
# Without a role, only what a person does says it is one («Курил забил», «Мартин Курил
# подписал контракт»): «Новости Курил», «Жители Курил получат» are the islands'.
_A_PERSONS_ACT_RU = (
    r"(?:забил|забила|забросил|забросила|отразил|сравнял|оформил|отдал\w*\s+передач\w*"
    r"|ассистировал|подписал\w*\s+контракт\w*|перешел|перешла|продлил\w*\s+контракт\w*"
    r"|выиграл\w*\s+(?:бой|поединок|турнир|схватк\w*)|признал\w*\s+вину|дал\w*\s+показани\w*)"
)
_PERSON_HONORIFICS_JA = (
    r"(?:選手|監督|氏|さん|容疑者|被告|投手|捕手|主将|コーチ|社長|会長|代表取締役|教授|弁護士"
    r"|判事|裁判官|記者|画伯|画家|作家)"
)
# A katakana given name joined to the name by ・ or ＝ (マルティン・クリル), not a region's pair.
_GIVEN_NAME_JA = r"(?<![ァ-ヶー])(?!サハリン|カムチャ|ロシア|オホーツク)[ァ-ヶー]{2,}[・＝]"
_PERSON_NAMES_JA = "クリル|" + _KATAKANA_NAMES_JA
_HORSES_RU = (
    *("жереб(?:ец|ца|цу|цом|це)", "кобыл(?:а|ы|е|у|ой)", "скакун(?:а|у|ом|е)?"),
    *("рысак(?:а|у|ом|е)?", "мерин(?:а|у|ом|е)?", "кон(?:ь|я|ю|ем|е)", "пес", "пса", "псу"),
    *("псом", "щен(?:ок|ка|ку|ком|ке)", "пит(?:омец|омца|омцу|омцем|омце)"),
)
_VESSELS_RU_SINGULAR = (
    r"(?:траулер|сухогруз|теплоход|танкер|паром|рефрижератор|ледокол|фрегат|крейсер|корвет"
    r"|буксир|сейнер|лайнер|пароход|катер)(?:а|у|ом|е)?|судн(?:о|а|у|ом|е)|корабл(?:ь|я|ю|ем|е)"
    r"|яхт(?:а|ы|е|у|ой)|шхун(?:а|ы|е|у|ой)|плавбаз(?:а|ы|е|у|ой)"
)
_PRODUCTS_RU_SINGULAR = (
    r"(?:водк(?:а|и|е|у|ой)|пив(?:о|а|у|ом)|коньяк(?:а|у|ом)?|бальзам(?:а|у|ом)?)"
)
_ISLAND_NAMES_RU = r"(?-i:Кунашир|Итуруп|Шикотан|Хабомаи|Уруп|Матуа)"
# Officials and ranks, before a surname («экс-чиновника Курильского»).
_OFFICIALS_RU = tuple(
    f"{stem}{_SINGULAR_RU}"
    for stem in (
        *("чиновник", "депутат", "министр", "замминистр", "сенатор", "губернатор", "мэр"),
        *("вице-губернатор", "вице-мэр", "полковник", "генерал", "майор", "подполковник"),
        *("профессор", "журналист", "блогер", "экономист", "политолог", "следовател"),
        *("фигурант", "осужденн", "задержанн", "замглав", "депутатк", "экс-мэр"),
    )
) + tuple(f"{stem}(?:ь|я|ю|ем|е)" for stem in ("заместител", "руководител", "председател"))
# The nouns the adjective Курильский qualifies as the islands' (and its districts'): before
# one of them it is no surname.
_KURILSK_NOUNS_RU = (
    r"(?:район|округ|гряд|остров|архипелаг|пролив|озер|залив|котловин|желоб|жёлоб|хребет"
    r"|заповедник|рыб|порт|аэропорт|берег|вулкан|десант|операци|чай|бобр|муниципал|школ"
    r"|больниц|сельск|поселк|посёлк|поселени|туристск|морск|погранотряд|флот|дивизи|ТОР"
    r"|земл|суд|прокуратур|отдел|администраци|дум|собрани|завод|комбинат|предприяти"
    r"|компани|лосос|краб|улиц|проспект|переул|площад|набережн|шоссе|бульвар|сквер|парк)\w*"
)

_NAMES_OF_PEOPLE_AND_THINGS: list[Guard] = [
    _guard(
        "guard.person-name",
        "en",
        "a person's name (a player, an artist, a defendant), not the islands",
        # Every match is a word or two, then the name: most positions fail this at once,
        # before the roles are tried.
        B
        + rf"(?=[\w.-]+\s+(?:(?-i:[A-Z][a-z]+)\s+)?{_PERSON_NAMES_EN})"
        # after a role, anything but the islands' nouns ("businessman Kuril in court")
        + rf"(?:(?:{'|'.join(_ROLES_EN)})\s+(?:(?-i:[A-Z][a-z]+)\s+)?"
        + rf"(?P<name>{_PERSON_NAMES_EN})(?:{_AFTER_A_PERSON_EN}|(?=\s+{_PREPOSITION_EN}\b)"
        + rf"|(?=\s+(?!{_KURIL_NOUNS_EN}\b)(?-i:[a-z])))"
        # after a given name, what follows a person's name (only Kuril and Kurilsky are
        # surnames)
        + rf"|(?!{_NOT_A_GIVEN_NAME_EN}\b)(?-i:[A-Z][a-z]+|[A-Z]\.)\s+"
        + rf"(?P<named>(?-i:Kurile?|Kurilsk(?:y|iy|aya))){_AFTER_A_PERSON_EN})",
        ("kuril", "iturup", "etorofu", "kunashir", "shikotan", "habomai"),
        applies_to=(
            *("en.kurils", "en.iturup", "en.kunashir", "en.shikotan", "en.habomai"),
            "en.towns",
        ),
        reach=60,
        echoes=True,
    ),
    _guard(
        "guard.ru-person-name",
        "ru",
        "имя или фамилия человека (игрока, артиста, подсудимого), а не острова",
        B
        + rf"(?=(?:[\w.-]+\s+){{0,2}}{_PERSON_NAMES_RU})"
        + rf"(?:(?:{'|'.join(_ROLES_RU)})\s+(?:{_GIVEN_NAME_RU}\s+)?"
        + rf"(?P<name>{_PERSON_NAMES_RU})(?:а|у|е|ом)?(?!\w)"
        + r"|(?:(?-i:[А-ЯЁ])\.\s*)(?P<initial>(?-i:Курил(?:а|у|е|ом)?))(?!\w)"
        + rf"|(?:{_GIVEN_NAME_RU}\s+)?(?P<named>(?-i:Курил))\s+{_A_PERSONS_ACT_RU}(?!\w))",
        ("курил", "кунашир", "итуруп", "шикотан"),
        applies_to=("ru.kurils-gen", "ru.kunashir", "ru.iturup", "ru.shikotan"),
        reach=60,
        echoes=True,
    ),
    # «Виктора Курильского осудили», «экс-чиновника Курильского», «В. Курильский»: the
    # adjective as a surname, after a given name, an initial or a role, and not before the
    # noun it would qualify (глава Курильского района is the district's). The group `name`
    # is the person wherever the text writes the surname again, in any case («Сам Курильский»).
    _guard(
        "guard.ru-adjective-surname",
        "ru",
        "фамилия человека (Курильский, Курильская), а не острова",
        B
        + r"(?:(?:экс-|бывш\w+\s+)?(?:"
        + "|".join((*_ROLES_RU, *_OFFICIALS_RU))
        + r")\s+(?:"
        + _GIVEN_NAME_RU
        + r"\s+)?|"
        # (a given name, not a verb opening the sentence: «Перекрыли Курильскую улицу»)
        + _GIVEN_NAME_RU
        + r"(?<!ли)(?<!ло)(?<!ть)(?<!ет)(?<!ют)(?<!ят)(?<!ут)(?<!ит)(?<!ешь)(?<!ишь)"
        + r"\s+(?:(?-i:[А-ЯЁ][а-яё]+(?:вич|вна|вича|вны|вичу|вне|вичем|вной|ичн\w+))\s+)?"
        + r"|(?-i:[А-ЯЁ])\.\s*(?:(?-i:[А-ЯЁ])\.\s*)?)"
        + r"(?P<name>(?-i:Курильск(?:ий|ого|ому|им|ом|ая|ой|ую)))(?!\w)"
        + rf"(?!\s+(?:[а-яё]+(?:ого|ому|ой|ым|ом|ий|ый|ая|ое|ую|ых|ие)\s+)?{_KURILSK_NOUNS_RU})",
        ("курильск",),
        flags=re.IGNORECASE,
        applies_to=("ru.kurilsk",),
        reach=60,
        echoes=True,
    ),
    _guard(
        "guard.ja-person-name",
        "ja",
        "a person's name (クリル選手, マルティン・クリル), not the islands",
        rf"(?:{_GIVEN_NAME_JA})?(?P<name>{_PERSON_NAMES_JA})(?={_PERSON_HONORIFICS_JA})"
        rf"|{_GIVEN_NAME_JA}(?P<named>{_PERSON_NAMES_JA})(?![ァ-ヶー]|諸島|列島|島|地域|方面)",
        ("クリル", *_KATAKANA_NAMES_JA.split("|")),
        applies_to=(
            "ja.kuril-bare",
            "ja.kuril",
            "ja.iturup",
            "ja.kunashir",
            "ja.shikotan",
            "ja.habomai",
        ),
        reach=60,
        echoes=True,
    ),
    # An animal's or a ship's name in apposition without quotes, in any case: «жеребец
    # Кунашир», «на жеребце Кунашире», «траулер Итуруп», «водка Шикотан». Only singular
    # nouns: «лошади Кунашира» are the island's horses, «корабли Итурупа» its ships.
    _guard(
        "guard.ru-bare-name",
        "ru",
        "кличка животного или название судна, товара без кавычек, а не острова",
        B
        + rf"(?=[\w-]+\s+(?:{_ISLAND_NAMES_RU}|(?-i:Курилы))|{_ISLAND_NAMES_RU})"
        + rf"(?:(?:{'|'.join(_HORSES_RU)}|{_VESSELS_RU_SINGULAR}|{_PRODUCTS_RU_SINGULAR})"
        + rf"\s+(?P<name>{_ISLAND_NAMES_RU}\w*|(?-i:Курилы))(?!\w)(?!\s*[—–-]\s*[А-ЯЁ])"
        # the name first: «Кунашир, трехлетний жеребец», «Итуруп (жеребец…)»
        + rf"|(?P<named>{_ISLAND_NAMES_RU})\s*(?:,|\(|—)\s*(?:\d+-?\w*\s+|{_ADJECTIVE_WORD_RU}\s+)"
        + rf"{{0,2}}(?:{'|'.join(_HORSES_RU)}|{_VESSELS_RU_SINGULAR}))(?!\w)",
        ("кунашир", "итуруп", "шикотан", "хабомаи", "уруп", "матуа", "курил"),
        applies_to=(
            "ru.kunashir",
            "ru.iturup",
            "ru.shikotan",
            "ru.habomai",
            "ru.urup-matua",
            "ru.kurils",
        ),
        reach=60,
        echoes=True,
    ),
]

# "Sakhalin and the Kurils" is the region's name (the Sakhalin Region governs both): in a
# story that names no place of the islands on its own it is about Sakhalin.
_REGION_PAIR: list[Guard] = [
    _guard(
        "guard.region-pair",
        "en",
        "'Sakhalin and the Kurils' as the name of the region, in a story that names no place "
        "of the islands on its own",
        B
        + r"sakhalin(?:\s+(?:region|oblast))?(?:\s+(?:and|&)\s+|[-–—/]\s*"
        # or said to include them: "the Sakhalin region, which includes the Kuril Islands"
        + r"|(?:\s+(?:region|oblast))?,?\s+(?:which\s+(?:administratively\s+)?(?:also\s+)?"
        + r"(?:administratively\s+)?(?:includes|covers|takes\s+in|encompasses|spans)"
        + r"|including)\s+)"
        + r"(?:the\s+)?"
        # (the chain's words too: "which administratively also covers the Kuril chain")
        + r"(?:kurile?s?|kuril(?:e|ian)?\s+(?:islands|chain))(?:['’]s?)?(?:\s+(?:region|oblast))?"
        + E,
        ("sakhalin",),
        applies_to=("en.kurils",),
        alone=True,
    ),
    _guard(
        "guard.ru-region-pair",
        "ru",
        "«Сахалин и Курилы» как название области, в сообщении, где ни одно место на "
        "островах не названо отдельно",
        B
        + rf"(?:сахалин\w*(?:\s+област\w*)?\s+и\s+(?:{_KURILS_PLURAL_RU}|курильск\w+\s+остров\w*)"
        + r"|сахалино-курильск\w*"
        # the region said to include them: «Сахалинской области, в состав которой входят
        # и Курильские острова»
        + r"|сахалин\w*\s+област\w*,\s+(?:(?:в\s+состав\s+которой|куда)\s+(?:также\s+)?"
        + r"вход(?:ят|ит)\s+(?:и\s+)?|включая\s+(?:и\s+)?)"
        + rf"(?:{_KURILS_PLURAL_RU}|курильск\w+\s+остров\w*))(?!\w)",
        ("сахалин",),
        applies_to=("ru.kurils", "ru.kurils-gen", "ru.kurilsk"),
        alone=True,
    ),
    _guard(
        "guard.ja-region-pair",
        "ja",
        "サハリン・千島 as the name of the region, in a story that names no place of the "
        "islands on its own",
        r"サハリン(?:州)?(?:・|と|及び|および)(?:千島(?:列島)?|クリル(?:諸島|列島)?)(?:地方|地域)?",
        ("サハリン",),
        applies_to=("ja.chishima", "ja.chishima-bare", "ja.kuril", "ja.kuril-bare"),
        alone=True,
    ),
]

# A venue or a band said by what it is, in apposition ("Kuril, a 30-seat restaurant"), or
# by what only a band or a restaurant has ("the Kurils' second album", "Kuril's head chef").
# A chain is the islands' own noun ("the Kurils, a volcanic chain"), and a place's
# preposition before the name makes it the place ("on Kunashir, the island's only hotel").
_VENUES_EN = (
    *(b for b in _BUSINESSES["en"] if not b.startswith(("chain", "brand"))),
    *("trios?", "duos?", "quartets?", "quintets?", "(?:three|four|five|six)-piece", "outfits?"),
    *("ensembles?", "choirs?", "counters?", "gastropubs?", "steakhouses?", "sushi\\s+bars?"),
    # "the new 40-cover place on Mare Street"
    "\\d+-(?:cover|seat|seater)\\s+(?:place|spot|room|joint|venue)",
)
_WHAT_A_BAND_OR_A_VENUE_HAS_EN = (
    # (not a singer: "Kunashir's singers win a Sakhalin contest" is the island's choir)
    *("albums?", "(?:ep|lp)s?", "mixtapes?", "frontm[ae]n", "frontwom[ae]n", "drummers?"),
    *("guitarists?", "bassists?", "line-?ups?", "songwriting"),
    *("menus?", "(?:head\\s+)?chefs?", "(?:wine|sake|cocktail)\\s+lists?", "dining\\s+rooms?"),
)
_ORDINALS_EN = (
    r"(?:new|debut|first|second|third|fourth|fifth|latest|last|upcoming|forthcoming"
    r"|sophomore|self-titled|live|studio|tasting|seasonal|lunch|dinner|head)"
)
_SHIP_PLACE_KEYS = tuple(p.key for p in PLACES if p.ship_name)
_VENUE_NOUN_ANCHORS_EN = (
    *("restaurant", "bar", "caf", "bistro", "brew", "izakaya", "grill", "kitchen", "diner"),
    *("eatery", "records", "lounge", "tavern", "pub", "frontm", "frontw", "drummer"),
    *("guitarist", "bassist"),
    # ("Habomai is a 24-seat counter")
    *("counter", "steakhouse", "gastropub", "sushi", "trio", "duo", "quartet", "quintet"),
    *("ensemble", "choir", "outfit", "piece", "baker", "shop", "hotel", "inn", "-cover"),
    "-seat",
)
_BUSINESS_APPOSITION_EN = (
    # Any capitalised word or two for the name (the guard cancels only the hits it
    # overlaps): every name of the islands tried at each position cost a twentieth of the
    # matcher's time.
    B
    + r"(?<!\bon\s)(?<!\bin\s)(?<!\bat\s)(?<!\bto\s)(?<!\boff\s)(?<!\bnear\s)(?<!\bfrom\s)"
    + r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?"
    # (or "Habomai is a 24-seat counter")
    + rf"(?:\s+(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}(?:{'|'.join(_VENUES_EN)})\b"
    # (or a place's: "Shikotan, Brooklyn's newest izakaya")
    + r"|,\s+(?:a\s+|an\s+|the\s+|(?-i:[A-Z])[\w-]*['’]s\s+)"
    + rf"(?:[\w-]+\s+){{0,3}}(?:{'|'.join(_VENUES_EN)})"
    + rf"|['’]s?\s+(?:{_ORDINALS_EN}\s+){{0,2}}(?:{'|'.join(_WHAT_A_BAND_OR_A_VENUE_HAS_EN)})"
    # a band's members without the possessive: "Kurils frontman quits"
    + r"|\s+(?:frontm[ae]n|frontwom[ae]n|drummers?|guitarists?|bassists?)"
    # a venue's own capitalised noun after the name: "Kuril Bar & Grill", "Kunashir Records"
    + r"|(?<!Islands)(?<!Island)(?<!Isles)\s+(?-i:Restaurant|Bar|Caf[eé]|Bistro|Brewery|Brewing"
    + r"|Izakaya|Grill|Kitchen|Diner"
    + r"|Eatery|Records|Lounge|Tavern|Pub))"
    + E
)


# --- Jokes, brands, comparisons, views: the name said, the islands not the story --------
_HANDED_OVER_RU = (
    r"(?:отда\w*|верн\w*|возвра\w*|получ\w*|забер\w*|отбер\w*|отним\w*|уступ\w*"
    r"|прода\w*|переда\w*|подар\w*|достан\w*)"
)


def _kurils_handed_over_ru(gap: int) -> str:
    """The Kurils handed over or got back in either word order («Курилы отдать», «отдадут
    японцам Курилы»), with at most `gap` words between."""
    between = rf"(?:[\w-]+\s+){{0,{gap}}}?"
    return rf"(?:курил\w*\s+{between}{_HANDED_OVER_RU}|{_HANDED_OVER_RU}\s+{between}курил\w*)"


_RACING_JA = r"(?:重賞|競馬場?|ステークス|騎手|番人気|馬券|調教師|馬主)"
# (with how near between: 北方領土を間近に望む根室市)
_VIEWING_JA = (
    r"(?:を|が)?(?:間近に|目の前に|眼前に|正面に|対岸に|すぐ近くに)?(?:望む|望め|望ん|望み|眺め|眺望|見渡"
    r"|一望)"
)
# Whose islands are literally theirs: a state, a place, its people (never a field's).
_LITERAL_OWNERS_EN = (
    r"(?:country|nation|region|oblast|province|district|prefecture|island|chain"
    r"|archipelago|government|ministry|navy|army|military|fleet|state|empire|federation"
    r"|kremlin|city|town|area|world|japan|russia|family|father|mother|grand\w+|parents"
    r"|ancestors|people|islanders|residents|owners?)"
)
_JOKES_AND_ELSEWHERE: list[Guard] = [
    # "He'll leave when the Kurils come back": the islands' return as the byword for never,
    # a joke about something else; the dispute's own story keeps it.
    _guard(
        "guard.never-idiom",
        "en",
        "the byword 'when the Kurils come back' (never), a joke about something else",
        # Another event's time ("will leave … when the Kurils come back"), not former
        # residents going home then, nor "until the Kurils come back" (a campaign's words).
        B
        + r"(?:leav|sell|sold|trad|retir|quit|sign|marr|happen|pay|paid|win|won|lose|lost)\w*"
        + r"\s+(?:[\w'’-]+\s+){0,6}?[\"“‘']?"
        + r"(?:when|the\s+day|(?:about\s+)?the\s+same\s+time)\s+(?:the\s+)?"
        + rf"(?:{'|'.join(_KURILS_EN)})(?:\s+islands)?\s+"
        + r"(?:(?:come|comes|go|goes)\s+back|are\s+(?:given|handed)\s+back|are\s+returned)\b",
        ("when", "the"),
        reach=140,
        echoes=True,
        unless=("dispute",),
    ),
    # "Japan will sooner get the Kurils back than we sell him": the Russian byword quoted in
    # English, a joke about something else.
    _guard(
        "guard.never-give-up-idiom",
        "en",
        "the byword 'sooner will Japan get the Kurils than…', a joke about something else",
        B
        + r"sooner\s+(?:[\w'’-]+\s+){0,5}?"
        + rf"(?:{'|'.join(_KURILS_EN)})(?:\s+islands)?\b[^.;!?\n]{{0,60}}?\bthan\b",
        ("sooner",),
        reach=100,
        echoes=True,
        unless=("dispute",),
    ),
    # "My inbox is my Kuril Islands": a possession someone never gets back, the dispute a
    # figure of speech; no report of the islands says "my Kurils".
    _guard(
        "guard.metaphor",
        "en",
        "a joke or a figure of speech built on the dispute ('my inbox is my Kuril Islands'), "
        "not the islands' news",
        B
        + r"(?:(?:my|your)\s+(?:(?:very\s+)?own\s+|little\s+|personal\s+|private\s+){0,2}"
        # "our own Kuril Islands" of a local quarrel ("our Kurils" alone may be Russia's),
        # "our own little 'Northern Territories'", and a named place's "own" ("Tokyo's own
        # 'Northern Territories'" of two wards' quarrel; the sides' and the islands' own
        # places own them literally; a field's, "the fund's own", is metaphor-likened's)
        + r"|(?:our|(?!(?:Japan|Russia|Soviet|USSR|Moscow|Sakhalin|Hokkaido|Nemuro|Kamchatka"
        + r"|Putin|Kremlin)['’])(?-i:[A-Z])[\w-]*['’]s)\s+(?:very\s+)?own\s+"
        + r"(?:little\s+|personal\s+|private\s+|tiny\s+)?"
        # "calls its lost Kyushu market 'our Northern Territories'": a speaker's own thing
        # named so in quotes (never "calls the islands …")
        + r"|(?:call(?:s|ed|ing)?|dubb?(?:s|ed|ing)?|describ(?:es|ed|ing))\s+"
        + r"(?!(?:the\s+)?(?:four\s+)?islands\b)(?:[\w'’-]+\s+){0,8}?(?:as\s+)?['‘\"“]"
        + r"(?:our|my|their|its)\s+"
        # "every office has its (own) Northern Territories": anyone's, so a figure
        + r"|(?:every|each|any)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:has|have|had)\s+(?:its|their|his|her)"
        + r"\s+(?:very\s+)?(?:own\s+)?(?:little\s+)?)['‘\"“]?"
        + rf"(?:{_BUSINESS_NAMES['en']})"
        + E,
        ("my", "your", "our", "own", "every", "each", "any", "call", "dub", "describ"),
        echoes=True,
        # (what is called so may take eight words: "described the company's shrinking share
        # in Kyushu as 'our Northern Territories'")
        reach=130,
    ),
    # "Linate has become aviation's Kuril Islands", "football's answer to the Kurils": a
    # field's or a trade's own quarrel likened to the islands. Places and states own the
    # islands literally ("the region's Kuril Islands"), and "the answer to the Kuril Islands
    # question" is the dispute's.
    _guard(
        "guard.metaphor-likened",
        "en",
        "another quarrel likened to the dispute ('aviation's Kuril Islands'), not the islands' "
        "news",
        B
        + rf"(?:(?!{_LITERAL_OWNERS_EN}['’])(?-i:[a-z]+)(?:['’]s|(?<=s)['’])\s+"
        + r"(?:own\s+|very\s+own\s+)?"
        # a field's "world" ("the corporate world's Kuril Islands"), never "the world's"
        + r"|(?<=[a-z]\s)(?<!the\s)world['’]s\s+(?:own\s+)?"
        + r"|(?:answer|equivalent|version|counterpart)\s+(?:to|of)\s+the\s+"
        # "the feud has become its own 'Kuril Islands'"
        + r"|(?:is|are|was|were|become|becomes|became)\s+(?:its|their|his|her)\s+(?:very\s+)?own\s+"
        + r"['‘\"“]?"
        # another country's, said to be so: "the marbles are Britain's Kuril Islands" (the
        # sides' and the islands' own places own them literally)
        + r"|(?:is|are|was|were|become|becomes|became)\s+(?:the\s+)?"
        + r"(?!(?:Japan|Russia|Soviet|USSR|Moscow|Tokyo|Sakhalin|Hokkaido|Nemuro|Kamchatka"
        # (the name may be in quotes: "became Osaka's 'Kuril Islands'")
        + r"|Putin|Kremlin)['’])(?-i:[A-Z][\w.-]*)(?:['’]s|(?<=s)['’])\s+(?:own\s+)?['‘\"“]?)"
        # (or the Northern Territories: "the left flank has become the club's Northern
        # Territories")
        + rf"(?:{'|'.join(_KURILS_EN)}|northern\s+territories)(?:\s+islands?)?"
        # the name ends the phrase: "the family's Kuril Islands home" is a modifier
        + r"(?=[ \t]*(?:[.,;:!?)\"'”’—–\n]|\Z)|\s+(?:is|are|was|were|has|have|of|for|in|on|at"
        + r"|and|but|that|which|where|when|with|since|after|before)\b)",
        ("'s", "’s", "s'", "s’", "answer", "equivalent", "version", "counterpart", "own"),
        echoes=True,
        reach=80,
    ),
    # "A stadium row as frozen as the Kurils": a simile; the dispute's own story keeps it.
    _guard(
        "guard.simile",
        "en",
        "a simile built on the dispute ('as frozen as the Kurils'), not the islands' news",
        B
        + r"as\s+(?:[\w-]+\s+){1,2}as\s+(?:the\s+)?"
        + rf"(?:{'|'.join(_KURILS_EN)})(?:\s+islands?)?(?:\s+(?:dispute|row|question))?"
        + E,
        ("as",),
        echoes=True,
        reach=60,
        unless=("dispute",),
    ),
    # "The 'Kuril Islands' of corporate governance": the name alone in quotes, owned by a
    # field or a trade (Japan's own included), a figure for its quarrel; the islands "of
    # Russia" or "of the Sakhalin region" in quotes are still the islands.
    _guard(
        "guard.quoted-figure",
        "en",
        "the name in quotes as a figure for another field's quarrel ('the \u2018Kuril "
        "Islands\u2019 of corporate governance'), not the islands' news",
        r"['‘\"“](?:the\s+)?"
        + rf"(?:{_BUSINESS_NAMES['en']})"
        # (the quote closing after the name, or after what owns it: "the Kuril Islands of
        # Japanese M&A," a fund manager said)
        + r"(?=(?:['’\"”]\s+|\s+)of\s+(?!(?:the\s+)?(?:russia|japan|soviet|ussr|sakhalin|hokkaido"
        # (the word itself: "of Japan", not "of Japanese M&A" or "of Japan's governance")
        + r"|kamchatka|nemuro|kuril|far\s+east|pacific|okhotsk|russian)\b(?!['’]s)))",
        ("'", "‘", '"', "“"),
        echoes=True,
        reach=60,
    ),
    # "surges from a 2006 earthquake in the Kuril Islands sank boats" in Crescent City: the
    # islands as where a past quake struck, in a story about a coast its tsunami reached
    _guard(
        "guard.distant-cause",
        "en",
        "the islands as where a past earthquake struck, in a story about a coast its waves reached",
        B
        + r"(?:surges?|tsunamis?|waves?|swells?|debris)\s+(?:[\w-]+\s+){0,3}?(?:from|generated\s+by"
        + r"|triggered\s+by|caused\s+by|spawned\s+by|unleashed\s+by)\s+(?:an?|the)\s+"
        + r"(?:19|20)\d\d\s+(?:magnitude[\s-][\d.]+\s+)?(?:earthquake|quake)\s+(?:in|off|near)\s+"
        + rf"(?:the\s+)?(?:{'|'.join(_KURILS_EN)})(?:\s+islands?)?",
        ("surge", "tsunami", "wave", "swell", "debris"),
        reach=160,
    ),
    # "a Kuril Islands situation", "a Northern Territories scenario": the name made a kind of
    # deadlock, with an article no report of the islands gives them; and a quote opening
    # "Like the Kurils —"
    _guard(
        "guard.figure-kind",
        "en",
        "the dispute made a kind of deadlock ('a Kuril Islands situation'), a figure of speech",
        B
        + r"(?:(?:an?\s+(?:real\s+|classic\s+|proper\s+|sort\s+of\s+|kind\s+of\s+)?['‘\"“]?"
        # (or the name in quotes without one: "see 'Kuril Islands' stalemate")
        + r"|(?<=['‘\"“]))"
        + rf"(?:{_BUSINESS_NAMES['en']})['’\"”]?[\s-]+(?:situation|scenario|moment|standoff"
        + r"|stand-off|syndrome|stalemate|deadlock|impasse|problem|style|type)\b"
        + rf"|(?<=['‘\"“])like\s+(?:the\s+)?(?:{_BUSINESS_NAMES['en']})\s*[—–:-])",
        (
            *("situation", "scenario", "moment", "standoff", "stand-off", "syndrome"),
            *("stalemate", "deadlock", "impasse", "problem", "style", "type", "like"),
        ),
        echoes=True,
        reach=60,
    ),
    # "Stockholm trio's 'Shikotan'": a band's or an author's work, its title in quotes after
    # its maker's possessive
    _guard(
        "guard.makers-title",
        "en",
        "a work's title in quotes after its maker ('the trio's \u2018Shikotan\u2019'), not "
        "the islands",
        B
        + r"(?:trio|duo|quartet|quintet|band|singer|rapper|songwriter|composer|novelist|author"
        + r"|poet|director|filmmaker|artist|painter|photographer|pianist|guitarist|violinist"
        + r"|cellist|saxophonist|drummer|producer|playwright|choreographer|sculptor|designer"
        + r"|studio|label)['’]s\s+(?:new\s+|latest\s+|"
        + rf"debut\s+)?['‘\"“](?:{_BUSINESS_NAMES['en']})['’\"”]",
        ("'s", "’s"),
        echoes=True,
        reach=80,
    ),
    # 'The Northern Territories', a novel reviewed: a work's title in quotes opening with
    # its article ("The"), which no report of the islands quotes with them
    _guard(
        "guard.quoted-the-title",
        "en",
        "a work's title in quotes ('The Northern Territories', a novel), not the islands",
        r"['‘\"“]The\s+(?i:" + _BUSINESS_NAMES["en"] + r")(?=['’\"”])",
        ("'the", "‘the", '"the', "“the"),
        flags=0,
        echoes=True,
    ),
    # «Отдам Курилы за диплом»: a first-person trade offer is a joke or a slogan; the sides'
    # own statements are in the third person or the plural («не отдадим», «отдаст»).
    _guard(
        "guard.ru-joke-trade",
        "ru",
        "шутка или мем на тему спора («Отдам Курилы за диплом»), а не новость об островах",
        B
        + r"(?:отдам|продам|обменяю|поменяю|променяю)\s+(?:вам\s+|тебе\s+|все\s+|свои\s+){0,2}"
        + rf"{_KURILS_NAME_RU}\s+за"
        + E,
        ("отдам", "продам", "обменяю", "поменяю", "променяю"),
        echoes=True,
        reach=80,
    ),
    # «наши местные Курилы»: a town's own quarrel likened to the islands, a figure of
    # speech even beside the dispute's words it jokes with; «свои Курилы» may be Russia's.
    _guard(
        "guard.ru-metaphor",
        "ru",
        "образ спора о чём-то другом («наши местные Курилы»), а не новость об островах",
        B
        + r"(?:местн|собственн|личн|маленьк|доморощенн|дачн)\w*\s+"
        + rf"{_KURILS_PLURAL_RU}(?!\w)",
        ("местн", "собственн", "личн", "маленьк", "доморощенн", "дачн"),
        echoes=True,
        reach=60,
    ),
    # «Свои Курилы», «Это наши Курилы»: the phrase quoted alone, a headline's figure for a
    # dacha's or a park's quarrel; the dispute's own story keeps it.
    _guard(
        "guard.ru-quoted-figure",
        "ru",
        "образ спора о чём-то другом в кавычках («Свои Курилы»), а не новость об островах",
        # (in any case: жильцы называют участок «нашими Курилами»)
        # (words before it in the quote: «У нас тут свои Курилы — каждый считает…»)
        r"[«\"„“](?:[\w-]+\s+){0,4}?(?:это\s+)?(?:сво|наш)(?:и|их|им|ими)\s+(?:собственн\w+\s+)?"
        + rf"{_KURILS_PLURAL_RU}(?=\s*[»\"“”!?.:,—–])",
        ("свои", "наши"),
        echoes=True,
        reach=60,
        # (the dispute's own slogan, or Moscow's to Tokyo: «Это наши Курилы», — ответила Японии)
        unless=("dispute", "japan"),
    ),
    # «остров, который местные в шутку называют «нашими Курилами»»: a nickname given to a
    # plot or an island of a local quarrel, a figure even beside that quarrel's words of
    # handing over; a rally's slogan «Это наши Курилы» is no nickname.
    _guard(
        "guard.ru-nickname",
        "ru",
        "прозвище места местного спора («называют «нашими Курилами»»), а не новость об островах",
        B
        + r"(?:называ\w+|прозва\w+|прозвищ\w*|окрестил\w*|зовут)\s+(?:[\w-]+\s+){0,3}?"
        + r"[«\"„“](?:[\w-]+\s+){0,2}?(?:сво|наш)\w*\s+"
        + rf"{_KURILS_PLURAL_RU}(?!\w)",
        ("называ", "прозва", "прозвищ", "окрестил", "зовут"),
        echoes=True,
        reach=80,
    ),
    # «Не отдадим, как Курилы»: a club's player kept like the islands, a joke; the
    # dispute's own story keeps it.
    _guard(
        "guard.ru-simile",
        "ru",
        "шутливое сравнение с Курилами («не отдадим, как Курилы»), а не новость об островах",
        B
        + rf"(?:{_HANDED_OVER_RU}[^.!?»\n]{{0,30}}?,?\s+как\s+(?:и\s+)?(?:японц\w+\s+|японии\s+)?"
        + rf"{_KURILS_PLURAL_RU}(?!\w)"
        # «ни очки, ни Курилы японцам»: the islands listed beside a club's points
        + r"|ни\s+(?!пяд|земл|остров|клочк|Сахалин|Крым)[\w-]+(?:\s+[\w-]+)?,\s+ни\s+"
        + rf"{_KURILS_PLURAL_RU}(?!\w)(?=[^.!?»\n]{{0,30}}?[»\"“”])"
        # «Он для нас как Курилы — не продаётся»: the verb after the likening
        + rf"|как\s+(?:и\s+)?{_KURILS_PLURAL_RU}\s*[—–,-]+\s*(?:[\w-]+\s+){{0,2}}?(?:не\s+)?"
        + rf"{_HANDED_OVER_RU}"
        # «Мы же не Курилы отдаём»: it's hardly the Kurils we are giving away
        + rf"|не\s+{_KURILS_PLURAL_RU}\s+(?:же\s+)?{_HANDED_OVER_RU}"
        # «Это вам не Курилы»: it's not the Kurils, you know, a retort
        + rf"|это\s+(?:вам|тебе|им|же)\s+не\s+{_KURILS_PLURAL_RU}(?!\w)"
        # «Цены — хоть Курилы отдавай»: an idiom of a price, a joke
        + rf"|хоть\s+(?:и\s+)?{_KURILS_PLURAL_RU}\s+{_HANDED_OVER_RU}"
        # «Курилы не отдадим — и Соколова тоже»: the slogan stretched to something else
        + rf"|{_KURILS_PLURAL_RU}\s+не\s+{_HANDED_OVER_RU}\s*[—–,-]+\s*(?:и|а\s+также|как\s+и)\s+"
        + r"(?:[\w-]+\s+){1,3}?тоже)",
        None,
        echoes=True,
        reach=80,
        unless=("dispute",),
    ),
    # 'Kurilsky Bereg', «Курильский берег»: a company's or a brand's two-word name in quotes,
    # the adjective of the islands in it; the islands' own names in quotes (the programme
    # «Курильские острова», the district) are not such a name.
    _guard(
        "guard.brand-name",
        "en",
        "a company's or a brand's name in quotes ('Kurilsky Bereg'), not the islands",
        r"(?<=['\"‘“«])(?-i:Kuril(?:sk(?:y|iy|ij|aya|oye|oe|ie|ii)))\s+"
        r"(?!(?i:islands?|ostrova|district|rayon)\b)(?-i:[A-Z])[a-z]+(?=['\"’”»])"
        # the name inside a product's quoted title-case name: 'Pacific Kuril Saury'
        r"|(?<=['\"‘“«])(?:(?!(?:South|Southern|North|Northern|Greater|Lesser|Middle)\b)"
        r"[A-Z][a-z]+\s+){1,2}Kurile?(?:sk(?:y|iy|aya))?\s+"
        r"(?!(?:Islands?|Isles|Chain|Ridge|Arc|District|Region|Ministry|Reserve)\b)[A-Z][a-z]+"
        r"(?=['\"’”»])"
        # an island's name opening a product's quoted title-case name: "Habomai Kombu Chips"
        r"|(?<=['\"‘“«])(?:Habomai|Shikotan|Iturup|Kunashiri?|Etorofu|Kurile?)\s+"
        r"(?!(?:Islands?|Isles|Islets?|Chain|Ridge|District|Region|Strait|Reserve|Airport|Bay"
        r"|Group)\b)(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?=['\"’”»])",
        ("kuril", "habomai", "shikotan", "iturup", "kunashir", "etorofu"),
        flags=0,
        echoes=True,
    ),
    _guard(
        "guard.ru-brand-name",
        "ru",
        "название компании или марки в кавычках («Курильский берег»), а не сами острова",
        r"(?<=[«\"„“])курильск\w+\s+(?!(?:остров|гряд|район|округ|хребт|город)\w*)"
        r"[\w-]+(?:\s+[\w-]+)?(?=[»\"“”])"
        # the adjective after the product's noun: «Сайра курильская», «Чай курильский»
        r"|(?<=[«\"„“])(?:(?!(?:остров|гряд|район|округ|хребт|город|заповедник|южн|северн"
        r"|мал)\w*)[\w-]+\s+){1,3}курильск\w+(?:\s+(?-i:[а-яё])[\w-]*){0,2}(?=[»\"“”])"
        # the adjective alone in quotes before a product, a label's claim: «курильской» сайры
        r"|(?<=[«\"„“])курильск\w+(?=[»\"“”]\s+(?:сайр|икр|краб|рыб|лосос|горбуш|кет|нерк|кальмар"
        r"|минтай|морепродукт|консерв|водк|пив|вод|чай|мед|мёд)\w*)",
        ("курильск",),
        echoes=True,
    ),
    # «Крым — не Курилы», "unlike the Kurils": the islands as the other term of another
    # dispute's comparison; "the Kurils are not Crimea" keeps them the subject.
    _guard(
        "guard.compared-with",
        "en",
        "the term of comparison in another dispute's story ('Crimea is not the Kurils')",
        B
        + r"(?:(?:is|are)\s+not\s+the|unlike\s+(?:the\s+)?|compar\w+\s+(?:it\s+|them\s+)?"
        + rf"(?:with|to)\s+the)\s+(?:{_BUSINESS_NAMES['en']})"
        + E,
        ("not", "unlike", "compar"),
        reach=60,
    ),
    _guard(
        "guard.ru-compared-with",
        "ru",
        "предмет сравнения в статье о другом споре («Крым — не Курилы»)",
        r"(?:[—–-]\s*(?:это\s+)?не\s+|\bв\s+отличие\s+от\s+|\bсравнива\w*\s+с\s+|\bсравнени\w+\s+с\s+)"
        + rf"{_KURILS_NAME_RU}",
        ("не", "отличие", "сравн"),
        reach=60,
    ),
    # クナシリ、重賞初制覇: a katakana name beside the racing page's words is a racehorse.
    _guard(
        "guard.ja-racehorse",
        "ja",
        "a racehorse's name in a racing story, not the islands",
        rf"(?:{_KATAKANA_NAMES_JA})(?![{_KATAKANA}])[^。\n]{{0,40}}?{_RACING_JA}"
        rf"|{_RACING_JA}[^。\n]{{0,40}}?(?<![{_KATAKANA}])(?:{_KATAKANA_NAMES_JA})(?![{_KATAKANA}])",
        tuple(_KATAKANA_NAMES_JA.split("|")),
        applies_to=("ja.iturup", "ja.kunashir", "ja.shikotan", "ja.habomai"),
        echoes=True,
    ),
    # 峠から国後島を望む: the islands as the view from a pass or a cape in Hokkaido; a
    # former islander looking at home (元島民, 返還) is their story.
    _guard(
        "guard.ja-view-of",
        "ja",
        "the islands as a view from elsewhere (峠から国後島を望む), not the story's subject",
        rf"(?:{_ANY_NAME_JA})(?:島|群島|諸島)?{_VIEWING_JA}",
        ("望", "眺", "見渡"),
        effect="demote",
        unless=("dispute", "islanders"),
    ),
]

# --- Companies, figures of speech, answers: the name said, the islands not the story -----
# A company's name made of an island's name and a foreign-word suffix ("Shikotan Labs",
# «Шикотан Лабс», エトロフ・テック): a brand, wherever it was founded.
_COMPANY_SUFFIXES_EN = (
    r"(?-i:Labs?|Tech|Technologies|Capital|Ventures|Systems|Solutions|Software|Robotics"
    r"|Analytics|Digital|Holdings|Partners|Studios?|Games|Inc|Ltd|LLC|Corp"
    # a listed explorer's ("Kuril Resources")
    r"|Resources|Minerals|Mining|Metals|Exploration|Petroleum"
    # "the Habomai Group" is the islets themselves
    r"|(?<!abomai\s)Group(?!\s+of\b))"
)
_COMPANY_SUFFIXES_RU = (
    r"(?-i:Лабс|Лаб|Тех|Текнолоджис|Групп|Груп|Капитал|Венчурс|Системс|Солюшнс|Софт"
    r"|Диджитал|Роботикс|Аналитикс|Холдинг|Студио|Гейм[сз]|Инвест|Трейд|Девелопмент)"
)
_COMPANY_SUFFIXES_JA = (
    "ラボ|テック|テクノロジーズ|キャピタル|ベンチャーズ|システムズ|ソリューションズ"
    "|ホールディングス|グループ|スタジオ|ゲームズ|デジタル"
)
# 北方領土 as a figure of speech for another country's or a town's lost land
# (フィンランドの「北方領土」, わが町の北方領土のようなもの): Japan's and Russia's own are no
# figure, and a figure is quoted or said to be like it.
_NOT_AN_OWNER_JA = (
    "ロシア|ソビエト|ニッポン|プーチン|メドベージェフ|ラブロフ|ザハロワ|クレムリン|アイヌ"
    "|ニュース|シリーズ|テレビ|ラジオ|ドキュメンタリー|スペシャル|キャンペーン|ポスター|パネル"
)
_OWNER_OF_A_FIGURE_JA = (
    # (not the sides' own people, the Ainu's claim, or a programme's 「北方領土」 special)
    rf"(?:(?<![{_KATAKANA}])(?!{_NOT_AN_OWNER_JA})[{_KATAKANA}]{{3,}}|中国|韓国|台湾|英国|米国"
    r"|(?:わ|我)が(?:町|村|市|区|県|社|家|校|党|チーム|クラブ|業界)|うちの(?:町|村|市|会社|家|チーム)"
    # (or うち alone: 庁内の通称は「うちの北方領土」)
    r"|(?<![ぁ-ん])うち(?=の[「『“]?北方)"
    # a family member's or a colleague's (実家の二階は兄の「北方領土」)
    rf"|(?<![{KANJI}])(?:兄|姉|弟|妹|父|母|夫|妻|祖父|祖母|息子|娘|上司|課長|部長|先輩|後輩"
    r"|隣人|お隣|兄貴|姉貴|親父|おやじ|お袋|おふくろ)"
    # a bare 市 or 町 (「用地は市の北方領土」): the speaker's own town, not a named one
    rf"|(?<![{KANJI}])(?:市|町|村|区|県|業界|社内|家庭)"
    # a club's, a team's or a company's (球団にとっての「北方領土」)
    rf"|(?<![{KANJI}])(?:球団|球界|チーム|クラブ|会社|当社|弊社|自社|業者|店))"
)
# 北方領土 or 北方四島 as a fixed-width class, for lookbehinds that end at the name.
_NAME_JA = "[北][方][領四][土島]"
_FIGURES_JA = (
    # (in Japanese brackets or Western quotes: フィンランドの“北方領土”カレリア)
    rf"{_OWNER_OF_A_FIGURE_JA}(?:にとっての|の|版の?)[「『“\"]?(?:北方領土|北方四島)"
    # a figure ends there (「…北方領土」, …のようなもの, …だ); 「わが市の北方領土返還運動」 is
    # Nemuro's own campaign, no figure
    # (or a headline ending on it: 【コラム】わが家の北方領土)
    # (or what a thing has become: 書斎が「わが家の北方領土になっている」)
    r"(?=[」』”\"]|の?よう|みたい|だ|です|と(?:たとえ|例え|呼|いえ|言え)|とも|にな|\n|$)"
    # the figures said by what stands around the name, each tried only where the name
    # stands: the match is the name, its conditions zero-width around it
    r"|(?:北方領土|北方四島)(?:"
    # another conflict "becoming a Northern Territories" (ウクライナの「北方領土化」,
    # 「永田町の北方領土」化)
    r"(?=[」』]?化)"
    # a place or a field of Japan's own that owns it (永田町の北方領土だ), never a side's or
    # the islanders' (日本の北方領土, 元島民の北方領土)
    rf"|(?:(?<=[{KANJI}]{{2}}の{_NAME_JA})|(?<=[{KANJI}]{{2}}の[「『“]{_NAME_JA}))"
    + "".join(
        f"(?<!{owner}の{_NAME_JA})(?<!{owner}の[「『“]{_NAME_JA})"
        for owner in (
            *("日本", "わが国", "我が国", "ソ連", "海道", "根室", "道東", "政府", "島民", "住民"),
            *("四島", "千島", "国民", "全国", "本土", "ロシア"),
        )
    )
    + r"(?=[」』”]|の?よう|みたい|だ|です)"
    # a nickname of a building or a corner (「北方領土」と呼ばれた別館); the islands
    # themselves are called so by the sides (日本が「北方領土」と呼ぶ島々)
    + rf"|(?<=[「『]{_NAME_JA})(?=[」』]と(?:呼ばれ|呼ん|呼ぶ|称され|名付けられ)[^。]{{0,6}}?"
    r"(?:別館|本館|新館|売り場|フロア|部署|部屋|席|建物|棟|コーナー|区画|駐車場|校舎|倉庫|支店"
    r"|窓際|デスク|閑職))"
    # the name alone in quotes, likened (「北方領土」のようだ) or asked of something else
    # in a headline (年金改革は「北方領土」か); 「北方領土」か「南クリル」か is the naming's own
     + rf"|(?<=[「『]{_NAME_JA})(?=[」』](?:の?よう|みたい|か(?:[\s。？?！!]|$))))"
    # a nickname among a firm's or a school's own people (社員の間では「北方領土」と呼ばれ
    # てきた)
    r"|(?:社内|社員|職員|店員|従業員|生徒|学生|部員|選手|常連客|常連)(?:の間)?(?:で|では|から)"
    r"[^。「」]{0,15}[「『](?:北方領土|北方四島)(?=[」』])"
    # likened with まるで (「まるで北方領土だ」, まるで町の北方領土)
    r"|まるで(?:[^。」]{0,10}?の)?[「『]?(?:北方領土|北方四島)"
    # another land as "a second Northern Territories" (クリミアが第二の北方領土に)
    r"|(?:第二|第2|第２|二つ目|もう一つ|もうひとつ)の[「『]?(?:北方領土|北方四島)"
    # a corner of something, quoted (冷凍庫の奥の「北方領土」, 机の隅の「北方領土」)
    r"|(?<=の[奥隅端裏底角])の[「『“\"](?:北方領土|北方四島)(?=[」』”\"])"
    # a spot called so (家族はそこを「北方領土」と呼んでいる); the sides call the islands so
    r"|(?:そこ|ここ|あそこ|それ|これ)を[^。「」]{0,10}?[「『“](?:北方領土|北方四島)[」』”]と"
    r"(?:呼|名付|称)"
)


def _story_about(
    kind: str,
    effect: str,
    unless_there: str,
    by_lang: tuple[tuple[str, str, str, tuple[str, ...]], ...],
) -> list[Guard]:
    """One text guard per language (lang, why, pattern, anchors) for a story about something
    else that names the islands (a quiz, Pearl Harbor), giving way to the dispute's own and
    to the islands' local news."""
    return [
        _guard(
            f"guard.{lang}-{kind}".replace("en-", ""),
            lang,
            why,
            pattern,
            anchors,
            scope="text",
            effect=effect,
            unless=("dispute", "islanders"),
            unless_there=unless_there,
        )
        for lang, why, pattern, anchors in by_lang
    ]


# Islands whose former residents are not the Northern Territories': the four islands' own
# and the Kurils' are (択捉島の元島民).
# (and the four islands as one: 四島の元島民, 北方四島, 千島の元島民)
_OUR_ISLANDS_JA = (
    "択捉|国後|色丹|歯舞|志発|多楽|勇留|秋勇留|水晶|貝殻|得撫|占守|幌筵|新知|松輪|四|北方四|千|南千"
)
_COMPANIES_FIGURES_AND_ANSWERS: list[Guard] = [
    # 硫黄島の元島民, 三宅島の元島民: another island's former residents.
    _guard(
        "guard.ja-other-islanders",
        "ja",
        "another island's former residents (硫黄島の元島民), not the Northern Territories'",
        rf"(?<![{KANJI}])(?!(?:{_OUR_ISLANDS_JA})島)[{KANJI}]{{1,3}}(?:島|諸島|列島)(?:村)?"
        rf"(?:・[{KANJI}]{{1,4}}(?:島|諸島))?(?:の|から避難した)?元島民",
        ("元島民",),
        applies_to=("ja.former-islanders",),
        echoes=True,
    ),
    # The Pearl Harbor attack force sailed from Hitokappu Bay on Iturup: in a story about
    # the attack, the islands are where its fleet left from.
    *_story_about(
        "pearl-harbor",
        "demote",
        "town",
        (
            (
                "en",
                "where the Pearl Harbor fleet sailed from, in a story about the attack",
                B + r"pearl\s+harbou?r" + E,
                ("pearl",),
            ),
            (
                "ru",
                "откуда вышел флот, атаковавший Перл-Харбор: история, а не новость об островах",
                B + r"перл-харбор\w*",
                ("перл-харбор",),
            ),
            (
                "ja",
                "where the Pearl Harbor fleet sailed from, in a story about the attack",
                r"真珠湾",
                ("真珠湾",),
            ),
        ),
    ),
    # "Walter Brandt, Navy flier who bombed Japanese bases at Paramushir, dies at 101", «в
    # юности служил на Курилах пограничником»: an obituary whose islands are where someone
    # fought, served or lived; a former islander's obituary (元島民, the return) or a local
    # figure's (a town of the islands named) is the islands' own.
    *_story_about(
        "obituary",
        "demote",
        "town",
        (
            (
                "en",
                "where someone lived, served or fought, in their obituary",
                r"\b(?:dies|died|dead)\s+at\s+(?:age\s+)?\d{2,3}\b",
                ("died", "dies", "dead"),
            ),
            (
                "ru",
                "где человек жил, служил или воевал, в его некрологе",
                r"(?<!\w)(?:скончал\w*|умер\w*)\s+(?:[\w-]+\s+){0,3}?(?:на\s+\d{2,3}|в\s+возрасте)"
                r"|(?<!\w)на\s+\d{2,3}-?м\s+году\s+жизни",
                ("скончал", "умер", "году жизни"),
            ),
            (
                "ja",
                "where someone lived, served or fought, in their obituary",
                r"(?:歳|才)で(?:死去|亡くなった)|死去した|死去、",
                ("死去", "亡くなった"),
            ),
        ),
    ),
    # A quiz show's or an exam's question about the islands ("a Kuril question" that won a
    # jackpot, «задание о Курильской гряде» in the geography exam): the islands are what
    # was asked, the story is the quiz, even when the question names both sides. A quiz on
    # the islands' day is the dispute's own, one held on the islands or in their towns
    # their local news.
    *_story_about(
        "quiz",
        "look-alike",
        "place",
        (
            (
                "en",
                "the islands as a quiz show's or an exam's question, not the story's subject",
                B
                + r"(?:quiz(?:zes)?|game\s+shows?|trivia|contestants?|jackpot|jeopardy"
                + r"|crosswords?)"
                + E,
                ("quiz", "game", "trivia", "contestant", "jackpot", "jeopardy", "crossword"),
            ),
            (
                "ru",
                "острова как вопрос викторины или экзамена, а не предмет новости",
                B + r"(?:ЕГЭ|ОГЭ|(?:теле)?викторин\w*|экзаменационн\w*)" + E,
                ("егэ", "огэ", "викторин", "телевикторин", "экзаменационн"),
            ),
            (
                "ja",
                "the islands as a quiz show's or an exam's question, not the story's subject",
                r"クイズ番組|クイズ王|早押し|入試問題|試験問題",
                ("クイズ番組", "クイズ王", "早押し", "入試問題", "試験問題"),
            ),
        ),
    ),
    _guard(
        "guard.company-suffix",
        "en",
        "a company's name made of an island's name and a suffix ('Shikotan Labs'), not the islands",
        # (and a trade's words between: "Kuril Seafood Inc.", "Kuril Pacific Trading LLC")
        B + rf"(?:{_SHIPS_EN}|kurils?)\s+(?:(?-i:[A-Z][a-z]+)\s+){{0,2}}{_COMPANY_SUFFIXES_EN}" + E,
        # every match holds its suffix
        (
            *("lab", "tech", "capital", "venture", "system", "solution", "software", "robotic"),
            *("analytic", "digital", "holding", "partner", "studio", "game", "inc", "ltd", "llc"),
            *("corp", "group", "resource", "mineral", "mining", "metal", "exploration"),
            "petroleum",
        ),
        reach=40,
        # (the firm named again without its suffix: "Kuril Pacific charged")
        echoes=True,
    ),
    _guard(
        "guard.ru-company-suffix",
        "ru",
        "название компании из имени острова и иностранного слова («Шикотан Лабс»), а не острова",
        B + rf"(?:{_SHIPS_RU}|курил)\w*\s+{_COMPANY_SUFFIXES_RU}" + E,
        None,
        reach=40,
    ),
    _guard(
        "guard.ja-company-suffix",
        "ja",
        "a company's name made of an island's name and a suffix (エトロフ・テック), not the "
        "islands",
        rf"(?<![{_KATAKANA}])(?:{_KATAKANA_NAMES_JA}|クリル|択捉|国後|色丹|歯舞)・?"
        rf"(?:{_COMPANY_SUFFIXES_JA})",
        None,
        reach=40,
    ),
    _guard(
        "guard.ja-figure-of-speech",
        "ja",
        "北方領土 as a figure of speech for another land (フィンランドの「北方領土」, "
        "わが町の北方領土), not the islands",
        _FIGURES_JA,
        None,
        applies_to=("ja.hoppo-ryodo",),
        reach=40,
    ),
    # A product named after the islands, its kind inside the quotes (「くなしり最中」,
    # 「択捉ラーメン」): a sweet's or a dish's name, not the islands.
    _guard(
        "guard.ja-product-name",
        "ja",
        "the name of a product (a sweet, a dish, a drink), not the islands",
        rf"「(?:{_ANY_NAME_JA})(?:島)?(?:最中|羊羹|ようかん|饅頭|まんじゅう|煎餅|せんべい|サブレ"
        r"|クッキー|大福|どら焼き|カステラ|ラーメン|うどん|そば|丼|定食|弁当|カレー|ビール|焼酎"
        r"|地酒|ワイン|サイダー|ソーダ)」",
        ("「",),
        echoes=True,
    ),
    # A name with a serial number in quotes is a device's or a vehicle's («Курилы-1», a
    # satellite; "Kuril-2"), not the islands.
    _guard(
        "guard.ru-serial-name",
        "ru",
        "название аппарата с номером («Курилы-1»), а не острова",
        r"[«\"„“](?:курил\w*|" + _names("ru") + r")\w*[-‐ ]?\d+[»\"“”]",
        ("«", '"', "„", "“"),
        echoes=True,
    ),
    # 「択捉島」と答え: a contestant's answer on a quiz show (a wrong one, as a joke); a quiz
    # on the islands' day or their return is the dispute's own.
    _guard(
        "guard.ja-quiz-answer",
        "ja",
        "a contestant's answer on a quiz show (「択捉島」と答え), not the islands' news",
        rf"「(?:{_ANY_NAME_JA})(?:島|群島|諸島)?」\s*(?:と|って)\s*(?:答え|回答|解答|珍回答|誤答|誤回答)",
        ("「",),
        unless=("dispute", "islanders"),
        echoes=True,
    ),
    _guard(
        "guard.quiz-answer",
        "en",
        "a contestant's answer on a quiz show (answered 'Iturup'), not the islands' news",
        B
        + r"(?:answered|answering|guessed|guessing|replied|buzzed\s+in\s+with)\s+(?:with\s+)?"
        + rf"[\"“‘'](?:the\s+)?(?:{_SHIPS_EN}|{'|'.join(_KURILS_EN)})(?:\s+islands?)?[\"”’']",
        ("answer", "guess", "replied", "buzzed"),
        unless=("dispute",),
        echoes=True,
    ),
    _guard(
        "guard.ru-quiz-answer",
        "ru",
        "ответ участника викторины («Итуруп»), а не новость об островах",
        B
        + r"(?:ответил\w*|ответив)\s*[:—–-]?\s*"
        + rf"[«\"„“](?:остров\w*\s+)?(?:{_SHIPS_RU}|курил)\w*[»\"“”]",
        ("ответил", "ответив"),
        unless=("dispute",),
        echoes=True,
    ),
]

# After a vessel's word, its name: "the trawler Shikotan", or in apposition ("two Russian
# trawlers, the Shikotan and the Polar Star", "a refrigerated cargo ship, the Kuril Star").
_AFTER_A_VESSEL_EN = r"(?:,\s+the\s+|\s+(?:the\s+)?)"
# The group's names, capitalised, as the view and expert-field guards read them.
_GROUP_NAME_EN = r"(?:Northern\s+Territories|Kurils?|Kurile?s?\s+Islands|Southern\s+Kurils)\b"
_ANOTHER_FRAMEWORK_WHY = "the islands' own arrangement named only as another one than the story's"
# The name beside a capitalised noun of a business: "the Kuril Hotel in Yuzhno-Sakhalinsk".
# A guard of its own, for the business-name guard settles most positions by its nouns' first
# letters; tried after the apposition guard, which says more ("Kuril, a 30-seat restaurant").
_NAME_BESIDE_A_BUSINESS_NOUN = _guard(
    "guard.business-name-before",
    "en",
    "the name of a business, a venue or a brand (a restaurant, a band)",
    rf"(?<![\w'’-])(?-i:(?=[A-Z]))(?:{_BUSINESS_NAMES['en']})"
    # (never a longer title's word: "Kuril Islands Restaurant Week" is the islands' own)
    + rf"\s+(?-i:{'|'.join(_TITLED_AFTER_EN)})(?![\w'’])(?!\s+(?-i:[A-Z]))"
    # or after it, as hotels abroad are named ("Hotel Kurilsky in Yuzhno-Sakhalinsk")
    + rf"|(?<![\w'’-])(?-i:{'|'.join(_TITLED_BEFORE_EN)})\s+(?-i:(?=[A-Z]))"
    + rf"(?:{_BUSINESS_NAMES['en']})(?![\w'’-])"
    # or a review's headline: "Restaurant review: Kunashiri, Shoreditch"
    + rf"|\b(?:restaurant|bar|caf[eé]|pub)\s+review:?\s+(?:{_BUSINESS_NAMES['en']})(?![\w'’-])",
    _anchors((*_TITLED_AFTER_EN, *_TITLED_BEFORE_EN, "review")),
    echoes=True,
)


GUARDS: list[Guard] = [
    # --- English ---
    _guard(
        "guard.kuril-lake",
        "en",
        "Kurile Lake is in Kamchatka",
        B
        + r"(?:kurile?\s+lake|lake\s+kurile?|kurilsk(?:oye|y|iy)\s+lake|lake\s+kurilsk(?:oye|y|iy))"
        + E,
        ("lake",),
    ),
    _guard(
        "guard.kuril-trench",
        "en",
        "the Kuril-Kamchatka Trench is a deep-sea feature",
        B
        # (or glossing another name: "the Chishima (Kuril) Trench")
        # (or two trenches: "the Japan and Kuril trenches")
        + r"(?:kurile?(?:[\s–—-]+kamchatka(?:n)?)?\)?\s+(?:trench(?:es)?|subduction\s+zone)"
        + r"|kurile?[\s–—-]+kamchatka(?:n)?)"
        + E,
        ("kamchatka", "trench", "subduction"),
    ),
    _guard(
        "guard.another-framework",
        "en",
        _ANOTHER_FRAMEWORK_WHY,
        B
        + r"(?:(?:separate|distinct|different)\s+from|not\s+(?:linked|related|connected|tied)\s+to"
        + r"|unrelated\s+to)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?"
        + r"(?:agreements?|frameworks?|arrangements?|talks|deals?|accords?|regimes?)",
        ("separate", "distinct", "different", "not", "unrelated"),
        scope="sentence",
    ),
    _guard(
        "guard.kuril-basin",
        "en",
        "the Kuril Basin is the deep south of the Sea of Okhotsk",
        B + r"(?:(?:south\s+)?kurile?\s+(?:deep[\s-]+sea\s+)?basin|basin\s+of\s+the\s+kurile?s?)",
        ("basin",),
    ),
    _guard(
        "guard.kurilian-bobtail",
        "en",
        "a cat breed",
        B + r"kuril(?:ian|e)?\s+bobtails?" + E,
        ("bobtail",),
    ),
    _guard(
        "guard.kuril-flora",
        "en",
        "a plant named after the Kurils (Kuril tea, larch, cherry, bamboo)",
        B + r"kurile?\s+(?:" + "|".join(_PLANTS_EN) + r")" + E,
        _anchors(_PLANTS_EN),
    ),
    _guard(
        "guard.other-northern-territories",
        "en",
        "another country's northern territories",
        r"Northern\s+Territories\s+of\s+(?!Japan)(?:the\s+)?[A-Z]"
        # (never a Japanese office's: "the Cabinet Office's Northern Territories Affairs
        # Administration", "Hokkaido's Northern Territories campaign")
        r"|\b(?!Japan|Tokyo|Cabinet|Office|Hokkaido|Nemuro|Government|Ministry|Foreign)[A-Z][\w.]*"
        r"(?:\s+[A-Z]\w*)?['’]s\s+Northern\s+Territories",
        ("territories",),
        flags=0,
    ),
    _guard(
        "guard.colonial-northern-territories",
        "en",
        _NT_WHY,
        _NT_CUES,
        _NT_CUE_ANCHORS,
        scope="sentence",
        applies_to=("en.northern-territories",),
    ),
    # "Russia To Develop Its Northern Territories": a title-case headline's possessive, in
    # a text that never speaks of Japan.
    _guard(
        "guard.possessive-northern-territories",
        "en",
        "another country's northern territories",
        r"\b(?i:its|their|our|own)\s+Northern\s+Territories",
        ("territories",),
        flags=0,
        unless=("japan",),
    ),
    # "Osaka's 'Northern Territories'": a city's or a firm's quoted nickname for its own
    # quarrel; Japan's own "Northern Territories" in quotes is the islands' name.
    _guard(
        "guard.possessive-quoted-figure",
        "en",
        "another place's 'Northern Territories' in quotes, a nickname, not the islands",
        r"\b(?:(?!(?:Japan|Tokyo|Russia|Moscow|Hokkaido|Nemuro)['’]s)(?-i:[A-Z])[\w-]+['’]s\s+"
        # (or a field's, plural too: "Japanese exporters' own 'Northern Territories'"; a
        # named place's own is guard.metaphor's)
        rf"|(?!{_LITERAL_OWNERS_EN}['’])(?-i:[a-z]+)(?:['’]s|(?<=s)['’])"
        r"\s+(?:(?i:very\s+)?own\s+)?)"
        r"['‘\"“](?:the\s+)?(?i:Northern\s+Territories|Kurils?|Kurile?s?\s+Islands)['’\"”]",
        ("'s", "’s", "s'", "s’"),
        flags=0,
        echoes=True,
        reach=60,
    ),
    # "likens its stranded subsidiary to 'Northern Territories'": something else likened to
    # the islands, quoted, a figure of speech; the name echoes where the likening is quoted.
    _guard(
        "guard.likened-quoted-figure",
        "en",
        "something else likened to the 'Northern Territories', a figure of speech, not the islands",
        r"\b(?:liken(?:s|ed|ing)?|compar(?:es|ed|ing))\b[^.;!?\n]{0,60}?\bto\s+(?:the\s+|its\s+|a\s+)?"
        r"['‘\"“](?:the\s+)?(?:Northern\s+Territories|Kurils?|Kurile?s?\s+Islands)\b",
        ("liken", "compar"),
        echoes=True,
        reach=100,
        unless=("dispute",),
    ),
    # A bare "the Northern Territories" in a story about Ghana that never names Japan.
    _guard(
        "guard.colonial-northern-territories-text",
        "en",
        _NT_WHY,
        _NT_CUES,
        _NT_CUE_ANCHORS,
        scope="text",
        applies_to=("en.northern-territories",),
        unless=("japan", "russia"),
    ),
    _guard(
        "guard.ship-name",
        "en",
        "a ship named after an island",
        B
        + r"(?:"
        + _VESSEL_EN
        + _AFTER_A_VESSEL_EN
        + r"[\"“']?(?:"
        + _SHIPS_EN
        # "escort ships Shimushu and Kunashiri": each name of the list is a ship's
        + r")(?:[\"”']?(?:,\s*|\s+and\s+|\s+or\s+)[\"“']?(?:"
        + _SHIPS_EN
        + r"))*|(?:m/?v|ss|fv|rfs|hmjs|ijn)\s+[\"“']?(?:"
        + _SHIPS_EN
        + r")|(?:"
        + _SHIPS_EN
        + r")(?:[\s-]class|-gata|-maru))",
        (*_VESSEL_EN_ANCHORS, "class", "gata", "maru", "m/v", "mv", "ss", "fv", "rfs", "ijn"),
        reach=60,
        # (the tanker Iturup of the headline is "the Gabon-flagged Iturup" further down)
        echoes=True,
    ),
    # "the refrigerated cargo ship Kuril Star", "Reefer 'Kuril Star'": the chain's own name
    # as a ship's, either quoted or followed by the rest of the ship's capitalised name
    # (never "Islands", "Strait" or "Chain": "boats Kuril Islands fishermen use" stays).
    _guard(
        "guard.kuril-ship-name",
        "en",
        "a ship named after the islands, in another sea's news",
        B
        + rf"(?i:{_VESSEL_EN})"
        + _AFTER_A_VESSEL_EN
        + r"(?:[\"“'](?i:kurile?s?)(?:\s+(?-i:[A-Z])\w*)?[\"”']"
        + r"|(?i:kurile?s?)\s+(?!(?:Islands?|Isles|Strait|Chain|Ridge|Trench|Current)\b)"
        + r"(?-i:[A-Z])\w+)",
        _VESSEL_EN_ANCHORS,
        flags=0,
        reach=60,
        applies_to=("en.kurils",),
        echoes=True,
    ),
    # "shearwaters … flew a loop across the Pacific, passing Japan, the Kuril Islands and the
    # Aleutians": the chain as one waypoint between other places on a migration's, a
    # flight's or a cruise's route. Both neighbours must be other places, so "patrols off
    # Iturup and Kunashir" and a route that ends at the islands stay hits.
    _guard(
        "guard.route-waypoint",
        "en",
        "the islands as one waypoint of a route through other places, not the story's place",
        r"(?<![^.!?\n])(?=[^.!?\n]*\b(?i:migrat\w*|fl(?:y|ies|ew|own|ight)|routes?|loops?"
        + r"|voyages?|journeys?|cruises?|itinerar\w+|wander\w*)\b)[^.!?\n]*?"
        + r"\b(?i:passing|past|via|over|along|across|crossing|through)\s+(?:the\s+)?"
        + r"(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?"
        # "past Japan, the Kurils and …", "past Japan and along the Kuril chain into …"
        + r"(?:,\s+|\s+and\s+(?:(?i:passing|past|via|over|along|across|through)\s+)?)"
        + r"(?:the\s+)?(?-i:Kurils?|Kurile?s?\s+(?:Islands|chain|island\s+chain|arc))"
        + r"(?:,\s+|\s+and\s+|\s+(?:into|to|towards?)\s+)(?:(?:and|then)\s+)?(?:the\s+)?"
        + r"(?-i:[A-Z])[^.!?\n]*",
        ("passing", "past", "via", "over", "along", "across", "crossing", "through"),
        flags=0,
        scope="sentence",
        applies_to=("en.kurils",),
        unless=("dispute",),
    ),
    # "the cold Oyashio current, which flows south along the Kuril chain toward Hokkaido": a
    # current's path given by the chain, geography, not the islands' news.
    _guard(
        "guard.current-along",
        "en",
        "the islands as the path of an ocean current, geography, not the story's place",
        B
        + r"(?:currents?|oyashio|kuroshio|streams?)\b[^.!?\n]{0,40}?\b(?:flows?|flowing|runs?"
        + r"|running|sweeps?|sweeping|moves?|moving)\s+(?:\w+\s+){0,2}?(?:along|past|down|by)\s+"
        + r"(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        + r")(?:\s+(?:islands?|chain|arc))?"
        + E,
        ("current", "oyashio", "kuroshio", "stream"),
        reach=120,
        applies_to=("en.kurils",),
        unless=("dispute",),
    ),
    # "'like handing Japan the Kurils'", "as good as giving away the Kuril Islands": another
    # loss likened to handing the islands over, a figure of speech (the dispute's own
    # story keeps it).
    _guard(
        "guard.likened-to-handing-over",
        "en",
        "another loss likened to handing the islands over, a figure of speech",
        B
        + r"(?:like|as\s+good\s+as|tantamount\s+to|akin\s+to|the\s+same\s+as)\s+"
        + r"(?:handing|giving|selling|gifting|trading)\s+(?:away\s+|over\s+|back\s+)?"
        + r"(?:(?:japan|tokyo|russia|moscow)\s+)?(?:away\s+|over\s+|back\s+)?(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        + r")(?:\s+islands?)?"
        + E,
        ("like", "as", "tantamount", "akin", "the"),
        reach=80,
        echoes=True,
        unless=("dispute",),
    ),
    # "Nemuro, the eastern Hokkaido city that looks across a narrow strait to the
    # Russian-held Northern Territories, …": a place described by its view of the islands,
    # in a story about that place.
    _guard(
        "guard.described-by-view",
        "en",
        "the islands in a description of another place (the city that looks across to them)",
        B
        + r"(?:city|town|port|village|harbou?r|cape|peninsula|coast|island)\s+(?:that|which)\s+"
        + r"(?:looks?|faces?|overlooks?|lies|sits|stands|gazes?)\b[^.!?;\n]{0,40}?\b"
        + r"(?:to|at|towards?|on|opposite|across|over)\s+(?:the\s+)?"
        + r"(?:(?:Russian|Soviet)-(?:held|controlled|occupied)\s+|disputed\s+)?"
        + _GROUP_NAME_EN,
        ("city", "town", "port", "village", "harbo", "cape", "peninsula", "coast", "island"),
        reach=120,
        unless=("dispute",),
    ),
    # "…, an expert on Russia-Japan relations and the Kuril dispute, said the yen …": the
    # islands as someone's field, not the story's subject.
    _guard(
        "guard.expert-field",
        "en",
        "the islands as an expert's field, not the story's subject",
        B
        + r"(?:expert|specialist|scholar|authority|researcher|analyst|historian)s?\s+"
        + r"(?:[\w'’-]+\s+){0,3}?(?:on|of|in)\s+(?:[\w'’,-]+\s+){0,6}?(?:the\s+)?"
        + _GROUP_NAME_EN,
        ("expert", "specialist", "scholar", "authority", "researcher", "analyst", "historian"),
        reach=120,
    ),
    _guard(
        "guard.ru-expert-field",
        "ru",
        "острова как область занятий эксперта, а не предмет новости",
        B
        + r"(?:автор\w*|специалист\w*|эксперт\w*|исследовател\w*|знаток\w*|историк\w*)\s+"
        + r"(?:[\w-]+\s+){0,6}?(?:по|о|об)\s+(?:[\w,-]+\s+){0,6}?"
        + r"(?:курильск\w+\s+(?:проблем|вопрос|спор|тем)\w*|курил(?:ам|ах))(?!\w)",
        ("автор", "специалист", "эксперт", "исследовател", "знаток", "историк"),
        reach=120,
    ),
    _guard(
        "guard.ja-expert-field",
        "ja",
        "北方領土 as an expert's field (北方領土問題に詳しい教授), not the story's subject",
        r"(?:北方領土|北方四島)(?:問題|交渉)?(?:など|や)?(?:[ァ-ヶー一-龥]{1,8}?(?:外交|関係|政治|問題))?"
        + r"(?:に詳しい|が専門の?|を専門とする|の専門家|研究の第一人者)",
        ("北方領土", "北方四島"),
        reach=60,
    ),
    # 「北方四島交流センター「ニホロ」で開かれ」: the exchanges' hall in Nemuro as the place
    # of a concert or a meeting, a venue's name (a rally held there says so in its own
    # words: 返還, 元島民).
    _guard(
        "guard.ja-hall-as-venue",
        "ja",
        "会場の施設名（北方四島交流センターで開かれた演奏会）で、島のニュースではない",
        r"北方四島交流センター(?:「[^」]{1,12}」|（[^）]{1,12}）)?(?:で|にて)(?:[^。、]{0,12}?)?"
        r"(?:開かれ|開催|行われ|催され|開幕|開会)",
        ("北方四島交流センター",),
        effect="demote",
        reach=60,
    ),
    # "The small izakaya … takes its name from the chef's grandmother's hometown": a venue
    # whose name is explained as a name is not a story about the place it was named after.
    _guard(
        "guard.venue-named-from",
        "en",
        "a restaurant or a shop named after the place, not news from it",
        B
        + r"(?:restaurant|izakaya|bar|caf[eé]|bistro|eatery|diner|shop|bakery|brewery|store)s?"
        + r"\b[^.!?\n]{0,120}?\b(?:takes|took|gets|got|draws|drew|borrows|borrowed)\s+its\s+name"
        + r"\s+from",
        (
            *("restaurant", "izakaya", "bar", "caf", "bistro", "eatery", "diner", "shop"),
            *("bakery", "brewery", "store"),
        ),
        scope="text",
        unless=("dispute", "russia"),
    ),
    # "The ships of the class were Etorofu, Matsuwa, Sado…": an island's name in a list of
    # other names in a sentence about ships. The sentence scope keeps "warships off Iturup
    # and Kunashir" (no other names between) a hit.
    _guard(
        "guard.ship-list",
        "en",
        "a ship named after an island, in a list of ship names",
        # A whole sentence that speaks of ships and names the island in a list of at least
        # four names, the others not the islands'.
        r"(?<![^.!?\n])(?=[^.!?\n]*\b(?i:"
        + _VESSEL_EN
        + r"|class|navy|naval|escorts?)\b)[^.!?\n]*?(?:"
        + rf"(?:{_OTHER_NAME},\s+){{2,8}}(?i:{_SHIPS_EN})\b"
        + rf"|\b(?i:{_SHIPS_EN})(?:\s*\([^)]{{0,12}}\))?(?:,\s+{_OTHER_NAME}){{3}})"
        + r"[^.!?\n]*",
        (*_VESSEL_EN_ANCHORS, "class", "navy", "naval", "escort"),
        flags=0,
        scope="sentence",
        # The kanji in brackets after a romanised ship name are the ship's name too.
        applies_to=tuple(
            f"{lang}.{p.key}"
            for p in PLACES
            if p.ship_name
            for lang in ("en", "ja")
            if lang in p.names
        ),
    ),
    # "The Kurils take their name from the verb kurit'", «название «Курилы» происходит от»,
    # 千島の地名の由来: where the name comes from, a word's story, not the islands' news.
    _guard(
        "guard.etymology",
        "en",
        "where the name comes from, not news of the islands",
        B
        + r"(?:(?:"
        + "|".join(_KURILS_EN)
        + r"|"
        + _names("en")
        + r")(?:\s+islands?)?\s+(?:take|takes|took|get|gets|got|derive|derives|derived|owe|owes)"
        + r"\s+(?:their|its)\s+name\s+from"
        + r"|name\s+(?:of\s+the\s+)?['‘\"“]?(?:"
        + "|".join(_KURILS_EN)
        + r")['’\"”]?\s+(?:comes|came|derives|is\s+derived|stems|originates)\s+from"
        + r"|etymology\s+of\s+(?:the\s+)?(?:name\s+)?['‘\"“]?(?:"
        + "|".join(_KURILS_EN)
        # "Why are the Kuril Islands so called?", "the name Kuril Islands was received from"
        + r")|why\s+(?:are\s+|were\s+|is\s+)?(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        + r")(?:\s+islands?)?\s+(?:so\s+|thus\s+)?(?:called|named)"
        + r"|name\s+['‘\"“]?(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        + r")(?:\s+islands?)?['’\"”]?\s+(?:was\s+|were\s+)?(?:received|got|acquired|given|taken)"
        # the name as a word in quotes: 'began to call them "Kuril Islands"'
        + r"|call(?:ed|ing)?\s+them\s+['‘\"“](?:"
        + "|".join(_KURILS_EN)
        + r"))",
        ("name", "etymology", "why", "call"),
        reach=80,
    ),
    _guard(
        "guard.ru-etymology",
        "ru",
        "происхождение названия, а не новость об островах",
        B
        + r"(?:курил\w*\s+(?:острова\s+)?(?:получили|получил[аио]?|обязаны)\s+(?:сво\w+\s+)?"
        + r"назван\w*\s+(?:от|по|благодаря)"
        # (the name first: «Свое название Курильские острова получили по имени народа»)
        + r"|назван\w*\s+курил\w*\s+(?:острова\s+)?(?:получили|получил[аио]?)"
        # «Почему Курильские острова так называются?», «почему эти острова зовутся Курильскими»
        + r"|почему\s+курил\w*\s+(?:острова\s+)?(?:так\s+)?(?:называ|зову|именую)\w*"
        + r"|почему\s+(?:эти\s+)?острова\s+(?:так\s+)?(?:называ|зову|именую)\w*\s+курил\w*"
        + r"|(?:называ|зва)\w*\s+их\s+[«\"„“]курил\w*"
        + r"|назван\w*\s+[«\"„“]?курил\w*[»\"“”]?\s+(?:происходит|произошло|восходит|связан\w*)"
        + r"|этимологи\w*\s+(?:названия\s+)?[«\"„“]?курил\w*)",
        ("назван", "этимолог", "почему", "называ", "зва"),
        reach=80,
    ),
    _guard(
        "guard.ja-etymology",
        "ja",
        "地名の由来・語源で、島のニュースではない",
        r"(?:千島|クリル)(?:列島|諸島)?(?:という)?(?:の)?(?:名前|名称|地名|名)?の?(?:由来|語源)",
        ("由来", "語源"),
        reach=40,
    ),
    _guard(
        "guard.origin",
        "en",
        "the islands as where a plant, a breed or a word comes from, not where news happens",
        B
        + r"(?:(?:originat\w+|native|endemic|indigenous|descended|common|widespread"
        + r"|distributed)\s+(?:\w+\s+){0,2}"
        # ("native to the Russian Far East and the Kuril Islands")
        + r"(?:from|to|in|on|across|throughout)\s+(?:the\s+)?"
        + r"(?:(?:[\w-]+,?\s+){1,3}(?:and|or)\s+(?:the\s+)?)?(?:"
        + "|".join(_KURILS_EN)
        # a breed that "hails from eastern Russia, from Sakhalin and the Kuril Islands"
        + r")|(?:hails?|hailing|originally)\s+from\s+(?:[\w-]+,?\s+){0,6}?(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        # a breed that "descends from short-tailed cats once found on the Kuril Islands"
        + r")|descend(?:s|ed|ing)?\s+from\s+[^.;!?\n]{0,50}?\b(?:found|living|kept|bred)\s+"
        + r"(?:on|in)\s+(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        # or "traces its origins to cats on the Kuril Islands"
        + r")|trac(?:es|ed|ing)\s+(?:its|their)\s+(?:origins?|roots|ancestry|lineage)\s+"
        + r"(?:back\s+)?to\s+[^.;!?\n]{0,40}?\b(?:on|in|from)\s+(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        # "named after islands in the Kuril chain", "named for an island of the Kurils"
        + r")|named\s+(?:after|for)\s+(?:(?:the|an?|islands?|isles|of|in)\s+){0,4}(?:"
        + "|".join(_KURILS_EN)
        + r"|"
        + _names("en")
        + r")|(?:"
        + "|".join(_GROWN_EN)
        + r")\s+(?:\w+\s+){0,2}from\s+(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        # a species' type locality: "first described from specimens collected in the Kurils"
        + r")|described\s+from\s+(?:(?:[\w-]+\s+){0,4}?(?:in|on|from)\s+)?(?:the\s+)?(?:"
        + "|".join(_KURILS_EN)
        # or a thing named with the island's name after it ("later named Kunashiri after the
        # island"), the name its own
        + r")|named\s+(?:"
        + _names("en")
        + r")\s+(?:after|for)\s+(?:the|an?|its|their)\s+"
        + r"(?:island|islands|islet|isle|place|home)\b"
        # or first collected on one of its islands ("first collected on Shikotan in 1890")
        + r"|first\s+(?:collected|described|recorded|discovered)\s+(?:on|in|from)\s+(?:the\s+)?"
        + r"(?:island\s+of\s+)?(?:"
        + "|".join(_KURILS_EN)
        + r"|"
        + _names("en")
        + r"))",
        (
            "described",
            "hail",
            "originally",
            "originat",
            "native",
            "endemic",
            "indigenous",
            "descend",
            "trac",
            "common",
            "widespread",
            "distributed",
            "named",
            "first",
            *_anchors(_GROWN_EN),
        ),
    ),
    _guard(
        "guard.title-en",
        "en",
        "part of a minister's title or an office's name, not the story's subject",
        # (a headline's comma for the "and": "minister for Okinawa, Northern Territories")
        r"(?:Okinawa(?:\s+and|,)\s+(?:the\s+)?Northern\s+Territories(?:\s+Affairs)?"
        r"|Northern\s+Territories\s+"
        r"(?:Affairs|Issue\s+Association)|Headquarters\s+for\s+Northern\s+Territories)",
        ("territories",),
        flags=0,
        effect="demote",
    ),
    # --- Russian ---
    _guard(
        "guard.ru-smoking",
        "ru",
        "«курил» с маленькой буквы — прошедшее время глагола «курить»",
        B + r"курил" + E,
        ("курил",),
        flags=0,
    ),
    _guard(
        "guard.ru-lake",
        "ru",
        "Курильское озеро — на Камчатке",
        B + r"(?:курильск\w+\s+озер\w*|(?:озер\w*|оз\.)\s*курильск\w*)",
        ("озер", "оз."),
    ),
    _guard(
        "guard.ru-bobtail",
        "ru",
        "порода кошек",
        B + r"(?:курильск\w+\s+бобтейл\w*|бобтейл\w*\s+(?:\w+\s+)?курильск\w*)",
        ("бобтейл",),
    ),
    # The breed's home island in the breed's own sentence: «отвезут новую кровь с родимого
    # острова Кунашир на материк … кошки породы "курильский бобтейл"».
    _guard(
        "guard.ru-breed-home",
        "ru",
        "остров как родина породы кошек, а не место события",
        B
        + r"(?:с|из)\s+(?:[\w-]+\s+){0,2}?(?:остров\w*\s+)?(?:курил\w*|"
        + _names("ru")
        + r")\w*(?=[^.!?\n]{0,160}?(?:бобтейл|пород\w*\s+кош))",
        ("бобтейл", "пород"),
    ),
    _guard(
        "guard.ru-flora",
        "ru",
        "растение, названное по Курилам (курильский чай, лапчатка, лиственница)",
        B
        + rf"(?:курильск\w+\s+(?:{'|'.join(_PLANTS_RU)})\w*"
        + rf"|(?:{'|'.join(_PLANTS_RU)})\w*\s+курильск\w*)",
        _anchors(_PLANTS_RU),
    ),
    _guard(
        "guard.ru-trench",
        "ru",
        "глубоководный желоб",
        r"курил\w*[\s-]+камчатск\w*|ж[её]лоб\w*\s+курильск\w*|курильск\w+\s+ж[её]лоб\w*",
        ("камчатск", "желоб", "жёлоб"),
    ),
    _guard(
        "guard.ru-basin",
        "ru",
        "Курильская котловина — глубоководная часть Охотского моря",
        B + r"(?:курильск\w+\s+котловин\w*|котловин\w*\s+курильск\w*)",
        ("котловин",),
    ),
    _guard(
        "guard.ru-ship-name",
        "ru",
        "судно, названное в честь острова",
        B
        + _VESSEL_RU
        + r"\s+(?:[\w-]+\s+){0,3}"
        + _QUOTE_OPEN
        + r"(?:"
        + _SHIPS_RU
        + r")\w*"
        # корабли «Кунашир» и «Итуруп»: each quoted name of the list is a ship's
        + rf"(?:[»\"”]?\s*(?:,|и)\s*{_QUOTE_OPEN}(?:{_SHIPS_RU})\w*)*",
        None,
    ),
    # траулер «Курилы», сейнер «Курильск»: the chain's own name quoted after a vessel word
    # is a ship's, in any sea (guard.ru-ship-name covers the islands' single names).
    _guard(
        "guard.ru-kuril-ship-name",
        "ru",
        "судно, названное в честь Курил",
        B
        + rf"(?:{_VESSEL_RU}|{_AIRCRAFT_RU})\s+(?:[\w-]+,?\s+){{0,3}}{_QUOTE_OPEN}"
        + r"(?:(?:южно|северо|мало)-)?курил\w*",
        None,
        # the craft's name written again is the same craft («Лайнер «Курильск»» … «Курильск»)
        echoes=True,
    ),
    # «Скорее Курилы японцам отдадут, чем мы его продадим», «Скорее японцы Курилы получат,
    # чем…»: the islands as the byword for what is never given up, in a joke about something
    # else (a club keeping its goalkeeper), in any word order and with any verb of handing
    # them over or getting them back. The same words echo in the headline («Курилы не
    # отдадим»); a story with the dispute's own phrases keeps them.
    _guard(
        "guard.ru-never-give-up-idiom",
        "ru",
        "поговорка «скорее Курилы отдадут (получат), чем…» — шутка о другом, а не об островах",
        B
        + rf"скорее\s+(?:[\w-]+\s+){{0,3}}?{_kurils_handed_over_ru(3)}"
        + r"(?:\s+[\w-]+){0,3}?\s*,\s*чем",
        ("скорее",),
        reach=80,
        echoes=True,
        unless=("dispute",),
    ),
    # «Продать его сейчас — всё равно что Курилы отдать»: the islands as the byword for what
    # is never given up, likened to something else (a club's player), either word order.
    _guard(
        "guard.ru-likened-to-giving-up",
        "ru",
        "оборот «всё равно что Курилы отдать» — сравнение о другом, а не об островах",
        B
        + r"(?:вс[её]\s+равно,?\s+что|равносильн\w*(?:\s+тому,?\s+чтобы)?"
        + r"|(?:то\s+же\s+самое|одно\s+и\s+то\s+же),?\s+что|это\s+как"
        # (or compared with it: «сравнили продажу капитана с «отдачей Курил»»)
        + r"|сравни\w*\s+(?:[\w-]+\s+){0,4}?со?)\s+[«\"„“]?"
        + rf"(?:[\w-]+\s+){{0,2}}?{_kurils_handed_over_ru(2)}",
        ("равно", "равносильн", "самое", "одно", "это", "сравни"),
        reach=80,
        echoes=True,
        unless=("dispute",),
    ),
    # «Китайского краба продавали под видом «курильского»»: the islands' name as a label a
    # product is passed off under, an origin claimed, not the islands' news.
    _guard(
        "guard.ru-passed-off-as",
        "ru",
        "товар, выданный за «курильский»: название как ярлык происхождения, а не острова",
        B + r"(?:под\s+видом|под\s+маркой|выда\w+\s+за|как)\s+[«\"„“]курильск\w*[»\"“”]",
        ("под", "выда", "как"),
        reach=60,
    ),
    # «Курил с четырнадцати лет»: capitalised only because it opens a sentence or a quote,
    # and followed by what follows a verb (a preposition, an adverb, a pronoun), not a noun
    # the genitive "Курил" would depend on.
    _guard(
        "guard.ru-smoking-sentence-start",
        "ru",
        "«Курил» в начале фразы — прошедшее время глагола «курить»",
        r"(?:(?<![^.!?…\n«\"„“ ])(?<![\w,;:—-] ))"
        + r"Курил(?=\s+(?:с|со|по|много|мало|давно|всю|всё|всегда|раньше|он|я|ли|когда|как"
        + r"|сигарет\w*|трубк\w*|кальян\w*"
        # «Курил в туалете», «Курил на борту»: where one smoked
        + r"|в|во|на|прямо|тайком|дважды|электронн\w*|вейп\w*)\b)",
        ("курил",),
        flags=0,
    ),
    # «Курилка», «курево» и «Курилы»: words in quotes discussed as words (a language
    # column), one of them lower-case, the islands' name one item of the list
    _guard(
        "guard.ru-words-as-words",
        "ru",
        "слово в ряду слов в кавычках (заметка о языке), а не новость об островах",
        r"(?=(?:[«\"„“][\w-]+[»\"“”],?\s+){0,4}(?:и\s+|или\s+)?[«\"„“](?-i:[а-яё])[\w-]*[»\"“”])"
        r"(?:[«\"„“][\w-]+[»\"“”],?\s+){1,4}(?:и\s+|или\s+)?[«\"„“](?:Курил\w*|курил\w*)[»\"“”]",
        ("«", '"', "„", "“"),
        flags=0,
        echoes=True,
        reach=80,
    ),
    _guard(
        "guard.ru-quoted-name",
        "ru",
        "название в кавычках (компания, студия, фестиваль), а не сами острова",
        "".join(f"(?<!{word} )" for word in _ON_THE_ISLANDS_RU)
        # The quotes hug a name (in «Кунашир» or "Кунашир"); spaced quotes quote no name (the
        # same in every guard that reads a quoted name: tests/test_match.py holds them to it).
        + _QUOTE_OPEN
        + r"(?:"
        + _names("ru", ships=True)
        + r")\w*[»\"“”']",
        None,
        effect="demote",
    ),
    _guard(
        "guard.ru-urup-river",
        "ru",
        "река Уруп на Кубани",
        B + r"(?:рек\w+\s+уруп\w*|урупск\w*|уруп\w*\s+рек\w*)",
        ("уруп",),
    ),
    _guard(
        "guard.ru-origin",
        "ru",
        "острова как происхождение растения или породы, а не место события",
        B
        + r"(?:(?:родом|происход\w+|эндемик\w*|назван\w*\s+в\s+честь"
        # where a plant or an animal lives: its range, not the story's place
        + r"|распростран[её]н\w*|обита\w+|произраста\w+|встречает\w+"
        # (a plant that «в природе растет на Сахалине, Курилах и севере Японии»)
        + r"|в\s+(?:дикой\s+)?природе\s+раст(?:[её]т|ут))\s+"
        + r"(?:[\w-]+\s+){0,3}(?:с\s+|из\s+|на\s+|в\s+|по\s+)?(?:\w+(?:,\s+|\s+и\s+))?"
        # brought *from* the islands; brought *to* them (привезла на Шикотан) is their news
        + r"|(?:завез|привез)\w*\s+(?:[\w-]+\s+){0,3}(?:с|из)\s+(?:\w+\s+и\s+)?"
        # Seedlings or a breed *from* the islands; seedlings planted *on* them are news.
        # («порода аборигенных кошек из Курильских островов»)
        + r"|(?:саженц|семен|черенк|пород)\w*\s+(?:\w+\s+){0,3}(?:с|из)\s+)"
        + r"(?:курил\w*|курильск\w+|"
        + _names("ru")
        + r")",
        (
            "родом",
            "происход",
            "завез",
            "привез",
            "эндемик",
            "назван",
            "саженц",
            "семен",
            "черенк",
            "пород",
            "распростран",
            "обита",
            "произраста",
            "встречает",
            "природе",
        ),
    ),
    # --- Japanese ---
    # 「はぼまい花咲ガニまつり」: a festival's or a race's quoted name holding the name (or its
    # reading), held in Nemuro; the campaign's own rallies (大会) keep it.
    _guard(
        "guard.ja-event-name",
        "ja",
        "part of a festival's or an event's name (「はぼまい花咲ガニまつり」), not the islands",
        rf"「[^」]{{0,12}}?(?:{_ANY_NAME_JA}|はぼまい|しこたん|えとろふ|くなしり)[^」]{{0,12}}?"
        r"(?:まつり|祭り|祭|フェスタ|フェス|フェア|マラソン)」",
        ("まつり", "祭", "フェス", "フェア", "マラソン"),
        echoes=True,
    ),
    # The islands' own regime named only to say the story's is another (サケ・マス交渉は、
    # 四島周辺の「安全操業」とは別のものだ; このほかにも…安全操業の交渉など複数の枠組みがある).
    _guard(
        "guard.ja-another-framework",
        "ja",
        _ANOTHER_FRAMEWORK_WHY,
        r"とは別(?:の|に|だ|で|個)|とは異なる|別の枠組み"
        r"|(?:このほか|ほかにも)[^。]{0,80}?(?:など)?(?:複数の)?(?:枠組み|交渉)(?:が|も)(?:ある|存在)",
        ("別", "異なる", "このほか", "ほかにも"),
        scope="sentence",
    ),
    _guard(
        "guard.ru-another-framework",
        "ru",
        "острова названы лишь в другом соглашении, не в том, о котором новость",
        B
        # (said unrelated: «не связаны с отдельным соглашением 1998 года о промысле … у южных
        # Курил»; «отдельно от соглашения действует договорённость» may be the islands' too)
        + r"не\s+(?:связан\w*|имеют\s+отношения)\s+(?:с|к)\s+"
        + r"(?:[\w-]+\s+){0,4}?(?:соглашени|договор|переговор|режим|механизм|договоренност)\w*",
        ("не",),
        scope="sentence",
    ),
    _guard(
        "guard.ja-trench",
        "ja",
        "千島海溝 is an ocean trench",
        r"千島海溝|千島・カムチャツカ海溝|クリル・カムチャツカ海溝|千島列島沿いの海溝",
        ("海溝",),
    ),
    _guard(
        "guard.ja-basin",
        "ja",
        "the Kuril Basin of the Sea of Okhotsk",
        r"千島海盆|クリル海盆|南千島海盆",
        ("海盆",),
    ),
    _guard(
        "guard.ja-flora",
        "ja",
        "a plant named after the Kurils",
        r"千島(?:桜|ザクラ|笹|ザサ|フウロ|キンバイ|リンドウ|ギキョウ|ハンノキ)|チシマ",
        None,
    ),
    _guard(
        "guard.ja-origin",
        "ja",
        "the islands as the origin of a plant or a breed",
        r"(?:千島列島|千島|北方四島|クリル諸島|択捉島?|国後島?|色丹島?)"
        r"(?:(?:や|と|、|・)[^。、]{1,10}?)?(?:など)?(?:が|の)?(?:原産|に分布|に自生)"
        r"|原産地?(?:は|が)[^。]{0,12}?(?:千島列島|千島|北方四島|クリル諸島)"
        # named after the islands (a ship, a plant): 千島列島の島にちなんで名付けられた
        r"|(?:千島列島|千島|北方四島|クリル諸島|択捉島?|国後島?|色丹島?)(?:の島)?"
        r"(?:にちな[んむみ]|から(?:名付け|命名)|の名を冠)"
        # a species first collected or found there (色丹島で最初に採集された, 得撫島（ウルップ
        # 島）で最初に見つかった), its name's origin
        rf"|(?:{_ANY_NAME_JA})(?:島)?(?:（[^）]{{1,12}}）)?(?:で|から)(?:最初に|初めて)?"
        r"(?:採集|採取|発見|記載|見つか)"
        # animals brought from there to a zoo (千島列島周辺などから輸入され), or come over
        # by themselves (ラッコの親子 千島列島から移り住んだか)
        r"|(?:千島列島|千島|クリル諸島)(?:周辺|近海)?(?:など)?から(?:輸入|持ち込|連れ)"
        # a species' range (オホーツク海や千島列島周辺で繁殖し、冬に北海道沿岸へ南下)
        r"|(?:千島列島|千島|クリル諸島)(?:周辺|近海|沿岸)?(?:など)?で(?:繁殖|越冬|生息)"
        r"|(?:ラッコ|アザラシ|オットセイ|クジラ|シャチ|イルカ|ワシ|カモメ|海鳥)"
        r"[^。]{0,20}?(?:千島列島|千島|クリル諸島)(?:周辺|近海)?(?:など)?から"
        r"(?:移り住|渡って|移動|やって来|流れ着|南下)"
        # or those that grew in number there and came over (千島列島で増えた個体が南下して)
        r"|(?:千島列島|千島|クリル諸島)(?:周辺|近海)?(?:など)?で[^。]{0,12}?(?:個体|群れ)"
        r"[^。]{0,6}?(?:移り住|渡って|移動|やって来|流れ着|南下)",
        (
            *("原産", "分布", "自生", "ちな", "名付け", "命名", "冠", "採集", "採取", "発見"),
            *("記載", "見つか", "輸入", "持ち込", "連れ"),
            *("移り住", "渡って", "移動", "やって来", "流れ着", "南下", "繁殖", "越冬", "生息"),
        ),
    ),
    _guard(
        "guard.ja-chishima-name",
        "ja",
        "千島 as a place in Osaka or a surname",
        r"大正区千島|千島町|千島(?:[一-龥ぁ-ん]{1,3})?(?:さん|氏|様|君|選手|監督|容疑者|被告|教授"
        r"|会長|社長)",
        None,
    ),
    _guard(
        "guard.ja-substring",
        "ja",
        "国後 inside another word (帰国後 'after returning home', 全国後援会)",
        rf"[{KANJI}]国後(?!島)",
        None,
    ),
    # 歯舞 is also a district of Nemuro City on the Hokkaido mainland, with its own port,
    # fishery cooperative and brands; 歯舞群島/歯舞諸島 are the islands.
    _guard(
        "guard.ja-habomai-district",
        "ja",
        "歯舞 as the district of Nemuro City and its fishery cooperative, not the islands",
        # (and the cooperative's forerunners: 歯舞他5ケ村漁業組合, 歯舞漁業会)
        r"歯舞(?:漁協|漁業協同組合|漁業組合|漁業会|他[0-9０-９一二三四五六七八九]+[ケヶか]村"
        r"|漁港|地区|市場|支所|会館|小学校|中学校|産|ブランド|昆布しょうゆ"
        r"|[0-9０-９一二三四五六七八九]+丁目|保育所|郵便局|診療所|出張所|町内会"
        # a school's short name (歯舞小, 歯舞中), never the islets' own words
        r"|(?:小|中)(?![学]?(?:島|諸島|群島)))|はぼまい昆布"
        # the district after its city, or after 同市 ('the said city') once the city is named
        r"|(?:根室(?:市|・)|同市|市内)歯舞(?!群島|諸島)"
        # one of a list of cooperatives: 歯舞、落石、根室湾中部の3漁協
        r"|歯舞(?=(?:[、・と][^。、]{1,8}){1,4}?の?[0-9０-９一二三四五六七八九]*(?:漁協|漁業協同組合))",
        None,
    ),
    _guard(
        "guard.ja-krill",
        "ja",
        "クリル as krill (オキアミ), not the Kurils",
        r"クリル(?:オイル|・オイル|ミール)|スパーバ・クリル|南極(?:の)?クリル",
        None,
    ),
    _guard(
        "guard.ja-quoted-name",
        "ja",
        "a name in 「」 (a ship, a book, a brand), not the islands themselves",
        r"「(?:" + _SHIPS_JA + r")」",
        None,
        effect="demote",
    ),
    _guard("guard.ja-lake", "ja", "Kurile Lake in Kamchatka", r"クリル湖|クリリスコエ湖", None),
    # 「日本列島の沖から千島列島、アリューシャン列島を経てベーリング海に至る経路」: the chain as
    # one waypoint between two other places on a migration's or a voyage's route (the same
    # kind as guard.route-waypoint), in a text without the dispute; or passed on the way
    # from somewhere to somewhere (南半球で繁殖し、千島列島沖などを経てベーリング海まで渡る).
    _guard(
        "guard.ja-route-waypoint",
        "ja",
        "経路の一地点としての千島列島（渡り・航路）、ニュースの場所ではない",
        r"(?<![^。！？\n])(?=[^。！？\n]*(?:経路|ルート|渡り|渡る|渡っ|航路|周回|飛行|回遊))"
        + r"[^。！？\n]*?(?:"
        + r"(?:列島|諸島|半島|島|沖|海|湾)(?:から|、|や)千島(?:列島)?"
        + r"(?:、|を経て|を通って|を通り|や)"
        + r"[^。！？\n]*?(?:列島|諸島|半島|島|海|湾)"
        + r"|(?:で|から)[^。！？\n]*?千島(?:列島)?(?:沖|近海|周辺)?(?:など)?"
        + r"を(?:経て|通って|通り|越えて)[^。！？\n]*?(?:列島|諸島|半島|島|海|湾)(?:まで|へ|に)"
        + r")[^。！？\n]*",
        None,
        scope="sentence",
        applies_to=("ja.chishima", "ja.chishima-bare"),
        unless=("dispute",),
    ),
    _guard("guard.ja-bobtail", "ja", "a cat breed", r"クリリアン", None),
    _guard(
        "guard.ja-ship-name",
        "ja",
        "a ship named after an island",
        r"(?:"
        + _SHIPS_JA
        + r")(?:島)?型|(?:艦|船|丸)(?:の)?\s*(?:「[^」]{1,8}」(?:や|と|、|・)?){0,3}"
        r"「(?:" + _SHIPS_JA + r")",
        None,
    ),
    # A ship named before is then written bare, without 島: "国後は占守型海防艦の1隻だった".
    _guard(
        "guard.ja-ship-bare",
        "ja",
        "a ship named after an island (its name without 島, in a sentence about warships)",
        # The span is the name alone, so other names in the sentence keep their hits.
        rf"(?:{_SHIPS_JA})(?![島・、]|両島)(?=[^。\n]{{0,150}}{_SHIP_WORDS_JA})",
        None,
        reach=200,
    ),
    _guard(
        "guard.ja-title",
        "ja",
        "part of a minister's title or an office's name, not the story's subject",
        # (the Issue Association itself is the campaign's: ja.campaign)
        r"沖縄(?:・|及び|および)?北方領土?(?:問題)?(?:対策)?担当|北方領土(?:問題)?対策本部"
        r"|北方領土(?:問題)?(?:を|の)?担当(?:する)?(?:相|大臣)",
        None,
        effect="demote",
    ),
    *_NAME_OF_A_BUSINESS,
    _guard(
        "guard.business-apposition",
        "en",
        "the name of a restaurant, a venue or a band, said by what it is ('Kuril, a 30-seat "
        "restaurant') or what it has ('the Kurils' second album')",
        _BUSINESS_APPOSITION_EN,
        (",", "'", "’", *_VENUE_NOUN_ANCHORS_EN),
        applies_to=tuple(
            f"en.{key}" for key in ("kurils", "northern-territories", *_SHIP_PLACE_KEYS)
        ),
        reach=80,
        echoes=True,
    ),
    _NAME_BESIDE_A_BUSINESS_NOUN,
    *_PROPER_NAMES_OF_OTHER_THINGS,
    *_NAMES_OF_PEOPLE_AND_THINGS,
    *_REGION_PAIR,
    *_NAMES_AS_MODIFIERS,
    *_JOKES_AND_ELSEWHERE,
    *_COMPANIES_FIGURES_AND_ANSWERS,
]

# A phrase of the dispute as a place's geography in a story about the place ("the city,
# whose coastline faces the Russian-held islands, opened a hospital wing"): the phrase
# right after one of these is no context of the story. Each pattern ends where the phrase
# starts.
DISPUTE_ASIDES: list[Guard] = [
    _guard(
        "aside.faces",
        "en",
        "the islands as what a place faces or overlooks, not the story's subject",
        B
        + r"(?:faces?|facing|overlook(?:s|ing)?"
        + r"|look(?:s|ing)?\s+out\s+(?:on|at|over|across\s+to|towards?|to)"
        + r"|(?:with|has|offers?|commands?)\s+(?:a\s+)?(?:clear\s+|fine\s+)?views?\s+"
        + r"(?:of|across\s+to)"
        + r"|within\s+sight\s+of|in\s+sight\s+of|across\s+the\s+(?:water|strait|sea)\s+from"
        # a place located by them: "the city closest to the Russian-held islands", "the
        # mountains of the Russian-held island are visible from the harbour"
        + r"|(?:closest|nearest)\s+to|(?:mountains?|peaks?|silhouettes?|outlines?)\s+of"
        # a town known for being near them: "better known for its proximity to"
        + r"|(?:proximity|closeness|nearness)\s+to|gateway\s+to"
        # a town known as the return movement's home: "the base of the movement seeking
        # the return of the Russian-held islands"
        + r"|(?:base|home|heart|cradle|centre|center|birthplace|hub|headquarters)\s+of\s+"
        + r"(?:the\s+|a\s+|japan['’]s\s+)?(?:[\w-]+\s+){0,3}?(?:movement|campaign|drive)\s+"
        # (whatever it seeks them with: "to reclaim", "to win back", "for the return of")
        + r"(?:seeking|demanding|calling\s+for|for|to)(?:\s+[\w-]+){0,3}?)"
        + r"\s+(?:the\s+)?\Z",
        None,
    ),
    _guard(
        "aside.ru-faces",
        "ru",
        "острова как вид или ориентир места, а не предмет новости",
        B + r"(?:с\s+видом\s+на|обращ[её]н\w*\s+к|смотр\w+\s+на|откуда\s+видн\w+|напротив)\s+\Z",
        None,
    ),
    # "a standoff that has become, like the famous territorial row with Moscow, a dispute no
    # one expects to settle": another quarrel likened to the dispute
    _guard(
        "aside.likened",
        "en",
        "the dispute as what another quarrel is likened to, not the story's subject",
        B
        + r"(?:like|unlike|akin\s+to|similar\s+to|reminiscent\s+of|much\s+as|as\s+[\w-]+\s+as)"
        + r"\s+(?:the\s+|a\s+|japan['’]s\s+|russia['’]s\s+)?(?:(?:famous|famously|long-running"
        + r"|decades-old|old|intractable|interminable|bitter|perennial|notorious|endless|frozen"
        + r"|unresolved|proverbial|seemingly\s+eternal)\s+){0,3}\Z",
        None,
    ),
    _guard(
        "aside.ru-likened",
        "ru",
        "спор как образ для другой ссоры, а не предмет новости",
        B + r"(?:подобно|наподобие|словно|будто|точно\s+так\s+же,?\s+как)\s+(?:[\w-]+\s+){0,2}\Z",
        None,
    ),
]

# A sentence on the state of Japan-Russia relations ("Relations have been frozen since 2022,
# when Russia halted peace treaty talks over the Kurils"): in a story whose headline names
# neither the islands nor the dispute (sanctions, gas contracts, a lawsuit), the islands and
# the dispute it names are its background, when the text names them nowhere else.
_BACKGROUND_WHY = (
    "background on the state of relations or the war's end, in a story about something else"
)
_BACKGROUND_WHY_RU = "фон: состояние отношений или конец войны в новости о другом"
RELATIONS_BACKGROUND: list[Guard] = [
    _guard(
        "background.relations",
        "en",
        _BACKGROUND_WHY,
        B
        + r"(?:relations|ties)\s+(?:between\s+[\w-]+\s+and\s+[\w-]+\s+)?(?:[\w-]+\s+){0,3}?"
        + r"(?:(?:been|remain(?:ed)?|are|were|grew|have|had)\s+)?"
        + r"(?:frozen|soured|strained|deteriorated|chilled|worsened|cooled|stalled)"
        + r"|(?:despite|amid)\s+(?:the\s+)?(?:frozen|strained|soured|chilly|frosty)\s+"
        + r"(?:relations|ties)"
        # or on the war's end: "after the Soviet Union entered the war in August 1945 and
        # seized … islands off Hokkaido", in a story on internees or veterans
        # the peace-treaty talks, or the talks with the other side, frozen (not a fishing
        # regime's talks, which are the islands' own news)
        + r"|(?:froze|frozen|suspended|halted|broke\s+off|pulled\s+out\s+of|withdrew\s+from)"
        + r"\s+(?:the\s+)?(?:peace[\s-]+treaty\s+(?:talks|negotiations)"
        + r"|(?:talks|negotiations|dialogue)\s+with\s+(?:tokyo|japan|moscow|russia))"
        + r"|soviet\s+union\s+(?:entered|declared)\s+(?:the\s+)?war"
        + r"|soviet\s+entry\s+into\s+the\s+war",
        (
            *("relations", "ties", "despite", "amid", "soviet", "froze", "frozen"),
            *("suspended", "halted", "broke", "pulled", "withdrew"),
        ),
    ),
    # or on a leader's record: "dozens of meetings with Putin in a failed bid to settle the
    # dispute over four Russian-held islands", in a story on his trial or his funeral
    _guard(
        "background.failed-bid",
        "en",
        _BACKGROUND_WHY,
        B
        + r"(?:failed|unsuccessful|fruitless|vain|futile)\s+"
        + r"(?:bid|attempt|effort|push|quest|drive)s?\s+to\s+(?:settle|resolve|end|solve|break)",
        ("failed", "unsuccessful", "fruitless", "vain", "futile"),
    ),
    _guard(
        "background.ru-failed-bid",
        "ru",
        _BACKGROUND_WHY_RU,
        B
        + r"(?:(?:безуспешн|тщетн)\w*\s+(?:[\w-]+\s+){0,3}?(?:урегулир|реш|добива|пыта)\w*"
        + r"|так\s+и\s+не\s+(?:удалось|смог\w*|сумел\w*)\s+(?:[\w-]+\s+){0,2}?(?:урегулир|реш)\w*)",
        ("безуспешн", "тщетн", "так и не"),
    ),
    # or on the treaty never signed: "a neighbour with which it has never signed a peace
    # treaty", in a story on sanctions or trade (a guard of its own, so that it runs only
    # on the texts that name a peace treaty or a war)
    _guard(
        "background.treaty",
        "en",
        _BACKGROUND_WHY,
        B
        + r"(?:(?:never|not\s+yet|yet\s+to|have\s+not|has\s+not|had\s+not|did\s+not|didn['’]t"
        + r"|haven['’]t|hasn['’]t)\s+(?:formally\s+|even\s+)?sign(?:ed)?\s+(?:a\s+|any\s+)?"
        + r"(?:formal\s+)?peace\s+treaty"
        + r"|(?:technically|formally)\s+(?:still\s+)?(?:remain\s+)?at\s+war"
        # "despite the absence of a peace treaty", among a deal's obstacles
        + r"|(?:despite|notwithstanding)\s+(?:[\w,-]+\s+){0,4}?(?:the\s+)?(?:lack|absence)\s+of\s+"
        + r"(?:a\s+)?peace\s+treaty)",
        ("peace", "at war"),
    ),
    _guard(
        "background.ru-relations",
        "ru",
        _BACKGROUND_WHY_RU,
        B
        + r"(?:отношени\w+\s+(?:[\w-]+\s+){0,4}?"
        + r"(?:ухудшил|заморож|охлади|охлажд|осложнил|обострил)\w*"
        + r"|(?:заморозк|ухудшени|охлаждени)\w+\s+(?:[\w-]+\s+){0,2}?(?:диалог|отношени)\w*"
        + r"|вступлени\w+\s+ссср\s+в\s+войну|ссср\s+вступил\s+в\s+войну"
        + r"|(?:заморозил|приостановил|прервал|вышл|вышел)\w*\s+(?:из\s+)?(?:переговор|диалог)\w*"
        + r"\s+(?:о\s+мирном\s+договоре|с\s+(?:японией|токио|россией|москвой)))",
        (
            *("отношени", "заморозк", "ухудшени", "охлаждени", "вступлени", "ссср"),
            *("заморозил", "приостановил", "прервал", "вышл", "вышел"),
        ),
    ),
    # or on the treaty never signed («страны, так и не подписавшие мирный договор»)
    _guard(
        "background.ru-treaty",
        "ru",
        _BACKGROUND_WHY_RU,
        B
        # (or among a deal's obstacles: «несмотря на санкции, отсутствие мирного договора и
        # спор о южных Курилах»)
        + r"(?:несмотря\s+на\s+(?:[\w,-]+\s+){0,4}?отсутстви\w+\s+мирн\w+\s+договор\w*"
        + r"(?:\s+и\s+(?:территориальн\w+\s+)?спор\w*\s+о\s+(?:[\w-]+\s+){0,2}?курил\w*)?"
        + r"|не\s+подпис\w+\s+(?:[\w-]+\s+){0,2}?мирн\w+\s+договор\w*"
        + r"|формально\s+(?:всё\s+ещё\s+|все\s+еще\s+|до\s+сих\s+пор\s+)?наход\w+\s+в\s+состоянии"
        + r"\s+войны)",
        ("мирн", "состоянии войны"),
    ),
    _guard(
        "background.ja-relations",
        "ja",
        _BACKGROUND_WHY,
        # (with what froze them between: 日ロ関係は平和条約交渉が中断するなど、冷え込んだ)
        r"(?:日ロ|日露|両国)関係[^。\n]{0,30}?(?:冷え込|悪化|停滞|凍結|冷却)"
        r"|ソ連(?:軍)?(?:の対日参戦|が(?:対日)?参戦)"
        r"|平和条約交渉(?:を|が|は)?(?:中断|凍結|停止)"
        # or on the treaty never signed (平和条約を締結していない隣国)
        r"|平和条約(?:を|が|は)?(?:いまだ|未だ|まだ)?(?:締結|結ば|結ん)(?:していない|しておらず|されていない"
        r"|されておらず|れていない|れておらず|でいない|でおらず)|平和条約(?:が|は)?未締結",
        ("関係", "ソ連", "平和条約"),
    ),
]
