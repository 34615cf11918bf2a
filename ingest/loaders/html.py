"""Loader for HTML pages: a stdlib parser turning markup into the Page text convention."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from assistant.types import Page

from ._text import Extracted, clean_text, decode_bytes, guess_title, heading_title, looks_like_url

_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "pre", "table", "form", "fieldset", "figure", "figcaption",
    "hr", "address", "details", "summary",
}  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# What a browser does not show: the hidden attribute, aria-hidden="true" (hidden from readers),
# inline display:none or visibility:hidden; and a cookie or consent banner, which is the site's
# notice, not the document's text. Such text is skipped and counted.
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_BANNER = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
# A page's own style sheet can hide by class or id (".ascuns { display: none }"): simple
# selectors of such rules are read from its <style> elements.
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HIDING_DECL = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SIMPLE_SELECTOR = re.compile(r"^(?:[a-z][a-z0-9]*)?([.#])([\w-]+)$", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Private-use characters mark breaks until `text()` resolves them; removed from the input.
_PARA = "\ue000"
_LINE = "\ue001"


class _TextExtractor(HTMLParser):
    """Collects text with paragraph and line markers; tables become tab-separated rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._pre = 0
        self._cell_depth = 0
        self._first_cell = True
        self.hidden = 0  # hidden elements with text, skipped
        self._hidden_tag: str | None = None
        self._hidden_depth = 0
        self._hidden_text = False
        self._in_style = False
        self._css = ""
        self._hiding: set[str] = set()  # ".class" and "#id" the page's style sheet hides

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden_tag is not None:
            self._hidden_depth += tag == self._hidden_tag
            return
        if tag not in _VOID and _is_hidden(dict(attrs), self._hiding):
            self._hidden_tag, self._hidden_depth, self._hidden_text = tag, 1, False
            return
        if tag in _SKIP:
            self._skip += 1
            self._in_style = tag == "style"
        elif tag == "title":
            self._in_title = True
        elif tag in _HEADINGS:
            self._break(_PARA)
            self.parts.append("#" * _HEADINGS[tag] + " ")
        elif tag == "tr":
            self._break(_LINE)
            self._first_cell = True
        elif tag in ("td", "th"):
            if not self._first_cell:
                self.parts.append("\t")
            self._first_cell = False
            self._cell_depth += 1
        elif tag == "li":
            self._break(_LINE)
            self.parts.append("- ")
        elif tag == "br":
            self._break(_LINE)
        elif tag in _BLOCK:
            self._pre += tag == "pre"
            self._break(_PARA)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden_tag is not None:
            if tag == self._hidden_tag:
                self._hidden_depth -= 1
                if self._hidden_depth == 0:
                    self._hidden_tag = None
                    self.hidden += self._hidden_text
            return
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            if tag == "style":
                self._in_style = False
                self._hiding |= _hidden_selectors(self._css)
                self._css = ""
        elif tag == "title":
            self._in_title = False
        elif tag in ("td", "th"):
            self._cell_depth = max(0, self._cell_depth - 1)
        elif tag == "table" or tag in _HEADINGS or tag in _BLOCK:
            self._pre = max(0, self._pre - (tag == "pre"))
            self._break(_PARA)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css += data
            return
        if self._hidden_tag is not None:
            self._hidden_text = self._hidden_text or bool(data.strip())
            return
        if self._in_title:
            self.title += data
        elif not self._skip:
            data = data.replace(_PARA, "").replace(_LINE, "")
            self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))

    def _break(self, marker: str) -> None:
        # Inside a table cell a break would cut the row in two: a space keeps it on one line.
        self.parts.append(" " if self._cell_depth else marker)

    def text(self) -> str:
        raw = "".join(self.parts)
        raw = re.sub(rf"(?:\s*{_LINE})*\s*{_PARA}(?:\s*(?:{_PARA}|{_LINE}))*\s*", "\n\n", raw)
        raw = re.sub(rf"(?:\s*{_LINE})+\s*", "\n", raw)
        lines = (re.sub(r" *\t *", "\t", line).strip(" ") for line in raw.split("\n"))
        return "\n".join(line for line in lines if line.strip("\t") or not line)


def _hidden_selectors(css: str) -> set[str]:
    """".class" and "#id" selectors of the rules that hide (compound selectors are left alone)."""
    out: set[str] = set()
    for selectors, declarations in _CSS_RULE.findall(css):
        if _HIDING_DECL.search(declarations):
            for selector in selectors.split(","):
                m = _SIMPLE_SELECTOR.match(selector.strip())
                if m:
                    out.add(m.group(1) + m.group(2))
    return out


def _is_hidden(attrs: dict[str, str | None], hiding: set[str] | frozenset[str] = frozenset()) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    names = {f".{c}" for c in (attrs.get("class") or "").split()} | {f"#{attrs.get('id') or ''}"}
    if names & hiding:
        return True
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    return bool(_BANNER.search(f"{attrs.get('id') or ''} {attrs.get('class') or ''}"))


def html_to_text(markup: str) -> tuple[str, str | None, int]:
    """The visible text of an HTML document, its <title> (None when missing) and how many
    hidden elements holding text were skipped."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    if parser._hidden_tag is not None:  # a hidden element never closed hid the rest
        parser.hidden += parser._hidden_text
    title = re.sub(r"\s+", " ", parser.title).strip() or None
    return clean_text(parser.text()), title, parser.hidden


def load_html(data: bytes, name: str) -> Extracted:
    """Decode (BOM, then <meta charset>, then detection) and convert to text."""
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii") if match else None
    text, title, hidden = html_to_text(decode_bytes(data, declared=declared))
    pages = [Page(number=None, text=text)] if text.strip() else []
    headings = [h for h in (ln.lstrip("#").strip() for ln in text.split("\n") if ln.startswith("#"))
                if not looks_like_url(h)]
    heading = heading_title(headings) if headings else ""
    notes = [f"hidden text skipped: {hidden} elements"] if hidden else []
    # A page's <title> is sometimes its address; an address is never a document's title.
    title = None if title and looks_like_url(title) else title
    return Extracted(pages=pages, title=heading or title or guess_title(text), notes=notes, hidden=hidden)
