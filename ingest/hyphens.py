"""Joining a line to the one before it when the earlier line ends in a hyphen.

Our own: no library knows which Romanian hyphens are printed words and which only break a
word at the page margin, and the difference changes meaning ("s-au" is "they have", "sau" is
"or"). A hyphen is a line-break hyphen unless one of these general facts of Romanian writing
says it belongs to the text:
- a clitic is joined by a hyphen ("s-au", "într-un", "dintr-o", "le-a", "ducându-se");
- a capital or a digit after it starts a name or a code ("Nord-Est", "COVID-19");
- an acronym before it takes an ending through one ("IMM-uri", "ONG-urile");
- month names and cardinal points make ranges and compounds ("noiembrie-decembrie", "sud-vest");
- the page itself writes the hyphenated form elsewhere, or writes both halves as words and
  never the joined word.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.text import MONTHS, fold

# Words written before a hyphen and a following word: pronoun and auxiliary clitics, and the
# prepositions that lose their vowel ("într-", "dintr-", "printr-", "de-a", "într-adevăr").
_LEFT_CLITICS = {"s", "n", "l", "i", "m", "v", "c", "t", "mi", "ti", "si", "ne", "va", "le", "li", "ni", "vi",
                 "ce", "de", "pe", "la", "nu", "intr", "dintr", "printr", "dinspre", "dupa"}
# Clitics written after a hyphen ("spune-mi", "oferă-le", "ia-o", "luându-l"); after a gerund
# ("-ndu-") also the reflexive and auxiliaries ("ducându-se", "fiindu-i"), which elsewhere are
# common syllables ("preci-se") and so prove nothing.
_RIGHT_CLITICS = {"o", "l", "i", "mi", "ti", "si", "le", "ne", "va"}
_AFTER_GERUND = {"se", "au", "a", "am", "ar", "ati"}
_COMPOUNDING = set(MONTHS) | {"nord", "sud", "est", "vest", "centru"}
# Second elements of the compounds of administrative Romanian, always hyphenated
# ("acord-cadru", "termen-limită", "proiect-pilot", "cuvinte-cheie").
_SECOND_ELEMENTS = {"cadru", "limita", "pilot", "cheie"}
_WORD_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")


def join_wrapped(prev: str, line: str, vocabulary: Counter[str] | None = None) -> str:
    """`prev` and the next printed line as one text: a space between them, or nothing after a
    line-break hyphen (which goes), or nothing after a hyphen the text itself writes (kept)."""
    # The hyphen test first: `_WORD_END` scans all of `prev`, a paragraph that grows line by line.
    if not prev.endswith("-"):
        return f"{prev} {line}"
    left_m, right_m = _WORD_END.search(prev), _WORD_START.match(line)
    if left_m is None or right_m is None:
        return f"{prev} {line}"
    left, right = left_m.group(1), right_m.group(1)
    # Inside a web address a hyphen at the line end is part of the address: no word is broken there.
    in_url = re.search(r"(?:https?://|www\.)\S*$", prev) is not None
    if in_url or _written_hyphen(left, right, vocabulary or Counter()):
        return prev + line
    return prev[:-1] + line


def _written_hyphen(left: str, right: str, vocabulary: Counter[str]) -> bool:
    fl, fr = fold(left), fold(right)
    if fl in _LEFT_CLITICS or fr in _RIGHT_CLITICS or (fl.endswith("ndu") and fr in _AFTER_GERUND):
        return True
    if fr in _SECOND_ELEMENTS and len(fl) >= 4:
        return True
    if right[:1].isupper() or right[:1].isdigit() or left[-1:].isdigit():
        return True
    if len(left) >= 2 and left.isupper():
        return True
    if fl in _COMPOUNDING and fr in _COMPOUNDING | set(MONTHS):
        return True
    if f"{fl}-{fr}" in vocabulary:
        return True
    # The halves at the break count once each: as words they must also stand elsewhere.
    return (fl + fr not in vocabulary and vocabulary[fl] >= 2 and vocabulary[fr] >= 2
            and min(len(fl), len(fr)) >= 4)


def page_vocabulary(text: str) -> Counter[str]:
    """Folded words, and hyphenated pairs written on one line, with how often the text has them."""
    folded = fold(text)
    return Counter(re.findall(r"\w+", folded)) + Counter(re.findall(r"(?<!\w)\w+-\w+", folded))
