"""Questions about something no document writes, abstained on before any sentence is scored:
what a question asks for and of whom (QuestionNames.absent_subject), the thing whose value it
asks (absent_value_of), a year (answer.unindexed), the office whose holder a question asks
(roles.asked_office), or an office written only where the one whose office it is goes unnamed.

General Romanian: "cine / care e președintele X?" is answered by a passage writing that office and X
(the holder's sentence, or the heading it stands under). When no passage writes the role, or the
passages writing it never name X ("președinția Comisiei" in a report on another body), the
documents do not say who holds it, and any name they give is someone else's.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.roles import asked_office, rarest_names
from assistant.answer.unindexed import unindexed_year
from assistant.query import Query

if TYPE_CHECKING:
    from assistant.retrieval import HybridRetriever


def unwritten_subject(retriever: HybridRetriever, query: Query, within: AbstractSet[str] | None = None) -> bool:
    """The question asks about something no document (of `within`, the named call's documents,
    for a role) writes, as the module docstring lists."""
    bm25 = retriever.store.bm25
    if retriever.absent_subject(query) or retriever.absent_value_of(query) or unindexed_year(query.text, bm25):
        return True
    role = asked_office(query.text)
    if not role:
        return False
    if retriever.absent_asked(query, role, within=within):
        return True
    # A question naming a call asks the office in the call's documents, whose name they all bear.
    return within is None and _role_apart(retriever, query, role)


def _role_apart(retriever: HybridRetriever, query: Query, role: str) -> bool:
    """No chunk writes the role (any form) and the rarest name the
    question writes (capitalised, or a word the documents write as a name: SMEs type in lower
    case): whose role is asked is never named beside it. False when it writes no name a chunk holds."""
    bm25 = retriever.store.bm25
    # the question's names: capitalised in it, or words the documents write as names ("tesatorilor")
    written = {t for term in query.terms for t in term.weight_tokens if retriever.written_as_name(query, t)}
    names = rarest_names(bm25, query, query.names | written)
    if not names:
        return False
    term = next((t for t in query.terms if role in t.weight_tokens or role in t.alternatives), None)
    forms = (term.alternatives | term.partial) if term is not None else {role}
    rows = np.unique(np.concatenate([bm25.postings(f) for f in forms]))
    for name in names:
        rows = np.intersect1d(rows, bm25.postings(name))
    return not len(rows)
