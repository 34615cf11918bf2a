"""CAEN codes a call lists as eligible or excluded, and the check of a profile's code against them.

The official classes and the Rev.2 <-> Rev.3 correspondence come from the `caen-romania` package
(the INS table): a four-digit number in a call is a CAEN code only when it is a class of either
revision, and a firm's code in one revision matches a call's list written in the other.
"""

from __future__ import annotations

import re
from typing import Any

import caen_romania

from assistant.facts.lines import Line
from assistant.facts.values import Fact
from assistant.sentences import split_sentences
from assistant.text import fold

# A code ends where a digit, "/" or a decimal part ("6201,5", "62.01.3") does not follow: a comma
# or full stop before a space or the end of the line closes a list item ("6201, 6202, 1071.").
_CODE = re.compile(r"(?<![\w.,/])(\d{2})\.?(\d{2})(?![\d/]|[.,]\d|\s*(?:lei|euro|eur|ron|%))")
# How Romanian calls say that something is left out (folded text): "neeligibile", "sunt excluse",
# "nu sunt eligibile", "nu se finanțează", "nu pot aplica"; "exclusiv" (only) is the opposite.
EXCLUDED = re.compile(r"neeligibil|\bexclus(?!iv)|\bnu (?:sunt|este|e) eligibil|\bnu se finanteaza"
                      r"|\bnu pot (?:fi finantat|aplica|depune|solicita|beneficia)")
_REV = re.compile(r"rev\.?\s*([23])\b")
_LIST_REACH = 12  # units a list of codes may run on into after its heading


def caen_facts(units: list[Line]) -> list[Fact]:
    """One fact for each list of CAEN codes: normalized {"codes", "eligible", "rev"}."""
    out: list[Fact] = []
    used: set[int] = set()
    for i, unit in enumerate(units):
        folded = fold(unit.text)
        if "caen" not in folded or i in used:
            continue
        codes = _codes(unit.text)
        j = i + 1
        while j < len(units) and j - i <= _LIST_REACH and (more := _codes(units[j].text)):
            codes += [c for c in more if c not in codes]
            used.add(j)
            j += 1
        if not codes:
            continue
        rev = _REV.search(folded)
        # Whether the codes are eligible or excluded is said in the sentence that lists them, not
        # in the sentences beside it ("cod CAEN 0111. Nu sunt eligibile persoanele fizice ...").
        listing = next((s for s in split_sentences(unit.text) if _codes(s)), unit.text)
        eligible = not EXCLUDED.search(fold(listing))
        out.append(Fact("caen_codes", ", ".join(codes), normalized={"codes": codes, "eligible": eligible,
                                                                    "rev": int(rev.group(1)) if rev else None},
                        condition="coduri eligibile" if eligible else "coduri excluse", page=unit.page,
                        section=unit.section, chunk_id=unit.chunk_id, text=unit.text, passage=unit.passage))
    return out


def _codes(text: str) -> list[str]:
    out = []
    for m in _CODE.finditer(text):
        code = m.group(1) + m.group(2)
        if (caen_romania.title(code, rev=2) or caen_romania.title(code, rev=3)) and code not in out:
            out.append(code)
    return out


def name(code: str) -> str:
    """The class's title (Rev.3 first, then Rev.2), for showing next to the code."""
    return caen_romania.title(code, rev=3) or caen_romania.title(code, rev=2) or ""


def equivalents(code: str) -> set[str]:
    """The code and its counterparts in the other revision (a firm's code may be in either)."""
    return {code, *caen_romania.to_rev3(code), *caen_romania.to_rev2(code)}


def match(code: str, fact: Fact) -> dict[str, Any]:
    """{"status", "explanation"} of a profile's code against one list of a call."""
    listed = [str(c) for c in fact.normalized.get("codes", [])] if isinstance(fact.normalized, dict) else []
    eligible = bool(fact.normalized.get("eligible", True)) if isinstance(fact.normalized, dict) else True
    hits = sorted(equivalents(code) & {c for listed_code in listed for c in equivalents(listed_code)})
    shown = f"{code} ({name(code)})" if name(code) else code
    direct = [c for c in hits if c in listed] or hits
    if eligible:
        if hits:
            return {"status": "met", "explanation": f"Codul CAEN {shown} este printre codurile eligibile "
                                                    f"(corespondent în listă: {', '.join(direct)})."}
        return {"status": "not_met", "explanation": f"Codul CAEN {shown} nu este printre codurile eligibile: "
                                                    f"{', '.join(listed)}."}
    if hits:
        return {"status": "not_met", "explanation": f"Codul CAEN {shown} este exclus de la finanțare "
                                                    f"(în lista: {', '.join(direct)})."}
    return {"status": "met", "explanation": f"Codul CAEN {shown} nu este printre codurile excluse."}
