"""Forms of one word as the stemmer leaves them: the one rule the query's token match, the BM25
postings and the record tables' words follow."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
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


def same_word(a: str, b: str) -> bool:
    """`b` is `a` or another form of it under the rule above: `token_matches(a, {b})`, without
    building a set and a generator for one word."""
    if a == b:
        return True
    if not a.isalpha() or len(a) < 3:
        return False
    if len(b) < len(a):
        return len(b) >= max(3, len(a) - STEM_SLACK) and a.startswith(b)
    return len(b) - len(a) <= STEM_SLACK and b.startswith(a) and b.isalpha()


_NONE: frozenset[str] = frozenset()


class WordTable:
    """Which of a set of words (one question's: Query.words) each token satisfies under the rule
    above (equal, or another form of it), built once from an index's vocabulary: the words a
    token set matches are then a set intersection and a union of a few small sets, not a test
    of every word. `vocab`: the vocabulary (a dict or set, for membership), `ordered`: it sorted.
    A token outside the vocabulary is tested against every word, once per table."""

    __slots__ = ("words", "vocab", "_table", "_keys", "_outside")

    def __init__(self, words: AbstractSet[str], vocab: AbstractSet[str] | Mapping[str, object],
                 ordered: Sequence[str]) -> None:
        self.words = words
        self.vocab = vocab
        table: dict[str, set[str]] = {}
        for w in words:
            table.setdefault(w, set()).add(w)
            for form in other_forms(w, vocab.keys() if isinstance(vocab, Mapping) else vocab, ordered):
                table.setdefault(form, set()).add(w)
        self._table = {t: frozenset(ws) for t, ws in table.items()}
        self._keys = frozenset(self._table)
        self._outside: dict[str, frozenset[str]] = {}

    def matched(self, tokens: AbstractSet[str], outside: AbstractSet[str]) -> frozenset[str]:
        """The words some token of `tokens` satisfies; `outside`: its tokens not in `vocab`
        (the caller keeps them per token set)."""
        held = self._keys.intersection(tokens)
        if not outside and len(held) <= 1:  # most heading and many passage sets: no union to build
            return self._table[next(iter(held))] if held else _NONE
        parts = [self._table[t] for t in held]
        for t in outside:
            got = self._outside.get(t)
            if got is None:
                got = self._outside[t] = frozenset(w for w in self.words
                                                   if w == t or next(other_forms(w, {t}), None) is not None)
            if got:
                parts.append(got)
        return frozenset().union(*parts)


class FormSet:
    """A few words (one question's own) asked for many words whether they hold a form of them
    (`token_matches(word, words)`, the rule above) by set lookups: a word's longer forms among
    them are the words it is a prefix of, kept as the set of their prefixes. Each answer kept."""

    __slots__ = ("words", "_prefixes", "_seen")

    def __init__(self, words: AbstractSet[str]) -> None:
        self.words = words
        self._prefixes = frozenset(w[:k] for w in words if w.isalpha() and len(w) >= 3
                                   for k in range(max(3, len(w) - STEM_SLACK), len(w)))
        self._seen: dict[str, bool] = {}

    def matches(self, word: str) -> bool:
        got = self._seen.get(word)
        if got is None:
            words, n = self.words, len(word)
            # a shorter form: word less its last 1, 2 or 3 letters (STEM_SLACK = 3), 3 letters at least
            got = self._seen[word] = word in words or (word.isalpha() and n >= 3 and (
                word in self._prefixes or (n >= 4 and word[:-1] in words) or (n >= 5 and word[:-2] in words)
                or (n >= 6 and word[:-3] in words)))
        return got
