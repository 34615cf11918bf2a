"""Who issues a document and what it announces: an institution's name over a programme's name.

A local or regional call announcement opens with its issuer as the first heading ("Primăria
Municipiului X", "Consiliul Județean Y", "Agenția pentru Dezvoltare Regională Z") and names what
it opens in the next one ("Fondul Local pentru ... 2031 – Anunț de lansare a sesiunii"). The
document is about the programme, so that heading, without its "– Anunț de lansare" tail, is its
title and the call's name; the issuer's name says only who signs it.
"""

from __future__ import annotations

import re

from assistant.folding import fold

# The institutions that head Romanian official papers: the state, a ministry, an agency, an
# authority, a council, a town hall, a directorate, the European Union... (folded, at the start)
LETTERHEAD_START = (r"^(romania|guvernul|ministerul|agenti[ae]|autoritatea|uniunea europeana|consiliul|primaria|"
                    r"directia|oficiul|administratia|inspectoratul|prefectura|institutia prefectului|"
                    r"organismul intermediar|fondul european|fondul social|cabinetul)\b")
_LETTERHEAD = re.compile(LETTERHEAD_START)
# Besides those, the bodies that issue local calls: a regional development agency by its acronym
# (ADR), an association, a foundation, a chamber of commerce, a university, a local action group.
_ISSUER_MORE = re.compile(r"^(adr|asociatia|fundatia|camera de comert|universitatea|grupul de actiune locala|gal)\b")
# What a programme heading names first: a fund, a (local) programme, a call, a scheme, a competition,
# a grant line or a session of them (Romanian and English).
_PROGRAMME_NOUN = re.compile(r"^(?:fond(?:ul)?|program(?:ul)?|apel(?:ul)?|schem(?:a|ei)|competiti(?:a|e)|"
                             r"concurs(?:ul)?|granturi(?:le)?|sesiunea de finantare|call|fund|programme)\b")
# A multiannual (EU) programme ("Programul Regional Nord-Est 2021–2027") is the funder, not the call.
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d\b")
# What the document is, written after the programme's name: an announcement, a launch, a press
# release, a guide, an invitation, information ("– Anunț de lansare a sesiunii de finanțare").
_KIND_TAIL = re.compile(r"^(?:anunt|lansare|comunicat|ghid|invitati|informare|informatii|apel de|call for|"
                        r"announcement)")
_SEPARATOR = re.compile(r"\s+[-–—:|]\s+")
_MAX_WORDS = 20


def is_letterhead(line: str) -> bool:
    """A line that is only an issuing institution's name, as a letterhead prints it: no figure,
    no colon, at most a dozen words."""
    return (bool(_LETTERHEAD.match(fold(line.strip()))) and len(line.split()) <= 12 and ":" not in line
            and not re.search(r"\d", line))


def is_issuer(line: str) -> bool:
    """A letterhead, or the name of another body that issues local calls (an association, an ADR...)."""
    return is_letterhead(line) or (bool(_ISSUER_MORE.match(fold(line.strip()))) and len(line.split()) <= 12
                                   and ":" not in line and not re.search(r"\d", line))


def programme_name(heading: str) -> str | None:
    """The programme, fund or call a heading names, without the document kind after it
    ("Fondul X 2031 – Anunț de lansare" -> "Fondul X 2031"); None for any other heading, a
    multiannual programme or a sentence."""
    text = heading.strip()
    cut = next((m.start() for m in _SEPARATOR.finditer(text) if _KIND_TAIL.match(fold(text[m.end():]))), len(text))
    name = text[:cut].strip()
    folded = fold(name)
    if (not _PROGRAMME_NOUN.match(folded) or _PERIOD.search(folded) or len(name.split()) > _MAX_WORDS
            or name.endswith((".", ";", ","))):
        return None
    return name


def issued_programme(headings: list[str]) -> str | None:
    """The programme's name when the first heading is its issuer and the second names it; else None."""
    if len(headings) < 2 or not is_issuer(headings[0]):
        return None
    return programme_name(headings[1])
