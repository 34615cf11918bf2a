"""Loader for Word .docx files: paragraphs and tables in document order, headings as "#"."""

from __future__ import annotations

import io
import logging
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from assistant.errors import CorruptDocumentError
from assistant.types import Page

from ._text import Extracted, clean_text

logger = logging.getLogger(__name__)

# English and Romanian Word style names ("Heading 2", "Titlu 2", "Title", "Titlu").
_HEADING = re.compile(r"^(?:heading|titlu)\s*([1-6])$", re.IGNORECASE)
_TITLE_STYLES = {"title", "titlu"}
_LIST_STYLE = re.compile(r"^(list|listă|listare|paragraf listă)", re.IGNORECASE)


def load_docx(data: bytes, name: str) -> Extracted:
    """One Page (a .docx has no pages) holding the body's blocks in order."""
    # python-docx raises zipfile, KeyError, ValueError or lxml errors for files that are
    # not a Word document, so everything raised while opening means "corrupt".
    try:
        doc = Document(io.BytesIO(data))
        blocks = _blocks(doc)
        core_title = doc.core_properties.title or ""
    except Exception as exc:
        raise CorruptDocumentError(f"{name}: not a readable .docx ({exc})") from exc
    text = clean_text(_join(blocks))
    pages = [Page(number=None, text=text)] if text.strip() else []
    heading = next((b[1].lstrip("#").strip() for b in blocks if b[1].startswith("#")), None)
    title = clean_text(core_title).strip() or heading
    logger.debug("docx_loaded name=%s blocks=%d", name, len(blocks))
    return Extracted(pages=pages, title=title)


def _blocks(doc: DocxDocument) -> list[tuple[str, str]]:
    """(kind, text) per body element: kind is "p", "li" or "table"."""
    out: list[tuple[str, str]] = []
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            rows = _table_rows(item)
            if rows:
                out.append(("table", "\n".join(rows)))
        else:
            block = _paragraph(item)
            if block is not None:
                out.append(block)
    return out


def _paragraph(par: Paragraph) -> tuple[str, str] | None:
    text = par.text.strip()
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


def _table_rows(table: Table) -> list[str]:
    """Tab-separated rows; a cell merged across columns appears once."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(re.sub(r"\s+", " ", cell.text).strip())
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _join(blocks: list[tuple[str, str]]) -> str:
    """Blank lines between blocks; consecutive list items stay one block, one per line."""
    parts: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        if i:
            parts.append("\n" if kind == "li" and blocks[i - 1][0] == "li" else "\n\n")
        parts.append(text)
    return "".join(parts)
