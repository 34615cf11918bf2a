"""Aid-intensity tables: the maximum funding rate by enterprise size (rows) and county or region
(columns), the way regional-aid calls print them.

Such a table gives its figures without "%" (the header says "(%)"), so the percent patterns miss
them. Read as a table (a DOCX, or rows the loader kept) each size row gives its rates by county;
flattened into text by a PDF dump, the figures after each size word give that row's rates.
"""

from __future__ import annotations

import re

from assistant.facts.inline import label_hits
from assistant.facts.lines import Line
from assistant.facts.patterns import conditions, label_cells
from assistant.facts.regions import canonical_region, counties_in
from assistant.facts.values import Fact
from assistant.text import fold

# Enterprise sizes as the rows of an intensity table name them (Law 346/2004 categories): the
# labels are patterns.CONDITIONS's, the patterns are a table cell's short forms ("Micro / Mică",
# "Mijlocie"), which the running-text patterns there ("întreprinderi mici") do not match.
_SIZES: list[tuple[str, re.Pattern[str]]] = [
    ("microintreprinderi, intreprinderi mici", re.compile(r"micro\w*\s*/\s*mic[aie]\w*")),
    ("microintreprinderi", re.compile(r"micro\w*")),
    ("intreprinderi mici", re.compile(r"(?<![a-z])mic[aie]\b")),
    ("intreprinderi mijlocii", re.compile(r"mijloci\w*")),
    ("intreprinderi mari", re.compile(r"(?<![a-z])mari\b")),
]
_SIZE_ANY = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in _SIZES))
_FIGURE = re.compile(r"(?<![\d.,%])(\d{1,3})(?![\d.,]|\s*%|\s*(?:de\s+)?(?:puncte|ani|luni|zile|angajati|salariati))")
_PERCENT_HEADER = re.compile(r"\(\s*%\s*\)|intensitat\w*")
# A size label too wide for its cell is wrapped onto two lines ("Întreprinderi" / "mari"), and a
# PDF dump of the table writes the row's figures between its two words: figures right after the
# label's first word, with the size word after them, are that row's.
_WRAPPED = re.compile(r"\bintreprinder\w*\s+((?:\d{1,3}\s+)+)$")


def intensity_facts(units: list[Line]) -> list[Fact]:
    out: list[Fact] = []
    for unit in units:
        if unit.kind == "table":
            out.extend(_table_row(unit))
        elif _PERCENT_HEADER.search(fold(unit.text)) and _rate_label(unit.text):
            out.extend(_flattened(unit))
    return out


def _rate_label(text: str) -> bool:
    return any(h.spec.name == "funding_rate" for h in label_hits(text))


def _size(text: str) -> str | None:
    folded = fold(text)
    return next((name for name, rx in _SIZES if rx.search(folded)), None)


def _table_row(unit: Line) -> list[Fact]:
    """'Tip: Micro / Mică | Alba: 70 | Sibiu: 60': a size row with a rate under each county."""
    cells = label_cells(unit.text)
    size = next((s for s in (_size(v) for _, v in cells[:1]) if s), None)
    by_place: dict[str, float] = {}
    for head, value in cells[1:]:
        place = (counties_in(head) or [canonical_region(head) or ""])[0]
        m = re.fullmatch(r"\s*(\d{1,3}(?:[.,]\d+)?)\s*%?\s*", value)
        if place and m and 0 < float(m.group(1).replace(",", ".")) <= 100:
            by_place[place] = float(m.group(1).replace(",", "."))
    if size is None or len(by_place) < 2:
        return []
    return [_fact(unit, size, by_place, unit.text)]


def _flattened(unit: Line) -> list[Fact]:
    """'... (%) Alba Brașov Micro / Mică 70 60 Mijlocie 60 50 ...': after each size word, its figures."""
    folded = fold(unit.text)
    start = re.search(r"\(\s*%\s*\)", folded) or _PERCENT_HEADER.search(folded)
    assert start is not None
    body = folded[start.end():]
    first = _SIZE_ANY.search(body)
    places = counties_in(body[: first.start()]) if first else []
    out: list[Fact] = []
    marks = list(_SIZE_ANY.finditer(body))
    for k, m in enumerate(marks):
        segment = body[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(body)]
        lead = re.match(r"[\s\d]*", segment)
        figures = [float(f) for f in _FIGURE.findall(lead.group() if lead else "") if 0 < int(f) <= 100]
        wrapped = _WRAPPED.search(body[: m.start()]) if not figures else None
        if wrapped:  # "Întreprinderi 50 40 mari": the row's label wrapped around its figures
            figures = [float(f) for f in _FIGURE.findall(wrapped.group(1)) if 0 < int(f) <= 100]
        size = _size(m.group())
        if not figures or size is None:
            continue
        by_place = dict(zip(places, figures, strict=False)) if len(figures) == len(places) else {}
        out.append(_fact(unit, size, by_place, unit.text, top=max(figures)))
    return out


def _fact(unit: Line, size: str, by_place: dict[str, float], text: str, top: float | None = None) -> Fact:
    rate = top if top is not None else max(by_place.values())
    regime = [c for c in conditions(text) if c in ("ajutor de stat", "ajutor de minimis")][:1]
    extra = {"by_place": by_place} if by_place else {}
    return Fact("funding_rate", f"{rate:g}%", normalized=rate, condition=", ".join([*regime, size]),
                page=unit.page, section=unit.section, chunk_id=unit.chunk_id, text=unit.text, passage=unit.passage,
                extra={**extra, "max_of_table": True})
