"""Whether a question asks another value of a breakdown than the one a call's sheet holds.

A Romanian call document breaks a sum or a period into parts, each written after its own label:
"Alocarea ... este de X euro, din care sprijin FEDR Y euro și Z euro de la bugetul de stat",
"LDR – regiuni mai puțin dezvoltate: X euro; MDR – ...: Y euro", "Data de început: ...  Data de
sfârșit: ...". The sheet keeps one of them (the total, the closing day); a question naming a word
that only another part's label writes ("FEDR", "mai puțin dezvoltate", "început") asks that part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.facts.figures import dates, joins_period
from assistant.facts.values import Fact
from assistant.features import sentence_tokens
from assistant.query import token_matches
from assistant.text import fold, index_tokens
from assistant.values import PATTERNS
from assistant.wordforms import FormSet

# A sentence ends at a full stop, semicolon or mark followed by a space (not inside "7.350.000").
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
# The kind of value each sheet field holds (the fields a breakdown can hold a part of).
_KIND = {"allocation": "amount", "project_value": "amount", "deadline": "date", "submission_period": "date"}


def labelled_values(text: str, kind: str) -> list[tuple[str, frozenset[str]]]:
    """Each value of `kind` in `text` (folded, as written) with the index tokens of its label:
    the words between the value before it (or the start of its line, where a label stands) and it."""
    return list(_labelled(text, kind))


# The call book asks every call's values for every question asking a value, and each reads the
# same few passages' labels (its own, the best passages of its document): kept per text and kind.
_TEXTS = 4096


@lru_cache(maxsize=_TEXTS)
def _labelled(text: str, kind: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """`labelled_values` of a text, kept (a pure function of the text and the kind)."""
    out: list[tuple[str, frozenset[str]]] = []
    for line in fold(text).split("\n"):
        start = 0
        found = list(PATTERNS[kind].finditer(line))
        for k, m in enumerate(found):
            label = frozenset(index_tokens(line[start:m.start()]))
            if kind == "date" and k and joins_period(line[start:m.start()], line[:found[k - 1].start()]):
                label = out[-1][1]  # "în perioada X – Y": a period's two ends share the label before it
            stop = _SENTENCE_END.search(line, m.end())
            end = stop.start() if stop else len(line)
            if k + 1 == len(found) or found[k + 1].start() > end:
                # the last value of its sentence: what the sentence says after it describes it too
                # ("suma de X euro este rezervată proiectelor din mediul rural")
                label |= frozenset(index_tokens(line[m.end():end]))
            out.append((m.group().strip(), label))
            start = m.end()
    return tuple(out)


def _own_written(fact: Fact, kind: str) -> list[str]:
    """The fact's value as its text writes it (folded): an amount as the value shows it; a date
    as the line writes the day the fact holds (a line may write another day before it, the
    window's opening or a launch, "începând cu 12 mai ... Termenul limită este 30 iunie")."""
    if kind == "amount":
        written = PATTERNS[kind].findall(fold(fact.value))
        if written:
            return written
    found = [m.group().strip() for m in PATTERNS[kind].finditer(fold(fact.text))]
    if kind == "date" and isinstance(fact.normalized, dict):
        day = fact.normalized.get("date") or fact.normalized.get("end")
        found = [w for w in found if any(iso == day for _, iso, _ in dates(w))] or found
    return found[:1]


def asks_sibling(question_tokens: Iterable[str], fact: Fact, known: frozenset[str] = frozenset(),
                 following: str = "") -> bool:
    """A word of the question (other than the call's name, `known`) stands in the label of
    another value of the fact's kind in the fact's passage (or in `following`, the passage after
    it in the same section, where a breakdown goes on) and not in the fact's own label: the
    question asks that other value. False when the fact's value is not found there."""
    kind = _KIND.get(fact.field)
    if kind is None or not fact.passage or (isinstance(fact.normalized, dict) and fact.normalized.get("bound")):
        return False  # a minimum and its maximum are one field's pair, told apart by the bound asked
    values = _labelled(f"{fact.passage}\n{following}", kind)
    own_written = _own_written(fact, kind)
    if not own_written:
        return False
    own = next((i for i, (v, _) in enumerate(values) if v.strip() == own_written[0].strip()), None)
    if own is None:
        return False
    own_label = values[own][1]
    others = [label for i, (_, label) in enumerate(values) if i != own]
    for token in question_tokens:
        if not token.isalpha() or len(token) < 3 or token_matches(token, known) or token_matches(token, own_label):
            continue
        if any(token_matches(token, label) for label in others):
            return True
    return False


def asks_part_elsewhere(question_tokens: Iterable[str], fact: Fact, known: frozenset[str],
                        others: Iterable[str]) -> bool:
    """A guide may break its allocation down in a section of its own ("Alocarea pentru regiunea
    mai dezvoltată este de X lei"), away from the total the sheet keeps: a word of the question
    (other than the call's name, `known`) that the fact's own text, passage and section never
    write, and that stands in the label of a value of the fact's kind in one of `others` (the
    texts of the document's passages that best match the question), asks that other value."""
    kind = _KIND.get(fact.field)
    if kind is None:
        return False
    own = _forms(sentence_tokens(" ".join([fact.text, fact.passage, fact.section or "", fact.condition or ""])))
    asked = [t for t in question_tokens
             if t.isalpha() and len(t) >= 3 and not token_matches(t, known) and not own.matches(t)]
    if not asked:
        return False
    labels = _label_words(tuple(others), kind)
    return any(labels.matches(t) for t in asked)


@lru_cache(maxsize=_TEXTS)
def _forms(words: frozenset[str]) -> FormSet:
    """A value's own words asked by word form (FormSet: token_matches of each word asked), kept."""
    return FormSet(words)


@lru_cache(maxsize=256)  # the best passages of a document, read for each of its values
def _label_words(texts: tuple[str, ...], kind: str) -> FormSet:
    """The words of the labels of every value of `kind` in `texts`, asked by word form: a word
    matches some label exactly when it matches their union (token_matches; FormSet is that rule)."""
    return FormSet(frozenset().union(*(label for text in texts for _, label in _labelled(text, kind))))

