"""Which calls can I apply to? Every indexed call checked against one profile: the verdict, the
funding rate and the maximum project value that apply to this profile, the deadline and whether
it has passed, each with its citation; open calls the profile meets come first."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.facts.eligibility import check
from assistant.facts.profile import normalize_profile
from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.text import fold

# The words a rate's condition uses for each enterprise size (conditions of patterns.py, intensity.py).
_SIZE_WORDS = {"microintreprindere": ("microintreprinderi", "imm"),
               "intreprindere_mica": ("intreprinderi mici", "imm"),
               "intreprindere_mijlocie": ("intreprinderi mijlocii", "imm"),
               "intreprindere_mare": ("intreprinderi mari",)}
_ANY_SIZE = ("microintreprinderi", "intreprinderi mici", "intreprinderi mijlocii", "intreprinderi mari", "imm")
_VERDICT_RANK = {"eligibil": 0, "de verificat": 1, "neeligibil": 2}


def check_all(sheets: list[CallSheet], profile: dict[str, Any], today: date | None = None) -> list[dict[str, Any]]:
    """One entry per call (documents that are not calls are left out), sorted: open before passed or
    undated, then eligibil, de verificat, neeligibil."""
    profile = normalize_profile(profile)
    today = today or date.today()
    out = []
    for sheet in sheets:
        if not sheet.is_call:
            continue
        result = check(sheet, profile)
        deadline = _deadline(sheet, today)
        rates = _rates(sheet, profile)
        out.append({**result, "rate": rates[0] if rates else None, "rates": rates,
                    "max_value": _max_value(sheet), "deadline": deadline,
                    "open": None if deadline is None else not deadline["passed"]})
    return sorted(out, key=lambda r: ({True: 0, None: 1, False: 2}[r["open"]], _VERDICT_RANK[r["verdict"]],
                                      fold(r["call"])))


def _cited(fact: Fact, **extra: Any) -> dict[str, Any]:
    return {"value": fact.value, "normalized": fact.normalized, "condition": fact.condition, **extra,
            "citation": {"document": fact.document, "page": fact.page, "section": fact.section,
                         "text": fact.passage or fact.text, "quote": fact.text}}


def _rates(sheet: CallSheet, profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The rates whose condition names the profile's size (or no size at all); by county when the
    call's table gives one for the profile's county."""
    facts = sheet.fields.get("funding_rate") or []
    words = _SIZE_WORDS.get(str(profile.get("entity_type") or ""), ())
    county = fold(str(profile.get("county") or ""))
    sized = [f for f in facts if words and any(w in fold(f.condition or "") for w in words)]
    unsized = [f for f in facts if not any(w in fold(f.condition or "") for w in _ANY_SIZE)]
    out = []
    for fact in sized or unsized or ([] if words else facts):
        by_place = {fold(k): v for k, v in (fact.extra.get("by_place") or {}).items()}
        if county in by_place:
            out.append(_cited(fact, applies=by_place[county], place=profile.get("county")))
        else:
            out.append(_cited(fact, applies=fact.normalized))
    return out


def _max_value(sheet: CallSheet) -> dict[str, Any] | None:
    values = sheet.fields.get("project_value") or []
    best = next((f for f in values if isinstance(f.normalized, dict) and f.normalized.get("bound") == "max"), None)
    best = best or next((f for f in values if isinstance(f.normalized, dict) and not f.normalized.get("bound")), None)
    return _cited(best) if best else None


def _deadline(sheet: CallSheet, today: date) -> dict[str, Any] | None:
    dated = [(f, f.normalized.get("date")) for f in sheet.fields.get("deadline") or []
             if isinstance(f.normalized, dict)]
    dated += [(f, f.normalized.get("end")) for f in sheet.fields.get("submission_period") or []
              if isinstance(f.normalized, dict)]
    for fact, day in dated:
        if day:
            return _cited(fact, date=day, passed=date.fromisoformat(day) < today)
    return None
