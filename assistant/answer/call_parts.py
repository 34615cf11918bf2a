"""The calls a document holds, and which of its lines belong to which call.

A brochure or a newsletter may present several calls: a comparison table with a column per call
("Element | Apelul 1 – X | Apelul 2 – Y"), then a part per call opened by a heading that names it
("Apelul 2 – Y (COD)", "3. Un al treilea apel: Z", a section titled with the call's name). A
question naming one call is answered from that call's lines only: its own parts, the lines
before any call's part (what the document says of all its calls), and in a comparison table the
cell of its column. A document naming one call code only is wholly that call's.

Every rule here is about how Romanian call documents are laid out, never about one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from assistant.answer.call_values import quoted
from assistant.facts.identity import _BARE_CODE
from assistant.facts.sheet import CallSheet
from assistant.intent import asked_head
from assistant.question_names import GENERIC_UNIT
from assistant.text import fold, index_tokens

if TYPE_CHECKING:
    from collections.abc import Iterable

    from assistant.answer.calls import CallBook
    from assistant.facts.values import Fact
    from assistant.query import Query
    from assistant.types import Chunk

# A call's name written after its code in quotes ("apelul COD „Nume”") or before it in brackets
# ("Apelul 2 – Nume (COD)", "la apelul Nume (COD)").
_NAME_AFTER = re.compile(r"\s*[„\"«“]([^”\"»“„]{3,80})[”\"»]")
_NAME_BEFORE = re.compile(r"(?:[–:]|\bapel\w*)\s*([^–:()„”\"]{3,80}?)\s*\(\s*$", re.IGNORECASE)
# A clause that opens a call's part: a heading, or a clause whose first words say "apel"
# ("Apelul 2 – ...", "3. Un al treilea apel: ..."): where brochures and newsletters start a call.
OPENING_WORDS = 5
# Clauses: sentences, and a call's heading glued to the text before it by a PDF's lines ("... ora
# 15:00 Apelul 2 – Nume (COD)": "Apel" capitalised, maybe its number, then a dash or a colon;
# not a table's cell, "| Apelul 2 – Nume: 45%").
_CLAUSES = re.compile(r"(?<=[.;!?]) +(?=[A-ZĂÂÎȘȚ0-9])|(?<=[^|\s]) +(?=Apel\w*(?: \d+)? ?[–:—-] )")
_CELLS = re.compile(r"\t| \| ")


@dataclass
class CallPart:
    """One call of the index: its code, its names, the documents naming it alone, and in the
    documents naming several calls, its own clauses and the shared ones (chunk id -> (line,
    clause) indexes of the chunk's text) and the comparison table's column that is its own."""

    code: str
    names: list[str] = field(default_factory=list)
    whole: set[str] = field(default_factory=set)
    own: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    shared: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    columns: dict[str, tuple[int, int]] = field(default_factory=dict)  # document -> (column, row width)
    split: set[str] = field(default_factory=set)  # the documents of several calls that have a part of it
    marks: frozenset[str] = frozenset()  # the tokens that name this call and no other

    @property
    def name(self) -> str:
        return min(self.names, key=len) if self.names else self.code

    @property
    def documents(self) -> set[str]:
        return self.whole | self.split

    def view(self, chunk: Chunk) -> Chunk | None:
        """`chunk` as this call reads it: whole in the call's own documents; in a document of
        several calls, its clauses of this call's part and of no call's part (a comparison
        table's row cut to its first cell and this call's column); None when none is left."""
        if chunk.document in self.whole:
            return chunk
        own, shared = self.own.get(chunk.id, set()), self.shared.get(chunk.id, set())
        if not own and not shared:
            return None
        column, width = self.columns.get(chunk.document, (None, 0))
        lines = []
        for i, line in enumerate(chunk.text.split("\n")):
            kept = [clause if (i, j) in own else self._cell_of(clause, column, width)
                    for j, clause in enumerate(_CLAUSES.split(line)) if (i, j) in own or (i, j) in shared]
            if kept:
                lines.append(" ".join(kept))
        text = "\n".join(lines)
        if not text.strip():
            return None
        return chunk if text == chunk.text else replace(chunk, text=text)


    def _cell_of(self, line: str, column: int | None, width: int) -> str:
        """A comparison table's row kept with its first cell and this call's cell, which says
        whose value it is ("Alocare | Nume: 8.700.000 euro"; other lines whole). A PDF's rows
        may stand on one line, the last cell of one row and the first of the next joined by a
        space: there row k's first cell is cell k * (width - 1) and its cell of this column
        the one `column` further; each row is given its own line."""
        cells = [c.strip() for c in _CELLS.split(line)]
        if column is None or width < 3 or len(cells) < 3 or (len(cells) - 1) % (width - 1):
            return line
        rows = [(cells[k], cells[k + column]) for k in range(0, len(cells) - 1, width - 1)]
        return "\n".join(f"{label} | {value if named_in(value, [self], whole=True) else f'{self.name}: {value}'}"
                         for label, value in rows)

    def holds(self, chunk: Chunk, sentence: str) -> bool:
        """`sentence` of `chunk` is this call's (its own document's, or in its view)."""
        view = self.view(chunk)
        return view is chunk or (view is not None and sentence in view.text)


def _codes(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(1).rstrip(".") for m in _BARE_CODE.finditer(text)))


def _names_near(text: str) -> dict[str, list[str]]:
    """Per code written in `text`, the names written beside it (quoted after, bracketed before)."""
    out: dict[str, list[str]] = {}
    for m in _BARE_CODE.finditer(text):
        after = _NAME_AFTER.match(text, m.end())
        before = _NAME_BEFORE.search(text[max(0, m.start() - 90): m.start()])
        for found in (after, before):
            if found:
                out.setdefault(m.group(1).rstrip("."), []).append(" ".join(found.group(1).split()))
    return out


def _clauses(chunk: Chunk, section_changed: bool) -> Iterable[tuple[int, int, str, bool, str]]:
    """(line index, clause index, clause, is a heading, its line) of the chunk's text; a new
    section's title (line -1: not in the text) after the lines carried from the section before."""
    headings = {h.strip() for h in chunk.headings.split("\n") if h.strip()}
    lines = chunk.text.split("\n")
    carried = chunk.carried.count("\n") + 1 if chunk.carried and chunk.text.startswith(chunk.carried) else 0
    for i, line in enumerate(lines):
        if i == carried and section_changed and chunk.section:
            title = chunk.section.split("›")[-1]
            yield -1, 0, title, True, title
        for j, clause in enumerate(_CLAUSES.split(line)):
            yield i, j, clause, clause.strip() in headings, line


def _opens(clause: str, heading: bool, call: CallPart) -> bool:
    """The clause opens `call`'s part: a heading, or its first words say "apel" or are the
    call's name ("3. Nume – ghidul a fost publicat", a newsletter's numbered item)."""
    first = fold(clause).split()[:OPENING_WORDS]
    return heading or any(t.startswith("apel") for t in first) or bool(call.marks) and call.marks <= set(
        index_tokens(" ".join(first)))


def call_parts(chunks: Iterable[Chunk], sheets: dict[str, CallSheet]) -> dict[str, CallPart]:
    """The calls of an index by code (see the module's docstring): each call's names (from its
    sheet and beside its code), the documents naming it alone, and the lines of documents naming
    several that are its own. Chunks in any order; lines are counted in each chunk's text."""
    by_doc: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_doc.setdefault(c.document, []).append(c)
    parts: dict[str, CallPart] = {}
    doc_codes: dict[str, list[str]] = {}
    for doc, cs in by_doc.items():
        cs.sort(key=lambda c: c.ordinal)
        doc_codes[doc] = _codes("\n".join(c.text for c in cs))
        for c in cs:
            for code, names in _names_near(c.text).items():
                parts.setdefault(code, CallPart(code)).names.extend(names)
        sheet = sheets.get(doc)
        sheet_codes = [f.value for f in sheet.fields.get("call_code", [])] if sheet else []
        if sheet is not None and len(set(sheet_codes)) == 1 and len(doc_codes[doc]) <= 1:
            parts.setdefault(sheet_codes[0], CallPart(sheet_codes[0])).names.extend(
                f.value for f in sheet.fields.get("call_name", []))
    for code in {c for codes in doc_codes.values() for c in codes}:
        parts.setdefault(code, CallPart(code))
    _mark_words(parts)
    for doc, cs in by_doc.items():
        codes = [c for c in doc_codes[doc] if c in parts]
        if len(codes) == 1:
            parts[codes[0]].whole.add(doc)
        elif len(codes) > 1:
            _split(cs, [parts[c] for c in codes])
    return parts


def _mark_words(parts: dict[str, CallPart]) -> None:
    """Each call's marks: the words every name of it writes and no other call's names write (a
    word all calls' names share, "IMM", names none of them; the region a longer name adds is
    not how the call is named)."""
    words: dict[str, set[str]] = {}
    for code, p in parts.items():
        named = [{t for t in index_tokens(n) if len(t) >= 3 and not t.isdigit()} for n in p.names]
        words[code] = set.intersection(*named) if named else set()
    everyone = {code: {t for n in p.names for t in index_tokens(n)} for code, p in parts.items()}
    for code, p in parts.items():
        others = set().union(*(w for c, w in everyone.items() if c != code))
        p.marks = frozenset(words[code] - others)


def named_in(text: str, parts: Iterable[CallPart], whole: bool = False) -> list[CallPart]:
    """The calls `text` names: by code, or by at least half the marks of its name (a question
    shortens a name to its head words: "transfer tehnologic" for "Transfer tehnologic și
    inovare"); `whole`: by all of them (as a heading names its call)."""
    tokens = set(index_tokens(text))
    coded = set(_codes(text))
    return [p for p in parts if p.code in coded or p.marks and (
        p.marks <= tokens if whole else 2 * len(p.marks & tokens) >= len(p.marks))]


def _split(chunks: list[Chunk], calls: list[CallPart]) -> None:
    """The clauses of a document naming several calls given to the call whose part they stand
    in, and those before any part shared by all (what the document says of all its calls); a
    table row whose cells name the calls one each makes each call's column. A document where no
    call's part opens is about the calls, not one of them: no call takes its lines."""
    current: CallPart | None = None
    own: dict[str, dict[str, set[tuple[int, int]]]] = {p.code: {} for p in calls}
    shared: dict[str, set[tuple[int, int]]] = {}
    columns: dict[str, tuple[int, int]] = {}
    section = None
    for chunk in chunks:
        for i, j, clause, heading, line in _clauses(chunk, chunk.section != section):
            named = named_in(clause, calls)
            cells = _CELLS.split(clause)
            if len(named) > 1 and len(cells) > len(named):  # a header row: a call's name or code a cell
                for p in named:
                    at = [k for k, cell in enumerate(cells) if k and named_in(cell, [p])]
                    if len(at) == 1:
                        columns[p.code] = (at[0], len(named) + 1)
            # a heading names one call wholly; a line naming several compares them (a table's
            # header row, read as one line): it opens no call's part
            if len(named) == 1 and _opens(clause, heading, named[0]) and named_in(clause, named, whole=True) \
                    and len(named_in(line, calls)) == 1:
                current = named[0]
            if i >= 0:
                (own[current.code] if current else shared).setdefault(chunk.id, set()).add((i, j))
        section = chunk.section
    if current is None:
        return
    doc = chunks[0].document
    for p in calls:
        p.split.add(doc)
        p.own.update(own[p.code])
        p.shared.update(shared)
        if p.code in columns:
            p.columns[doc] = columns[p.code]


def stated_by_another(book: CallBook, query: Query, call: CallPart) -> bool:
    """The thing the question asks of `call` (its head noun, `intent.asked_head`, in any form of
    its concept term) is written in another call's lines and in none of this call's: a sibling
    call states it ("avans" in another call's FAQ), this one does not. Asked of a figure (a rate,
    a sum, a term: `HybridRetriever.unwritten_in` judges a thing asked without one, by documents):
    the thing named is then what the figure is of, not the answer's form ("ce coduri ...")."""
    head = asked_head(query.text)
    tokens = index_tokens(head)
    if not query.intent.typed or not tokens or GENERIC_UNIT.fullmatch(head):
        return False
    term = next((t for t in query.terms if tokens[0] in t.weight_tokens or tokens[0] in t.alternatives), None)
    forms = (term.alternatives | term.partial) if term is not None else {tokens[0]}
    store, others = book.store, [p for p in book.parts().values() if p is not call]
    holders = {store.bm25.ids[int(r)] for f in forms for r in store.bm25.postings(f)}
    written = [c for cid in holders if (c := store.chunks.get(cid)) is not None]

    def writes(part: CallPart) -> bool:
        return any((v := part.view(c)) is not None and set(index_tokens(v.text)) & forms for c in written)

    return not writes(call) and any(map(writes, others))


def own_sheet(sheet: CallSheet, parts: dict[str, CallPart], chunks: dict[str, Chunk]) -> CallSheet:
    """The sheet of a document holding several calls' parts with the values of the call it
    names (by its code, else its name) only: a value read in another call's part, or a name or
    code of another call, is left out; a value in no call's part (what the document says of all)
    or whose line is not found stays. Another document's sheet is returned as it is."""
    codes = {f.value for f in sheet.fields.get("call_code", [])}
    own = [p for p in parts.values() if sheet.document in p.split and (
        p.code in codes or not codes and named_in(sheet.name, [p], whole=True))]
    if len(own) != 1:
        return sheet
    call = own[0]
    fields: dict[str, list[Fact]] = {}
    for name, facts in sheet.fields.items():
        for fact in facts:
            if name in ("call_name", "call_code"):
                keep = bool(named_in(fact.value, [call], whole=True))
            else:
                chunk = chunks.get(fact.chunk_id)
                written = fact.text.strip()  # the line read, when no sentence holds the value as written
                line = quoted(chunk.text, fact) or (written if written in chunk.text else "") if chunk else ""
                keep = chunk is None or not line or call.holds(chunk, line)
            if keep:
                fields.setdefault(name, []).append(fact)
    return CallSheet(document=sheet.document, title=sheet.title, fields=fields)


def own_sheets(chunks: list[Chunk], sheets: list[CallSheet]) -> list[CallSheet]:
    """Each sheet as `own_sheet` gives it, over the calls `chunks` hold (the `facts` command's
    sheets; `CallBook.calls` keeps its own parts)."""
    parts = call_parts(chunks, {s.document: s for s in sheets})
    by_id = {c.id: c for c in chunks}
    return [own_sheet(s, parts, by_id) for s in sheets]
