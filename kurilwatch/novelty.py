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
   or the only years it names lie before the article's.

The item's lead (its first paragraph) is news unless repeated nearly word for word or
overlapping by LEAD_MEANING: agencies open with what happened and put background last.

Precision first: a sentence that states a number the earlier one does not (other than
a past year or a length of time), dates itself to the article's days ("on Monday",
«вчера») or quotes someone is news by 2 and 3 whatever its words; and one nearly the
same in meaning (SAME_WORDING) must also agree on dates, negation and names
(`same_wording_facts`, with developments' rule for word-for-word repeats).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


_QUOTES = ("«", "»", "“", "”", '"', "「", "」")


@lru_cache(maxsize=50_000)
def facts(sentence: str, lang: str) -> Facts:
    concepts = lexicon.concepts(sentence, lang)
    return Facts(
        concepts,
        frozenset(c for c in concepts if weight(c) >= 1.0),
        lexicon.numbers(sentence, lang, spelled=False, durations=False),
        lexicon.numbers(sentence, lang, durations=False),
        lexicon.years(sentence),
        lexicon.dated_now(sentence, lang),
        any(q in sentence for q in _QUOTES),
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


def weight(concept: str) -> float:
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


def adds_facts(sentence: Facts, earlier: Facts, year: int | None) -> bool:
    """Whether `sentence` states something `earlier` does not: a number, a date of now,
    or someone's words."""
    if sentence.dated_now or (sentence.quoted and not earlier.quoted):
        return True
    past = set()
    if year is not None:
        past = {str(y) for y in sentence.years | earlier.years if y <= year - PAST_YEARS}
    if sentence.numbers - earlier.counts - past:
        return True  # a number in digits the earlier sentence does not have
    # A changed count: each has one the other lacks ("three" / "five" injured).
    return bool(sentence.counts - earlier.counts - past and earlier.counts - sentence.counts - past)


def looks_historical(sentence: Facts, year: int | None) -> bool:
    """Names years, all of them well before the article's: the sentence tells history."""
    return (
        year is not None
        and bool(sentence.years)
        and all(y <= year - PAST_YEARS for y in sentence.years)
    )


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
) -> list[Verdict]:
    """Background or new, for each of an item's sentences.

    `repeats[i]` are the earlier items that have sentence i nearly word for word;
    `candidates[i]` the earlier sentences to compare its meaning with. Agencies open with
    the news: in the item's lead (`lead_of`) only a word-for-word repeat, or a sentence of
    LEAD_MEANING overlap, is background, and context does not count.
    """
    lead = lead_of(paragraphs)
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
            if score <= best or adds_facts(mine, theirs, year):
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

    def backgroundish(i: int) -> bool:
        return 0 <= i < len(verdicts) and (verdicts[i].background or likely[i] is not None)

    for members in by_paragraph.values():
        # A reworded block may have no sentence close enough on its own: the likely ones vote.
        votes = [backgroundish(i) for i in members]
        block = len(members) >= 2 and sum(votes) / len(members) >= BACKGROUND_PARAGRAPH
        for i in members:
            maybe = likely[i]
            if maybe is None:
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
