"""How an answer shows a call's value: the value as its document writes it (a date as written, a
submission period as its line), the sentence quoted around it, a rate read from an aid-intensity
table with its row and place, and deadlines already passed marked as such."""

from __future__ import annotations

import datetime as dt
import re

from assistant.facts.labels import labelled
from assistant.facts.patterns import DATE, dates
from assistant.facts.shares import rate_label
from assistant.facts.values import Fact
from assistant.sentences import split_sentences
from assistant.text import fold

EXPIRED = " (termen expirat)"

QUOTE_CHARS = 300  # a value's sentence longer than this is quoted from a word before the value


def table_rate(fact: Fact, question: str) -> str:
    """"70% (microintreprinderi, Mureș)": a rate an aid-intensity table gives (its figures carry
    no "%" and stand one a line), with its row and the place the question names."""
    from assistant.facts.sheet_answerer import _at_place

    shown, place = _at_place(fact, question)
    condition = ", ".join(c for c in (fact.condition, place) if c)
    return f"{shown} ({condition})" if condition else shown


def quoted(text: str, fact: Fact) -> str:
    """The sentence of text holding the fact's value as written ("" when none does), cut to the
    words just before the value when the sentence is long (a run of links or of table cells)."""
    # a date's value is ISO ("2029-04-28"), so the line it was read from is looked for next
    first = fact.value.split()[0] if fact.value.split() else ""
    written = next((w for w in (fact.value, fact.text.strip()) if w and w in text), first)
    sentence = next((s for s in split_sentences(text) if written and written in s), "")
    at = sentence.find(written)
    if len(sentence) <= QUOTE_CHARS or at < 0:
        return sentence
    start = max(0, at - QUOTE_CHARS // 2)
    start = sentence.find(" ", start) + 1 if start else 0
    return sentence[start : at + len(written) + QUOTE_CHARS // 4].strip()


def value_piece(fact: Fact, shown: str, several: bool, place: str = "", question: str = "") -> str:
    """How an answer shows one value: `shown` (the value as displayed) with its condition and the
    place asked ("65% (ajutor de stat)"); when the answer shows several values, a value its
    sentence writes with its label there instead ("Min. 45.000 lei", "15% pentru comunele mici").
    A value derived rather than written (a rate from the share an applicant pays) has none. A
    funding rate beside the applicant's own share says which of the two it is (shares.rate_label),
    or is the share when `question` asks that."""
    if fact.field == "funding_rate" and isinstance(fact.normalized, (int, float)) and not place:
        own = fact.extra.get("own_share") if isinstance(fact.extra, dict) else None
        named = rate_label(float(fact.normalized), shown, own, fact.text, question)
        if named is not None:
            return f"{named[0]} ({'; '.join(x for x in (named[1], fact.condition) if x)})"
    if several and not place and shown == fact.value and fact.value in fact.text:
        written = labelled(fact.value, fact.text)
        if written != fact.value:
            return written
    condition = ", ".join(c for c in (fact.condition, place) if c)
    return f"{shown} ({condition})" if condition else shown


def after_number(point: str, head: str) -> str:
    m = re.match(r"(\d+\. )(.*)", point, flags=re.S)
    return f"{m.group(1)}{head}: {m.group(2)}" if m else f"{head}: {point}"


_SHORT_LINE = 160  # characters of a line quoted whole as a value


def shown(fact: Fact) -> str:
    """A date value as the document writes it, other values as read; a submission period as its
    line writes it ("Perioada de depunere: 1 martie – 30 aprilie 2029") when the line is short."""
    if fact.field == "submission_period" and len(fact.text) <= _SHORT_LINE:
        return fact.text.strip()
    if fact.field == "submission_period" and (ends := _written_ends(fact)):
        return ends
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", fact.value):
        return fact.value
    source = fact.text or fact.passage
    span = written_day(fact)
    if span is None:
        return fact.value
    # A deadline is read to the minute ("30 aprilie 2031, ora 16:00"): the hour its line writes
    # right after the day is part of the value.
    hour = _HOUR_AFTER.match(source, span[1]) if re.search(r"\d{1,2}:\d{2}", fact.value) else None
    return source[span[0]:hour.end() if hour else span[1]]


# The hour written right after a date: ", ora 16:00", " orele 12.00", ", 17:00", " (ora 17:00)"; a
# bracket is taken only whole ("(ora 17:00 la Bruxelles)" says more than the hour).
_HOUR_AFTER = re.compile(r",?\s?(?:ora\s|orele\s)?\d{1,2}[:.]\d{2}(?!\d)|\s?\((?:ora\s|orele\s)?\d{1,2}[:.]\d{2}\)")


def _written_ends(fact: Fact) -> str:
    """A submission period ("2029-05-15 – 2029-06-30 16:00") from a long line: its first and last
    days as the line writes them, the closing hour after the last ("15 mai 2029 – 30 iunie 2029,
    ora 16:00"); "" when the line does not write both days or folding changes its length."""
    source = fact.text or fact.passage
    folded = fold(source)
    isos = re.findall(r"\d{4}-\d{2}-\d{2}", fact.value)
    if len(folded) != len(source) or len(isos) != 2:
        return ""
    spans = {iso: m.span() for m in reversed(list(DATE.finditer(folded))) for _, iso, _ in dates(m.group())}
    if not all(iso in spans for iso in isos):
        return ""
    (a, b), (c, d) = spans[isos[0]], spans[isos[1]]
    hour = re.search(r"\d{1,2}:\d{2}", fact.value)
    return f"{source[a:b]} – {source[c:d]}" + (f", ora {hour.group()}" if hour else "")


def written_day(fact: Fact) -> tuple[int, int] | None:
    """Where the line of a date value (`fact.text`, else its passage) writes the value's day: the
    date written for that day (a line may write another day first, the window's opening or a
    launch: "începând cu 12 mai ... Termenul limită este 30 iunie"), else its first date; None
    when it writes none (or folding changes its length, so spans would not match)."""
    source = fact.text or fact.passage
    folded = fold(source)
    if len(folded) != len(source):
        return None
    spans = [m.span() for m in DATE.finditer(folded)]
    day = fact.value[:10]
    return next((s for s in spans if any(iso == day for _, iso, _ in dates(folded[s[0]:s[1]]))),
                spans[0] if spans else None)


def mark_expired(text: str, today: dt.date | None = None) -> str:
    """After the last full date of each line, " (termen expirat)" when it is before today: a call's
    submission window ends at the latest date it states for it."""
    today = today or dt.date.today()
    out = []
    for line in text.split("\n"):
        if len(fold(line)) != len(line) or EXPIRED in line:
            out.append(line)  # offsets of the folded text are the line's own only when lengths match
            continue
        found = []
        for m in DATE.finditer(fold(line)):
            got = dates(m.group())
            if got:
                found.append((m.end(), got[0][1]))
        past = [(end, iso) for end, iso in found if (day := _day(iso)) is not None and day < today]
        latest = max((iso for _, iso in found), default=None)
        if past and latest is not None and max(iso for _, iso in past) == latest:
            end = max(e for e, iso in past if iso == latest)
            hour = _HOUR_AFTER.match(line, end)
            end = hour.end() if hour else end
            line = line[:end] + EXPIRED + line[end:]
        out.append(line)
    return "\n".join(out)


def _day(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:  # "31.02.2025" reads as a date shape but is none
        return None

