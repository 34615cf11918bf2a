"""A call's contact details, read from its lines: e-mail addresses, phone numbers after their cue,
and the person a call names as its contact ("Persoană de contact: Ana Pop")."""

from __future__ import annotations

import re

from assistant.facts.lines import Line
from assistant.facts.values import Fact
from assistant.text import fold
from assistant.values import EMAIL, PHONE

# A phone number follows its cue in any form: "tel.", "telefon", "telefonic la", "telefoanele", "mobil".
_PHONE_CUE = re.compile(r"\b(?:tel|telefo\w*|fax|mobil\w*|contact)\b")
# Who a call names to answer applicants, by the labels Romanian calls write before the name:
# "Persoană de contact: ...", "Persoana de contact este doamna ...", "Responsabil de apel: ...",
# "Manager de cluster: ...", "Coordonatorul programului: ..." (folded text).
_PERSON_LABEL = re.compile(r"\b(?:persoan\w* de contact|responsabil\w* (?:de |al |cu )?(?:apel|program|proiect)\w*|"
                           r"manager\w* (?:de |al )?(?:cluster|program|proiect)\w*|"
                           r"coordonator\w* (?:de |al )?(?:cluster|apel|program)\w*)"
                           r"\s*(?::|este|-|–)\s*(?:(?:doamna|domnul|dna\.?|dl\.?|d-na|d-l)\s+)?")
# A person's name: two to four capitalised words, as written (a hyphenated surname counts as one).
_WORD = r"[A-ZĂÂÎȘȚŞŢ][\w'’]+(?:-[A-ZĂÂÎȘȚŞŢ][\w'’]+)?"
_NAME = re.compile(rf"{_WORD}(?:\s+{_WORD}){{1,3}}")


def contact_facts(units: list[Line]) -> list[Fact]:
    """The e-mails, phones and contact persons of a document's units, each cited to its unit."""
    out: list[Fact] = []
    for unit in units:
        def fact(name: str, value: str, unit: Line = unit) -> Fact:
            return Fact(name, value, page=unit.page, section=unit.section, chunk_id=unit.chunk_id,
                        text=unit.text, passage=unit.passage)

        # (an address holds "@": `EMAIL` runs only on the few lines that do)
        out.extend(fact("contact_email", m.group().rstrip(".")) for m in (EMAIL.finditer(unit.text)
                                                                           if "@" in unit.text else ()))
        folded = fold(unit.text)
        if _PHONE_CUE.search(folded):
            out.extend(fact("contact_phone", m.group()) for m in PHONE.finditer(unit.text))
        if len(folded) == len(unit.text):  # a label's offsets hold in the text as written
            for m in _PERSON_LABEL.finditer(folded):
                name = _NAME.match(unit.text, m.end())
                if name:
                    out.append(fact("contact_person", name.group()))
    return out


# Which contact a question names, in the order an answer gives them: the person ("persoana de
# contact", "cine răspunde", "numele"), the phone ("telefon", "tel.", "numărul de telefon"), the
# e-mail ("e-mail", "adresa de mail", "poșta electronică") (folded text).
_ASKED = (("contact_person", re.compile(r"\bpersoan\w*|\bcine\b|\bnume\w*|\bwho\b|\bperson\b")),
          ("contact_phone", re.compile(r"\btel\b|\btelefo\w*|\bphone\b")),
          ("contact_email", re.compile(r"\be-?mail\w*|\bpost\w* electronic\w*")))


CONTACT_FIELDS = tuple(name for name, _ in _ASKED)


def asked_contacts(question: str) -> list[str]:
    """The contact fields a question names (see `_ASKED`); [] when it names none ("date de contact")."""
    q = fold(question)
    return [name for name, cue in _ASKED if cue.search(q)]


def wanted_contacts(question: str) -> list[str]:
    """The contact fields answering a contact question, in order: those it names, then the e-mail
    when it names none or only the person (a call that names no person is reached by its e-mail)."""
    named = asked_contacts(question)
    return named + (["contact_email"] if named in ([], ["contact_person"]) else [])
