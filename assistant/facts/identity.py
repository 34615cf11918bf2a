"""Which call a document describes: its name, its code, the programme that funds it."""

from __future__ import annotations

import re

from assistant.facts.lines import Line
from assistant.facts.programmes import programmes_in
from assistant.facts.values import Fact
from assistant.issuers import issued_programme
from assistant.text import fold, is_caps_label

_QUOTED = r"[„\"«“']\s*([^”\"»“']{4,160}?)\s*[”\"»“']"
# What a call is called by: "apelul (de proiecte)", "competiția", "denumirea apelului:", and a state-aid
# scheme a county or a town opens as its call ("schema de ajutor de minimis „X”", "schemei de granturi „X”").
_NAME = re.compile(r"(?<![a-z])(?:apel(?:ul)?(?: de proiecte| de propuneri)?|cerere(?:a)?(?: de propuneri)?|"
                   r"competiti(?:a|e)|call|denumire(?:a)? apel(?:ului)?|titlu(?:l)? apel(?:ului)?|"
                   r"schem(?:a|ei|ele)(?: de (?:ajutor|sprijin|granturi|finantare)(?: de (?:minimis|stat))?)?)"
                   r"\s*(?::\s*)?")
# "Apelul de proiecte PRX/2031/2.1/1 „X”": the call's code may stand between the word and its quoted name.
_CODE_BEFORE = re.compile(r"[A-Za-z0-9][\w/.\-]*\d[\w/.\-]*\s+(?=[„\"«“'])")
_CODE = re.compile(r"(?<![a-z])(?:cod(?:ul)?(?: de)?(?: identificare)?(?: al)? (?:apel(?:ului)?|competitiei|mysmis)|"
                   r"referinta|identificator(?:ul)? apel(?:ului)?|numar(?:ul)? apel(?:ului)?|cod apel)\s*:?\s*")
_CODE_TOKEN = re.compile(r"[A-Za-z0-9][\w/.\-]*\d[\w/.\-]*")
_PROGRAMME = re.compile(r"\bProgram(?:ul)?\s*:\s*(.{3,140})"
                        r"|\b(Programul\s+[A-ZĂÂÎȘȚ][^.;:\n]{2,80}?\d{4}\s*[-–]\s*\d{4})")


def identity_facts(units: list[Line]) -> list[Fact]:
    out: list[Fact] = []
    programme_at = None
    heading: Fact | None = None  # "Apelul de proiecte Livezi Noi 2030" as a title line of its own
    for i, unit in enumerate(units):
        text = unit.text
        folded = fold(text)
        for m in _NAME.finditer(folded):
            rest = text[m.end():] if len(folded) == len(text) else folded[m.end():]
            code = _CODE_BEFORE.match(rest)
            q = re.match(_QUOTED, rest[code.end():] if code else rest)
            if q:
                out.append(_fact("call_name", q.group(1), unit))
            elif folded[m.start():m.end()].rstrip().endswith(":") and m.start() == 0 and len(rest.split()) <= 12:
                out.append(_fact("call_name", rest.strip(), unit))
            elif m.start() == 0 and heading is None and _is_heading_name(rest):
                heading = _fact("call_name", text.strip(), unit)  # the line as a title names it
        for m in _CODE.finditer(folded):
            tok = _CODE_TOKEN.match(text[m.end():] if len(folded) == len(text) else folded[m.end():])
            if tok:
                out.append(_fact("call_code", tok.group().rstrip(".,;"), unit))
        p = _PROGRAMME.search(text)
        if p:
            out.append(_fact("programme", re.sub(r"[„”“\"«»]", "", p.group(1) or p.group(2)).strip(" -–"), unit))
            programme_at = i if programme_at is None else programme_at
    if not any(f.field == "call_name" for f in out):
        out.extend(_issued_name(units))
    if not any(f.field == "call_name" for f in out) and heading is not None:
        out.append(heading)
    if not any(f.field == "call_name" for f in out) and programme_at is not None:
        out.extend(_name_near(units, programme_at))
    if programme_at is None:
        out.extend(_programme_by_acronym(units))
    if not any(f.field == "call_code" for f in out):
        out.extend(_bare_code(units))
    return out


# Romanian call codes: the programme's acronym, then priority / action / number / year, slash-separated
# ("PRSE/1.6/A.2/1/2024", "POCU/993/6/13"); written without a "Cod apel:" label in titles and text.
_BARE_CODE = re.compile(r"(?<![\w/])([A-Z]{2,}[A-Za-z]*(?:/[A-Za-z0-9.]+){3,})(?![\w/])")


def _bare_code(units: list[Line]) -> list[Fact]:
    for unit in units:
        m = _BARE_CODE.search(unit.text)
        if m and any(ch.isdigit() for ch in m.group(1)):
            return [_fact("call_code", m.group(1).rstrip("."), unit)]
    return []


def _programme_by_acronym(units: list[Line]) -> list[Fact]:
    """A guide or summary names its programme by acronym only ("Acțiunea 2.1 PoCIDIF", "AM PR Centru"):
    the first programme named, with its full name."""
    for unit in units:
        for p in programmes_in(unit.text):
            shown = p.name if fold(p.written) == fold(p.name) else f"{p.written} ({p.name})"
            return [_fact("programme", shown, unit)]
    return []


def _is_heading_name(rest: str) -> bool:
    """What follows "Apelul (de proiecte)" on a line of its own is the call's name when it reads
    as a title: a few words, the first capitalised, no sentence or clause punctuation (a guide
    prints its call's name under "Ghidul solicitantului"; a sentence about the call goes on)."""
    words = rest.split()
    return 1 <= len(words) <= 8 and words[0][:1].isupper() and not re.search(r"[.;:,!?]", rest)


def _issued_name(units: list[Line]) -> list[Fact]:
    """An announcement headed by its issuer, then by the programme it opens ("Primăria ..." /
    "Fondul ... – Anunț de lansare"): the programme's heading, without its tail, names the call.
    Both lines must be the document's first two headings (the start of the section the second
    opens), not any two lines that happen to read so."""
    if len(units) < 2:
        return []
    path = [part.strip() for part in (units[1].section or "").split("›")]
    if path[:2] != [units[0].text.strip(), units[1].text.strip()]:
        return []
    name = issued_programme(path[:2])
    return [_fact("call_name", name, units[1])] if name else []


def _name_near(units: list[Line], at: int) -> list[Fact]:
    """A brochure prints the call's name as a short plain line beside the programme's."""
    for j in (at + 1, at - 1, at + 2, at - 2):
        if 0 <= j < len(units):
            text = units[j].text.strip()
            words = text.split()
            if (2 <= len(words) <= 6 and not is_caps_label(text) and not re.search(r"[\d@#:/]", text)
                    and not text.endswith((".", ";", ",")) and text[0].isupper()):
                return [_fact("call_name", text, units[j])]
    return []


def _fact(name: str, value: str, unit: Line) -> Fact:
    return Fact(name, " ".join(value.split()).strip(" :"), page=unit.page, section=unit.section,
                chunk_id=unit.chunk_id, text=unit.text, passage=unit.passage)
