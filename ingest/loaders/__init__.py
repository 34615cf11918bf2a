"""Document loaders: read a supported file into pages of text that follow one convention.

`load_document` is the entry point; one small module per format does the reading.
Every failure for a bad file is a `DocumentError` subclass, never a library's exception.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from assistant.errors import (
    DocumentError,
    EmptyDocumentError,
    FileTooLargeError,
    UnsupportedFileError,
)
from assistant.types import LoadedDocument

from ._text import Extracted
from .docx import load_docx
from .eml import load_eml
from .html import load_html
from .pdf import load_pdf
from .text import load_text

__all__ = ["READER_VERSION", "SUPPORTED_SUFFIXES", "load_document"]

# Bumped whenever a loader reads a file differently (text repair, parts of a DOCX, hidden
# text): it is stored in the manifest with each document, so an index built by an older
# reader reads its unchanged files again.
READER_VERSION = 4

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50_000_000
_KINDS = {
    ".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".md": "md",
    ".html": "html", ".htm": "html", ".eml": "eml",
}  # fmt: skip
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_KINDS)

_Reader = Callable[[bytes, Path, bool], Extracted]
_READERS: dict[str, _Reader] = {
    "pdf": lambda data, path, ocr: load_pdf(data, path, ocr=ocr),
    "docx": lambda data, path, ocr: load_docx(data, path.name),
    "txt": lambda data, path, ocr: load_text(data, path.name),
    "md": lambda data, path, ocr: load_text(data, path.name),
    "html": lambda data, path, ocr: load_html(data, path.name),
    "eml": lambda data, path, ocr: load_eml(data, path.name),
}


def load_document(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, ocr: bool = True
) -> LoadedDocument:
    """Read one file into a LoadedDocument, choosing the reader by its suffix.

    Raises UnsupportedFileError, FileTooLargeError, EmptyDocumentError,
    EncryptedDocumentError or CorruptDocumentError; DocumentError when the file cannot be read.
    """
    path = Path(path)
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedFileError(
            f"suffix {path.suffix or '(none)'!r} is not one of {', '.join(sorted(SUPPORTED_SUFFIXES))}",
            file=path.name,
        )
    data = _read(path, max_bytes)
    if not data.strip():
        raise EmptyDocumentError("the file is empty", file=path.name)
    extracted = _READERS[kind](data, path, ocr)
    if not any(page.text.strip() for page in extracted.pages):
        raise EmptyDocumentError(f"no text found in the {kind} file", file=path.name)
    doc = LoadedDocument(
        name=path.name,
        path=str(path),
        title=extracted.title or path.stem,
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=extracted.pages,
        notes=extracted.notes,
        hidden=extracted.hidden,
    )
    logger.info(
        "document_loaded name=%s kind=%s pages=%d chars=%d notes=%d",
        doc.name, kind, len(doc.pages), sum(len(p.text) for p in doc.pages), len(doc.notes),
    )  # fmt: skip
    return doc


def _read(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; the size limit is checked before reading anything."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FileTooLargeError(f"{size} bytes is over the limit of {max_bytes}", file=path.name)
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew since stat() still fails.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(f"cannot read the file ({exc.strerror or exc})", file=path.name) from exc
    if len(data) > max_bytes:
        raise FileTooLargeError(f"over the limit of {max_bytes} bytes", file=path.name)
    return data
