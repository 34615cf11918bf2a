"""Loader for plain text and markdown files: decoding, front matter, and form feeds as page breaks."""

from __future__ import annotations

import logging
import re

from assistant.types import Page

from ._text import Extracted, clean_text, decode_bytes, guess_title

logger = logging.getLogger(__name__)


# Markdown front matter (Jekyll, Hugo, ...): a block of "key: value" lines between two "---"
# lines opening the file. It is the page's settings, not its text; its "title" names the page.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[^\n]*\n){0,60}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)
# A Markdown pipe table: a header line of "|"-separated cells, then a delimiter line of dashes
# ("|---|:--:|"), then one line a row. Its rows become tab-separated rows, the convention the
# DOCX and HTML readers give their tables, so ingest/blocks.py files each row under the header.
_PIPE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def split_front_matter(text: str) -> tuple[str, str | None]:
    """(the text without its front matter, the front matter's title or None). Text without
    front matter (or a first "---" that opens no "key: value" block) comes back unchanged."""
    m = _FRONT_MATTER.match(text)
    if not m or not re.search(r"^[\w-]+:", m.group(1), re.MULTILINE):
        return text, None
    title = _FRONT_TITLE.search(m.group(1))
    value = title.group(1).strip().strip("\"'").strip() if title else ""
    return text[m.end():].lstrip("\n"), value or None


def pipe_tables_to_rows(text: str) -> str:
    """Markdown pipe tables as tab-separated rows (the delimiter line dropped, "\\|" kept as a
    literal "|"); every other line unchanged. A pipe line without a delimiter line under it
    is text, not a table."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and "|" in lines[i] and _PIPE_DELIMITER.match(lines[i + 1]):
            out.append(_pipe_row(lines[i]))
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                out.append(_pipe_row(lines[i]))
                i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _pipe_row(line: str) -> str:
    cells = [c.strip().replace("\\|", "|") for c in _PIPE.split(line.strip())]
    if cells and not cells[0]:  # the optional outer pipes
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return "\t".join(cells)


def load_text(data: bytes, name: str) -> Extracted:
    """Decode the bytes; a form feed starts a new page, as in `pdftotext` output."""
    text, front_title = split_front_matter(decode_bytes(data).lstrip("\ufeff"))
    text = pipe_tables_to_rows(text)
    if "\f" not in text:
        cleaned = clean_text(text)
        pages = [Page(number=None, text=cleaned)] if cleaned.strip() else []
        return Extracted(pages=pages, title=front_title or guess_title(cleaned))
    parts = [clean_text(part) for part in text.split("\f")]
    # Numbers follow the form feeds even when a page is blank, so they match the printed pages.
    pages = [Page(number=i, text=part) for i, part in enumerate(parts, 1) if part.strip()]
    logger.debug("form_feed_pages name=%s pages=%d", name, len(parts))
    first = pages[0].text if pages else ""
    return Extracted(pages=pages, title=front_title or guess_title(first))
