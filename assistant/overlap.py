"""How much of a question's wording a text repeats, beyond its words one by one: its adjacent
word pairs standing adjacent in the text too (`phrase_coverage`), and its character 4-grams
(`gram_coverage`, which other forms of a word the stemmer keeps apart still share). The
retriever and the sentence scoring both measure with them; relevance.py names the features."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assistant.query import Query
from assistant.text import bigrams, fold, stopwords

# Texts whose pairs and grams are kept (a passage's sentences come back question after question):
# pure functions of the text, so caching changes no result.
_TEXTS = 16384


@lru_cache(maxsize=_TEXTS)
def sentence_pairs(sentence: str) -> frozenset[tuple[str, str]]:
    """bigrams of a sentence, kept by the sentence (phrase_coverage of every sentence read)."""
    return bigrams(sentence)


PairWeights = tuple[tuple[tuple[tuple[str, str], float], ...], float]


def pair_weights(query: Query, idf: Callable[[str], float]) -> PairWeights:
    """The question's word pairs, each with its idf mass, and their sum: what `phrase_coverage`
    weighs, computed once for all the passages of one question."""
    weighted = tuple((p, idf(p[0]) + idf(p[1])) for p in query.pairs)
    return weighted, sum(w for _, w in weighted)


def phrase_coverage(query: Query, pairs: frozenset[tuple[str, str]], idf: Callable[[str], float],
                    weights: PairWeights | None = None) -> float:
    """Share of the idf mass of the question's adjacent word pairs that stand adjacent in the
    text too: a name of several words ("Ateliere verzi") is matched as written, not by its
    words scattered over a passage about something else. 0 for a question of one word.
    `weights`: `pair_weights(query, idf)`, when the caller measures many passages."""
    if pairs.isdisjoint(query.pairs):  # most passages: no idf asked
        return 0.0
    weighted, total = weights if weights is not None else pair_weights(query, idf)
    if not total:
        return 0.0
    return sum(w for p, w in weighted if p in pairs) / total


_LETTERS = re.compile(r"[a-z0-9]+")
GRAM = 4


@lru_cache(maxsize=_TEXTS)
def char_grams(text: str) -> frozenset[str]:
    """Character 4-grams of a text's content words, folded (a word shorter than 4 is itself):
    forms of one word that the stemmer keeps apart ("viață" / "vieții", "trăit" / "trăiește")
    still share most of theirs."""
    sw = stopwords()
    out: set[str] = set()
    for word in _LETTERS.findall(fold(text)):
        if word in sw:
            continue
        out.update(word[i : i + GRAM] for i in range(max(1, len(word) - GRAM + 1)))
    return frozenset(out)


def gram_coverage(query: Query, grams: frozenset[str]) -> float:
    """Share of the question's character 4-grams the text holds."""
    asked = char_grams(query.text)
    return len(asked & grams) / len(asked) if asked else 0.0
