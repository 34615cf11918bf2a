"""The value a question asks of the call it names, read from that call's fact sheet."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.asked_values import another_applicant
from assistant.answer.call_values import quoted, table_rate
from assistant.answer.each_call import asked_fields
from assistant.answer.evidence import Evidence
from assistant.answer.unindexed import unindexed_year
from assistant.facts.contacts import wanted_contacts
from assistant.facts.fact_answers import of_another_year
from assistant.facts.regions import other_counties
from assistant.intent import STILL_OPEN
from assistant.text import fold
from assistant.types import Passage

if TYPE_CHECKING:
    from assistant.answer.calls import CallBook
    from assistant.facts.values import Fact
    from assistant.query import Query

# A deadline question: the cue words of a date that closes something (submission, a term), or
# whether the submission is still open ("mai pot depune?", `intent.STILL_OPEN`).
_DEADLINE = re.compile(r"\b(termen\w*|pana (cand|la ce)|data limita|deadline|se (pot )?depune|depunere\w*)"
                       rf"|{STILL_OPEN}")


def sheet_part(book: CallBook, query: Query, documents: set[str]) -> tuple[list[Evidence], list[Passage]] | None:
    """The value a question asks of the call it names, read from that call's fact sheet (the
    value's line quoted from its passage), when the passages did not answer: the kind of
    value asked at the head of the question (a deadline, a rate, an amount, a contact) and
    the sheet field that holds it. None when the sheet has no such value."""
    if unindexed_year(query.text, book.store.bm25, documents, book.store.documents_at):
        return None  # the sheet's values are of the years its call writes, not of the one asked
    wanted: list[str] = []
    if query.intent.insists("date") and asks_deadline(query):
        wanted.append("deadline")  # "când încep proiectele" asks another date than the deadline
    if query.intent.insists("percent"):
        wanted.append("funding_rate")
    if query.intent.insists("amount"):
        wanted += asked_fields("amount", query)
    if query.intent.insists("contact"):
        wanted += wanted_contacts(query.text)  # the person, phone or e-mail named
    calls = book.calls()
    evidence: list[Evidence] = []
    passages: list[Passage] = []
    for doc in sorted(documents & set(calls)):
        for field in wanted:
            stated = calls[doc].fields.get(field) or (
                calls[doc].fields.get("submission_period", []) if field == "deadline" else [])
            for fact in stated[:2]:
                chunk = book.store.chunks.get(fact.chunk_id)
                line = quoted(chunk.text, fact) if chunk is not None else ""
                if not line and isinstance(fact.extra, dict) and fact.extra.get("max_of_table"):
                    line = table_rate(fact, query.text)  # a rate read from a table's cells
                if chunk is None or not line or fact.document != doc or other_counties(query.text, chunk.text) \
                        or another_applicant(query.text, line):
                    continue
                if of_another_year(query.text, fact):
                    continue  # "bugetul din 2025" when the line gives the budget of 2027
                if field in ("allocation", "project_value") and not _answers(book, query, fact):
                    # a sum or a rate is of something: "cât se decontează pentru consultanță"
                    # asks the cap of one expense, not the call's budget
                    continue
                passages.append(Passage(chunk=chunk, score=0.0))
                evidence.append(Evidence(passage_rank=len(passages) - 1, sentence=line, tokens=frozenset(),
                                         score=0.0, coverage=0.0, passage_coverage=0.0, has_value=True))
    return (evidence, passages) if evidence else None


def asks_deadline(query: Query) -> bool:
    """The question asks a date that closes something (a submission term, a deadline)."""
    return query.intent.wants("date") and bool(_DEADLINE.search(fold(query.text)))


def _answers(book: CallBook, query: Query, fact: Fact) -> bool:
    from assistant.facts.fact_answers import fact_answers

    return fact_answers(book.retriever, query, fact)
