"""Structured knowledge: call fact sheets, records from tables, the eligibility check."""

from __future__ import annotations

from typing import Any

from assistant.facts.eligibility import check
from assistant.facts.records import Record
from assistant.facts.sheet import CallSheet
from assistant.facts.store import load_records, load_sheets, refresh_structured
from assistant.facts.values import Fact


def check_eligibility(sheet: CallSheet, profile: dict[str, Any]) -> dict[str, Any]:
    """The eligibility check of one profile against one call's sheet (see eligibility.check)."""
    return check(sheet, profile)


def find_sheet(sheets: list[CallSheet], name: str) -> CallSheet | None:
    """The sheet whose document or call name holds name (folded substring), calls first."""
    from assistant.text import fold

    key = fold(name).strip()
    ordered = sorted(sheets, key=lambda s: not s.is_call)
    return next((s for s in ordered if key in fold(s.document) or key in fold(s.name)), None)


__all__ = ["CallSheet", "Fact", "Record", "check_eligibility", "find_sheet", "load_records", "load_sheets",
           "refresh_structured"]
