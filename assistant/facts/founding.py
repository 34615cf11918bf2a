"""When the applicant was founded, against the founding date a call requires of it.

Calls for young firms (start-up funds, "firme nou-înființate") bound the date the applicant was
registered: "înființată după 1 ianuarie 2034", "constituite înainte de 01.01.2030", "înregistrată
cel mai devreme în 2033". A question that says when the asker's firm was founded ("am un SRL
înființat în 2031") is checked against that bound; the year alone decides unless it is the bound's
own year (then the day decides, which the question does not give, but for a bound on 1 January).
"""

from __future__ import annotations

import re
from typing import Any

from assistant.facts.eligibility import citation_of
from assistant.facts.sheet import CallSheet
from assistant.text import fold

# The asker's founding year: "(firmă / SRL) înființat(ă) în (anul) 2031", "fondată în 2031",
# "înregistrată din 2031", "founded / registered / established in 2031".
_ASKER = re.compile(r"\b(?:infiintat\w*|fondat\w*|inregistrat\w*|constituit\w*|founded|registered|established)"
                    r"\s+(?:in|din|la)\s+(?:anul\s+)?((?:19|20)\d\d)\b")
_MONTHS = ("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
           "octombrie", "noiembrie", "decembrie")
# The call's bound: a founding verb, "după" (after) or "înainte de" (before) and a date, written
# with its month's name, with figures or as a year alone.
_BOUND = re.compile(r"\b(?:infiintat\w*|constituit\w*|inregistrat\w*|fondat\w*)\s+(?:\w+\s+){0,2}?"
                    r"(dupa|incepand cu|inainte de|pana la)\s+(?:data de\s+)?"
                    rf"(?:(\d{{1,2}})\s+({'|'.join(_MONTHS)})\s+|(\d{{1,2}})\.(\d{{1,2}})\.)?((?:19|20)\d\d)\b")


def asker_founded(question: str) -> int | None:
    """The year the question says the asker's organisation was founded; None when it says none."""
    m = _ASKER.search(fold(question))
    return int(m.group(1)) if m else None


def founding_criterion(sheet: CallSheet, year: int) -> dict[str, Any] | None:
    """The criterion {"criterion", "status", "explanation", "citation"} (as eligibility.check's)
    of a firm founded in `year` against the founding bound the call's applicants state; None when
    they state none."""
    for fact in sheet.fields.get("applicants") or []:
        m = _BOUND.search(fold(fact.value))
        if m is None:
            continue
        after = m.group(1) in ("dupa", "incepand cu")
        day = int(m.group(2) or m.group(4) or 1)
        month = (_MONTHS.index(m.group(3)) + 1) if m.group(3) else int(m.group(5) or 1)
        bound = int(m.group(6))
        first_day = day == 1 and month == 1
        if year == bound and not first_day:
            status = "unknown"
        elif after:
            status = "met" if year >= bound else "not_met"
        else:
            status = "met" if year < bound else "not_met"
        said = fact.value[m.start():m.end()] if len(fold(fact.value)) == len(fact.value) else m.group()
        return {"criterion": "Data înființării", "status": status,
                "explanation": f"Apelul cere: {said}; firma este înființată în {year}.",
                "citation": citation_of(fact)}
    return None
