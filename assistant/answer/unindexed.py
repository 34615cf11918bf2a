"""A call the question names by its proper name, or a year it names, that no indexed document
writes.

Romanian questions name a call after the word "apel" ("bugetul apelului Energie Solară pentru
Școli"), its name's words capitalised as titles are. When a word of that name is written by no
indexed document (in any form of the word), the documents do not hold that call, and a figure of
another call that shares its other words ("Energie") would answer the wrong call.

A year written in full ("bugetul pentru 2031", "sesiunea din 2019") says which time the question
is about: when no indexed document writes it (a date holds its year token however it is written,
text.raw_tokens), a figure the documents give is of another year; so too when the question names
a call or document that never writes it. On the development sets every question naming such a
year is unanswerable (3 of 3; none of the 64 naming a written year is).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import numpy as np

from assistant.bm25 import BM25Index
from assistant.query import YEAR
from assistant.text import index_tokens

if TYPE_CHECKING:
    from assistant.answer.calls import CallBook
    from assistant.query import Query
    from assistant.store import Store

_CAP = r"[A-ZĂÂÎȘŞȚŢ][\w-]*"
# "apelul X Y", "apelului X de Y", "apelul de proiecte X": capitalised words after "apel", joined
# by the short words a title keeps in lower case.
_NAMED = re.compile(rf"\bapel(?:ul|ului)?\s+(?:de proiecte\s+)?[„\"]?({_CAP}(?:\s+(?:(?:de|pentru|din|în|in|și|si)\s+)?"
                    rf"(?:{_CAP}|\d{{4}}))*)", re.IGNORECASE)


def unindexed_call(question: str, bm25: BM25Index) -> str | None:
    """The call name the question writes after "apel" (as written) when one of its words is
    written by no indexed chunk; None when it names no call that way or every word is written."""
    for m in _NAMED.finditer(question):
        name = m.group(1).strip()
        if not name[:1].isupper():
            continue  # re.IGNORECASE let a lower-case word in: no proper name
        words = [w for w in re.findall(r"[^\W\d_][\w-]*", name) if w[:1].isupper() and len(w) >= 3]
        if any(len(bm25.postings(t)) == 0 for w in words for t in index_tokens(w)):
            return name
    return None


def unindexed_year(question: str, bm25: BM25Index, within: AbstractSet[str] | None = None,
                   documents_at: Callable[[np.ndarray], set[str]] | None = None) -> str | None:
    """The first year written in full in the question (query.YEAR) that no indexed chunk
    writes, or, given `within` (the documents a question names) and `documents_at` (the
    documents of BM25 rows, Store.documents_at), that none of those documents writes; None
    when it names none or every one is written."""
    for year in YEAR.findall(question):
        rows = bm25.postings(year)
        if not len(rows) or (within is not None and documents_at is not None and not documents_at(rows) & within):
            return year
    return None


def unwritten_year(question: str, query: Query, store: Store, book: CallBook) -> str | None:
    """The refusal for a year the question writes that no indexed document writes, or that the
    documents it names (CallBook.named) never write; None otherwise."""
    if not YEAR.search(question):
        return None  # (most questions: the documents it names are not looked up)
    if year := unindexed_year(question, store.bm25):
        return f"Documentele indexate nu conțin informații despre anul {year}."
    named = book.named(query)
    if named and (year := unindexed_year(question, store.bm25, named, store.documents_at)):
        titles = " și ".join(f"„{t}”" for t in sorted({book.title(d) for d in named}))
        one = len(named) == 1
        return f"{'Documentul' if one else 'Documentele'} {titles} nu {'conține' if one else 'conțin'} " \
               f"informații despre anul {year}."
    return None
