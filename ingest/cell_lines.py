"""Tables a PDF dump prints one cell a line: a row's label, then its figures, each on a line.

A budget by year extracted from a PDF comes out as "Cheltuieli cu personalul" / "182.400" /
"236.800" / ... / "TOTAL" / "645.760" / ...: read as text, its lines run into one paragraph (or a
capitals row label, "TOTAL", becomes a heading that starts a new chunk without the rest of the
table). Rows rebuilt here keep each label with its figures, one unit a row, all in one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A cell holding only a figure ("182.400", "0", "15%", "-1.250,50", "96.500 lei").
NUMBER_CELL = re.compile(r"^\s*[-+]?\d[\d.,\s]*%?(?:\s*(?:lei|euro|eur|ron))?\s*$", re.IGNORECASE)
MIN_ROWS = 3  # rows of the same width in a row: fewer is as likely a list of figures in prose
_LABEL_CHARS = 80  # a longer line is prose, not a row's label
_HEADER_CHARS = 40  # a longer one is no column's name


@dataclass(frozen=True)
class CellRows:
    """Rows rebuilt from `lines[start:end]` of a group of lines. With a header (its cells the
    lines right above the rows, one more than a row's figures: the label column's name and one
    per figure): tab-separated rows, the header first, as the DOCX reader gives a table. Without
    one: rows "label figure figure ..."."""

    start: int
    end: int
    rows: list[str]
    header: bool


def _label_line(line: str) -> bool:
    return len(line) <= _LABEL_CHARS and not line.rstrip().endswith((".", "!", "?", ";"))


def _continues_label(line: str) -> bool:
    """A label's next line that wraps it: lower case or a bracket ("Echipamente de" / "cercetare",
    "Cheltuieli indirecte" / "(15%)"); a capital starts another cell (a header's)."""
    return line[:1] == "(" or line[:1].islower()


def cell_rows(lines: list[str]) -> list[CellRows]:
    """The runs of at least MIN_ROWS rows in lines: a label (one line, or a few that wrap it)
    followed by two or more figure lines, every row of a run with as many figures, each row
    starting right after the one before. Lines outside the runs are not part of any."""
    figure = [bool(NUMBER_CELL.match(line)) for line in lines]
    segments: list[tuple[int, int, int]] = []  # (label start, figures start, figures end)
    i = 0
    while i < len(lines):
        if not figure[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and figure[j]:
            j += 1
        if j - i >= 2 and i > 0 and not figure[i - 1] and _label_line(lines[i - 1]):
            s = i - 1
            while s > 0 and _continues_label(lines[s]) and not figure[s - 1] and _label_line(lines[s - 1]):
                s -= 1
            segments.append((s, i, j))
        i = j
    runs: list[list[tuple[int, int, int]]] = []
    for seg in segments:
        last = runs[-1][-1] if runs else None
        if last is not None and seg[0] == last[2] and seg[2] - seg[1] == last[2] - last[1]:
            runs[-1].append(seg)
        else:
            runs.append([seg])
    out: list[CellRows] = []
    for run in (r for r in runs if len(r) >= MIN_ROWS):
        width = run[0][2] - run[0][1]
        found = _header(lines, run[0][0], width + 1)
        if found is None:
            out.append(CellRows(run[0][0], run[-1][2], [" ".join(" ".join(lines[s:j]).split()) for s, _, j in run],
                                header=False))
            continue
        top, names = found
        rows = [" ".join(" ".join(lines[s:f]).split()) + "\t" + "\t".join(lines[f:j]) for s, f, j in run]
        out.append(CellRows(top, run[-1][2], ["\t".join(names), *rows], header=True))
    return out


def _header(lines: list[str], start: int, width: int) -> tuple[int, list[str]] | None:
    """(its first line, its cells) when the `width` cells right above `start` are short, each a
    line or a few that wrap it, as a header's column names are; None otherwise."""
    cells: list[str] = []
    p = start - 1
    while p >= 0 and len(cells) < width:
        cell = [lines[p]]
        while p > 0 and _continues_label(lines[p]):
            p -= 1
            cell.insert(0, lines[p])
        text = " ".join(" ".join(cell).split())
        if len(text) > _HEADER_CHARS or text.endswith((".", "!", "?", ";", ":")):
            return None
        cells.insert(0, text)
        p -= 1
    return (p + 1, cells) if len(cells) == width else None
