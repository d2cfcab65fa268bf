"""One story across agencies and languages: which reports are about the same event.

Pure: an item's story tokens are computed from its title and its new sentences (never its
background), and two items' tokens are compared here; developments.py reads the
candidates from the store. Tokens are strings with a prefix saying what they are:

- `l:en` the item's language;
- `tp:` and `tk:` the places and kinds its title names (the event's own);
- `w:...` content words and concepts (lexicon.concepts, background left out), compared
  only between items in the same language;
- anchors, compared across languages: `p:` a place (the four islands under one name
  whatever the spelling or script, from the matcher's table of places, rules.PLACES:
  Kunashir, Kunashiri, Кунашир and 国後 are all `p:kunashir`; other Kuril places by their
  name key), `n:` a
  number, `k:` the kind of event (drill, detained, visit, protest, talks …), `m:` a
  person's or place's name key (Putin, Путин, プーチン: `m:ptn`), `d:` the day of the
  month the events happen on.

`score` adds up what two items share: words (in one language), islands, numbers (large
ones count more), kinds, names (other places among them) and the day. Two different
islands, two disjoint sets of kinds or of numbers count against; headlines naming two
different islands are two events whatever else the reports share. A stored set of
plain words (from before these prefixes) counts as words.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache, lru_cache

from kurilwatch import lexicon

SAME_STORY = 5.0  # score at or above which two items report one event


@cache
def _places_by_rule() -> dict[str, tuple[str, str]]:
    """Each place rule's id ("ja.kunashir") -> (what it names, the place's key).

    From the matcher's own table of places (rules.PLACES), where each island's names in
    every language are written once: the islands by their key (Kunashir, Kunashiri,
    Кунашир and 国後 are all "kunashir"), the Habomai islets as Habomai, and the towns and
    other islands as names.
    """
    from kurilwatch.rules import PLACES

    islands = {place.key for place in PLACES if place.kind == "island"}
    found = {}
    for place in PLACES:
        if place.kind == "island":
            what, key = "island", place.key
        elif place.kind == "islet":
            # "habomai-islets": the islets of an island group.
            what, key = "island", next(i for i in islands if place.key.startswith(i))
        elif place.kind in ("town", "northern-island"):
            what, key = "name", place.key
        else:
            continue
        for lang in place.names:
            found[f"{lang}.{place.key}"] = (what, key)
    return found


_PLACE = 3.0
# A number that could be a day, a count of crew or a magnitude says less than 3,000 troops.
_NUMBER, _SMALL_NUMBER, _KIND, _NAME, _DAY = 3.0, 1.5, 1.0, 2.0, 1.0
_WORDS = 10.0  # weight of the word overlap (Jaccard) between reports in one language
_PLACE_CONFLICT, _KIND_CONFLICT, _NUMBER_CONFLICT = 4.0, 2.0, 1.5


@cache
def _matcher():
    from kurilwatch.match import get_matcher

    return get_matcher()


def place_spans(
    text: str, hits: Iterable[tuple[int, str, str]] | None = None
) -> list[tuple[int, str]]:
    """(offset, place) of each Kuril place a text names, one id per place in every script.

    `hits` are the matcher's (start, rule, matched text) over `text`, when the caller has
    them already; otherwise the matcher runs.
    """
    if hits is None:
        hits = [(h.start, h.rule, h.text) for h in _matcher().match(text).hits]
    found = []
    by_rule = _places_by_rule()
    for start, rule, matched in hits:
        what, key = by_rule.get(rule, ("", ""))
        if what == "island":
            found.append((start, key))
        elif what == "name" and matched.split():
            # The name itself: "Ebeko" of "Ebeko volcano", "Urup" of "Urup island".
            name = lexicon.name_key(matched.split()[0])
            if len(name) >= 2:
                found.append((start, name))
    return found


def places(text: str, hits: Iterable[tuple[int, str, str]] | None = None) -> frozenset[str]:
    """The Kuril places a text names (`hits` as for `place_spans`)."""
    return frozenset(place for _, place in place_spans(text, hits))


def sentence_tokens(
    sentence: str,
    lang: str,
    published: datetime | None,
    named: frozenset[str] | None = None,
) -> frozenset[str]:
    """A sentence's story tokens (see the module's docstring).

    `named` are its places, when the caller found them in the whole text at once.
    """
    tokens = set(_dateless_tokens(sentence, lang))
    found = places(sentence) if named is None else named
    tokens.update("p:" + p for p in found)
    # An island is a place, not also a name: it would count twice.
    tokens.difference_update("m:" + lexicon.name_key(p) for p in found)
    tokens.update(f"d:{d}" for d in lexicon.days(sentence, lang, published))
    return frozenset(tokens)


@lru_cache(maxsize=20_000)
def _dateless_tokens(sentence: str, lang: str) -> frozenset[str]:
    """The tokens that do not depend on the article's date; cached, as background recurs."""
    concepts = lexicon.concepts(sentence, lang)
    # The day of a date ("September 3", «3 сентября») is a day (`d:`), not a number: the
    # same day in Japanese (3日) is never one.
    tokens = {f"l:{lang}", *("n:" + n for n in lexicon.numbers(sentence, lang, dates=False))}
    for concept in concepts:
        if concept.startswith("#"):
            continue
        elif concept.startswith("="):
            name = concept[1:]
            if name in lexicon.KINDS:
                tokens.add("k:" + name)
            if name not in lexicon.GENERIC:
                tokens.add("w:" + concept)
        elif len(concept) >= 3 and not lexicon.is_date_word(concept, lang):
            # Weekdays and months are compared as days (`d:`), not as words.
            tokens.add("w:" + concept)
    tokens.update("m:" + n for n in lexicon.names(sentence, lang))
    return frozenset(tokens)


def title_tokens(
    title: str,
    lang: str,
    published: datetime | None,
    named: frozenset[str] | None = None,
) -> frozenset[str]:
    """A title's tokens, its places and kinds marked as the title's (`tp:`, `tk:`) too.

    A headline names the event's place and kind: two headlines naming different islands,
    or different kinds of event, are two events whatever their texts share.
    """
    tokens = sentence_tokens(title, lang, published, named)
    return tokens | {"t" + t for t in tokens if t.startswith(("p:", "k:"))}


def item_tokens(
    parts: Iterable[frozenset[str]], published: datetime | None = None
) -> frozenset[str]:
    """An item's tokens: the union of its title's and its lead sentences'.

    A report that names no day of its own tells of its publication day (the day its
    dateline gives, which the sentences have without it): that day is its `d:`.
    """
    tokens = frozenset().union(*parts)
    if published is not None and not any(t.startswith("d:") for t in tokens):
        tokens |= {f"d:{published.day}"}
    return tokens


# The islands' keys in the matcher's table of places (rules.PLACES; the Habomai islets are
# Habomai's), written out so that comparing stories, which the writing process does for
# every new item, never loads that table: importing it compiles the matcher's patterns
# (50-70 ms of a cold fetch's writer). A test holds this set to the table.
ISLANDS = frozenset({"habomai", "iturup", "kunashir", "shikotan"})


@lru_cache(maxsize=20_000)
def _split(tokens: frozenset[str]) -> dict[str, frozenset[str]]:
    """The tokens by kind; cached, as a new item is compared with the same stored ones."""
    groups: dict[str, set[str]] = {"l": set(), "w": set(), "p": set(), "n": set()}
    groups.update(k=set(), m=set(), d=set(), tp=set(), tk=set())
    for token in tokens:
        prefix, sep, rest = token.partition(":")
        if sep and prefix in groups:
            groups[prefix].add(rest)
        else:
            groups["w"].add(token)
    # The four islands are places to compare; any other place counts as a name.
    groups["i"] = groups["p"] & ISLANDS
    groups["ti"] = groups.pop("tp") & ISLANDS
    groups["m"] |= groups["p"] - ISLANDS
    # Its years and its other numbers, for `_comparable`, which runs for every pair.
    groups["ny"] = {n for n in groups["n"] if _is_year(n)}
    groups["no"] = groups["n"] - groups["ny"]
    return {kind: frozenset(members) for kind, members in groups.items()}


def _number_weight(number: str) -> float:
    try:
        return _SMALL_NUMBER if float(number) <= 31 else _NUMBER
    except ValueError:
        return _SMALL_NUMBER


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and number[:2] in ("19", "20")


def _comparable(x: dict[str, frozenset[str]], y: dict[str, frozenset[str]]) -> bool:
    """Whether two reports' numbers (their tokens by kind, `_split`) count the same kind of
    thing: years against years, other numbers against others ("two accords" is no other
    year than "1991 and 1999")."""
    return bool((x["ny"] and y["ny"]) or (x["no"] and y["no"]))


def score(a: frozenset[str], b: frozenset[str]) -> float:
    """How strongly two items' tokens say they report one event."""
    x, y = _split(a), _split(b)
    if x["ti"] and y["ti"] and x["ti"].isdisjoint(y["ti"]):
        return 0.0  # headlines on two different islands: two events, however alike
    total = 0.0
    if not x["l"] or not y["l"] or not x["l"].isdisjoint(y["l"]):
        words_x, words_y = x["w"], y["w"]
        if words_x or words_y:
            shared = len(words_x & words_y)
            total += _WORDS * shared / (len(words_x) + len(words_y) - shared)
    islands = x["i"] & y["i"]
    total += _PLACE * len(islands)
    numbers = x["n"] & y["n"]
    if numbers:
        total += sum(sorted(map(_number_weight, numbers), reverse=True)[:2])
    kinds = x["k"] & y["k"]
    total += _KIND * min(4, len(kinds))
    # Other places are names: Severo-Kurilsk is a place in one report, a name in another.
    total += _NAME * min(2, len(x["m"] & y["m"]))
    total += _DAY * (not x["d"].isdisjoint(y["d"]))
    if not islands and x["i"] and y["i"]:
        total -= _PLACE_CONFLICT
    if x["tk"] and y["tk"] and x["tk"].isdisjoint(y["tk"]):
        total -= _KIND_CONFLICT
    if not kinds and x["k"] and y["k"]:
        total -= _KIND_CONFLICT
    if not numbers and _comparable(x, y):
        total -= _NUMBER_CONFLICT
    return total
