"""An unnamed question asking a kind of value that several indexed calls state differently
("care sunt termenele de depunere?"): each call's value from its fact sheet, cited and named;
past MAX_CALLS calls, the question which call is meant.

Which sheet fields answer a kind of value is a fact about how calls state them: a deadline or,
when a call states only its window, the window's last day; a rate; a budget or, "of a project",
the project's value; the contact (person, phone, e-mail) the question names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.call_values import shown, value_piece
from assistant.facts.contacts import asked_contacts, wanted_contacts
from assistant.facts.fact_answers import fact_answers
from assistant.facts.values import Fact
from assistant.intent import asked_clauses
from assistant.query import Query
from assistant.text import fold
from assistant.types import Answer, Citation

if TYPE_CHECKING:
    from assistant.answer.calls import CallBook
    from assistant.facts.sheet import CallSheet

MAX_CALLS = 3  # an unnamed question over more calls than this is asked back which call it means

# Sheet fields holding the value of a kind asked, in the order they answer it.
# A call that states only its submission period ("perioada de depunere: 1 martie – 30 aprilie")
# closes on the period's last day, so the period answers a deadline question when no deadline is stated.
FIELDS = {"date": ("deadline", "submission_period"), "percent": ("funding_rate",),
          "amount": ("allocation", "project_value"), "contact": ("contact_email", "contact_phone")}


def asked_fields(kind: str, query: Query) -> tuple[str, ...]:
    """The sheet fields that answer a kind of value: an amount "of a project" is the project's
    value, never the call's budget (a call states both, and quoting one for the other is wrong);
    so is "the grant" (singular: what one project gets)."""
    if kind == "amount":
        return ("project_value",) if re.search(r"\bproiect|\bgrant(?:ul)?\b", fold(query.text)) else ("allocation",)
    return FIELDS[kind]


def asked_groups(kind: str, query: Query) -> list[tuple[str, ...]]:
    """The values a kind asked is answered with, as groups of sheet fields (each group by the
    first field the call states): a question naming several contacts ("persoana de contact și
    telefonul") is given each of them; any other kind, one group (`asked_fields`)."""
    if kind != "contact" or not asked_contacts(query.text):
        return [asked_fields(kind, query)]
    named = asked_contacts(query.text)
    return [(name,) for name in named] if len(named) > 1 else [tuple(wanted_contacts(query.text))]


def each_call(book: CallBook, question: str, query: Query) -> Answer | None:
    """An unnamed question asking one kind of value (a deadline, a rate, an amount, a
    contact) that several indexed calls state differently: each call's value, cited and
    named; past MAX_CALLS calls, the question which call is meant. None otherwise."""
    kinds = [k for k in FIELDS if query.intent.insists(k)]
    if not kinds or book.named(query):
        return None
    # "Care e bugetul? și termenul?": each kind asked by its own clause, answered per call
    clauses = [Query.parse(c) for c in asked_clauses(question)] if len(kinds) > 1 else []
    asked = [(k, next((c for c in clauses if c.intent.insists(k)), query)) for k in kinds]
    per_call: list[tuple[CallSheet, list[Fact]]] = []
    calls = book.calls()
    for sheet in calls.values():
        if book.retriever.about_another(query, sheet.document):
            continue  # the question names what this call's document never writes
        facts = []
        for kind, part in asked:
            for group in asked_groups(kind, part):
                stated = next((sheet.fields[f] for f in group if sheet.fields.get(f)), [])
                facts += [f for f in stated if fact_answers(book.retriever, part, f)][:2]
        if facts:
            per_call.append((sheet, facts))
    if len(per_call) < 2 or len({tuple(fold(f.value) for f in fs) for _, fs in per_call}) < 2:
        return None
    if len(per_call) > MAX_CALLS:
        listed = "; ".join(f"„{book.title(s.document, calls)}”" for s, _ in per_call)
        return Answer(question=question, citations=[], abstained=True, backend="structured",
                      text=f"Apelurile indexate dau valori diferite; la care apel vă referiți? {listed}.")
    citations: list[Citation] = []
    lines = []
    for sheet, facts in per_call:
        pieces = []
        for fact in facts:
            citations.append(Citation(n=len(citations) + 1, document=fact.document, page=fact.page,
                                      section=fact.section, text=fact.passage or fact.text, quote=fact.text))
            pieces.append(f"{value_piece(fact, shown(fact), len(facts) > 1, question=question)} [{len(citations)}]")
        lines.append(f"Potrivit „{book.title(sheet.document, calls)}”: {'; '.join(pieces)}")
    return Answer(question=question, text="\n".join(lines), citations=citations, abstained=False,
                  backend="structured")
