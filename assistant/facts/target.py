"""Who a call is for when no label says so: programmes for a group of founders (women, young
people, the diaspora) describe their applicants as the businesses that group set up or runs."""

from __future__ import annotations

import re

from assistant.facts.lines import Line
from assistant.facts.values import Fact
from assistant.text import fold

# "structurilor economice private înființate de către femei", "întreprinderi conduse de tineri",
# "firme deținute de românii din diaspora": the businesses, then who founded, owns or leads them.
_FOUNDED_BY = re.compile(
    r"(?:structur\w* economic\w*|(?:micro)?intreprinder\w*|societat\w*|firm\w*|afacer\w*|imm-uri\w*|atelier\w*|"
    r"start-up\w*)(?: [\w-]+){0,2}? "
    r"(?:infiintat\w*|detinut\w*|condus\w*|create|creat\w*|administrat\w*) "
    r"(?:de )?(?:catre )?(?:\w+ ){0,3}?\w+")


def founder_applicants(units: list[Line]) -> list[Fact]:
    """The first phrase naming the businesses a group founded or leads, as the applicants."""
    for unit in units:
        folded = fold(unit.text)
        if len(folded) != len(unit.text):
            continue
        m = _FOUNDED_BY.search(folded)
        if m:
            end = re.search(r"[,.;(]|$", unit.text[m.end():])
            value = unit.text[m.start(): m.end() + (end.start() if end else 0)].strip()
            return [Fact("applicants", value, page=unit.page, section=unit.section, chunk_id=unit.chunk_id,
                         text=unit.text, passage=unit.passage, extra={"described": True})]
    return []
