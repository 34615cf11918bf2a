"""Which value is which, in the document's own words: when an answer shows two values of one kind
(a minimum and a maximum, "15%, respectiv 30%"), each carries the words its sentence writes to
tell it from the other.

General Romanian: a bound is written before its value ("Min. 45.000 lei", "maximum 90.000 euro");
what a value is for follows it, after a preposition or in brackets ("15% pentru comunele mici",
"60% în regiunea Nord-Est", "12.500 euro (valoarea minimă)") up to a comma, a bracket or the
conjunction that opens the next value ("respectiv", "și", "iar", "sau"); a bound after its value is
in brackets or between commas ("12.500 euro, valoarea minimă, și ..."), and a preposition followed by
a figure opens the next value of a range ("de la 12.500 euro la 96.000 euro"), not a label.
"""

from __future__ import annotations

import re

from assistant.facts.figures import BOUND_AFTER, MIN_MAX
from assistant.values import PATTERNS

# After the value: "(...)", or a preposition and the words up to the next value's conjunction.
# A figure right after the preposition is the next value of a range ("de la 10.000 lei la 80.000 lei"),
# not what this one is for.
_AFTER = re.compile(r"\s*(?:\((?P<par>[^()]{2,60})\)|(?P<prep>(?:pentru|în|in|la|din|pe|de la|privind)\s(?!\d)"
                    r"[^,;.()\n]{2,60}?))(?=\s*(?:[,;.()\n]|$)|\s+(?:și|si|respectiv|iar|sau)\s)")
# Before the value: a bound ("Min.", "minimum", "maximă", "max").
_BEFORE = re.compile(r"(?i)\b(?P<bound>(?:min|max)(?:im(?:um|ul|a|ă|e|i)?)?\.?)\s*(?:de\s+)?$")


# "15%, respectiv 30%" ... "pentru comunele mici, respectiv pentru orașe": two values paired with
# two labels, in one order, each pair joined by "respectiv" (values first, or labels first).
_RESPECTIV = re.compile(r",?\s+respectiv\s+")
_VALUE = re.compile(rf"(?:{PATTERNS['percent'].pattern}|{PATTERNS['amount'].pattern})", re.IGNORECASE)
_PREP = re.compile(r"\b(?:pentru|în|in|la|din|pe)\s[^,;.()]+$", re.IGNORECASE)


def labelled(value: str, text: str) -> str:
    """The value with the words that label it where `text` writes it ("Min. 45.000 lei",
    "15% pentru comunele mici", "12.500 euro (valoarea minimă)", "15% (IMM-uri)" of "15%, respectiv
    30%, pentru IMM-uri, respectiv întreprinderi mari"); the value alone when text does not write
    it or writes no label beside it."""
    at = text.find(value)
    if at < 0 or not value:
        return value
    paired = respectively(text).get(value)
    if paired:
        return f"{value} {paired}" if _PREP.match(paired) else f"{value} ({paired})"
    after = _AFTER.match(text, at + len(value))
    closing = BOUND_AFTER.match(text, at + len(value))
    if after is None and closing is not None and closing.group("com") and MIN_MAX.search(closing.group("com")):
        return f"{value} ({closing.group('com').strip()})"  # "12.500 euro, valoarea minimă, și ..."
    if after is not None:
        words = after.group("par") or after.group("prep")
        return f"{value} ({words.strip()})" if after.group("par") else f"{value} {words.strip()}"
    before = _BEFORE.search(text[:at])
    return f"{before.group('bound')} {value}" if before is not None else value


def respectively(text: str) -> dict[str, str]:
    """value -> its label, for a sentence pairing two values and two labels with "respectiv"
    ({} when it does not): "de 15%, respectiv 30% pentru comunele mici, respectiv pentru orașe"
    or "pentru IMM-uri, respectiv întreprinderi mari, rata este de 15%, respectiv 30%"."""
    parts = _RESPECTIV.split(text)
    if len(parts) != 3:
        return {}
    first, middle, last = parts
    head = re.match(r"[^,;.()]+", last)
    v1, v2 = _VALUE.search(first[-40:]), _VALUE.match(middle)
    if v1 is not None and v1.end() == len(first[-40:]) and v2 is not None:  # values, then labels
        l1 = _PREP.search(middle[v2.end():].rstrip(" ,"))
        if l1 is None or head is None:
            return {}
        return {v1.group(): l1.group().strip(), v2.group(): head.group().strip()}
    l1, l2 = _PREP.search(first), re.match(r"[^,;.()]+", middle)
    values, second = list(_VALUE.finditer(middle)), _VALUE.match(last)
    if l1 is None or l2 is None or not values or second is None:
        return {}
    one = l1.group().strip()  # opening the sentence, it is written with a capital
    return {values[-1].group(): one[0].lower() + one[1:], second.group(): l2.group().strip()}
