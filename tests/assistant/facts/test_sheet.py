"""Fact sheets read from a call PDF, a call DOCX and a brochure dump the tests wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.facts.sheet import CallSheet


def _values(sheet: CallSheet, name: str) -> list[tuple[object, object]]:
    return [(f.normalized, f.page) for f in sheet.fields.get(name, [])]


def test_pdf_sheet_has_every_field_with_its_page(sheet_of) -> None:
    s = sheet_of("apel-montan")
    assert s.is_call and s.name == "Ateliere digitale în zona montană"
    assert s.first("call_code").value == "PR/2027/3.2/01"
    assert s.first("programme").value == "Programul Regional Centru 2021-2027"
    assert _values(s, "allocation") == [({"amount": 7315000.0, "currency": "RON", "bound": None}, 1)]
    bounds = {f.normalized["bound"]: (f.normalized["amount"], f.page) for f in s.fields["project_value"]}
    assert bounds == {"min": (120000.0, 1), "max": (2400000.0, 1)}
    rates = {(f.normalized, f.condition, f.page) for f in s.fields["funding_rate"]}
    assert (90.0, "microintreprinderi, ajutor de minimis", 2) in rates
    assert any(r[0] == 70.0 and "ajutor de stat" in r[1] and r[2] == 2 for r in rates)
    assert _values(s, "deadline") == [({"date": "2027-05-14", "hour": "16:00"}, 3)]
    assert s.first("submission_period").normalized == {"start": "2027-03-03", "end": "2027-05-14", "end_hour": None}
    assert s.first("duration").normalized == {"min": None, "max": 18, "unit": "luni"}
    assert s.first("applicants").value.startswith("microîntreprinderi și întreprinderi mici")
    assert s.first("regions").value == "Harghita, Covasna, Brașov"
    assert "licențe software" in s.first("eligible_expenses").value
    assert "TVA recuperabilă" in s.first("ineligible_expenses").value
    assert s.first("contact_email").value == "apel.montan@adr-exemplu.ro"
    assert s.first("contact_phone").value == "0266 312 456"
    for facts in s.fields.values():
        for f in facts:
            assert f.document == "apel-montan.pdf" and f.chunk_id and f.passage and f.page in (1, 2, 3)


def test_docx_label_value_table_is_read_as_a_sheet(sheet_of) -> None:
    s = sheet_of("vouchere")
    assert s.is_call and s.name == "Vouchere verzi pentru ateliere"
    assert s.first("allocation").normalized["amount"] == 4125000.0
    assert s.first("allocation").normalized["currency"] == "EUR"
    assert s.first("funding_rate").normalized == 85.0
    assert s.first("deadline").normalized == {"date": "2026-09-30", "hour": "12:00"}
    assert "organizații neguvernamentale" in s.first("applicants").value


def test_brochure_labels_far_from_values(sheet_of) -> None:
    s = sheet_of("brosura-delta")
    assert s.is_call and s.name == "Ateliere verzi"
    assert s.first("allocation").normalized["amount"] == 3200000.0
    bounds = {f.normalized["bound"]: f.normalized["amount"] for f in s.fields["project_value"]}
    assert bounds == {"min": 50000.0, "max": 400000.0}
    assert s.first("applicants").value.startswith("Asociația care administrează parcul tehnologic")
    assert "ALOCAREA FINANCIARĂ" in s.first("allocation").text


def test_report_is_not_a_call(sheet_of) -> None:
    assert not sheet_of("raport-poli").is_call


def test_facts_files_written_next_to_the_index(settings) -> None:
    data = json.loads((Path(settings.index) / "facts.json").read_text(encoding="utf-8"))
    assert {s["document"] for s in data["sheets"]} >= {"apel-montan.pdf", "vouchere.docx"}
    assert (Path(settings.index) / "records.json").exists()


@pytest.mark.parametrize("call", ["montan", "Vouchere verzi"])
def test_cli_facts_prints_one_sheet(settings, call: str, capsys) -> None:
    from assistant.cli import main

    assert main(["--index", str(settings.index), "facts", "--json", "--call", call]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, list) and len(out) == 1  # a JSON list, even of one sheet
    assert out[0]["is_call"] and call.lower() in (out[0]["document"] + out[0]["call"]).lower()
