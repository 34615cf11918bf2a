"""Loader for plain text and markdown files: decoding, and form feeds as page breaks."""

from __future__ import annotations

import logging

from assistant.types import Page

from ._text import Extracted, clean_text, decode_bytes, guess_title

logger = logging.getLogger(__name__)


def load_text(data: bytes, name: str) -> Extracted:
    """Decode the bytes; a form feed starts a new page, as in `pdftotext` output."""
    text = decode_bytes(data)
    if "\f" not in text:
        cleaned = clean_text(text)
        pages = [Page(number=None, text=cleaned)] if cleaned.strip() else []
        return Extracted(pages=pages, title=guess_title(cleaned))
    parts = [clean_text(part) for part in text.split("\f")]
    # Numbers follow the form feeds even when a page is blank, so they match the printed pages.
    pages = [Page(number=i, text=part) for i, part in enumerate(parts, 1) if part.strip()]
    logger.debug("form_feed_pages name=%s pages=%d", name, len(parts))
    first = pages[0].text if pages else ""
    return Extracted(pages=pages, title=guess_title(first))
