"""The sentence next to the best one that an answer needs to be read alone: the one a sentence
referring back ("Lucrarea sa ...", "El a ...") is about, the one spelling out an acronym it
uses, or the one right after it that goes on about what it names."""

from __future__ import annotations

import re

from assistant.answer.evidence import Evidence
from assistant.types import Passage

# A sentence that refers back within its first words (a demonstrative, a subject pronoun, a
# possessive: "Acesta ...", "El a ...", "Lucrarea sa ...") is about what the sentence before it
# names: general Romanian grammar.
_REFERS_BACK = re.compile(r"^\W*(?:\S+\s+){0,3}?(?:acest\w*|aceast\w*|acel\w*|aceia|el|ea|ei|ele|"
                          r"s[aă]u|sa|sale|s[aă]i)\b", re.IGNORECASE)
# An acronym is spelled out at its first use, its letters in parentheses after the full name
# ("Agenția pentru Dezvoltare Regională (ADR)"), and written alone afterwards: a later sentence
# quoted alone needs the one that says what its acronym stands for.
_ACRONYM = re.compile(r"\b[A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ&]+\b")


def _spells_out(sentence: str, earlier: str, question: str) -> bool:
    """`earlier` spells out an acronym `sentence` writes and the question does not."""
    return any(f"({a})" in earlier and a not in question for a in set(_ACRONYM.findall(sentence)))


def with_antecedent(chosen: list[Evidence], scored: list[Evidence], passages: list[Passage],
                    max_sentences: int, max_chars: int, question: str = "") -> list[Evidence]:
    """The chosen sentences, with a neighbour of the first joined to it when room is left
    (`max_sentences`, `max_chars`): the sentence before it, put first, when the first refers back
    (what "Lucrarea sa ..." is about, who "El" is, is said there), or the nearest one before it
    spelling out an acronym it writes and `question` does not; else the sentence right after
    it, when that one refers back to it (it goes on about what the first names)."""
    first = chosen[0]
    if len(chosen) >= max_sentences:
        return chosen
    text = passages[first.passage_rank].chunk.text
    at = text.find(first.sentence)
    same = sorted((where, i) for i, e in enumerate(scored)
                  if e.passage_rank == first.passage_rank and (where := text.find(e.sentence)) >= 0)
    used = sum(len(c.sentence) for c in chosen)

    def fits(e: Evidence) -> bool:
        return not any(e.sentence in c.sentence for c in chosen) and used + len(e.sentence) <= max_chars

    before = [scored[i] for where, i in same if where < at]
    if _REFERS_BACK.match(first.sentence) and before and fits(before[-1]):
        return [before[-1], *chosen]
    spelled = next((e for e in reversed(before) if _spells_out(first.sentence, e.sentence, question)), None)
    if spelled is not None and fits(spelled):
        return [spelled, *chosen]
    after = [(where, scored[i]) for where, i in same if where > at]
    if after and after[0][0] <= at + len(first.sentence) + 2 and _REFERS_BACK.match(after[0][1].sentence) \
            and fits(after[0][1]):
        return [first, after[0][1], *chosen[1:]]
    return chosen
