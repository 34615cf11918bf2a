"""The default answerer: quotes the few sentences that answer and cites them; no model.

Sentences are ranked by the fitted sentence model of `assistant.relevance`. It abstains
("documentele nu precizează") when the fitted probability that the question is answered at
all falls under the threshold chosen on held-out folds, or when the question asks for a kind
of value (a date, a rate, an amount, a contact) that none of the chosen sentences holds.
"""

from __future__ import annotations

import logging
from collections.abc import Set as AbstractSet
from dataclasses import replace

from assistant.answer.answered import answered_features
from assistant.answer.asked_values import (
    call_total_for_project,
    counted,
    counted_noun,
    holds,
    of_another,
    sum_of_another_thing,
    topic_without_figure,
)
from assistant.answer.evidence import QUOTE_CHARS, RUN_JOIN, Evidence, is_list_item, of_what_is_asked, score_sentences
from assistant.answer.lists import document_lines, list_evidence, listing_at
from assistant.answer.neighbours import with_antecedent
from assistant.answer.refusals import one_refusal
from assistant.answer.roles import rarest_names, role_holders
from assistant.answer.unwritten import unwritten_subject
from assistant.features import clip, is_action_item
from assistant.query import Query, token_matches
from assistant.retrieval import HybridRetriever
from assistant.store import Store
from assistant.text import index_tokens
from assistant.types import Answer, Citation, Passage
from assistant.values import (
    answers_when,
    find_values,
    has_value,
    is_bare_value,
    narrowed,
    standing_count_asked,
    target_or_change,
)

logger = logging.getLogger(__name__)

ABSTAIN_TEXT = "Documentele nu precizează acest lucru."
ENFORCED_KINDS = ("date", "percent", "amount", "contact", "count")
MAX_SENTENCES = 3  # the sentences quoted when the weights do not say (they are fitted: bench.quoting)
MAX_CHARS = 450  # the characters quoted when the weights do not say (they are fitted: bench.quoting)
MIN_CLIPPED = QUOTE_CHARS // 2  # the least room a further sentence is cut down to fit in
LIST_SENTENCES, LIST_CHARS = 5, 800  # a question asking for every item gets the items under one heading


class ExtractiveAnswerer:
    """Selects sentences greedily: the best one, then those covering what it left out."""

    def __init__(self, retriever: HybridRetriever, store: Store) -> None:
        self.retriever = retriever
        self.store = store

    def answer_parts(self, query: Query, passages: list[Passage],
                     within: AbstractSet[str] | None = None) -> tuple[list[Evidence], list[Passage]]:
        """Chosen evidence, and passages holding orphan values (brochure figures placed away
        from their label) when the chosen sentences lack the kind of value asked for."""
        if unwritten_subject(self.retriever, query, within):
            return [], []  # what it asks for (and of whom) no document writes; a year, a role none writes
        scored = of_what_is_asked(query, score_sentences(query, passages, self.retriever))
        if not scored or self.answered_probability(query, scored, passages, within) < self.retriever.weights.threshold:
            return [], []
        chosen = self._select(query, scored)
        names = rarest_names(self.store.bm25, query)
        if (holders := role_holders(query.text, chosen, scored, passages, names)) is not None:
            chosen = holders  # "cine e managerul ...?": a sentence naming who holds that role, or none
        if not chosen:
            return [], []
        if query.intent.wants("list") or query.intent.wants("applicant"):
            chosen = _in_reading_order(chosen, passages)
        chosen = self._whole_list(query, chosen, passages)
        wanted = [narrowed(query.text, k) for k in ENFORCED_KINDS if query.intent.insists(k)]
        if of_another(query, chosen[0].sentence, wanted):
            return [], []  # the value found is of another act, year or kind of applicant
        if "amount" in wanted and sum_of_another_thing(query, chosen[0]):
            return [], []  # "bugetul proiectului X": a sum of what its sentence names, not a budget
        if "date" in wanted and query.intent.wants("year"):
            wanted.append("year")  # "când a fost ...?" is answered by a year too
        if not wanted or (any(holds(query, chosen, k) for k in wanted)
                          and not call_total_for_project(query, chosen[0].sentence)) \
                or ("date" in wanted and answers_when(query.text, chosen[0].sentence)):
            topic = topic_without_figure(query, scored, chosen[0]) if wanted else None
            if topic is None:
                return with_antecedent(chosen, scored, passages, self.max_sentences, self.max_chars,
                                       query.text), []
            # The figure found is not about what was asked: answer with the sentence that is,
            # when its figure stands nearby (brochures print figures away from their labels).
            orphans = self._orphans(passages[topic.passage_rank], wanted)
            if orphans:
                return [topic] + [e for e in chosen if e is not topic][: self.max_sentences - 1], orphans
            return chosen, []
        orphans = self._orphans(passages[chosen[0].passage_rank], wanted)
        return (chosen, orphans) if orphans else ([], [])

    # How much an answer quotes: the characters and the sentences, fitted with extra_ratio (bench.quoting).
    max_chars = property(lambda self: int(getattr(self.retriever.weights, "max_chars", MAX_CHARS)))
    max_sentences = property(lambda self: int(getattr(self.retriever.weights, "max_sentences", MAX_SENTENCES)))

    def answered_probability(self, query: Query, scored: list[Evidence], passages: list[Passage],
                             within: AbstractSet[str] | None = None) -> float:
        """P(the question is answered by these passages at all), the fitted `answered` model;
        `scored`: score_sentences' output over `passages` (non-empty); `within`: the documents
        that count as the index (answered.answered_features)."""
        x = answered_features(self.retriever, query, scored, passages, within=within)
        return self.retriever.weights.answered.probability(x)

    def _whole_list(self, query: Query, chosen: list[Evidence], passages: list[Passage]) -> list[Evidence]:
        """The best unit a list's introduction ("Membrii consorțiului sunt:"), or an item of a
        list when the question asks for one (or a further unit, when the list's introduction
        writes a word of the question): the whole list (answer.lists) in place of the pieces of
        it chosen, and one other sentence if it fits; `passages` gets the chunks holding further
        items."""
        listing = query.intent.wants("list") or query.intent.wants("applicant")
        found, best = None, None
        for k, e in enumerate(chosen[: self.max_sentences if listing else 1]):
            chunk = passages[e.passage_rank].chunk
            found = listing_at(document_lines(self.store, chunk.document), chunk, e.sentence, items_too=listing)
            # after the best unit, only a list whose introduction (or section) says what is asked
            if found is not None and (k == 0 or _introduces(query, f"{found.intro} {found.items[0][1].section or ''}")):
                best = e
                break
            found = None
        if found is None or best is None:
            return chosen
        texts = [found.intro, *(t for t, _ in found.items)]
        inside = [c for c in chosen if any(p.strip() and any(p.strip() in t for t in texts)
                                           for p in c.sentence.split(RUN_JOIN))]
        pieces = list_evidence(found, passages, LIST_CHARS)
        room = LIST_CHARS + 150 - sum(len(x.sentence) for x in pieces)
        after = [c for c in chosen if c not in inside and c is not best and len(c.sentence) <= room][:1]
        return [*pieces, *after]

    def _orphans(self, passage: Passage, wanted: list[str]) -> list[Passage]:
        for kind in wanted:  # the value asked for is not in the chosen text: a brochure figure?
            found = self._orphan_values(passage, kind)
            if found:
                return found
        return []

    def _select(self, query: Query, scored: list[Evidence]) -> list[Evidence]:
        """The most probable sentence, then the next ones (best first) while their probability
        is at least `extra_ratio` of the first's (fitted: quoting a second likely sentence buys
        more recall than it costs in length), within `max_sentences` and `max_chars`. A question
        asking for a list gets the list's items first, and every item under the first one's
        heading."""
        eligible = list(scored)
        ratio = self.retriever.weights.extra_ratio
        insisted = [k for k in (*ENFORCED_KINDS, "count", "duration") if query.intent.insists(k)]
        if insisted:  # asking a date (a rate, a sum, how many, how long): answered by a sentence holding one
            with_value = [e for e in eligible if e.has_value and e.score >= eligible[0].score * ratio
                          and not call_total_for_project(query, e.sentence)]
            if "count" in insisted:
                # "câte proiecte": a sentence counting that noun first ("12 proiecte au fost finanțate",
                # not "proiectele finanțate în 2018-2019"); "câți membri are": a figure stated as a target
                # or a change after one stated as it stands
                noun, standing = counted_noun(query), standing_count_asked(query.text)
                with_value.sort(key=lambda e: (not counted(e.sentence, noun),
                                               standing and target_or_change(e.sentence)))
            eligible = with_value + [e for e in eligible if e not in with_value]
        actions = [e for e in eligible if is_action_item(query, e.sentence)]
        # "ce activități": the actions listed, not labels; "cât au durat acțiunile": a value, not the list
        if actions and (not insisted or query.intent.wants("list")):
            eligible = actions
        listing = query.intent.wants("list") or query.intent.wants("applicant")
        if listing:  # the list's items before the sentences around them (an exception after the list)
            items = [e for e in eligible if is_list_item(e.sentence) and e.score >= eligible[0].score * 0.8]
            eligible = items + [e for e in eligible if e not in items]
        max_sentences, max_chars = (LIST_SENTENCES, LIST_CHARS) if listing else (self.max_sentences, self.max_chars)
        chosen: list[Evidence] = []
        for e in eligible:
            if any(e.sentence in c.sentence or c.sentence in e.sentence for c in chosen):
                continue
            sibling = listing and bool(chosen) and e.context_tokens == chosen[0].context_tokens
            if chosen and not sibling and e.score < chosen[0].score * ratio:
                continue
            room = max_chars - sum(len(c.sentence) for c in chosen)
            if len(e.sentence) > room and chosen:
                # A more probable sentence that does not fit whole is quoted by its window that
                # answers, before less probable ones, when room is left for a clause (a shorter
                # window says too little to be read alone).
                if room < MIN_CLIPPED or " | " in e.sentence:
                    continue
                e = replace(e, sentence=clip(query, e.sentence, room))
            chosen.append(e)
            if len(chosen) >= max_sentences:
                break
        return self._complete_kinds(query, eligible, chosen, max_chars)

    @staticmethod
    def _complete_kinds(query: Query, eligible: list[Evidence], chosen: list[Evidence],
                        max_chars: int) -> list[Evidence]:
        """A question asking two things ("unde și când") gets a sentence for each kind of value
        it asks for, when a good enough one holds it."""
        for kind in sorted(query.intent.typed - {"count"}):
            if not chosen or any(has_value(c.sentence, kind) for c in chosen):
                continue
            extra = next((e for e in eligible if e not in chosen and has_value(e.sentence, kind)
                          and e.score >= chosen[0].score * 0.55), None)
            if extra and sum(len(c.sentence) for c in chosen) + len(extra.sentence) <= max_chars + 150:
                chosen.append(extra)
        return chosen

    def _orphan_values(self, passage: Passage, kind: str) -> list[Passage]:
        """Passages of the same page holding lines that are only a value of `kind`; each is
        returned with `chunk.text` cut to those lines. Few such values or none at all."""
        chunk = passage.chunk
        found: list[Passage] = []
        seen: set[str] = set()
        for other in self.store.page_chunks(chunk.document, chunk.page):
            lines = [ln.strip() for ln in other.text.split("\n")
                     if is_bare_value(ln) and has_value(ln, kind) and ln.strip() not in seen]
            if lines:
                seen.update(lines)
                found.append(Passage(chunk=other, score=0.0))
        return found if 0 < len(seen) <= 6 else []


def _introduces(query: Query, intro: str) -> bool:
    """The words introducing a list hold every term saying what the question asks ("cine poate
    aplica": solicitanți, eligibili); False when the question has no such term."""
    asks = [t for t in query.terms if t.asks]
    tokens = set(index_tokens(intro))
    return bool(asks) and all(any(token_matches(a, tokens) for a in t.alternatives | t.partial) for t in asks)


def _in_reading_order(chosen: list[Evidence], passages: list[Passage]) -> list[Evidence]:
    """A list's items in the order the document gives them (passages in the order first used)."""
    first_use: dict[int, int] = {}
    for e in chosen:
        first_use.setdefault(e.passage_rank, len(first_use))
    return sorted(chosen, key=lambda e: (first_use[e.passage_rank],
                                         passages[e.passage_rank].chunk.text.find(e.sentence.split(" | ")[0])))


def build_answer(question: str, parts: list[tuple[list[Evidence], list[Passage], list[Passage]]],
                 retrieved: list[Passage], refusals: list[str] | None = None) -> Answer:
    """One text from the evidence of each sub-question, citations numbered by first use.
    `refusals`: per sub-question, what an unanswered point says ("Documentele apelului „X” nu
    precizează ..."); ABSTAIN_TEXT where it is empty. When no point is answered the answer is one
    refusal line, not one per point."""
    refusals = refusals or [""] * len(parts)
    citations: list[Citation] = []
    by_chunk: dict[str, int] = {}
    lines: list[str] = []
    for chosen, orphans, passages in parts:
        pieces = []
        for e in chosen:
            n = _cite(passages[e.passage_rank], e.sentence, citations, by_chunk)
            pieces.append(f"{e.sentence.rstrip()} [{n}]")
        for source in orphans if chosen else []:
            values = [ln.strip() for ln in source.chunk.text.split("\n") if is_bare_value(ln)]
            n = _cite(source, " ".join(values), citations, by_chunk)
            pieces.append(f"Cifre afișate separat pe aceeași pagină: {', '.join(values)} [{n}]")
        lines.append(" ".join(pieces))  # an empty point: that question is not answered
    said = [r or ABSTAIN_TEXT for r in refusals]
    if not any(lines):  # one refusal line: the specific ones (a named call's) else the general one
        specific = list(dict.fromkeys(r for r in refusals if r))
        return Answer(question=question, text=one_refusal(specific) or ABSTAIN_TEXT, citations=[], abstained=True,
                      retrieved=retrieved)
    lines = [line or (said[i] if i < len(said) else ABSTAIN_TEXT) for i, line in enumerate(lines)]
    text = lines[0] if len(lines) == 1 else "\n".join(f"{i}. {t}" for i, t in enumerate(lines, 1))
    return Answer(question=question, text=text, citations=citations, abstained=False,
                  retrieved=_cited_first(retrieved, by_chunk, parts))


def _cited_first(retrieved: list[Passage], cited: dict[str, int],
                 parts: list[tuple[list[Evidence], list[Passage], list[Passage]]]) -> list[Passage]:
    """Sources in the order the answer cites them, then the other passages retrieved: the
    first source shown is the one the answer stands on."""
    pool = {p.chunk.id: p for _, _, passages in parts for p in passages} | {p.chunk.id: p for p in retrieved}
    first = [pool[cid] for cid, _ in sorted(cited.items(), key=lambda kv: kv[1]) if cid in pool]
    rest = [p for p in retrieved if p.chunk.id not in cited]
    return (first + rest)[: max(len(retrieved), len(first))]


def _cite(passage: Passage, quote: str, citations: list[Citation], by_chunk: dict[str, int]) -> int:
    c = passage.chunk
    if c.id in by_chunk:
        cit = citations[by_chunk[c.id] - 1]
        cit.quote = f"{cit.quote} {quote}".strip()
        return by_chunk[c.id]
    citations.append(Citation(n=len(citations) + 1, document=c.document, page=c.page, section=c.section,
                              text=c.text, quote=quote))
    by_chunk[c.id] = len(citations)
    return len(citations)


__all__ = ["ABSTAIN_TEXT", "ExtractiveAnswerer", "build_answer", "find_values"]
