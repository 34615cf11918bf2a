"""Funding programmes named by their acronyms ("PoCIDIF", "PR Centru", "POR"), from
assistant/data/programmes_ro.json and the development regions (a regional programme funds
projects in its own region only)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.facts.regions import canonical_region, regions


@dataclass(frozen=True)
class Programme:
    written: str  # as the document writes it
    name: str  # the programme's full name
    region: str | None  # the development region a regional programme funds


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, str]:
    raw = json.loads(resources.files("assistant.data").joinpath("programmes_ro.json").read_text(encoding="utf-8"))
    return {p["acronym"].upper(): p["name"] for p in raw["programmes"]}


@lru_cache(maxsize=1)
def _regional() -> re.Pattern[str]:
    names = {r for r in regions()} | {"Nord Est", "Sud Est", "Nord Vest", "Sud Muntenia", "Sud Vest Oltenia",
                                      "Bucuresti Ilfov", "București Ilfov"}
    alternatives = "|".join(sorted((re.escape(n).replace(r"\-", "[- ]").replace(r"\ ", "[- ]") for n in names),
                                   key=len, reverse=True))
    # "PR Centru", "POR Nord-Est", "Programul Regional Vest", "Programul Operațional Regional Sud-Est"
    return re.compile(rf"\b(?:PR|POR|Programul(?:ui)?\s+(?:Operațional\s+|Operational\s+)?Regional)\s+"
                      rf"(?:(?:al\s+)?Regiunii\s+)?({alternatives})(?![\w-])")


def programmes_in(text: str) -> list[Programme]:
    """Programmes named in text, in order: regional ones with their region, then acronyms."""
    found: list[tuple[int, Programme]] = []
    for m in _regional().finditer(text):
        region = canonical_region(m.group(1))
        if region:
            found.append((m.start(), Programme(m.group().strip(), f"Programul Regional {region}", region)))
    for m in re.finditer(r"(?<![\w-])([A-Z][A-Za-z]{2,7})(?![\w-])", text):
        word = m.group(1)
        name = _acronyms().get(word.upper())
        # An acronym is written in capitals (a mixed "PoCIDIF" keeps its capitals on the initials).
        if name and sum(ch.isupper() for ch in word) >= 3 and not any(s <= m.start() < s + len(p.written)
                                                                       for s, p in found):
            found.append((m.start(), Programme(word, name, None)))
    return [p for _, p in sorted(found, key=lambda t: t[0])]
