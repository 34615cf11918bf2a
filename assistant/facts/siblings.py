"""Whether a question asks another value of a breakdown than the one a call's sheet holds.

A Romanian call document breaks a sum or a period into parts, each written after its own label:
"Alocarea ... este de X euro, din care sprijin FEDR Y euro și Z euro de la bugetul de stat",
"LDR – regiuni mai puțin dezvoltate: X euro; MDR – ...: Y euro", "Data de început: ...  Data de
sfârșit: ...". The sheet keeps one of them (the total, the closing day); a question naming a word
that only another part's label writes ("FEDR", "mai puțin dezvoltate", "început") asks that part.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from assistant.facts.values import Fact
from assistant.query import token_matches
from assistant.text import fold, index_tokens
from assistant.values import PATTERNS

# The kind of value each sheet field holds (the fields a breakdown can hold a part of).
_KIND = {"allocation": "amount", "project_value": "amount", "deadline": "date", "submission_period": "date"}
_BREAKDOWNS = 4096  # values' passages analysed (a few per call); the least recently used dropped first
_MATCHES = 65536  # (word, label) answers kept


def labelled_values(text: str, kind: str) -> list[tuple[str, frozenset[str]]]:
    """Each value of `kind` in `text` (folded, as written) with the index tokens of its label:
    the words between the value before it (or the start of its line, where a label stands) and it."""
    out: list[tuple[str, frozenset[str]]] = []
    for line in fold(text).split("\n"):
        start = 0
        for m in PATTERNS[kind].finditer(line):
            out.append((m.group().strip(), frozenset(index_tokens(line[start:m.start()]))))
            start = m.end()
    return out


def asks_sibling(question_tokens: Iterable[str], fact: Fact, known: frozenset[str] = frozenset(),
                 following: str = "") -> bool:
    """A word of the question (other than the call's name, `known`) stands in the label of
    another value of the fact's kind in the fact's passage (or in `following`, the passage after
    it in the same section, where a breakdown goes on) and not in the fact's own label: the
    question asks that other value. False when the fact's value is not found there."""
    kind = _KIND.get(fact.field)
    if kind is None or not fact.passage or (isinstance(fact.normalized, dict) and fact.normalized.get("bound")):
        return False  # a minimum and its maximum are one field's pair, told apart by the bound asked
    labels = _breakdown(f"{fact.passage}\n{following}", kind, fact.value, fact.text)
    if labels is None:
        return False
    own_label, others = labels
    for token in question_tokens:
        if not token.isalpha() or len(token) < 3 or _matches(token, known) or _matches(token, own_label):
            continue
        if any(_matches(token, label) for label in others):
            return True
    return False


@lru_cache(maxsize=_MATCHES)
def _matches(token: str, tokens: frozenset[str]) -> bool:
    """`token_matches`, kept per word and set (a call's name, a label: the same sets are asked
    of every question's words)."""
    return token_matches(token, tokens)


@lru_cache(maxsize=_BREAKDOWNS)
def _breakdown(text: str, kind: str, value: str, value_line: str
               ) -> tuple[frozenset[str], tuple[frozenset[str], ...]] | None:
    """(the label of the value, the labels of the other values of its kind) in `text`, the
    value as its sheet reads it (`value`) and as its line writes it (`value_line`); None when
    the value is not found there. A pure function of its arguments, kept: the call book asks
    it of every call's value for every question that asks an amount or a date."""
    values = labelled_values(text, kind)
    own_written = [v for v in PATTERNS[kind].findall(fold(value))] if kind == "amount" else []
    own_written = own_written or [m.group().strip() for m in PATTERNS[kind].finditer(fold(value_line))][:1]
    if not own_written:
        return None
    own = next((i for i, (v, _) in enumerate(values) if v.strip() == own_written[0].strip()), None)
    if own is None:
        return None
    return values[own][1], tuple(label for i, (_, label) in enumerate(values) if i != own)
