"""Tables as records with named fields: one table per set of headers, across a document's sections.

A report that prints one small table per project (same headers each time) becomes one table
of projects; each record keeps the heading it sits under as its name and the row it came from
as its citation.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.facts.lines import Line
from assistant.facts.patterns import FIELDS, label_cells, number
from assistant.text import fold

_NUMERIC = re.compile(r"\d{1,3}(?:[.\s]\d{3})*(?:,\d+)?|\d+(?:[.,]\d+)?")


@dataclass
class Record:
    """One table row: fields by normalised key, the headers as written, where it was read."""

    document: str
    table: str  # "T1", "T2"... per document
    name: str | None
    fields: dict[str, str]
    labels: dict[str, str]  # key -> header as written
    page: int | None
    section: str | None
    chunk_id: str
    text: str  # the row as indexed, what a citation shows
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        """The row's heading (an acronym, a code) with its first value (a title, a name)."""
        first = next(iter(self.fields.values()), "")
        first = first if len(first) <= 90 else first[:90].rsplit(" ", 1)[0] + " …"
        return f"{self.name} — {first}" if self.name and first else self.name or first

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def field_key(header: str) -> str:
    """'Nr. membri cluster' -> 'nr_membri_cluster'."""
    return re.sub(r"[^a-z0-9]+", "_", fold(header)).strip("_") or "col"


def numeric_value(value: str) -> float | None:
    """The number a cell holds when it is only a number (a count, an amount)."""
    v = value.strip().rstrip("%").strip()
    if not _NUMERIC.fullmatch(v):
        return None
    try:
        return number(v)
    except ValueError:
        return None


def _is_key_value(cells: list[tuple[str, str]]) -> bool:
    """A two-column label/value table belongs to the fact sheet, not to the records."""
    return len(cells) == 2 and any(s.label.search(fold(h)) for h, _ in cells for s in FIELDS if not s.weak)


@dataclass
class _Table:
    keys: list[str]
    rows: list[tuple[Line, list[tuple[str, str]]]] = field(default_factory=list)
    # row -> the short line just above its table ("" when prose stands between heading and table)
    titles: dict[int, str] = field(default_factory=dict)


def _is_title(text: str) -> bool:
    """A short line right above a table names it (the rule ingest uses for headings)."""
    text = text.strip()
    return 0 < len(text) <= 100 and len(text.split()) <= 12 and not text.endswith((".", ";"))


def extract_records(document: str, lines: list[Line]) -> list[Record]:
    tables: list[_Table] = []
    prev: Line | None = None
    prose = False  # text that is not a title came between the section's heading and here
    for line in lines:
        lead = prev
        prev = line
        if lead is None or line.section != lead.section:
            prose = False
        if line.kind != "table":
            prose = prose or not _is_title(line.text)
            continue
        cells = label_cells(line.text)
        if len(cells) < 2 or _is_key_value(cells):
            continue
        keys = [field_key(h) for h, _ in cells]
        table = _home(tables, keys)
        table.rows.append((line, cells))
        if lead is not None and lead.kind != "table" and _is_title(lead.text):
            table.titles[id(line)] = lead.text.strip()
        elif prose:
            # The heading opens an introduction, not the table: the table has no title above it.
            table.titles[id(line)] = ""
    out: list[Record] = []
    for n, table in enumerate((t for t in tables if t.rows), start=1):
        out.extend(_records(document, f"T{n}", table))
    return out


def _home(tables: list[_Table], keys: list[str]) -> _Table:
    """The table whose headers include these (a row with empty cells drops some), else a new one."""
    for table in tables:
        if set(keys) <= set(table.keys):
            return table
        if set(table.keys) < set(keys) and len(set(table.keys)) >= len(keys) / 2:
            table.keys = keys
            return table
    tables.append(_Table(keys))
    return tables[-1]


def _records(document: str, table_id: str, table: _Table) -> list[Record]:
    width = len(table.keys)
    rows = [(line, cells) for line, cells in table.rows if width < 4 or len(cells) * 2 >= width]
    named: set[str] = set()
    out = []
    for line, cells in rows:
        fields = {field_key(h): v for h, v in cells}
        labels = {field_key(h): h for h, _ in cells}
        title = table.titles.get(id(line))
        top = (title if title is not None else (line.section or "").split("›")[0].strip()) or None
        name = top if top and top not in named else None  # a heading names the first row under it
        named.update([top] if top else [])
        out.append(Record(document=document, table=table_id, name=name, fields=fields, labels=labels,
                          page=line.page, section=line.section, chunk_id=line.chunk_id, text=line.text))
    return out
