"""Romanian text normalised and folded: the canonical form stored and shown (NFC, comma-below
ș/ț, no invisible format characters) and the form used for matching (lower case, no diacritics).
Used identically at ingest and at query time; text.py makes tokens of the folded form."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Romanian s and t written with a cedilla (old code pages) -> with a comma below, the correct letters.
CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
FOLD = str.maketrans({"ș": "s", "ț": "t", "ă": "a", "â": "a", "î": "i",
                      "Ș": "s", "Ț": "t", "Ă": "a", "Â": "a", "Î": "i"})


def replace_chars(text: str, table: dict[int, str]) -> str:
    """str.translate for a few one-character pairs; chained replace is several times faster
    on long non-ASCII text (ingest and every question fold every chunk)."""
    for src, dst in table.items():
        ch = chr(src)
        if ch in text:
            text = text.replace(ch, dst)
    return text


# Unicode format characters (category Cf: soft hyphen, zero-width space and joiners, word
# joiner, BOM, direction marks) print as nothing; inside a word they would split it in two
# tokens, so stored text and questions both lose them.
# Looked for in planes 0, 1 and 14 only, where Unicode puts every Cf character (planes 2-13 hold
# CJK letters and unassigned points, 15-16 private use): a tenth of the scan at import.
FORMAT_PLANES = (range(0x20000), range(0xE0000, 0xE1000))
_FORMAT_SET = frozenset(c for r in FORMAT_PLANES for c in map(chr, r) if unicodedata.category(c) == "Cf")
_FORMAT_CHARS = re.compile("[" + "".join(re.escape(c) for c in sorted(_FORMAT_SET)) + "]")


def strip_format_chars(text: str) -> str:
    # The set test first: a regex class of ~170 characters, some astral, scans ~10x slower,
    # and almost no text holds one (ingest folds every line and chunk several times).
    return text if text.isascii() or _FORMAT_SET.isdisjoint(text) else _FORMAT_CHARS.sub("", text)


def normalize(text: str) -> str:
    """NFC with comma-below ș/ț and no format characters: the canonical form stored and shown."""
    text = unicodedata.normalize("NFC", strip_format_chars(text or ""))
    return text if text.isascii() else replace_chars(text, CEDILLA)


@lru_cache(maxsize=4096)  # ingest folds each ~400-token window once per fact extractor (~8 times)
def fold(text: str) -> str:
    """Lower case without diacritics: the form used for matching."""
    text = normalize(text)
    text = (text if text.isascii() else replace_chars(text, FOLD)).lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    # lower() again: compatibility forms decompose to capitals ("ℌ" -> "H").
    return _NON_ASCII.sub(_drop_combining, text).lower()


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold_case_kept(text: str) -> str:
    """Without diacritics but in its own case ("Întreprinderi" -> "Intreprinderi"): to tell a
    name written with a capital from a common word."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _drop_combining(match: re.Match[str]) -> str:
    """Combining marks out of a run of non-ASCII characters (only those runs are looked at)."""
    return "".join(c for c in match.group() if not unicodedata.combining(c))
