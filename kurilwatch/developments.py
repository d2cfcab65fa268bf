"""What is actually new: sentences never seen before, background, and stories.

Every item's text is split into sentences. Each sentence gets a few index keys (MinHash
bands, and its first and last words); a sentence that shares a key with a sentence of an
earlier item, and is nearly the same (Dice overlap of normalised words >= SAME_SENTENCE),
is a repeat. A sentence that is not also gets meaning keys (novelty.concept_keys), which
find the earlier sentences that may say the same thing in other words; novelty.decide
says which are background. The keys live in an indexed table and every read is bounded,
so classifying an item costs the same with a thousand or a million items stored.
Items from different feeds within STORY_WINDOW whose leads (background left out) report
the same event, by stories.score, are one story, in any language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from kurilwatch.store import Store, from_iso, iso

if TYPE_CHECKING:
    from kurilwatch import novelty

SAME_SENTENCE = 0.7  # Dice overlap of normalised tokens at which two sentences are one
STORY_WINDOW = timedelta(days=3)
STORY_LEAD = 3  # sentences of each item compared for story grouping
OPENING = 2  # sentences that open an item: another outlet's same news is still news there
STORY_TOKENS = 8  # sentences whose story tokens the worker computes (the lead is in them)
MAX_EARLIER = 20  # earlier item ids remembered per background sentence
CANDIDATES_PER_KEY = 50  # rows read per index key when looking for earlier sentences
# MinHash with 5 bands of 2 rows: two sentences with Jaccard 0.6 share a band key with
# probability 0.89, at 0.7 with 0.97; the first/last-words keys catch most of the rest.
_BANDS, _ROWS = 5, 2
_EDGE = 5  # words in the first-words and last-words keys
_PRIME = (1 << 61) - 1


def _blake2b(text: str) -> bytes:
    # Imported here: `news` and `list` never hash, and hashlib loads OpenSSL (4 ms).
    from hashlib import blake2b

    return blake2b(text.encode(), digest_size=8).digest()


@cache
def _permutations() -> list[tuple[int, int]]:
    """(a, b) of each MinHash permutation, a * hash + b mod _PRIME."""
    return [
        (
            int.from_bytes(_blake2b(f"a{i}")) % _PRIME | 1,
            int.from_bytes(_blake2b(f"b{i}")) % _PRIME,
        )
        for i in range(_BANDS * _ROWS)
    ]


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_QUOTES = str.maketrans({c: '"' for c in "“”„«»「」『』‘’‚‹›'"} | {c: "-" for c in "‐‑‒–—―−"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@cache
def _cjk() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Japanese characters, and runs of them.

    Compiled on first use: their ranges take milliseconds, and `news` never needs them.
    """
    cjk = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
    return re.compile(cjk), re.compile(cjk + "+")


def detect_lang(text: str) -> str:
    """en, ru or ja, from the script most of the letters are in."""
    sample = text[:2000]
    cjk = len(_cjk()[0].findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    if cjk and cjk >= cyrillic:
        return "ja"
    if cyrillic > len(sample) / 10:
        return "ru"
    return "en"


@lru_cache(maxsize=4)
def _segmenter(lang: str):
    from sentencex import segment

    return lambda text: segment(lang, text)


# Agency datelines are neither news nor background, wherever they stand (at the start, at
# a paragraph's start, or after the lead): "TOKYO, June 2. /TASS/.", "МОСКВА, 2 июня.
# /ТАСС/.", "TOKYO, June 2 (Kyodo) --", "(Xinhua) --", "МОСКВА, 2 июн — РИА Новости.",
# "Москва. 2 июня. INTERFAX.RU -", "【ワシントン共同】". They are cut before splitting.
# A city in capitals (TOKYO, YUZHNO-SAKHALINSK, NEW YORK) or as a name (Москва, New York).
_CITY = (
    r"(?:[A-ZА-ЯЁ][A-ZА-ЯЁ'\- ]{0,30}[A-ZА-ЯЁ]|"
    r"[A-ZА-ЯЁ][a-zа-яё]+(?:[- ][A-ZА-ЯЁ][a-zа-яё]+)?)"
)
_DATE = (
    r"(?:\d{1,2}\s+[а-яё]{3,9}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s+\d{4})?"
)
_AGENCY = (
    r"(?i:TASS|ТАСС|Kyodo(?:\s+News)?|Jiji(?:\s+Press)?|Interfax|Интерфакс|RIA\s+Novosti|"
    r"РИА\s+Новости|Xinhua|Reuters|AFP|AP|Sputnik|Спутник|NHK|Yonhap)"
)
_DASH = r"(?:--|[-–—])"
_DATELINE = re.compile(
    "|".join(
        [
            # CITY, date. /AGENCY/.  (TASS and its imitators; anything between the slashes)
            rf"(?<!\w){_CITY}\s*[,.]\s*(?:{_DATE}\s*[.,]?\s*)?/[^/\n]{{2,40}}/\s*\.?",
            rf"(?<![\w/])/\s*{_AGENCY}\s*/\s*\.?",
            # CITY[, date] (AGENCY) --     and a bare (AGENCY) --
            rf"(?:(?<!\w){_CITY}\s*(?:[,.]\s*{_DATE}\s*)?)?\(\s*{_AGENCY}\s*\)\s*{_DASH}",
            # CITY, date — AGENCY.   CITY. date. AGENCY.RU -
            rf"(?<!\w){_CITY}\s*[,.]\s*{_DATE}\s*[.,]?\s*(?:{_DASH}\s*)?"
            rf"{_AGENCY}(?:\.RU)?\s*(?:[.,]|\s{_DASH})",
            # 【ワシントン共同】 【モスクワ＝時事】
            r"【[^】\n]{0,15}(?:共同|時事|ロイター|ＡＦＰ|AFP|新華社|タス)】",
        ]
    )
)


def strip_datelines(text: str) -> str:
    """The text without agency datelines, wherever they stand."""
    return _DATELINE.sub(" ", text)


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """Sentences of a text, paragraph breaks respected, in English, Russian or Japanese."""
    return [sentence for _, sentence in split_paragraphs(text, lang)]


def split_paragraphs(text: str, lang: str | None = None) -> list[tuple[int, str]]:
    """(paragraph number, sentence) of each sentence of a text."""
    lang = lang if lang in ("en", "ru", "ja") else detect_lang(text)
    segment = _segmenter(lang)
    text = strip_datelines(text)
    sentences = []
    for number, paragraph in enumerate(text.splitlines()):
        for sentence in segment(paragraph):
            sentence = sentence.strip()
            if _WORD.search(sentence):
                sentences.append((number, sentence))
    return sentences


def normalize(sentence: str) -> str:
    """Case, width, quotes, dashes and spaces folded: what is left is the wording."""
    text = unicodedata.normalize("NFKC", sentence).casefold().translate(_QUOTES)
    return " ".join(text.split())


@lru_cache(maxsize=50_000)
def tokens(sentence: str) -> frozenset[str]:
    """Words of Latin and Cyrillic text; character bigrams of Japanese.

    Cached: background sentences come back in item after item.
    """
    normalized = normalize(sentence)
    result: set[str] = set()
    cjk, cjk_run = _cjk()
    for word in _WORD.findall(normalized):
        if cjk.search(word):
            for run in cjk_run.findall(word):
                result.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
            result.update(w for w in cjk_run.split(word) if w)
        else:
            result.add(word)
    return frozenset(result)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap that forgives a few changed words in a long sentence more than Jaccard."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


# --- what must agree for two near-identical sentences to be one -------------------------
# "A magnitude 5.1 quake" and "a magnitude 6.8 quake" share nearly every word, yet the
# second is news. Two sentences are the same only when their numbers, dates, names and
# negation agree as well as their words (`facts_agree`).

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
# Small numbers written out, in English and Russian (every case of the common forms).
_SPELLED = {
    **dict.fromkeys(["one", "один", "одна", "одно", "одного", "одной", "одному"], 1),
    **dict.fromkeys(["two", "два", "две", "двух", "двум", "двумя"], 2),
    **dict.fromkeys(["three", "три", "трех", "трёх", "трем", "трём", "тремя"], 3),
    **dict.fromkeys(["four", "четыре", "четырех", "четырёх", "четырем", "четырьмя"], 4),
    **dict.fromkeys(["five", "пять", "пяти", "пятью"], 5),
    **dict.fromkeys(["six", "шесть", "шести", "шестью"], 6),
    **dict.fromkeys(["seven", "семь", "семи", "семью"], 7),
    **dict.fromkeys(["eight", "восемь", "восьми", "восемью"], 8),
    **dict.fromkeys(["nine", "девять", "девяти", "девятью"], 9),
    **dict.fromkeys(["ten", "десять", "десяти", "десятью"], 10),
    "eleven": 11,
    **dict.fromkeys(["twelve", "dozen", "дюжина"], 12),
    **dict.fromkeys(["twenty", "двадцать", "двадцати"], 20),
    **dict.fromkeys(["hundred", "сто", "ста"], 100),
    **dict.fromkeys(["thousand", "тысяча", "тысячи", "тысяч"], 1000),
    **dict.fromkeys(["million", "millions", "миллион", "миллиона", "миллионов"], 10**6),
    **dict.fromkeys(["billion", "billions", "миллиард", "миллиарда", "миллиардов"], 10**9),
}
_MONTHS = [
    ("january", "jan", "январ"),
    ("february", "feb", "феврал"),
    ("march", "mar", "март"),
    ("april", "apr", "апрел"),
    ("may", "ма[йяе]"),
    ("june", "jun", "июн"),
    ("july", "jul", "июл"),
    ("august", "aug", "август"),
    ("september", "sept?", "сентябр"),
    ("october", "oct", "октябр"),
    ("november", "nov", "ноябр"),
    ("december", "dec", "декабр"),
]
_WEEKDAYS = [
    ("monday", "понедельник"),
    ("tuesday", "вторник"),
    ("wednesday", "среду"),  # not "среда": that is also "environment"
    ("thursday", "четверг"),
    ("friday", "пятниц"),
    ("saturday", "суббот"),
    ("sunday", "воскресень"),
]


def _date_words() -> re.Pattern[str]:
    """One pattern for every month and weekday name; the group that matched names it."""
    groups = []
    for kind, names in (("month", _MONTHS), ("weekday", _WEEKDAYS)):
        for number, forms in enumerate(names, start=1):
            groups.append(f"(?P<{kind}{number}>{'|'.join(forms)})")
    # English forms are whole words; Russian ones are stems with any ending.
    return re.compile(rf"^(?:{'|'.join(groups)})[а-яё]*$")


_DATE_WORDS = _date_words()


def _date_word(raw: str, word: str) -> str | None:
    """ "month 6" for June or июня, "weekday 1" for Monday; None for any other word.

    English writes them with a capital, which tells "May" and "March" from the verbs.
    """
    if raw.isascii() and not raw[0].isupper():
        return None
    match = _DATE_WORDS.match(word)
    if match is None or match.lastgroup is None:
        return None
    kind = match.lastgroup.rstrip("0123456789")
    return f"{kind} {match.lastgroup[len(kind) :]}"


_JA_WEEKDAY = re.compile(r"([月火水木金土日])曜")
# Negation: English and Russian words; Japanese verb endings (ない, なかった, ません, ず, ぬ),
# without the adjectives that merely end in ない (少ない, 危ない) and まず, 必ず, わずか.
_NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "nowhere",
        "neither",
        "nor",
        "cannot",
        "without",
        "не",
        "нет",
        "ни",
        "никогда",
        "ничего",
        "никто",
        "никого",
        "нигде",
        "нельзя",
        "без",
    }
)
_JA_NEGATION = re.compile(
    r"(?<![少危幼汚切])な(?:い|かっ)|ません|(?<=[ぁ-ゖ])(?<![まわ])ず(?![つかっ])|ぬ"
)


_NOT_NEGATING = re.compile(
    r"(?<!\w)(?:не\s+(?:раз|однажды|только|менее|более|позднее|ранее)"
    r"|not\s+only|no\s+(?:less|fewer|more|later|sooner)\s+than)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Facts:
    """What must agree for two sentences that share their wording to be the same."""

    numbers: frozenset[str]  # every number, as a value: "5.1", "5000", "2"
    digit_numbers: frozenset[str]  # those written with digits
    dates: frozenset[str]  # month and weekday names, as "month 6", "weekday 1"
    names: frozenset[str]  # capitalised words after the first, casefolded
    negations: int  # how many negation markers
    words: frozenset[str]  # every word, casefolded


def _number_value(text: str) -> str:
    if _THOUSANDS.fullmatch(text):
        return text.replace(",", "")
    return text.replace(",", ".")


@lru_cache(maxsize=50_000)
def facts(sentence: str) -> Facts:
    """The numbers, dates, names and negations of a sentence; cached like `tokens`."""
    text = unicodedata.normalize("NFKC", sentence)
    text = re.sub(r"n['’]t\b", " not", text).translate(_QUOTES)  # won't, can't
    raw_words = _WORD.findall(text)
    words = [w.casefold() for w in raw_words]
    digits = {_number_value(n) for n in _NUMBER.findall(text)}
    spelled = {str(_SPELLED[w]) for w in words if w in _SPELLED}
    dated = {word: _date_word(raw, word) for raw, word in zip(raw_words, words, strict=True)}
    dates = {date for date in dated.values() if date}
    dates.update(f"ja weekday {day}" for day in _JA_WEEKDAY.findall(text))
    names = {
        word
        for raw, word in zip(raw_words[1:], words[1:], strict=True)
        if raw[0].isupper() and not dated[word]
    }
    negations = sum(w in _NEGATIONS for w in words) + len(_JA_NEGATION.findall(text))
    # «не раз» (more than once), "not only", "no less than": a negation's word, no negation.
    negations -= len(_NOT_NEGATING.findall(text))
    negations += len(re.findall(r"\byet to\b", text, re.IGNORECASE))  # "has yet to be signed"
    return Facts(
        frozenset(digits | spelled),
        frozenset(digits),
        frozenset(dates),
        frozenset(names),
        negations,
        frozenset(words),
    )


def facts_agree(first: str, second: str) -> bool:
    """Whether two sentences state the same numbers, dates, names and negation.

    A number counts as changed when each sentence has one the other lacks ("5.1" / "6.8",
    "three" / "five"), or one written in digits is only in one of them ("a fine of 5
    million rubles"); a number written out on one side only ("the two sides" / "the
    sides") is wording. Dates (month and weekday names) must be the same. A name counts as
    changed when each sentence has a capitalised word that is no word of the other
    ("Kishida" / "Ishiba"); one outlet's extra name ("the southern Kuril Islands" / "the
    four northern islands") is wording. Negation markers must be as many ("will" / "will
    not", «не», 〜ない / 〜ません / 〜ず).
    """
    a, b = facts(first), facts(second)
    only_a, only_b = a.numbers - b.numbers, b.numbers - a.numbers
    if (only_a and only_b) or only_a & a.digit_numbers or only_b & b.digit_numbers:
        return False
    if a.dates != b.dates or a.negations != b.negations:
        return False
    return not (a.names - b.words and b.names - a.words)


def same_sentence(first: str, second: str) -> bool:
    """Whether two sentences say the same: nearly the same words, and the same facts."""
    return dice(tokens(first), tokens(second)) >= SAME_SENTENCE and facts_agree(first, second)


def _hash(token: str) -> int:
    return int.from_bytes(_blake2b(token))


def _key(value: str) -> int:
    return int.from_bytes(_blake2b(value), signed=True)


def sentence_keys(sentence: str, words: frozenset[str]) -> list[int]:
    """Index keys (signed 64-bit, for SQLite): near-identical sentences share at least one."""
    ordered = _WORD.findall(normalize(sentence))
    keys = band_keys(words)
    if len(ordered) >= 2 * _EDGE:
        keys.append(_key("first:" + " ".join(ordered[:_EDGE])))
        keys.append(_key("last:" + " ".join(ordered[-_EDGE:])))
    return keys


def band_keys(words: frozenset[str]) -> list[int]:
    """MinHash band keys: sets with a high Jaccard similarity probably share one."""
    if not words:
        return []
    # Each permutation's minimum over the words: a column minimum of per-word rows.
    signature = [min(column) for column in zip(*map(_word_signature, words), strict=True)]
    keys = []
    for band in range(_BANDS):
        rows = signature[band * _ROWS : (band + 1) * _ROWS]
        keys.append(_key(repr((band, rows))))
    return keys


@lru_cache(maxsize=8192)
def _word_signature(word: str) -> tuple[int, ...]:
    """A word's value under every MinHash permutation; cached, as words recur (about 4 MB)."""
    hashed = _hash(word)
    return tuple((a * hashed + b) % _PRIME for a, b in _permutations())


@dataclass(frozen=True)
class Sentence:
    position: int
    text: str
    is_new: bool
    earlier: tuple[int, ...]  # earlier items that had it (background only)


@dataclass(frozen=True)
class Prepared:
    """A sentence with its tokens and index keys: pure computation, done in a worker."""

    text: str
    words: frozenset[str]
    keys: tuple[int, ...]
    paragraph: int = 0
    meaning_keys: tuple[int, ...] = ()  # novelty.concept_keys: finds it reworded
    story: frozenset[str] | None = None  # stories.sentence_tokens, of the first STORY_TOKENS
    # novelty.facts in `lang`: the worker computed them for the meaning keys, and the parent
    # needs them again to classify the sentence.
    meaning: novelty.Facts | None = None
    lang: str = ""
    # novelty.analysis in `lang` (its clauses and details): only the sentence's own text
    # goes into it, so the worker computes it rather than the one process that writes.
    analysis: tuple[novelty.Clauses | None, novelty.Clauses] | None = None


def prepare(
    text: str,
    lang: str | None,
    published: datetime | None = None,
    hits: list[tuple[int, str, str]] | None = None,
) -> list[Prepared]:
    """Each sentence of `text` with what classifying and grouping it needs.

    `hits` are the matcher's (start, rule, matched text) over `text`, when the caller has
    run it already.
    """
    from kurilwatch import novelty, stories

    lang = lang if lang in ("en", "ru", "ja") else detect_lang(text)
    prepared: list[Prepared] = []
    # The matcher runs once over the text; its places are given to the sentences they are in.
    spans = stories.place_spans(text, hits)
    cursor = 0
    for paragraph, sentence in split_paragraphs(text, lang):
        start = text.find(sentence, cursor)
        if start >= 0:
            cursor = start + len(sentence)
            named = frozenset(p for at, p in spans if start <= at < cursor)
        else:
            named = stories.places(sentence)
        words = tokens(sentence)
        meaning = novelty.facts(sentence, lang)
        prepared.append(
            Prepared(
                sentence,
                words,
                tuple(sentence_keys(sentence, words)),
                paragraph,
                tuple(meaning_key(lang, c) for c in novelty.concept_keys(meaning.concepts)),
                # Only the opening sentences can tell the story (story_lead); the rest get
                # theirs if a lead ever reaches them (lead_story_words).
                stories.sentence_tokens(sentence, lang, published, named)
                if len(prepared) < STORY_TOKENS
                else None,
                meaning,
                lang,
                novelty.analysis(sentence, lang),
            )
        )
    return prepared


def meaning_key(lang: str, concept: str) -> int:
    """The index key of sentences in `lang` whose sketch holds `concept`."""
    return _key(f"meaning:{lang}:{concept}")


def index_item(
    store: Store,
    item_id: int,
    text: str,
    lang: str | None,
    prepared: list[Prepared] | None = None,
    published: datetime | None = None,
) -> list[Sentence]:
    """Classify and index one item's sentences; call inside the fetch's transaction.

    `prepared` is `prepare(text, lang, published)`, when a worker process has already
    computed it; `published` the item's date (read from the store when not given).
    """
    from kurilwatch import novelty

    store.forget_sentences(item_id)
    if published is None:
        published = from_iso(store.sort_time_of(item_id))
    lang = lang if lang in ("en", "ru", "ja") else detect_lang(text)
    if prepared is None:
        prepared = prepare(text, lang, published)
    novelty.remember_facts(
        lang, [(s.text, s.meaning) for s in prepared if s.lang == lang and s.meaning]
    )
    novelty.remember_analysis(
        lang, [(s.text, s.analysis) for s in prepared if s.lang == lang and s.analysis]
    )
    # One probe for every key of the item first: most keys of a new sentence are in no
    # earlier item, and reading them one by one was most of the index's cost.
    seen = store.keys_seen_before(
        (key for s in prepared for key in (*s.keys, *s.meaning_keys)), item_id
    )
    repeats = [
        _earlier_items(store, item_id, s.text, s.words, [k for k in s.keys if k in seen])
        for s in prepared
    ]
    candidates = _meaning_candidates(
        store,
        item_id,
        [() if found else s.meaning_keys for s, found in zip(prepared, repeats, strict=True)],
        seen,
    )
    # Agencies repeat background as a block: the earlier items this one repeats most are
    # read whole, so a reworded sentence next to repeated ones meets its earlier wording.
    sources: dict[int, int] = {}
    for found in repeats:
        for other in found:
            sources[other] = sources.get(other, 0) + 1
    block = []
    if not all(repeats):
        block = _sentences_of_items(store, sorted(sources, key=lambda i: (-sources[i], -i))[:2])
    # Only a sentence next to repeated ones (within BLOCK_REACH) is compared with the block:
    # reworded background sits among the background that was repeated word for word.
    near = {
        position
        for repeated, found in enumerate(repeats)
        if found
        for position in range(repeated - BLOCK_REACH, repeated + BLOCK_REACH + 1)
    }
    candidates = [
        [] if found else pool + block if index in near else pool
        for index, (pool, found) in enumerate(zip(candidates, repeats, strict=True))
    ]
    # A clause or an aside that none of the candidates has may have been said on its own
    # ("The document was ratified by both parliaments."): it is looked for by its own keys.
    candidates = [
        _with_details(store, item_id, s.text, lang, pool) if pool else pool
        for s, pool in zip(prepared, candidates, strict=True)
    ]
    # "In March" is placed by the article's date, and the earlier sentence by its own; a
    # year is compared with the earlier article's ("in 2025" is news against 2023's copy).
    dated = {
        other.item_id
        for s, pool in zip(prepared, candidates, strict=True)
        if pool and (novelty.dated_by_article(s.text, lang) or novelty.facts(s.text, lang).years)
        for other in pool
    }
    verdicts = novelty.decide(
        [s.text for s in prepared],
        [s.paragraph for s in prepared],
        lang,
        published.year if published else None,
        repeats,
        candidates,
        published.month if published else None,
        _months_of(store, sorted(dated)),
    )
    result: list[Sentence] = []
    rows = []
    seen_here: set[frozenset[str]] = set()
    for position, (sentence, verdict) in enumerate(zip(prepared, verdicts, strict=True)):
        # A sentence repeated inside the same item is background the second time.
        is_new = not verdict.background and sentence.words not in seen_here
        seen_here.add(sentence.words)
        earlier = list(verdict.earlier)
        result.append(Sentence(position, sentence.text, is_new, tuple(earlier)))
        # A word-for-word repeat needs no meaning keys: its earlier wording has them, and
        # most of an agency's copy is repeats (fewer rows to write and to read past).
        keys = sentence.keys if repeats[position] else (*sentence.keys, *sentence.meaning_keys)
        rows.append((position, sentence.text, is_new, earlier, keys))
    store.add_sentences(item_id, rows)
    return result


MEANING_CANDIDATES = 10  # rows read per meaning key: the newest sentences with the concept
BLOCK_REACH = 3  # sentences either side of a repeat that are compared with the repeated items


def _months_of(store: Store, item_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(year, month) of each earlier item, by its sort time."""
    months = {}
    for item_id, sort_time in store.sort_times_of(item_ids).items():
        moment = from_iso(sort_time)
        if moment is not None:
            months[item_id] = (moment.year, moment.month)
    return months


def _meaning_candidates(
    store: Store, item_id: int, keys: list[tuple[int, ...]], seen: set[int]
) -> list[list]:
    """For each sentence, the earlier sentences that share one of its meaning `keys`.

    MEANING_CANDIDATES rows of each key, in the order of its keys; read in one query for
    the whole item, and only the keys some earlier item has (`seen`).
    """
    from kurilwatch.novelty import Earlier

    wanted = [(index, key) for index, own in enumerate(keys) for key in own if key in seen]
    rows = store.earlier_sentences_of_keys([key for _, key in wanted], item_id, MEANING_CANDIDATES)
    found: list[dict[tuple[int, int], Earlier]] = [{} for _ in keys]
    for number, other_id, position, text in rows:
        found[wanted[number][0]][(other_id, position)] = Earlier(other_id, position, text)
    return [list(pool.values()) for pool in found]


def _with_details(store: Store, item_id: int, text: str, lang: str, pool: list) -> list:
    """The pool, with the earlier sentences found by the keys of each detail it lacks."""
    from kurilwatch import novelty

    unsaid = novelty.unsaid_details(text, lang, [other.text for other in pool])
    if not unsaid:
        return pool
    keys = tuple(meaning_key(lang, c) for d in unsaid for c in novelty.concept_keys(d))
    known = {(other.item_id, other.position) for other in pool}
    (found,) = _meaning_candidates(store, item_id, [keys], set(keys))
    return pool + [other for other in found if (other.item_id, other.position) not in known]


def _sentences_of_items(store: Store, item_ids: list[int]) -> list:
    from kurilwatch.novelty import Earlier

    return [
        Earlier(item_id, position, text)
        for item_id in item_ids
        for position, text in store.sentences_block(item_id)
    ]


def _earlier_items(
    store: Store, item_id: int, text: str, words: frozenset[str], keys: list[int]
) -> list[int]:
    """Earlier items with a nearly identical sentence, at most MAX_EARLIER of them.

    Each key is read as a range of its primary key, newest items first, and the read stops
    after CANDIDATES_PER_KEY rows: a sentence repeated in a hundred thousand items costs
    the same as one repeated in ten.
    """
    earlier: list[int] = []
    found: set[int] = set()
    checked: set[tuple[int, int]] = set()
    for key in keys:
        # Read lazily: a background sentence finds MAX_EARLIER items among its first rows.
        rows = store.earlier_sentences(key, item_id, CANDIDATES_PER_KEY)
        for other_id, position, other_text in rows:
            if other_id in found or (other_id, position) in checked:
                continue
            checked.add((other_id, position))
            # The same text is the same sentence (Dice 1, the same facts): most background
            # is pasted unchanged.
            if other_text == text or (
                dice(words, tokens(other_text)) >= SAME_SENTENCE and facts_agree(text, other_text)
            ):
                earlier.append(other_id)
                found.add(other_id)
                if len(earlier) >= MAX_EARLIER:
                    return earlier
    return sorted(earlier)


def sentences_of(store: Store, item_id: int) -> list[Sentence]:
    rows = store.sentence_rows(item_id)
    return [
        Sentence(p, t, bool(n), tuple(int(x) for x in e.split(",") if x)) for p, t, n, e in rows
    ]


def story_lead(sentences: list[Sentence], recent: set[int]) -> list[Sentence]:
    """The sentences an item's story is told by: its first ones that are not background.

    An opening sentence seen only in `recent` items (within the story window: another
    outlet's report of the same news) still tells the story; further down, a sentence seen
    before is background however recent. A republication has nothing new: then its first
    sentences, so it joins its story.
    """
    lead = [
        s
        for s in sentences
        if s.is_new or (s.position < OPENING and s.earlier and set(s.earlier) <= recent)
    ]
    return (lead or sentences)[:STORY_LEAD]


def recent_items(store: Store, item_id: int, sentences: list[Sentence]) -> set[int]:
    """The earlier items these sentences were seen in that lie within the story window."""
    ids = sorted({i for s in sentences[: 4 * STORY_LEAD] for i in s.earlier})
    if not ids:
        return set()
    moment = from_iso(store.sort_time_of(item_id))
    assert moment is not None  # every stored item has a sort time
    return store.items_since(ids, iso(moment - STORY_WINDOW))


def story_words(
    title: str, sentences: list[str], lang: str | None = None, published: datetime | None = None
) -> frozenset[str]:
    """What an item's story is compared by (stories.sentence_tokens of title and lead).

    `sentences` are the item's `story_lead`.
    """
    from kurilwatch import stories

    lang = lang if lang in ("en", "ru", "ja") else detect_lang(" ".join([title, *sentences]))
    parts = [stories.title_tokens(title, lang, published)]
    parts += [stories.sentence_tokens(text, lang, published) for text in sentences]
    return stories.item_tokens(parts, published)


def lead_story_words(
    store: Store,
    item_id: int,
    title_words: frozenset[str],
    sentences: list[Sentence],
    prepared: list[Prepared],
    lang: str | None,
    published: datetime | None,
) -> frozenset[str]:
    """`story_words` from what a worker prepared: the title's tokens and each sentence's."""
    from kurilwatch import stories

    tokens_at = {s.position: p.story for s, p in zip(sentences, prepared, strict=True)}
    lead = story_lead(sentences, recent_items(store, item_id, sentences))
    lang = lang if lang in ("en", "ru", "ja") else detect_lang(" ".join(s.text for s in lead))
    parts = [title_words]
    for sentence in lead:
        known = tokens_at[sentence.position]
        parts.append(known or stories.sentence_tokens(sentence.text, lang, published))
    return stories.item_tokens(parts, published)


@lru_cache(maxsize=20_000)
def _word_set(words: str) -> frozenset[str]:
    # A cold fetch compares each new item with every candidate: split each stored set once.
    return frozenset(words.split())


# Each story is represented by its newest few items from other feeds: a cold fetch of
# hundreds of items on one event compares each new item with a handful, not all of them.
STORY_MEMBERS = 3
STORY_WINDOW_ROWS = 2000  # items of other feeds read around one new item, newest first


def assign_story(store: Store, item_id: int, words: frozenset[str] | None = None) -> int:
    """Join the most similar story from another feed within the window, or start one.

    `words` are the item's `story_words`, when a fetch's worker process has computed them;
    otherwise they come from its stored title and sentences.
    """
    return assign_stories(store, [(item_id, words)])[0]


def assign_stories(store: Store, items: list[tuple[int, frozenset[str] | None]]) -> list[int]:
    """`assign_story` for each of `items` in turn; the stories they join or start.

    Consecutive items first seen in the same feed share one read of the story window
    around them all: an item is never compared with its own feed's, so their assignments
    cannot change each other's candidates. A feed's fifty items on one big event read the
    window once instead of fifty times.
    """
    stories: list[int] = []
    run: list[tuple[int, datetime, frozenset[str], int | None]] = []
    run_feed = ""
    for item_id, words in items:
        feed, title, sort_time, lang, published, current = store.story_basis(item_id)
        if words is None:
            stored = sentences_of(store, item_id)
            lead = [s.text for s in story_lead(stored, recent_items(store, item_id, stored))]
            words = story_words(
                title or "", lead, lang, datetime.fromisoformat(published) if published else None
            )
        if run and feed != run_feed:
            stories += _assign_run(store, run_feed, run)
            run = []
        run_feed = feed
        run.append((item_id, datetime.fromisoformat(sort_time), words, current))
    if run:
        stories += _assign_run(store, run_feed, run)
    return stories


def _assign_run(
    store: Store, feed: str, run: list[tuple[int, datetime, frozenset[str], int | None]]
) -> list[int]:
    """Assign items first seen in `feed`, reading the window around them all once."""
    from kurilwatch import stories as story_rules

    moments = [moment for _, moment, _, _ in run]
    start, end = iso(min(moments) - STORY_WINDOW), iso(max(moments) + STORY_WINDOW)
    rows = store.story_window(start, end, feed, STORY_WINDOW_ROWS)
    if len(rows) == STORY_WINDOW_ROWS and len(run) > 1:
        # Perhaps cut short: each item reads its own newest STORY_WINDOW_ROWS instead.
        return [story for item in run for story in _assign_run(store, feed, [item])]
    # Each story's items, newest first, in the order the index gives them.
    by_story: dict[int, list[tuple[str, int]]] = {}
    for other_id, story_id, sort_time in rows:
        by_story.setdefault(story_id, []).append((sort_time, other_id))
    chosen = []
    for _, moment, _, _ in run:
        low, high = iso(moment - STORY_WINDOW), iso(moment + STORY_WINDOW)
        members = []
        for story_rows in by_story.values():
            count = 0
            for sort_time, other_id in story_rows:
                if sort_time > high:
                    continue
                if sort_time < low or count == STORY_MEMBERS:
                    break
                members.append(other_id)
                count += 1
        # Compared in id order, so a tie goes to the oldest item.
        chosen.append(sorted(members))
    wanted = sorted({other_id for members in chosen for other_id in members})
    candidates = store.story_words_of(wanted)
    stories = []
    for (item_id, _, words, current), members in zip(run, chosen, strict=True):
        best_story, best_score = item_id, 0.0
        for other_id in members:
            story_id, other_words = candidates[other_id]
            score = story_rules.score(words, _word_set(other_words or ""))
            if score > best_score:
                best_story, best_score = story_id or other_id, score
        story = best_story if best_score >= story_rules.SAME_STORY else item_id
        # An update stays in its story, which it adds to: a story's items never lose it.
        if current is not None:
            story = _kept_story(store, item_id, current) or story
        # The words are stored too, so comparing a later item with this one costs a split,
        # not a query and a parse.
        store.set_story(item_id, story, " ".join(sorted(words)))
        stories.append(story)
    return stories


def _kept_story(store: Store, item_id: int, current: int) -> int | None:
    """The story an already grouped item keeps: one it joined, or one others joined."""
    if current != item_id:
        return current
    return current if store.story_was_joined(item_id) else None


@dataclass
class NewsItem:
    item: dict
    sentences: list[Sentence]

    @property
    def new(self) -> list[str]:
        return [s.text for s in self.sentences if s.is_new]

    @property
    def background(self) -> list[str]:
        return [s.text for s in self.sentences if not s.is_new]

    @property
    def earlier_items(self) -> list[int]:
        return sorted({i for s in self.sentences for i in s.earlier})


@dataclass
class Story:
    story_id: int
    items: list[NewsItem]

    @property
    def title(self) -> str:
        return self.items[0].item["title"]

    @property
    def sources(self) -> list[str]:
        return story_sources([news_item.item for news_item in self.items])

    @property
    def sources_line(self) -> str:
        return story_sources_line([news_item.item for news_item in self.items])


def story_of(item: dict) -> int:
    """The story an item belongs to: its own ID until grouping joined it to another."""
    return item.get("story_id") or item["id"]


def story_sources(items: list[dict]) -> list[str]:
    """Every feed the items were seen in, in order of first appearance."""
    return list(dict.fromkeys(source for item in items for source in item["sources"]))


def story_sources_line(items: list[dict]) -> str:
    """The story's sources, by language when it was told in more than one.

    "tass-en, kyodo-en" in one language; "en: tass-en, kyodo-en · ru: tass-ru · ja: nhk"
    in three.
    """
    by_lang: dict[str, list[str]] = {}
    for item in items:
        by_lang.setdefault(item.get("lang") or "?", []).extend(item["sources"])
    if len(by_lang) <= 1:
        return ", ".join(story_sources(items))
    return " · ".join(
        f"{lang}: {', '.join(dict.fromkeys(feeds))}" for lang, feeds in by_lang.items()
    )


def group_stories(items: list[dict]) -> list[list[dict]]:
    """Items grouped by story, in the order each story first appears."""
    stories: dict[int, list[dict]] = {}
    for item in items:
        stories.setdefault(story_of(item), []).append(item)
    return list(stories.values())


def news(store: Store, items: list[dict]) -> list[Story]:
    """The stories of these items, each item with its new and background sentences."""
    return _stories([NewsItem(item, sentences_of(store, item["id"])) for item in items])


def _stories(news_items: list[NewsItem]) -> list[Story]:
    by_id = {news_item.item["id"]: news_item for news_item in news_items}
    return [
        Story(story_of(members[0]), [by_id[item["id"]] for item in members])
        for members in group_stories([news_item.item for news_item in news_items])
    ]


@dataclass(frozen=True)
class Republication:
    """An item with nothing new: the same story again, under another GUID or URL."""

    item: dict
    original: dict  # the earlier item it repeats most


def news_and_republications(
    store: Store, items: list[dict]
) -> tuple[list[Story], list[Republication]]:
    """`news` of these items, with every item that has nothing new set apart.

    An item whose every sentence was seen before is a republication of the earlier item
    that had most of them (the oldest on a tie), never a story of its own.
    """
    fresh, republications = [], []
    for item in items:
        sentences = sentences_of(store, item["id"])
        original = _republished(store, sentences)
        if original is None:
            fresh.append(NewsItem(item, sentences))
        else:
            republications.append(Republication(item, original))
    return _stories(fresh), republications


def _republished(store: Store, sentences: list[Sentence]) -> dict | None:
    if not sentences or any(s.is_new for s in sentences):
        return None
    counts: dict[int, int] = {}
    for sentence in sentences:
        for earlier in sentence.earlier:
            counts[earlier] = counts.get(earlier, 0) + 1
    for earlier_id in sorted(counts, key=lambda i: (-counts[i], i)):
        if (original := store.get_item(earlier_id)) is not None:
            return original
    return None  # what it repeats is gone (pruned): shown as it is


@dataclass(frozen=True)
class Update:
    """A change to an item already shown or sent: what its latest revision added."""

    item: dict
    old_revision: int
    added: list[str]
    removed: list[str]
    old_title: str | None  # when the title changed

    @property
    def new_revision(self) -> int:
        return self.item["revision"]


def _shown_copy_at(store: Store, item_id: int, revision: int) -> dict | None:
    """The copy shown now as it stood at `revision`: its feed's latest revision by then.

    A revision is one feed changing its own copy; when the feed shown now never changed
    its copy, another feed's change (an aggregator's teaser) is no update of what is shown.
    """
    shown_feeds = set(store.shown_feeds(item_id))
    own = [r for r in store.revisions(item_id) if r["feed"] in shown_feeds]
    before = [r for r in own if r["revision"] <= revision]
    # A feed's first change keeps the copy it had before as a revision numbered after it.
    return before[-1] if before else (own[0] if own else None)


def update_of(store: Store, item: dict, old_revision: int) -> Update | None:
    """What changed in an item since `old_revision`; None when only the wording did.

    Sentences are compared as background is (`same_sentence`): a changed number, date, name
    or negation is a change, a reworded sentence is not.
    """
    if old_revision >= item["revision"]:
        return None
    old = _shown_copy_at(store, item["id"], old_revision)
    if old is None:
        return None
    lang = item.get("lang")
    before = split_sentences(old["text"] or old["title"] or "", lang)
    after = split_sentences(item["text"] or item["title"] or "", lang)
    added = [s for s in after if not any(same_sentence(s, o) for o in before)]
    removed = [o for o in before if not any(same_sentence(o, s) for s in after)]
    old_title = old["title"] if old["title"] != item["title"] else None
    if not added and not removed and old_title is None:
        return None
    return Update(item, old_revision, added, removed, old_title)
