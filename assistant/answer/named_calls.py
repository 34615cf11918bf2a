"""A point that names a call answered from that call's documents (or parts of documents) only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.answer.call_parts import stated_by_another
from assistant.answer.roles import asked_role
from assistant.query import Query

if TYPE_CHECKING:
    from assistant.answer.evidence import Evidence
    from assistant.service import Assistant
    from assistant.types import Passage

Part = tuple[list["Evidence"], list["Passage"], list["Passage"]]  # chosen evidence, orphan figures, passages


def within_named_calls(a: Assistant, found: list[tuple[Query, list[Passage]]], parts: list[Part],
                       held: set[str] | None = None, message: str = "") -> tuple[list[Part], list[str]]:
    """A point that names a call (or stands in a message that named one) is answered from
    that call's documents only; when they do not answer it, the point says that this call
    does not state what is asked, rather than quoting another call. `message`: the whole
    message the points were read from."""
    named = [a.book.named(q) for q, _ in found]
    in_message = next((n for n in named if n), held or set())  # the points of one message are about its call
    named_calls = [a.book.named_call(q) for q, _ in found]  # a call of several documents' parts
    # the call a message's points lean on: the first one a point names, else the one its other
    # sentences name ("Am citit despre apelul X. Ce intensitate avem?")
    lead = next((c for c in named_calls if c), None) if len(found) > 1 else None
    if lead is None and message and not any(named):
        lead = a.book.named_call(Query.parse(message))
    out: list[Part] = []
    refusals: list[str] = []
    for (query, passages), part, own, call in zip(found, parts, named, named_calls, strict=True):
        # a call named in the point, else in the message (one that is not another document named here)
        call = call or (lead if not own else None)
        calls = call.documents if call else a.book.with_papers(
            own or (in_message if len(found) > 1 or held else set()))
        chosen = part[0]
        if call and chosen and call.holds(part[2][chosen[0].passage_rank].chunk, chosen[0].sentence):
            # the best sentence is the call's own: the others of another call's part are left out
            chosen = [e for e in chosen if call.holds(part[2][e.passage_rank].chunk, e.sentence)]
            part = (chosen, part[1], part[2])
        inside_call = bool(chosen) and (
            all(call.holds(part[2][e.passage_rank].chunk, e.sentence) for e in chosen) if call
            else {part[2][e.passage_rank].chunk.document for e in chosen} <= calls)
        # What it asks, the named documents never write: not stated there, whatever others
        # say (asked of calls; of other documents when the answer came from elsewhere).
        sibling = call is not None and stated_by_another(a.book, query, call)  # (what it asks is not its kind of value)
        if sibling or calls and (not inside_call or all(map(a.book.is_call, calls))) \
                and a.retriever.unwritten_in(query, calls, asked_role(query.text)):
            out.append(([], [], passages))
            refusals.append(a.book.not_stated(query, calls, call, "acest lucru" if sibling else ""))
            continue
        if not calls or inside_call and not (call and call.split):
            out.append(part)
            refusals.append("")
            continue
        # a call with parts of documents of several calls reads them first as it sees them (a
        # comparison table's row cut to its column); then the answer standing in its own lines
        # from the call's documents (parts) only: a word only other documents write is missing here
        inside = a.book.read_in(call, a.retriever.search(query, k=a.settings.candidates), calls)
        inside = inside[: a.settings.top_k]
        again = ((*a.extractive.answer_parts(query, inside, within=calls), inside) if inside
                 else ([], [], passages))
        if not again[0] and inside_call:
            again = part
        if not again[0] and (read := a.book.sheet_part(query, call.whole if call else calls)) is not None:
            again = (read[0], [], read[1])  # the value the call's fact sheet read from its documents
        out.append(again if again[0] else ([], [], passages))
        refusals.append("" if again[0] else a.book.not_stated(query, calls, call))
    return out, refusals

