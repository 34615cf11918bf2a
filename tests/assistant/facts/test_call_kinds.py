"""Sheets of calls of every kind the tests write (call_kinds.py): each field right, and none of the
tempting wrong values (a de minimis ceiling, an exchange rate, the applicant's own share, a value
running into the next label, a list cut mid-way)."""

from __future__ import annotations

from typing import Any

from assistant.facts.sheet import CallSheet


def _amounts(s: CallSheet, field: str) -> dict[Any, float]:
    return {f.normalized["bound"]: f.normalized["amount"] for f in s.fields.get(field, [])}


def _texts(s: CallSheet, field: str) -> str:
    return " | ".join(f"{f.value} {f.condition or ''}" for f in s.fields.get(field, []))


def test_aggregator_call_page_label_rows(sheet) -> None:
    s = sheet("tineri-rural")
    assert s.is_call
    assert s.first("programme").value == "Finanțări Naționale"  # not running on into the next row
    assert _amounts(s, "allocation") == {None: 18_600_000.0}
    assert _amounts(s, "project_value") == {"min": 7_300.0, "max": 63_500.0}
    assert s.first("deadline").normalized == {"date": "2027-04-27", "hour": None}  # "Data de sfârșit", not the start
    assert [f.normalized for f in s.fields["funding_rate"]] == [85.0]  # "Cofinanțare: 15%" is the applicant's share
    assert "15%" not in _texts(s, "funding_rate")
    assert "tineri" in s.first("applicants").value
    regions = s.first("regions").normalized
    assert regions["all"] and len(regions["regions"]) == 8 and "Vaslui" in regions["counties"]
    assert len(regions["counties"]) == 42
    assert "9.100" not in _texts(s, "project_value") and "4.700" not in _texts(s, "project_value")


def test_eligibility_summary_with_numbered_sections(sheet) -> None:
    s = sheet("conditii-ptj")
    assert s.is_call
    assert s.first("programme").value.startswith("PTJ (Programul Tranziție Justă")
    assert _amounts(s, "allocation") == {None: 31_457_210.0}
    assert "1 euro" not in _texts(s, "allocation") and "4,9" not in _texts(s, "allocation")
    applicants = s.first("applicants").value
    assert applicants.startswith("microîntreprinderile;") and "cooperativele agricole" in applicants
    assert "universitățile" not in applicants  # the partners' section is not the applicants'
    assert [f.normalized for f in s.fields["funding_rate"]] == [88.0]  # cofinanțare proprie minim 12%
    assert "12%" not in _texts(s, "funding_rate")
    assert s.first("regions").normalized["all"]  # less developed regions + București-Ilfov


def test_docx_voucher_call_with_aid_intensity_table(sheet) -> None:
    s = sheet("vouchere-textile")
    assert s.is_call and s.name == "Vouchere pentru ateliere textile"
    assert _amounts(s, "allocation") == {None: 5_430_000.0}
    assert _amounts(s, "project_value") == {"max": 83_000.0}  # not the de minimis ceiling
    assert "300.000" not in _texts(s, "project_value") + _texts(s, "allocation")
    assert s.first("deadline").normalized == {"date": "2027-06-18", "hour": "14:00"}
    assert s.first("duration").normalized == {"min": None, "max": 14, "unit": "luni"}
    rates = {(f.normalized, f.condition) for f in s.fields["funding_rate"]}
    assert (80.0, None) in rates and not any(r == 20.0 for r, _ in rates)  # "restul de 20% ... contribuția proprie"
    table = {f.condition: f for f in s.fields["funding_rate"] if f.extra.get("by_place")}
    assert table["microintreprinderi, intreprinderi mici"].extra["by_place"] == {"Vaslui": 65.0, "Iași": 55.0,
                                                                                 "Suceava": 65.0}
    assert table["intreprinderi mijlocii"].normalized == 55.0
    assert table["intreprinderi mari"].normalized == 45.0
    assert "textilă" in s.first("applicants").value


def test_two_column_brochure(sheet) -> None:
    s = sheet("brosura-reciclare")
    assert s.is_call
    assert _amounts(s, "allocation") == {None: 6_400_000.0}
    assert _amounts(s, "project_value") == {"min": 42_000.0, "max": 610_000.0}
    assert s.first("applicants").value.startswith("Întreprinderi mici și mijlocii din mediul urban")
    assert s.first("programme").value == "Programul Regional Sud-Est 2021-2027"
    assert s.first("regions").normalized["regions"] == ["Sud-Est"]  # a regional programme funds its region
    assert "Tulcea" in s.first("regions").normalized["counties"]
    assert all(f.page == 1 for facts in s.fields.values() for f in facts)


def test_guide_list_cut_by_line_breaks_is_read_whole(sheet) -> None:
    s = sheet("ghid-mobilitate")
    assert s.is_call
    assert "Dolj, Gorj și Mehedinți" in s.first("applicants").value
    assert s.first("regions").normalized["counties"] == ["Dolj", "Gorj", "Mehedinți"]
    assert s.first("duration").normalized["until"] == "2029-10-31"
    assert _amounts(s, "project_value") == {"max": 1_150_000.0}
    assert [f.normalized for f in s.fields["funding_rate"]] == [70.0]


def test_report_with_money_but_no_applicants_is_not_a_call(sheet) -> None:
    assert not sheet("raport-garantare").is_call


def test_docx_guide_with_a_long_applicant_list(sheet) -> None:
    s = sheet("ghid-ateliere-verzi")
    assert s.is_call
    applicants = s.first("applicants").value
    assert applicants.startswith("microîntreprinderi;") and "ateliere protejate" in applicants
    assert applicants.endswith("Bihor, Sălaj și Satu Mare.")  # the whole list, not its first lines
    assert _amounts(s, "project_value") == {"max": 37_000.0, "min": 7_000.0}
    assert _amounts(s, "allocation") == {None: 6_250_000.0}
    assert s.first("submission_period").normalized == {"start": "2028-04-04", "end": "2028-06-19", "end_hour": "15:00"}


def test_html_call_page_with_a_label_value_table(sheet) -> None:
    s = sheet("granturi-olari")
    assert s.is_call
    assert s.first("programme").value == "Finanțări Naționale"
    assert s.first("regions").normalized["regions"] == ["Vest", "Nord-Vest"]
    assert s.first("deadline").normalized["date"] == "2029-07-13"
    assert _amounts(s, "allocation") == {None: 7_700_000.0}
    assert _amounts(s, "project_value") == {"max": 29_000.0}
    assert [f.normalized for f in s.fields["funding_rate"]] == [82.0]
    assert "artizani" in s.first("applicants").value


def test_rate_of_the_county_a_question_names_is_read_from_the_intensity_table(kinds_index) -> None:
    from assistant.build import build_assistant

    assistant = build_assistant(kinds_index)
    answer = assistant.ask("Care este intensitatea maximă a ajutorului pentru o microîntreprindere din Iași "
                           "la apelul Vouchere pentru ateliere textile?")
    assert not answer.abstained, answer.text
    assert "55%" in answer.text and "Iași" in answer.text, answer.text
    assert "65%" not in answer.text  # the table's highest rate is another county's
