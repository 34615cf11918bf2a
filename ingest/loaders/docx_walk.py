"""Every part of a .docx that the reader sees, in reading order, and nothing it does not see.

python-docx gives a paragraph's runs and a body's paragraphs and tables, but not the text
inside content controls (w:sdt, at the body, paragraph or cell level), text boxes
(w:txbxContent), footnotes and endnotes, and it returns hidden runs as text. This walk over
the XML is ours for those parts only; styles, headers and footers and table grids still come
from python-docx.

Hidden text is what Word does not print: runs marked hidden (w:vanish), white on white
(w:color FFFFFF without a shading or highlight under it), or type under 2 pt (w:sz < 4 half
points). It is skipped and counted: an instruction planted in invisible text is not content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE = f"{{{_MC}}}AlternateContent"
_CHOICE = f"{{{_MC}}}Choice"
# Inline wrappers whose runs are the paragraph's own text (links, content controls, tracked
# insertions, smart tags, simple fields).
_INLINE = {qn(t) for t in ("w:hyperlink", "w:sdt", "w:sdtContent", "w:smartTag", "w:ins", "w:fldSimple",
                           "w:customXml", "w:moveTo", "w:dir", "w:bdo")}
_MIN_HALF_POINTS = 4  # 2 pt: smaller type is not meant to be read
_WHITE = {"FFFFFF", "FFFFFE"}


@dataclass
class Paragraph:
    """One paragraph's visible text, the text boxes and notes it anchors, its XML element."""

    element: etree._Element
    text: str
    boxes: list[etree._Element] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # ids of footnotes/endnotes referenced ("f3", "e1")


@dataclass
class Walker:
    """Reads paragraphs and runs; counts hidden runs skipped; `hidden_styles` are character
    style ids whose formatting hides text."""

    hidden_styles: set[str] = field(default_factory=set)
    hidden: int = 0
    _paragraph_hidden: bool = False  # the paragraph's style hides all its runs

    def paragraph(self, p: etree._Element) -> Paragraph:
        out = Paragraph(p, "")
        parts: list[str] = []
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        self._paragraph_hidden = style is not None and style.get(qn("w:val")) in self.hidden_styles
        self._inline(p, parts, out)
        self._paragraph_hidden = False
        out.text = "".join(parts)
        return out

    def _inline(self, parent: etree._Element, parts: list[str], out: Paragraph) -> None:
        for child in parent:
            tag = child.tag
            if tag == qn("w:r"):
                self._run(child, parts, out)
            elif tag in _INLINE:
                self._inline(child, parts, out)
            elif tag == _ALTERNATE:
                self._inline(_choice(child), parts, out)

    def _run(self, r: etree._Element, parts: list[str], out: Paragraph) -> None:
        hidden = self._is_hidden(r)
        text: list[str] = []
        for child in _alternates(r):
            tag = child.tag
            if tag == qn("w:t"):
                text.append(child.text or "")
            elif tag == qn("w:tab"):
                text.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                text.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                text.append("-")
            elif tag in (qn("w:footnoteReference"), qn("w:endnoteReference")) and not hidden:
                out.notes.append(("f" if tag == qn("w:footnoteReference") else "e") + (child.get(qn("w:id")) or ""))
            elif tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")) and not hidden:
                out.boxes += outer_boxes(child)
        if hidden:
            self.hidden += any(t.strip() for t in text)
        else:
            parts.extend(text)

    def _is_hidden(self, r: etree._Element) -> bool:
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            return self._paragraph_hidden
        style = rpr.find(qn("w:rStyle"))
        if style is not None and style.get(qn("w:val")) in self.hidden_styles:
            return True
        return self._paragraph_hidden or hides(rpr)


def hides(rpr: etree._Element) -> bool:
    """Whether run properties make text invisible on the printed page."""
    vanish = rpr.find(qn("w:vanish"))
    if vanish is not None and vanish.get(qn("w:val"), "true") not in ("false", "0", "off"):
        return True
    size = rpr.find(qn("w:sz"))
    half_points = (size.get(qn("w:val")) or "") if size is not None else ""
    if half_points.isdigit() and int(half_points) < _MIN_HALF_POINTS:
        return True
    color = rpr.find(qn("w:color"))
    if color is None or (color.get(qn("w:val")) or "").upper() not in _WHITE:
        return False
    shading, highlight = rpr.find(qn("w:shd")), rpr.find(qn("w:highlight"))
    on_colour = (shading is not None and (shading.get(qn("w:fill")) or "auto").upper() not in _WHITE | {"AUTO"}) or (
        highlight is not None and (highlight.get(qn("w:val")) or "none") not in ("none", "white"))
    return not on_colour


def _choice(alternate: etree._Element) -> etree._Element:
    """The first choice of mc:AlternateContent (its fallback repeats the same content)."""
    choice = alternate.find(_CHOICE)
    return choice if choice is not None else etree.Element("empty")


def _alternates(r: etree._Element) -> Iterator[etree._Element]:
    for child in r:
        if child.tag == _ALTERNATE:
            yield from _choice(child)
        else:
            yield child


def outer_boxes(element: etree._Element) -> list[etree._Element]:
    """Text-box contents inside a drawing: not a fallback's copy of them, and not a box inside
    another box of this drawing (walking the outer box's paragraphs reads it)."""
    found: list[etree._Element] = []
    for box in element.iter(qn("w:txbxContent")):
        between = []
        for ancestor in box.iterancestors():
            if ancestor is element:
                break
            between.append(ancestor.tag)
        if qn("w:txbxContent") not in between and f"{{{_MC}}}Fallback" not in between:
            found.append(box)
    return found


def block_items(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a body, cell, header, note or text box, content controls opened."""
    for child in parent:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from block_items(child if child.tag != qn("w:sdt") else _sdt_content(child))
        elif child.tag == _ALTERNATE:
            yield from block_items(_choice(child))


def _sdt_content(sdt: etree._Element) -> etree._Element:
    content = sdt.find(qn("w:sdtContent"))
    return content if content is not None else etree.Element("empty")


def row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    """A table row's cells, those wrapped in a content control included."""
    for child in tr:
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag == qn("w:sdt"):
            yield from row_cells(_sdt_content(child))


def table_rows(tbl: etree._Element, cell_text: Callable[[etree._Element], str]) -> list[str]:
    """Tab-separated rows; a cell spanning columns appears once; a row of content controls
    (w:sdt around w:tr) is read too; a vertically merged cell repeats the text above it."""
    rows: list[str] = []
    above: dict[int, str] = {}
    for tr in block_rows(tbl):
        cells: list[str] = []
        col = 0
        for tc in row_cells(tr):
            tcpr = tc.find(qn("w:tcPr"))
            span = 1
            merged = False
            if tcpr is not None:
                grid = tcpr.find(qn("w:gridSpan"))
                span = int(grid.get(qn("w:val"), "1")) if grid is not None else 1
                vmerge = tcpr.find(qn("w:vMerge"))
                merged = vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue"
            text = above.get(col, "") if merged else " ".join(cell_text(tc).split())
            above[col] = text
            cells.append(text)
            col += span
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def block_rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == qn("w:tr"):
            yield child
        elif child.tag == qn("w:sdt"):
            yield from block_rows(_sdt_content(child))
