"""How a question is covered by a set of tokens: the share of its idf mass whose terms the
tokens satisfy, exactly or by another form of the word, what it asks for, and what no document
of the index holds. The retriever's rerank, the sentence scoring and the structured answerers
all measure with it; relevance.py names the features built on it. Which of its words are names,
and which documents write them, is question_names.py's (a base of QuestionCoverage)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from assistant.bm25 import BM25Index
from assistant.query import Query, Term, TokenLookup
from assistant.question_names import QuestionNames
from assistant.store import Store
from assistant.text import is_english
from assistant.types import Chunk
from assistant.wordforms import WordTable

Tokens = AbstractSet[str] | TokenLookup
# The share of the question's idf mass a fact-sheet passage must hold for a value read from it to
# answer (the sheet answerer and the call book both test it).
MIN_COVERAGE = 0.5
# The last question's: (query, BM25 index, term weights, their sum, coverage and exact coverage by
# the set of its words matched or held, its words by the index tokens satisfying them)
_Memo = tuple[Query, BM25Index, list[float], float, dict[object, float], WordTable]
_LOOKUPS = 16384  # cached TokenLookups of the store's per-chunk token sets; cleared when full


def _lookup(tokens: Tokens) -> TokenLookup:
    return tokens if isinstance(tokens, TokenLookup) else TokenLookup(tokens)


def _satisfaction(term: Term, matched: AbstractSet[str]) -> float:
    """1 when the passage holds the word; for a concept (several words documents use for it),
    more of its words is a surer match ("data limită de depunere" over "se depun").
    `matched`: the question's words the passage matches (TokenLookup.matched of its WordTable)."""
    hits = len(term.alternatives & matched)
    if hits:
        return 1.0 if not term.asks else min(1.0, 0.6 + 0.2 * (hits - 1))
    return 0.0 if term.partial.isdisjoint(matched) else 0.5


class QuestionCoverage(QuestionNames):
    """Coverage measures over one store, with the caches they need (a mixin of HybridRetriever:
    `_init_coverage` in its constructor)."""

    store: Store

    def _init_coverage(self, store: Store) -> None:
        self.store = store
        self._init_names()
        # Term weights of the last query (coverage is asked hundreds of times per question), and
        # its coverage by each set of its words a passage matches (many passages match the same).
        self._weights: _Memo | None = None
        # TokenLookups of the store's cached token sets, by the set's identity (the set is kept
        # in the entry, so its id cannot be reused while the entry lives).
        self._lookups: dict[int, tuple[AbstractSet[str], TokenLookup]] = {}
        # The context lookup of each chunk object (asking the store builds the context text
        # again to find its cached tokens).
        self._contexts: dict[str, tuple[Chunk, TokenLookup]] = {}
        self._passages: dict[str, tuple[Chunk, TokenLookup, TokenLookup, TokenLookup]] = {}  # passage_lookups()

    def idf(self, token: str) -> float:
        return self.store.bm25.idf(token)

    def coverage(self, query: Query, tokens: Tokens) -> float:
        """Share of the question's idf mass whose terms the tokens satisfy: a function of the
        question's words they match, so computed once per such set and question."""
        return self.coverage_of(query, _lookup(tokens).matched(self.word_table(query)))

    def coverage_of_union(self, query: Query, lookups: tuple[TokenLookup, ...]) -> float:
        """`coverage` of the union of the lookups' sets (TokenLookup.union's), without building
        the union lookup: the sets' matched words united."""
        table = self.word_table(query)
        return self.coverage_of(query, frozenset().union(*(lookup.matched(table) for lookup in lookups)))

    def coverage_of(self, query: Query, matched: frozenset[str]) -> float:
        """`coverage` from the question's words the tokens match (TokenLookup.matched of the
        question's `word_table`), kept per set for the last question and index."""
        _, _, weights, total, memo, _ = self._question_memo(query)
        got = memo.get(matched)
        if got is None:
            got = 0.0
            for term, w in zip(query.terms, weights, strict=True):
                got += w * _satisfaction(term, matched)
            got = memo[matched] = got / total if total else 0.0
        return got

    def exact_coverage(self, query: Query, tokens: AbstractSet[str]) -> float:
        """Share of the question's idf mass whose terms the tokens hold in the very form the
        question's words stem to: a stem is a prefix of many longer, different words."""
        _, _, weights, total, memo, _ = self._question_memo(query)
        held = query.words.intersection(tokens)  # what the measure depends on: kept per such set
        got = memo.get(("exact", held))
        if got is None:
            got = sum(w for term, w in zip(query.terms, weights, strict=True) if not term.alternatives.isdisjoint(held))
            got = memo[("exact", held)] = got / total if total else 0.0
        return got

    def missing_mass(self, query: Query, without: str | None = None,
                     within: AbstractSet[str] | None = None) -> tuple[float, float]:
        """Shares of the question's idf mass whose terms no passage of the index holds in any
        form: (of all its terms, of the names it writes). A question whose names the documents
        never mention is about something else; a missing verb is more often a paraphrase.
        `without`: count a word only one document (this one) holds as missing too (the fit
        asks questions of the index as if it lacked their document). `within`: only these
        documents count as the index (a question naming a call is answered from its documents)."""
        weights, total = self._term_weights(query)
        bm25 = self.store.bm25
        gone = names = names_total = 0.0
        for term, w in zip(query.terms, weights, strict=True):
            named = bool(set(term.weight_tokens) & query.names)
            forms = term.alternatives | term.partial
            # A name is matched in its own form only: "Josh" is not a form of "jos".
            rows = [bm25.postings(a) for a in forms if not named or bm25.holds_exact(a)]
            absent = self.absent_from(rows, without, within)
            gone += w * absent
            names_total += w * named
            names += w * (absent and named)
        if is_english(query.text):
            # Its own words are in another language than the documents (the glossary translates
            # only funding terms): only the names it writes say whether they are about it.
            gone = names
        return (gone / total if total else 0.0), (names / total if total else 0.0)

    def _term_weights(self, query: Query) -> tuple[list[float], float]:
        """Each term's weight and their sum (summed in term order, as coverage always did),
        computed once per query and index."""
        memo = self._question_memo(query)
        return memo[2], memo[3]

    def _question_memo(self, query: Query) -> _Memo:
        """(query, index, term weights, their sum, coverage by matched words) of the last query;
        a new query or a new BM25 index starts a new one (read into a local: requests at once
        each get a whole tuple)."""
        memo = self._weights
        if memo is None or memo[0] is not query or memo[1] is not self.store.bm25:
            weights = [self._term_weight(term) for term in query.terms]
            total = 0.0
            for w in weights:
                total += w
            memo = self._weights = (query, self.store.bm25, weights, total, {},
                                    WordTable(query.words, *self.store.bm25.vocabulary()))
        return memo

    def word_table(self, query: Query) -> WordTable:
        """The question's words by the index tokens satisfying them (wordforms.WordTable), built
        once per question and index: TokenLookup.matched reads it."""
        return self._question_memo(query)[5]

    def cached_lookup(self, tokens: AbstractSet[str]) -> TokenLookup:
        """The TokenLookup of one of the store's cached token sets (tokens_of and the like),
        built once per set."""
        got = self._lookups.get(id(tokens))
        if got is None or got[0] is not tokens:
            if len(self._lookups) >= _LOOKUPS:
                self._lookups.clear()
            got = self._lookups[id(tokens)] = (tokens, TokenLookup(tokens))
        return got[1]

    def context_lookup(self, chunk: Chunk) -> TokenLookup:
        """The TokenLookup of the store's context tokens of a chunk, kept per chunk object."""
        got = self._contexts.get(chunk.id)
        if got is None or got[0] is not chunk:
            if len(self._contexts) >= _LOOKUPS:
                self._contexts.clear()
            got = self._contexts[chunk.id] = (chunk, self.cached_lookup(self.store.context_tokens_of(chunk)))
        return got[1]

    def asks_satisfaction(self, query: Query, tokens: Tokens) -> float:
        """How well tokens hold what the question asks for (its concept terms); 0 without any."""
        return self.asks_of(query, _lookup(tokens).matched(self.word_table(query)))

    def asks_of(self, query: Query, matched: frozenset[str]) -> float:
        """`asks_satisfaction` from the question's words the tokens match (TokenLookup.matched),
        kept per such set for the last question, as `coverage_of`."""
        memo = self._question_memo(query)[4]
        got = memo.get(("asks", matched))
        if got is None:
            asks = [t for t in query.terms if t.asks]
            got = memo[("asks", matched)] = sum(_satisfaction(t, matched) for t in asks) / len(asks) if asks else 0.0
        return got

    def passage_lookups(self, chunk: Chunk) -> tuple[TokenLookup, TokenLookup, TokenLookup]:
        """The lookups of a passage's own tokens, of its context's and of its heading's
        (`cached_lookup` of the store's token sets), kept per chunk object: the rerank asks
        them of every candidate of every question."""
        got = self._passages.get(chunk.id)
        if got is None or got[0] is not chunk:
            if len(self._passages) >= _LOOKUPS:
                self._passages.clear()
            got = self._passages[chunk.id] = (chunk, self.cached_lookup(self.store.tokens_of(chunk)),
                                              self.context_lookup(chunk),
                                              self.cached_lookup(self.store.heading_tokens_of(chunk)))
        return got[1], got[2], got[3]

    def _term_weight(self, term: Term) -> float:
        idf = sum(self.idf(t) for t in term.weight_tokens) / max(1, len(term.weight_tokens)) ** 0.5
        return idf * term.factor

