"""Candidate sentences from retrieved passages, scored against a question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.features import (
    is_action_item,
    is_definition,
    is_label,
    named_field,
    names_the_thing,
    row_cells_for,
)
from assistant.query import Query
from assistant.retrieval import HybridRetriever
from assistant.sentences import split_sentences
from assistant.text import index_tokens
from assistant.types import Passage
from assistant.values import has_value

MAX_SENTENCE_CHARS = 420
SHORT_UNIT_CHARS = 60  # a unit this short (a label, a figure) is quoted with its neighbours
RUN_JOIN = " — "
ASKS_WEIGHT = 0.5  # the sentence, with its heading, holds what is asked
_LINK_ONLY = re.compile(r"^[\W\d_]*(?:(?:https?://|www\.|mailto:)\S+[\s,;—–-]*)+$")


@dataclass
class Evidence:
    passage_rank: int  # index into the retrieved passages
    sentence: str
    tokens: set[str]
    score: float
    coverage: float  # of the question's words by the sentence and its passage's context
    passage_coverage: float  # of the question's words by the whole passage with its context
    has_value: bool  # holds a value of the kind the question asks for
    own_coverage: float = 0.0  # of the question's words by the sentence alone
    context_tokens: frozenset[str] = frozenset()  # the heading and title it sits under


def passage_units(passage: Passage) -> list[str]:
    """Sentences of a passage; table rows stay whole; a run of short lines (brochure labels
    and figures) is one unit, so a figure is quoted together with the label beside it."""
    units: list[str] = []
    run: list[str] = []
    for line in (ln.strip() for ln in passage.chunk.text.split("\n")):
        if line and len(line) < SHORT_UNIT_CHARS and " | " not in line and sum(map(len, run)) < 200:
            run.append(line)
            continue
        if run:
            units.append(RUN_JOIN.join(run))
            run = []
        if " | " in line:
            units.append(line)
        elif line:
            units.extend(split_sentences(line))
    if run:
        units.append(RUN_JOIN.join(run))
    return [u for u in units if len(u) > 2]


def score_sentences(query: Query, passages: list[Passage], retriever: HybridRetriever) -> list[Evidence]:
    out: list[Evidence] = []
    if not passages:
        return out
    top = passages[0].score or 1.0
    named = retriever.identifying_names(query) if query.names else {}
    for rank, p in enumerate(passages):
        ctx = set(index_tokens(p.chunk.context()))
        doc_ctx = set(index_tokens(p.chunk.document_context()))
        # Its document is the one the question names (by a code or an acronym few documents write):
        # the passage is about what it names, though the name stands in another of its passages.
        ctx |= named.get(p.chunk.document, set())
        doc_ctx |= named.get(p.chunk.document, set())
        whole = set(index_tokens(p.chunk.text)) | ctx
        # Headings (and a run of them) name where a passage sits; they answer nothing.
        headings = {x.strip() for x in (p.chunk.section or "").split("›")} | {p.chunk.title}
        headings |= set(p.chunk.headings.split("\n"))
        p_cov = retriever.coverage(query, whole)
        units = passage_units(p)
        for sent in units:
            # (a passage that is nothing but its title, a one-line document, still answers)
            only_headings = len(units) > 1 and set(sent.split(RUN_JOIN)) <= headings
            if only_headings or _LINK_ONLY.match(sent) or (is_label(sent) and not has_value(sent, "count")):
                continue
            toks = set(index_tokens(sent))
            own = retriever.coverage(query, toks)
            # A sentence carried over from the previous section is not under this heading.
            here = doc_ctx if p.chunk.carried and sent in p.chunk.carried else ctx
            with_ctx = retriever.coverage(query, toks | here)
            value = bool(query.intent.typed) and any(has_value(sent, k) for k in query.intent.typed)
            score = 0.3 * own + 0.35 * with_ctx + 0.25 * p_cov + 0.1 * (p.score / top) + 0.2 * p.name_coverage
            score += ASKS_WEIGHT * retriever.asks_satisfaction(query, toks | here)
            score += 0.3 * min(1.0, 1.5 * own) if value else 0.0  # a value counts beside the topic
            # A column the question names answers it when one attribute is asked (who, how many...).
            single = bool(query.intent.typed or query.intent.wants("person"))
            score += (0.25 if single and own >= 0.4 else 0.1) if named_field(query, sent) else 0.0
            shape = is_definition(query, sent) or names_the_thing(query, sent) or is_action_item(query, sent)
            score += 0.3 if shape else 0.0
            if len(sent) > MAX_SENTENCE_CHARS:
                score -= 0.15
            shown = row_cells_for(query, sent) if " | " in sent else sent
            out.append(Evidence(rank, shown, toks, score, with_ctx, p_cov, value, own, frozenset(here)))
    out.sort(key=lambda e: (-round(e.score, 2), -e.own_coverage))  # near ties: the sentence that says more
    return out
