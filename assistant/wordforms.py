"""Forms of one word as the stemmer leaves them: the one rule the query's token match, the BM25
postings and the record tables' words follow."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet

# Forms of one word differ by a short ending ("clust"/"cluster", "activ"/"activeaz"); a longer
# extension is another word ("cluster"/"clusterpolisee"). Matching and BM25 postings use it.
STEM_SLACK = 3


def other_forms(word: str, vocab: AbstractSet[str], ordered: Sequence[str] | None = None) -> Iterator[str]:
    """The words of vocab that are other forms of `word` as the stemmer leaves them: alphabetic,
    3+ letters, one the prefix of the other and longer by at most STEM_SLACK letters ("clust" /
    "cluster", "elig" / "eligib"). `ordered` (vocab sorted) is bisected for the longer forms;
    without it vocab is scanned. `word` itself is not yielded. The one rule of word-form
    matching: the query's token match, BM25 postings and the record tables' words use it."""
    if not word.isalpha() or len(word) < 3:
        return
    for k in range(max(3, len(word) - STEM_SLACK), len(word)):  # a shorter form: one of word's prefixes
        if word[:k] in vocab:
            yield word[:k]
    if ordered is None:
        yield from (t for t in vocab if t != word and t.startswith(word) and t.isalpha()
                    and len(t) - len(word) <= STEM_SLACK)
        return
    for i in range(bisect_left(ordered, word), len(ordered)):  # longer forms: from the first not before word
        t = ordered[i]
        if not t.startswith(word):
            return
        if t != word and t.isalpha() and len(t) - len(word) <= STEM_SLACK:
            yield t


# A Romanian verb's present tense adds a suffix its other forms lack: "construiește" / "construiesc"
# (stems "construiest", "construi") beside "construit", "construirea"; "lucrează" ("lucreaz") beside
# "lucrat". The stemmer keeps the suffix, so the present form is not a form of the others.
_PRESENT_SUFFIXES = ("est", "esc", "eaz")
MIN_VERB_BASE = 4  # letters a base must keep to be a verb's and not a short word's prefix


def verb_base(stem: str) -> str | None:
    """The stem of a Romanian present-tense verb form without its -ește/-esc/-ează suffix
    ("construiest" -> "construi", "lucreaz" -> "lucr"): its other forms (the participle, the
    infinitive's noun) are forms of the base; None when the stem ends otherwise or the base
    would be shorter than MIN_VERB_BASE letters."""
    for suffix in _PRESENT_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_VERB_BASE and stem.isalpha():
            return stem[: -len(suffix)]
    return None
