"""Words by meaning: concepts in English, Russian and Japanese, numbers, days and names.

What background recognition and story matching compare is not a sentence's wording but
what it says: "talks", "negotiations", "consultations" and «переговоры» are one concept;
"five", "5" and «пятью» one number; "on Tuesday" in an article of 2 July the day 2; and
"Putin", «Путин» and プーチン one name (their consonant skeleton, `name_key`).
Everything here is pure and deterministic: stored keys are made from it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from functools import cache, lru_cache

# Concept -> forms per language. An English or Russian form is the start of a word (or of a
# phrase: its last word may go on, "negotiat" matches "negotiations"); a Japanese form is a
# substring. KINDS are the concepts that say what kind of event a report is about.
CONCEPTS: dict[str, dict[str, tuple[str, ...]]] = {
    # --- diplomacy and the dispute's history (background's vocabulary) --------------------
    "talks": {
        "en": ("talk", "negotiat", "consultation", "dialogue", "dialog"),
        "ru": ("переговор", "консультац", "диалог"),
        "ja": ("交渉", "協議", "対話"),
    },
    "meeting": {
        "en": ("summit", "meeting", "meet"),
        "ru": ("встреч", "саммит"),
        "ja": ("会談", "首脳", "サミット"),
    },
    "treaty": {
        "en": ("peace treaty", "peace agreement", "peace deal", "treaty", "pact"),
        "ru": ("мирн договор", "мирн соглашен", "договор"),
        "ja": ("平和条約", "条約"),
    },
    "ww2": {
        "en": ("world war ii", "world war two", "second world war", "wwii", "world war"),
        "ru": ("втор миров", "миров войн"),
        "ja": ("第2次世界大戦", "第二次世界大戦", "大戦", "戦後"),
    },
    "war": {"en": ("war", "postwar"), "ru": ("войн", "военн действ"), "ja": ("戦争",)},
    "ussr": {
        "en": ("soviet", "ussr"),
        "ru": ("ссср", "советск союз", "советск"),
        "ja": ("ソ連", "ソビエト"),
    },
    "went_over": {
        "en": (
            "transfer",
            "hand over",
            "handed over",
            "handing over",
            "hand the",
            "passed to",
            "passed under",
            "went to",
            "cede",
            "ceding",
            "became part",
            "incorporated into",
            "came under",
            "seiz",
            "occupied",
            "occupation",
            "took over",
            "taken over",
        ),
        "ru": (
            "переда",
            "отош",
            "вошл в состав",
            "вошедш",
            "включ в состав",
            "перешл",
            "перешедш",
            "стал част",
        ),
        "ja": ("引き渡", "占領", "占拠", "編入"),
    },
    "claim": {
        "en": ("claim", "lays claim", "lay claim"),
        # «оспаривает принадлежность»: Japan disputes whose they are, that is, claims them.
        "ru": ("претенд", "притязан", "претензи", "оспарив"),
        "ja": ("主張", "返還"),
    },
    "sovereignty": {
        "en": ("sovereign", "ownership", "belong"),
        "ru": ("суверенитет", "принадлежн", "принадлежат"),
        "ja": ("主権", "帰属"),
    },
    "beyond_question": {
        "en": (
            "indisputab",
            "unquestionab",
            "not open to",
            "cannot be questioned",
            "be questioned",
            "question",
            "doubt",
            "debat",
            "discussion",
            "not subject to",
            "not up for",
            "not a subject",
        ),
        "ru": ("сомнени", "неоспорим", "не оспарив", "обсуждени", "обсуждается", "не подлеж"),
        "ja": ("議論の余地",),
    },
    "obstacle": {
        "en": (
            "obstacle",
            "stumbling block",
            "sticking point",
            "hurdle",
            "divides",
            "divid",
            "prevent",
            "kept",
            "keeps",
            "keeping",
            "hinder",
            "stand in the way",
            "stood in the way",
        ),
        "ru": (
            "препятстви",
            "препятству",
            "камн преткновен",
            "камен преткновен",
            "разноглас",
            "мешает",
            "осложня",
            "омрача",
        ),
        "ja": ("障害", "障壁", "妨げ"),
    },
    "called": {
        "en": ("known as", "known in", "calls", "called", "refers to", "refer to", "dubbed"),
        "ru": ("называ", "именуем", "так называем"),
        "ja": ("呼ぶ", "呼ば", "と呼"),
    },
    "dispute": {
        "en": ("dispute", "disputed", "row", "territorial issue", "territorial question"),
        "ru": ("спор", "территориальн вопрос", "территориальн проблем", "проблем"),
        "ja": ("領土問題", "係争"),
    },
    "declaration": {"en": ("declaration",), "ru": ("декларац",), "ja": ("宣言",)},
    "sign": {
        "en": ("sign", "conclu", "clinch", "seal", "reach a peace", "reaching"),
        "ru": ("подпис", "заключ", "дошл"),
        "ja": ("締結", "署名", "調印"),
    },
    "relations": {
        "en": ("diplomatic relations", "diplomatic ties", "relations", "ties"),
        "ru": ("дипотношен", "дипломатическ отношен", "отношен"),
        "ja": ("国交", "関係"),
    },
    "restore": {
        "en": ("restor", "reestablish", "re-establish", "resum", "normaliz", "normalis"),
        "ru": ("восстанов", "возобнов"),
        "ja": ("回復", "再開"),
    },
    "long_ago": {
        "en": (
            "decade",
            "century",
            "for many years",
            "for years",
            "seventy years",
            "sixty years",
            "since the 1950s",
            "1950s",
            "mid-20th",
            "middle of the 20th",
            "middle of the last century",
            "mid-century",
        ),
        "ru": (
            "десятилет",
            "век",
            "прошл век",
            "шестидесят лет",
            "семьдесят лет",
            "xx",
            "мног лет",
            "много лет",
            "долг годы",
        ),
        "ja": ("長年", "世紀"),
    },
    "state_of_war": {
        "en": ("state of war",),
        "ru": ("состояни войн",),
        "ja": ("戦争状態",),
    },
    "end": {
        "en": ("end", "put an end", "ended", "close", "settle", "formally"),
        "ru": ("прекращ", "прекрат", "положил конец", "конец"),
        "ja": ("終結",),
    },
    "suspend": {
        "en": (
            "suspend",
            "suspension",
            "froze",
            "freez",
            "frozen",
            "halt",
            "pull out",
            "pulled out",
            "pulls out",
            "withdr",
            "terminat",
            "scrap",
            "not going to continue",
        ),
        "ru": ("приостанов", "замороз", "заморож", "вышл из", "выходит из", "не намерен продолж"),
        "ja": ("中断", "凍結", "破棄", "離脱"),
    },
    "sanctions": {
        "en": ("sanction", "restrictions", "restrictive", "unfriendly", "hostile"),
        "ru": ("санкц", "ограничительн", "недружественн"),
        "ja": ("制裁", "非友好"),
    },
    "joint_activity": {
        "en": ("joint economic", "joint activit", "joint project", "joint econom"),
        "ru": ("совместн хозяйственн", "совместн деятельност", "совместн проект"),
        "ja": ("共同経済活動",),
    },
    "visa_free": {
        "en": ("visa-free", "visa free", "without visas", "visa"),
        "ru": ("безвиз",),
        "ja": ("ビザなし",),
    },
    "constitution": {
        "en": ("constitution", "basic law", "fundamental law"),
        "ru": ("конституц", "основн закон"),
        "ja": ("憲法",),
    },
    "alienation": {
        "en": (
            "alienat",
            "ceding of territ",
            "ceding territ",
            "cession of territ",
            "handover of territ",
            "handing over of territ",
            "giving away",
            "give away",
        ),
        "ru": ("отчужден",),
        "ja": ("割譲",),
    },
    "deployed": {
        "en": ("deploy", "on combat duty", "combat duty"),
        "ru": ("развернут", "разверну", "размещ", "дежурств"),
        "ja": ("配備",),
    },
    "amendment": {"en": ("amend",), "ru": ("поправк",), "ja": ("改正",)},
    "ban": {
        "en": ("ban", "prohibit", "forbid", "outlaw"),
        "ru": ("запрет", "запрещ", "недопустимост"),
        "ja": ("禁止",),
    },
    "accelerate": {
        "en": (
            "speed up",
            "sped up",
            "speeding up",
            "accelerat",
            "step up",
            "stepped up",
            "intensif",
        ),
        "ru": ("ускор", "активиз", "интенсифиц"),
        "ja": ("加速",),
    },
    "basis": {
        "en": ("based on", "on the basis", "basis", "on the base"),
        "ru": ("на основ", "за основ", "на баз", "основываясь"),
        "ja": ("基礎", "基づ"),
    },
    "areas": {
        "en": ("aquaculture", "fish farming", "greenhouse", "wind power", "wind energy", "waste"),
        "ru": ("аквакультур", "тепличн", "ветроэнергет", "отход"),
        "ja": ("養殖", "温室", "風力", "ごみ"),
    },
    # --- kinds of event (what a report is about) -------------------------------------------
    "drill": {
        "en": ("drill", "exercise", "manoeuvre", "maneuver", "rehears", "practis", "practic"),
        "ru": ("учени", "стрельб", "маневр", "отработал"),
        "ja": ("演習", "訓練"),
    },
    "troops": {
        "en": ("troop", "servicem", "soldier", "military personnel", "sailor"),
        "ru": ("военнослужащ", "военных", "солдат", "военн"),
        "ja": ("兵士", "兵"),
    },
    "missile": {
        "en": ("missile", "bastion", "s-300", "tor-m2"),
        "ru": ("ракет", "бастион", "тор-м2", "с-300"),
        "ja": ("ミサイル",),
    },
    "navy": {
        "en": ("warship", "pacific fleet", "fleet", "navy", "naval"),
        "ru": ("корабл", "флот", "тоф"),
        "ja": ("艦", "艦隊", "海軍"),
    },
    "detained": {
        "en": ("detain", "seiz", "custody", "arrest", "held by russia", "taken to"),
        "ru": ("задерж", "арест"),
        "ja": ("拿捕", "拘束"),
    },
    "boat": {
        "en": ("fishing boat", "fishing vessel", "boat", "schooner", "vessel"),
        "ru": ("шхун", "судн", "рыболовн"),
        "ja": ("漁船",),
    },
    "crew": {"en": ("crew",), "ru": ("экипаж", "рыбак"), "ja": ("乗組員", "乗っ")},
    "fishing": {
        "en": ("fishing", "fisheries", "fishermen", "fishery", "catch", "harvest"),
        "ru": ("лов", "промысел", "промысл", "рыболов", "вылов"),
        "ja": ("漁",),
    },
    "salmon": {"en": ("salmon", "trout"), "ru": ("лосос", "горбуш"), "ja": ("サケ", "マス")},
    "kelp": {"en": ("kelp",), "ru": ("ламинари", "морск капуст"), "ja": ("コンブ", "昆布")},
    "quota": {
        "en": ("quota", "catch limit", "limit"),
        "ru": ("квот", "лимит"),
        "ja": ("漁獲枠", "枠"),
    },
    "fee": {"en": ("fee", "pay"), "ru": ("плат",), "ja": ("採取料", "支払")},
    "court": {
        "en": ("court", "fined", "fine of", "sentenc", "trial", "verdict"),
        "ru": ("суд", "штраф", "оштраф", "приговор"),
        "ja": ("裁判", "罰金", "判決"),
    },
    "visit": {
        "en": ("visit", "trip", "arriv", "toured", "flew to"),
        "ru": ("визит", "поездк", "прибыл", "посет"),
        "ja": ("訪問", "訪れ", "視察"),
    },
    "protest": {"en": ("protest",), "ru": ("протест",), "ja": ("抗議",)},
    "earthquake": {
        "en": ("earthquake", "quake", "tremor", "jolt"),
        "ru": ("землетрясен", "толчк", "толчок"),
        "ja": ("地震", "震度"),
    },
    "magnitude": {"en": ("magnitude",), "ru": ("магнитуд",), "ja": ("マグニチュード",)},
    "tsunami": {"en": ("tsunami",), "ru": ("цунами",), "ja": ("津波",)},
    "volcano": {
        "en": ("volcan", "ash", "erupt"),
        "ru": ("вулкан", "пепел", "пепл", "извержен"),
        "ja": ("火山", "噴火", "噴煙"),
    },
    "tax": {"en": ("tax",), "ru": ("налог",), "ja": ("税",)},
    "tourism": {"en": ("touris", "tour"), "ru": ("турис", "тур"), "ja": ("観光", "ツアー")},
    "school": {"en": ("school", "pupil"), "ru": ("школ", "ученик"), "ja": ("学校",)},
    "kindergarten": {
        "en": ("kindergarten", "nursery"),
        "ru": ("детск сад", "садик", "детсад"),
        "ja": ("幼稚園", "保育"),
    },
    "power": {
        "en": ("power", "electricity", "blackout", "outage", "power plant"),
        "ru": ("электр", "без свет", "обесточ"),
        "ja": ("停電", "電力", "発電"),
    },
    "factory": {"en": ("plant", "factory"), "ru": ("завод",), "ja": ("工場",)},
    "airport": {"en": ("airport", "terminal"), "ru": ("аэропорт", "терминал"), "ja": ("空港",)},
    "pier": {"en": ("pier", "berth", "port"), "ru": ("причал", "порт"), "ja": ("港",)},
    "ferry": {"en": ("ferry",), "ru": ("паром",), "ja": ("フェリー",)},
    "memorial": {
        "en": ("grave", "memorial", "pray", "mourn"),
        "ru": ("могил", "захоронен", "памят"),
        "ja": ("墓参", "慰霊"),
    },
    "expelled": {
        "en": ("expel", "forced to leave", "forced out", "deport", "evict"),
        "ru": ("выселен", "выселил", "депортир", "вынужден покинуть", "изгнан"),
        "ja": ("強制退去", "追われ", "追い出"),
    },
    "residents": {
        "en": ("resident", "inhabitant", "live", "lived", "living on", "population", "citizen"),
        "ru": ("жител", "прожива", "населен", "живут", "живет", "граждан"),
        "ja": ("住民", "島民", "住ん"),
    },
    "former_residents": {
        "en": ("former islanders", "former residents"),
        "ru": ("бывш жител",),
        "ja": ("元島民",),
    },
    "rally": {"en": ("rally",), "ru": ("митинг",), "ja": ("大会",)},
    "parade": {"en": ("parade",), "ru": ("парад",), "ja": ("パレード",)},
    "commemoration": {
        "en": ("anniversary", "commemorat", "ceremon", "celebrat"),
        "ru": ("годовщин", "летию", "летия", "торжеств", "церемони", "праздн"),
        "ja": ("記念", "式典", "周年"),
    },
    "forum": {
        "en": ("eastern economic forum", "forum", "eef"),
        "ru": ("вэф", "форум"),
        "ja": ("フォーラム",),
    },
    "bluebook": {
        "en": ("bluebook", "blue book", "white paper"),
        "ru": ("синей книг", "синяя книг", "синюю книг", "белой книг", "белая книг"),
        "ja": ("青書", "白書"),
    },
    "illegal_occupation": {
        "en": ("illegal occupation", "illegally occup", "occupied illegally", "occupies illegally"),
        "ru": ("незаконн оккупац", "незаконно оккупир", "незаконн оккупир"),
        "ja": ("不法占拠",),
    },
    "construction": {
        "en": ("construction", "build", "built"),
        "ru": ("строительств", "стро"),
        "ja": ("建設",),
    },
    "snowstorm": {
        "en": ("snowstorm", "blizzard", "cyclone", "storm"),
        "ru": ("циклон", "шторм", "снегопад", "метел"),
        "ja": ("暴風雪", "低気圧"),
    },
    # --- generic: every report on the islands says these ----------------------------------
    "russia": {
        "en": ("russia", "moscow", "kremlin"),
        "ru": ("росси", "москв", "кремл", "рф"),
        "ja": ("ロシア", "露"),
    },
    "japan": {
        "en": ("japan", "tokyo"),
        "ru": ("япон", "токио"),
        "ja": ("日本", "政府"),
    },
    "islands": {
        "en": ("island", "isle", "kuril", "northern territories", "territor"),
        "ru": ("остров", "курил", "территор"),
        "ja": ("島", "北方領土", "千島", "クリル"),
    },
    "countries": {
        "en": ("two countries", "both countries", "the sides", "two sides", "countries", "country"),
        "ru": ("дв стран", "стран", "сторон"),
        "ja": ("両国",),
    },
    "said": {
        "en": ("said", "say", "stated", "stress", "told", "according to", "insist"),
        "ru": ("заяв", "сообщ", "сказал", "подчеркива", "подчеркну"),
        "ja": ("述べ", "発表", "明らか"),
    },
}
KINDS = frozenset(
    {
        "drill",
        "missile",
        "navy",
        "detained",
        "boat",
        "crew",
        "fishing",
        "salmon",
        "kelp",
        "quota",
        "fee",
        "visit",
        "protest",
        "court",
        "earthquake",
        "magnitude",
        "tsunami",
        "volcano",
        "tax",
        "tourism",
        "school",
        "kindergarten",
        "power",
        "factory",
        "airport",
        "pier",
        "ferry",
        "memorial",
        "former_residents",
        "bluebook",
        "illegal_occupation",
        "rally",
        "parade",
        "commemoration",
        "forum",
        "construction",
        "snowstorm",
        "suspend",
        "sanctions",
        "visa_free",
        "talks",
        "treaty",
        "meeting",
    }
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _split(text: str) -> list[str]:
    return text.split()


GENERIC = frozenset({"russia", "japan", "islands", "countries", "said"})

STOPWORDS = {
    "en": _words(
        """
        a about after again against ago all also am among an and another any are as at be
        been before being between both but by can could did do does done during each either
        even every for from further had has have having he her here him his how i if in into
        is it it's its just may me might more most must my neither no nor not of off on once
        one's only onto or other our out over own per s same shall she should since so some
        still such t than that the their theirs them then there these they this those
        through to too under until up us very via was we were what when where which while
        who whom whose why will with would yet you your
        now currently today roughly around approximately nearly almost some there last
        """
    ),
    "ru": _words(
        """
        а без более больше будет будто бы был была были было быть в вам вас вдруг ведь во
        вот впрочем все всегда всего всех всю вы где да даже два для до другой его ее ей ему
        если есть еще ещё её ж же за зачем здесь и из или им иногда их к как какая какой
        когда конечно которая которое которой котором которые который которых кто куда ли
        лучше между меня мне много может можно мой моя мы на над надо наконец нас не него
        нее ней нельзя нет неё ни нибудь никогда ним них ничего но ну о об один однако он
        она они опять от перед по под после потом потому почти при про раз разве с сам свою
        себе себя сейчас со совсем так также такой там тебя тем теперь то тогда того тоже
        только том тот три тут ты у уж уже хорошо хоть чего чем через что чтоб чтобы чуть
        эти этих это этого этой этом этот эту я
        ныне порядка около примерно почти свыше сегодня год года году годом годах прошлом
        прошлого
        """
    ),
}

_EN_UNITS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = {
    "en": {
        **{word: value for value, word in enumerate(_EN_UNITS, start=2)},
        **{word: value for value, word in enumerate(_EN_TEENS, start=10)},
        **{word: value for value, word in zip(range(20, 100, 10), _EN_TENS, strict=True)},
        "dozen": 12,
        "hundred": 100,
    },
    # Stems: Russian numerals decline (пять, пяти, пятью).
    "ru": {
        "дв": 2,
        "тр": 3,
        "четыр": 4,
        "пят": 5,
        "шест": 6,
        "сем": 7,
        "восем": 8,
        "девят": 9,
        "десят": 10,
        "сто": 100,
    },
}
_RU_NUMBER = re.compile(
    r"^(?:(дв)(?:а|е|ух|ум|умя)|(тр)(?:и|ех|ёх|ем|ём|емя|ёмя)"
    r"|(четыр)(?:е|ех|ём|ем|ьмя)|(пят|шест|сем|восем|девят|десят)(?:ь|и|ью)|(сто))$"
)
# Teens and tens (пятнадцати, двадцать, сорока), and the collective numerals agencies
# count people by («трое рыбаков», «четверых членов экипажа»).
_RU_TEENS = {
    stem: value
    for value, stem in enumerate(
        [
            "одиннадцат",
            "двенадцат",
            "тринадцат",
            "четырнадцат",
            "пятнадцат",
            "шестнадцат",
            "семнадцат",
            "восемнадцат",
            "девятнадцат",
        ],
        start=11,
    )
} | {"двадцат": 20, "тридцат": 30}
_RU_TENS = re.compile(
    r"^(?:(одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат"
    r"|восемнадцат|девятнадцат|двадцат|тридцат)(?:ь|и|ью)"
    r"|(сорок)а?|(пятьдесят|пятидесяти)|(шестьдесят|шестидесяти)|(семьдесят|семидесяти)"
    r"|(восемьдесят|восьмидесяти)|(девяносто|девяноста))$"
)
_RU_COLLECTIVE = re.compile(
    r"^(?:(дво)|(тро)|(четвер)|(пятер)|(шестер)|(семер)|(восьмер)|(девятер)|(десятер))"
    r"(?:о|е|ых|их|ым|им|ыми|ими)$"
)
_MULTIPLIERS = {
    "thousand": 1000,
    "тыс": 1000,
    "тысяч": 1000,
    "тысячи": 1000,
    "million": 10**6,
    "млн": 10**6,
    "миллион": 10**6,
}
# Lengths of time: background says "for 70 years" where it said "for seven decades".
_DURATION_UNITS = ("year", "decade", "лет", "год", "десятилет", "年", "century", "век")
# Japanese counts in kanji (三人, 十五隻, 二千人): kanji numerals before a counter, not
# after 第 (an ordinal) or 数 ("several").
_KANJI_DIGITS = {k: i for i, k in enumerate("一二三四五六七八九", 1)}
_KANJI_POWERS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile(
    r"(?<![\d第数何幾一二三四五六七八九十百千万])([一二三四五六七八九十百千万]+)"
    r"(?=[人隻回機台件名発棟戸基])"
)
# A Japanese date or time (25日, 10時) is a day, not a number (see `days`).
_DATE_UNITS = frozenset({"日", "月", "時", "分"})
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th", "й", "го", "я", "е", "м", "х"})
_NUMBER = re.compile(
    r"(?<![\d.,])(\d+(?:[ ,]\d{3})*(?:[.,]\d+)?)(?:-?([千万]|[^\W\d_]+)|\s*([千万]|[^\W\d_]+))?"
)

_MONTHS = {
    "en": _split(
        "january february march april may june july august september october november december"
    ),
    "ru": _split("январ феврал март апрел мая июн июл август сентябр октябр ноябр декабр"),
}

_WEEKDAYS = {
    "en": [rf"(?<!\w){d}day" for d in ["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"]],
    "ru": [
        r"(?<!\w)понедельник",
        r"(?<!\w)вторник",
        r"(?<!\w)сред[ау](?!\w)",
        r"(?<!\w)четверг",
        r"(?<!\w)пятниц[ау](?!\w)",
        r"(?<!\w)суббот[ау](?!\w)",
        r"(?<!\w)воскресень?е",
    ],
    "ja": ["月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜"],
}
# Literal pieces one of which every weekday name holds: most sentences name none, and
# `in` on a string is far quicker than the weekdays' regular expression.
_WEEKDAY_SCREEN = {
    "en": ("day",),
    "ru": ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен"),
    "ja": ("曜",),
}
# Words that date a sentence to the article's own days: background never says them.
_NOW_WORDS = {
    "en": ("today", "yesterday", "tonight", "this week", "this year", "last week", "next week"),
    "ru": ("сегодня", "вчера", "на этой неделе", "в этом году", "на прошлой неделе"),
    "ja": ("今日", "きょう", "昨日", "今週", "今年", "先週", "来週"),
}


_QUOTE_MARKS = re.compile(r"[«»“”„\"'’‘`]")


def normalize(text: str) -> str:
    """Width, case and quotes folded; ё as е."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return _QUOTE_MARKS.sub(" ", text)


@cache
def _japanese_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every Japanese form of every concept, longest first: Japanese has no spaces."""
    forms: dict[str, str] = {}
    for concept, by_lang in CONCEPTS.items():
        for form in by_lang.get("ja", ()):
            forms.setdefault(form, concept)
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(f) for f in ordered) + ")"), forms


@cache
def _forms(lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """English or Russian forms by their first word: (the form's words, its concept).

    A form's every word is the start of a word ("negotiat" matches "negotiations"; «мирн
    договор» matches «мирного договора»), so forms are looked up by the word's prefixes.
    """
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for concept, by_lang in CONCEPTS.items():
        for form in by_lang.get(lang, ()):
            words = tuple(form.split())
            by_first.setdefault(words[0], []).append((words, concept))
    for forms in by_first.values():
        forms.sort(key=lambda f: (-len(f[0]), -sum(map(len, f[0]))))
    return by_first


@lru_cache(maxsize=50_000)
def _starting_forms(word: str, lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The forms whose first word starts `word`, longest phrase and word first."""
    by_first = _forms(lang)
    found: list[tuple[tuple[str, ...], str]] = []
    for end in range(len(word), 0, -1):
        found.extend(by_first.get(word[:end], ()))
    found.sort(key=lambda f: (-len(f[0]), -sum(map(len, f[0]))))
    return tuple(found)


@cache
def _stemmer(lang: str):
    import Stemmer

    return Stemmer.Stemmer({"en": "english", "ru": "russian"}[lang])


@lru_cache(maxsize=50_000)
def _stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")


@lru_cache(maxsize=50_000)
def concepts(sentence: str, lang: str) -> frozenset[str]:
    """What a sentence talks about: its concepts, the stems of its other words, its numbers.

    Concept ids are written `=talks`; numbers `#1956`; other words their Snowball stem.
    Japanese has no spaces: its other characters count as bigrams.
    """
    text = normalize(sentence)
    found: set[str] = {"#" + n for n in numbers(sentence, lang)}
    if lang == "ja":
        pattern, forms = _japanese_pattern()

        def concept_of(match: re.Match[str]) -> str:
            found.add("=" + forms[match.group(1)])
            return " "

        for run in _CJK_RUN.findall(pattern.sub(concept_of, text)):
            found.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
        return frozenset(found)
    words = _WORD.findall(text)
    stop = STOPWORDS.get(lang, frozenset())
    stemming = lang in ("en", "ru")
    index = 0
    while index < len(words):
        word = words[index]
        for form, concept in _starting_forms(word, lang):
            following = words[index : index + len(form)]
            if len(following) == len(form) and all(
                w.startswith(part) for part, w in zip(form, following, strict=True)
            ):
                found.add("=" + concept)
                index += len(form)
                break
        else:
            # A number's words are its number ("twenty thousand" is #20000), framing words
            # ("roughly", "today", «около») say nothing of their own.
            if word not in stop and not word.isdigit() and not _number_word(word, lang):
                stem = _stem(word, lang) if stemming else word
                if len(stem) > 1:
                    found.add(stem)
            index += 1
    return frozenset(found)


def _number_word(word: str, lang: str) -> bool:
    return _spelled(word, lang) is not None or word.startswith(tuple(_MULTIPLIERS))


def _as_number(digits: str, lang: str) -> float:
    # A Russian comma is a decimal point (6,0); elsewhere a comma groups thousands.
    digits = digits.replace(" ", "")
    digits = digits.replace(",", ".") if lang == "ru" else digits.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return float(digits.replace(".", "", digits.count(".") - 1))


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _kanji_value(numeral: str) -> int:
    """十五 is 15, 二千 2000, 三万 30000."""
    total, section, digit = 0, 0, 0
    for char in numeral:
        if char in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[char]
        elif char == "万":
            total += (section + digit or 1) * 10_000
            section, digit = 0, 0
        else:
            section += (digit or 1) * _KANJI_POWERS[char]
            digit = 0
    return total + section + digit


@lru_cache(maxsize=50_000)
def _spelled(word: str, lang: str) -> int | None:
    """The value of a number written as a word: "fifteen", «пятнадцати», «трое»."""
    if lang == "en":
        if word in _NUMBER_WORDS["en"]:
            return _NUMBER_WORDS["en"][word]
        tens, _, unit = word.partition("-")  # twenty-five
        if tens in _EN_TENS and (unit == "one" or unit in _EN_UNITS):
            return _NUMBER_WORDS["en"][tens] + (1 if unit == "one" else _NUMBER_WORDS["en"][unit])
        return None
    if lang != "ru":
        return None
    if m := _RU_NUMBER.match(word):
        return _NUMBER_WORDS["ru"][next(g for g in m.groups() if g)]
    if m := _RU_TENS.match(word):
        index = next(i for i, g in enumerate(m.groups()) if g)
        return _RU_TEENS[m.group(1)] if index == 0 else 10 * (index + 3)
    if m := _RU_COLLECTIVE.match(word):
        return next(i for i, g in enumerate(m.groups()) if g) + 2
    return None


_MONTH_BEFORE = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*$"
)


@lru_cache(maxsize=50_000)
def numbers(
    sentence: str,
    lang: str,
    spelled: bool = True,
    durations: bool = True,
    dates: bool = True,
) -> frozenset[str]:
    """The numbers a sentence states, as digits: "five", "5", «пятью», 五人 and ５ are 5.

    Ordinals ("the 20th century", 第2次) and Japanese dates (25日) are not numbers, but an
    anniversary is ("the 80th anniversary", «80-летие», 80周年); with `spelled` false,
    neither are numbers written in words ("the two countries"); with `durations` false,
    neither are lengths of time ("for 70 years", «более 60 лет»); with `dates` false,
    neither is the day of a date ("September 3", «3 сентября»: Japanese writes 3日).
    """
    text = unicodedata.normalize("NFKC", sentence).casefold()
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        unit = match.group(2) or match.group(3) or ""
        if unit[:1] in _DATE_UNITS or text[match.start() - 1 : match.start()] == "第":
            continue
        if match.group(2) in _ORDINAL_ENDINGS and not text[match.end() :].lstrip().startswith(
            "anniversar"
        ):
            continue
        if not dates and (
            unit.startswith(tuple(_MONTHS.get(lang, ())))
            or _MONTH_BEFORE.search(text, 0, match.start())
        ):
            continue
        value = _as_number(match.group(1), lang)
        if not durations and value < 200 and unit.startswith(_DURATION_UNITS):
            continue
        multiplier = _MULTIPLIERS.get(unit.rstrip("."), 0)
        if unit[:1] == "千":
            multiplier = 1000
        elif unit[:1] == "万":
            multiplier = 10_000
        if multiplier:
            value *= multiplier
        found.add(_format(value))
    if lang == "ja" and spelled:
        for m in _KANJI_NUMBER.finditer(text):
            if (value := _kanji_value(m.group(1))) > 1:  # 一人, 一件: mostly idiom
                found.add(str(value))
    if not spelled or lang not in _NUMBER_WORDS:
        return frozenset(found)
    words = _WORD.findall(text)
    values = [_spelled(word, lang) for word in words]
    for i, word_value in enumerate(values):
        if word_value is None:
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        ones = values[i + 1] if i + 1 < len(values) else None
        if 20 <= word_value < 100 and word_value % 10 == 0 and ones is not None and ones < 10:
            word_value += ones  # «двадцать пять»: one number
            values[i + 1] = None
            following = words[i + 2] if i + 2 < len(words) else ""
        multiplier = next((v for k, v in _MULTIPLIERS.items() if following.startswith(k)), 1)
        found.add(_format(word_value * multiplier))
    return frozenset(found)


# The agencies' abbreviations, as patterns: "Sept. 2" (with its dot), «21 мар», «14 ноя».
_MONTH_ABBREVIATIONS = {
    "en": tuple(rf"{m}\." for m in _split("jan feb mar apr jun jul aug sept? oct nov dec")),
    "ru": tuple(rf"{m}(?![а-я])" for m in _split("янв фев мар апр июн июл авг сен окт ноя дек")),
}


@cache
def _day_patterns(lang: str) -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    """Explicit dates, and the weekdays (a group each), compiled."""
    if lang == "ja":
        dates = [re.compile(r"(?<!\d)(\d{1,2})日")]
    else:
        # Full names, and the agencies' abbreviations: "Sept. 2", «21 мар», «14 ноя».
        months = "|".join((*_MONTHS[lang], *_MONTH_ABBREVIATIONS[lang]))
        dates = [
            re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:{months})\w*"),
            re.compile(rf"\b(?:{months})\w*\s+(\d{{1,2}})(?!\d)"),
        ]
    weekday = re.compile("|".join(f"({w})" for w in _WEEKDAYS.get(lang, [])) or "(?!)")
    return dates, weekday


def days(sentence: str, lang: str, published: datetime | None) -> frozenset[int]:
    """Days of the month the sentence's events happen on, weekdays turned into dates.

    "on Tuesday" in an article published on Thursday 4 July is the 2nd; «во вторник» and
    「2日」 too. Without a publication date only explicit dates count.
    """
    dates, weekdays = _dates_and_weekdays(sentence, lang)
    if published is None or not weekdays:
        return dates
    found = set(dates)
    for index in weekdays:
        back = (published.weekday() - index) % 7
        found.add((published - timedelta(days=back)).day)
    return frozenset(found)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=20_000)
def _dates_and_weekdays(sentence: str, lang: str) -> tuple[frozenset[int], tuple[int, ...]]:
    """Explicit days of the month, and weekdays (0 is Monday), a sentence names."""
    text = normalize(sentence)
    dates, weekday = _day_patterns(lang)
    found = set()
    if _DIGIT.search(text):
        found = {int(m.group(1)) for pattern in dates for m in pattern.finditer(text)}
    named: tuple[int, ...] = ()
    if _names_a_weekday(text, lang):
        named = tuple(m.lastindex - 1 for m in weekday.finditer(text) if m.lastindex)
    return frozenset(d for d in found if 1 <= d <= 31), named


def _names_a_weekday(text: str, lang: str) -> bool:
    return any(piece in text for piece in _WEEKDAY_SCREEN.get(lang, ()))


def is_date_word(word: str, lang: str) -> bool:
    """Whether a word (or its stem) is a month's or a weekday's name."""
    if lang == "ja":
        return False
    return word.startswith(_DATE_WORD_STEMS[lang]) if lang in _DATE_WORD_STEMS else False


_DATE_WORD_STEMS = {
    "en": (
        *(m[:3] for m in _MONTHS["en"] if m != "may"),
        *(d + "day" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")),
    ),
    "ru": (*_MONTHS["ru"], *_WEEKDAY_SCREEN["ru"]),
}


def dated_now(sentence: str, lang: str) -> bool:
    """Whether the sentence dates itself to the article's days ("on Monday", «вчера»)."""
    text = normalize(sentence)
    if any(word in text for word in _NOW_WORDS.get(lang, ())):
        return True
    return _names_a_weekday(text, lang) and _day_patterns(lang)[1].search(text) is not None


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")

# A month named with no year: "in March", "on November 5", «в феврале», 「3月」. Dated by
# the article's own time, as "last year" is: what an agency copies from item to item as
# background names the year ("in March 2022"), or no date at all.
_MONTH_NAMES = {
    "en": re.compile(
        r"\b(January|February|March|April|May|June|July|August|September|October|November"
        r"|December)\b(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(,?\s+(?:of\s+)?(?:19|20)\d\d)?"
    ),
    "ru": re.compile(
        r"(?<![а-яё])(?:(январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ем|ю)"
        r"|(март|август)(?:а|е|ом|у)?|(ма)(?:й|я|е|ем))(?![а-яё])(\s+(?:19|20)\d\d)?",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"(?:((?:19|20)\d\d)年\s*)?(?<!\d)(1[0-2]|0?[1-9])月(?!曜)"),
}
_RU_MONTH_STEMS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
# Dates that only the article's own time places, besides a month without its year.
_SHIFTS = {
    "en": {"last year": "last year", "last month": "last month", "this month": "this month"},
    "ru": {
        "в прошлом году": "last year",
        "прошлого года": "last year",
        "в прошлом месяце": "last month",
        "в этом месяце": "this month",
    },
    "ja": {"昨年": "last year", "去年": "last year", "先月": "last month", "今月": "this month"},
}


# After a month: the year is the one the sentence named before ("in September that year").
_SAME_YEAR = {
    "en": re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE),
    "ru": re.compile(r"\s+(?:того|этого)\s+же\s+года", re.IGNORECASE),
    "ja": re.compile(r"(?!)"),
}


@lru_cache(maxsize=50_000)
def months(sentence: str, lang: str) -> tuple[tuple[tuple[int | None, int], ...], str | None]:
    """The months a sentence names, as (year or None, month), and its relative date.

    "in March 2022" is (2022, 3), "in March" (None, 3); the relative date is "last year",
    "last month" or "this month" (in any of the three languages), or None.
    """
    pattern = _MONTH_NAMES.get(lang)
    if pattern is None:
        return (), None
    text = unicodedata.normalize("NFKC", sentence)
    named: list[tuple[int | None, int]] = []
    for match in pattern.finditer(text):
        if lang == "en":
            number, year = _MONTHS["en"].index(match.group(1).lower()) + 1, match.group(2)
        elif lang == "ru":
            stem = (match.group(1) or match.group(2) or match.group(3)).lower()
            number, year = _RU_MONTH_STEMS.index(stem) + 1, match.group(4)
        else:
            number, year = int(match.group(2)), match.group(1)
        digits = _YEAR.search(year or "")
        found = int(digits.group(1)) if digits else None
        if found is None and _SAME_YEAR[lang].match(text, match.end()):
            # "in March 2022 ..., and in September that year": the year named before it.
            before = _YEAR.findall(text, 0, match.start())
            found = int(before[-1]) if before else None
        named.append((found, number))
    lowered = normalize(text)
    shift = next((s for phrase, s in _SHIFTS[lang].items() if phrase in lowered), None)
    return tuple(dict.fromkeys(named)), shift


def without_dates(text: str, lang: str) -> str:
    """The text with its month names (and their days and years) and years left out."""
    pattern = _MONTH_NAMES.get(lang)
    if pattern is not None:
        text = pattern.sub(" ", unicodedata.normalize("NFKC", text))
    return _YEAR.sub(" ", text)


def years(sentence: str) -> frozenset[int]:
    """Years a sentence names (1900-2099)."""
    return frozenset(int(y) for y in _YEAR.findall(sentence))


# A year that starts a state lasting until now: "suspended since 2020", «с 2020 года»,
# 「2020年以降」. It dates no past event: the sentence tells how things stand.
_SINCE_YEAR = re.compile(
    r"(?i:\bsince\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?((?:19|20)\d\d)(?!\d|s))"
    r"|(?<![а-яё])(?i:с|со|начиная\s+с)\s+((?:19|20)\d\d)\s*(?:года|г\.)"
    r"|((?:19|20)\d\d)年(?:以来|以降|から)"
)


def years_since(sentence: str) -> frozenset[int]:
    """The years a sentence names as the start of a state that lasts ("since 2020")."""
    return frozenset(
        int(next(g for g in match.groups() if g)) for match in _SINCE_YEAR.finditer(sentence)
    )


# --- names across scripts ---------------------------------------------------------------------

_CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        _split("a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya"),
        strict=True,
    )
)

_KANA = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリ"
        "ルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョ",
        _split(
            "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi "
            "fu he ho ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu "
            "ze zo da ji zu de do ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo"
        ),
        strict=True,
    )
)

_SKELETON = [
    ("shch", "s"),
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "t"),
    ("ts", "s"),
    ("tsu", "s"),
    ("kh", "h"),
    ("zh", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("l", "r"),
    ("v", "b"),
    ("f", "b"),
    ("w", ""),
    ("z", "s"),
]


def romanize(word: str) -> str:
    """A word in Latin letters: Cyrillic transliterated, katakana in Hepburn romaji."""
    out = []
    for char in word.lower():
        if char in _CYRILLIC_TO_LATIN:
            out.append(_CYRILLIC_TO_LATIN[char].strip("-"))
        elif char in _KANA:
            out.append(_KANA[char])
        elif char in "ーッ・":
            continue
        else:
            out.append(char)
    return "".join(out)


# Russian declines names (Путиным, Мишустину): the endings that leave a consonant go.
_RUSSIAN_ENDING = re.compile(r"(?<=[а-яё]{3})(?:ому|ему|ого|его|ами|ями|ым|им|ом|ем)$")


_NOT_KEPT = re.compile(r"[^bdgjkmnprst]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=20_000)
def name_key(word: str) -> str:
    """A name's consonant skeleton, the same in its usual English, Russian and Japanese forms.

    Putin, Путин, Путиным and プーチン are all "ptn"; Lavrov, Лавров and ラブロフ "rbrb".
    """
    latin = romanize(_RUSSIAN_ENDING.sub("", word.lower()))
    for old, new in _SKELETON:
        latin = latin.replace(old, new)
    consonants = _NOT_KEPT.sub("", latin)
    # Japanese ends consonants with a vowel and doubles none: fold the doubles everywhere.
    return _DOUBLED.sub(r"\1", consonants)


_KATAKANA_RUN = re.compile(r"[\u30a0-\u30ff]{3,}")
_CAPITALISED = re.compile(r"(?<![\w-])([A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁa-zа-яё]+)?)")


# Japanese names are written in kanji, which no transliteration reaches: the usual
# romanisation of the prime ministers and foreign ministers who speak on the islands,
# those whose key is long enough to tell apart (not Abe, Kono or Suga: "b", "kn", "sg").
_JAPANESE_NAMES = {
    "岸田": "Kishida",
    "茂木": "Motegi",
    "上川": "Kamikawa",
    "松野": "Matsuno",
    "高市": "Takaichi",
}


def names(sentence: str, lang: str) -> frozenset[str]:
    """Name keys of the people and places a sentence names (capitalised words, katakana)."""
    if lang == "ja":
        words = _KATAKANA_RUN.findall(sentence)
        words += [latin for kanji, latin in _JAPANESE_NAMES.items() if kanji in sentence]
    else:
        found = _CAPITALISED.findall(sentence)
        first = _WORD.match(sentence.lstrip(' "«“'))
        # A month or a weekday is a date ("September"), not a name.
        words = [
            w
            for w in found
            if not (first and w == first.group(0)) and not is_date_word(w.lower(), lang)
        ]
    keys = {name_key(w) for w in words}
    return frozenset(k for k in keys if len(k) >= 3)
