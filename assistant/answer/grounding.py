"""Keeps only the sentences of a model's answer that cite a passage holding what they state.

A sentence is dropped when it cites nothing, cites a number that names no passage, or states
a value (amount, rate, date, count) that none of the passages it cites contains. Values are
compared in the canonical form of assistant.text, so "2.800.000 €" matches "2,8 milioane euro"
and "8 martie 2018" matches "08.03.2018". Kept sentences are renumbered by first citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.sentences import split_sentences
from assistant.text import _join_dates, raw_tokens
from assistant.types import Citation, Passage

_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# "… euro. [1]" -> "… euro [1]." so the marker stays with the sentence it closes.
_MARKER_AFTER_STOP = re.compile(r"\s*([.!?;])\s*((?:\[\d+(?:\s*[,;]\s*\d+)*\]\s*)+)")
_VALUE = re.compile(r"\d")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PENDING_MARKER = re.compile(r"^\s*[\[\]\d,;\s]*$")
_LIST_ITEM = re.compile(r"^(?:[-•*]|\d+[.)])\s")


def normalise_markers(text: str) -> str:
    return _MARKER_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)} ", text).strip()


def cited_numbers(sentence: str) -> list[int]:
    return [int(n) for m in _MARKER.finditer(sentence) for n in re.split(r"\s*[,;]\s*", m.group(1))]


def values(text: str) -> set[str]:
    """Canonical numbers, percentages and ISO dates of a text (markers excluded)."""
    return {t for t in _join_dates(raw_tokens(_MARKER.sub(" ", text))) if _VALUE.search(t) and ":" not in t}


def passage_values(passage: Passage) -> set[str]:
    """Values of the passage, dates also as their day, month and year, which a sentence may state alone."""
    found = values(passage.chunk.indexed_text())
    for v in list(found):
        if m := _ISO_DATE.fullmatch(v):
            found |= {m.group(1), str(int(m.group(2))), str(int(m.group(3)))}
    return found


def complete_sentences(buffer: str) -> tuple[list[str], str]:
    """Sentences a stream has finished, and the unfinished rest (held back while a marker may follow)."""
    parts = split_sentences(normalise_markers(buffer))
    if len(parts) < 2 or _PENDING_MARKER.match(parts[-1]):
        return [], buffer
    trailing = buffer[len(buffer.rstrip()):]  # the space before the next word may already be here
    return parts[:-1], parts[-1] + trailing


@dataclass
class Grounder:
    """Feeds sentences one at a time (for streaming); `text` and `citations` describe what was kept."""

    passages: list[Passage]
    pieces: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (sentence, reason)
    _renumber: dict[int, int] = field(default_factory=dict)
    _values: dict[int, set[str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(self.pieces).strip()

    def feed_text(self, text: str) -> list[str]:
        return [p for s in split_sentences(normalise_markers(text)) if (p := self.feed(s))]

    def feed(self, sentence: str) -> str | None:
        """The sentence renumbered, with the separator that goes before it; None when dropped."""
        sentence = sentence.strip()
        reason = self._reject(sentence)
        if reason:
            self.dropped.append((sentence, reason))
            return None
        for n in cited_numbers(sentence):
            self._cite(n, _strip_markers(sentence))
        piece = _MARKER.sub(lambda m: "".join(f"[{self._renumber[n]}]" for n in cited_numbers(m.group())), sentence)
        sep = "" if not self.pieces else ("\n" if _LIST_ITEM.match(piece) else " ")
        self.pieces.append(sep + piece)
        return sep + piece

    def _reject(self, sentence: str) -> str | None:
        cited = cited_numbers(sentence)
        if not cited:
            return "no citation"
        if any(not 1 <= n <= len(self.passages) for n in cited):
            return "cites a passage that does not exist"
        available = set().union(*(self._passage_values(n) for n in cited))
        missing = values(sentence) - available
        return f"values not in the cited passage: {sorted(missing)}" if missing else None

    def _passage_values(self, n: int) -> set[str]:
        if n not in self._values:
            self._values[n] = passage_values(self.passages[n - 1])
        return self._values[n]

    def _cite(self, n: int, quote: str) -> None:
        if n in self._renumber:
            cit = self.citations[self._renumber[n] - 1]
            cit.quote = f"{cit.quote} {quote}".strip()
            return
        c = self.passages[n - 1].chunk
        self._renumber[n] = len(self.citations) + 1
        self.citations.append(Citation(n=self._renumber[n], document=c.document, page=c.page,
                                       section=c.section, text=c.text, quote=quote))


def _strip_markers(sentence: str) -> str:
    return re.sub(r"\s+([.!?;,])", r"\1", _MARKER.sub("", sentence)).strip()


def ground(text: str, passages: list[Passage]) -> Grounder:
    """Ground a whole answer at once."""
    grounder = Grounder(passages)
    grounder.feed_text(text)
    return grounder
