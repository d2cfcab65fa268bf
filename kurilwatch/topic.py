"""What a story is about, read from its words: the learned veto on the rules' weaker decisions.

The rules decide from where the islands' names stand; a look-alike no rule has seen yet (a
joke, a brand, a racehorse, another dispute compared with the Kurils) passes them. This
module reads the rest of the text, with the islands' own names masked out, and scores how
much its words read like a story about the islands (the dispute, the islands' life, their
fishing, their defence) rather than about something else (theatre, racing, food…).

The model is a logistic regression per language over the distinct word stems (English,
Russian) or character bigrams (Japanese) of the headline and text, trained by
`python -m kurilwatch.train_topic` on the labelled set in tests/data/relevance only; its
weights ship in topic_weights.json. Scoring is a sum of weights: no library at run time but
the stemmer the package already uses.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("topic_weights.json")
# A text with fewer distinct features than this says too little of its subject for the
# model to overrule the rules ("Учения на Курилах" is a headline, not a story about drills).
MIN_FEATURES = {"ja": 40, "other": 15}

_LATIN_OR_CYRILLIC_WORD = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_JAPANESE_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")
# Function words carry no subject; dropping them keeps the weights file small.
_STOP_WORDS = (
    "the a an of to in on at for and or but is are was were be been by with from as that this "
    "it its his her their they he she we you i not no has have had will would said says "
    "и в во на с со по к ко о об от из за для не что это как а но же бы был была были быть "
    "он она они его ее её их у до при так то также"
)
_STOP = frozenset(_STOP_WORDS.split())


@cache
def _stemmer(language: str):
    import Stemmer

    return Stemmer.Stemmer(language)


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return _stemmer("russian" if _CYRILLIC.match(word) else "english").stemWord(word)


def masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each span (the islands' names) blanked out, offsets kept."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def features(text: str, lang: str) -> dict[str, str]:
    """The distinct features of a (masked) text, each with the first word it came from."""
    found: dict[str, str] = {}
    if lang == "ja":
        for run in _JAPANESE_RUN.findall(text):
            for i in range(len(run) - 1):
                found.setdefault(run[i : i + 2], run[i : i + 2])
        return found
    for m in _LATIN_OR_CYRILLIC_WORD.finditer(text):
        word = m.group(0).lower()
        if word not in _STOP:
            found.setdefault(_stem(word), word)
    return found


@dataclass(frozen=True)
class Score:
    probability: float  # that the words read as a story about the islands
    enough: bool  # whether the text has words enough for the score to mean anything
    against: tuple[str, ...]  # the text's words that weigh most against it


@dataclass(frozen=True)
class TopicModel:
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> TopicModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            {lang: m["bias"] for lang, m in data["models"].items()},
            {lang: m["weights"] for lang, m in data["models"].items()},
        )

    def score(self, text: str, lang: str) -> Score:
        """How much the (masked) text reads as a story about the islands."""
        weights = self.weights.get(lang, {})
        found = features(text, lang)
        weighed = [(weights[f], word) for f, word in found.items() if f in weights]
        probability = self._probability([w for w, _ in weighed], len(found), lang)
        against = tuple(word for w, word in sorted(weighed)[:3] if w < 0)
        enough = len(found) >= MIN_FEATURES["ja" if lang == "ja" else "other"]
        return Score(probability, enough, against)

    def probability(self, found: Collection[str], lang: str) -> float:
        """The probability for features already extracted (what the benchmark scores)."""
        weights = self.weights.get(lang, {})
        return self._probability([weights[f] for f in found if f in weights], len(found), lang)

    def _probability(self, weighed: list[float], count: int, lang: str) -> float:
        return _sigmoid(self.bias.get(lang, 0.0) + sum(weighed) / _norm(count))


def _norm(count: int) -> float:
    """A long text's many words weigh together as much as a lead's few."""
    return math.sqrt(max(1, count))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@cache
def shipped_model() -> TopicModel:
    """The model trained on the labelled set and shipped in the package."""
    return TopicModel.load()
