"""The multilingual Kuril Islands / Northern Territories matcher.

A text is relevant when a *strong* rule fires (a name that only means the islands), or a
*weak* rule (a name or phrase that is ambiguous alone) fires together with enough context.
Look-alikes are handled by *guards*: a guard's span cancels any hit it overlaps, and the
cancellation is kept so `kurilwatch match` can say why a look-alike did not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

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
        """Distinct terms that fired, in order of first appearance (context excluded)."""
        seen: dict[str, None] = {}
        for hit in self.hits:
            if hit.strength != "context":
                seen.setdefault(hit.term, None)
        return list(seen)


def _re(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _lat(words: str) -> re.Pattern[str]:
    return _re(_B + f"(?:{words})" + _E)


# --- English (and other Latin-script) rules -------------------------------------------------
_RULES: list[Rule] = [
    Rule("en.kurils", "Kuril Islands", _lat(r"kurile?s?|kurilian islands?|south(?:ern)? kurils?")),
    Rule("en.northern-territories", "Northern Territories", _lat(r"northern\s+territories")),
    Rule("en.iturup", "Iturup", _lat(r"iturup|etorofu")),
    Rule("en.kunashir", "Kunashir", _lat(r"kunashiri?|kunasiri")),
    Rule("en.shikotan", "Shikotan", _lat(r"shikotan")),
    Rule("en.habomai", "Habomai", _lat(r"habomai")),
    Rule(
        "en.kuril-towns",
        "Kuril Islands",
        _lat(
            r"yuzhno-kurilsk|severo-kurilsk|kurilsk|malokurilskoye|malokurilsk|krabozavodskoye"
            r"|reydovo"
        ),
    ),
    Rule(
        "en.other-islands",
        "Kuril Islands",
        _lat(r"paramushir|shumshu|simushir|onekotan|ketoy|urup\s+island|matua\s+island"),
    ),
    # --- Russian ---------------------------------------------------------------------------
    # Курил- is also the past tense of курить (to smoke): the plural forms are safe in any
    # case, but the bare genitive "Курил" must be capitalised to count.
    Rule("ru.kurils", "Курилы", _re(_B + r"курил(?:ы|ам|ами|ах)" + _E)),
    Rule("ru.kurils-gen", "Курилы", re.compile(_B + r"(?:Курил|КУРИЛ)" + _E)),
    Rule("ru.kurilsk", "Курилы", _re(r"\w*курильск\w*")),
    Rule("ru.iturup", "Итуруп", _re(_B + r"итуруп\w*")),
    Rule("ru.kunashir", "Кунашир", _re(_B + r"кунашир\w*")),
    Rule("ru.shikotan", "Шикотан", _re(_B + r"шикотан\w*")),
    Rule("ru.habomai", "Хабомаи", _re(_B + r"хабомаи" + _E)),
    Rule("ru.other-islands", "Курилы", _re(_B + r"(?:парамушир|шумшу|симушир|онекотан)\w*")),
    Rule(
        "ru.northern-territories",
        "Северные территории",
        _re(_B + r"северн\w+\s+территори\w*"),
        "weak",
    ),
    # --- Japanese --------------------------------------------------------------------------
    Rule("ja.hoppo-ryodo", "北方領土", _re(r"北方領土|北方(?:四|4|４)島")),
    Rule("ja.chishima", "千島", _re(r"千島列島|南千島|北千島|中千島|千島")),
    Rule("ja.kuril", "クリル", _re(r"(?:南)?クリル(?:諸島|列島)?")),
    Rule("ja.etorofu", "択捉", _re(r"択捉|エトロフ")),
    Rule("ja.kunashiri", "国後", _re(rf"(?<![{_KANJI}])国後|国後島|クナシリ")),
    Rule("ja.shikotan", "色丹", _re(r"色丹|シコタン")),
    Rule("ja.habomai", "歯舞", _re(r"歯舞|ハボマイ")),
    Rule("ja.other-islands", "千島", _re(r"得撫島|占守島|幌筵島|新知島|松輪島")),
]

# Phrases that mean the dispute without naming it; they count only together (see _decide).
_CONTEXT_RULES: list[Rule] = [
    Rule(
        "en.dispute",
        "territorial dispute",
        _lat(
            r"territorial\s+(?:dispute|issue|row|question|problem)s?"
            r"|peace\s+treaty|disputed\s+islands?|four\s+islands|(?:four\s+)?islands\s+off\s+"
            r"hokkaido|russian-(?:held|controlled)\s+islands?|islands\s+(?:claimed|seized)\s+by"
        ),
        "context",
    ),
    Rule("en.japan", "Japan", _lat(r"japan(?:ese)?|tokyo"), "context"),
    Rule("en.russia", "Russia", _lat(r"russian?|moscow|soviet|kremlin"), "context"),
    Rule(
        "ru.dispute",
        "территориальный спор",
        _re(
            _B + r"(?:территориальн\w+\s+(?:спор|вопрос|проблем|претензи)\w*"
            r"|мирн\w+\s+договор\w*|спорн\w+\s+остров\w*)"
        ),
        "context",
    ),
    Rule("ru.japan", "Япония", _re(_B + r"(?:япон\w*|токио)" + _E), "context"),
    Rule("ru.russia", "Россия", _re(_B + r"(?:росси\w*|москв\w*|кремл\w*|ссср)" + _E), "context"),
    Rule("ja.dispute", "領土問題", _re(r"領土問題|平和条約|領土交渉|返還"), "context"),
    Rule("ja.japan", "日本", _re(r"日本|日ロ|日露|政府"), "context"),
    Rule("ja.russia", "ロシア", _re(r"ロシア|露|ソ連|日ロ"), "context"),
]

_GUARDS: list[Guard] = [
    Guard("guard.kuril-lake", "Kurile Lake is in Kamchatka", _lat(r"kurile?\s+lake")),
    Guard(
        "guard.kuril-trench",
        "the Kuril-Kamchatka Trench is a deep-sea feature",
        _lat(r"kurile?(?:-kamchatka)?\s+trench|kuril-kamchatka"),
    ),
    Guard(
        "guard.kurilian-bobtail",
        "a cat breed",
        _lat(r"kurilian\s+bobtails?|kuril(?:ian)?\s+bobtails?"),
    ),
    Guard("guard.kuril-tea", "a shrub (Dasiphora)", _lat(r"kuril(?:e)?\s+tea")),
    Guard(
        "guard.gold-coast",
        "the Northern Territories of the Gold Coast (Ghana)",
        _lat(r"northern\s+territories\s+of\s+the\s+gold\s+coast|ghana'?s\s+northern\s+territories"),
    ),
    Guard("guard.ru-lake", "Курильское озеро — на Камчатке", _re(_B + r"курильск\w+\s+озер\w*")),
    Guard("guard.ru-bobtail", "порода кошек", _re(_B + r"курильск\w+\s+бобтейл\w*")),
    Guard("guard.ru-tea", "растение", _re(_B + r"курильск\w+\s+ча[йяюе]\w*")),
    Guard("guard.ru-trench", "глубоководный желоб", _re(r"курило-камчатск\w*")),
    Guard(
        "guard.ja-trench", "千島海溝 is an ocean trench", _re(r"千島海溝|千島・カムチャツカ海溝")
    ),
    Guard(
        "guard.ja-flora", "a plant named after the Kurils", _re(r"千島(?:桜|ザクラ|笹|ザサ|フウロ)")
    ),
    Guard("guard.ja-chishima-town", "千島町 is in Osaka", _re(r"千島町")),
    Guard("guard.ja-lake", "Kurile Lake in Kamchatka", _re(r"クリル湖")),
    Guard("guard.ja-bobtail", "a cat breed", _re(r"クリリアン")),
    Guard("guard.ja-ship-class", "the Etorofu-class escort ship", _re(r"択捉型")),
]


def compile_user_term(term: str) -> re.Pattern[str]:
    """A user's term: `/regex/` as written, anything else as a whole-word phrase."""
    term = term.strip()
    if len(term) >= 2 and term.startswith("/") and term.endswith("/"):
        source = term[1:-1]
        try:
            return re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"bad regular expression {term!r}: {exc}") from None
    words = r"\s+".join(re.escape(w) for w in term.split())
    if re.search(r"[\w]", term) and not re.search(f"[{_KANJI}\u3040-\u30ff]", term):
        return re.compile(_B + words + _E, re.IGNORECASE)
    return re.compile(words, re.IGNORECASE)


@dataclass
class Matcher:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rules: list[Rule] = field(init=False)
    excludes: list[Rule] = field(init=False)

    def __post_init__(self) -> None:
        self.rules = list(_RULES) + [
            Rule(f"user.include:{t}", t, compile_user_term(t)) for t in self.include
        ]
        self.excludes = [
            Rule(f"user.exclude:{t}", t, compile_user_term(t), "exclude") for t in self.exclude
        ]

    def match(self, text: str) -> MatchResult:
        """Decide whether `text` is about the islands, and say why."""
        for rule in self.excludes:
            m = rule.pattern.search(text)
            if m:
                hit = Hit(rule.id, rule.term, m.start(), m.end(), m.group(0), "exclude")
                return MatchResult(False, excluded_by=hit, reason=f"excluded by {rule.term!r}")
        guard_spans = [(m.start(), m.end(), g) for g in _GUARDS for m in g.pattern.finditer(text)]
        hits: list[Hit] = []
        suppressed: list[Suppressed] = []
        for rule in self.rules:
            for m in rule.pattern.finditer(text):
                if m.end() == m.start():
                    continue
                hit = Hit(rule.id, rule.term, m.start(), m.end(), m.group(0), rule.strength)
                guard = next((g for s, e, g in guard_spans if s < m.end() and m.start() < e), None)
                if guard is not None and not rule.id.startswith("user."):
                    suppressed.append(Suppressed(hit, guard.id, guard.why))
                else:
                    hits.append(hit)
        context = [
            Hit(r.id, r.term, m.start(), m.end(), m.group(0), "context")
            for r in _CONTEXT_RULES
            for m in r.pattern.finditer(text)
        ]
        return _decide(hits, context, suppressed)

    def is_relevant(self, text: str) -> bool:
        return self.match(text).relevant


def _decide(hits: list[Hit], context: list[Hit], suppressed: list[Suppressed]) -> MatchResult:
    strong = [h for h in hits if h.strength == "strong"]
    weak = [h for h in hits if h.strength == "weak"]
    kinds = {h.rule.split(".", 1)[1] for h in context}
    dispute = "dispute" in kinds
    both_sides = "japan" in kinds and "russia" in kinds
    ordered = sorted(hits, key=lambda h: h.start)
    if strong:
        return MatchResult(True, tuple(ordered), tuple(suppressed), reason="named the islands")
    if weak and (dispute or both_sides):
        ctx = sorted(hits + context, key=lambda h: h.start)
        return MatchResult(True, tuple(ctx), tuple(suppressed), reason="ambiguous name in context")
    if dispute and both_sides:
        ctx = sorted(context, key=lambda h: h.start)
        return MatchResult(
            True, tuple(ctx), tuple(suppressed), reason="Japan-Russia territorial dispute"
        )
    reason = "look-alike only" if suppressed else "no Kuril terms"
    return MatchResult(False, tuple(ordered), tuple(suppressed), reason=reason)


@lru_cache(maxsize=8)
def get_matcher(include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Matcher:
    """A compiled matcher, shared between calls with the same user terms."""
    return Matcher(include, exclude)
