"""The orders Romanian call documents write a project's minimum and maximum in, each read as the
bound the document gives it (invented figures): a bound after its value in brackets or between
commas belongs to that value, one before it heads it, a range's low figure comes first."""

from __future__ import annotations

import pytest

from assistant.facts.labels import labelled
from assistant.facts.lines import Line
from assistant.facts.sheet import extract_sheet


def _bounds(*texts: str, kind: str = "text") -> dict[str | None, float]:
    s = extract_sheet("doc.txt", "Titlu", [Line(t, 1, None, "c1", t, kind) for t in texts])
    return {f.normalized["bound"]: f.normalized["amount"] for f in s.fields.get("project_value", [])}


@pytest.mark.parametrize("line", [
    # the label after its value, in brackets or between commas, is that value's, not the next one's
    "Valoarea totală eligibilă a unui proiect este cuprinsă între 13.400 euro (valoarea minimă) și "
    "87.000 euro (valoarea maximă).",
    "Valoarea totală eligibilă a unui proiect este cuprinsă între 13.400 euro, valoarea minimă, și "
    "87.000 euro, valoarea maximă.",
    "Valoarea eligibilă a proiectului: 87.000 euro (valoarea maximă), 13.400 euro (valoarea minimă).",
    # a bound before its value
    "Valoarea totală eligibilă a unui proiect este de minimum 13.400 euro și maximum 87.000 euro.",
    "Valoarea proiectului: maxim 87.000 euro, minim 13.400 euro.",  # inverted: the words decide
    # a range: the low figure first
    "Valoarea proiectului: de la 13.400 euro la 87.000 euro.",
    "Valoarea proiectului: de la 13.400 la 87.000 euro.",
    "Valoarea proiectului: 13.400 - 87.000 euro",
    "Valoarea proiectului este cuprinsă între 13.400 și 87.000 euro.",
    # each bound its own sentence
    "Valoarea minimă eligibilă este de 13.400 euro, iar valoarea maximă eligibilă este de 87.000 euro.",
])
def test_each_order_of_a_range_gives_min_and_max(line: str) -> None:
    assert _bounds(line) == {"min": 13400.0, "max": 87000.0}


@pytest.mark.parametrize("rows", [
    ["Indicator: Valoarea totală eligibilă a proiectului | Minim: 13.400 euro | Maxim: 87.000 euro"],
    ["Valoare minimă: 13.400 euro | Valoare maximă: 87.000 euro"],
    ["Element: Valoarea maximă eligibilă | Valoare: 87.000 euro",
     "Element: Valoarea minimă eligibilă | Valoare: 13.400 euro"],
])
def test_a_table_row_of_bounds_gives_min_and_max(rows: list[str]) -> None:
    assert _bounds(*rows, kind="table") == {"min": 13400.0, "max": 87000.0}


def test_a_bound_word_of_another_kind_is_no_bound() -> None:
    # "de minimis" names an aid regime, and a cost item's cap names the item: neither is a project's bound
    assert _bounds("Valoarea proiectului: 61.000 euro, în regim de minimis.") == {None: 61000.0}
    assert _bounds("Valoarea maximă eligibilă pentru consultanță este de 4.300 euro.") == {}


def test_labels_shown_beside_each_value() -> None:
    commas = "Valoarea este cuprinsă între 13.400 euro, valoarea minimă, și 87.000 euro, valoarea maximă."
    assert [labelled(v, commas) for v in ("13.400 euro", "87.000 euro")] == [
        "13.400 euro (valoarea minimă)", "87.000 euro (valoarea maximă)"]
    span = "Valoarea proiectului: de la 13.400 euro la 87.000 euro."
    assert labelled("13.400 euro", span) == "13.400 euro"  # "la 87.000 euro" is the next value, no label
    assert labelled("87.000 euro", "Valoarea: maxim 87.000 euro, minim 13.400 euro.") == "maxim 87.000 euro"


@pytest.mark.parametrize("line", [
    "Valoarea totală a proiectului este de maximum 64.300 lei.",
    "Valoarea maximă a unui proiect este de 64.300 lei.",
])
def test_a_projects_total_or_bounded_value_is_its_value(line: str) -> None:
    # "valoarea totală a proiectului" is a project's value as much as "valoarea proiectului"
    assert _bounds(line) == {"max": 64300.0}
