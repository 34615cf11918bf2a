"""Turns pypdf's layout-mode text (characters placed by position) into reading-order text.

Layout mode keeps each printed line on one text line, padded with spaces to the glyphs'
horizontal positions. That keeps labels on the line with their values, but it also puts the
two columns of a brochure side by side on every line; this module finds such a gutter and
reads the left column before the right one, then collapses the padding.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
from dataclasses import dataclass

logger = logging.getLogger(__name__)

MIN_GAP = 4  # spaces; layout mode pads ordinary word spacing with 1 to 3
_WIDE_GAP = re.compile(rf"(?<=\S) {{{MIN_GAP},}}(?=\S)")
_MIN_COLUMN_LINES = 3
_INDENT_TOLERANCE = 6  # characters a paragraph's first line may be indented in a column


@dataclass(frozen=True)
class _Line:
    text: str
    start: int  # index of the first non-space character
    end: int  # index after the last non-space character

    def side(self, x: int) -> str:
        """Where the line sits relative to a gutter at column x: left, right, both or cross."""
        if self.end <= x:
            return "left"
        if self.start > x:
            return "right"
        if self.text[x] != " ":
            return "cross"
        left_end = len(self.text[:x].rstrip())
        right_start = len(self.text) - len(self.text[x:].lstrip(" "))
        return "both" if right_start - left_end >= MIN_GAP else "cross"


def layout_to_text(raw: str) -> str:
    """Reading-order text of one page's layout-mode extraction."""
    lines = [line.rstrip() for line in raw.replace("\r", "").split("\n")]
    gutter = find_gutter(lines)
    if gutter is not None:
        logger.debug("two_columns gutter=%d", gutter)
        lines = _read_columns(lines, gutter, _right_margin(lines, gutter))
    rows = _table_rows(lines)
    out = [_collapse(line, as_row=i in rows) for i, line in enumerate(lines)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def find_gutter(lines: list[str]) -> int | None:
    """The column of a vertical white gutter between two columns of prose, if there is one."""
    parsed = [_parse(line) for line in lines if line.strip()]
    if len(parsed) < _MIN_COLUMN_LINES:
        return None
    width = max(p.end for p in parsed)
    best: tuple[int, int] | None = None  # (score, x)
    for x in range(1, width):
        sides = [p.side(x) for p in parsed]
        both, cross = sides.count("both"), sides.count("cross")
        # A few full-width lines (a title, a footer) may cross the gutter; most must not.
        if both < max(_MIN_COLUMN_LINES, 0.4 * len(parsed)) or cross > 0.2 * len(parsed):
            continue
        score = both - 2 * cross
        if best is None or score > best[0]:
            best = (score, x)
    if best is None:
        return None
    x = _centre_of_band(parsed, best)
    return x if _looks_like_prose_columns(parsed, x) else None


def _centre_of_band(parsed: list[_Line], best: tuple[int, int]) -> int:
    """Move from the band's first column to its middle, away from both columns' edges."""
    score, x = best
    end = x
    while end + 1 < max(p.end for p in parsed):
        sides = [p.side(end + 1) for p in parsed]
        if sides.count("both") - 2 * sides.count("cross") != score:
            break
        end += 1
    return (x + end) // 2


def _looks_like_prose_columns(parsed: list[_Line], x: int) -> bool:
    """Tell two columns of sentences from label/value lines and tables, which must stay rows.

    Labels end with a colon, or are short next to a wide gap; table cells are one or two
    words. Columns of prose have several words on both sides and mostly fill the left column.
    """
    pairs = [(p.text[:x].strip(), p.text[x:].strip()) for p in parsed if p.side(x) == "both"]
    if sum(left.endswith(":") for left, _ in pairs) >= 0.3 * len(pairs):
        return False
    prose = sum(_is_prose(left) and _is_prose(right) for left, right in pairs)
    widest = max(len(left) for left, _ in pairs)
    fill = statistics.median(len(left) for left, _ in pairs) / widest
    return prose >= 0.6 * len(pairs) and fill >= 0.5


def _is_prose(segment: str) -> bool:
    return len(segment) >= 12 and len(segment.split()) >= 2


def _right_margin(lines: list[str], x: int) -> int:
    """Where the right column's lines most often start."""
    starts = [len(line) - len(line[x:].lstrip(" ")) for line in lines if line[x:].strip()]
    return statistics.mode(starts)


def _read_columns(lines: list[str], x: int, margin: int) -> list[str]:
    """Left column then right column, block by block between lines that span the page.

    A line whose right part starts away from the right column's margin (a value pushed to
    the right edge, a centred page number) is not column text: it stays whole, in place.
    """
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        side = _parse(line).side(x) if line.strip() else "blank"
        off_margin = abs(len(line) - len(line[x:].lstrip(" ")) - margin) > _INDENT_TOLERANCE
        if side == "cross" or (side in ("right", "both") and off_margin):
            out += _column(left) + [""] + _column(right) + [line]
            left, right = [], []
            continue
        # A side with nothing on this line gets a blank: its text has a vertical break here.
        left.append(line[:x].rstrip() if side in ("left", "both") else "")
        right.append(line[x:] if side in ("right", "both") else "")
    return out + _column(left) + [""] + _column(right)


def _column(lines: list[str]) -> list[str]:
    """One column's lines, without blank lines that cut a sentence in two.

    A blank line spans the whole page when either column has vertical space there, so the
    other column can get a false paragraph break; a line starting in lower case continues.
    """
    lines = _dedent(lines)
    out: list[str] = []
    for line in lines:
        if line.strip()[:1].islower() and out and not out[-1].strip():
            while out and not out[-1].strip():
                out.pop()
            if out and not out[-1].rstrip().endswith((".", "!", "?", ":", ";")):
                out.append(line)
                continue
            out.append("")
        out.append(line)
    return out


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return [line[cut:] for line in lines]


def _collapse(line: str, *, as_row: bool) -> str:
    """Drop the padding: table rows get tabs between cells, other lines single spaces."""
    cells = _WIDE_GAP.split(line.strip())
    return re.sub(r" {2,}", " ", ("\t" if as_row else " ").join(cells))


def _cell_edges(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line, cells being separated by wide gaps."""
    edges, start = [], len(line) - len(line.lstrip(" "))
    for gap in _WIDE_GAP.finditer(line):
        edges.append((start, gap.start()))
        start = gap.end()
    return [*edges, (start, len(line.rstrip()))]


def _table_rows(lines: list[str]) -> set[int]:
    """Indexes of lines that are table rows: three or more cells, aligned with a neighbour's.

    Justified text stretched across a column also has wide gaps, but its word positions do
    not line up with the next line's (a few may, by chance), while most of a table's cells do
    (left or right aligned).
    """
    edges = [_cell_edges(line) if line.strip() else [] for line in lines]
    # Justified lines all end at the right margin: an end there lines up with any full line's,
    # so it says nothing about columns.
    margin = max((e[-1][1] for e in edges if e), default=0)
    rows: set[int] = set()
    for i in range(len(lines)):
        if len(edges[i]) < 3 or _has_lone_function_word(lines[i], edges[i]):
            continue
        neighbours = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(lines)]
        # A table's rows have about as many cells, and its columns line up cell after cell;
        # justified words line up only now and then.
        need = max(2, math.ceil(0.6 * (len(edges[i]) - 1)))
        if any(_aligned(edges[i], edges[j], margin) >= need for j in neighbours
               if len(edges[j]) >= 2 and abs(len(edges[j]) - len(edges[i])) <= 1):
            rows.add(i)
    return rows


# Romanian prepositions, conjunctions and articles. A table cell never holds one alone; a
# justified line split at its stretched spaces often does ("de", "și", "în" between two gaps).
_FUNCTION_WORDS = frozenset({
    "a", "al", "ale", "ai", "cu", "de", "din", "dintre", "după", "fără", "în", "între", "la", "pe",
    "pentru", "prin", "spre", "sub", "și", "sau", "ori", "iar", "dar", "că", "să", "se", "ce", "care",
    "o", "un", "una", "unei", "unui", "unor", "ca", "decât", "până", "față", "asupra"})


def _has_lone_function_word(line: str, edges: list[tuple[int, int]]) -> bool:
    return any(line[s:e].strip().lower() in _FUNCTION_WORDS for s, e in edges[1:])


def _aligned(a: list[tuple[int, int]], b: list[tuple[int, int]], margin: int) -> int:
    """How many cells after the first of `a` line up with one of `b`: a start within 1 (a
    left-aligned column; layout mode rounds positions), or the same end away from the right
    margin (a right-aligned column of figures)."""
    return sum(
        any(abs(s - t) <= 1 or (e == f and e < margin - 1) for t, f in b[1:]) for s, e in a[1:]
    )


def _parse(line: str) -> _Line:
    stripped = line.lstrip(" ")
    return _Line(text=line, start=len(line) - len(stripped), end=len(line.rstrip()))
