"""A call found by any name people use: its document, call name, title, code, programme, issuer
or region ("ADR Vest" and "PR Centru" name a region's agency and programme)."""

from __future__ import annotations

import re

from assistant.facts.sheet import CallSheet
from assistant.text import fold

_NAMED_FIELDS = ("call_name", "call_code", "programme", "issuer", "regions")
# How Romanian calls refer to a development region's bodies: its agency (ADR), its regional
# programme (PR, POR) and the region itself.
_REGION_PREFIXES = ("adr", "pr", "por", "regiunea", "programul regional")


def names(sheet: CallSheet) -> list[str]:
    """Every name of the call, folded."""
    out = [sheet.document, sheet.name, sheet.title]
    for field in _NAMED_FIELDS:
        for fact in sheet.fields.get(field, []):
            out.append(fact.value)
            scope = fact.normalized if field == "regions" and isinstance(fact.normalized, dict) else {}
            if not scope.get("all"):  # a national call is not "ADR Vest"'s
                out += [f"{p} {r}" for r in scope.get("regions", []) for p in _REGION_PREFIXES]
    return [_words(n) for n in out if n]


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9./]+", fold(text).replace("-", " ")))


def find(sheets: list[CallSheet], name: str) -> CallSheet | None:
    key = _words(name)
    if not key:
        return None
    ordered = sorted(sheets, key=lambda s: not s.is_call)
    for sheet in ordered:
        if any(key in n for n in names(sheet)):
            return sheet
    words = set(key.split())
    for sheet in ordered:
        if words <= set(" ".join(names(sheet)).split()):
            return sheet
    return None
