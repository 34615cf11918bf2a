"""Loader for PDF files: text by position with pypdf's layout mode, OCR for scanned pages."""

from __future__ import annotations

import io
import logging
import math
import re
from pathlib import Path

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

from assistant.errors import (
    CorruptDocumentError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
)
from assistant.types import Page

from . import ocr as ocr_mod
from ._text import Extracted, clean_text, guess_title, looks_like_url
from .pdf_layout import layout_to_text

logger = logging.getLogger(__name__)

# A scanned page can still carry a few characters of text (a stamped page number or a
# header); below this many letters, a page that holds images is read by OCR as well.
_SCANNED_MAX_CHARS = 20
_WORD_TITLE = re.compile(r"^microsoft (word|powerpoint|excel) - ", re.IGNORECASE)
_FILE_TITLE = re.compile(r"\.(docx?|pdf|odt|rtf|pptx?|xlsx?|indd)$", re.IGNORECASE)


def load_pdf(data: bytes, path: Path, *, ocr: bool = True) -> Extracted:
    """One Page per PDF page (1-based numbers); pages without text go to OCR when allowed."""
    reader = _open(data, path.name)
    texts, notes = _extract_pages(reader, path.name)
    scanned = [n for n, page in enumerate(reader.pages, 1) if _needs_ocr(page, texts.get(n, ""))]
    if scanned and ocr:
        result = ocr_mod.ocr_pdf_pages(path, scanned)
        notes += result.notes
        for number, raw in result.texts.items():
            text = clean_text(raw)
            if len(text.strip()) > len(texts.get(number, "").strip()):
                texts[number] = text
    elif scanned:
        notes.append(f"OCR disabled: pages {', '.join(map(str, scanned))} have no text layer")
    pages = [Page(number=n, text=t) for n, t in sorted(texts.items()) if t.strip()]
    if not pages and scanned:
        raise EmptyDocumentError(_scanned_message(ocr), file=path.name)
    title = (_metadata_title(reader, path.stem) or (_largest_type(reader.pages[0]) if len(reader.pages) else None)
             or (guess_title(pages[0].text) if pages else None))
    return Extracted(pages=pages, title=title, notes=notes)


def _open(data: bytes, name: str) -> PdfReader:
    # pypdf reports malformed files through many exception types (PdfReadError, ValueError,
    # KeyError, AttributeError, RecursionError...), so the boundary catches them all.
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise EncryptedDocumentError("the PDF is encrypted with a password", file=name)
        logger.debug("pdf_open name=%s pages=%d", name, len(reader.pages))
    except DocumentError:
        raise
    except DependencyError as exc:
        raise EncryptedDocumentError(
            "the PDF uses AES encryption, which needs `pip install cryptography`", file=name
        ) from exc
    except Exception as exc:
        raise CorruptDocumentError(f"not a readable PDF ({exc})", file=name) from exc
    return reader


def _extract_pages(reader: PdfReader, name: str) -> tuple[dict[int, str], list[str]]:
    texts: dict[int, str] = {}
    failed: list[int] = []
    for number, page in enumerate(reader.pages, 1):
        text = _page_text(page, name, number)
        if text is None:
            failed.append(number)
        else:
            texts[number] = text
    if failed and not texts:
        raise CorruptDocumentError("no page of the PDF could be read", file=name)
    notes = [f"unreadable pages {', '.join(map(str, failed))}"] if failed else []
    return texts, notes


def _page_text(page: PageObject, name: str, number: int) -> str | None:
    """Layout-mode text in reading order; plain mode when layout mode fails on a page."""
    try:
        return clean_text(layout_to_text(page.extract_text(extraction_mode="layout")))
    # Layout mode trips on some fonts where plain mode copes: any failure means "try plain".
    except Exception as exc:  # noqa: BLE001
        logger.warning("pdf_layout_failed name=%s page=%d error=%s", name, number, exc)
    try:
        return clean_text(page.extract_text())
    # A damaged page must not lose the rest of the document.
    except Exception as exc:  # noqa: BLE001
        logger.warning("pdf_page_failed name=%s page=%d error=%s", name, number, exc)
        return None


def _needs_ocr(page: PageObject, text: str) -> bool:
    letters = sum(ch.isalnum() for ch in text)
    if letters == 0:
        return True
    if letters >= _SCANNED_MAX_CHARS:
        return False
    try:
        return len(page.images) > 0
    # An unreadable image list only means no OCR for this page.
    except Exception:  # noqa: BLE001
        return False


def _metadata_title(reader: PdfReader, stem: str) -> str | None:
    """The document-information title, unless it is empty or just a file name.

    Tools such as Pillow write the file's stem as the title, which says nothing.
    """
    try:
        raw = reader.metadata.title if reader.metadata else None
    # Broken metadata is common and never worth failing the file for.
    except Exception:  # noqa: BLE001
        return None
    title = _WORD_TITLE.sub("", clean_text(str(raw or ""))).strip()
    if sum(ch.isalpha() for ch in title) < 3 or _FILE_TITLE.search(title):
        return None
    if title.lower() in {"untitled", "fără titlu", "document", stem.lower()}:
        return None
    return re.sub(r"\s+", " ", title)


def _largest_type(page: PageObject) -> str | None:
    """The text set in the largest type on the first page, when it is larger than the page's
    body text: a title as the reader sees it, not whatever line comes first (a running header,
    a link). pypdf reports each piece of text with its font size and matrices."""
    pieces: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
        if text.strip():
            pieces.append((round(size * scale, 1), text))

    try:
        page.extract_text(visitor_text=visit)
    # A font pypdf cannot measure only means no title from type sizes.
    except Exception:  # noqa: BLE001
        return None
    letters = [(s, len(t)) for s, t in pieces]
    if not letters:
        return None
    body = max({s for s, _ in letters}, key=lambda s: sum(n for z, n in letters if z == s))  # most text
    top = max(s for s, _ in letters)
    if top < body * 1.2:
        return None
    title = " ".join(clean_text(" ".join(t for s, t in pieces if s == top)).split())
    if sum(ch.isalpha() for ch in title) < 3 or looks_like_url(title):
        return None
    return title[:150]


def _scanned_message(ocr: bool) -> str:
    if not ocr:
        return "the PDF is scanned (no text layer) and OCR was turned off"
    missing = ocr_mod.missing_tools()
    if missing:
        return (
            "the PDF is scanned (no text layer) and OCR is not installed "
            f"(missing {', '.join(missing)}); install it with `{ocr_mod.INSTALL_HINT}`"
        )
    return "the PDF is scanned and OCR found no text in it"
