"""A document's units (paragraphs, labels, table rows) in reading order, rebuilt from the store.

The chunks drop a heading that opens a group and repeat short units into the next chunk, so
the label lines a brochure needs would be lost; the windows hold every unit, so consecutive
windows are merged back into the document's sequence, each unit tied to the chunk it cites.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.types import Chunk


@dataclass(frozen=True)
class Line:
    """One unit of a document with where it sits (page, heading) and the chunk that cites it."""

    text: str
    page: int | None
    section: str | None
    chunk_id: str
    passage: str  # the chunk's text, what a citation shows
    kind: str  # "text" or "table"


def by_document(chunks: Iterable[Chunk]) -> dict[str, list[Chunk]]:
    """Chunks grouped per document, in document order."""
    out: dict[str, list[Chunk]] = {}
    for c in chunks:
        out.setdefault(c.document, []).append(c)
    for doc_chunks in out.values():
        doc_chunks.sort(key=lambda c: c.ordinal)
    return out


def _merge(acc: list[str], window: list[str]) -> list[str]:
    """Append the part of window that is not already the tail of acc (largest overlap)."""
    for k in range(min(len(acc), len(window)), 0, -1):
        if acc[-k:] == window[:k]:
            return window[k:]
    return window


def document_lines(chunks: list[Chunk]) -> list[Line]:
    """Every unit of one document once, in order, with page, section and citing chunk."""
    lines: list[Line] = []
    for page_chunks in _pages(chunks):
        acc: list[str] = []
        owner: list[Chunk] = []
        for c in page_chunks:
            window = [u for u in (c.window or c.text).split("\n") if u.strip()]
            new = _merge(acc, window)
            acc.extend(new)
            owner.extend([c] * len(new))
        lines.extend(_attach(acc, owner, page_chunks))
    return lines


def _pages(chunks: list[Chunk]) -> list[list[Chunk]]:
    groups: list[list[Chunk]] = []
    for c in chunks:
        if groups and groups[-1][-1].page == c.page:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _attach(units: list[str], owner: list[Chunk], chunks: list[Chunk]) -> list[Line]:
    """Tie each unit to the first chunk (from a moving pointer) whose text holds it."""
    out: list[Line] = []
    pos = 0
    prev = ""
    headings = _Headings(chunks)
    current: str | None = None
    last: Chunk | None = None
    for unit, fallback in zip(units, owner, strict=True):
        if unit == prev:  # a short unit repeated into the next chunk
            continue
        prev = unit
        hit = next((i for i in range(pos, len(chunks)) if unit in chunks[i].text.split("\n")), None)
        if hit is None:  # a heading the chunk text dropped: cite the chunk that follows it
            hit = min(pos, len(chunks) - 1) if pos < len(chunks) else chunks.index(fallback)
        else:
            pos = hit
        c = chunks[hit]
        # A chunk is filed under the heading of its first unit; a unit after a later heading in
        # the same chunk belongs under that one, so headings are followed unit by unit. A chunk
        # under another heading starts from its own (the heading line may be one the text dropped).
        if last is None or (c is not last and c.section != last.section):
            current = c.section
        last = c
        current = headings.at(unit, hit) or current
        kind = "table" if _is_table_row(unit) else "text"
        out.append(Line(unit, c.page, current, c.id, c.text, kind))
    return out


class _Headings:
    """Heading line -> the section it opens. The same sub-heading ("Obiective", "Activități")
    recurs under every parent of a report, so a line opens the section of the nearest chunk
    filed under that name, at or after the unit's place, never one of another part."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.places: dict[str, list[tuple[int, str]]] = {}
        for i, c in enumerate(chunks):
            if c.section:
                self.places.setdefault(c.section.split("›")[-1].strip(), []).append((i, c.section))

    def at(self, unit: str, index: int) -> str | None:
        places = self.places.get(unit.strip().rstrip(":").strip())
        if not places:
            return None
        k = bisect_left(places, (index, ""))
        return places[k][1] if k < len(places) else places[-1][1]


def _is_table_row(unit: str) -> bool:
    return " | " in unit and unit.split(" | ")[0].count(": ") >= 1
