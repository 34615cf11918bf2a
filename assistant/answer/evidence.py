"""Candidate sentences from retrieved passages, scored against a question."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.retrieval import HybridRetriever, Query
from assistant.sentences import split_sentences
from assistant.text import index_tokens
from assistant.types import Passage
from assistant.values import has_value

MAX_SENTENCE_CHARS = 420


@dataclass
class Evidence:
    passage_rank: int  # index into the retrieved passages
    sentence: str
    tokens: set[str]
    score: float
    coverage: float  # of the question's words, with the passage's title and heading
    has_value: bool  # holds a value of the kind the question asks for


def passage_units(passage: Passage) -> list[str]:
    """Lines of a passage, and sentences of its long lines; table rows stay whole."""
    units: list[str] = []
    for line in passage.chunk.text.split("\n"):
        if " | " in line or len(line) <= MAX_SENTENCE_CHARS:
            units.extend(split_sentences(line) if " | " not in line else [line])
        else:
            units.extend(split_sentences(line))
    return [u for u in units if len(u) > 2]


def score_sentences(query: Query, passages: list[Passage], retriever: HybridRetriever) -> list[Evidence]:
    out: list[Evidence] = []
    if not passages:
        return out
    top = passages[0].score or 1.0
    for rank, p in enumerate(passages):
        ctx = set(index_tokens(" ".join(x for x in (p.chunk.title, p.chunk.section) if x)))
        for sent in passage_units(p):
            toks = set(index_tokens(sent))
            own = retriever.coverage(query, toks)
            with_ctx = retriever.coverage(query, toks | ctx)
            value = bool(query.intent.typed) and any(has_value(sent, k) for k in query.intent.typed)
            score = 0.6 * own + 0.4 * with_ctx + 0.15 * (p.score / top) + (0.3 if value else 0.0)
            if len(sent) > MAX_SENTENCE_CHARS:
                score -= 0.15
            out.append(Evidence(rank, sent, toks, score, with_ctx, value))
    out.sort(key=lambda e: -e.score)
    return out
