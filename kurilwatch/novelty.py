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
a past year or a length of time), dates itself to the article's days ("on Monday",
«вчера»), names a month the earlier one does not without its year ("in March", "in
November last year": only the article's date places it) or quotes someone is news by 2
and 3 whatever its words; and one nearly the
same in meaning (SAME_WORDING) must also agree on dates, negation and names
(`same_wording_facts`, with developments' rule for word-for-word repeats).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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


def _facts(sentence: str, lang: str) -> Facts:
    concepts = lexicon.concepts(sentence, lang)
    months, shift = lexicon.months(sentence, lang)
    return Facts(
        concepts,
        frozenset(c for c in concepts if weight(c) >= 1.0),
        lexicon.numbers(sentence, lang, spelled=False, durations=False),
        lexicon.numbers(sentence, lang, durations=False),
        lexicon.years(sentence),
        lexicon.dated_now(sentence, lang),
        any(q in sentence for q in _QUOTES),
        months,
        shift,
        bool(lexicon.days(sentence, lang, None)),
        lexicon.years_since(sentence),
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
    if a.dates != b.dates or a.negations != b.negations:
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
    for year, month in needed:
        if month == 0:
            if year not in earlier.years and all(y != year for y, _ in theirs):
                return True
        elif (year, month) not in theirs and not any(
            m == month and (y is None or year is None) for y, m in theirs
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
    if sentence.dated_now or (sentence.quoted and not earlier.quoted):
        return True
    if _dated_apart(sentence, earlier, when, earlier_when):
        return True  # "In March, Russia withdrew ...": news of the article's days
    past = set()
    if year is not None:
        past = {str(y) for y in sentence.years | earlier.years if y <= year - PAST_YEARS}
    if sentence.numbers - earlier.counts - past:
        return True  # a number in digits the earlier sentence does not have
    # A changed count: each has one the other lacks ("three" / "five" injured).
    return bool(sentence.counts - earlier.counts - past and earlier.counts - sentence.counts - past)


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


@dataclass(frozen=True)
class Earlier:
    """A candidate earlier sentence."""

    item_id: int
    position: int
    text: str


@dataclass(frozen=True)
class Verdict:
    background: bool
    earlier: tuple[int, ...]
    score: float  # best similarity found (1.0 for a word-for-word repeat)
    how: str  # "repeat", "meaning", "paragraph", "history" or "" (new)


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
    for index, (text, found, pool) in enumerate(zip(sentences, repeats, candidates, strict=True)):
        if found:
            verdicts.append(Verdict(True, tuple(found), 1.0, "repeat"))
            likely.append(None)
            continue
        mine = facts(text, lang)
        best = 0.0
        best_items: tuple[int, ...] = ()
        for other in pool:
            theirs = facts(other.text, lang)
            if mine.core.isdisjoint(theirs.core):
                continue  # nothing in common but Russia, Japan and the islands
            score = similarity(mine.concepts, theirs.concepts)
            if score <= best or adds_facts(mine, theirs, year, when, months_of.get(other.item_id)):
                continue
            if score >= SAME_WORDING and not same_wording_facts(text, other.text, lang):
                continue  # "three" / "five" injured, "will" / "will not": news in old words
            best, best_items = score, (other.item_id,)
        in_lead = index < lead
        if best >= (LEAD_MEANING if in_lead else SAME_MEANING):
            verdicts.append(Verdict(True, best_items, best, "meaning"))
            likely.append(None)
        else:
            verdicts.append(Verdict(False, (), best, ""))
            probable = best >= LIKELY_MEANING and not in_lead
            likely.append((best, best_items) if probable else None)
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
            elif looks_historical(facts(sentences[i], lang), year):
                decided[i] = Verdict(True, items, score, "history")
    return decided
