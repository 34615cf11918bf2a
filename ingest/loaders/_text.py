"""Text helpers shared by the loaders: decoding, Unicode clean-up, titles, the loader result."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from assistant.types import Page

logger = logging.getLogger(__name__)

# Romanian is written with comma-below ș/ț; legacy encodings and old fonts give the cedilla
# forms, which stem and match differently, so every loader maps them.
_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
# Control characters (C0 and C1) except tab and newline, plus invisible format characters
# that break words in two for the retrievers (BOM, soft hyphen, zero-width space).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u00ad\u200b]")
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " "})
_ROMANIAN = set("ăâîșțĂÂÎȘȚ")
# Letters a wrong single-byte guess produces from Romanian bytes (cp1252 / Cyrillic readings).
_SUSPECT = set("ãþºªÞÃ") | {chr(c) for c in range(0x0400, 0x0500)}
_FALLBACK_ENCODINGS = ("cp1250", "iso8859_2", "iso8859_16")


@dataclass
class Extracted:
    """What a format module hands back to `load_document`."""

    pages: list[Page]
    title: str | None = None
    notes: list[str] = field(default_factory=list)


def clean_text(text: str) -> str:
    """NFC, comma-below ș/ț, unified line endings, no control characters, at most one blank line."""
    text = unicodedata.normalize("NFC", text).translate(_CEDILLA).translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _romanian_score(text: str) -> int:
    """Higher when a decoding reads as Romanian rather than as mojibake."""
    good = sum(ch in _ROMANIAN for ch in text)
    bad = sum(ch in _SUSPECT or ch == "\ufffd" or "\x80" <= ch <= "\x9f" for ch in text)
    return good - 3 * bad


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode text bytes: UTF-8 (with or without BOM), a declared charset, else the best guess.

    charset-normalizer can hesitate between single-byte code pages on short texts, so its
    guess competes with the Romanian code pages on how Romanian the result reads.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared and _known_codec(declared):
        return data.decode(declared, errors="replace")
    candidates: list[str] = []
    best = from_bytes(data).best()
    if best is not None and _known_codec(best.encoding):
        candidates.append(best.encoding)
    candidates += [enc for enc in _FALLBACK_ENCODINGS if enc not in candidates]
    decoded = {enc: data.decode(enc, errors="replace") for enc in candidates}
    # max keeps the first of equal scores, so the detector's guess wins ties.
    chosen = max(candidates, key=lambda enc: _romanian_score(decoded[enc]))
    logger.debug("decoded encoding=%s detector=%s", chosen, best.encoding if best else None)
    return decoded[chosen]


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def guess_title(text: str, *, max_len: int = 150) -> str | None:
    """The first markdown heading near the top, else the first non-empty short line."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:40]:
        if re.match(r"#{1,6}\s", line):  # "#hashtag" is not a heading
            heading = line.lstrip("#").strip()
            if heading:
                return heading[:max_len]
    for line in lines[:40]:
        if len(line) <= max_len and sum(ch.isalpha() for ch in line) >= 3:
            return re.sub(r"\s+", " ", line.lstrip("-* "))
    return None
