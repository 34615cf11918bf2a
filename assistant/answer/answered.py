"""The answered model's features (relevance.ANSWERED_FEATURES) of a question's scored
sentences: what `ExtractiveAnswerer` weighs to abstain, and what `python -m bench.fit` fits it on."""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet

from assistant.answer.evidence import Evidence
from assistant.query import Query
from assistant.relevance import answered_vector
from assistant.retrieval import HybridRetriever
from assistant.types import Passage

SENTENCES_SCORED = 20  # best sentences the answered model looks at
AGREEMENT_PASSAGES = 5  # the passages an answer shows (Settings.top_k's default), whose documents agreement counts


def answered_features(retriever: HybridRetriever, query: Query, scored: list[Evidence],
                      passages: list[Passage], without: str | None = None,
                      within: AbstractSet[str] | None = None) -> list[float]:
    """relevance.ANSWERED_FEATURES of scored sentences (the fit calls it too, `without` a
    document as `HybridRetriever.missing_mass` takes it; `within`: the documents a question
    naming a call is answered from, which alone count as the index). The best sentence's document must
    hold what the question is about: an answer from a document that never writes it is
    about something else."""
    best = sorted(scored, key=lambda e: -e.logit)
    document = passages[best[0].passage_rank].chunk.document
    doc_cov = retriever.coverage(query, retriever.cached_lookup(retriever.store.document_tokens(document)))
    shown = [p.chunk.document for p in passages[:AGREEMENT_PASSAGES]]
    agrees = agreement(shown, document, retriever.store.chunk_count(document))
    return answered_vector(best[:SENTENCES_SCORED], retriever.missing_mass(query, without=without, within=within),
                           doc_cov, retriever.absent_name(query, without=without, within=within), agrees,
                           value_asked=bool(query.intent.typed))


def agreement(shown: list[str], document: str, size: int) -> float:
    """In [0, 1]: the share of the shown passages' documents (`shown`, best first) that are
    `document`, of as many as a document of `size` chunks could fill; NaN (unknown: the fit's
    mean stands in, relevance.IMPUTED) when it could fill one place only, which says nothing of
    whether retrieval gathers on it."""
    places = min(len(shown), size)
    if places <= 1:
        return math.nan
    return min(1.0, shown.count(document) / places)
