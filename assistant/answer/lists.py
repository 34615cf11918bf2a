"""A list whole: when an answer quotes a list's introduction ("Membrii consorțiului sunt:",
"Codurile eligibile sunt:") or, for a question asking for a list, some of its items, the answer
gets every item, read from the document in order (across chunks), compactly.

Romanian documents introduce a list with a line ending in ":" and print its items on the
following lines, each ending in ";" (the last in "."), or as bullets, or as the titles of the
sections that follow (a partners page: one section per partner). An introduction alone answers
nothing, and a list cut after two items answers "which are ..." wrongly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.evidence import RUN_JOIN, Evidence, is_list_item
from assistant.facts.lines import document_lines as unit_lines
from assistant.sentences import split_sentences
from assistant.store import Store
from assistant.types import Chunk, Passage

MAX_ITEMS = 24  # items read after one introduction
ITEM_CHARS = 200  # a longer line is text, not an item (its first sentence may still close the list)
SEPARATOR = "; "


@dataclass(frozen=True)
class _Line:
    text: str
    chunk: Chunk
    heading: bool
    section: str  # the title of the section it sits in ("" when none)


@dataclass(frozen=True)
class Listing:
    """An introduction and its items, each item with the chunk that prints it."""

    intro: str
    items: list[tuple[str, Chunk]]


# A document's lines, kept while the store's chunk list is the same object (it is rebuilt when
# the index changes); a few documents are asked about again and again.
_LINES: dict[str, tuple[object, list[_Line]]] = {}


def document_lines(store: Store, document: str) -> list[_Line]:
    """`_document_lines`, cached per document until the index changes."""
    marker = store.ordered_chunks()
    got = _LINES.get(document)
    if got is None or got[0] is not marker:
        if len(_LINES) >= 256:
            _LINES.clear()
        got = _LINES[document] = (marker, _document_lines(store, document))
    return got[1]


def _document_lines(store: Store, document: str) -> list[_Line]:
    """The document's units in reading order, each once (facts.lines), with the chunk citing it
    and whether it is a section title (a heading line of its chunk, or the title its section is
    filed under)."""
    out: list[_Line] = []
    for line in unit_lines(store.document_chunks(document)):
        chunk = store.chunks.get(line.chunk_id)
        if chunk is not None:
            title = (line.section or "").split("›")[-1].strip()
            heads = {h.strip() for h in chunk.headings.split("\n") if h.strip()}
            heading = line.text.strip() in heads or (bool(title) and line.text.strip() == title)
            out.append(_Line(line.text, chunk, heading, title))
    return out


def _item_like(line: str) -> bool:
    return len(line) <= ITEM_CHARS and (is_list_item(line) or line.endswith((";", ",")))


def _items_after(lines: list[_Line], i: int) -> list[tuple[str, Chunk]]:
    """The items following the introduction at `lines[i]`: the titles of the sections that
    follow when a title comes first, else the item lines up to the one closing the list."""
    rest = lines[i + 1:]
    if not rest:
        return []
    if rest[0].heading:
        return [(ln.text, ln.chunk) for ln in rest if ln.heading][:MAX_ITEMS]
    items: list[tuple[str, Chunk]] = []
    for ln in rest[:MAX_ITEMS]:
        if _item_like(ln.text):
            items.append((ln.text, ln.chunk))
            continue
        if items and items[-1][0].endswith((";", ",")) and not ln.heading:
            # The last item ends the list with a full stop, the text after it on the same line.
            first = (split_sentences(ln.text) or [ln.text])[0]
            if len(first) <= ITEM_CHARS:
                items.append((first, ln.chunk))
        break
    return items


def _intro_text(line: str) -> str:
    return (split_sentences(line) or [line])[-1]


def listing_at(lines: list[_Line], chunk: Chunk, sentence: str, *, items_too: bool) -> Listing | None:
    """The list a quoted unit belongs to: the unit is its introduction, or (`items_too`) one
    of its items under an introduction (or a section title) a few lines up. None when it is
    neither or the list has fewer than two items."""
    first = sentence.split(RUN_JOIN)[0].split(" | ")[0].strip()
    if not first:
        return None
    # the line as its chunk holds it, else as the document does (a chunk repeating its neighbour's opening)
    at = next((k for k, ln in enumerate(lines) if ln.chunk.id == chunk.id and first in ln.text), None)
    at = next((k for k, ln in enumerate(lines) if first in ln.text), None) if at is None else at
    if at is None:
        return None
    inline = _inline_listing(lines[at], first, items_too=items_too)
    if inline is not None:
        return inline
    intro = at if lines[at].text.endswith(":") and lines[at].text.endswith(first[-20:]) else None
    # the line closing a list: short, after an item, and introducing nothing of its own
    closing = (at > 0 and lines[at - 1].text.endswith((";", ",")) and _item_like(lines[at - 1].text)
               and len(lines[at].text) <= ITEM_CHARS and ":" not in lines[at].text)
    if intro is None and items_too and (_item_like(lines[at].text) or closing):
        k = at - 1
        while k >= 0 and at - k <= MAX_ITEMS and _item_like(lines[k].text):
            k -= 1
        # (a list's title stands where its introduction would: "ACTIVITĂȚI FINANȚATE")
        intro = k if k >= 0 and (lines[k].text.endswith(":") or lines[k].heading) else None
    if intro is None and items_too and (_item_like(lines[at].text) or closing) and lines[at].section:
        return _section_items(lines, lines[at].section)
    if intro is None:
        return None
    items = _items_after(lines, intro)
    return Listing(_intro_text(lines[intro].text), items) if len(items) >= 2 else None


def _inline_listing(line: _Line, first: str, *, items_too: bool) -> Listing | None:
    """A list printed on one line: "Sunt eligibile codurile: 7211 – ...; 7219 – ...; 7120 – ...."
    (an introduction ending in ":", items joined by ";", the last closed by "."), when the
    quoted unit is its introduction (or, `items_too`, one of its items). None for any other line
    or a list of fewer than two items."""
    pieces = split_sentences(line.text)
    k = next((i for i, p in enumerate(pieces) if ": " in p and p.endswith(";")), None)
    if k is None:
        return None
    intro, head = pieces[k].rsplit(": ", 1)
    items = [head]
    for piece in pieces[k + 1:]:
        if not items[-1].endswith(";"):
            break
        items.append(piece)
    if len(items) < 2 or any(len(it) > ITEM_CHARS for it in items):
        return None
    if first not in pieces[k] and not (items_too and any(first in it for it in items)):
        return None
    return Listing(_intro_text(f"{intro}:"), [(it, line.chunk) for it in items])


def _section_items(lines: list[_Line], section: str) -> Listing | None:
    """The items of a section titled as a list ("ACTIVITĂȚI FINANȚATE") whose lines a brochure
    interleaves with other text: its item lines, and the one closing them."""
    inside = [ln for ln in lines if ln.section == section and not ln.heading]
    items: list[tuple[str, Chunk]] = []
    for ln in inside:
        if _item_like(ln.text):
            items.append((ln.text, ln.chunk))
        elif items and items[-1][0].endswith((";", ",")) and len(items) < MAX_ITEMS:
            first = (split_sentences(ln.text) or [ln.text])[0]
            if len(first) <= ITEM_CHARS:
                items.append((first, ln.chunk))
    return Listing(section, items[:MAX_ITEMS]) if len(items) >= 2 else None


def compact(items: list[str], budget: int) -> tuple[list[str], int]:
    """Items as shown within `budget` characters: whole, else each by its head (the words
    before " – ", ":" or "(": a code, a name), else the first ones that fit; and how many
    were left out."""
    clean = [re.sub(r"[;,.:]\s*$", "", it.strip()) for it in items]
    if len(SEPARATOR.join(clean)) <= budget:
        return clean, 0
    heads = [re.split(r"\s+[–—-]\s+|:\s|\s\(", it, maxsplit=1)[0] for it in clean]
    shown = heads if len(SEPARATOR.join(heads)) <= budget else []
    if not shown:
        for head in heads:
            if len(SEPARATOR.join([*shown, head])) > budget - 40:
                break
            shown.append(head)
    return shown, len(clean) - len(shown)


def list_evidence(listing: Listing, passages: list[Passage], budget: int) -> list[Evidence]:
    """The list as evidence: the introduction and the items, one unit per chunk that prints
    them (so each is cited to its chunk); chunks not among `passages` are appended to it."""
    texts, left = compact([t for t, _ in listing.items], budget - len(listing.intro))
    groups: list[tuple[Chunk, list[str]]] = []
    for text, (_, chunk) in zip(texts, listing.items, strict=False):
        if groups and groups[-1][0].id == chunk.id:
            groups[-1][1].append(text)
        else:
            groups.append((chunk, [text]))
    out: list[Evidence] = []
    for n, (chunk, shown) in enumerate(groups):
        rank = next((r for r, p in enumerate(passages) if p.chunk.id == chunk.id), None)
        if rank is None:
            passages.append(Passage(chunk=chunk, score=0.0))
            rank = len(passages) - 1
        body = SEPARATOR.join(shown)
        if n == len(groups) - 1 and left:
            body += f" (și încă {left} în document)"
        intro = listing.intro if listing.intro.endswith(":") else f"{listing.intro}:"
        out.append(Evidence(passage_rank=rank, sentence=f"{intro} {body}" if n == 0 else body,
                            tokens=frozenset(), score=0.0, coverage=0.0, passage_coverage=0.0, has_value=False))
    return out
