""""Avem un proiect de 80.000 euro, îl putem depune la <apel>?": the asker's project value against
the call's minimum and maximum project value (the `project_value` facts of its CallSheet).

A call bounds what one project may cost ("Min. 20.000 euro Max. 500.000 euro", "valoarea
maximă eligibilă a unui proiect"); a question writing its own project's sum and asking whether it
may apply is answered by those bounds and whether the sum lies between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.facts.eligibility import citation_of
from assistant.facts.figures import amounts

if TYPE_CHECKING:
    from assistant.facts.sheet import CallSheet
    from assistant.facts.values import Fact

CRITERION = "Valoarea proiectului"


def _bounds(sheet: CallSheet, currency: str) -> dict[str, Fact]:
    """{"min": Fact, "max": Fact} of the call's project value in `currency` (either may be missing)."""
    out: dict[str, Fact] = {}
    for fact in sheet.fields.get("project_value") or []:
        norm = fact.normalized if isinstance(fact.normalized, dict) else {}
        bound = norm.get("bound")
        if bound in ("min", "max") and norm.get("currency") == currency and bound not in out:
            out[bound] = fact
    return out


def value_criterion(question: str, sheet: CallSheet) -> dict[str, Any] | None:
    """The criterion {"criterion", "status", "explanation", "citation"} (as eligibility.check's)
    comparing the first sum the question writes (with a currency) with the call's minimum and
    maximum project value in that currency; None when the question writes no sum or the call
    states no bound in its currency. Status "met" inside the bounds, "not_met" outside."""
    found = amounts(question)
    if not found:
        return None
    written, value, currency = found[0]
    bounds = _bounds(sheet, currency)
    if not bounds:
        return None
    low, high = bounds.get("min"), bounds.get("max")
    said = [f"minimum {low.value}" if low else "", f"maximum {high.value}" if high else ""]
    stated = "Apelul finanțează proiecte cu valoarea de " + " și ".join(s for s in said if s)
    if low is not None and value < float(low.normalized["amount"]):
        return {"criterion": CRITERION, "status": "not_met", "citation": citation_of(low),
                "explanation": f"{stated}; {written} este sub valoarea minimă."}
    if high is not None and value > float(high.normalized["amount"]):
        return {"criterion": CRITERION, "status": "not_met", "citation": citation_of(high),
                "explanation": f"{stated}; {written} depășește valoarea maximă."}
    return {"criterion": CRITERION, "status": "met", "citation": citation_of(low or high),
            "explanation": f"{stated}; {written} se încadrează în aceste limite."}
