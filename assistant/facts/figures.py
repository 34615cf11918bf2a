"""Figures of Romanian call documents, matched on folded text where words matter: amounts with a
currency (exchange rates left out), percentages, dates with an hour, durations, e-mails, phones."""

from __future__ import annotations

import re

from assistant.text import MONTHS, MULTIPLIERS, fold
from assistant.text import number_value as number

_NUMBER = r"\d{1,3}(?:[.\s\u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_MULT = r"(?:mii|mil\.?|milioane|milion|mld\.?|miliarde|miliard)"
_CUR = r"(?:€|eur(?:o)?\b|lei\b|ron\b|usd\b|\$)"
AMOUNT = re.compile(rf"(?:(?P<n1>{_NUMBER})\s*(?P<m1>{_MULT})?\s*(?P<c1>{_CUR})"
                    rf"|(?P<c2>{_CUR})\s*(?P<n2>{_NUMBER})\s*(?P<m2>{_MULT})?)",
                    re.IGNORECASE)
PERCENT = re.compile(r"(?<![\d,.])(\d{1,3}(?:[.,]\d+)?)\s*%")
_MONTH_RX = "|".join(k for k in MONTHS if k not in ("may", "march", "june", "july"))
DATE = re.compile(rf"\b(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}})\b|\b(\d{{1,2}})\s+({_MONTH_RX})\s+(\d{{4}})\b")
HOUR = re.compile(r"(?:\bora|\bh\.?|,|la)\s*(\d{1,2})[:.](\d{2})\b|\b(\d{1,2}):(\d{2})\b")
DURATION = re.compile(r"(?:(\d+)\s*(?:-|si|pana la)\s*)?(\d+)\s*(?:de\s+)?(luni|ani|zile|saptamani)\b")
# A bound word: "min.", "minim", "minimum", "minimă", "maxime" ("de minimis", an aid regime, is none).
MIN_MAX = re.compile(r"\b(min(?:im(?:um|ul|a|ă|e|i)?)?|max(?:im(?:um|ul|a|ă|e|i)?)?)\b\.?", re.IGNORECASE)
# A bound written after its value closes that value off: in brackets or between commas right after it
# ("12.000 lei (valoarea minimă)", "12.000 lei, valoarea minimă, și ..."), with no figure in between;
# Romanian never opens the next value with a bracket or a comma-set label, so it is the value before's.
BOUND_AFTER = re.compile(r"\s*(?:\((?P<par>[^()\d]{0,40}?)\)|,\s*(?P<com>[^,;.()\d]{0,40}?)(?=\s*(?:[,;.)]|$)))",
                         re.IGNORECASE)

_CURRENCY = {"€": "EUR", "eur": "EUR", "euro": "EUR", "lei": "RON", "ron": "RON", "usd": "USD", "$": "USD"}


# An exchange rate ("1 euro = 4,9 lei", "1 EUR = 5,0 RON"): the amount before "=" is a unit of
# currency, not a sum of money, and the one after it is a price, so neither is an amount.
_RATE_EQ = re.compile(r"\s*=\s*\d|\s*/\s*(?:1\s*)?(?:euro|eur)\b|\s*pentru\s+1\s+(?:euro|eur)\b", re.IGNORECASE)
# A sum of money has at most two decimals; "4,9750 lei" is an exchange rate.
_RATE_DIGITS = re.compile(r",\d{3,}$")
_RATE_BEFORE = re.compile(r"(?:\d\s*|" + _CUR + r")\s*=\s*(?:\d+[.,])?$", re.IGNORECASE)


def amounts(text: str) -> list[tuple[str, float, str]]:
    """(as written, value, ISO currency) for every amount with a currency (exchange rates left out)."""
    out: list[tuple[str, float, str]] = []
    for m in AMOUNT.finditer(text):
        if _RATE_EQ.match(text, m.end()) or _RATE_BEFORE.search(text[max(0, m.start() - 12): m.start()]):
            continue
        n, mult, cur = (m["n1"], m["m1"], m["c1"]) if m["n1"] else (m["n2"], m["m2"], m["c2"])
        if _RATE_DIGITS.search(n) or (n.strip() == "1" and not mult):
            continue  # "4,9750 lei", "1 euro": exchange-rate figures, never a call's sums
        value = number(n) * MULTIPLIERS.get((mult or "").lower().rstrip("."), 1.0)
        currency = _CURRENCY.get(cur.lower(), cur.upper())
        low = _RANGE_START.search(text[max(0, m.start() - 40): m.start()]) if m["n1"] else None
        if low and not (out and text.find(out[-1][0]) + len(out[-1][0]) > m.start() - len(low.group())):
            # "între 5.000 și 40.000 euro", "5.000 - 40.000 €": the range's first figure takes the currency
            figure = low.group(1) or low.group(2)
            first = number(figure) * MULTIPLIERS.get((mult or "").lower().rstrip("."), 1.0)
            out.append((f"{figure} {mult + ' ' if mult else ''}{cur}", first, currency))
        out.append((m.group().strip(), value, currency))
    return out


# The first figure of a range written with one currency: "5.000 - 40.000 €", "între 5.000 și 40.000 euro",
# "5.000 până la 40.000 lei", and "de la 5.000 la 40.000 lei" (a bare "la" only when "la" opens the
# first figure too: "(de) la 5.000 la 40.000").
_RANGE_START = re.compile(rf"(?<![\d.,])(?:({_NUMBER})\s*(?:-|–|—|si|și|pana la|până la)"
                          rf"|(?<=\bla )({_NUMBER})\s+la)\s*$", re.IGNORECASE)


def percents(text: str) -> list[tuple[int, float]]:
    return [(m.start(), number(m.group(1))) for m in PERCENT.finditer(text)]


def dates(text: str) -> list[tuple[int, str, str | None]]:
    """(offset, ISO date, 'HH:MM' or None) for every date; the hour is taken right after it."""
    folded = fold(text)
    out = []
    for m in DATE.finditer(folded):
        if m.group(1):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            d, mo, y = int(m.group(4)), MONTHS[m.group(5)], int(m.group(6))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        h = HOUR.search(folded[m.end(): m.end() + 25])
        hour = None
        if h:
            hh, mm = (h.group(1), h.group(2)) if h.group(1) else (h.group(3), h.group(4))
            hour = f"{int(hh):02d}:{mm}" if int(hh) < 24 else None
        out.append((m.start(), f"{y:04d}-{mo:02d}-{d:02d}", hour))
    return out


# The first day of a period written without its year ("1 martie – 30 aprilie 2027", "01.03 – 30.04.2027",
# "1 – 30 aprilie 2027"): the range's last day carries the year (and, when the first day has none, the month).
_OPEN_START = re.compile(rf"\b(\d{{1,2}})(?:\s+({_MONTH_RX})|[./](\d{{1,2}})\.?)?\s*(?:-|–|—|pana la|si)\s*$")


def open_start(text: str, offset: int, end_iso: str) -> str | None:
    """The ISO first day of a period whose last day (end_iso) is the date at folded text[offset:],
    when the first day is written before it without a year; None when it is not, or is after the end."""
    m = _OPEN_START.search(fold(text)[max(0, offset - 30): offset])
    if not m:
        return None
    year, month = int(end_iso[:4]), int(end_iso[5:7])
    mo = MONTHS[m.group(2)] if m.group(2) else int(m.group(3)) if m.group(3) else month
    day = int(m.group(1))
    if not (1 <= day <= 31 and 1 <= mo <= 12):
        return None
    iso = f"{year:04d}-{mo:02d}-{day:02d}"
    return iso if iso < end_iso else None


# Two dates joined only by a dash or "până la" (the first with its hour, if written) are the ends of
# one period: "în perioada 1 august 2027, ora 10:00 – 30 septembrie 2027, ora 17:00"; joined by "și",
# only after "între" ("între 3 mai și 28 mai 2027"): "15 mai și 30 iunie" are two days of their own.
_JOINED = re.compile(r"\s*(?:,?\s*(?:ora|h\.?)?\s*\d{1,2}[:.]\d{2}\s*)?,?\s*"
                     r"(?:-|–|—|(?P<and>si)|pana (?:la|in|pe))\s*(?:data de\s+)?")
_BETWEEN = re.compile(r"\bintre\s+(?:data de\s+)?$")


def period_last(text: str) -> tuple[int, str, str | None] | None:
    """The last day of the first period `text` writes as two joined dates (see `_JOINED`), as
    `dates` gives it (offset in folded text, ISO date, hour); None when it writes no period."""
    folded = fold(text)
    found = dates(text)
    for (start, _, _), later in zip(found, found[1:], strict=False):
        first = DATE.match(folded, start)
        if first and joins_period(folded[first.end(): later[0]], folded[:start]):
            return later
    return None


def joins_period(between: str, before: str = "") -> bool:
    """Whether the folded text between two dates joins them as the ends of one period (`_JOINED`);
    `before`: the folded text before the first date (where "între" stands)."""
    m = _JOINED.fullmatch(between)
    return m is not None and (not m.group("and") or bool(_BETWEEN.search(before)))


def duration(text: str) -> dict[str, object] | None:
    m = DURATION.search(fold(text))
    if not m:
        return None
    unit = m.group(3)
    low = int(m.group(1)) if m.group(1) else None
    return {"min": low, "max": int(m.group(2)), "unit": unit}


# A project period given by its last day ("nu depășește 30 iunie 2028", "până la 31.12.2029",
# "cel târziu la ..."): guides of the 2021-2027 programmes bound implementation by the programme's end.
_UNTIL = re.compile(r"(?:nu (?:poate )?(?:depas\w*|mai tarziu de|dupa)|pana (?:la|in|pe)(?: data de)?|"
                    r"cel (?:mai )?tarziu(?: la| pana la)?|se (?:finalizeaza|incheie)(?: pana)?(?: la| in)?)"
                    r"\s+(?:data de\s+)?$")


def end_date(text: str) -> str | None:
    """The ISO date a period ends on, when text bounds it by a last day."""
    folded = fold(text)
    for offset, iso, _ in dates(text):
        if _UNTIL.search(folded[max(0, offset - 40): offset]):
            return iso
    return None


def has_kind(text: str, kind: str) -> bool:
    """Whether text holds a value of the kind a field needs."""
    if kind == "amount":
        return bool(amounts(text))
    if kind == "percent":
        return bool(PERCENT.search(text))
    if kind == "date":
        return bool(dates(text))
    if kind == "period":
        return len(dates(text)) >= 2 or bool(dates(text))
    if kind == "duration":
        return duration(text) is not None or end_date(text) is not None
    words = re.findall(r"[a-z]{3,}", fold(text))
    return len(words) >= 2
