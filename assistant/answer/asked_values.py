"""Whether the sentences an answer chose hold the value the question asks: a value of the kind
asked (values.PATTERNS) in the first one; a count beside the noun a "câți / câte" question
counts; not the call's total for a project's sum; not the date of another act than the one a
"când se <verb>" question names; not a figure stated for another year than the one asked, nor
for other applicants than the ones the question names."""

from __future__ import annotations

import re

from assistant.answer.evidence import Evidence
from assistant.facts.eligibility import detected_types
from assistant.facts.patterns import DATE
from assistant.intent import asked_noun
from assistant.query import YEAR, Query, token_matches
from assistant.question_names import GENERIC_UNIT
from assistant.text import fold, is_english, stem
from assistant.values import counts, has_value

# What a project may get is not what the whole call has: a sentence stating the call's allocation
# or budget (and no project) does not answer "cât primește un proiect" / "maximum grant per project".
_PROJECT = re.compile(r"\b(proiect\w*|project\w*)")
_CALL_TOTAL = re.compile(r"\b(aloca\w*|buget\w*|budget\w*|allocation)")


# "Câte luni / zile / săptămâni": a span of time, written as a number of that unit ("24 de luni");
# years are left to any count, as documents write them as ranges too ("2019-2023").
_SPAN_UNIT = re.compile(r"(?:luni|zile|saptamani|ore)")


def holds(query: Query, chosen: list[Evidence], kind: str) -> bool:
    """The first chosen sentence holds a value of the kind wanted; a count of the noun a "câți /
    câte <noun>" question counts, one of the chosen sentences, beside that noun (values.counts)."""
    # (an English question's noun stays unchecked: its Romanian word is a guess of the glossary)
    noun = asked_noun(query.text) if kind == "count" and not is_english(query.text) else ""
    if noun and (not GENERIC_UNIT.fullmatch(noun) or _SPAN_UNIT.fullmatch(noun)):
        return any(counts(e.sentence, noun) for e in chosen)
    return has_value(chosen[0].sentence, kind)


def counted_noun(query: Query) -> str:
    """The noun a "câte / how many <noun>" question counts, as the documents write it: an English
    noun by its Romanian word (the query's glossary term: "projects" -> "proiect")."""
    noun = asked_noun(query.text)
    if noun and is_english(query.text):
        terms = Query.parse(noun).terms
        return terms[0].weight_tokens[0] if terms and terms[0].weight_tokens else ""
    return noun


def counted(sentence: str, noun: str) -> bool:
    """The sentence counts `noun` (values.counts), or any count stands in it when the noun is a
    generic unit ("câți oameni") or none was asked."""
    if not noun or (GENERIC_UNIT.fullmatch(noun) and not _SPAN_UNIT.fullmatch(noun)):
        return has_value(sentence, "count")
    return counts(sentence, noun)


def date_of_another_act(query: Query, sentence: str) -> bool:
    """A "când se <verb>" question (an act other than submitting) and a sentence that does not
    write that act in any form: its date is another act's (see _WHEN_ACT)."""
    act = _WHEN_ACT.match(fold(query.text))
    if act is None:
        return False
    if _SUBMITTING.match(act.group(1)):
        return _another_event(sentence)
    asked = stem(act.group(1))
    written = (stem(w) for w in re.findall(r"\w{4,}", fold(sentence)))
    return not any(w.startswith(asked) or asked.startswith(w) for w in written)


# "Când se publică / se semnează / se anunță X": the date of that act, which the sentence giving
# it names (in any form: "publicarea", "va fi publicată"); a date of another act does not answer.
# Submitting is the exception: a brochure prints a call's closing day bare ("8 martie 2031, ora 17").
_WHEN_ACT = re.compile(r"^\W*(?:cand|pana cand|la ce data)\s+(?:se|va|vor|o sa)\s+"
                       r"(?:(?:poate|pot|puteau|putea|trebuie|vor|va)\s+)?(?:fi\s+)?([a-z]{5,})")
_SUBMITTING = re.compile(r"(?:depun|depus|trimit|transmit|inscri|aplic|inchid|incheie|deschid)")
# A date a brochure prints for submitting stands bare or with its words ("depunere", "termen",
# "se închide"); a date labelled with other words ("Sesiune de informare online: 14 ianuarie, ora
# 11") is that event's. At most this many words beside the date and hour leave a line bare.
_SUBMITTING_SAID = re.compile(r"\b(?:depun\w*|depus\w*|trimi\w*|transmi\w*|inscri\w*|aplic\w*|inchid\w*|inchei\w*|"
                              r"deschi\w*|inchis\w*|termen\w*|limita|deadline|candidat\w*|submis\w*)")
BARE_WORDS = 2


def _another_event(sentence: str) -> bool:
    """A sentence giving a date that writes no word of submitting and more words than a bare
    date line's: the date of another event than the one a "până când se depun" question asks."""
    folded = fold(sentence)
    date = DATE.search(folded)
    if date is None:
        return False
    # what labels the date: the words before it, and its own clause after it (to a comma or a
    # bracket; "..., pe platforma Zoom (link transmis ...)" says how, not what)
    label = folded[: date.start()] + re.split(r"[,;.(]", folded[date.end():], maxsplit=1)[0]
    if _SUBMITTING_SAID.search(label):
        return False
    words = re.findall(r"[a-z]{3,}", label)
    return len([w for w in words if w not in _CALENDAR_WORDS]) > BARE_WORDS


_CALENDAR_WORDS = frozenset({"ora", "orele", "pana", "data", "ziua", "inclusiv"})


def topic_without_figure(query: Query, scored: list[Evidence], first: Evidence) -> Evidence | None:
    """A sentence saying clearly more of the question than `first`, and all of what it asks
    (the deadline, the rate...), that holds no figure itself; None when there is none."""
    asks = [t for t in query.terms if t.asks]
    on_topic = [e for e in scored if not e.has_value
                and all(any(token_matches(a, e.tokens | e.context_tokens) for a in t.alternatives) for t in asks)]
    topic = max(on_topic, key=lambda e: (e.own_coverage, e.score), default=None)
    return topic if topic is not None and topic.own_coverage >= first.own_coverage + 0.2 else None


def sum_of_another_thing(query: Query, first: Evidence) -> bool:
    """A sum asked by what it is ("bugetul", "valoarea", "alocarea": the question's terms that say
    what is asked) and a first sentence that, with its heading, writes none of those words nor
    their concept's: a sum is of what its sentence names ("creșterea cifrei de afaceri cu 3
    milioane lei" is no project's budget)."""
    asks = [t for t in query.terms if t.asks]
    return bool(asks) and not any(token_matches(a, first.tokens | first.context_tokens)
                                  for t in asks for a in t.alternatives)


def call_total_for_project(query: Query, sentence: str) -> bool:
    """The question asks a project's sum and the sentence gives the call's total instead."""
    said = fold(sentence)
    return bool(_PROJECT.search(query.folded) and not _CALL_TOTAL.search(query.folded)
                and _CALL_TOTAL.search(said) and not _PROJECT.search(said))


def another_year(query: Query, sentence: str) -> bool:
    """The question names a year (or a period: "2021-2027", "anii 1980") and the sentence states
    its figure for years outside it ("Bugetul pentru anul 2029 este ..." for "bugetul din 2031").
    A figure is stated for a time: an edition's budget, a report's count; so is where and by whom
    an edition was held ("unde s-a ținut ediția din 2031" is not answered by the 2032 edition's
    town). A sentence that writes no year may still be the asked year's (its heading says so); one
    writing the asked year, a period holding it, or its decade answers it. Dates are not checked: a call of
    one year closes in the next."""
    asked = _periods(query.text)
    if not asked:
        return False
    stated = _periods(sentence)
    if not stated:
        return False
    low, high = min(a for a, _ in stated), max(b for _, b in stated)
    return not any(a <= high and low <= b for a, b in asked)


_DECADE = re.compile(r"\banii\s+(1\d{2}0|20\d0)\b", re.IGNORECASE)
_RANGE = re.compile(r"(?<!\d)(1\d{3}|20\d{2})\s*[-–]\s*(1\d{3}|20\d{2})(?!\d)")


def _periods(text: str) -> list[tuple[int, int]]:
    """The years a text writes as (first, last) spans: a year alone, a decade ("anii 1980"), a
    range ("2021-2027")."""
    spans = [(int(y), int(y) + 9) for y in _DECADE.findall(text)]
    spans += [(int(a), int(b)) for a, b in _RANGE.findall(text) if int(a) <= int(b)]
    spans += [(int(y), int(y)) for y in YEAR.findall(text)]
    return spans


def another_applicant(question: str, sentence: str) -> bool:
    """The question names kinds of applicant (entity_types_ro.json: "IMM-uri", "universitățile")
    and the sentence states its figure for other kinds only ("15% pentru întreprinderile mari și
    2% pentru organizațiile de cercetare" for "rata pentru IMM-uri"): guides give rates and
    ceilings per kind of applicant, and one kind's figure is not another's. A sentence naming no
    kind states it for every applicant."""
    asked = set(detected_types(question))
    if not asked:
        return False
    named = set(detected_types(sentence))
    return bool(named) and not asked & named


def of_another(query: Query, sentence: str, wanted: list[str]) -> bool:
    """The first chosen sentence gives the value of `wanted` kinds (ENFORCED_KINDS, narrowed) for
    something else than asked: a date of another act ("când se publică lista"), a figure, place or
    holder of another year ("bugetul din 2031", "unde s-a ținut ediția din 2031"), a rate or sum of
    another kind of applicant ("rata pentru IMM-uri")."""
    dated = bool({"date", "calendar_date"} & set(wanted))
    if dated and date_of_another_act(query, sentence):
        return True
    # a year asked of a figure, or of where or by whom an edition was held (not of a list: codes
    # such as CAEN's "1623" read as years)
    held = query.intent.wants("place") or query.intent.wants("person")
    if (wanted or held) and not dated and not query.intent.wants("year") and another_year(query, sentence):
        return True
    return bool({"percent", "amount"} & set(wanted)) and another_applicant(query.text, sentence)
