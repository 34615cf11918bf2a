"""Blocks to chunks: small retrieval units that carry their title, heading and neighbourhood.

Our own rather than llama-index's SentenceSplitter because the unit must follow the
document's structure (a table row, a list item, a heading's few paragraphs) and remember the
heading path and the block around it; tiktoken sizes everything, as SentenceSplitter would.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from assistant.sentences import split_sentences
from assistant.tokens import count_tokens
from assistant.types import Chunk, LoadedDocument
from ingest.blocks import Block, page_blocks
from ingest.cutting import split_long
from ingest.loaders import READER_VERSION


@dataclass(frozen=True)
class ChunkingConfig:
    chunk_tokens: int = 120
    window_tokens: int = 400
    min_tokens: int = 40  # a chunk smaller than this does not end at a heading
    short_block_tokens: int = 12  # short blocks (labels, values) are repeated into the next chunk

    def as_dict(self) -> dict[str, int]:
        return {"chunk_tokens": self.chunk_tokens, "window_tokens": self.window_tokens,
                "min_tokens": self.min_tokens, "short_block_tokens": self.short_block_tokens,
                "version": 4,  # bumped when blocks or chunks change: re-ingest remakes them
                "reader": READER_VERSION}  # the loaders' version: a new reader reads files again


@dataclass
class _Unit:
    text: str
    tokens: int
    section: str | None
    page: int | None
    heading: bool = False
    lead: str = ""  # opening words of the top section this unit sits in
    carried: bool = False  # repeated from the previous chunk: it does not decide the section

LEAD_WORDS = 24


def _units(doc: LoadedDocument, cfg: ChunkingConfig) -> list[_Unit]:
    """Every block as a unit with its heading path; table rows each their own unit."""
    units: list[_Unit] = []
    sections: list[int] = []  # the top section each unit sits in
    path: dict[int, str] = {}
    lead: str | None = None
    top = 0
    names = _TableNames()
    for page in doc.pages:
        for block in page_blocks(page.text):
            if block.kind == "heading":
                path = {lvl: t for lvl, t in path.items() if lvl < block.level}
                path[block.level] = block.text.rstrip(":")
                names.heading(block.level)
                if block.level <= 2:
                    lead, top = None, top + 1  # a new top section: its first text becomes its lead
                units.append(_Unit(block.text, count_tokens(block.text), _section(path), page.number, True))
                sections.append(top)
                continue
            if block.kind == "table":
                path = names.table(path)
            names.after_heading = False
            for text in _block_texts(block, cfg):
                units.append(_Unit(text, count_tokens(text), _section(path), page.number, lead=lead or ""))
                sections.append(top)
                if lead is None:
                    lead = " ".join(text.split()[:LEAD_WORDS])
    _add_section_names(units, sections)
    return units


class _TableNames:
    """A table takes its name from the heading right above it. A later table with no heading
    of its own, after that heading's sub-sections (a report's next record, printed straight
    after the previous record's "Activities" list), is not named by it: the path drops it."""

    def __init__(self) -> None:
        self.after_heading = False
        self.owner: int | None = None  # level of the heading that names the last table
        self.sub_sections = False  # a deeper heading came after that table

    def heading(self, level: int) -> None:
        if self.owner is not None and level <= self.owner:
            self.owner = None
        elif self.owner is not None:
            self.sub_sections = True
        self.after_heading = True

    def table(self, path: dict[int, str]) -> dict[int, str]:
        if self.after_heading and path:
            self.owner, self.sub_sections = max(path), False
            return path
        if self.owner is not None and self.sub_sections:
            path = {lvl: t for lvl, t in path.items() if lvl < self.owner}
            self.owner, self.sub_sections = None, False
        return path


_ACRONYM = re.compile(r"\b[A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ0-9-]{2,}\b")
SECTION_NAMES = 6


def _add_section_names(units: list[_Unit], sections: list[int]) -> None:
    """Acronyms a section writes (a project's, a cluster's name) join the lead of all its
    units: a table row about a project rarely repeats the cluster's acronym its text uses."""
    counts: dict[int, Counter[str]] = {}
    for unit, top in zip(units, sections, strict=True):
        if not unit.heading and top:
            counts.setdefault(top, Counter()).update(_ACRONYM.findall(unit.text))
    for unit, top in zip(units, sections, strict=True):
        names = [w for w, _ in counts.get(top, Counter()).most_common(SECTION_NAMES) if w not in unit.text]
        if names:
            unit.lead = f"{unit.lead} ({', '.join(names)})".strip()


def _section(path: dict[int, str]) -> str | None:
    return " › ".join(path[k] for k in sorted(path)) or None


def _block_texts(block: Block, cfg: ChunkingConfig) -> list[str]:
    if block.kind == "table":
        return block.text.split("\n")
    # A block longer than 16 characters a token is over the limit without counting (tiktoken is
    # slow on a huge run without spaces).
    if len(block.text) > cfg.chunk_tokens * 16 or count_tokens(block.text) > cfg.chunk_tokens * 1.5:
        return split_long(block.text, cfg.chunk_tokens)
    return [block.text]


def _group(units: list[_Unit], cfg: ChunkingConfig) -> list[list[_Unit]]:
    """Consecutive units up to the token target; a new page or a heading after enough text
    starts a new group; a short last unit (a label or a value) is repeated in the next one."""
    groups: list[list[_Unit]] = []
    cur: list[_Unit] = []
    size = 0
    for u in units:
        new_page = bool(cur) and u.page != cur[-1].page
        full = size + u.tokens > cfg.chunk_tokens and size > 0
        at_heading = u.heading and size >= cfg.min_tokens
        if cur and (new_page or full or at_heading):
            # Headings that close a group name what follows: they open the next one instead.
            trailing: list[_Unit] = []
            while not new_page and cur[-1].heading and any(not x.heading for x in cur[:-1]):
                trailing.insert(0, cur.pop())
            groups.append(cur)
            # Overlap one short unit: a brochure may print a value before its label or after
            # it, so a short last line goes with the next chunk too.
            keep = not new_page and not trailing and not cur[-1].heading and (len(cur) >= 2 or at_heading)
            carry = _carry(cur[-1], cfg, at_heading) if keep else None
            cur, size = ([replace(carry, carried=True)], carry.tokens) if carry else ([], 0)
            cur, size = cur + trailing, size + sum(x.tokens for x in trailing)
        cur.append(u)
        size += u.tokens
    if cur:
        groups.append(cur)
    return _keep_closing_headings(groups)


def _keep_closing_headings(groups: list[list[_Unit]]) -> list[list[_Unit]]:
    """Drop heading-only groups that the next text on their page files under; keep those that
    end a page (a capitals signature, a page that is only a title) so no text is lost."""
    out: list[list[_Unit]] = []
    for i, g in enumerate(groups):
        after = next((u for u in groups[i + 1] if not u.heading), None) if i + 1 < len(groups) else None
        if any(not u.heading for u in g):
            out.append(g)
        elif after is not None and after.page == g[-1].page and all(
                u.text.rstrip(":") in (after.section or "") for u in g):
            continue
        elif out and out[-1][-1].page == g[0].page:
            out[-1].extend(g)
        else:
            out.append(g)
    return out


def _carry(last: _Unit, cfg: ChunkingConfig, at_heading: bool) -> _Unit | None:
    """The short unit (or, before a heading, the last sentence) repeated in the next chunk."""
    limit = cfg.short_block_tokens * (3 if at_heading else 1)
    if last.tokens <= limit:
        return last
    if at_heading:
        tail = split_sentences(last.text)[-1]
        n = count_tokens(tail)
        if n <= limit and tail != last.text:
            return _Unit(tail, n, last.section, last.page, lead=last.lead)
    return None


def _chunk_id(document: str, page: int | None, text: str, seen: dict[str, int]) -> str:
    """From content: the same file always gives the same ids; a changed passage a new one."""
    key = f"{document}\x00{page}\x00{text}"
    n = seen.get(key, 0)
    seen[key] = n + 1
    return hashlib.sha256(f"{key}\x00{n}".encode()).hexdigest()[:32]


def _windows(groups: list[list[_Unit]], cfg: ChunkingConfig) -> list[str]:
    """Each group with its neighbours on the same page, up to window_tokens."""
    texts = ["\n".join(u.text for u in g) for g in groups]
    sizes = [sum(u.tokens for u in g) for g in groups]
    out = []
    for i, g in enumerate(groups):
        lo, hi, total = i, i, sizes[i]
        while True:
            grown = False
            for j in (lo - 1, hi + 1):
                if 0 <= j < len(groups) and groups[j][0].page == g[0].page and total + sizes[j] <= cfg.window_tokens:
                    lo, hi, total, grown = min(lo, j), max(hi, j), total + sizes[j], True
            if not grown:
                break
        out.append("\n".join(texts[lo : hi + 1]))
    return out


def chunk_document(doc: LoadedDocument, cfg: ChunkingConfig | None = None) -> list[Chunk]:
    cfg = cfg or ChunkingConfig()
    groups = _group(_units(doc, cfg), cfg)
    windows = _windows(groups, cfg)
    seen: dict[str, int] = {}
    chunks = []
    for i, (group, window) in enumerate(zip(groups, windows, strict=True)):
        text = "\n".join(u.text for u in group)
        own = [u for u in group if not u.carried] or group
        first_text = next((u for u in own if not u.heading), own[0])
        section = first_text.section
        page = group[0].page
        lead = first_text.lead if first_text.lead and first_text.lead not in text else ""
        is_table = any(" | " in u.text and ": " in u.text for u in own if not u.heading)
        chunks.append(Chunk(id=_chunk_id(doc.name, page, text, seen), document=doc.name, title=doc.title,
                            page=page, section=section, text=text, window=window, ordinal=i,
                            kind="table" if is_table else "text", lead=lead,
                            carried="\n".join(u.text for u in group if u.carried),
                            headings="\n".join(u.text for u in group if u.heading)))
    return chunks
