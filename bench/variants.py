"""Deterministic document variants: proper names and numbers changed, so scaled corpora stay distinct.

A name is an acronym ("COSME", "SANINFO") or a capitalised word seen in the middle of a sentence,
whose lower-case form never occurs in the running text (so "Vest", "UEFISCDI", "ClusterPoliSEE"
are names, "Regional" is not when "regional" occurs; the lower case of web and e-mail addresses,
"www.saninfo.ro", does not count). Every variant maps each name to its own pseudo-word, inside
addresses too, and the digits 1-9 through its own derangement (0 kept, so round sums stay round),
consistently across the documents of that variant: variants look like sibling calls of other
programmes and regions, not noise.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"[^\W\d_][\w-]*")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:ro|eu|com|org|net)\b",
                      re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = ".!?:;\n\r\t•-–—\"'„”(["
_SYLLABLES = ["ba", "co", "da", "fe", "gi", "lu", "ma", "ne", "ro", "sa", "ti", "va", "zo", "ri", "mo", "ca",
              "le", "pa", "tu", "ve", "dor", "lin", "mar", "nes", "tor", "ber", "cal", "sim"]


def name_lexicon(texts: Iterable[str]) -> set[str]:
    """Acronyms, and capitalised words used mid-sentence, whose lower-case form never appears
    in the running text (web and e-mail addresses left out)."""
    texts = [_ADDRESS.sub(" ", t) for t in texts]
    lower_words = {m.group() for t in texts for m in _WORD.finditer(t) if m.group()[0].islower()}
    # An acronym most documents write ("IMM") is vocabulary, not the name of one call or project.
    spread: dict[str, int] = {}
    for text in texts:
        for word in {part for w in _WORD.findall(text) for part in w.split("-") if part.isupper()}:
            spread[word] = spread.get(word, 0) + 1
    names: set[str] = set()
    for text in texts:
        for m in _WORD.finditer(text):
            word = m.group()
            if not word[0].isupper() or len(word) < 2 or word.lower() in lower_words:
                continue
            if word.replace("-", "").isupper():  # capitals: an acronym, or a word of a capitals label
                if len(word) >= 3 and not _is_caps_line(text, m) and spread.get(word, 0) * 2 <= len(texts):
                    names.add(word)
                continue
            before = text[: m.start()].rstrip(" ")
            if before and before[-1] not in _SENTENCE_END:
                names.add(word)
    return names


def _is_caps_line(text: str, m: re.Match[str]) -> bool:
    """The word sits in a line of capitals (a brochure label), not among lower-case words."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    line = text[start : end if end >= 0 else len(text)]
    words = _WORD.findall(line)
    upper = sum(1 for w in words if w.replace("-", "").isupper())
    return upper >= 2 and upper >= 0.8 * len(words)


def _pseudo_word(word: str, rng: random.Random) -> str:
    """A pronounceable word of about the same length, in the same case pattern."""
    out = ""
    while len(out) < max(3, len(word) - 1):
        out += rng.choice(_SYLLABLES)
    if word.isupper():
        return out.upper()
    return out.capitalize()


@dataclass
class VariantMaker:
    """Makes variant k of any text; no variant leaves a name or a non-zero digit as it was."""

    names: set[str]
    seed: int = 0
    _cache: dict[int, tuple[dict[str, str], str]] = field(default_factory=dict, repr=False)
    _lower: dict[str, Any] = field(default_factory=dict, repr=False)

    def _plan(self, k: int) -> tuple[dict[str, str], str]:
        if k not in self._cache:
            rng = random.Random(f"{self.seed}:{k}")
            mapping = {name: _pseudo_word(name, rng) for name in sorted(self.names)}
            digits = list("123456789")
            while any(a == b for a, b in zip(digits, "123456789", strict=True)):
                rng.shuffle(digits)  # a derangement: every non-zero digit changes
            self._cache[k] = (mapping, "0" + "".join(digits))
        return self._cache[k]

    def text(self, text: str, k: int) -> str:
        mapping, digits = self._plan(k)
        table = str.maketrans("0123456789", digits)
        text = _ADDRESS.sub(lambda m: self._address(m.group(), k), text)
        text = _WORD.sub(lambda m: mapping.get(m.group(), m.group()), text)
        return _DIGITS.sub(lambda m: m.group().translate(table), text)

    def _address(self, address: str, k: int) -> str:
        """A web or e-mail address with the names it spells in lower case replaced
        ("www.saninfo.ro" -> "www.<pseudo>.ro"), longest names first."""
        mapping, _ = self._plan(k)
        if "lower" not in self._lower or self._lower["k"] != k:
            pairs = sorted(((n.lower(), v.lower()) for n, v in mapping.items() if len(n) >= 3),
                           key=lambda p: -len(p[0]))
            self._lower = {"k": k, "lower": pairs}
        out = address
        for old, new in self._lower["lower"]:
            if old in out.lower():
                out = re.sub(re.escape(old), new, out, flags=re.IGNORECASE)
        return out

    def file_stem(self, stem: str, k: int) -> str:
        """A file name stem with its name-like parts replaced (lower case, as file names are)."""
        mapping, _ = self._plan(k)
        lower = {name.lower(): new.lower() for name, new in mapping.items()}
        return "-".join(lower.get(part, part) for part in self.text(stem, k).split("-"))
