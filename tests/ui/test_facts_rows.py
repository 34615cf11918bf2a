"""The Apeluri rows and the Eligibilitate list built from plain JSON (no app needed)."""

from __future__ import annotations

from assistant.ui.eligibility_tab import overview_html, profile_of
from assistant.ui.facts_view import sheet_rows


def test_min_and_max_project_values_are_labelled() -> None:
    sheet = {"document": "d.txt", "fields": {"project_value": [
        {"value": "11.000 lei", "normalized": {"amount": 11000.0, "currency": "RON", "bound": "min"}, "page": 2},
        {"value": "97.000 lei", "normalized": {"amount": 97000.0, "currency": "RON", "bound": "max"}, "page": 2}]}}
    labels = [label for label, _, _ in sheet_rows(sheet)]
    assert labels == ["Valoarea minimă a proiectului", "Valoarea maximă a proiectului"]


def test_domain_box_takes_a_caen_code() -> None:
    assert profile_of("microintreprindere", "Cluj", "62.10", 2, False)["caen"] == "62.10"
    assert profile_of("microintreprindere", "Cluj", "turism", 2, False)["domain"] == "turism"


def test_overview_lists_each_call_with_rate_value_deadline() -> None:
    cite = {"document": "a.txt", "page": 1}
    html = overview_html([{"call": "Apelul Sălciilor", "verdict": "eligibil", "summary": "ok",
                           "rate": {"applies": 64.0, "value": "64%", "citation": cite},
                           "max_value": {"value": "77.000 lei", "citation": cite},
                           "deadline": {"value": "2031-02-03", "passed": True, "citation": cite},
                           "criteria": [{"criterion": "Localizare", "status": "met"}]}])
    assert "Apelul Sălciilor" in html and "64%" in html and "77.000 lei" in html and "(expirat)" in html
    assert "îndeplinit" in html


def test_records_filter_folds_diacritics() -> None:
    from assistant.ui.calls_tab import records_table

    rows = [{"Tabel": "t", "Nume": "Pol Șapte", "Județ": "Timiș"}, {"Tabel": "t", "Nume": "Pol Opt", "Județ": "Argeș"}]
    assert records_table(rows, query="timis")[1] == [["t", "Pol Șapte", "Timiș"]]
    assert records_table(rows, query="sapte TIMIS")[1] == [["t", "Pol Șapte", "Timiș"]]
    assert len(records_table(rows)[1]) == 2
