"""The assistant as one object: a question in, an `Answer` out (CLI, app and tests call it)."""

from __future__ import annotations

import logging
import re
import time
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from assistant.answer.apply import apply_answer
from assistant.answer.call_values import mark_expired
from assistant.answer.call_years import other_year
from assistant.answer.calls import CallBook
from assistant.answer.editions import unwritten_edition
from assistant.answer.evidence import Evidence
from assistant.answer.extractive import ExtractiveAnswerer, build_answer
from assistant.answer.named_calls import within_named_calls
from assistant.answer.sheet_part import asks_deadline
from assistant.answer.unindexed import unindexed_call, unwritten_year
from assistant.facts.values import Fact
from assistant.query import Query
from assistant.questions import focus, followup_context, leaning_points, resolve_followup, split_questions, user_turns
from assistant.retrieval import HybridRetriever
from assistant.settings import Settings
from assistant.store import Store
from assistant.titles import document_titles, with_titles
from assistant.types import Answer, Citation, Passage

if TYPE_CHECKING:
    from collections.abc import Generator, Iterator


class StructuredAnswerer(Protocol):
    """Answers some questions from structured data (records, fact sheets) before retrieval."""

    def try_answer(self, question: str) -> Answer | None: ...


@runtime_checkable
class ApplicantsSource(Protocol):
    """Who may apply to the call a document is (the call fact sheets)."""

    def applicants_of(self, document: str) -> Fact | None: ...


class LLMAnswerer(Protocol):
    """Rewrites the answer from the passages with a model; returns `fallback` on any failure."""

    def answer(self, question: str, passages: list[Passage], fallback: Answer) -> Answer: ...

    def stream(self, question: str, passages: list[Passage], fallback: Answer
               ) -> Generator[str, None, Answer]: ...

logger = logging.getLogger(__name__)
Part = tuple[list[Evidence], list[Passage], list[Passage]]  # chosen evidence, orphan figures, passages

EMPTY_QUESTION = "Scrieți o întrebare despre apeluri de finanțare sau clustere."
NO_WORDS = "Întrebarea nu conține cuvinte după care să pot căuta; reformulați-o, vă rog."
PIECES = 12  # an answer computed at once is shown in this many pieces


class Assistant:
    """Retrieval and the configured answerer over one store."""

    def __init__(self, settings: Settings, store: Store, retriever: HybridRetriever,
                 extractive: ExtractiveAnswerer, llm_answerer: LLMAnswerer | None = None,
                 structured: list[StructuredAnswerer] | None = None, book: CallBook | None = None) -> None:
        self.settings = settings
        self.store = store
        self.retriever = retriever
        self.extractive = extractive
        self.llm_answerer = llm_answerer
        self.structured = structured or []
        self.book = book or CallBook(store, retriever, lambda: [])

    def ask(self, question: str, history: list[dict[str, str]] | list[str] | None = None, *,
            llm: bool = True) -> Answer:
        t0 = time.perf_counter()
        self.retriever.forget_recent()
        question = (question or "").strip()
        if not question:
            return Answer(question="", text=EMPTY_QUESTION, citations=[], abstained=True,
                          notice="Întrebarea este goală.")
        notice = None
        if len(question) > self.settings.max_question_chars:
            question = focus(question, self.settings.max_question_chars)
            notice = (f"Mesajul depășește {self.settings.max_question_chars} de caractere: "
                      "am păstrat întrebările pe care le pune.")
        message = question
        asked = split_questions(question)
        if len(asked) == 1:  # one question among greetings, thanks and context: that question
            question = asked[0]
        context = followup_context(question, history or [])
        resolved = resolve_followup(question, history or [])
        whole = Query.parse(resolved)
        # the follow-up's own words: the call it leans on is the conversation's, not one it names
        held = self._conversation_call(Query.parse(question, context=context), history or [])
        single = len(asked) == 1
        missing = unindexed_call(question, self.store.bm25) if single else None
        refusal = f"Documentele indexate nu conțin apelul „{missing}”." if missing else None
        # Who the asker is may stand in the sentences around the question ("Suntem un IMM din ...").
        direct = apply_answer(f"{context} {message}".strip(), whole, self.book) if single and not missing else None
        if direct is None and single and not refusal:
            refusal = (unwritten_year(question, whole, self.store, self.book) or self.book.other_region(whole)
                       or other_year(self.book, whole) or unwritten_edition(question, self.store))
        if refusal:
            return Answer(question=message, citations=[], abstained=True, notice=notice, text=refusal,
                          timings_ms={"retrieve": 0.0, "answer": (time.perf_counter() - t0) * 1000})
        if direct is None and single and not held:
            direct = self.book.each_call(resolved, whole)
        call = self.book.named_call(whole)  # a named call's values are its own documents' (not a brochure's mix)
        for source in [] if direct is not None else self.structured:
            structured = source.try_answer(resolved)
            named = (call.whole if call else self.book.named(whole) or held) if structured is not None else set()
            if structured is not None and (named or call) and {c.document for c in structured.citations} - named:
                continue  # the value of another call than the one the question names
            direct = structured
            if direct is not None:
                break
        if direct is not None:
            direct.notice = direct.notice or notice
            nearby = self.retriever.search(resolved)
            cited = [p for p in nearby if any(_quotes(c, p) for c in direct.citations)]
            direct.retrieved = cited + [p for p in nearby if p not in cited]
            direct.timings_ms = {"retrieve": 0.0, "answer": (time.perf_counter() - t0) * 1000}
            return self._finish(direct, whole)
        subs = [Query.parse(q, context=c) for q, c in leaning_points(split_questions(question), context)]
        subs = [q for q in subs if q.tokens]
        if not subs:
            return Answer(question=question, text=NO_WORDS, citations=[], abstained=True, notice=notice)
        self.store.ask_vectors([q.text for q in subs], self.settings.candidates)  # the points' in one query
        found = [(q, self.retriever.search(q, k=max(self.settings.read_k, self.settings.top_k))) for q in subs]
        t1 = time.perf_counter()
        parts = [(*self.extractive.answer_parts(q, ps), ps) for q, ps in found]
        if len(parts) > 1:
            parts = self._same_call(found, parts, context)
        parts = [self._not_another_programme(q, part) for (q, _), part in zip(found, parts, strict=True)]
        parts, refusals = self._named_calls(found, parts, held, message)
        parts = [self._with_applicants(q, part) for (q, _), part in zip(found, parts, strict=True)]
        answer = build_answer(question, parts, _interleave([ps for _, ps in found], self.settings.top_k), refusals)
        answer.notice = notice
        if llm and self.llm_answerer is not None and not answer.abstained:
            answer = self.llm_answerer.answer(resolved, answer.retrieved, answer)
            answer.notice = answer.notice or notice
        t2 = time.perf_counter()
        answer.timings_ms = {"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000}
        return self._finish(answer, whole)

    def _finish(self, answer: Answer, query: Query) -> Answer:
        """The answer names the documents it quotes; a deadline already passed is marked; a
        refusal is the one line that says so (no notice beside it)."""
        if answer.abstained:
            answer.notice = None
            return answer
        if asks_deadline(query):
            answer.text = mark_expired(answer.text)
        return self._titled(self.book.name_sources(answer))

    def _titled(self, answer: Answer) -> Answer:
        """Each citation with its document's own title: filled here, once, for every caller."""
        return with_titles(answer, document_titles(self.store, {c.document for c in answer.citations}))

    def _conversation_call(self, query: Query, history: list[dict[str, str]] | list[str]) -> set[str]:
        """The call a conversation (or the earlier points of an e-mail) last named, when this
        question names none and asks a value of the kind calls state differently (a date, a
        rate, an amount, a contact): that value is asked of the call being talked about."""
        if not history or not any(query.intent.insists(k) for k in ("date", "percent", "amount", "contact")):
            return set()
        if self.book.named(query):
            return set()
        return next((n for turn in user_turns(history) if (n := self.book.named(Query.parse(turn)))), set())

    def _named_calls(self, found: list[tuple[Query, list[Passage]]], parts: list[Part],
                     held: set[str] | None = None, message: str = "") -> tuple[list[Part], list[str]]:
        """Each point answered from the call it names only (`named_calls.within_named_calls`)."""
        return within_named_calls(self, found, parts, held, message)

    def _not_another_programme(self, query: Query, part: Part) -> Part:
        """A call's sentences do not answer a question naming a programme that other documents
        write and this call's never does ("rata de finanțare la interreg?"): the figure would be
        this call's, not the programme's (HybridRetriever.about_another). Without its first
        sentence a point is not answered (the named call's own documents may still answer it)."""
        chosen, orphans, passages = part
        kept = [e for e in chosen if not (self.book.is_call(doc := passages[e.passage_rank].chunk.document) and (
            self.retriever.about_another(query, doc) or self.book.of_another_region(query, doc)))]
        if len(kept) == len(chosen):
            return part
        # without the sentence it stood on, the rest was chosen to go with it: no answer here
        return (kept, orphans, passages) if chosen[0] in kept else ([], [], passages)

    def _same_call(self, found: list[tuple[Query, list[Passage]]], parts: list[Part], context: str) -> list[Part]:
        """The points of one message are about one call: a point that names none is answered
        from the document the first answered point stands on, when that document answers it."""
        first = next((i for i, (chosen, _, _) in enumerate(parts) if chosen), None)
        if first is None:
            return parts
        chosen, _, ps = parts[first]
        anchor, lead = ps[chosen[0].passage_rank].chunk.document, found[first][0].text
        out = []
        for (query, _), part in zip(found, parts, strict=True):
            chosen, _, ps = part
            if query.names or (chosen and ps[chosen[0].passage_rank].chunk.document == anchor):
                out.append(part)
                continue
            # Read as a follow-up of the point that named the call ("și până când se depun?").
            followup = Query.parse(query.text, context=f"{context} {lead}".strip())
            own = [p for p in self.retriever.search(followup, k=self.settings.candidates)
                   if p.chunk.document == anchor][: self.settings.top_k]
            again = (*self.extractive.answer_parts(followup, own), own) if own else part
            out.append(again if again[0] else part)
        return out

    def _with_applicants(self, query: Query, part: Part) -> Part:
        """"Putem primi finanțare pentru ...?" is answered with what is funded and with who may
        apply to that call (from its fact sheet), cited."""
        chosen, orphans, passages = part
        if not chosen or not query.intent.wants("eligibility"):
            return part
        document = passages[chosen[0].passage_rank].chunk.document
        sources = [s for s in self.structured if isinstance(s, ApplicantsSource)]
        fact = next((f for s in sources if (f := s.applicants_of(document)) is not None), None)
        chunk = self.store.chunks.get(fact.chunk_id) if fact is not None else None
        if fact is None or chunk is None or " ".join(fact.value.split()) not in " ".join(chunk.text.split()):
            return part  # (a value read over several lines is quoted as its chunk has it, on one)
        if any(fact.value in e.sentence or e.sentence in fact.value for e in chosen):
            return part
        passages = [*passages, Passage(chunk=chunk, score=0.0)]
        note = Evidence(passage_rank=len(passages) - 1, sentence=fact.value, tokens=frozenset(), score=0.0,
                        coverage=0.0, passage_coverage=0.0, has_value=False)
        return [*chosen, note], orphans, passages

    def ask_stream(self, question: str, history: list[dict[str, str]] | list[str] | None = None
                   ) -> Iterator[str | Answer]:
        """Text pieces as they come, then the final Answer: the model's checked sentences when an LLM
        backend rewrites the answer, else the extractive (or structured) text cut into pieces (none when
        the answer abstains: there is nothing to reveal)."""
        answer = self.ask(question, history, llm=False)
        if self.llm_answerer is None or answer.abstained or answer.backend == "structured":
            yield from ([] if answer.abstained else text_pieces(answer.text))
            yield answer
            return
        t0 = time.perf_counter()
        resolved = resolve_followup(focus(question.strip(), self.settings.max_question_chars), history or [])
        final = yield from self.llm_answerer.stream(resolved, answer.retrieved, answer)
        final = self._titled(final)
        final.notice = final.notice or answer.notice
        final.timings_ms = {**answer.timings_ms,
                            "answer": answer.timings_ms.get("answer", 0.0) + (time.perf_counter() - t0) * 1000}
        yield final


def _quotes(citation: Citation, passage: Passage) -> bool:
    """The passage holds what the citation shows (its whole text, or the quoted value)."""
    return any(part and part in passage.chunk.text for part in (citation.text, citation.quote))


def text_pieces(text: str, n: int = PIECES) -> list[str]:
    """`text` cut at word boundaries into about `n` pieces that join back to it."""
    words = re.findall(r"\s*\S+\s*", text) or ([text] if text else [])
    step = max(1, -(-len(words) // n))
    return ["".join(words[i : i + step]) for i in range(0, len(words), step)]


def _interleave(lists: list[list[Passage]], k: int) -> list[Passage]:
    """Passages of several sub-questions, round-robin, without repeats."""
    out: list[Passage] = []
    seen: set[str] = set()
    for i in range(max((len(x) for x in lists), default=0)):
        for ps in lists:
            if i < len(ps) and ps[i].chunk.id not in seen:
                seen.add(ps[i].chunk.id)
                out.append(ps[i])
    return out[: max(k, len(lists))]
