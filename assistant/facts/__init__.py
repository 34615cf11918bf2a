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


def check_calls(sheets: list[CallSheet], profile: dict[str, Any]) -> list[dict[str, Any]]:
    """Every call checked against one profile, open calls the profile meets first (see overview.check_all)."""
    from assistant.facts.overview import check_all

    return check_all(sheets, profile)


def find_sheet(sheets: list[CallSheet], name: str) -> CallSheet | None:
    """The sheet a name designates, calls first: the name (folded) is part of its document, call
    name, title, code, programme, issuer or region ("ADR Vest", "PR Centru", "1.5.1"), or all its
    words are among those names."""
    from assistant.facts.search import find

    return find(sheets, name)


__all__ = ["CallSheet", "Fact", "Record", "check_calls", "check_eligibility", "find_sheet", "load_records",
           "load_sheets", "refresh_structured"]
