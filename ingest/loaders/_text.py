"""Text helpers shared by the loaders: decoding, Unicode clean-up, titles, the loader result."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice

from charset_normalizer import from_bytes

from assistant.folding import CEDILLA, replace_chars, strip_format_chars
from assistant.issuers import is_letterhead, issued_programme, programme_name
from assistant.types import Page

logger = logging.getLogger(__name__)

# Romanian is written with comma-below ș/ț; legacy encodings and old fonts give the cedilla
# forms, which stem and match differently, so every loader maps them.
# Control characters (C0 and C1) except tab and newline. Format characters (Unicode category
# Cf: soft hyphen, zero-width space and joiners, word joiner, BOM inside text, direction marks)
# are invisible in print and break a word in two for the retrievers, so they go as well.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A soft hyphen at a line end marks where a word was broken for the page: the two halves are
# one word ("investiți\u00ad" + line break + "ile").
_SOFT_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*")
# Typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) are two or three letters drawn as one glyph; PDF
# text layers often keep the glyph, which no question typed on a keyboard matches.
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
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
    hidden: int = 0  # pieces of hidden text skipped (invisible runs, hidden HTML elements)


def clean_text(text: str) -> str:
    """NFC, comma-below ș/ț, unified line endings, no control or format characters, ligatures as
    letters, at most one blank line."""
    text = replace_chars(replace_chars(unicodedata.normalize("NFC", text), CEDILLA), _SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _SOFT_BREAK.sub("", text)
    text = strip_format_chars(_CONTROL.sub("", text))
    for glyph, letters in _LIGATURES.items():
        if glyph in text:
            text = text.replace(glyph, letters)
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
    wide = _utf16_without_bom(data)
    if wide:
        return data.decode(wide, errors="replace")
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


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16/32 codec of text saved without a byte-order mark (Windows "Unicode" exports).

    Such bytes are mostly valid UTF-8 (every Latin letter is followed by a NUL), so UTF-8 would
    'succeed' and drop ă, ș, ț. Text files hold no NUL bytes, so a NUL sends the data to
    charset-normalizer, which recognises UTF-16 and UTF-32; a UTF-8 BOM is left to UTF-8.
    """
    sample = data[:65536]
    if b"\x00" not in sample or sample.startswith(codecs.BOM_UTF8):
        return None
    best = from_bytes(sample).best()
    enc = best.encoding if best is not None else ""
    if enc.startswith(("utf_16", "utf_32")):
        return enc
    # The detector can hesitate on a short sample: NULs on one side of the byte pairs decide.
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) >= len(sample) // 4 and min(even, odd) <= max(even, odd) // 10:
        return "utf_16_le" if odd > even else "utf_16_be"
    return None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def heading_title(headings: list[str]) -> str:
    """A document's title from its headings in order (at least one): the first, unless it is the
    issuer's name over a programme's heading ("Primăria ..." / "Fondul ... – Anunț de lansare"),
    then the programme's name (see assistant.issuers)."""
    return issued_programme(headings[:2]) or headings[0]


_SECTION_NAME = re.compile(
    r"(?i)^\W*(?:\d+[.)]?\s*)?(?:introducere|defini[tț]ii|cuprins|rezumat|sumar|preambul|argument|prefa[tț][aă]|"
    r"con[tț]inut|introduction|contents|summary|abstract|foreword|definitions)\W*$")


def guess_title(text: str, *, max_len: int = 150) -> str | None:
    """The first markdown heading near the top, else the first non-empty short line."""
    lines = list(islice((s for s in map(str.strip, text.split("\n")) if s), 40))  # only the top is read
    headings = [h for h in (ln.lstrip("#").strip() for ln in lines if re.match(r"#{1,6}\s", ln))  # not "#hashtag"
                if h and not looks_like_url(h)]
    if headings:
        return heading_title(headings)[:max_len]
    plain = [ln for ln in lines[:40]
             if len(ln) <= max_len and sum(map(str.isalpha, ln)) >= 3 and not looks_like_url(ln)]
    # An official document opens with its issuer's letterhead ("MINISTERUL ...", "ROMÂNIA"); its
    # title is the line right after it when that reads as one (three words or more: a logo's
    # letters or an acronym are still the letterhead, and then the letterhead names the paper).
    # A section's generic name on the first line ("INTRODUCERE", "Definiții", "Cuprins") names a
    # part of any document, not this one: the document has no title line (its file name stands in).
    if plain and _SECTION_NAME.match(plain[0]):
        return None
    k = 0
    while k < len(plain) and is_letterhead(plain[k]):
        k += 1
    chosen = plain[k] if 0 < k < len(plain) and len(plain[k].split()) >= 3 else plain[0] if plain else None
    if chosen is not None and chosen is not plain[0]:  # under a letterhead: a programme's name without its tail
        chosen = programme_name(chosen) or chosen
    return re.sub(r"\s+", " ", chosen.lstrip("-* ")) if chosen else None


# A web address or a piece of one (a lower-case path, a host or a file name on a site): what a
# page prints under a link, never the name of a document or a section. "ȚĂRI/REGIUNI" or
# "Beneficiari/Parteneri" are labels, not paths.
_URLISH = re.compile(
    r"(?i:https?://|www\.|mailto:)|^/?[a-z0-9_.-]+(?:/[a-z0-9_.%-]+)+/?$"
    r"|^\S+\.(?i:ro|eu|com|org|net|gov|html?|php|aspx?|pdf)(?:/\S*)?$"
    # a piece of an address broken over lines: no space, and the signs only addresses use
    r"|^(?=\S{12,}$)\S*[+%=&?_]\S*$")


def looks_like_url(line: str) -> bool:
    return bool(_URLISH.search(line.strip()))
