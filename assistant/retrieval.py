"""Hybrid retrieval: Romanian BM25 + Chroma vectors, weighted fusion into candidates, then a
rerank by the fitted passage model of `assistant.relevance`.

The fusion only picks the candidates (BM25 weight 1, the vector side `vector_weight`, because
equal-weight fusion with a weightless embedding loses to BM25 alone on Romanian text,
STACK-NOTES); their order is the passage model's logit over general features: each side's
rank, how the passage alone, with its context and with its heading covers the question's idf
mass, the names the question writes, what it asks for, and the share of it no document holds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

from assistant.coverage import QuestionCoverage
from assistant.features import bonus_features
from assistant.overlap import PairWeights, char_grams, gram_coverage, pair_weights, phrase_coverage
from assistant.query import Query, Term
from assistant.relevance import PASSAGE_FEATURES, Weights, load_weights, reciprocal_rank
from assistant.settings import Settings
from assistant.store import Store
from assistant.text import bigrams
from assistant.topk import top_indices
from assistant.types import Chunk, Passage
from assistant.values import has_value
from assistant.wordforms import WordTable

if TYPE_CHECKING:
    from llama_index.core.schema import NodeWithScore

    from assistant.llama_retriever import LlamaRetriever

logger = logging.getLogger(__name__)

RRF_K = 60
NAMED_CANDIDATES = 10  # passages of the documents a question names, always reranked
RECENT_SEARCHES = 8
PAIR_SETS = 4096  # passages whose word pairs the rerank keeps (a few KB each); cleared when full
# BM25 rank, BM25 score over the best, vector rank, joined as a named document's passage
Ranks = tuple[int | None, float, int | None, bool]
_ZEROS = dict.fromkeys(PASSAGE_FEATURES, 0.0)  # a candidate's features before any is measured
_IN_ORDER = itemgetter(*PASSAGE_FEATURES)  # a candidate's features in the model's order


class HybridRetriever(QuestionCoverage):
    """Retriever over our store; `search` gives typed passages to the answerers, `retrieve`
    and `as_llama_retriever` the llama-index interface (imported only when they are called)."""

    def __init__(self, store: Store, settings: Settings, weights: Weights | None = None) -> None:
        super().__init__()
        self._init_coverage(store)
        self.settings = settings
        self.weights = weights or load_weights(settings.relevance_weights)
        self._recent: dict[tuple[str, tuple[str, ...], str], list[Passage]] = {}
        self._recent_for: list[Chunk] | None = None
        self._pairs: dict[str, tuple[Chunk, frozenset[tuple[str, str]]]] = {}  # _passage_pairs()
        # Compute every passage feature, weighted or not (the fit reads them all: bench.fit).
        self.all_features = False

    def forget_recent(self) -> None:
        self._recent = {}
        self.store.forget_vectors()

    def document_coverage(self, query: Query,
                          holders: list[tuple[float, Term, set[str]]] | None = None) -> dict[str, float]:
        """Share of the names the question writes (a call, a cluster, an acronym) that each
        document holds, counting names some but not all documents hold; empty when there are
        none. A passage from a document that never names the call asked about is about
        something else, however well its other words match. `holders`: `_name_terms(query)`
        when the caller has them."""
        holders = self._name_terms(query) if holders is None else holders
        total = sum(w for w, _, _ in holders)
        got: dict[str, float] = {}
        for w, _, docs in holders:
            for d in docs:
                got[d] = got.get(d, 0.0) + w / total
        return got

    def identifying_names(self, query: Query) -> dict[str, set[str]]:
        """Per document, the names of the question that single it out: names written in at most
        a fifth of the documents (a call's code or acronym, not "România")."""
        limit = max(1, self.store.document_count() // 5)
        out: dict[str, set[str]] = {}
        for _w, term, docs in self._name_terms(query):
            if len(docs) <= limit:
                for d in docs:
                    out.setdefault(d, set()).update(term.weight_tokens)
        return out

    def _name_terms(self, query: Query) -> list[tuple[float, Term, set[str]]]:
        """(weight, term, documents holding it) for the names that tell documents apart."""
        n_docs = self.store.document_count()
        out = []
        for term in (t for t in query.terms if not t.asks and set(t.weight_tokens) & query.names):
            docs: set[str] = set()
            for alt in term.alternatives:
                docs.update(self.store.documents_of(alt))
            if 0 < len(docs) < n_docs:
                out.append((self._term_weight(term), term, docs))
        return out

    @staticmethod
    def _name_coverage(names: list[tuple[float, Term, set[str]]], matched: frozenset[str]) -> float:
        """Share of those names a passage holds, with its context; 1.0 when there are none.
        `matched`: the question's words the passage with its context matches (TokenLookup.matched)."""
        total = sum(w for w, _, _ in names)
        if not total:
            return 1.0
        got = sum(w for w, t, _ in names if not t.alternatives.isdisjoint(matched))
        return got / total

    def search(self, question: str | Query, k: int | None = None, without: str | None = None) -> list[Passage]:
        """The k best passages, best first. `without`: search as if the index lacked this
        document (its passages are no candidates; the fit asks questions of the index without
        their own document this way)."""
        query = question if isinstance(question, Query) else Query.parse(question)
        k = k or self.settings.top_k
        chunks = self.store.ordered_chunks()
        if not chunks or not query.tokens:
            return []
        # The structured answerers and the answer itself may search the same question: once per
        # question (`forget_recent` at each new question, so repeated questions cost the same).
        if self._recent_for is not chunks:  # the index changed: forget what was searched
            self._recent, self._recent_for = {}, chunks
        key = (query.text, tuple(query.tokens), without or "")
        ranked = self._recent.get(key)
        if ranked is None:
            candidates = self._fuse(query, chunks, without)
            ranked = self._rerank(query, candidates)
            if len(self._recent) >= RECENT_SEARCHES:
                self._recent.clear()
            self._recent[key] = ranked
        return list(ranked[:k])

    def _fuse(self, query: Query, chunks: list[Chunk], without: str | None = None) -> dict[str, Ranks]:
        """The candidates (the best `candidates` by weighted RRF), each with its rank in BM25's
        and the vector side's lists."""
        n = self.settings.candidates
        scores = self.store.bm25_scores(query.tokens)
        if without is not None:
            scores = np.where(self.store.document_mask({without}), 0.0, scores)
        top = top_indices(scores, n)
        fused: dict[str, float] = {}
        bm25_rank: dict[str, int] = {}
        vector_rank: dict[str, int] = {}
        best = float(scores[top[0]]) if len(top) else 0.0
        for rank, (i, score) in enumerate(zip(top.tolist(), scores[top].tolist(), strict=True)):
            if score > 0:
                fused[chunks[i].id] = 1.0 / (RRF_K + rank)
                bm25_rank[chunks[i].id] = rank
        row = self.store.row_of
        windows = self.store.nearest_windows(query.text, n + (n if without is not None else 0))
        windows = [(w, sim) for w, sim in windows if self.store.chunks[w[0]].document != without][:n]
        # A vector stands for one chunk (a small index, searched exactly) or for a window of
        # consecutive chunks (Chroma's search of a large one): each of its chunks takes its rank.
        for rank, (w, _sim) in enumerate(windows):
            for cid in w:
                fused[cid] = fused.get(cid, 0.0) + self.settings.vector_weight / (RRF_K + rank)
                vector_rank[cid] = rank
        ranked = sorted(fused, key=lambda cid: -fused[cid])[:n]
        out: dict[str, Ranks] = {
            cid: (bm25_rank.get(cid), float(scores[row(cid)]) / best if best > 0 else 0.0, vector_rank.get(cid), False)
            for cid in ranked}
        # The question names a call or project few documents hold: their best passages join the
        # candidates even when look-alike documents fill BM25's top list.
        named = self._named_documents(query)
        if named:
            # their scoring rows only (rows ascend, so ties still go by index), not every row
            inside = np.flatnonzero(self.store.document_mask(named) & (scores > 0))
            for i in inside[top_indices(scores[inside], NAMED_CANDIDATES)].tolist():
                if chunks[i].id not in out:
                    out[chunks[i].id] = (None, float(scores[i]) / best, None, True)
        return out

    def _named_documents(self, query: Query) -> set[str]:
        """The documents that hold the most of the names the question writes, when that is not
        every document; empty when the question names nothing that tells documents apart."""
        by_document = self.document_coverage(query)
        if not by_document:
            return set()
        best = max(by_document.values())
        return {d for d, cov in by_document.items() if cov >= best - 1e-9}

    def _rerank(self, query: Query, candidates: dict[str, Ranks]) -> list[Passage]:
        """The candidates ordered by the passage model's logit over their features: each
        candidate's measures from the question's words it matches (one set per token set,
        TokenLookup.matched), the gaps and the model's sum over all candidates at once (numpy).
        Features the model gives no weight are left at 0 (all are computed for the fit:
        `all_features`)."""
        if not candidates:
            return []
        names = self._name_terms(query)
        asked = _Asked(names, self.document_coverage(query, names), pair_weights(query, self.idf),
                       self.word_table(query), self._question_memo(query)[4], query.intent.typed,
                       frozenset(query.pairs))
        model = self.weights.passage
        need = frozenset(PASSAGE_FEATURES) if self.all_features else model.weighed() | {"doc_cov", "name_cov"}
        rows = [self._features(query, self.store.chunks[cid], ranks, asked, need) for cid, ranks in candidates.items()]
        x = np.array([_IN_ORDER(r) for r in rows], dtype=float)
        for feature, gap in (("own_cov", "own_gap"), ("ctx_cov", "ctx_gap")):  # as relevance.with_gaps
            if gap in need:
                f = x[:, PASSAGE_FEATURES.index(feature)]
                x[:, PASSAGE_FEATURES.index(gap)] = f - f.max()
        out = [Passage(chunk=self.store.chunks[cid], score=s, document_coverage=r["doc_cov"],
                       name_coverage=r["name_cov"], features=tuple(row))
               for cid, s, r, row in zip(candidates, model.logits(x).tolist(), rows, x.tolist(), strict=True)]
        out.sort(key=lambda p: -p.score)
        return out

    def _features(self, query: Query, chunk: Chunk, ranks: Ranks, asked: _Asked,
                  need: frozenset[str]) -> dict[str, float]:
        """Every passage feature of one candidate, those in `need` measured (gaps excepted: they
        compare candidates), the others 0. The measures kept per set of matched words are read
        from the question's memo directly (`coverage_of`, `exact_coverage` and `asks_of` compute
        what it lacks)."""
        bm25_rank, bm25_ratio, vector_rank, named_extra = ranks
        table, memo = asked.table, asked.memo
        own_lookup, context_lookup, heading_lookup = self.passage_lookups(chunk)
        own = own_lookup.matched(table)
        with_ctx = own | context_lookup.matched(table)  # what the union of both matches
        names = asked.names
        r = {**_ZEROS, "bm25_rr": reciprocal_rank(bm25_rank), "bm25_ratio": bm25_ratio,
             "vector_rr": reciprocal_rank(vector_rank), "named_extra": float(named_extra),
             "doc_cov": asked.by_document.get(chunk.document, 0.0) if asked.by_document else 1.0,
             "name_cov": self._name_coverage(names, with_ctx) if names else 1.0}
        if "own_cov" in need or "own_gap" in need:  # a table row cannot repeat its table's name: read with it
            held = with_ctx if chunk.kind == "table" else own
            got = memo.get(held)
            r["own_cov"] = self.coverage_of(query, held) if got is None else got
        if "ctx_cov" in need or "ctx_gap" in need:
            got = memo.get(with_ctx)
            r["ctx_cov"] = self.coverage_of(query, with_ctx) if got is None else got
        if "exact_cov" in need:
            got = memo.get(("exact", query.words.intersection(self.store.tokens_of(chunk))))
            r["exact_cov"] = self.exact_coverage(query, self.store.tokens_of(chunk)) if got is None else got
        if "heading_cov" in need:
            held = heading_lookup.matched(table)
            got = memo.get(held)
            r["heading_cov"] = self.coverage_of(query, held) if got is None else got
        if "phrase_cov" in need:  # most passages hold none of the question's pairs: no idf asked
            pairs = self._passage_pairs(chunk)
            r["phrase_cov"] = 0.0 if pairs.isdisjoint(asked.question_pairs) else phrase_coverage(
                query, pairs, self.idf, asked.pairs)
        if "doc_phrase_cov" in need:
            pairs = self.store.document_pairs(chunk.document)
            r["doc_phrase_cov"] = 0.0 if pairs.isdisjoint(asked.question_pairs) else phrase_coverage(
                query, pairs, self.idf, asked.pairs)
        if "gram_cov" in need:
            r["gram_cov"] = gram_coverage(query, char_grams(chunk.text))
        if "asks" in need:
            got = memo.get(("asks", with_ctx))
            r["asks"] = self.asks_of(query, with_ctx) if got is None else got
        if "typed_value" in need:
            typed = asked.typed
            r["typed_value"] = float(bool(typed) and any(has_value(chunk.text, kind) for kind in typed))
        if "shape" in need:
            r["shape"] = bonus_features(query, chunk.text)
        return r

    def _passage_pairs(self, chunk: Chunk) -> frozenset[tuple[str, str]]:
        """Word pairs of a passage's text and of its context, kept per chunk object (the same
        candidates come back question after question; a chunk read again is another object)."""
        got = self._pairs.get(chunk.id)
        if got is None or got[0] is not chunk:
            if len(self._pairs) >= PAIR_SETS:
                self._pairs.clear()
            got = self._pairs[chunk.id] = (chunk, bigrams(chunk.text) | bigrams(chunk.context()))
        return got[1]

    def as_llama_retriever(self) -> LlamaRetriever:
        """This retriever as a llama-index BaseRetriever."""
        from assistant.llama_retriever import LlamaRetriever

        return LlamaRetriever(self)

    def retrieve(self, query: str) -> list[NodeWithScore]:
        """llama-index's `retrieve`: the passages of `search` as NodeWithScore, best first."""
        return self.as_llama_retriever().retrieve(query)


@dataclass(frozen=True)
class _Asked:
    """What the rerank measures every candidate against, once per question: the names that
    tell documents apart (`_name_terms`), each document's share of them, the question's word
    pairs with their idf (overlap.pair_weights)."""

    names: list[tuple[float, Term, set[str]]]
    by_document: dict[str, float]
    pairs: PairWeights
    table: WordTable  # the question's word table (coverage.word_table)
    memo: dict[object, float]  # its coverage measures by matched set (coverage._question_memo)
    typed: frozenset[str]  # the kinds of value it asks (Intent.typed)
    question_pairs: frozenset[tuple[str, str]]  # its word pairs (Query.pairs; a set: hashed once)
