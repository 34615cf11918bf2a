"""Candidate sentences from retrieved passages, scored against a question."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.facts.regions import counties_in, other_counties
from assistant.features import (
    clip,
    is_action_item,
    is_definition,
    is_label,
    named_field,
    names_the_thing,
    novelty,
    proximity,
    sentence_tokens,
)
from assistant.overlap import char_grams, gram_coverage, phrase_coverage, sentence_pairs
from assistant.query import Query, TokenLookup
from assistant.relevance import SENTENCE_FEATURES, reciprocal_rank, vector, with_gaps
from assistant.retrieval import HybridRetriever
from assistant.row_cells import row_cells_for
from assistant.sentences import split_sentences
from assistant.text import fold, index_tokens
from assistant.types import Chunk, Passage
from assistant.values import has_value, narrowed

MAX_SENTENCE_CHARS = 420
QUOTE_CHARS = 320  # a longer unit is quoted by its window that answers (features.clip)
SHORT_UNIT_CHARS = 60  # a unit this short (a label, a figure) is quoted with its neighbours
RUN_JOIN = " — "
_ENUMERATED = re.compile(r"^(?:[-•▪◦●*–]\s|\d{1,2}[.)]\s|\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZĂÂÎȘȚ])")
# "Label: value" (a call's header block, a form): a whole field that answers on its own, not a
# brochure label waiting for the figure printed beside it.
_FIELD_LINE = re.compile(r"^[^:|]{2,40}:\s+\S")
_LINK_ONLY = re.compile(r"^[\W\d_]*(?:(?:https?://|www\.|mailto:)\S+[\s,;—–-]*)+$")


@dataclass
class Evidence:
    passage_rank: int  # index into the retrieved passages
    sentence: str
    tokens: frozenset[str]
    score: float  # exp(logit - best logit of the question): 1 for the best sentence, relative odds below
    coverage: float  # of the question's words by the sentence and its passage's context
    passage_coverage: float  # of the question's words by the whole passage with its context
    has_value: bool  # holds a value of the kind the question asks for
    own_coverage: float = 0.0  # of the question's words by the sentence alone
    context_tokens: frozenset[str] = frozenset()  # the heading and title it sits under
    logit: float = 0.0  # the sentence model's logit
    features: tuple[float, ...] = ()  # relevance.SENTENCE_FEATURES


def is_list_item(unit: str) -> bool:
    """An item of a list ("- microîntreprinderile ...", "2) ..."), as a guide enumerates."""
    return bool(_ENUMERATED.match(unit))


# A list written inside one sentence numbers its items in order: "sunt: 1. a, 2. b și 3. c",
# "(a) ... (b) ...", "a) ... b) ...": the whole list a question asking for the items wants.
_INLINE_LIST = re.compile(r"(?:^|[\s:(])(?:1[.)]|\(?a\))\s[^\W\d]{2}.{3,}?[\s(](?:2[.)]|\(?b\))\s")


def enumerates(unit: str) -> bool:
    """The unit is a list item, or writes a whole numbered list inline (_INLINE_LIST)."""
    return is_list_item(unit) or bool(_INLINE_LIST.search(unit))


def passage_units(passage: Passage) -> list[str]:
    """Sentences of a passage; table rows stay whole; a run of short lines (brochure labels
    and figures) is one unit, so a figure is quoted together with the label beside it."""
    units: list[str] = []
    run: list[str] = []
    headings = {h.strip() for h in passage.chunk.headings.split("\n") if h.strip()}
    for line in (ln.strip() for ln in passage.chunk.text.split("\n")):
        # List items and numbered titles stand alone: a run pairs a brochure's labels and figures.
        if (line and len(line) < SHORT_UNIT_CHARS and " | " not in line and sum(map(len, run)) < 200
                and not _ENUMERATED.match(line) and not _FIELD_LINE.match(line)):
            run.append(line)
            continue
        if run:
            units.append(RUN_JOIN.join(run))
            run = []
        if line in headings:  # a title standing alone ("3. Activități eligibile") answers nothing
            continue
        if " | " in line:
            units.append(line)
        elif line:
            units.extend(split_sentences(line))
    if run:
        units.append(RUN_JOIN.join(run))
    return [u for u in units if len(u) > 2]


@dataclass(frozen=True)
class _Unit:
    sentence: str
    tokens: frozenset[str]
    lookup: TokenLookup
    carried: bool  # carried over from the previous section: under the document, not this heading


@dataclass(frozen=True)
class _Units:
    """What scoring needs of a passage that does not depend on the question."""

    units: list[_Unit]  # the units that may answer (not headings, links or bare labels)
    ctx: frozenset[str]  # index tokens of the passage's context (title, headings, lead)
    ctx_lookup: TokenLookup
    doc_ctx: frozenset[str]
    doc_lookup: TokenLookup


# Passages come back question after question; their units and unit tokens are kept, by chunk
# id and checked against the chunk's fields (a few thousand passages, a few KB each; cleared
# when full, as the store's token sets are).
_UNITS = 4096
_units_cache: dict[str, tuple[tuple[str, ...], _Units]] = {}


def _passage_units(chunk: Chunk) -> _Units:
    fields = (chunk.text, chunk.title, chunk.section or "", chunk.lead, chunk.carried, chunk.headings,
              chunk.document)
    got = _units_cache.get(chunk.id)
    if got is not None and got[0] == fields:
        return got[1]
    doc_ctx = frozenset(index_tokens(chunk.document_context()))
    # Headings (and a run of them) name where a passage sits; they answer nothing.
    headings = {x.strip() for x in (chunk.section or "").split("›")} | {chunk.title}
    headings |= set(chunk.headings.split("\n"))
    units = passage_units(Passage(chunk=chunk, score=0.0))
    kept = []
    for sent in units:
        # (a passage that is nothing but its title, a one-line document, still answers)
        only_headings = len(units) > 1 and set(sent.split(RUN_JOIN)) <= headings
        if only_headings or _LINK_ONLY.match(sent) or (is_label(sent) and not has_value(sent, "count")):
            continue
        toks = sentence_tokens(sent)
        kept.append(_Unit(sent, toks, TokenLookup(toks), bool(chunk.carried) and sent in chunk.carried))
    ctx = frozenset(index_tokens(chunk.context()))
    prepared = _Units(kept, ctx, TokenLookup(ctx), doc_ctx, TokenLookup(doc_ctx))
    if len(_units_cache) >= _UNITS:
        _units_cache.clear()
    _units_cache[chunk.id] = (fields, prepared)
    return prepared


def score_sentences(query: Query, passages: list[Passage], retriever: HybridRetriever) -> list[Evidence]:
    """Every answering unit of the passages with its features and the sentence model's
    probability, best first."""
    out: list[Evidence] = []
    if not passages:
        return out
    store = retriever.store
    rows: list[dict[str, float]] = []
    top = passages[0].score
    named = retriever.identifying_names(query) if query.names else {}
    typed = query.intent.typed
    listing = query.intent.wants("list") or query.intent.wants("applicant")
    table = retriever.word_table(query)
    for rank, p in enumerate(passages):
        prepared = _passage_units(p.chunk)
        ctx, ctx_tokens = prepared.ctx_lookup, prepared.ctx
        doc_ctx, doc_lookup = prepared.doc_ctx, prepared.doc_lookup
        extra = frozenset(named.get(p.chunk.document, ()))
        if extra:
            # Its document is the one the question names (by a code or an acronym few documents
            # write): the passage is about it, though the name stands in another of its passages.
            extra_lookup = TokenLookup(extra)
            ctx, ctx_tokens = TokenLookup.union(ctx, extra_lookup), ctx_tokens | extra
            doc_lookup, doc_ctx = TokenLookup.union(doc_lookup, extra_lookup), doc_ctx | extra
        whole = TokenLookup.union(retriever.cached_lookup(store.tokens_of(p.chunk)), ctx)
        p_cov = retriever.coverage(query, whole)
        owns = [retriever.coverage_of(query, unit.lookup.matched(table)) for unit in prepared.units]
        for i, unit in enumerate(prepared.units):
            sent, toks = unit.sentence, unit.tokens
            own = owns[i]
            # A sentence carried over from the previous section is not under this heading.
            here, here_lookup = (doc_ctx, doc_lookup) if unit.carried else (ctx_tokens, ctx)
            # what the sentence with its context matches: the union of both sets' (TokenLookup.union)
            with_here = unit.lookup.matched(table) | here_lookup.matched(table)
            with_ctx = retriever.coverage_of(query, with_here)
            value = bool(typed) and any(has_value(sent, k) for k in typed)
            shape = is_definition(query, sent) or names_the_thing(query, sent) or is_action_item(query, sent)
            item = enumerates(sent)
            rows.append({
                "passage": p.score,
                "passage_gap": p.score - top,
                "passage_rr": reciprocal_rank(rank),
                "own_cov": own,
                "exact_cov": retriever.exact_coverage(query, toks),
                "ctx_cov": with_ctx,
                "passage_cov": p_cov,
                "prev_cov": owns[i - 1] if i else 0.0,
                "next_cov": owns[i + 1] if i + 1 < len(owns) else 0.0,
                "name_cov": p.name_coverage,
                "doc_cov": p.document_coverage,
                "asks": retriever.asks_of(query, with_here),
                "value": float(value),
                "value_own": float(value) * own,
                "field": float(named_field(query, sent)),
                "shape": float(shape),
                "proximity": proximity(query, sent),
                "phrase_cov": phrase_coverage(query, sentence_pairs(sent), retriever.idf),
                "gram_cov": gram_coverage(query, char_grams(sent)),
                "novelty": novelty(query, toks),
                "list_item": float(item),
                "list_asked": float(item and listing),
                "log_chars": math.log(1 + len(sent)),
                "long": float(len(sent) > MAX_SENTENCE_CHARS),
                "carried": float(unit.carried),
            })
            if " | " in sent:
                shown = row_cells_for(query, sent)
            else:
                shown = clip(query, sent, QUOTE_CHARS) if len(sent) > MAX_SENTENCE_CHARS else sent
            out.append(Evidence(rank, shown, toks, 0.0, with_ctx, p_cov, value, own, here))
    with_gaps(rows, (("own_cov", "own_gap"), ("ctx_cov", "ctx_gap")))
    model = retriever.weights.sentence
    for e, r in zip(out, rows, strict=True):
        x = vector(r, SENTENCE_FEATURES)
        e.logit, e.features = model.logit(x), tuple(x)
    top_logit = max(e.logit for e in out) if out else 0.0
    for e in out:  # relative to the best sentence: the model ranks the sentences of one question
        e.score = math.exp(e.logit - top_logit)
    out.sort(key=lambda e: (-round(e.score, 3), -e.own_coverage))  # near ties: the sentence that says more
    return out




# "Valoarea minimă" / "the maximum grant": a bound asked; a sentence stating only the other bound
# ("în valoare de maximum 5.000 lei" for a minimum asked) gives no value for it (general Romanian
# and English: "minim", "minimă", "minimum"; "maxim", "maximă", "maximum").
# A bound is written as "minim/maxim" or in words: "cel puțin" (at least), "cel mult" (at most),
# "nu poate depăși" (may not exceed), "plafonul" (the ceiling).
_BOUNDS = {"min": re.compile(r"\b(?:minim|cel putin)"),
           "max": re.compile(r"\b(?:maxim|cel mult|nu (?:poate|pot|va|vor) depasi|plafon)")}


def of_what_is_asked(query: Query, scored: list[Evidence]) -> list[Evidence]:
    """`scored` without the sentences giving a value for another county or bound than the
    question asks (`of_counties_asked`; a minimum asked, a sentence stating only a maximum), nor,
    for a call's submission deadline, those whose only time limit is a period counted from an
    event ("în termen de 36 de luni de la finalizare": another act's term, values.narrowed)."""
    if query.intent.insists("date") and narrowed(query.text, "date") == "calendar_date":
        scored = [e for e in scored if has_value(e.sentence, "calendar_date") or not has_value(e.sentence, "date")]
    q = fold(query.text)
    asked = [b for b, rx in _BOUNDS.items() if rx.search(q)]
    if len(asked) == 1:
        other = _BOUNDS["max" if asked == ["min"] else "min"]
        scored = [e for e in scored if not (other.search(fold(e.sentence)) and not _BOUNDS[asked[0]].search(
            fold(e.sentence)))]
    return of_counties_asked(query, scored)

def of_counties_asked(query: Query, scored: list[Evidence]) -> list[Evidence]:
    """`scored` without the sentences that write only other counties than the question names
    (regions.other_counties), and none at all when every sentence writing counties does."""
    other = [other_counties(query.text, e.sentence) for e in scored]
    if any(other) and not any(counties_in(e.sentence) and not o for e, o in zip(scored, other, strict=True)):
        return []
    return [e for e, o in zip(scored, other, strict=True) if not o]
