"""Sentence splitting for Romanian call documents (abbreviations, amounts, list items)."""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence (folded, lower case).
_ABBREV = {
    "nr", "art", "alin", "lit", "pct", "prof", "dr", "ing", "conf", "lect", "min", "max",
    "etc", "ex", "str", "tel", "mil", "mld", "dl", "dna", "sf", "jud", "mun", "loc", "ec",
    "cca", "aprox", "resp", "cf", "vol", "pag", "fig", "ian", "feb", "mar", "apr", "iun",
    "iul", "aug", "sept", "oct", "nov", "dec", "e.g", "i.e", "vs", "inc", "ltd", "srl", "sa",
}
_BOUNDARY = re.compile(r"(?<=[.!?;])\s+(?=[\"„“(«]?[A-ZĂÂÎȘȚŞŢ0-9•\-])|\n+")
# A line that lists: it opens with an item's marker, or an introduction ends in a colon before its
# first ';' ("Sunt eligibili: IMM-urile; ..."). There ';' ends an item; in prose it joins the
# clauses of one sentence ("echipe din A (x, y); B (z); și C (w)"), which are read together.
_LIST_LINE = re.compile(r"^\s*(?:[-•▪◦●*–]\s|\(?[a-z0-9]{1,2}[.)]\s)|^[^;]*:\s")


def split_sentences(text: str) -> list[str]:
    """Sentences and list items of a passage, stripped, in order; never loses text."""
    parts: list[str] = []
    buf = ""
    for line in text.split("\n"):
        listing = bool(_LIST_LINE.match(line))
        pieces = _split_keep(line)
        for i, piece in enumerate(pieces):
            buf = f"{buf} {piece}".strip() if buf else piece.strip()
            ends_line = i == len(pieces) - 1
            if buf and not _ends_with_abbreviation(buf) and (listing or ends_line or not buf.endswith(";")):
                parts.append(buf)
                buf = ""
    if buf:
        parts.append(buf)
    return [p for p in parts if p]


def sentence_at(text: str, offset: int) -> str:
    """The sentence of text (as split_sentences cuts it) that holds the character at offset, stripped."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.start() >= offset:
            return text[start: m.start()].strip()
        if not _ends_with_abbreviation(text[start: m.start()].rstrip()):
            start = m.end()
    return text[start:].strip()


def _split_keep(text: str) -> list[str]:
    out, last = [], 0
    for m in _BOUNDARY.finditer(text):
        out.append(text[last : m.start()])
        last = m.end()
    out.append(text[last:])
    return [p for p in out if p.strip()]


def _ends_with_abbreviation(sentence: str) -> bool:
    # Only the tail is looked at: on a long run with no full stop the search would be quadratic.
    m = re.search(r"(\w+(?:\.\w+)?)\.$", sentence[-40:]) if sentence.endswith(".") else None
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha()) or _item_number(sentence, word)


def _item_number(sentence: str, word: str) -> bool:
    """An inline numbered list ("sunt: 1. a, 2. b și 3. C") writes its markers "n." after the
    previous item; the period of such a marker ends no sentence, even before a capital. The first
    marker follows the list's introduction (a colon), each next one the marker before it."""
    if not (word.isdigit() and len(word) <= 2) or not re.search(rf"(?:^|\s){word}\.$", sentence[-40:]):
        return False
    n = int(word)
    if n == 1:
        return bool(re.search(r":\s*1\.$", sentence[-40:]))
    return re.search(rf"(?:^|[\s:]){n - 1}\.\s", sentence) is not None
