"""The `search` query language: the user's words taken literally, and a few operators.

Every plain word is searched for exactly as typed, hyphens, apostrophes, colons and
brackets included (`Yuzhno-Kurilsk`, `Russia's`, `col:Iturup`, `«Шикотан»`, `「択捉」`);
a straight apostrophe and a typographic one (' and ’) count as the same. Each word
becomes a quoted FTS5 string, so nothing the user types is ever read as FTS5 syntax.
The operators are `"exact phrase"`, `OR` and `NOT` (upper case, as words of their own) and
a trailing `*` (`prefix*`). A query is one or more alternatives joined by OR; each
alternative is words that must all occur, and words after NOT that must not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kurilwatch.errors import UsageError

# The trigram index holds three-character substrings: a shorter term matches no row in it.
TRIGRAM = 3

_WORD_CHAR = re.compile(r"\w")
HELP = 'words, "a phrase", OR, NOT, prefix*'


@dataclass(frozen=True)
class Term:
    text: str  # what must occur, exactly (case aside)
    phrase: bool = False

    @property
    def variants(self) -> list[str]:
        """The spellings that count as this term: a typed ' also finds the typographic ’."""
        if "'" not in self.text and "’" not in self.text:
            return [self.text]
        return sorted({self.text.replace("’", "'"), self.text.replace("'", "’")})


@dataclass
class Alternative:
    """Every `required` term occurs and no `excluded` one does."""

    required: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)


@dataclass(frozen=True)
class Query:
    alternatives: list[Alternative]

    @property
    def terms(self) -> list[Term]:
        return [t for a in self.alternatives for t in (*a.required, *a.excluded)]

    @property
    def wanted(self) -> list[str]:
        """The terms a hit shows (for snippets): the required ones."""
        return [t.text for a in self.alternatives for t in a.required]

    @property
    def needs_substring_scan(self) -> bool:
        """True when a term is too short for the trigram index (国後, "EU")."""
        return any(len(t.text) < TRIGRAM for t in self.terms)

    def fts5(self) -> str:
        """The FTS5 MATCH expression: every term a quoted string, operators explicit."""

        def either(term: Term) -> str:
            return "(" + " OR ".join(map(_fts5_string, term.variants)) + ")"

        groups = []
        for alt in self.alternatives:
            group = "(" + " AND ".join(map(either, alt.required)) + ")"
            if alt.excluded:
                group += " NOT (" + " OR ".join(map(either, alt.excluded)) + ")"
            groups.append(f"({group})")
        return " OR ".join(groups)

    def substring_sql(self, column_sql: str) -> tuple[str, list[str]]:
        """A WHERE clause matching the same rows by substring, for `column_sql` (folded text).

        `column_sql` must be an SQL expression of the row's searchable text in the same case
        folding as `fold` applies to the terms.
        """
        groups, params = [], []
        for alt in self.alternatives:
            parts = []
            for term, joiner, test in [
                *((t, " OR ", "> 0") for t in alt.required),
                *((t, " AND ", "= 0") for t in alt.excluded),
            ]:
                parts.append(
                    "(" + joiner.join(f"instr({column_sql}, ?) {test}" for _ in term.variants) + ")"
                )
                params += [fold(v) for v in term.variants]
            groups.append("(" + " AND ".join(parts) + ")")
        return "(" + " OR ".join(groups) + ")", params


def fold(text: str) -> str:
    """Case folding for the substring scan (SQLite's own lower() knows only ASCII)."""
    return text.casefold()


def _fts5_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def parse_query(query: str) -> Query:
    """The user's query -> a Query; UsageError (one line) when its operators do not add up."""
    tokens = _tokens(query)
    alternatives: list[Alternative] = []
    current = Alternative()
    negate = False
    previous: str | None = None  # the last operator seen, for the messages
    for kind, text in tokens:
        if kind == "OR":
            if negate:
                _refuse(query, "NOT must be followed by a word or a phrase")
            if not current.required and not current.excluded:
                _refuse(query, "OR needs a word or a phrase on each side")
            alternatives.append(current)
            current, previous = Alternative(), "OR"
        elif kind == "NOT":
            if negate:
                _refuse(query, "NOT must be followed by a word or a phrase")
            negate, previous = True, "NOT"
        else:
            term = Term(text, phrase=kind == "phrase")
            (current.excluded if negate else current.required).append(term)
            negate, previous = False, None
    if negate:
        _refuse(query, "NOT must be followed by a word or a phrase")
    if previous == "OR":
        _refuse(query, "OR needs a word or a phrase on each side")
    if current.required or current.excluded:
        alternatives.append(current)
    if not alternatives:
        raise UsageError(f"nothing to search for in {query!r}: give a word or a phrase")
    for alt in alternatives:
        if not alt.required:
            _refuse(query, "NOT needs a word before it ('a NOT b' finds a without b)")
    return Query(alternatives)


def _refuse(query: str, why: str) -> None:
    raise UsageError(f"cannot search for {query!r}: {why} (a query is {HELP})")


def _tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: kind is "word", "phrase", "OR" or "NOT"."""
    if query.count('"') % 2:
        _refuse(query, 'a double quote opens a phrase that is never closed ("…")')
    tokens: list[tuple[str, str]] = []
    # Outside quotes (even positions) are words; inside (odd positions) are phrases.
    for position, part in enumerate(query.split('"')):
        if position % 2:
            phrase = " ".join(part.split())
            if not _WORD_CHAR.search(phrase):
                _refuse(query, "a phrase needs a word in it")
            tokens.append(("phrase", phrase))
            continue
        for word in part.split():
            if word in ("OR", "NOT"):
                tokens.append((word, word))
            elif word == "AND":
                continue  # the default between words: accepted, and means nothing more
            elif word.endswith("*"):
                stem = word.rstrip("*")
                if not _WORD_CHAR.search(stem):
                    _refuse(
                        query, f"{word!r}: * ends a word, as in Kuril*, and needs one before it"
                    )
                # The index matches inside words already, so a prefix is its stem.
                tokens.append(("word", stem))
            elif _WORD_CHAR.search(word):
                tokens.append(("word", word))
            # A word of punctuation alone (a dash between words) holds nothing to find.
    return tokens
