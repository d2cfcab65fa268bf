"""Background by meaning: is a sentence something an earlier item already said?

Pure decisions on data: the caller (developments.py) finds the candidate earlier sentences
through the index and passes them in. A sentence is background when

1. an earlier item has it nearly word for word (the caller's Dice test on words), or
2. an earlier sentence in the same language says the same thing in other words: their
   concepts (lexicon.concepts: "talks" = "negotiations", stems, numbers) overlap by at
   least SAME_MEANING, weighted so that numbers and rare content count more than the
   words every report on the islands has ("Russia", "Japan", "islands"), or
3. it overlaps an earlier sentence by at least LIKELY_MEANING and its context says
   background: most of its paragraph is background (or the sentences on both sides are),
   or the only years it names lie before the article's ("since 2020" tells how things
   stand, not history). The paragraph that opens the item casts no such vote (in copy
   without paragraphs it is the whole item), and a sentence that goes on with the news
   before it ("Moscow also halted ...", «также») is news.

The item's lead (its first paragraph) is news unless repeated nearly word for word or
overlapping by LEAD_MEANING: agencies open with what happened and put background last.

Precision first: a sentence that states a number the earlier one does not (other than
a past year or a length of time), names a year after the earlier article's or another
year where the earlier one names one ("in 1960" / "in 1956"), dates itself to the
article's days ("on Monday", «вчера»), names a month the earlier one does not without
its year ("in March", "in November last year": only the article's date places it) or
quotes someone is news by 2 and 3 whatever its words; so is one with a clause or an
aside none of the earlier sentences has anything of (`unsaid_details`: "The 1956
declaration, ratified by both parliaments, ..."); and one nearly the
same in meaning (SAME_WORDING) must also agree on dates, negation and names
(`same_wording_facts`, with developments' rule for word-for-word repeats).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from kurilwatch import lexicon

SAME_MEANING = 0.5  # weighted Dice of concepts at which two sentences say the same thing
LIKELY_MEANING = 0.3  # ... at which they probably do, if the context agrees
LEAD_MEANING = 0.7  # ... at which a sentence of the item's lead says the same thing
SAME_WORDING = 0.8  # ... at which dates, negation and names must agree as well
BACKGROUND_PARAGRAPH = 0.6  # share of a paragraph's sentences that makes it background
PAST_YEARS = 1  # a year at least this far before the article's is history, not news
CONCEPT_KEYS = 3  # index keys per sentence, from its concepts (see concept_keys)

_WEIGHT_NUMBER = 2.0
_WEIGHT_GENERIC = 0.25


@dataclass(frozen=True)
class Facts:
    """What a sentence says, as far as comparing it with earlier ones needs."""

    concepts: frozenset[str]
    core: frozenset[str]  # the concepts that count fully (not Russia, Japan, islands)
    numbers: frozenset[str]  # written in digits
    counts: frozenset[str]  # every number, spelled out too ("three", «пятью»)
    years: frozenset[int]
    dated_now: bool
    quoted: bool  # direct speech: what someone said now
    months: tuple[tuple[int | None, int], ...] = ()  # (year or None, month) named
    shift: str | None = None  # "last year", "last month", "this month"
    day_of_month: bool = False  # names a day of the month ("21日", "on March 21")
    since: frozenset[int] = frozenset()  # years a lasting state began ("since 2020")
    present: bool = False  # tells how things stand now ("now", "today", «сейчас»)
    dated_by_present: bool = False  # dated to the article's days by "today" alone


# How things stand now: "about 20,000 people live there today" says what "now live" does.
_PRESENT = {
    "en": re.compile(r"\b(?:now|today|currently|at present|nowadays)\b", re.IGNORECASE),
    "ru": re.compile(
        r"(?<![а-яё])(?:сейчас|ныне|сегодня|в настоящее время)(?![а-яё])", re.IGNORECASE
    ),
}


_QUOTES = ("«", "»", "“", "”", '"', "「", "」")


_primed: dict[tuple[str, str], Facts] = {}  # facts a worker computed, on their way in


@lru_cache(maxsize=50_000)
def facts(sentence: str, lang: str) -> Facts:
    """What `sentence` says; cached, and primed by `remember_facts` with a worker's."""
    primed = _primed.pop((sentence, lang), None)
    return primed if primed is not None else _facts(sentence, lang)


def remember_facts(lang: str, known: Iterable[tuple[str, Facts]]) -> None:
    """Cache facts computed elsewhere (a worker process), so they are not computed again."""
    for sentence, found in known:
        _primed[(sentence, lang)] = found
        facts(sentence, lang)  # now in the cache (or already was)
    _primed.clear()


Clauses = tuple[frozenset[str], ...]
# `clauses_of` and `details` a worker computed for the sentences of its item, on their way in.
_primed_clauses: dict[tuple[str, str], Clauses] = {}
_primed_details: dict[tuple[str, str], Clauses] = {}


def analysis(sentence: str, lang: str) -> tuple[Clauses | None, Clauses]:
    """What classifying a new item's sentence needs of its own text besides `facts`: its
    clauses (`clauses_of`) and details (`details`). Pure, so a worker computes it.

    The clauses only of a sentence that joins statements: one that does not is never
    merged background (`_merged` sees so by itself), and only `_clauses_touched`, seldom,
    asks for its one clause.
    """
    joins = _CLAUSE_BREAK.search(sentence) is not None
    return (clauses_of(sentence, lang) if joins else None), details(sentence, lang)


def remember_analysis(
    lang: str, known: Iterable[tuple[str, tuple[Clauses | None, Clauses]]]
) -> None:
    """Cache `analysis` computed elsewhere (a worker process), as `remember_facts` does."""
    for sentence, (clauses, parts) in known:
        if clauses is not None:
            _primed_clauses[(sentence, lang)] = clauses
            clauses_of(sentence, lang)  # now in the cache (or already was)
        _primed_details[(sentence, lang)] = parts
        details(sentence, lang)
    _primed_clauses.clear()
    _primed_details.clear()


def _facts(sentence: str, lang: str) -> Facts:
    concepts = lexicon.concepts(sentence, lang)
    months, shift = lexicon.months(sentence, lang)
    dated_now = lexicon.dated_now(sentence, lang)
    pattern = _PRESENT.get(lang)
    present = pattern is not None and pattern.search(sentence) is not None
    by_present = bool(
        present
        and pattern
        and dated_now
        and not lexicon.dated_now(pattern.sub(" ", sentence), lang)
    )
    return Facts(
        concepts,
        frozenset(c for c in concepts if weight(c) >= 1.0),
        lexicon.numbers(sentence, lang, spelled=False, durations=False),
        lexicon.numbers(sentence, lang, durations=False),
        lexicon.years(sentence),
        dated_now,
        any(q in sentence for q in _QUOTES),
        months,
        shift,
        bool(lexicon.days(sentence, lang, None)),
        lexicon.years_since(sentence),
        present,
        by_present,
    )


def same_wording_facts(first: str, second: str, lang: str) -> bool:
    """Whether two sentences nearly the same in meaning also state the same facts.

    Their dates and negation must agree (as developments.facts counts them, the rule for
    word-for-word repeats), and neither may name someone the other does not where the
    other names someone else ("Kishida" / "Ishiba"). An outlet's own extra name
    ("Moscow and Tokyo" / "Russia and Japan") is wording.
    """
    from kurilwatch.developments import facts as wording

    a, b = wording(first), wording(second)
    # One may date it more closely ("in November 2016" / "since 2016"): the date rules of
    # `adds_facts` have placed the months already; different dates are different facts.
    if not (a.dates <= b.dates or b.dates <= a.dates) or a.negations != b.negations:
        return False
    theirs, mine = facts(second, lang).concepts, facts(first, lang).concepts
    return not (
        _unmatched(a.names, b.words, theirs, lang) and _unmatched(b.names, a.words, mine, lang)
    )


def _unmatched(
    names: frozenset[str], words: frozenset[str], concepts: frozenset[str], lang: str
) -> bool:
    """Whether a name is neither among the words in some form (Kurils / Kuril, Russia /
    Russian) nor the same concept as one of them (Tokyo / Japan, Советский Союз / СССР)."""
    return any(
        not any(w.startswith(name[:4]) for w in words)
        and not lexicon.concepts(name, lang) & concepts
        for name in names
    )


@lru_cache(maxsize=100_000)
def weight(concept: str) -> float:
    # Cached: similarity weighs the concepts of every pair of sentences it compares.
    if concept.startswith("#"):
        return _WEIGHT_NUMBER
    if concept.startswith("=") and concept[1:] in lexicon.GENERIC:
        return _WEIGHT_GENERIC
    return 1.0


def _total(concepts: Iterable[str]) -> float:
    return sum(map(weight, concepts))


@lru_cache(maxsize=50_000)
def _weight_of(concepts: frozenset[str]) -> float:
    # Cached: each candidate is compared with every sentence of the new item.
    return _total(concepts)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Weighted Dice overlap of two concept sets."""
    if not a or not b:
        return 0.0
    shared = _total(a & b)
    return 2 * shared / (_weight_of(a) + _weight_of(b))


Month = tuple[int, int]  # (year, month) an article was published in


def _previous(when: Month) -> Month:
    return (when[0] - 1, 12) if when[1] == 1 else (when[0], when[1] - 1)


def _placed(sentence: Facts, when: Month | None) -> tuple[set, set]:
    """The months a sentence's events lie in, and those only the article's date places.

    Each is (year, month), or (None, month) when the article's date is unknown; (year, 0)
    for "last year" with no month. A month without its year is the latest one by the
    article's date ("in November" in February is last year's) unless "last year" says so.
    """
    placed, relative = set(), set()
    for year, month in sentence.months:
        if year is None:
            if when is not None:
                back = sentence.shift == "last year" or month > when[1]
                year = when[0] - 1 if back else when[0]
            relative.add((year, month))
        placed.add((year, month))
    if when is not None:
        # "On Monday", "this month", 「21日」 (a day with no month): the article's own days.
        own_days = sentence.day_of_month and not sentence.months
        if sentence.dated_now or own_days or sentence.shift == "this month":
            placed.add(when)
        if sentence.shift == "last month":
            relative.add(_previous(when))
        if sentence.shift == "last year" and not sentence.months:
            relative.add((when[0] - 1, 0))
    return placed | relative, relative


def dated_concepts(sentence: Facts, when: Month | None) -> frozenset[str]:
    """The sentence's concepts with the years its article's date gives it: "last year" in
    2021 is #2020, "in November" in January 2019 #2018, "on Monday" its article's year."""
    placed, _ = _placed(sentence, when)
    years = {f"#{y}" for y, _ in placed if y is not None} - sentence.concepts
    return sentence.concepts | years if years else sentence.concepts


def _dated_apart(
    sentence: Facts, earlier: Facts, when: Month | None, earlier_when: Month | None
) -> bool:
    """Whether the sentence dates its events by the article ("in March", "in November
    last year", "last month") to a month the earlier sentence does not place them in.

    The earlier one places them by its own words or by its article's date when it speaks
    of its own days ("on Monday" in an article of March 2022 is March 2022).
    """
    _, needed = _placed(sentence, when)
    if not needed:
        return False
    theirs, _ = _placed(earlier, earlier_when)
    if not theirs and earlier_when is not None:
        # An earlier sentence with no date of its own told what happened by its article's
        # date: "agreed to speed up talks" in November 2018 is "in November" in January 2019.
        theirs = {earlier_when}
    for year, month in needed:
        if month == 0:
            if year not in earlier.years and all(y != year for y, _ in theirs):
                return True
        elif (
            (year, month) not in theirs
            and year not in earlier.years  # "in 2018" places "in November" (2018)
            and not any(m == month and (y is None or year is None) for y, m in theirs)
        ):
            return True
    return False


def adds_facts(
    sentence: Facts,
    earlier: Facts,
    year: int | None,
    when: Month | None = None,
    earlier_when: Month | None = None,
) -> bool:
    """Whether `sentence` states something `earlier` does not: a number, a date of now
    or of a month the earlier one does not place its events in, or someone's words.

    `when` and `earlier_when` are the (year, month) of their articles, when known."""
    # "Today" in a sentence on how things stand is no date when the earlier one said "now".
    stands_now = sentence.dated_by_present and earlier.present and not sentence.quoted
    if (sentence.dated_now and not stands_now) or (sentence.quoted and not earlier.quoted):
        return True
    if _dated_apart(sentence, earlier, when, earlier_when):
        return True  # "In March, Russia withdrew ...": news of the article's days
    if earlier_when is not None and any(y > earlier_when[0] for y in sentence.years):
        return True  # "In 2025, ...": later than the earlier article, which cannot tell it
    if sentence.years - earlier.years and earlier.years - sentence.years:
        return True  # each names a year the other does not: "in 1960" is not "in 1956"
    past = set()
    if year is not None:
        past = {str(y) for y in sentence.years | earlier.years if y <= year - PAST_YEARS}
    if sentence.numbers - earlier.counts - past:
        return True  # a number in digits the earlier sentence does not have
    # A changed count: each has one the other lacks ("three" / "five" injured).
    return bool(sentence.counts - earlier.counts - past and earlier.counts - sentence.counts - past)


# A sentence's parts set off by commas, dashes, colons or brackets: a clause or an aside
# ("The 1956 declaration, ratified by both parliaments, provided ...").
_PARTS = re.compile(r"(?<!\d),|,(?!\d)|[;:()]|\s[-–—]\s")
DETAIL_CONCEPTS = 2  # core concepts a part needs to say something of its own


@lru_cache(maxsize=50_000)
def details(sentence: str, lang: str) -> tuple[frozenset[str], ...]:
    """`_details`; cached, and primed by `remember_analysis` with a worker's."""
    primed = _primed_details.pop((sentence, lang), None)
    return primed if primed is not None else _details(sentence, lang)


def _details(sentence: str, lang: str) -> tuple[frozenset[str], ...]:
    """The core concepts of each part of a sentence that says something of its own.

    Dates are left out (the date rules of `adds_facts` weigh them), and so is a part that
    says fewer than DETAIL_CONCEPTS things besides names ("The 1956 declaration", a list:
    "Japan claims Iturup", "Shikotan and the Habomai islets"); a sentence with one part
    that says something has no details apart from itself.
    """
    parts = _PARTS.split(sentence)
    if len(parts) < 2:  # one part has no details apart from the sentence itself
        return ()
    found = []
    for part in parts:
        undated = lexicon.without_dates(part, lang)
        core = frozenset(c for c in lexicon.concepts(undated, lang) if weight(c) >= 1.0)
        # What it says besides names: "Japan claims Iturup, Kunashir" is a list of them, "it
        # did not mention Kunashiri" a clause (a negation counts as something said).
        plain = " ".join(w for w in undated.split() if not w[:1].isupper())
        said = len(core & lexicon.concepts(plain, lang)) + (_negation_of(plain) > 0)
        if said >= DETAIL_CONCEPTS:
            found.append(core)
    return tuple(found) if len(found) > 1 else ()


def _negation_of(text: str) -> int:
    from kurilwatch.developments import facts as wording

    return wording(text).negations


def unsaid_details(sentence: str, lang: str, earlier: Iterable[str]) -> list[frozenset[str]]:
    """The details of a sentence none of whose core concepts any earlier sentence has."""
    own = details(sentence, lang)
    if not own:  # most sentences have none: the earlier ones need not be looked at
        return []
    said = [facts(text, lang).concepts for text in earlier]
    return [d for d in own if not any(d & c for c in said)]


# "Moscow also halted ...", «Москва также ...»: the sentence goes on with the one before.
_ALSO = {
    "en": re.compile(r"\b(?:also|too|as well|in addition|additionally)\b", re.IGNORECASE),
    "ru": re.compile(r"(?<![а-яё])(?:также|тоже|кроме того)(?![а-яё])", re.IGNORECASE),
    "ja": re.compile(r"また、|さらに|加えて"),
}


def continues_news(sentence: str, lang: str, after_news: bool) -> bool:
    """Whether a sentence right after news adds to it ("also", «также»): news too."""
    pattern = _ALSO.get(lang)
    return after_news and pattern is not None and pattern.search(sentence) is not None


def dated_by_article(sentence: str, lang: str) -> bool:
    """Whether only the article's date places the sentence's events ("in March")."""
    found = facts(sentence, lang)
    return found.shift is not None or any(year is None for year, _ in found.months)


def looks_historical(sentence: Facts, year: int | None) -> bool:
    """Names years, all of them well before the article's: the sentence tells history.

    A year a lasting state began ("suspended since 2020") tells how things stand now.
    """
    told = sentence.years - sentence.since
    return year is not None and bool(told) and all(y <= year - PAST_YEARS for y in told)


@lru_cache(maxsize=20_000)
def concept_keys(concepts: frozenset[str]) -> tuple[str, ...]:
    """The few concepts a sentence is indexed by, generic ones left out.

    What survives rewording comes first: numbers, then the lexicon's concepts ("talks" for
    negotiations and consultations alike), then stems; within each, a fixed pseudo-random
    order (a bottom-k sketch), so two sentences that share most of their concepts share a
    key: the reworded background is found without indexing every word.
    """
    usable = [c for c in concepts if weight(c) >= 1.0]
    return tuple(sorted(usable, key=lambda c: (_rank(c), _order(c)))[:CONCEPT_KEYS])


def _rank(concept: str) -> int:
    return 0 if concept.startswith("#") else 1 if concept.startswith("=") else 2


@lru_cache(maxsize=50_000)
def _order(concept: str) -> bytes:
    # Imported here: `news` never hashes, and hashlib loads OpenSSL.
    from hashlib import blake2b

    return blake2b(concept.encode(), digest_size=8).digest()


class Earlier(NamedTuple):
    """A candidate earlier sentence.

    A named tuple: an item's candidates are read by the hundred thousand in a cold fetch,
    and a tuple is made several times faster than a frozen dataclass.
    """

    item_id: int
    position: int
    text: str


@dataclass(frozen=True)
class Verdict:
    background: bool
    earlier: tuple[int, ...]
    score: float  # best similarity found (1.0 for a word-for-word repeat)
    how: str  # "repeat", "meaning", "paragraph", "history" or "" (new)


WAR_END = 1945  # the year the war the islands' background speaks of ended
_WAR = frozenset({"=ww2", "=war"})
_DECADE = re.compile(r"(?<!\d)((?:19|20)\d0)(?:s|-[хe]|-х годов)")


def _years_of(text: str, found: Facts) -> frozenset[int]:
    """The years a sentence dates events to: not decades ("since the 1950s")."""
    return found.years - {int(y) for y in _DECADE.findall(text)}


# Where a sentence joins two statements: ", and", ", but", «, а», a semicolon or a dash
# (not the commas of a list: "Iturup, Kunashir, Shikotan and the Habomai islets").
_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas|а|но|и|однако|причем)\s|;\s|\s[-–—]\s", re.IGNORECASE
)


@lru_cache(maxsize=50_000)
def clauses_of(text: str, lang: str) -> tuple[frozenset[str], ...]:
    """The core concepts (dates left out) of each statement a sentence joins that names
    two things or more; cached, and primed by `remember_analysis` with a worker's."""
    primed = _primed_clauses.pop((text, lang), None)
    return primed if primed is not None else _clauses_of(text, lang)


def _clauses_of(text: str, lang: str) -> tuple[frozenset[str], ...]:
    found = []
    for part in _CLAUSE_BREAK.split(text):
        undated = lexicon.without_dates(part, lang)
        core = frozenset(c for c in lexicon.concepts(undated, lang) if weight(c) >= 1.0)
        if len(core) >= 2:
            found.append(core)
    return tuple(found)


PART_SAID = 0.7  # share of a clause's concepts an earlier sentence must have said
CLAUSE_TOUCHED = 0.5  # ... for a likely repeat, which context then confirms


def _clauses_touched(
    text: str, lang: str, pool: Sequence[Earlier], months_of: Mapping[int, Month]
) -> bool:
    """Whether an earlier sentence has said CLAUSE_TOUCHED of each clause of this one."""
    said = [dated_concepts(facts(o.text, lang), months_of.get(o.item_id)) for o in pool]
    return all(
        any(_total(clause & got) >= CLAUSE_TOUCHED * _total(clause) for got in said)
        for clause in clauses_of(text, lang)
    )


def _merged(
    text: str,
    mine: Facts,
    lang: str,
    pool: Sequence[Earlier],
    months_of: Mapping[int, Month],
    year: int | None,
) -> tuple[int, ...]:
    """The earlier items whose sentences together said every clause of this one.

    Background often merges two earlier sentences into one ("The islands became part of the
    USSR in 1945, and Tokyo calls them its Northern Territories"): each clause (`clauses_of`)
    must have PART_SAID of its concepts in one earlier sentence, and every year and number
    must be among theirs; a sentence dated to the article's days is news, and so is one
    quoting someone when none of them quotes.
    """
    if mine.dated_now or _CLAUSE_BREAK.search(text) is None:
        return ()  # one statement (`clauses_of` splits at the breaks), or news of now
    clauses = clauses_of(text, lang)
    if len(clauses) < 2:
        return ()
    earlier = [(o, facts(o.text, lang)) for o in pool]
    found: set[int] = set()
    quoted = False
    counts: set[str] = set()
    years: set[int] = set()
    for clause in clauses:
        best, best_other = 0.0, None
        for other, theirs in earlier:
            got = dated_concepts(theirs, months_of.get(other.item_id))
            share = _total(clause & got) / _total(clause)
            if share > best:
                best, best_other = share, (other, theirs)
        if best < PART_SAID or best_other is None:
            return ()
        other, theirs = best_other
        found.add(other.item_id)
        quoted = quoted or theirs.quoted
        counts |= theirs.counts
        placed, _ = _placed(theirs, months_of.get(other.item_id))
        years |= theirs.years | {y for y, _ in placed if y is not None}
        if theirs.concepts & _WAR:
            years.add(WAR_END)
    if _years_of(text, mine) - years or (mine.quoted and not quoted):
        return ()  # a year, or someone's words («...»), none of them has
    past = {str(y) for y in years if year is not None and y <= year - PAST_YEARS}
    if mine.counts - counts - past:
        return ()
    return tuple(sorted(found))


Comparable = tuple[Facts, frozenset[str], float, frozenset[int]]


@lru_cache(maxsize=50_000)
def _undated(sentence: str, lang: str) -> Comparable | None:
    """What `decide` compares an earlier sentence by, when no article's date places it in
    time (most do not): its facts, its concepts and their weight, the years it names.

    Cached: a sentence of an earlier item is a candidate for item after item.
    """
    theirs = facts(sentence, lang)
    # Only these place a sentence in time (`_placed`).
    if theirs.months or theirs.shift or theirs.dated_now or theirs.day_of_month:
        return None
    return theirs, theirs.concepts, _weight_of(theirs.concepts), _said_years(theirs)


def _said_years(sentence: Facts) -> frozenset[int]:
    """The years a sentence names, and 1945 for "after the war"."""
    return sentence.years | {WAR_END} if sentence.concepts & _WAR else sentence.years


def lead_of(paragraphs: Sequence[int]) -> int:
    """How many sentences open the item: its first paragraph, or two when it has one."""
    if len(set(paragraphs)) > 1:
        return sum(1 for p in paragraphs if p == paragraphs[0])
    return min(2, len(paragraphs))


def decide(
    sentences: Sequence[str],
    paragraphs: Sequence[int],
    lang: str,
    year: int | None,
    repeats: Sequence[Sequence[int]],
    candidates: Sequence[Sequence[Earlier]],
    month: int | None = None,
    months_of: Mapping[int, Month] | None = None,
) -> list[Verdict]:
    """Background or new, for each of an item's sentences.

    `repeats[i]` are the earlier items that have sentence i nearly word for word;
    `candidates[i]` the earlier sentences to compare its meaning with. Agencies open with
    the news: in the item's lead (`lead_of`) only a word-for-word repeat, or a sentence of
    LEAD_MEANING overlap, is background, and context does not count. `month` is the
    article's month and `months_of` the (year, month) of earlier items (as many as
    `dated_by_article` sentences need): they place "in March" and "on Monday".
    """
    lead = lead_of(paragraphs)
    when = (year, month) if year is not None and month is not None else None
    months_of = months_of or {}
    verdicts: list[Verdict] = []
    likely: list[tuple[float, tuple[int, ...]] | None] = []
    untold: list[bool] = []
    # What comparing with an earlier sentence needs is worked out once: by `_undated`, for
    # good, when no article's date places it; else here, for this item (its `months_of`),
    # as it is in the pools of many of the item's sentences (the block read whole is in
    # every nearby one's).
    compared: dict[tuple[str, int], Comparable] = {}

    def dated_facts(other: Earlier) -> Comparable:
        """`_undated` of a sentence its article's date places in time, with those years."""
        known = compared.get((other.text, other.item_id))
        if known is None:
            theirs = facts(other.text, lang)
            months, _ = _placed(theirs, months_of.get(other.item_id))
            placed = {y for y, _ in months if y is not None}
            # `dated_concepts`, from the months placed already
            years = {f"#{y}" for y in placed} - theirs.concepts
            dated = theirs.concepts | years if years else theirs.concepts
            known = (theirs, dated, _weight_of(dated), _said_years(theirs) | placed)
        compared[(other.text, other.item_id)] = known
        return known

    for index, (text, found, pool) in enumerate(zip(sentences, repeats, candidates, strict=True)):
        if found:
            verdicts.append(Verdict(True, tuple(found), 1.0, "repeat"))
            likely.append(None)
            untold.append(False)
            continue
        mine = facts(text, lang)
        my_concepts = dated_concepts(mine, when)
        best = 0.0
        best_items: tuple[int, ...] = ()
        # Years the earlier sentences on the same things named: a year none of them has is a
        # fact of its own ("in 1960 Moscow said", "not held since 2020").
        said_years: set[int] = set()
        my_core = mine.core
        undated_core = my_core - {f"#{y}" for y in mine.years} if mine.years else my_core
        my_weight = _weight_of(my_concepts)
        # Most of this loop's passes end at the first test or two: what it calls is bound.
        undated, weigh = _undated, weight
        for other in pool:
            known = undated(other.text, lang) or dated_facts(other)
            theirs, dated, their_weight, placed_years = known
            if my_core.isdisjoint(theirs.core):
                continue  # nothing in common but Russia, Japan and the islands
            if undated_core is my_core or not undated_core.isdisjoint(theirs.core):
                said_years |= placed_years
            # `similarity`, with each side's weight worked out once
            score = (
                2 * sum(map(weigh, my_concepts & dated)) / (my_weight + their_weight)
                if my_concepts and dated
                else 0.0
            )
            if score <= best or adds_facts(mine, theirs, year, when, months_of.get(other.item_id)):
                continue
            if score >= SAME_WORDING and not same_wording_facts(text, other.text, lang):
                continue  # "three" / "five" injured, "will" / "will not": news in old words
            best, best_items = score, (other.item_id,)
        if best and unsaid_details(text, lang, [o.text for o in pool]):
            # A clause or an aside no earlier sentence has: an old fact with a new detail.
            best, best_items = 0.0, ()
        in_lead = index < lead
        merged: tuple[int, ...] = ()
        if not in_lead and best < SAME_MEANING:
            merged = _merged(text, mine, lang, pool, months_of, year)
        if best >= (LEAD_MEANING if in_lead else SAME_MEANING):
            verdicts.append(Verdict(True, best_items, best, "meaning"))
            likely.append(None)
            untold.append(False)
        elif merged:
            verdicts.append(Verdict(True, merged, best, "merged"))
            likely.append(None)
            untold.append(False)
        else:
            verdicts.append(Verdict(False, (), best, ""))
            # Context may only confirm a likely repeat whose years were said before.
            told = _years_of(text, mine)
            probable = best >= LIKELY_MEANING and not in_lead and told <= said_years
            likely.append((best, best_items) if probable else None)
            # History alone (no background block around it) confirms only a sentence whose
            # every clause was at least half said: "which Japan calls the Northern
            # Territories" in a sentence about 1945 is a fact of its own.
            untold.append(probable and not _clauses_touched(text, lang, pool, months_of))
    # Context: a likely repeat inside a background block, or telling history, is one.
    by_paragraph: dict[int, list[int]] = {}
    for index, paragraph in enumerate(paragraphs):
        by_paragraph.setdefault(paragraph, []).append(index)
    decided = list(verdicts)

    def is_news(i: int) -> bool:
        return not verdicts[i].background and likely[i] is None

    def backgroundish(i: int) -> bool:
        return 0 <= i < len(verdicts) and (verdicts[i].background or likely[i] is not None)

    for paragraph, members in by_paragraph.items():
        # A reworded block may have no sentence close enough on its own: the likely ones vote.
        # Not in the paragraph that opens the item: that is the news, or, in copy without
        # paragraphs, the whole item, news and background together.
        votes = [backgroundish(i) for i in members]
        block = (
            paragraph != paragraphs[0]
            and len(members) >= 2
            and sum(votes) / len(members) >= BACKGROUND_PARAGRAPH
        )
        for i in members:
            maybe = likely[i]
            if maybe is None or continues_news(sentences[i], lang, i > 0 and is_news(i - 1)):
                continue
            score, items = maybe
            if block:
                decided[i] = Verdict(True, items, score, "paragraph")
            elif backgroundish(i - 1) and backgroundish(i + 1):
                # A block written one sentence to a paragraph: background on both sides.
                decided[i] = Verdict(True, items, score, "paragraph")
            elif looks_historical(facts(sentences[i], lang), year) and not untold[i]:
                decided[i] = Verdict(True, items, score, "history")
    return decided
