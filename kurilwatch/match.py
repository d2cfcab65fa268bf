"""Deciding whether a news item is about the Kuril Islands, and saying why.

The records it runs are in `rules.py`. A decision has three steps:

1. **Hits**: every rule that names the islands, with its span. A *guard* cancels a hit it
   overlaps when the name means something else (Kurile Lake, a ship, 帰国後), or demotes it
   to an ambiguous hit when it is part of a title or an office's name.
2. **Context**: phrases of the territorial dispute, the two sides (Japan, Russia), and the
   other subjects a story may be about (Kamchatka, Takeshima, La Pérouse Strait…).
3. **Aboutness**: a name in the headline decides; a name in the lead decides unless the
   headline is about another subject (or a long article names the islands only once, not
   in its first sentence; a dateline is no sentence of it); names only further down must
   come back in three sentences, follow the dispute named up front, be the grounds of a
   story about fishing in the islands' waters, or be the islands a headline speaks of
   without naming them, else the item is a passing mention. Ambiguous names
   count only with the context they need, and the dispute alone counts when the headline
   or lead names it and the text speaks of both Japan and Russia.

`Matcher.match(text)` takes "HEADLINE\nTEXT" as fetch builds it; `match_item(title, text)`
takes them apart. Both return a `MatchResult` whose `reason` says why.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TypeVar

import ahocorasick

from kurilwatch.config import regex_problem
from kurilwatch.rules import (
    CONTEXT_RULES,
    DISPUTE_ASIDES,
    GUARDS,
    KANJI,
    RELATIONS_BACKGROUND,
    RULES,
    TOPIC_RULES,
    WATERS_RULES,
    B,
    E,
    Guard,
    Rule,
)

# A headline is the first line when it is no longer than this; a longer first line is text.
_MAX_TITLE = 300
# The lead: the body's first two sentences, and no more than about this many characters
# (Japanese packs a sentence into fewer characters).
_LEAD_SENTENCES = 2
_LEAD_CHARS = {"ja": 160, "other": 400}
# Names further down than the lead count when they come back in this many sentences.
_BODY_SENTENCES = 3
# An article of this many sentences or more is long: one mention in it is not enough.
_LONG_ARTICLE = 8
# The islands' names that are also other places' (Urup a river, Matua a community):
# ambiguous alone, they are the islands' beside one of the chain's own names.
_AMBIGUOUS_ISLANDS = {"en.urup-matua", "ru.urup-matua"}
# A report this short (body sentences) has one subject: a name standing as its place is it.
_SHORT_REPORT = 5
# A past century's year: an event then is history, not a short report's place.
_OLD_YEAR = re.compile(r"(?<!\d)(?:1[0-8]\d\d|19[0-4]\d)(?!\d)")
# A place denied ("not around the four islands but on the high seas"): 北方四島周辺ではなく.
# (or never been there: «на Курилах никогда не бывала»)
_NEGATED_AFTER = re.compile(
    r"\w{0,4}?(?:ではなく|でなく|ではない|じゃなく)|\s+(?:никогда\s+)?не\s+(?:был|бывал)\w*"
    r"|\s+никогда\s+не\s+\w+"
)
# Japanese full stops need no space after them; Latin ones do ("Feb. 7", "3.5 km").
_SENTENCE_END = re.compile(r"[。！？]」?|[.!?](?=[\s\"”’)]|$)|\n")
_WORD = re.compile(r"\w")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff19]")
# A dateline before the body's first sentence ("ЮЖНО-САХАЛИНСК, 6 декабря 2022. /ТАСС/.",
# "TOKYO, Jan. 29 (Reuters) -"): its full stops end no sentence, and its commas list nothing.
# (Interfax's too, the city not in capitals: "Южно-Сахалинск. 9 октября. ИНТЕРФАКС - ДАЛЬНИЙ
# ВОСТОК -")
_DATELINE = re.compile(
    r"\s*(?-i:[A-ZА-ЯЁ][\w-]+(?:\s[A-ZА-ЯЁ]?[\w-]+)?)\.\s*\d{1,2}\s+\w+\.?\s*(?:\d{4}\s*г?\.?\s*)?"
    r"(?-i:ИНТЕРФАКС|INTERFAX)(?:\s*[-–—]\s*(?-i:[A-ZА-ЯЁ][A-ZА-ЯЁ -]*[A-ZА-ЯЁ]))?\s*[-–—]"
    r"|\s*(?-i:[A-ZА-ЯЁ][A-ZА-ЯЁ.'’ -]+)(?:,\s*(?-i:[A-ZА-ЯЁ][\w.-]*)(?:\s+\w+)?)?"
    # a date after a comma, or only the agency in brackets: "TOKYO (Jiji Press) --"
    r"(?:,\s*(?:\d{1,2}\s+\w+\.?|\w+\.?\s+\d{1,2}(?!\d)|\w+\.?(?=\s+\d{4}))?"
    r"(?:,?\s*\d{4})?(?:\s*г(?:ода|\.))?"
    r"(?:\s*\([^()\n]{1,40}\))?|\s*\([^()\n]{1,40}\)(?=\s*[-–—]))"
    # then the agency: "/ТАСС/.", "— РИА Новости.", or none
    r"(?:\.\s*/[^/\n]{1,60}/\.?|\s*[-–—]\s*(?:(?-i:[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2})\.)?"
    r"|\.)"
)


@dataclass(frozen=True)
class Hit:
    rule: str
    term: str
    start: int
    end: int
    text: str
    strength: str = "strong"
    zone: str = ""  # title | lead | body
    note: str = ""  # why a name counted only as an ambiguous one


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
    about: str | None = None  # the other subject the story is about, when it has one
    # What the decision weighed, for the topic veto (topic.py): the dispute's phrases, the
    # sides and the other subjects found, and in how many sentences the names stand.
    context: tuple[Hit, ...] = ()
    named_sentences: int = 0
    vetoed: str = ""  # the topic veto's reason when it overturned the rules' decision
    # Whether a rule found the islands the place of the story's event outright (a quake felt
    # in their town, a detained vessel taken to their port): too firm for the topic veto.
    placed: bool = False

    @property
    def matched_terms(self) -> list[str]:
        """Distinct terms that made the decision, in order of first appearance."""
        seen: dict[str, None] = {}
        for hit in self.hits:
            if hit.strength in ("strong", "weak", "user") or hit.rule.endswith(".dispute"):
                seen.setdefault(hit.term, None)
        return list(seen)


# Which script each rule's and guard's matches are written in; a text without that script
# skips them (tests/test_match.py holds every match to its script).
def script_of(record: Rule | Guard) -> str:
    return record.lang if record.lang in ("ru", "ja") else "any"


_R = TypeVar("_R", Rule, Guard)
# Records by the script their matches are written in, each with its anchors as a set.
_Gates = dict[str, list[tuple[_R, frozenset[str] | None]]]


def _by_script(records: list[_R]) -> _Gates[_R]:
    """The records by script, in their order within each script."""
    gates: _Gates[_R] = {}
    for record in records:
        anchors = frozenset(record.anchors) if record.anchors is not None else None
        gates.setdefault(script_of(record), []).append((record, anchors))
    return gates


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


def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern's source with its case flag inline, so it can join a union."""
    flag = "i" if pattern.flags & re.IGNORECASE else "-i"
    return f"(?{flag}:{pattern.pattern})"


def compile_user_term(term: str) -> re.Pattern[str]:
    """A user's term: `/regex/` as written, anything else as a whole-word phrase."""
    term = term.strip()
    if len(term) >= 2 and term.startswith("/") and term.endswith("/"):
        problem = regex_problem(term)
        if problem:
            raise ValueError(problem)
        return re.compile(term[1:-1], re.IGNORECASE)
    words = r"\s+".join(re.escape(w) for w in term.split())
    if re.search(r"[\w]", term) and not re.search(f"[{KANJI}\u3040-\u30ff]", term):
        return re.compile(B + words + E, re.IGNORECASE)
    return re.compile(words, re.IGNORECASE)


def _automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _user_rule(kind: str, term: str) -> Rule:
    strength = "user" if kind == "include" else "exclude"
    return Rule(f"user.{kind}:{term}", "any", strength, kind, term, compile_user_term(term), None)


class _Layout:
    """Where a text's headline, lead and sentences are: computed only for texts with hits."""

    def __init__(self, text: str, title_end: int, lang: str) -> None:
        self.text = text
        self.title_end = title_end
        ends: list[int] = []
        for m in _SENTENCE_END.finditer(text):
            # A line break right after a full stop ends no second, empty sentence, nor does
            # a line of punctuation alone ("!", "* * *").
            if _WORD.search(text, ends[-1] if ends else 0, m.end()):
                ends.append(m.end())
        body_start = title_end
        # Where the dateline ends (0: the text has none): the dateline joins the first
        # sentence.
        dateline = _DATELINE.match(text, body_start + (1 if title_end else 0))
        self.dateline_end = dateline.end() if dateline else 0
        if dateline:
            ends = [e for e in ends if not body_start < e <= dateline.end()]
        self.ends = ends
        lead_target = body_start + _LEAD_CHARS["ja" if lang == "ja" else "other"]
        after = bisect.bisect_left(ends, lead_target)
        by_size = ends[after] if after < len(ends) else len(text)
        body_ends = [e for e in ends if e > body_start + (1 if title_end else 0)]
        by_count = (
            body_ends[_LEAD_SENTENCES - 1] if len(body_ends) >= _LEAD_SENTENCES else len(text)
        )
        self.lead_end = min(by_size, by_count)
        self.first_body_sentence = self.sentence(title_end + 1) if title_end else 0
        self.body_sentences = max(1, len(ends) + 1 - self.first_body_sentence)

    def sentence(self, position: int) -> int:
        return bisect.bisect_right(self.ends, position)

    def sentence_span(self, position: int) -> tuple[int, int]:
        index = self.sentence(position)
        start = self.ends[index - 1] if index else 0
        return start, self.ends[index] if index < len(self.ends) else len(self.text)

    def zone(self, position: int) -> str:
        if position < self.title_end:
            return "title"
        return "lead" if position < self.lead_end else "body"

    @property
    def head_end(self) -> int:
        """Where the part that says what the story is about ends: headline, else 1st sentence."""
        if self.title_end:
            return self.title_end
        return self.ends[0] if self.ends else len(self.text)


def _title_end(text: str) -> int:
    """Where the headline of "TITLE\\nTEXT" ends (0: the text has none)."""
    newline = text.find("\n")
    if newline == -1:
        return len(text) if len(text) <= _MAX_TITLE else 0
    return newline if newline <= _MAX_TITLE else 0


@dataclass
class Matcher:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    veto: bool = True  # whether the topic model (topic.py) may overturn a weak decision
    rules: list[Rule] = field(init=False)
    excludes: list[Rule] = field(init=False)
    prefilter: re.Pattern[str] = field(init=False)
    anchors: tuple[str, ...] | None = field(init=False)
    ascii_anchors: tuple[str, ...] = field(init=False)
    # The anchors as Aho-Corasick automata: one pass over a text finds any of them, where
    # `anchor in text` for each took a third of the matcher's time.
    screens: dict[bool, ahocorasick.Automaton] = field(init=False)
    # Every record's anchors in one automaton: one pass says which records can match.
    records: tuple[list[Rule], list[Rule], list[Guard]] = field(init=False)
    gates: tuple[_Gates[Rule], _Gates[Rule], _Gates[Guard]] = field(init=False)
    waters: _Gates[Rule] = field(init=False)  # read only when a decision needs them
    every_anchor: ahocorasick.Automaton = field(init=False)

    def __post_init__(self) -> None:
        self.rules = list(RULES) + [_user_rule("include", t) for t in self.include]
        self.excludes = [_user_rule("exclude", t) for t in self.exclude]
        # Most items are not about the islands: one pass over the text with every rule that
        # can make an item relevant settles them, instead of one pass per rule.
        deciding = self.rules + [r for r in CONTEXT_RULES if r.kind == "dispute"]
        self.prefilter = re.compile("|".join(_scoped(r.pattern) for r in deciding))
        # A user's own terms have no anchors: then the regular-expression union decides.
        self.anchors = None
        self.ascii_anchors = ()
        if all(r.anchors is not None for r in deciding):
            every = {a for r in deciding for a in r.anchors or ()}
            # An anchor that contains another adds nothing to the screen ("kurilsk", "kuril").
            needed = sorted(a for a in every if not any(b != a and b in a for b in every))
            self.anchors = tuple(needed)
            # An ASCII text can hold only ASCII anchors: a third of them.
            self.ascii_anchors = tuple(a for a in needed if a.isascii())
        self.screens = {True: _automaton(self.ascii_anchors), False: _automaton(self.anchors or ())}
        self.records = (self.rules, [*CONTEXT_RULES, *TOPIC_RULES], GUARDS)
        # Each record list by script, with its anchors as a set: a text skips the records of
        # scripts it does not hold without looking at them.
        self.gates = (
            _by_script(self.records[0]),
            _by_script(self.records[1]),
            _by_script(self.records[2]),
        )
        self.waters = _by_script(WATERS_RULES)
        self.every_anchor = _automaton(
            {a for rules in (*self.records, WATERS_RULES) for r in rules for a in r.anchors or ()}
        )

    def match(self, text: str) -> MatchResult:
        """Decide whether `text` ("HEADLINE\\nTEXT", or any text) is about the islands."""
        return self._match(text, _title_end(text))

    def match_item(self, title: str, text: str = "") -> MatchResult:
        """Decide whether an item with this headline and text is about the islands.

        Spans are offsets into f"{title}\\n{text}" (or the title alone when it has no text).
        """
        if not title:
            return self._match(text, 0)
        return self._match(f"{title}\n{text}" if text else title, len(title))

    def _match(self, text: str, title_end: int) -> MatchResult:
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
        starts = self._anchor_starts(lowered, len(lowered) == len(text))
        rules, context_rules, guards = self._running(lowered, starts)
        raw = [
            Hit(rule.id, rule.term, m.start(), m.end(), m.group(0), rule.strength)
            for rule in rules
            for m in _finditer(rule, text, starts)
        ]
        context = [
            Hit(r.id, r.term, m.start(), m.end(), m.group(0), r.strength)
            for r in context_rules
            for m in _finditer(r, text, starts)
        ]
        if not raw and not any(h.rule.endswith(".dispute") for h in context):
            return MatchResult(False, reason="no Kuril terms")
        lang = "ja" if _CJK.search(text) else "ru" if _CYRILLIC.search(text) else "en"
        layout = _Layout(text, title_end, lang)
        kinds = {h.rule.split(".", 1)[1] for h in context if h.strength == "context"}
        guards = [g for g in guards if not set(g.unless) & kinds]
        hits, suppressed, names = _apply_guards(raw, guards, text, layout)
        # What a proper name holds (Okinawa in "the Okinawa and Northern Territories
        # minister", 領土問題 in 北方領土問題担当相) is not context of its own.
        context = [h for h in context if not any(s < h.end and h.start < e for s, e in names)]
        context, asides = _without_asides(context, text)
        suppressed += asides
        zone = layout.zone
        hits = [
            Hit(h.rule, h.term, h.start, h.end, h.text, h.strength, zone(h.start), h.note)
            for h in _strongest(hits)
        ]
        context = [
            Hit(h.rule, h.term, h.start, h.end, h.text, h.strength, zone(h.start)) for h in context
        ]

        hits, context, background = _without_background(hits, context, text, lowered, layout, lang)
        suppressed += background

        def waters() -> list[Hit]:
            """The words of fishing and of the islands' waters, with where they stand."""
            found = set(starts or ())
            return [
                Hit(r.id, r.term, m.start(), m.end(), m.group(0), r.strength, zone(m.start()))
                for script in _scripts_in(lowered)
                for r, anchors in self.waters.get(script, ())
                if anchors is None or not found.isdisjoint(anchors)
                for m in _finditer(r, text, starts)
            ]

        decided = _decide(hits, context, suppressed, layout, waters)
        if self.veto and decided.relevant and not firm_evidence(decided):
            return _topic_veto(decided, text, lang)
        return decided

    def _anchor_starts(self, lowered: str, aligned: bool) -> dict[str, list[int]] | None:
        """Where each anchor starts in the lower-cased text, found in one pass (None when
        lower-casing changed the text's length, so its offsets are not the text's)."""
        starts: dict[str, list[int]] = {}
        for end, anchor in self.every_anchor.iter(lowered):
            starts.setdefault(anchor, []).append(end - len(anchor) + 1)
        return starts if aligned else {anchor: [] for anchor in starts}

    def _running(
        self, lowered: str, starts: dict[str, list[int]] | None
    ) -> tuple[list[Rule], list[Rule], list[Guard]]:
        """The rules, context rules and guards that can match this lower-cased text: those
        in its scripts whose anchors it holds."""
        scripts = _scripts_in(lowered)
        found = set(starts or ())

        def can_match(by_script: _Gates[_R]) -> list[_R]:
            return [
                record
                for script in scripts
                for record, anchors in by_script.get(script, ())
                if anchors is None or not found.isdisjoint(anchors)
            ]

        rules, context, guards = self.gates
        return can_match(rules), can_match(context), can_match(guards)


def _without_background(
    hits: list[Hit], context: list[Hit], text: str, lowered: str, layout: _Layout, lang: str
) -> tuple[list[Hit], list[Hit], list[Suppressed]]:
    """The names and dispute phrases of a sentence on the state of relations, set aside when
    the headline names neither and the text names the islands nowhere else."""
    disputes = [h for h in context if h.rule.endswith(".dispute")]
    if not (hits or disputes) or any(h.zone == "title" for h in (*hits, *disputes)):
        return hits, context, []
    # (the text's own language's, and only where its words are: most texts have none)
    found = {
        layout.sentence(m.start()): guard
        for guard in RELATIONS_BACKGROUND
        if guard.lang == lang and any(a in lowered for a in guard.anchors or ())
        for m in guard.pattern.finditer(text, layout.title_end)
    }
    if not found or any(layout.sentence(h.start) not in found for h in hits):
        return hits, context, []
    # (every name is in such a sentence by now; a dispute phrase may stand elsewhere)
    aside = {
        h: found[sentence]
        for h in (*hits, *disputes)
        if (sentence := layout.sentence(h.start)) in found
    }
    why = [Suppressed(h, guard.id, guard.why) for h, guard in aside.items()]
    return [h for h in hits if h not in aside], [h for h in context if h not in aside], why


# How far before a phrase of the dispute its aside's words may start.
_ASIDE_REACH = 60


def _without_asides(context: list[Hit], text: str) -> tuple[list[Hit], list[Suppressed]]:
    """The context without the dispute phrases that only say what a place faces."""
    kept: list[Hit] = []
    asides: list[Suppressed] = []
    for hit in context:
        aside = hit.rule.endswith(".dispute") and next(
            (
                g
                for g in DISPUTE_ASIDES
                if g.pattern.search(text, max(0, hit.start - _ASIDE_REACH), hit.start)
            ),
            None,
        )
        if aside:
            asides.append(Suppressed(hit, aside.id, aside.why))
        else:
            kept.append(hit)
    return kept, asides


# A rule's first matches in a text, at most: a text that names the islands a thousand times
# is about them, and a hostile page repeating a name must not cost minutes.
MAX_MATCHES = 1000


def _finditer(rule: Rule, text: str, starts: dict[str, list[int]] | None) -> list[re.Match[str]]:
    """The rule's matches in the text, as `finditer` finds them (the first MAX_MATCHES). A
    rule whose every match starts with an anchor is tried only where one starts."""
    if not rule.anchored_start or not starts or not any(starts.get(a) for a in rule.anchors or ()):
        return list(
            itertools.islice(
                (m for m in rule.pattern.finditer(text) if m.end() > m.start()), MAX_MATCHES
            )
        )
    positions = sorted({p for a in rule.anchors or () for p in starts.get(a, ())})
    found: list[re.Match[str]] = []
    reached = 0
    for position in positions:
        if position < reached:
            continue
        m = rule.pattern.match(text, position)
        if m is not None and m.end() > m.start():
            found.append(m)
            reached = m.end()
            if len(found) == MAX_MATCHES:
                break
    return found


def _apply_guards(
    raw: list[Hit], guards: list[Guard], text: str, layout: _Layout
) -> tuple[list[Hit], list[Suppressed], list[tuple[int, int]]]:
    """The hits that stand (some demoted to weak), the look-alikes with their guard, and
    the spans of the proper names that demoted a hit."""
    spans: list[tuple[int, int, Guard]] = []
    sentences: list[tuple[int, Guard]] = []
    # A proper name a guard showed to be an animal's ("the filly Etorofu Star"): the same
    # animal wherever the text writes that name again ("Etorofu Star takes the cup").
    proper_names: dict[str, Guard] = {}
    everywhere: list[Guard] = []
    if raw:
        hit_sentences = _windows([layout.sentence_span(h.start) for h in raw], 0, len(text))
        # Most guards have the same reach: their windows are computed once. A guard for
        # some rules only runs around their hits (none: it does not run).
        by_reach: dict[tuple[int, tuple[str, ...]], list[tuple[int, int]]] = {}
        for guard in guards:
            if guard.scope == "text":
                if guard.pattern.search(text) and not (
                    guard.unless_there and _held_there(text, raw, guard.unless_there == "place")
                ):
                    everywhere.append(guard)
                continue
            if guard.scope == "sentence":
                windows = hit_sentences
            else:
                key = (guard.reach, guard.applies_to)
                if key not in by_reach:
                    around = [
                        (h.start, h.end)
                        for h in raw
                        if not guard.applies_to or h.rule in guard.applies_to
                    ]
                    by_reach[key] = _windows(around, guard.reach, len(text))
                windows = by_reach[key]
            for lo, hi in windows:
                for m in guard.pattern.finditer(text, lo, hi):
                    if guard.scope == "sentence":
                        sentences.append((layout.sentence(m.start()), guard))
                    else:
                        spans.append((m.start(), m.end(), guard))
                        if guard.echoes and guard.pattern.groupindex:
                            proper = next((v for v in m.groupdict().values() if v), "")
                            if proper:
                                proper_names.setdefault(proper.lower(), guard)
    hits: list[Hit] = []
    suppressed: list[Suppressed] = []
    names: list[tuple[int, int]] = []
    # Looked up by position, so a text with thousands of hits costs n log n, not n².
    spans.sort(key=lambda span: span[0])
    span_starts = [span[0] for span in spans]
    reach = max((g.reach for g in guards), default=0)
    by_sentence: dict[int, list[Guard]] = {}
    for index, guard in sentences:
        by_sentence.setdefault(index, []).append(guard)
    for hit in raw:
        if hit.rule.startswith("user."):
            hits.append(hit)
            continue

        def applies(guard: Guard, hit: Hit = hit) -> bool:
            return not guard.applies_to or hit.rule in guard.applies_to

        near = spans[
            bisect.bisect_left(span_starts, hit.start - reach) : bisect.bisect_left(
                span_starts, hit.end
            )
        ]
        # A guard that says what the name is (a restaurant «Итуруп») outranks one that
        # only says it is a proper name (any «Итуруп» in quotes),
        span = min(
            (s for s in near if hit.start < s[1] and applies(s[2])),
            # and one that holds only alone (a region's name) gives way to any other.
            key=lambda s: (s[2].effect == "demote", s[2].alone),
            default=None,
        )
        chosen = (span[2] if span else None) or next(
            (g for g in by_sentence.get(layout.sentence(hit.start), ()) if applies(g)),
            next((g for g in everywhere if applies(g)), None),
        )
        if chosen is None:
            hits.append(hit)
        elif chosen.effect == "demote":
            hits.append(replace(hit, strength="weak", note=chosen.why))
            names.append((span[0], span[1]) if span else (hit.start, hit.end))
        else:
            suppressed.append(Suppressed(hit, chosen.id, chosen.why))
            # (what the look-alike's words hold, 領土問題 in 北方領土問題に詳しい教授, is
            # not context of its own either)
            if span:
                names.append((span[0], span[1]))
    if proper_names:
        hits, suppressed = _proper_name_echoes(hits, suppressed, text, proper_names)
    hits = _title_echoes(hits, text)
    hits, suppressed = _reading_echoes(hits, suppressed, text)
    # A region's name ("Sakhalin and the Kurils") is the islands' when the text names them
    # on their own as well.
    if any(h.strength == "strong" for h in hits):
        hits += [s.hit for s in suppressed if s.guard in _ALONE]
        suppressed = [s for s in suppressed if s.guard not in _ALONE]
    return *_echoes(hits, suppressed, text), names


# A proper name written again is the islands' own when it is followed by their noun: a
# player called Kuril does not make "the Kuril Islands" of the same text a person.
_NOT_THE_ISLANDS = (
    r"(?!\s+(?:islands?|isles|islets?|group|chain|остров\w*)\b|\s*(?:島|諸島|列島|群島))"
)
_NOT_THE_ISLANDS_AFTER = re.compile(_NOT_THE_ISLANDS, re.IGNORECASE)
_ISLANDS_BEFORE_RU = re.compile(
    r"(?<![\w-])(?:остров\w*|о-в\w*|о\.|гряд\w*|архипелаг\w*)\s+$", re.IGNORECASE
)


_CLOSING_QUOTES = {"«": "»", '"': '"', "„": "“", "“": "”", "‘": "’", "'": "'", "「": "」"}
_TITLE_LENGTH = 40


def _quoted_title(text: str, hit: Hit) -> str | None:
    """The whole quoted title a hit opens («Шикотан. Туман», 「国後の灯」), if it opens one."""
    opening = text[hit.start - 1 : hit.start] if hit.start else ""
    closing = _CLOSING_QUOTES.get(opening)
    if closing is None:
        return None
    end = text.find(closing, hit.end, hit.end + _TITLE_LENGTH)
    # (a comma or a stop inside the quotes, as American copy puts it, is no part of the title)
    return text[hit.start : end].rstrip(".,;:!?").lower() if end >= 0 else None


def _title_echoes(hits: list[Hit], text: str) -> list[Hit]:
    """A work's quoted title written again in quotes is the same work: demoted there too."""
    titles = {
        title: hit.note
        for hit in hits
        if hit.strength == "weak" and hit.note and (title := _quoted_title(text, hit))
    }
    if not titles:
        return hits
    out: list[Hit] = []
    for hit in hits:
        title = _quoted_title(text, hit) if hit.strength == "strong" else None
        note = titles.get(title) if title else None
        out.append(replace(hit, strength="weak", note=note) if note else hit)
    return out


# A Russian surname that declines as an adjective (Курильский, Курильского, Курильская).
_ADJECTIVE_SURNAME = re.compile(r"(\w+ск)(?:ий|ого|ому|им|ом|ая|ой|ую)", re.IGNORECASE)


def _any_case(name: str) -> str:
    """The name as a pattern: an adjective surname in any of its cases, else as written."""
    if found := _ADJECTIVE_SURNAME.fullmatch(name):
        return re.escape(found.group(1)) + "(?:ий|ого|ому|им|ом|ая|ой|ую)"
    return re.escape(name)


def _reading_echoes(
    hits: list[Hit], suppressed: list[Suppressed], text: str
) -> tuple[list[Hit], list[Suppressed]]:
    """A name's reading in brackets right after a look-alike («択捉（えとろふ）», the escort
    ship's) is the same look-alike."""
    if not suppressed or not any(text[h.start - 1 : h.start] in "（(" for h in hits if h.start):
        return hits, suppressed
    by_end = {s.hit.end: s for s in suppressed}
    kept: list[Hit] = []
    for hit in hits:
        before = by_end.get(hit.start - 1) if text[hit.start - 1 : hit.start] in "（(" else None
        if before is None:
            kept.append(hit)
        else:
            suppressed = [*suppressed, Suppressed(hit, before.guard, before.why)]
    return kept, suppressed


def _proper_name_echoes(
    hits: list[Hit], suppressed: list[Suppressed], text: str, proper_names: dict[str, Guard]
) -> tuple[list[Hit], list[Suppressed]]:
    """The hits inside another occurrence of a proper name a guard found, cancelled by it."""
    spans = sorted(
        (m.start(), m.end(), guard)
        for name, guard in proper_names.items()
        for m in re.finditer(
            rf"(?<!\w){_any_case(name)}(?!\w){_NOT_THE_ISLANDS}", text, re.IGNORECASE
        )
    )
    starts = [span[0] for span in spans]
    kept: list[Hit] = []
    for hit in hits:
        # The occurrences that start at or before the hit (names are short: look back a few).
        at = bisect.bisect_right(starts, hit.start)
        guard = next(
            (g for s, e, g in spans[max(0, at - 4) : at] if s <= hit.start and hit.end <= e),
            None,
        )
        if guard is None:
            kept.append(hit)
        else:
            suppressed = [*suppressed, Suppressed(hit, guard.id, guard.why)]
    return kept, suppressed


def _echoes(
    hits: list[Hit], suppressed: list[Suppressed], text: str
) -> tuple[list[Hit], list[Suppressed]]:
    """A name a guard showed to be a business's (the cafe «Курилы») is the same business
    wherever the text writes it the same way again, or in quotes in another case («Курил»)."""
    by_text = {s.hit.text.lower(): s for s in suppressed if s.guard in _ECHOING}
    by_term = {s.hit.term: s for s in by_text.values()}
    if not by_text:
        return hits, suppressed

    def business(hit: Hit) -> Suppressed | None:
        if not _NOT_THE_ISLANDS_AFTER.match(text, hit.end):
            return None
        # (nor the islands' word before it, as Russian writes it: «островов Хабомаи»)
        if _ISLANDS_BEFORE_RU.search(text, max(0, hit.start - 24), hit.start):
            return None
        return by_text.get(hit.text.lower()) or (
            by_term.get(hit.term) if _quoted(text, hit) else None
        )

    kept: list[Hit] = []
    for hit in hits:
        found = business(hit)
        if found is None:
            kept.append(hit)
        else:
            suppressed = [*suppressed, Suppressed(hit, found.guard, found.why)]
    return kept, suppressed


def _quoted(text: str, hit: Hit) -> bool:
    """Whether a hit stands in quotes: opening them, or closing a short quote that opened a
    few words before («Свои Курилы»)."""
    if text[max(0, hit.start - 1) : hit.start] in _OPENING_QUOTES:
        return True
    if text[hit.end : hit.end + 1] not in _CLOSING_QUOTE_CHARS:
        return False
    before = text[max(0, hit.start - _QUOTED_WORDS) : hit.start]
    opened = max(before.rfind(q) for q in _OPENING_QUOTES)
    return opened >= 0 and not any(c in before[opened + 1 :] for c in _QUOTE_ENDS)


# How far before a name a short quote it closes may open.
_QUOTED_WORDS = 30


def _windows(spans: list[tuple[int, int]], margin: int, size: int) -> list[tuple[int, int]]:
    """The spans widened by `margin` on each side and merged where they meet."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - margin), min(size, end + margin)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _strongest(hits: list[Hit]) -> list[Hit]:
    """One hit per span: where a strong and a weak rule match the same text, the strong."""
    rank = {"user": 0, "strong": 1, "weak": 2}
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, rank.get(h.strength, 3))):
        if kept and hit.start < kept[-1].end:
            if rank.get(hit.strength, 3) < rank.get(kept[-1].strength, 3):
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept


_NEEDS = {r.id: r.needs for r in RULES}
# The rules of the four disputed islands (and the Habomai islets), and how many of them a
# text must name for the names themselves to say it is about the dispute.
_DISPUTED = {"iturup", "kunashir", "shikotan", "habomai", "habomai-islets"}
_NAMED_ISLANDS = 3
# How many sentences of a long feature must come back to the islands unnamed for a name given
# once, late, to be its subject's.
_LATE_RETURNS = 3
_ECHOING = {g.id for g in GUARDS if g.echoes}
_ALONE = {g.id for g in GUARDS if g.alone}
# The rules of one island and of the islands' towns: where something is held "there".
_LOCAL = {r.id for r in RULES if r.kind in ("island", "islet", "town")}
_TOWNS = {r.id for r in RULES if r.kind == "town"}
# The rules of one island (not of the group or of a town), and those of the group's names.
_ONE_ISLAND = {r.id for r in RULES if r.kind in ("island", "islet", "northern-island")}
_GROUP = {r.id for r in RULES if r.kind == "group"}
_OPENING_QUOTES = set(_CLOSING_QUOTES)
_CLOSING_QUOTE_CHARS = set(_CLOSING_QUOTES.values())
# What ends a short quote before a name: its closing mark or the line.
_QUOTE_ENDS = _CLOSING_QUOTE_CHARS | {"\n"}


def _decide(
    hits: list[Hit],
    context: list[Hit],
    suppressed: list[Suppressed],
    layout: _Layout,
    waters_of: Callable[[], list[Hit]] = list,
) -> MatchResult:
    kinds = {h.rule.split(".", 1)[1] for h in context if h.strength == "context"}
    sides = {"japan", "russia"} if "bilateral" in kinds else {"japan", "russia"} & kinds
    strong = [h for h in hits if h.strength in ("strong", "user")]
    # (not a phrase whose sentence places it in other waters, the islands unnamed there: a
    # Japanese boat detained "off Sakhalin Island", «у берегов Камчатки»)
    # (nor, where the text names none of the islands, a detention whose vessel it puts in
    # another port: "taken it to a port … The vessel is at Korsakov port")
    dispute_hits = [
        h
        for h in context
        if h.rule.endswith(".dispute")
        and not _in_other_waters(layout, h, strong)
        and not (not strong and _DETAINED.search(h.text) and _OTHER_PORT.search(layout.text))
    ]

    def in_context(hit: Hit) -> bool:
        needs = _NEEDS.get(hit.rule, ("dispute", "both"))
        return (
            ("dispute" in needs and bool(dispute_hits))
            or ("both" in needs and len(sides) == 2)
            or bool(set(needs) & sides)
            # an ambiguous island's name beside the chain's own ("Matua … the Kuril chain"),
            # or said to be an island in its sentence or the next ("Urup … is among the most
            # sought-after islands", "… Urup. The island has had no population"): no river
            # or community is
            or (
                hit.rule in _AMBIGUOUS_ISLANDS
                and (bool(strong) or _said_to_be_an_island(layout, hit))
            )
        )

    weak = [h for h in hits if h.strength == "weak"]
    evidence = strong + [h for h in weak if in_context(h)]
    about = _other_subject(context, evidence, layout)
    head_topic = any(h.strength == "topic" and h.start < layout.head_end for h in context)
    kept = tuple(suppressed)
    used = "names the islands" if strong else "an ambiguous name, in context"
    ordered = tuple(sorted(hits + ([*dispute_hits] if not strong else []), key=lambda h: h.start))

    named_sentences = len({layout.sentence(h.start) for h in evidence})

    def result(relevant: bool, reason: str, placed: bool = False) -> MatchResult:
        return MatchResult(
            relevant,
            ordered,
            kept,
            reason=reason,
            about=about,
            context=tuple(context),
            named_sentences=named_sentences,
            placed=placed,
        )

    # The dispute named up front (headline or lead) with both sides: the story is about it,
    # unless its headline is about another subject and does not itself name the dispute.
    # (never one placed in another sea: «у спорных островов в Японском море»)
    head_dispute = [
        h
        for h in dispute_hits
        if h.zone in ("title", "lead") and not _ANOTHER_SEA.match(layout.text, h.end)
    ]
    dispute_up_front = bool(head_dispute) and len(sides) == 2
    if about is not None:
        # (and not the other subject's own dispute: «претензий на острова Токто»)
        others = [h for h in context if h.strength == "topic" and h.term == about]
        dispute_up_front = dispute_up_front and any(
            h.zone == "title" and not _attached(h, others, layout) for h in head_dispute
        )
    if evidence:
        # An ambiguous name in the headline does not outweigh another subject named there.
        if any(h.zone == "title" and (h.strength != "weak" or not head_topic) for h in evidence):
            return result(True, f"{used} in the headline")
        if any(h.rule.startswith("user.") for h in evidence):
            return result(True, "your include term")
        sentences = {layout.sentence(h.start) for h in evidence}
        # One mention in a long article, not in its first sentence, with nothing of the
        # dispute anywhere: a passing mention even in the lead.
        lone = (
            len(sentences) == 1
            and layout.body_sentences >= _LONG_ARTICLE
            and min(sentences) != layout.first_body_sentence
            and not dispute_hits
        )
        # Named once, neither in the headline nor in the first sentence, or as one item of a
        # list of subjects (a budget's lines, a minister's agenda), with no phrase of the
        # dispute beside the name's own (北方領土問題): an aside in a story about something
        # else, even in the lead.
        # (or right after it: 返還 in 北方領土返還要求運動, one compound noun)
        own = [
            d for d in dispute_hits if any(d.start <= e.end and e.start < d.end for e in evidence)
        ]
        listed = _listed(layout, evidence) if len(sentences) == 1 else 0
        # Named later, but as the place where the story's event happens ("the drills were
        # held on Iturup", «учения прошли на Итурупе», 択捉島で): not an aside.
        # (not a past century's event there: «в 1811 году был схвачен японцами на Кунашире»)
        later = min(sentences) != layout.first_body_sentence and not any(
            _locative(layout.text, h) and not _past_century(layout, h) for h in evidence
        )
        # Three of the islands' places or more in that one sentence (a ferry's route
        # "Korsakov - Kurilsk - Yuzhno-Kurilsk", "residents of Iturup, Kunashir and
        # Shikotan") are what the story says, not an aside naming the Kurils once.
        several = len({_place_named(layout.text, h) for h in evidence}) >= _NAMED_ISLANDS
        aside = (
            len(sentences) == 1
            and bool(layout.text[: layout.title_end].strip())
            and not any(h.zone == "title" for h in hits)
            and len(own) == len(dispute_hits)
            and ((later and not several) or listed > 0)
        )
        if about is None and any(h.zone == "lead" for h in evidence) and not lone and not aside:
            return result(True, f"{used} in the lead")
        if dispute_up_front:
            return result(True, f"the territorial dispute up front; {used} further down")
        # A headline on the former residents (元島民が語り部授業, "Former residents pray at
        # sea"), about nothing else, whose islands are named further down (or its grave
        # visits, in context): the former residents are the islands' own.
        if about is None and _FORMER_RESIDENTS.search(layout.text, 0, layout.title_end):
            return result(True, f"the former residents in the headline; {used} further down")
        # A short report about nothing else whose one mention, however late, is the place
        # where its subject stands ("the base on the island of Simushir was abandoned"), not
        # one place of a list (Ainu who lived in Hokkaido, Sakhalin and the Kurils).
        # (or a report short of a long article that names them in two of its sentences: housing
        # built in a settlement "for the division stationed on Iturup and Kunashir")
        if (
            (about is None or (several and _held_there(layout.text, strong, False)))
            and strong
            and (
                layout.body_sentences < _SHORT_REPORT
                or (len(sentences) >= 2 and layout.body_sentences < _LONG_ARTICLE)
            )
            and not listed
            and any(
                _placed_there(layout, h) and not _earlier(layout, h)
                # (an ambiguous island's name in context too, never a people's: 元島民で)
                for h in evidence
                if h.strength != "weak" or h.rule in _AMBIGUOUS_ISLANDS
            )
        ):
            return result(True, f"{used} late, as the place of a short report's subject")
        if len(sentences) >= _BODY_SENTENCES:
            return result(True, f"{used} in {len(sentences)} sentences")
        # The islands' towns among the names (local news of the islands).
        towns = [h for h in strong if _held_there(layout.text, [h], False)]
        # A long feature or column whose names come late: the dispute's own phrases run
        # through it (three or more, both sides named) and the islands come back in a
        # second sentence or are named three places at once (a column on the 1956
        # declaration ending on "Shikotan and the Habomai … the Northern Territories"), or
        # it names four of the islands' places or more in two sentences (a tax regime "in
        # Kurilsk … on Iturup, Kunashir and Shikotan").
        if about is None and layout.body_sentences >= _LONG_ARTICLE:
            places = {
                h.rule for h in evidence if not h.rule.endswith((".exchanges", ".joint-activities"))
            }
            if (
                (len(sentences) >= 2 or several)
                and len(dispute_hits) >= _NAMED_ISLANDS
                and len(sides) == 2
            ):
                where = (
                    f"in {len(sentences)} sentences"
                    if len(sentences) >= 2
                    else "in one sentence naming three of their places or more"
                )
                return result(
                    True,
                    f"a long feature on the dispute ({len(dispute_hits)} of its phrases), "
                    f"{used} late, {where}",
                )
            if len(sentences) >= 2 and len(places) > _NAMED_ISLANDS:
                return result(
                    True, f"a long feature naming {len(places)} of the islands' places late"
                )
            # Or, with both sides named, it names them twice, once as where its subject
            # stands on two of their places ("the division's units stationed on Iturup and
            # Kunashir"): a garrison's feature, not an aside naming one place.
            if len(sentences) >= 2 and len(sides) == 2:
                for hit in evidence:
                    if hit.strength == "weak" or not _placed_there(layout, hit):
                        continue
                    sentence = layout.sentence(hit.start)
                    there = {
                        _place_named(layout.text, e)
                        for e in evidence
                        if layout.sentence(e.start) == sentence
                    }
                    if len(there) >= 2:
                        return result(
                            True,
                            f"a long feature whose subject stands on {len(there)} of the "
                            f"islands' places ({hit.text!r}), named in {len(sentences)} sentences",
                        )
            # Or it names them twice, both sides named, and comes back to "the islands" or
            # to their former residents ("fewer than 5,000 surviving former residents") in
            # sentences of its own (a former islander's profile, "the island she left at
            # nine … Shikotan"; the exchanges' interpreter "between Nemuro and the islands").
            returns = _coming_back(layout, _HEADLINE_ISLANDS, sentences) | {
                layout.sentence(h.start)
                for h in context
                if h.rule.endswith(".islanders") and layout.sentence(h.start) not in sentences
            }
            if len(sentences) >= 2 and len(sides) == 2 and returns:
                return result(
                    True,
                    f"a long feature that {used} in {len(sentences)} sentences and comes back "
                    f"to the islands or their former residents unnamed in {len(returns)} more",
                )
            # Or it names them once, at its end, having kept coming back to them unnamed all
            # through (three sentences or more): the island, its town or its former
            # residents ("the island's ridge … 国後島は、この町の人々にとって「隣の島」",
            # "the town's plant … Северо-Курильск на Парамушире").
            if towns:
                returns |= _coming_back(layout, _TOWN_AND_ISLAND, sentences)
            # (not where the island it keeps coming back to is Sakhalin, named twice: a
            # repatriation story from 樺太 that names 占守島 once)
            if (
                strong
                and (towns or len(sides) == 2)
                and len(returns) >= _LATE_RETURNS
                and not _about_sakhalin(layout)
            ):
                return result(
                    True,
                    f"a long feature that comes back to the islands unnamed in {len(returns)} "
                    f"sentences and {used} at the end",
                )
            # Or its headline's subject stands on them when it is named at last ("how the
            # hospital at the edge of the country works" … «больница в Курильске —
            # единственная на острове Итуруп»), the story having come back to the island or
            # its village unnamed (one of their towns named; not Sakhalin's story).
            # (or one of the islands, the headline's subject in its sentence: "Shikotan … its
            # future, like that of the school")
            islands_named = [h for h in strong if h.rule in _ONE_ISLAND]
            if islands_named and not towns:
                returns = returns | _coming_back(layout, _TOWN_AND_ISLAND, sentences)
            # (a headline that itself says "the islands" unnamed is read by its own rule below)
            if (
                returns
                and (towns or islands_named)
                and _headline_islands(layout, _HEADLINE_ISLANDS) is None
                and not _about_sakhalin(layout)
            ):
                subject = _headline_subject_there(layout, towns) or _headline_subject_there(
                    layout, islands_named, placed=False
                )
                if subject:
                    return result(
                        True,
                        f"a long feature whose headline's subject ({subject!r}) stands on "
                        f"the islands when it {used} at the end",
                    )
        # Another subject's story (a Kamchatka quake) that says it was felt in one of the
        # islands' towns, or that the town was evacuated («жители Северо-Курильска ощутили
        # толчки», "towns like Severo-Kurilsk were evacuated"): the town is a place of the
        # event, not a line of background (never the last century's: "evacuated in 1952").
        for hit in towns:
            if _felt_there(layout, hit):
                return result(
                    True,
                    f"{used} as a place where the story's event was felt "
                    f"({_town_prefix(layout.text, hit) + hit.text!r})",
                    placed=True,
                )
        # A vessel detained and taken to one of the islands' ports («судно было задержано и
        # отправлено … в порт Южно-Курильск»): it was seized in their waters (a ferry or a
        # cargo bound there is only going there).
        if _DETAINED.search(layout.text):
            for hit in strong:
                if _TAKEN_TO.search(layout.text, max(0, hit.start - 120), hit.start):
                    return result(
                        True,
                        f"{used} as the port a detained vessel was taken to "
                        f"({_town_prefix(layout.text, hit) + hit.text!r})",
                        placed=True,
                    )
        # Another subject's story (a Kamchatka quake) whose effects it tells in one of the
        # islands' towns ("In Severo-Kurilsk, sirens sounded") and then follows there
        # ("the town", "the harbour", "the island") for two sentences more: a place of the
        # event, not the background line "a warning was also issued for Severo-Kurilsk".
        if about is not None:
            for hit in towns:
                if not _locative(layout.text, hit):
                    continue
                if _past_century(layout, hit):
                    continue
                returns = _coming_back(
                    layout, _TOWN_AND_ISLAND, sentences, layout.sentence_span(hit.start)[1]
                )
                if len(returns) >= 2:
                    return result(
                        True,
                        f"{used} as the place of the story's event "
                        f"({_town_prefix(layout.text, hit) + hit.text!r}), followed there in "
                        f"{len(returns)} more sentences",
                    )
        # A headline about "the islands" or "the island" without naming them (кто пришел на
        # острова, 44人が島へ), in a text that names no other subject and names the Kurils
        # twice or more: the islands it names further down are the ones it is about, however
        # late (one line on the Kurils in a story about other islands' ferries is an aside).
        # So is a headline's unnamed town or port (на город выпал пеплопад) where one of the
        # names further down is one of the islands' towns.
        headline_islands = None
        if about is None and len(strong) >= 2:
            named_first = strong[0]
            headline_islands = _headline_islands(layout, _HEADLINE_ISLANDS)
            if headline_islands is None and towns:
                headline_islands = _headline_islands(layout, _HEADLINE_TOWN)
                named_first = towns[0]
        if headline_islands:
            return result(
                True,
                f"the headline's {headline_islands!r}, named further down "
                f"({_town_prefix(layout.text, named_first) + named_first.text!r})",
            )
        # A story about fishing (up front) whose boats work the islands' waters under the
        # arrangements that exist only there (the private kelp agreement, Russian permits,
        # border guards), with both sides: the islands named further down are its grounds.
        # The arrangements come back (two sentences or more), one of them beside the names:
        # a Hokkaido catch story whose one line adds that some Nemuro boats work there under
        # an agreement is a passing mention.
        read = waters_of() if about is None and len(sides) == 2 else []
        fishing = [h for h in read if h.rule.endswith(".fishing") and h.zone != "body"]
        arrangements = [h for h in read if h.rule.endswith(".waters")]
        waters = arrangements or dispute_hits
        water_sentences = {layout.sentence(h.start) for h in waters}
        beside = any(abs(w - n) <= 1 for w in water_sentences for n in sentences)
        # (or once, in the names' own sentence with the dispute: "under a private agreement
        # … the waters around Kaigara Island, a Russian-controlled islet")
        disputed_there = (
            {layout.sentence(h.start) for h in arrangements}
            & sentences
            & {layout.sentence(h.start) for h in dispute_hits}
        )
        if fishing and (len(water_sentences) >= 2 or disputed_there) and beside:
            return result(
                True,
                f"fishing in the islands' waters ({fishing[0].text!r} up front, "
                f"{waters[0].text!r} further on): the islands named as its grounds",
            )
        # The disputed islands named one by one, with the dispute and both sides (a ministry
        # answering Japan's claim to "Iturup, Kunashir, Shikotan and the Habomai"): the
        # story is about them wherever they stand.
        islands = sorted({h.term for h in evidence if h.rule.split(".", 1)[1] in _DISPUTED})
        if about is None and len(islands) >= _NAMED_ISLANDS and dispute_hits and len(sides) == 2:
            return result(
                True, f"the disputed islands named together ({', '.join(islands)}) with the dispute"
            )
        subject = f"a story about {about}" if about else "a story about something else"
        count = "one sentence" if len(sentences) == 1 else f"{len(sentences)} sentences"
        named = f"named in {count}"
        if aside and listed:
            named = f"named as one item of a list of {listed} subjects"
        elif aside and not lone:
            named = "named once, not in the headline or the first sentence"
        return result(False, f"passing mention in {subject} (the islands {named})")
    if dispute_up_front and about is None:
        return result(True, "the Japan-Russia territorial dispute")
    if head_dispute and len(sides) == 2:
        return result(False, f"a dispute mentioned in a story about {about}")
    if suppressed and not hits:
        return result(False, "only look-alikes")
    if weak:
        notes = {h.note for h in weak if h.note}
        return result(False, "; ".join(sorted(notes)) or "an ambiguous name without context")
    if dispute_hits:
        if len(sides) < 2:
            return result(False, "a dispute phrase, but not between Japan and Russia")
        return result(False, "a dispute mentioned only far down the text")
    return result(False, "no Kuril terms")


# How close a dispute phrase stands to another subject's name to be that subject's own
# ("claims to the islands of Dokdo", «претензий на острова Токто»).
_ATTACHED = 25


# Another dispute's sea right after a phrase of a dispute ("disputed islands in the Sea of
# Japan", «спорных островов в Японском море»): the Kurils lie in none of them.
_ANOTHER_SEA = re.compile(
    r"\s+(?:in|of)\s+the\s+(?:sea\s+of\s+japan|east\s+sea|(?:east|south)\s+china\s+sea"
    r"|yellow\s+sea)\b"
    r"|\s+(?:в|на)\s+(?:японском|восточно-китайском|южно-китайском|ж[её]лтом)\s+море\b"
    r"|(?:の)?(?:日本海|東シナ海|南シナ海)",
    re.IGNORECASE,
)


# Other waters of Russia's Far East, off which a Japanese boat's detention is no matter of
# the islands: "off Sakhalin Island", «у берегов Камчатки», サハリン沖.
_OTHER_WATERS = re.compile(
    r"\b(?:off|near)\s+(?:the\s+(?:coast|shores?)\s+of\s+)?(?:the\s+)?"
    r"(?:(?:southern|northern|eastern|western|south|north|east|west)\s+)?"
    r"(?:sakhalin|kamchatka|primorye|chukotka|magadan)\b(?!\s+(?:and|or)\b)"
    r"|(?<!\w)у\s+(?:(?:берегов|побережья)\s+)?(?:\w+\s+)?(?:сахалина|камчатки|приморья|чукотки"
    r"|магадана)(?![\w-])(?!\s+и\s)"
    r"|(?:サハリン|樺太|カムチャツカ|沿海地方)(?:南部|北部|東部|西部)?沖",
    re.IGNORECASE,
)


# The ports of Sakhalin, Kamchatka, Primorye and Magadan, and Hokkaido's own, where a
# vessel detained in other waters is taken or from which it sailed.
_OTHER_PORT = re.compile(
    r"\b(?:korsakov|kholmsk|nevelsk|petropavlovsk(?:-kamchatsky)?|nakhodka|vladivostok"
    r"|magadan|wakkanai)\b"
    r"|(?<![\w-])(?:корсаков|холмск|невельск|петропавловск|находк|владивосток|магадан"
    r"|вакканай)\w*"
    r"|コルサコフ|ホルムスク|ネベリスク|ペトロパブロフスク|ナホトカ|ウラジオストク|マガダン|稚内",
    re.IGNORECASE,
)


def _in_other_waters(layout: _Layout, hit: Hit, strong: list[Hit]) -> bool:
    """Whether the hit's sentence places it in other waters, and names none of the islands."""
    start, end = layout.sentence_span(hit.start)
    if any(start <= h.start < end for h in strong):
        return False
    return _OTHER_WATERS.search(layout.text, start, end) is not None


def _said_to_be_an_island(layout: _Layout, hit: Hit) -> bool:
    """Whether the hit's sentence, or the one after it, speaks of an island."""
    start, end = layout.sentence_span(hit.start)
    if end < len(layout.text):
        end = layout.sentence_span(end)[1]
    return _HEADLINE_ISLANDS.search(layout.text, start, end) is not None


def _placed_there(layout: _Layout, hit: Hit) -> bool:
    """Whether the name stands as the place of something ("on Iturup", 択捉島で), not denied
    (北方四島周辺ではなく) and not a past century's event («в 1811 году … на Кунашире»)."""
    return (
        _locative(layout.text, hit)
        and not _NEGATED_AFTER.match(layout.text, hit.end)
        and not _past_century(layout, hit)
    )


# A quake or an eruption felt in a place, or the place evacuated; not when denied ("not
# felt", «не ощущались»).
# (or its waves reached it: "tsunami waves notably impacted the city of Severo-Kurilsk",
# «волны затопили»)
_FELT = re.compile(
    r"(?<![\w-])(?:(?:were|was|been|being)\s+felt|felt\s+(?:the\s+)?(?:tremors?|shaking|quake"
    r"|jolts?)|(?:were|was|been)\s+evacuated|evacuat(?:ed|ion\s+of)"
    r"|waves?\s+(?:\w+\s+)?(?:hit|struck|reached|impacted|flooded|swept|surged)"
    r"|(?:were|was|been)\s+(?:flooded|inundated)|relocated\s+to\s+higher\s+ground"
    r"|ощути\w*|ощущал\w*|почувствова\w*|эвакуир\w*|эвакуаци\w*|затопи\w*|подтопи\w*"
    r"|волн\w*\s+(?:\w+\s+)?(?:достигл|накрыл|обрушил|пришл)\w*)",
    re.IGNORECASE,
)
_LAST_CENTURY_YEAR = re.compile(r"(?<!\d)1\d{3}(?!\d)")
_NOT_FELT = re.compile(r"(?:\bnot|\bnever|(?<![\w-])не)\s+(?:\w+\s+)?$", re.IGNORECASE)


# The islands' former residents, as a headline names them.
_FORMER_RESIDENTS = re.compile(
    r"元島民|\b(?:former\s+(?:japanese\s+)?|ex-)(?:islanders|island\s+residents|residents)\b"
    r"|(?<![\w-])бывш\w+\s+(?:японск\w+\s+)?(?:жител|островитян)\w*",
    re.IGNORECASE,
)
# A vessel's detention, which its escort to a port follows.
_DETAINED = re.compile(
    r"\b(?:detain|detention|seiz|arrest|impound|custody)\w*|(?<![\w-])(?:задерж|арестова)\w*"
    r"|拿捕|連行|拘束",
    re.IGNORECASE,
)
# Taken, escorted or towed to a port, the name right after (the town's prefix may come
# between: «в порт Южно-»).
_TAKEN_TO = re.compile(
    r"(?:\b(?:taken|escorted|brought|towed|convoyed|sent|directed)\s+(?:\w+\s+){0,3}?to\s+"
    r"(?:the\s+)?(?:(?:port|harbou?r)\s+(?:of\s+)?)?(?:(?:town|island|isle)\s+of\s+)?"
    r"|(?<![\w-])(?:отконвоир\w*|конвоир\w*|доставлен\w*|доставил\w*|отправлен\w*"
    r"|препровожд\w*|отбуксир\w*|сопровожд\w*)\s+(?:[\w-]+\s+){0,6}?(?:в|на)\s+"
    r"(?:порт\w*\s+|бухт\w+\s+|остров\w*\s+)?)"
    r"(?:южно-|северо-|yuzhno-|severo-)?$",
    re.IGNORECASE,
)


def _about_sakhalin(layout: _Layout) -> bool:
    """Whether the island the text keeps to is Sakhalin: named in two sentences or more."""
    return len({layout.sentence(m.start()) for m in _SAKHALIN.finditer(layout.text)}) >= 2


def _felt_there(layout: _Layout, hit: Hit) -> bool:
    """Whether the hit's sentence says the story's quake or eruption was felt there, or the
    place evacuated ("felt in Severo-Kurilsk", «жители Северо-Курильска ощутили толчки»)."""
    start, end = layout.sentence_span(hit.start)
    # (a year of the last century or before in the sentence: history, "evacuated in 1952")
    if _LAST_CENTURY_YEAR.search(layout.text, start, end):
        return False
    return any(
        not _NOT_FELT.search(layout.text, max(start, m.start() - 16), m.start())
        for m in _FELT.finditer(layout.text, start, end)
    )


# A sentence that tells what came before the story's event: «Ранее аналогичные дивизионы
# были развёрнуты на Курилах», "Earlier, similar units were deployed on the Kurils".
_EARLIER = re.compile(
    r"\s*(?:(?:ранее|прежде|до\s+этого|earlier|previously|before\s+that)(?![\w-])"
    r"|以前|これまで)",
    re.IGNORECASE,
)


def _earlier(layout: _Layout, hit: Hit) -> bool:
    """Whether the hit's sentence opens on what came before the story (a precedent)."""
    start = max(layout.sentence_span(hit.start)[0], layout.dateline_end)
    return _EARLIER.match(layout.text, start) is not None


# A word of a headline or of a sentence, long enough to say what the story is about.
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")
# The part of two words that must agree for them to be one word in another form.
_STEM = 5


def _headline_subject_there(layout: _Layout, hits: list[Hit], placed: bool = True) -> str:
    """A word of the headline that comes back in the sentence where one of `hits` stands as
    the place of something (больница … «больница в Курильске»; with `placed` false, where
    it stands at all), or ""."""
    if _CJK.search(layout.text, 0, layout.title_end):
        return ""
    # (never the word for an island or a town itself: "Sado Island" … "the Kuril Islands")
    headline = {
        m.group(0)[:_STEM].lower(): m.group(0)
        for m in _CONTENT_WORD.finditer(layout.text, 0, layout.title_end)
        if not _TOWN_AND_ISLAND.fullmatch(m.group(0))
        and not _HEADLINE_ISLANDS.fullmatch(m.group(0))
    }
    for hit in hits:
        if placed and not _placed_there(layout, hit):
            continue
        for m in _CONTENT_WORD.finditer(layout.text, *layout.sentence_span(hit.start)):
            if m.start() < hit.end and hit.start < m.end():
                continue
            word = headline.get(m.group(0)[:_STEM].lower())
            if word:
                return word
    return ""


def _past_century(layout: _Layout, hit: Hit) -> bool:
    """Whether the hit's sentence dates its event to a past century («в 1811 году»)."""
    return _OLD_YEAR.search(layout.text, *layout.sentence_span(hit.start)) is not None


def _attached(phrase: Hit, others: list[Hit], layout: _Layout) -> bool:
    """Whether a phrase of the dispute is written beside another subject's name, in the same
    sentence: that subject's dispute, not the islands'."""
    sentence = layout.sentence(phrase.start)
    return any(
        layout.sentence(o.start) == sentence
        and (0 <= o.start - phrase.end <= _ATTACHED or 0 <= phrase.start - o.end <= _ATTACHED)
        for o in others
    )


# "The islands" in a headline without a name: not a proper name's ("Sado Island", "острова
# Сахалин", 佐渡島) nor a peninsula's (半島) or a country's (列島, the Japanese archipelago).
_HEADLINE_ISLANDS = re.compile(
    r"(?<![\w'’-])(?:islands?|isles|islanders?|islets?)(?:['’]s?)?(?![\w'’-])"
    r"|(?<![\w-])(?:остров(?:а|ов|ам|ами|ах|е|у|ом)?|островитян\w*)(?![\w-])"
    r"|(?<![\u3400-\u4dbf\u4e00-\u9fff\u30a1-\u30fa\u30fc])島(?![根原田村本袋])(?:々|民)?",
    re.IGNORECASE,
)
# A town or a port in a headline, unnamed: «на город выпал пепел», "port flooded".
_HEADLINE_TOWN = re.compile(
    r"(?<![\w'’-])(?:towns?|ports?|village|settlement)(?![\w'’-])"
    r"|(?<![\w-])(?:город(?:а|е|у|ом)?|пос[её]л(?:ок|ка|ке|ку)|порт(?:а|у|е|ом)?)(?![\w-])",
    re.IGNORECASE,
)
# Sakhalin as an island (not the region that governs the Kurils: «Сахалинской области»).
_SAKHALIN = re.compile(
    r"樺太|サハリン(?!州)|\bSakhalin\b(?!\s+(?:region|oblast|governor|government|administration"
    r"|authorities|officials|regional|province))|(?<![\w-])Сахалин(?:а|е|у|ом)?(?![\w-])",
    re.IGNORECASE,
)
# The town, its port or its island, unnamed, after a town of the islands was named.
# (or its archipelago, or the mainland across from it: "wages are higher than on the
# mainland", «врачи с материка»)
_TOWN_AND_ISLAND = re.compile(
    f"{_HEADLINE_TOWN.pattern}|(?<![\\w'’-])(?:island|harbou?r|archipelago|mainland)(?![\\w'’-])"
    r"|(?<![\w-])(?:материк|архипелаг)\w*",
    re.IGNORECASE,
)
# Capitalised words that are no name before "Islands" in a title-case headline.
_NOT_A_NAME_BEFORE = {"the", "a", "an", "to", "on", "in", "for", "at", "of", "and", "from"}
_PREVIOUS_WORD = re.compile(r"([\w'’-]+)\s*$")
_NEXT_NAME = re.compile(r"\s+(?:of\s+)?(?-i:[A-ZА-ЯЁ])")


def _unnamed(text: str, words: re.Pattern[str], start: int, end: int) -> Iterator[re.Match[str]]:
    """The words for the islands (or a town) written without a name between `start` and
    `end`: "the islands", «на острова», 島へ, "the town"."""
    for m in words.finditer(text, start, end):
        if m.group(0).endswith(("島", "々", "民")):
            yield m
            continue
        before = _PREVIOUS_WORD.search(text, 0, m.start())
        if (
            # (a lower-case "island" after a capital is an adjective's: "Pacific island")
            m.group(0)[0] in "IPTVS"
            and before
            and before.group(1)[0].isupper()
            and before.group(1).lower() not in _NOT_A_NAME_BEFORE
        ):
            continue  # "Sado Island" (Russian writes the name after: «остров Сахалин»)
        if _NEXT_NAME.match(text, m.end(), end):
            continue  # "the island of Sado", "острова Итуруп", "island Nation"
        yield m


def _headline_islands(layout: _Layout, words: re.Pattern[str]) -> str | None:
    """The word for the islands (or a town) where a headline writes it without a name
    ("кто пришел на острова", "44人が島へ"), or None."""
    found = next(_unnamed(layout.text, words, 0, layout.title_end), None)
    return found.group(0) if found else None


def _coming_back(
    layout: _Layout, words: re.Pattern[str], named: set[int], after: int = 0
) -> set[int]:
    """The sentences after position `after`, other than `named`, that come back to the
    islands (or a town) without naming them: "the islands", "the town's school"."""
    return {
        sentence
        for m in _unnamed(layout.text, words, max(after, layout.title_end), len(layout.text))
        if (sentence := layout.sentence(m.start())) not in named
    }


# A preposition of place before a name (en, ru), or a particle of place after it (ja). A
# direction is no place of the event: "went on to the Kurils", «направлялись на Курилы».
_PLACE_BEFORE = re.compile(
    r"(?:\b(?P<en>on|at|in|near|off)\s+(?:the\s+)?(?:island\s+of\s+)?"
    r"|(?<!\w)(?:(?P<ru>на|в|во)|у|около|близ)\s+(?:(?P<isle>остров\w*)\s+)?)$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(r"(?:島|諸島|列島|群島)?(?:で|沖|周辺|近海|に上陸|を訪)")
# After на/в, a Russian name is the place only in the prepositional case (на Итурупе, на
# Курилах, в Южно-Курильском районе); the accusative (на Курилы, на Итуруп) is a direction.
_PREPOSITIONAL_RU = re.compile(r"(?:[^иы]е|ах|ях|их|ых|ом|ем|ой|ей|и)$", re.IGNORECASE)
# A name that qualifies someone else's noun ("spending on the Kuril districts' programmes")
# is not the place the preposition governs.
_POSSESSIVE_AFTER = re.compile(
    r"(?:\s+(?:islands?|isles|chain|districts?|region))?(?:['’]s|s['’]|['’](?=\s))", re.IGNORECASE
)


def _town_prefix(text: str, hit: Hit) -> str:
    """The town's prefix a hit's rule leaves out before it («Южно-» of «Южно-Курильск»)."""
    prefix = _TOWN_PREFIX.search(text, max(0, hit.start - 8), hit.start)
    return prefix.group(0) if prefix else ""


def _place_named(text: str, hit: Hit) -> str:
    """The place a hit names, with the prefix its rule leaves out."""
    return (_town_prefix(text, hit) + hit.text).lower()


# The islands' towns as the group's rules find them: "Kurilsk", «Курильске» after «Южно-».
_TOWN_PREFIX = re.compile(r"(?:южно|северо|мало|yuzhno|severo)-$", re.IGNORECASE)
_TOWN = re.compile(
    r"(?:мало)?курильск(?:ое|ого|ому|ом|е|а|у)?|(?:malo)?kurilsk(?:oye|oe)?", re.IGNORECASE
)


def _held_there(text: str, hits: list[Hit], on_an_island: bool = True) -> bool:
    """Whether the text is local news of the islands: it names one of their towns (a quiz is
    never about those), or (`on_an_island`) puts something on one of them ("on Iturup")."""
    for hit in hits:
        if hit.rule in _TOWNS or _town_prefix(text, hit) or _TOWN.fullmatch(hit.text):
            return True
        if on_an_island and hit.rule in _LOCAL and _locative(text, hit):
            return True
    return False


def _locative(text: str, hit: Hit) -> bool:
    """Whether the name stands as the place of something: "on Iturup", «на Итурупе», 択捉島で."""
    if _CJK.match(hit.text):
        return _PLACE_AFTER.match(text, hit.end) is not None
    before = _PLACE_BEFORE.search(text, max(0, hit.start - 24), hit.start)
    if before is None:
        return False
    if before.group("ru"):
        # (after «острове» the name stands in apposition, uninflected: на острове Симушир;
        # the case is the first word's, «острове» of a hit «острове Матуа» too)
        first = before.group("isle") or hit.text.split(maxsplit=1)[0]
        return _PREPOSITIONAL_RU.search(first) is not None
    return _POSSESSIVE_AFTER.match(text, hit.end) is None


# What separates the items of a list of subjects: commas, semicolons, "and"/«и»/や.
_LIST_SEPARATOR = re.compile(
    r"\s*(?:[,;、，；]|\s(?:and|or|as\s+well\s+as|и|или|а\s+также)\s)\s*"
    r"|(?:や|および|及び|ならびに)",
    re.IGNORECASE,
)
# A list of at least this many subjects, the islands one of them, is an agenda; its items
# are short (words, or characters in Japanese), and a longer sentence is no list.
_LIST_ITEMS = 4
_LIST_ITEM_WORDS = 4
_LIST_ITEM_CHARS_JA = 12
_LIST_SENTENCE_CHARS = 600


def _listed(layout: _Layout, evidence: list[Hit]) -> int:
    """How many subjects the sentence of `evidence` lists when the islands are one of them
    (0: they are not one item of such a list)."""
    start, end = layout.sentence_span(evidence[0].start)
    start = max(start, layout.dateline_end)
    if end - start > _LIST_SENTENCE_CHARS:
        return 0
    text = layout.text
    items = []
    position = start
    for m in _LIST_SEPARATOR.finditer(text, start, end):
        items.append((position, m.start()))
        position = m.end()
    items.append((position, end))
    # Separators with nothing between them (";;") are no subjects.
    items = [(s, e) for s, e in items if _WORD.search(text, s, e)]
    if len(items) < _LIST_ITEMS:
        return 0
    holding = {i for i, (s, e) in enumerate(items) for h in evidence if s <= h.start < e}
    if len(holding) != 1:
        return 0
    japanese = bool(_CJK.search(text[start:end]))

    def short(index: int) -> bool:
        lo, hi = items[index]
        if japanese:
            return hi - lo <= _LIST_ITEM_CHARS_JA
        return len(text[lo:hi].split()) <= _LIST_ITEM_WORDS

    mine = next(iter(holding))
    # The islands' item may carry the sentence's end ("the Kurils with his counterpart"):
    # what counts is the item up to the name.
    name_end = max(h.end for h in evidence)
    if japanese:
        if name_end - items[mine][0] > _LIST_ITEM_CHARS_JA:
            return 0
    elif len(text[items[mine][0] : name_end].split()) > _LIST_ITEM_WORDS:
        return 0
    lo = hi = mine
    while lo > 0 and short(lo - 1):
        lo -= 1
    while hi < len(items) - 1 and short(hi + 1):
        hi += 1
    # A list: at least three short items in a row, the islands one of them.
    return len(items) if hi - lo + 1 >= 3 else 0


def _other_subject(context: list[Hit], evidence: list[Hit], layout: _Layout) -> str | None:
    """The other subject a story is about: named in its headline, or named far more often
    than the islands are."""
    topics = [h for h in context if h.strength == "topic"]
    if not topics:
        return None
    head = [h for h in topics if h.start < layout.head_end]
    if head and not any(h.start < layout.head_end for h in evidence):
        return head[0].term
    counts: dict[str, int] = {}
    for hit in topics:
        counts[hit.term] = counts.get(hit.term, 0) + 1
    up_front = {h.term for h in topics if h.zone in ("title", "lead")}
    named = {(h.start, h.end) for h in evidence}
    for term, count in sorted(counts.items(), key=lambda item: -item[1]):
        if term in up_front and count >= 3 and count >= 2 * max(1, len(named)):
            return term
    return None


# Names in this many sentences or more are firm evidence: the topic veto leaves them alone.
_FIRM_SENTENCES = 3


# How far after an island's name its chain's may come: "Shikotan Island on the Kuril Islands".
_ISLAND_IN_CHAIN = 24


def firm_evidence(result: MatchResult) -> bool:
    """Whether the rules' evidence for a relevant item is too firm for the topic veto: the
    user's include term, a rule that found the islands the place of the event outright, a
    phrase of the dispute in the headline or lead (not a name's own, like 北方領土問題) with
    both sides named, or the islands named in three sentences or by three different names."""
    if any(h.rule.startswith("user.") for h in result.hits) or result.placed:
        return True
    if result.named_sentences >= _FIRM_SENTENCES:
        return True
    # (or three different names of theirs: "Kudryavy volcano … Iturup … the southern Kurils";
    # a look-alike repeats one name)
    if len({h.rule for h in result.hits if h.strength == "strong"}) >= 3:
        return True
    # (or, up front, an island placed in its chain: "Malo-Kurilskaya Bay, Shikotan Island on
    # the Kuril Islands", the place of a short report's event given in full)
    up_front_names = [h for h in result.hits if h.strength == "strong" and h.zone != "body"]
    if any(
        i.rule in _ONE_ISLAND and g.rule in _GROUP and 0 <= g.start - i.end <= _ISLAND_IN_CHAIN
        for i in up_front_names
        for g in up_front_names
    ):
        return True
    kinds = {h.rule.split(".", 1)[1] for h in result.context if h.strength == "context"}
    sides = {"japan", "russia"} if "bilateral" in kinds else {"japan", "russia"} & kinds
    names = [h for h in result.hits if not h.rule.endswith(".dispute")]
    up_front = [
        d
        for d in result.context
        if d.rule.endswith(".dispute")
        and d.zone in ("title", "lead")
        and not any(d.start < n.end and n.start < d.end for n in names)
    ]
    return bool(up_front) and len(sides) == 2


def name_spans(result: MatchResult) -> list[tuple[int, int]]:
    """Where the rules found the islands' names (counted or not): what the topic model must
    not read, so that it learns what a story is about rather than which name it uses."""
    spans = [(h.start, h.end) for h in result.hits if not h.rule.endswith(".dispute")]
    spans += [(s.hit.start, s.hit.end) for s in result.suppressed]
    return spans


# Below this probability that its words read as a story about the islands, a relevant item
# whose evidence is not firm is vetoed. Set low: of the thresholds measured (bench/
# topic_veto.py) it is the one that cost no recall on any left-out part or fold.
VETO_BELOW = 0.1


def _topic_veto(decided: MatchResult, text: str, lang: str) -> MatchResult:
    """The rules' decision, overturned when the text, its names masked, reads as a story
    about something else."""
    from kurilwatch.topic import masked, shipped_model

    score = shipped_model().score(masked(text, name_spans(decided)), lang)
    if score.probability >= VETO_BELOW or not score.enough:
        return decided
    words = f"; words: {', '.join(score.against)}" if score.against else ""
    why = (
        f"not counted: the text reads as a story about something else "
        f"(topic score {score.probability:.2f}{words}); the rules alone said: {decided.reason}"
    )
    return replace(decided, relevant=False, reason=why, vetoed=why)


@lru_cache(maxsize=8)
def get_matcher(include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Matcher:
    """A compiled matcher, shared between calls with the same user terms."""
    return Matcher(include, exclude)


def worth_reading(text: str, result: MatchResult) -> bool:
    """Whether a text that is not about the islands might be, once its article is read.

    A lead that names an island without it counting (an ambiguous name, a passing
    mention), names Japan and Russia together, or has a phrase of the dispute is
    inconclusive: the article decides. News with no such sign is not read.
    """
    if result.relevant or result.excluded_by is not None:
        return False
    if any(hit.strength in ("strong", "weak") for hit in result.hits):
        return True
    lowered = text.lower()
    scripts = _scripts_in(lowered)
    kinds = {
        rule.kind
        for rule in CONTEXT_RULES
        if script_of(rule) in scripts
        and (rule.anchors is None or any(anchor in lowered for anchor in rule.anchors))
        and rule.pattern.search(text)
    }
    return "dispute" in kinds or {"japan", "russia"} <= kinds
