"""When the call is applied for by organisations other than the asker (a cluster's management
body, a university, a public authority): who files the application and how the asker can still
benefit, in the call's own words with their citations; and cluster membership as a criterion only
where the call makes it one."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.text import fold

# A call makes cluster membership a condition when it names the cluster's members as the ones who
# benefit or may apply ("membrii clusterului", "membri ai unui cluster", "întreprinderi membre").
_MEMBERSHIP = re.compile(r"membr\w* (?:ai|al|ale|din|in|intr-un)? ?(?:unui |unei )?(?:cluster|pol)\w*|"
                         r"membr\w* (?:ai|al|ale) (?:clusterului|clusterelor|polului|consortiului)|"
                         r"(?:intreprinder|firm|companii)\w* membre")

Cite = Callable[[Fact | None], dict[str, Any] | None]


def membership_fact(sheet: CallSheet) -> Fact | None:
    """The fact in which the call names cluster members as its beneficiaries or applicants."""
    for name in ("applicants", "final_beneficiaries"):
        for fact in sheet.fields.get(name, []):
            if _MEMBERSHIP.search(fold(fact.value)):
                return fact
    return None


def membership_criterion(sheet: CallSheet, profile: dict[str, Any], cite: Cite) -> dict[str, Any] | None:
    fact = membership_fact(sheet)
    if fact is None:
        return None
    member = profile.get("cluster_member")
    if member is None:
        status, why = "unknown", "Profilul nu spune dacă sunteți membru al unui cluster."
    else:
        status = "met" if member else "not_met"
        why = "Sunteți membru al unui cluster." if member else "Nu sunteți membru al unui cluster."
    return {"criterion": "Membru al unui cluster", "status": status,
            "explanation": f"{why} Apelul: {fact.value}", "citation": cite(fact)}


def route(sheet: CallSheet, asker_type: str, applicant_types: list[str], cite: Cite) -> dict[str, Any] | None:
    """{"text", "citations"} when the call's applicants are organisations of other types than the asker."""
    applicants = sheet.first("applicants")
    if applicants is None or not asker_type or not applicant_types or asker_type in applicant_types:
        return None
    parts = [f"Cererea de finanțare o depun: {applicants.value}"]
    facts: list[Fact] = [applicants]
    final = sheet.first("final_beneficiaries")
    if final is not None:
        parts.append(f"Beneficiarii finali ai proiectelor: {final.value}")
        facts.append(final)
    citations = [c for c in (cite(f) for f in facts) if c is not None]
    return {"text": " ".join(p.rstrip(".") + "." for p in parts), "citations": citations}
