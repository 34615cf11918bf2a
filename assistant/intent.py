"""What a question asks for (a rate, an amount, a date, a count, a contact...), from its wording.

Cue words are general Romanian (and English) question vocabulary, kept here as small tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.text import fold

_CUES: dict[str, str] = {
    "percent": (r"\b(procent\w*|rat[ae]\w*|contributi\w*|cofinant\w*|intensitat\w*|co-financing|rate|percentage|"
                r"intensity)\b|%"),
    "amount": (r"\b(buget\w*|alocare\w*|alocat\w*|suma|sume|valoare\w*|bani|euro|lei|cat primesc|"
               r"budget|amount|value|how much)\b"),
    "date": (r"\b(cand|termen\w*|data (limita|de|la care)|ce data|deadline|pana cand|perioad\w*|when|"
             r"what date)\b"),
    "count": r"\b(cati|cate|numar\w*|how many)\b",
    "contact": r"\b(e-?mail|contact\w*|telefon\w*|adres\w*|unde (pot|putem) (trimite|scrie|intreba))\b",
    "person": r"\b(cine|who)\b",
    # Who may apply: answered by the call's list of eligible applicants, not by a name.
    "applicant": (r"\bcine (poate|pot|are dreptul|este eligibil|se poate inscrie)\b|\bsolicitant\w*|"
                  r"\bbeneficiar\w* (eligibil\w*|final\w*)|\beligible (applicants?|beneficiar\w*|entities)|"
                  r"\bwho (can|may|is eligible to) apply|\bwho (is|are) eligible|\bfinal beneficiar\w*|"
                  r"\bce (entitati|organizatii|firme|institutii) pot\b"),
    "place": (r"^\s*(unde|where)\b|\b(in ce (loc|oras|localitate|regiune|judet|tara|zona)|"
              r"unde (\w+ ){1,2}loc|unde se afla)\b"),  # "a avea loc" (take place), in any tense
    "duration": r"\b(cat dureaza|durat\w*|how long)\b",
    # "Când a fost ...", "în ce an": a year answers it; a deadline needs a day and a month.
    "year": r"^\s*(cand|in ce an|in ce perioada|when|what year)\b",
    # Whether the asker may get the funding: answered with who may apply, beside what is funded.
    "eligibility": (r"\b(putem|pot|poate|puteti|poti|putea) (sa )?"
                    r"(primi|obtine|beneficia|aplica|solicita|depune|accesa)\b|"
                    r"\b(suntem|sunt|este|esti|e|am fi|ar fi) eligibil\w*|\bcan (we|i) (apply|get|receive)\b|"
                    r"\b(are we|am i) eligible\b"),
    # Asks for every item of a kind: "care sunt domeniile", "ce activități sunt finanțate".
    "list": r"^\s*(care sunt|ce \w+ (sunt|se)|enumera\w*|listeaz\w*|which are|what \w+ are)\b",
}


HEAD_WORDS = 7  # a question says what it asks for in its first words


@dataclass(frozen=True)
class Intent:
    kinds: frozenset[str]
    stated: frozenset[str] = frozenset()  # kinds asked for at the head of the question

    def insists(self, kind: str) -> bool:
        """The question is about this kind of value: without one there is no answer."""
        return kind in self.stated

    def wants(self, kind: str) -> bool:
        return kind in self.kinds

    @property
    def typed(self) -> frozenset[str]:
        """The kinds answered by a value of a recognisable shape."""
        return self.kinds & {"percent", "amount", "date", "contact", "count", "duration", "person", "place", "year"}


def detect_intent(question: str) -> Intent:
    q = fold(question)
    kinds = {k for k, rx in _CUES.items() if re.search(rx, q)}
    if "duration" in kinds:
        kinds.discard("date")
    if "applicant" in kinds:
        kinds.discard("person")  # "cine poate depune": a kind of applicant, not someone's name
    if "contact" in kinds:
        kinds.discard("place")  # "unde pot trimite întrebări": an address to write to
    if "count" in kinds:
        kinds -= {"percent", "amount", "date"}  # "câte proiecte ... cofinanțeze": a count
    if re.search(r"\bfinant\w* maxim\w*|\bmaximum funding\b", q):
        kinds |= {"percent", "amount"}  # "finanțarea maximă" is a rate or a sum, by call
    elif "percent" in kinds:
        kinds.discard("amount")  # "contribuția maximă": a rate, not a sum
    head = " ".join(q.split()[:HEAD_WORDS])
    stated = {k for k in kinds if k in _CUES and re.search(_CUES[k], head)}
    if {"percent", "amount"} <= kinds and re.search(r"\bfinant\w* maxim\w*", head):
        stated |= {"percent", "amount"}
    return Intent(frozenset(kinds), frozenset(stated))


@lru_cache(maxsize=1)
def _concepts() -> list[tuple[re.Pattern[str], str]]:
    data = resources.files("assistant.data").joinpath("concepts_ro.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t", 1) for line in data.splitlines() if "\t" in line and not line.startswith("#")]
    return [(re.compile(rx), words.strip()) for rx, words in rows]


def concept_spans(question: str) -> list[tuple[str, str]]:
    """(the words of the question that ask it, the words documents use) for each concept.
    Words starting with "=" are plain synonyms (what the question is about), not what it asks."""
    q = fold(question)
    spans = []
    for rx, words in _concepts():
        m = rx.search(q)
        if m:  # widen to whole words: "buget" matched in "bugetul" takes "bugetul"
            start = len(q[: m.start()].rstrip("abcdefghijklmnopqrstuvwxyz")) if m.start() else 0
            tail = re.match(r"[a-z]*", q[m.end():])
            end = m.end() + (tail.end() if tail else 0)
            spans.append((q[start:end], words))
            q = q[:start] + " " * (end - start) + q[end:]  # a word asks one concept only
    return spans
