"""The units a sheet reads: a document's lines, with header blocks and label tables taken apart.

Loaders join the short lines of a call page's header ("Program: ... / Regiuni: ... / Data de
sfârșit: ...") into one paragraph, and a two-column label/value table becomes one row; either way
each label must start its own unit, or a value runs on into the next labels.
"""

from __future__ import annotations

import re

from assistant.facts.lines import Line
from assistant.facts.patterns import FIELDS, MIN_MAX, label_cells
from assistant.text import fold

# "Label: " inside a header block: up to five words before a colon and a space, the label starting
# with a capital (a header row of a Romanian call page: "Data de sfârșit:", "Buget total:").
_COLON = re.compile(r":\s")
_WORD = re.compile(r"\S+")
_MAX_LABEL_WORDS = 5
_PROGRAMME_LABEL = re.compile(r"^program(?:ul)?$")
# Markdown emphasis around a label or a value ("**Buget total:** 40.000 €") is not part of either.
_EMPHASIS = re.compile(r"(?<!\w)(?:\*\*|__)(.+?)(?:\*\*|__)(?!\w)")


def expand(lines: list[Line]) -> list[Line]:
    """Text units as they are, header blocks one unit per label; two-column label/value tables as
    'Label: value' units; other tables left to the records."""
    out: list[Line] = []
    seen: set[str] = set()
    for line in lines:
        if line.kind != "table":
            text = _EMPHASIS.sub(r"\1", line.text)
            out.extend(_unit(line, piece) for part in split_header_block(text) for piece in split_caps_label(part))
            continue
        cells = label_cells(line.text)
        rows = _bound_columns(cells) or _field_columns(cells)
        if rows:
            for row in (r for r in rows if r not in seen):
                seen.add(row)
                out.append(Line(row, line.page, line.section, line.chunk_id, line.passage, "text"))
            continue
        if len(cells) != 2:
            continue
        (h1, v1), (h2, v2) = cells
        if _names_rate(h2):
            # A table whose second header is itself a rate's label ("Tip beneficiar | Rata de
            # finanțare") is not label/value pairs but a rate per category: each row is the rate
            # under its header, the category its condition ("Rata de finanțare: 90% (Microîntreprinderi)").
            row = f"{h2}: {v2} ({v1})"
            if row not in seen and v2.strip():
                seen.add(row)
                out.append(Line(row, line.page, line.section, line.chunk_id, line.passage, "text"))
            continue
        for label, value in ((h1, h2), (v1, v2)):
            row = f"{label}: {value}"
            # a row's first cell is its label, colon implied ("Regiuni" | "Nord-Est, Sud-Est"); the
            # header row repeats in every rendered row, so each pair is taken once
            named = _names_field(label)
            if row not in seen and value.strip() and len(label.split()) <= _MAX_LABEL_WORDS + 1 and named:
                seen.add(row)
                out.append(Line(row, line.page, line.section, line.chunk_id, line.passage, "text"))
    return out


def _names_field(header: str) -> bool:
    return bool(_PROGRAMME_LABEL.match(fold(header))) or any(spec.label.search(fold(header) + ":") for spec in FIELDS)


def _bound_columns(cells: list[tuple[str, str]]) -> list[str]:
    """A table whose columns after the first are bounds ("Indicator | Minim | Maxim") gives each row as
    its first cell's label with every bound before its value: "Valoarea proiectului: Minim 10.000 lei,
    Maxim 90.000 lei" (a Romanian bound heads its figure, as in prose); [] for any other row."""
    if len(cells) < 3 or not all(MIN_MAX.fullmatch(h.strip()) for h, _ in cells[1:]):
        return []
    label = cells[0][1]
    if not _names_field(label):
        return []
    return [f"{label}: " + ", ".join(f"{h} {v}" for h, v in cells[1:] if v.strip())]


def _field_columns(cells: list[tuple[str, str]]) -> list[str]:
    """A table whose every header names a figure's field ("Valoare minimă | Valoare maximă") holds one
    value per column: each cell is 'header: value'; [] for any other row (a column headed by who or
    what, "Tip beneficiar", makes each row a record: its rates are that record's, left to the records)."""
    if len(cells) < 2 or not all(_names_figure(h) and v.strip() and not _names_field(v) for h, v in cells):
        return []
    return [f"{h}: {v}" for h, v in cells]


def _names_figure(header: str) -> bool:
    return any(spec.kind != "text" and spec.label.search(fold(header) + ":") for spec in FIELDS)


def _names_rate(header: str) -> bool:
    return any(spec.kind == "percent" and spec.label.search(fold(header) + ":") for spec in FIELDS)


def _unit(line: Line, text: str) -> Line:
    if text == line.text:
        return line
    return Line(text, line.page, line.section, line.chunk_id, line.passage, line.kind)


def split_header_block(text: str) -> list[str]:
    """'Program: A Regiuni: B, C Data de sfârșit: D' -> ['Program: A', 'Regiuni: B, C', 'Data de sfârșit: D'].

    Only a unit that opens with a label and holds at least two more labels is a header block: prose
    with one colon ("Sunt eligibile: ...") stays whole."""
    starts = [s for s in (_label_start(text, m.start()) for m in _COLON.finditer(text)) if s is not None]
    if len(starts) < 3 or starts[0] != 0:
        return [text]
    bounds = [*starts, len(text)]
    parts = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [p for p in parts if p]


def _label_start(text: str, colon: int) -> int | None:
    """Where the label ending at colon starts: the nearest capitalised word before it (an acronym
    takes the capitalised word before it too: "Cod SMIS"), within five words; None if no label."""
    before = text[:colon]
    words = list(_WORD.finditer(before))[-_MAX_LABEL_WORDS:]
    if not words or not words[-1].group()[-1].isalnum():
        return None
    for k in range(len(words) - 1, -1, -1):
        word = words[k].group()
        if not word[0].isupper():
            continue
        if word.isupper() and len(word) > 1 and k > 0 and words[k - 1].group()[0].isupper() \
                and words[k - 1].group()[-1].isalnum():
            k -= 1
        return words[k].start()
    return None


# A brochure's capitals label ("ALOCAREA FINANCIARĂ", "BENEFICIARI ELIGIBILI") glued by a PDF dump to
# the text of the other column: two to six capitalised words with ordinary text on either side.
_CAPS_RUN = re.compile(r"(?<!\S)((?:[A-ZĂÂÎȘȚ]{2,}[,]?\s+){1,5}[A-ZĂÂÎȘȚ]{2,})(?!\S)")


def split_caps_label(text: str) -> list[str]:
    """'ALOCAREA FINANCIARĂ Întreprinderile mici ...' -> ['ALOCAREA FINANCIARĂ', 'Întreprinderile mici ...'],
    only for a capitals run that names a sheet field; a line all in capitals stays whole."""
    if text.isupper():
        return [text]
    from assistant.facts.inline import label_hits

    for m in _CAPS_RUN.finditer(text):
        if any(not h.spec.weak or m.group(1).count(" ") >= 1 for h in label_hits(m.group(1))):
            parts = [text[: m.start()].strip(), m.group(1), text[m.end():].strip()]
            head = [p for p in parts[:2] if p]
            return head + (split_caps_label(parts[2]) if parts[2] else [])
    return [text]
