"""Loader for Word .docx files: every visible part in reading order, headings as "#".

Headers and footers, content controls, text boxes, footnotes and endnotes are read (see
docx_walk); hidden text is skipped and counted."""

from __future__ import annotations

import io
import logging
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml import etree

from assistant.errors import CorruptDocumentError
from assistant.types import Page

from ._text import Extracted, clean_text, heading_title, looks_like_url
from .docx_walk import Walker, block_items, hides, table_rows

logger = logging.getLogger(__name__)

# English and Romanian Word style names ("Heading 2", "Titlu 2", "Title", "Titlu").
_HEADING = re.compile(r"^(?:heading|titlu)\s*([1-6])$", re.IGNORECASE)
_TITLE_STYLES = {"title", "titlu"}
_LIST_STYLE = re.compile(r"^(list|listă|listare|paragraf listă)", re.IGNORECASE)


def load_docx(data: bytes, name: str) -> Extracted:
    """One Page (a .docx has no pages): page headers, then the body's blocks in order (text
    boxes and notes after the paragraph that anchors them), then page footers."""
    # python-docx raises zipfile, KeyError, ValueError or lxml errors for files that are
    # not a Word document, so everything raised while opening means "corrupt".
    try:
        doc = Document(io.BytesIO(data))
        reader = _Reader(doc, Walker(hidden_styles=_hidden_styles(doc)))
        blocks = reader.read()
        core_title = doc.core_properties.title or ""
    except Exception as exc:
        raise CorruptDocumentError(f"not a readable .docx ({exc})", file=name) from exc
    text = clean_text(_join(blocks))
    pages = [Page(number=None, text=text)] if text.strip() else []
    headings = [h for h in (b[1].lstrip("#").strip() for b in blocks if b[1].startswith("#")) if not looks_like_url(h)]
    heading = heading_title(headings) if headings else None
    core = clean_text(core_title).strip()
    title = (core if core and not looks_like_url(core) else "") or heading
    hidden = reader.walker.hidden
    notes = [f"hidden text skipped: {hidden} runs"] if hidden else []
    logger.debug("docx_loaded name=%s blocks=%d hidden=%d", name, len(blocks), hidden)
    return Extracted(pages=pages, title=title, notes=notes, hidden=hidden)


class _Reader:
    """Blocks of one document: (kind, text), kind "p", "li" or "table"."""

    def __init__(self, doc: DocxDocument, walker: Walker) -> None:
        self.doc, self.walker = doc, walker
        self.notes = _notes(doc, walker)
        self.used: set[str] = set()

    def read(self) -> list[tuple[str, str]]:
        headers, footers = self._page_parts("header"), self._page_parts("footer")
        body = self._blocks(self.doc.element.body)
        rest = [("p", text) for key, text in self.notes.items() if key not in self.used]
        return headers + body + rest + footers

    def _blocks(self, parent: etree._Element) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for el in block_items(parent):
            if el.tag == qn("w:tbl"):
                rows = table_rows(el, self._cell_text)
                if rows:
                    out.append(("table", "\n".join(rows)))
                continue
            para = self.walker.paragraph(el)
            block = _paragraph(Paragraph(el, self.doc), para.text)
            if block is not None:
                out.append(block)
            for box in para.boxes:
                out += self._blocks(box)
            for key in para.notes:
                if key in self.notes and key not in self.used:
                    self.used.add(key)
                    out.append(("p", self.notes[key]))
        return out

    def _cell_text(self, tc: etree._Element) -> str:
        return " ".join(text.lstrip("#- ") if kind != "table" else text.replace("\t", " ")
                        for kind, text in self._blocks(tc))

    def _page_parts(self, kind: str) -> list[tuple[str, str]]:
        """Text of the page headers (or footers) of every section, each distinct text once."""
        seen: list[str] = []
        out: list[tuple[str, str]] = []
        for section in self.doc.sections:
            for part in ((section.header, section.first_page_header, section.even_page_header) if kind == "header"
                         else (section.footer, section.first_page_footer, section.even_page_footer)):
                if part.is_linked_to_previous:
                    continue
                for block in self._blocks(part._element):
                    if block[1] not in seen:
                        seen.append(block[1])
                        out.append(block)
        return out


def _notes(doc: DocxDocument, walker: Walker) -> dict[str, str]:
    """Footnote and endnote texts by key ("f2", "e1"), without Word's separator notes."""
    notes: dict[str, str] = {}
    for rel in doc.part.rels.values():
        prefix = {RT.FOOTNOTES: "f", RT.ENDNOTES: "e"}.get(rel.reltype)
        if prefix is None or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob)
        for note in root:
            if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(walker.paragraph(p).text.strip() for p in note.iter(qn("w:p")))
            if text.strip():
                notes[prefix + (note.get(qn("w:id")) or "")] = " ".join(text.split())
    return notes


def _hidden_styles(doc: DocxDocument) -> set[str]:
    """Ids of character and paragraph styles whose formatting hides text (hidden, white, tiny)."""
    out: set[str] = set()
    for style in doc.styles.element.iter(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if style.get(qn("w:type")) in ("character", "paragraph") and rpr is not None and hides(rpr):
            out.add(style.get(qn("w:styleId")) or "")
    return out


def _paragraph(par: Paragraph, visible: str) -> tuple[str, str] | None:
    text = visible.strip()
    if not text:
        return None
    level = _heading_level(par)
    if level:
        return "p", "#" * level + " " + re.sub(r"\s+", " ", text)
    ilvl = _list_level(par)
    if ilvl is not None:
        return "li", "  " * ilvl + "- " + text
    return "p", text


def _heading_level(par: Paragraph) -> int | None:
    """The heading level from the style, or from a style it is based on (custom headings)."""
    style: ParagraphStyle | None = par.style
    for _ in range(4):
        if style is None or not style.name:
            return None
        name = style.name.strip()
        if name.lower() in _TITLE_STYLES:
            return 1
        match = _HEADING.match(name)
        if match:
            return int(match.group(1))
        # Only paragraph styles are based on paragraph styles; anything else ends the walk.
        base = style.base_style
        style = base if isinstance(base, ParagraphStyle) else None
    return None


def _list_level(par: Paragraph) -> int | None:
    """Nesting level of a list item (numbering on the paragraph or a list style), else None."""
    p_pr = par._p.pPr
    num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
    if num_pr is not None:
        ilvl = num_pr.find(qn("w:ilvl"))
        return int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
    name = par.style.name if par.style is not None else ""
    return 0 if name and _LIST_STYLE.match(name) else None


def _join(blocks: list[tuple[str, str]]) -> str:
    """Blank lines between blocks; consecutive list items stay one block, one per line."""
    parts: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        if i:
            parts.append("\n" if kind == "li" and blocks[i - 1][0] == "li" else "\n\n")
        parts.append(text)
    return "".join(parts)
