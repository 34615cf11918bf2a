"""Values of a recognisable shape inside a passage: rates, amounts, dates, contacts, counts."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.text import MONTHS_RO, fold

_MONTH = f"({'|'.join(MONTHS_RO)})"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Romanian phone number: national (a leading 0) or with the country code written "+40" or "0040"
# (an "(0)" after it allowed), then 9 digits whose first group is the area or network code of 2-3
# digits (021, 0264, 0722: never a 0 or 1 after the leading 0) and the rest in groups of two or more
# digits, as printed: "0264 123 456", "021 410 27 90", "0722123456", "+40.21.123.4567". Exactly nine
# digits, with no digit right after them: a date ("02.03.2031") or a longer number is no phone.
_AFTER_PREFIX = r"(?=[2-9](?:[\s.-]?\d){8}(?![\s.-]?\d))[2-9]\d{1,2}(?:[\s.-]?\d{2,}){1,4}"
PHONE = re.compile(rf"(?:(?:\+40|\b0040)[\s.-]?(?:\(0\)[\s.-]?)?|\b0){_AFTER_PREFIX}")
# Numbers written in words (lower case, with or without diacritics): "șase", "douăzeci", "o sută".
_NUMBER_WORD = (r"(?:unu|una|doi|dou[aă]|trei|patru|cinci|[sș]ase|[sș]apte|opt|nou[aă]|zece|"
                r"[a-zăâîșț]+sprezece|[a-zăâîșț]+zeci|o sut[aă])")
_NUMBER = r"\d{1,3}(?:[.\s\u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# A day of the calendar: "12.05.2025", "3 iunie 2025", "3 iunie", "iunie 2025" (folded text).
_CALENDAR = rf"\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b|\b{_MONTH}\s+\d{{4}}\b"

PATTERNS: dict[str, re.Pattern[str]] = {
    # Romanian writes a rate with the sign or in words: "20%", "20 la sută", "7 până la 10 procente".
    "percent": re.compile(rf"\d+(?:[.,]\d+)?\s*%|(?:\d+(?:[.,]\d+)?|\b{_NUMBER_WORD})\s*(?:la sut[aă]|procente?)\b"),
    "amount": re.compile(
        rf"(?:{_NUMBER})\s*(?:mii|mil\.?|milioane|milion|mld\.?|miliarde)?\s*(?:€|eur\b|euro|lei|ron\b|usd|\$)"
        rf"|(?:€|eur|euro|lei)\s*(?:{_NUMBER})|\b\d{{1,3}}(?:\.\d{{3}})+\b|\b\d+(?:,\d+)?\s*(?:milioane|mil\.|miliarde)"),
    # A day is written as a calendar date ("12.05.2025", "3 iunie 2025", "iunie 2025") or, for a
    # time limit, relative to another day: "cu 5 zile înainte de termen", "în 30 de zile de la
    # semnare", "10 days before the deadline" (general Romanian and English).
    "date": re.compile(rf"{_CALENDAR}"
                       r"|\b\d+\s*(?:de\s+)?(?:zile|saptamani|luni|days|weeks)"
                       r"\s+(?:inainte|dupa|de la|before|after)\b"),
    # A call's submission deadline is a day of the calendar (possibly with an hour): a period
    # counted from another event ("în termen de 36 de luni de la finalizarea proiectului") is an
    # obligation's term, not the day applications close.
    "calendar_date": re.compile(_CALENDAR),
    # A year: four digits from 1000 to 2099 standing alone ("în 1860", "vara anului 1521",
    # "în 1186", "1873–1914"), not the digits of an amount or a measure ("2000 lei", "1500 de metri"),
    # nor the year of a legal act's number ("Legea 346/2004", "OUG nr. 133/2021": which act, not when).
    "year": re.compile(r"(?<![\d.,/])(?:1\d\d\d|20\d\d)(?![\d.,]\d)(?!\s*(?:de\s+)?[a-z%€$]*"
                       r"(?:lei|euro|eur|ron|usd|%|€|\$|metri|km|kg|mii|milioane|oameni|persoane)\b)"),
    "contact": re.compile(rf"{EMAIL.pattern}|{PHONE.pattern}|www\.[\w.-]+"),
    "phone": PHONE,  # a contact asked as "numărul de telefon": an e-mail beside it does not answer it
    # A count in digits, or in words ("zece", "două treimi", "câteva sute", "niciunul"): "unu"/"o"
    # left out, as the article they also are, "nouă" (also "new") and "mie" (also "to me") too.
    "count": re.compile(r"\b\d+\b|(?i:\b(?:niciun\w*|nicio|zero|none|doi|dou[aă]|trei|patru|cinci|"
                        r"[sș]ase|[sș]apte|opt|zece|"
                        r"\w+sprezece|\w+zeci|sut[aăe]|mii|milio\w+|miliard\w*|jum[aă]tate|treim\w*|"
                        r"sfert\w*|zeci|duzin\w*|dozen\w*|two|three|four|five|six|seven|eight|nine|ten|"
                        r"hundred\w*|thousand\w*|million\w*)\b)"),
    # A place: "la sediul ...", "în Bruxelles", "la Cluj-Napoca", or a venue named by the noun
    # Romanian and English documents use for one (a room, a hall, a building, a headquarters).
    "place": re.compile(r"\b(?:la|în|in)\s+(?:sediul|clădirea|cladirea|sala|[A-ZĂÂÎȘȚ][\w-]+)"
                        r"|\b(?i:sala|aula|clădirea|cladirea|sediul|building|room|hall|venue)\b"),
    # Someone named: two capitalised words in a row ("Stelian Brad", "Corallia Clusters").
    "person": re.compile(r"(?<!^)(?<![.!?]\s)\b[A-ZĂÂÎȘȚ][a-zăâîșț]+(?:\s+[A-ZĂÂÎȘȚ][\w-]+)+"),
    # How long: "24 de luni", "3 ani"; or the period written by its first and last day
    # ("01.03.2031 - 30.11.2032", "1 martie 2031 – 30 noiembrie 2032"), which also says when it ends.
    "duration": re.compile(r"\b\d+\s*(?:de\s+)?(?:luni|ani|zile|saptamani|months|years)\b"
                           rf"|(?:{_CALENDAR})\s*[-–]\s*(?:{_CALENDAR})"),
}


# "O singură cerere", "un singur proiect", "una singură": exactly one, a count in words (general
# Romanian; "o"/"un" alone are the article, and not counted).
_JUST_ONE = re.compile(r"\b(?:o|un|una|unul)\s+singur\w*")


def _ones_as_digits(text: str) -> str:
    return _JUST_ONE.sub("1", text)


@lru_cache(maxsize=4096)  # the rerank asks it of every candidate passage of every question
def has_value(text: str, kind: str) -> bool:
    """The text holds a value of this kind (PATTERNS); True for a kind without a pattern."""
    rx = PATTERNS.get(kind)
    if rx is None:
        return True
    return bool(rx.search(_prepared(text, kind)))


def find_values(text: str, kind: str) -> list[str]:
    rx = PATTERNS.get(kind)
    if rx is None:
        return []
    return [m.group().strip() for m in rx.finditer(_prepared(text, kind))]


# "8-11 martie 2031": the days an event lasts, not a day something closes on; a deadline asked
# for is a single day (a window across months, "1 august – 30 septembrie", closes on its last).
_EVENT_SPAN = re.compile(rf"\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?")


def _prepared(text: str, kind: str) -> str:
    if kind == "calendar_date":
        return _EVENT_SPAN.sub(" ", fold(text))
    if kind in ("date", "duration", "year"):
        return fold(text)
    if kind == "count":
        return _ones_as_digits(text.lower())
    return text if kind in ("person", "place") else text.lower()


def is_bare_value(line: str) -> bool:
    """A line that is only a value ("65%", "4 milioane euro"): a brochure figure whose label
    was placed elsewhere on the page."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > 5:
        return False
    return any(rx.fullmatch(stripped.lower()) for k, rx in PATTERNS.items() if k in ("percent", "amount"))


# "X apare atunci când Y", "ori de câte ori", "în cazul în care": a sentence saying under what
# condition something happens answers "când ...?" as a date would (general Romanian). A deadline
# ("termen", "data", "până când") or a period asked for is only answered by a date.
_CONDITION = re.compile(r"\b(?:atunci cand|in momentul in care|ori de cate ori|in cazul in care|"
                        r"de fiecare data cand)\b")
_WHEN_ONLY = re.compile(r"^\W*cand\b")
_DATE_ASKED = re.compile(r"\b(?:termen\w*|data|datei|deadline|pana cand|perioad\w*|an|anul|anului|ani[il]?)\b")


def answers_when(question: str, sentence: str) -> bool:
    """The question opens with "când" and asks no deadline, period or year, and the sentence
    states the condition under which something happens."""
    q = fold(question)
    return bool(_WHEN_ONLY.match(q) and not _DATE_ASKED.search(q) and _CONDITION.search(fold(sentence)))


# "Numărul de telefon", "telefonul", "phone number": a contact of one kind, which a document's
# e-mail address or web page beside it does not give (general Romanian and English).
_ASKS_PHONE = re.compile(r"\b(?:telefon\w*|mobil\w*|phone)\b")


# "Termenul limită de depunere", "data-limită", "deadline", "până când se depun cererile": the day
# applications to a call close. Other acts have terms of their own, often counted from an event
# (a report, a payment or reimbursement claim, an appeal, an answer to clarifications, keeping an
# investment after the project ends): a question naming one asks that term, not the call's.
_SUBMISSION_DEADLINE = re.compile(r"\b(?:termen\w*[ -]limita|data[ -]limita|deadline|termen\w* (?:final )?de depunere|"
                                  r"pana (?:cand|la ce data) se (?:pot )?(?:depun|transmit|inscri)\w*|"
                                  r"(?:submission|application) (?:deadline|closing date))\b")
_OTHER_ACT = re.compile(r"\b(?:raport\w*|report\w*|plat[ai]\w*|payment\w*|rambursar\w*|contestat\w*|appeal\w*|"
                        r"clarificar\w*|contract\w*|implementar\w*|finalizar\w*|sustenabilitat\w*|"
                        r"monitorizar\w*|intrebar\w*|questions?|reimbursement\w*)\b")


def narrowed(question: str, kind: str) -> str:
    """The kind of value that answers `question` when it asks for `kind`: "phone" for a
    contact asked as a telephone number, "calendar_date" for a call's submission deadline
    (a day, never a period counted from an event), else `kind` itself."""
    q = fold(question)
    if kind == "contact" and _ASKS_PHONE.search(q):
        return "phone"
    if kind == "date" and _SUBMISSION_DEADLINE.search(q) and not _OTHER_ACT.search(q):
        return "calendar_date"
    return kind


# A count is written with the noun it counts beside it: "12 proiecte", "57 de membri", "trei din
# cele cinci proiecte" (the noun right after the number, or after "de", "dintre", "din cele"),
# "proiecte finanțate: 12", "membri (42)" (the number up to COUNT_REACH words after the noun).
# A number standing elsewhere counts something else.
COUNT_REACH = 3
_PARTITIVE = frozenset({"de", "dintre", "din", "cele", "cei", "ale", "ai"})  # "57 de membri", "niciuna dintre tratate"


def counts(sentence: str, noun: str) -> bool:
    """The sentence writes a count (PATTERNS["count"]) of `noun` (a folded word; a form of it
    is a word whose stem and the noun's are one a prefix of the other), as written above."""
    from assistant.text import stem

    target = stem(fold(noun))
    words = re.findall(r"[\w%-]+", _ones_as_digits(fold(sentence)))
    near = {i for i, w in enumerate(words)
            if len(w) >= 3 and (stem(w).startswith(target) or target.startswith(stem(w)))}
    for j, w in enumerate(words):
        if PATTERNS["count"].fullmatch(w):
            after = j + 1
            while after < len(words) and words[after] in _PARTITIVE:
                after += 1
            if after in near or any(j - k in near for k in range(1, COUNT_REACH + 1)):
                return True
    return False


# How many there are is a standing figure ("La 1 mai, rețeaua avea 40 de membri"). A figure stated
# as a target ("își propune să ajungă la 60", "va ajunge la", "ținta", "obiectivul", "până în 2030")
# or as a change ("7 membri noi", "au aderat", "s-au retras", "o creștere cu 5") counts what is
# aimed at or what came and went, not what there is.
_TARGET = re.compile(r"\b(?:(?:isi|ne|si)\s+propun\w*|(?:va|vor|sa)\s+ajung\w*|tint[ae]\w*|target\w*|aims?\s+to|"
                     r"goal\w*|pana\s+(?:in|la)\s+(?:anul\s+)?(?:1\d{3}|20\d{2}))\b")
_CHANGE = re.compile(r"\b(?:noi|nou|new|au\s+aderat|a\s+aderat|aderat\w*|s-au\s+retras|s-a\s+retras|"
                     r"(?:a|au)\s+(?:crescut|scazut)|(?:o\s+)?(?:crestere|scadere)\s+(?:cu|de)\s+\d|"
                     r"in\s+plus\s+fata|joined|increased|decreased|grew)\b")


def standing_count_asked(question: str) -> bool:
    """A "câți / câte / how many" question that asks how many there are, not a target or a change
    (it writes no word of either: "câți membri noi au aderat" asks a change)."""
    q = fold(question)
    return bool(re.search(r"\b(?:cati|cate|how many)\b", q)) and not (_TARGET.search(q) or _CHANGE.search(q))


def target_or_change(sentence: str) -> bool:
    """The sentence states its figure as a target or as a change (see _TARGET, _CHANGE)."""
    s = fold(sentence)
    return bool(_TARGET.search(s) or _CHANGE.search(s))
