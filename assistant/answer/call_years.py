"""The years of a call, and a question naming a call of another year.

A call for proposals is an edition of a programme: its code and name write the year it was
launched ("COS-CLUSTPARTNS-2031-03-02", "Fondul Local ... 2031") and its submission dates fall in
that year or the next. A question naming the call and a year outside those ("apelul X din 2034")
asks another edition, which the documents do not hold: the programme's period a document also
writes ("Programul ... 2028-2034") is the programme's, not the call's, and says nothing of which
edition is indexed. A year standing in a date of the question ("pot depune pe 5 mai 2032?") asks
about a day, not an edition.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.query import YEAR, Query
from assistant.text import MONTHS_RO, fold, index_tokens

if TYPE_CHECKING:
    from assistant.answer.calls import CallBook
    from assistant.facts.sheet import CallSheet

_NAMING = ("call_code", "call_name")  # fields whose years say which edition the call is
_DATED = ("deadline", "submission_period")  # fields whose dates say when it took applications
# a year that ends a date ("5 mai 2032", "05.05.2032"): the question asks about a day
_IN_DATE = re.compile(rf"(?:\b(?:{'|'.join(MONTHS_RO)})|\d{{1,2}}[./]\d{{1,2}}[./])\s*$")
_ANY_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")  # in a code too: "COS-CLUSTPARTNS-2031-03-02"
_RANGE = re.compile(r"(?:1\d{3}|20\d{2})\s*[-–]\s*(?:1\d{3}|20\d{2})")


def call_years(sheet: CallSheet) -> set[int]:
    """The years a call's code and name write, those of its submission period, and its
    deadline's year with the one before (empty when its sheet reads none of them)."""
    named = [f.value for name in _NAMING for f in sheet.fields.get(name, []) if not _RANGE.search(f.value)]
    years = {int(y) for text in named for y in _ANY_YEAR.findall(text)}
    for name in _DATED:
        for f in sheet.fields.get(name, []):
            dated = [int(y) for y in _ANY_YEAR.findall(str(f.normalized or f.value))]
            # a deadline alone: the call took applications before it, from the year before at most
            years |= set(dated) | ({min(dated) - 1} if dated and name == "deadline" else set())
    return years


def asked_years(question: str, naming: frozenset[str] = frozenset()) -> set[int]:
    """The years a question writes as a call's: not in a date, nor as a period's ends, and
    after a word naming the call (one of `naming`, its identity tokens) or an edition ("apelul",
    "ediția", "sesiunea", "competiția", "programul") among the NAMING_REACH words before it
    ("apelul X pentru clustere din 2031"; not "firma înființată în 2031", the asker's year)."""
    text = fold(question)
    if _RANGE.search(text):
        return set()
    out = set()
    for m in YEAR.finditer(text):
        before = text[: m.start()]
        words = re.findall(r"[a-z0-9-]+", before)[-NAMING_REACH:]
        if _IN_DATE.search(before):
            continue
        if any(_EDITION.match(w) or set(index_tokens(w)) & naming for w in words):
            out.add(int(m.group(1)))
    return out


NAMING_REACH = 4  # words before a year that may name the call it is the year of
_EDITION = re.compile(r"(?:apel|editi|sesiun|competiti|program|concurs|call)")


def other_year(book: CallBook, query: Query) -> str | None:
    """The refusal for a question naming indexed calls (CallBook.named) and a year that is none
    of theirs (call_years): the documents hold another edition. None when it names no call or no
    year of its own, when a named call's years are unknown, or when a year is a named call's."""
    calls = book.calls()
    # (a named call's papers that are no call of their own, its FAQ or clarifications, say no year)
    named = {d for d in book.named(query) if d in calls} if YEAR.search(query.text) else set()
    if not named:
        return None
    asked = asked_years(query.text, frozenset().union(*(calls[d].identity_tokens for d in named)))
    years = [call_years(calls[d]) for d in sorted(named)]
    if not asked or not all(years) or any(asked & y for y in years):
        return None
    title = " și ".join(f"„{book.title(d, calls)}”" for d in sorted(named))
    held = ", ".join(str(y) for y in sorted(set().union(*years)))
    return f"Documentele indexate nu conțin apelul {title} din {min(asked)}; ele privesc anii {held}."
