"""Page text to typed blocks (heading, paragraph, table, list item), repairing PDF-dump layout.

Our own because this is where scrambled call documents are won or lost: lines wrapped or
double-spaced by PDF extraction are joined back into sentences, tab-separated tables keep
their header with every row, and short label lines become the headings chunks are filed under.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import zip_longest

from assistant.text import fold, is_caps_label
from ingest.cell_lines import cell_rows
from ingest.hyphens import join_wrapped, page_vocabulary
from ingest.key_tables import is_key_header, key_row
from ingest.loaders._text import looks_like_url

_TERMINAL = (".", "!", "?", ";", ":")
_LIST_ITEM = re.compile(r"^\s*(?:[-•▪◦●*–]|\d{1,2}[.)]|[a-z][.)])\s+")
# A bullet (or a dash) followed by a tab is how word processors export a list item's marker;
# the tab is the marker's indent, not a column break.
_BULLET_TAB = re.compile(r"^\s*[-•▪◦●*–·o§]\t")
# "Cod apel: X", "Data lansării: 12.03.2025": a short capitalised label, a colon, its value. A
# call's header block prints a run of these, one field a line; each is its own unit, so a
# question about one label quotes that field and not the whole block.
_FIELD = re.compile(r"^[A-ZĂÂÎȘȚ][\w ăâîșțĂÂÎȘȚ./()-]{0,40}?:\s+\S")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


@dataclass
class Block:
    kind: str  # "heading", "para", "table", "item"
    text: str
    level: int = 0  # heading level (1 = top)
    tail: str = ""  # the last line as printed: whether the next one wraps from it depends on it


def _paragraphs(text: str) -> list[list[str]]:
    """Lines grouped by blank lines; tab rows and list items kept as their own lines."""
    groups: list[list[str]] = [[]]
    for raw in text.replace("\r", "").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            if groups[-1]:
                groups.append([])
            continue
        if _BULLET_TAB.match(line):  # Word's bullet then a tab: a list item, never a table row
            line = " ".join(line.split())
        groups[-1].append(line if "\t" in line else " ".join(line.split()))
    return [g for g in groups if g]


def _continues(prev: Block, line: str) -> bool:
    """A line after one with no final punctuation goes on it when it starts in lower case
    or the previous line was a long one cut by the page width."""
    if prev.kind not in ("para", "item") or not line or _LIST_ITEM.match(line) or is_caps_label(line):
        return False
    if _FIELD.match(line) and _FIELD.match(prev.text):  # "Label: value" after another: its own unit
        return False
    if _bare_end(prev.text).endswith(_TERMINAL) or is_caps_label(prev.text):
        return False
    # A long line cut without punctuation is a wrapped line, whatever case follows.
    return line[0].islower() or line[0] in ",)" or len(prev.tail or prev.text) >= 50


def _bare_end(text: str) -> str:
    """A line's end without the emphasis or quotes closing it: a sentence set in italics or bold
    ("- *s-a elaborat agenda.*") ends at its own punctuation, inside the markers."""
    return text.rstrip().rstrip("*_”\"»'").rstrip()


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.split("\t") if c.strip()]


def _table_blocks(rows: list[str]) -> list[Block]:
    """Rows as 'Header: value | Header: value' under the first row of two or more cells; the rows
    of a key-data table ("Indicator | Valoare", see key_tables.py) as 'label: value'.

    Lines with one cell (a title typed into the table) stay text; a row with far fewer
    cells than the header (a 'Site: http://...' line) is kept as plain text, not forced
    into the header's columns.
    """
    blocks: list[Block] = []
    header: list[str] | None = None
    records: list[str] = []
    fitted = False  # some row was read under the header's column names
    for row in rows:
        cells = _cells(row)
        if len(cells) < 2:
            if cells:
                blocks.append(Block("para", cells[0]))
            continue
        if header is None:
            header = cells
            continue
        if len(cells) == 2 and is_key_header(header):
            records.append(key_row(cells))
            fitted = True
        elif len(cells) * 2 >= len(header) + 1 and len(cells) <= len(header):
            # A short row keeps every column name (an empty cell reads "Header:"), so no word is lost.
            records.append(" | ".join(f"{h}: {v}".rstrip() for h, v in zip_longest(header, cells, fillvalue="")))
            fitted = True
        else:
            records.append(" ".join(cells))
    if header is not None and not fitted:  # no row uses the names: the header is text too
        blocks.append(Block("para", " | ".join(header)))
    if records:
        blocks.append(Block("table", "\n".join(records)))
    return blocks


def page_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    vocabulary = page_vocabulary(text)
    groups = _paragraphs(text)
    for n, group in enumerate(groups):
        if _is_table_group(group):
            first = [] if "\t" in group[0] else [group[0]]
            for line in first:
                _add_line(blocks, line, first=True)
            blocks.extend(_table_blocks([ln for ln in group if "\t" in ln]))
            continue
        pos = 0
        for run in cell_rows(group):  # a table printed one cell a line: its rows, one table
            if run.start > pos:
                _add_text(blocks, group[pos:run.start], vocabulary, titled=False)
            blocks.extend(_table_blocks(run.rows) if run.header else [Block("table", "\n".join(run.rows))])
            pos = run.end
        if pos < len(group):
            rest = group[pos:]
            # A short line alone between a blank line and a table is the table's title, never the
            # end of the text before it.
            titled = (pos == 0 and len(rest) == 1 and n + 1 < len(groups) and _is_table_group(groups[n + 1])
                      and len(rest[0]) <= 100)
            _add_text(blocks, rest, vocabulary, titled=titled)
    _mark_headings(blocks)
    return blocks


def _add_text(blocks: list[Block], group: list[str], vocabulary: Counter[str], *, titled: bool) -> None:
    """A group's lines as units of text (`titled`: the group is a table's title, a unit alone)."""
    units = _lines_to_units(group, vocabulary)
    for i, line in enumerate(units):
        tail = group[-1] if i == len(units) - 1 else line
        opens = (line is group[0] or not blocks) and not titled
        _add_line(blocks, line, first=opens, tail=tail, vocabulary=vocabulary)


def _is_table_group(group: list[str]) -> bool:
    tab_rows = [ln for ln in group if len(_cells(ln)) >= 2]
    return len(tab_rows) >= 2 and all("\t" in ln for ln in group[1:])


def _lines_to_units(group: list[str], vocabulary: Counter[str]) -> list[str]:
    """Join wrapped lines of one paragraph; list items start new units."""
    units: list[str] = []
    fields = [bool(_FIELD.match(line)) for line in group]
    for i, line in enumerate(group):
        md = _MD_HEADING.match(line)
        if units and is_caps_label(line) and is_caps_label(units[-1]) and len(units[-1]) < 80:
            units[-1] = f"{units[-1]} {line}"  # a capitals title broken over lines
        elif (md or _LIST_ITEM.match(line) or not units or is_caps_label(line) or is_caps_label(units[-1])
              or _MD_HEADING.match(units[-1]) or _starts_field(group, fields, i)
              or units[-1].endswith((":", ";")) or _numbered_title(units[-1], line)
              or (_numbered_title("", units[-1]) and line[:1].isupper())
              or (line.endswith(":") and len(line) <= 80 and units[-1].endswith(_TERMINAL))):
            # A markdown heading is one line: the line under it starts the text it heads. A line
            # ending in ":" or ";" closes a list's introduction or one of its items (Romanian
            # enumerations: "Sunt eligibile:", "microîntreprinderile;"): the next line is the next item,
            # and a short introduction on its own line after a complete one is a unit of its own.
            units.append(line)
        else:
            units[-1] = join_wrapped(units[-1], line, vocabulary)
    return units


def _starts_field(group: list[str], fields: list[bool], i: int) -> bool:
    """A "Label: value" line after another one, or opening a run of them after a line that is
    complete (a full stop, or short): a wrapped sentence whose next line happens to start with
    "Word:" goes on."""
    if not fields[i] or i == 0:
        return False
    prev = group[i - 1]
    complete = prev.rstrip().endswith(_TERMINAL) or len(prev) < 50
    return fields[i - 1] or (complete and i + 1 < len(group) and fields[i + 1])


def _add_line(blocks: list[Block], line: str, first: bool, tail: str = "",
              vocabulary: Counter[str] | None = None) -> None:
    md = _MD_HEADING.match(line)
    if md and looks_like_url(md.group(2)):  # a link set as a heading is still only a link
        blocks.append(Block("para", md.group(2).strip()))
    elif md:
        blocks.append(Block("heading", md.group(2).strip(), len(md.group(1))))
    elif blocks and first and _continues(blocks[-1], line):
        blocks[-1].text = join_wrapped(blocks[-1].text, line, vocabulary)  # double-spaced dump: same sentence
        blocks[-1].tail = tail or line
    elif _LIST_ITEM.match(line):
        blocks.append(Block("item", line.strip(), tail=tail or line))
    else:
        blocks.append(Block("para", line.strip(), tail=tail or line))


def _mark_headings(blocks: list[Block]) -> None:
    """Short lines that name what follows become headings.

    Capitals-only labels (level 2), a short line just before a table (level 2), a short
    label ending in ':' and a short title line before its paragraph (level 3). Two headings
    in a row keep the first as the parent.
    """
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        numbered = _numbered_heading_level(b, nxt)
        if numbered:
            b.kind, b.level = "heading", numbered
            continue
        if b.kind != "para" or len(b.text) > 100 or len(b.text.split()) > 12 or looks_like_url(b.text):
            continue
        text = b.text.rstrip()
        if is_caps_label(text) or (nxt is not None and nxt.kind == "table" and not text.endswith(".")
                                   and not _leads_in(text)):
            b.kind, b.level = "heading", 2
        elif _is_label_line(text, nxt) or _is_title_line(text, nxt):
            b.kind, b.level = "heading", 3


# A sentence that introduces the table under it ("La 1 mai, rețeaua avea 40 de membri, astfel:",
# "Bugetul se împarte după cum urmează:"): it ends in ":" after a clause (a comma inside it) or after
# the words Romanian uses to announce what follows; a table's title is a name, with neither.
_LEAD_IN = re.compile(r"(?:,.*|\b(?:astfel|urmatoarele|urmatorii|urmeaza|mai jos|as follows|below)\s*):$")


def _leads_in(text: str) -> bool:
    return bool(_LEAD_IN.search(fold(text)))


# "3.1. Tipul de apel", "3.1 Tipul", "2) Beneficiari": a section number, then a capital.
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+[A-ZĂÂÎȘȚ]")


def _numbered_title(prev: str, line: str) -> bool:
    """A guide's numbered section title ("7. Coduri CAEN eligibile") on its own line after a
    complete one (or after nothing, `prev` ""): a text file with no blank lines still starts its
    sections on new lines, and their text on the line after the title."""
    return ((not prev or prev.endswith(_TERMINAL)) and bool(_NUMBERED.match(line)) and len(line.split()) <= 10
            and not line.endswith(_TERMINAL + (",",)))


def _numbered_heading_level(b: Block, nxt: Block | None) -> int:
    """A guide's numbered section title ("2. Solicitanți eligibili", "3.1 Cheltuieli eligibile"):
    short, capitalised, no final punctuation, followed by text that is not another such line (a
    list of short numbered items is a list). Its level follows the depth of its number."""
    m = _NUMBERED.match(b.text)
    if m is None or b.kind not in ("para", "item") or len(b.text.split()) > 10 or b.text.endswith(_TERMINAL + (",",)):
        return 0
    if nxt is None or nxt.kind == "heading" or (_NUMBERED.match(nxt.text) and len(nxt.text.split()) <= 10):
        return 0
    return min(3, 2 + m.group(1).count("."))


def _is_label_line(text: str, nxt: Block | None) -> bool:
    """A short label ending in ':' before its text ("Obiectivul proiectului:")."""
    return text.endswith(":") and ". " not in text and nxt is not None and nxt.kind in ("para", "item")


def _is_title_line(text: str, nxt: Block | None) -> bool:
    """A short capitalised line with no final punctuation, standing alone before a paragraph
    at least twice its length: a title in a text dump ("Delta Dunării", "Criterii de selecție")."""
    if nxt is None or nxt.kind != "para" or not text[:1].isupper() or text.endswith(_TERMINAL + (",",)):
        return False
    return len(text.split()) <= 8 and len(nxt.text) >= 2 * len(text) and nxt.text[:1].isupper()
