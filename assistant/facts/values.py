"""Facts made from a field and the text that holds its value (amounts, rates, dates, text)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any

from assistant.facts.figures import period_last
from assistant.facts.lines import Line
from assistant.facts.patterns import (
    BOUND_AFTER,
    CLOSES,
    MIN_MAX,
    OPENING,
    PERCENT,
    aid_ceiling,
    amounts,
    conditions,
    dates,
    duration,
    end_date,
    open_start,
    percents,
)
from assistant.facts.shares import is_own_share, is_share_label
from assistant.sentences import sentence_at
from assistant.text import fold

MAX_TEXT = 1000  # a long list of applicants or counties is kept whole


@dataclass
class Fact:
    """One value of a call's sheet with its source: document, page, heading, passage."""

    field: str
    value: str
    normalized: Any = None
    condition: str | None = None
    document: str = ""
    page: int | None = None
    section: str | None = None
    chunk_id: str = ""
    text: str = ""  # the label and value as read (for brochures: both blocks)
    passage: str = ""  # the indexed chunk that holds the value, as a citation shows it
    extra: dict[str, Any] = dc_field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        if not out["extra"]:
            out.pop("extra")
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fact:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def _fact(name: str, value: str, src: Line, passage: str, **kw: Any) -> Fact:
    return Fact(field=name, value=value.strip(), document="", page=src.page, section=src.section,
                chunk_id=src.chunk_id, text=passage or src.text, passage=src.passage, **kw)


def _bound(before: str, after: str, label: str) -> str | None:
    """'min' or 'max' of an amount: from a bound written right after it in brackets or between commas
    ("12.000 lei (valoarea minimă)"), else from the words just before it, else from the label.

    The words before count only from the last bracket or comma: a bound closed off there is the
    previous value's ("10.000 lei (valoarea minimă) și 90.000 lei" - the 90.000 is no minimum)."""
    own = bound_after(after)
    if own:
        return own
    window = before[-25:]
    window = window[max(window.rfind(")"), window.rfind(",")) + 1:]
    hits = MIN_MAX.findall(window)
    word = fold(hits[-1]) if hits else ""
    if not word:
        folded = fold(label)
        word = "min" if "minim" in folded else "max" if "maxim" in folded else ""
    return "min" if word.startswith("min") else "max" if word.startswith("max") else None


def bound_after(after: str) -> str | None:
    """'min' or 'max' when the text right after a value closes it off with a bound (BOUND_AFTER:
    " (valoarea maximă)", ", valoarea minimă,"), else None."""
    m = BOUND_AFTER.match(after)
    words = MIN_MAX.findall(m.group("par") or m.group("com") or "") if m else []
    return fold(words[-1])[:3] if words else None


def _is_range(value: str, label: str, found: list[tuple[str, float, str]]) -> bool:
    """Two amounts of one range ("între 5.000 și 40.000 euro", "Valoare minimă - maximă: 5.000 € - 40.000 €"):
    no min/max word between them, the first the smaller."""
    (a, low, _), (b, high, _) = found
    start, end = value.find(a), value.find(b)
    between = value[start + len(a): end] if 0 <= start < end else "x"
    return low < high and not MIN_MAX.search(between) and len(between.strip(" -–—și,")) <= 8 or (
        "minim" in fold(label) and "maxim" in fold(label) and low < high)


def make_facts(name: str, kind: str, value: str, label: str, src: Line, passage: str,
               context: str | None = None) -> list[Fact]:
    """The facts of one field read from value (context: the text around it, for conditions)."""
    context = context if context is not None else value
    if kind == "amount":
        found = amounts(value)
        if name == "allocation":
            found = found[:1]
        out = []
        cursor = 0  # amounts in the order written: "25.000 lei ... 5.000 lei" finds the second after the first
        for raw, number, currency in found:
            here = value.find(raw, cursor)
            cursor = here + len(raw) if here >= 0 else cursor
            at = context.find(raw)
            sentence = sentence_at(context, at) if at >= 0 else value
            if name in ("project_value", "allocation") and aid_ceiling(sentence, raw):
                continue
            after = value[cursor:] if here >= 0 else ""
            bound = _bound(value[: here if here >= 0 else cursor], after, label) if name == "project_value" else None
            if name == "project_value" and len(found) == 2 and _is_range(value, label, found):
                bound = "min" if raw == found[0][0] else "max"  # a range: low figure first
            out.append(_fact(name, raw, src, passage,
                             normalized={"amount": number, "currency": currency, "bound": bound}))
        return out
    if kind == "percent":
        out = []
        base = context.find(value)
        rates = percents(value)
        clauses = [conditions(value[offset:(rates[k + 1][0] if k + 1 < len(rates) else len(value))])
                   if len(rates) > 1 else [] for k, (offset, _) in enumerate(rates)]
        for k, (offset, pct) in enumerate(rates):
            sentence = sentence_at(context, base + offset) if base >= 0 else sentence_at(value, offset)
            # "70% pentru întreprinderile mici și 60% pentru cele mijlocii": each rate's own clause
            # (from it to the next rate) names its condition; else its sentence or its label does,
            # less the conditions another rate's own clause claims ("15%, respectiv 30% pentru
            # ajutorul de minimis": the 15% is the general case, not the de minimis one).
            claimed = {c for j, cs in enumerate(clauses) if j != k for c in cs}
            conds = clauses[k] or [c for c in conditions(sentence) if c not in claimed] or conditions(label)
            hit = PERCENT.match(value, offset)
            stop = hit.end() if hit else offset + 1
            # the clause may name whose share it is before the value starts, in its label ("Rata
            # de cofinanțare a solicitantului este de minimum 15%"): read it in its context
            own = is_own_share(value, offset, stop) or base >= 0 and is_own_share(context, base + offset, base + stop)
            if is_share_label(label) or own:
                # the applicant's own share: the funding rate is the rest (see shares.py)
                out.append(_fact(name, f"{100 - pct:g}%", src, passage, normalized=100 - pct,
                                 condition=", ".join(conds) or None, extra={"own_share": pct}))
                continue
            out.append(_fact(name, f"{pct:g}%", src, passage, normalized=pct,
                             condition=", ".join(conds) or None))
        return out
    if kind in ("date", "period"):
        when = dates(value)
        if not when:
            return []
        if kind == "date":
            # a deadline written as a submission window closes on the window's last day
            _, iso, hour = period_last(value) or when[0]
            shown = f"{iso} {hour}" if hour else iso
            return [_fact(name, shown, src, passage, normalized={"date": iso, "hour": hour})]
        start, end = when[0], when[-1]
        opening = bool(OPENING.search(fold(label)))
        if len(when) == 1 and (first := open_start(value, end[0], end[1])):
            start = (0, first, None)  # "1 martie – 30 aprilie 2027": the year written once, at the end
        elif len(when) == 1 and opening:  # "Apelul se deschide la 3 februarie": its opening only
            return [_fact(name, f"{start[1]} –", src, passage, normalized={"start": start[1], "end": None,
                                                                          "end_hour": None})]
        out = [_fact(name, f"{start[1]} – {end[1]}" + (f" {end[2]}" if end[2] else ""), src, passage,
                     normalized={"start": start[1], "end": end[1], "end_hour": end[2]})]
        if opening and re.search(rf"(?<![a-z])(?:{CLOSES}|pana (?:la|pe|in))(?![a-z])", fold(value)[: end[0]]):
            # "Înscrierea începe la X și se încheie la Y": the close said of the same submission is its deadline
            shown = f"{end[1]} {end[2]}" if end[2] else end[1]
            out.append(_fact("deadline", shown, src, passage, normalized={"date": end[1], "hour": end[2]}))
        return out
    if kind == "duration":
        d = duration(value)
        if d is None and (until := end_date(value)):
            d = {"min": None, "max": None, "unit": None, "until": until}
        return [_fact(name, _clip(value, 120), src, passage, normalized=d)] if d else []
    text = _clip(value, MAX_TEXT)
    return [_fact(name, text, src, passage)] if re.search(r"[a-zA-Z]{3,}", text) else []


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()).strip(" :-–—")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(" ")] + " …" if " " in cut else cut
