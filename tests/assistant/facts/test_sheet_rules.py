"""Each rule of the sheet extractor on a few invented lines: what it reads, and the tempting wrong
value beside it that it must leave alone."""

from __future__ import annotations

import unicodedata

import pytest

from assistant.facts.inline import _any_label
from assistant.facts.lines import Line
from assistant.facts.patterns import FIELDS
from assistant.facts.programmes import programmes_in
from assistant.facts.regions import scope
from assistant.facts.sheet import PERCENT_SIGNS, CallSheet, extract_sheet
from assistant.facts.units import split_header_block
from assistant.text import fold


def _sheet(*texts: str) -> CallSheet:
    return extract_sheet("doc.txt", "Titlu", [Line(t, 1, None, "c1", t, "text") for t in texts])


def _values(s: CallSheet, field: str) -> list[object]:
    return [f.normalized for f in s.fields.get(field, [])]


def test_header_block_joined_by_the_loader_is_split_per_label() -> None:
    block = ("Program: Fonduri Județene Autoritatea responsabilă: Consiliul Exemplu (http://www.cj-exemplu.ro) "
             "Regiuni: Vest, Centru Data de început: 03.03.2028 Data de sfârșit: 09.05.2028 Cod SMIS: 771 "
             "Valoare maximă: 21.700 €")
    assert split_header_block(block) == [
        "Program: Fonduri Județene", "Autoritatea responsabilă: Consiliul Exemplu (http://www.cj-exemplu.ro)",
        "Regiuni: Vest, Centru", "Data de început: 03.03.2028", "Data de sfârșit: 09.05.2028", "Cod SMIS: 771",
        "Valoare maximă: 21.700 €"]
    assert split_header_block("Sunt eligibile: firme, asociații. Altele: nu.") == [
        "Sunt eligibile: firme, asociații. Altele: nu."]
    s = _sheet(block)
    assert s.first("programme").value == "Fonduri Județene"
    assert _values(s, "deadline") == [{"date": "2028-05-09", "hour": None}]
    assert _values(s, "project_value") == [{"amount": 21700.0, "currency": "EUR", "bound": "max"}]
    assert s.first("regions").normalized["regions"] == ["Vest", "Centru"]


@pytest.mark.parametrize("line", ["1 euro = 4,8765 lei", "1 EUR = 5,1234 RON", "1 euro= 4.9911lei"])
def test_exchange_rate_is_not_an_allocation(line: str) -> None:
    s = _sheet(f"Alocarea financiară a apelului este de 3.140.000 euro, la cursul InforEuro {line}.")
    assert _values(s, "allocation") == [{"amount": 3140000.0, "currency": "EUR", "bound": None}]


def test_de_minimis_ceiling_is_not_the_project_value() -> None:
    s = _sheet("Valoarea maximă a finanțării nerambursabile solicitate: 730.000 euro",
               "Finanțarea nerambursabilă maximă acordată ca ajutor de minimis nu poate depăși echivalentul în lei "
               "a 240.000 euro/proiect, pentru întreprinderea unică, pe trei exerciții financiare.")
    assert [v["amount"] for v in _values(s, "project_value")] == [730000.0]


@pytest.mark.parametrize(("text", "rate"), [
    ("Cofinanțare: 7%", 93.0),
    ("Solicitantul asigură o cofinanțare proprie minim 13% din valoarea eligibilă.", 87.0),
    ("Finanțarea nerambursabilă este de 66%, restul de 34% reprezintă contribuția proprie a solicitantului.", 66.0),
])
def test_own_share_gives_the_rest_as_funding_rate(text: str, rate: float) -> None:
    s = _sheet(text)
    assert _values(s, "funding_rate") == [rate]
    assert all(f"{100 - rate:g}%" not in f"{f.value} {f.condition}" for f in s.fields["funding_rate"])


def test_rate_label_itself_is_the_funding_rate() -> None:
    assert _values(_sheet("Rata de cofinanțare: 72%"), "funding_rate") == [72.0]


def test_numbered_applicants_section_and_list_on_following_lines() -> None:
    s = _sheet("3. Solicitanți eligibili Sunt eligibile: asociațiile de crescători; cooperativele montane.",
               "4. Parteneri eligibili Sunt eligibili ca parteneri: primăriile.")
    assert s.first("applicants").value == "asociațiile de crescători; cooperativele montane."
    s = _sheet("Solicitanți eligibili: fermele familiale și asociațiile din", "comunele Jibou și Surduc, "
               "înființate până în 2025.", "Rata de cofinanțare: 61%")
    assert s.first("applicants").value.endswith("comunele Jibou și Surduc, înființate până în 2025.")


def test_label_words_inside_an_applicant_list_do_not_cut_it() -> None:
    s = _sheet("Solicitanți eligibili: întreprinderile mici din județele Tulcea și Brăila, active din 2020.")
    assert "Tulcea și Brăila" in s.first("applicants").value
    assert s.first("regions").normalized["counties"] == ["Tulcea", "Brăila"]


def test_min_and_max_labelled_rows() -> None:
    s = _sheet("Valoare minimă: 3.900 €", "Valoare maximă: 58.800 €")
    assert {v["bound"]: v["amount"] for v in _values(s, "project_value")} == {"min": 3900.0, "max": 58800.0}


def test_duration_bounded_by_a_last_day() -> None:
    s = _sheet("Perioada de implementare a proiectului nu depășește 30 noiembrie 2031.")
    assert s.first("duration").normalized["until"] == "2031-11-30"
    s = _sheet("Perioada de implementare a proiectului începe la 01.02.2027 cu activitățile pregătitoare.")
    assert not s.fields.get("duration")


@pytest.mark.parametrize(("text", "whole", "regions"), [
    ("toate regiunile țării", True, 8),
    ("Nord-Est, Sud-Est, Sud-Muntenia, Sud-Vest Oltenia, Vest, Nord-Vest, Centru, București-Ilfov", True, 8),
    ("regiunile mai puțin dezvoltate și regiunea mai dezvoltată București-Ilfov", True, 8),
    ("Regiunea Nord-Est", False, 1),
])
def test_region_scope(text: str, whole: bool, regions: int) -> None:
    got = scope(text)
    assert got is not None and got["all"] is whole and len(got["regions"]) == regions
    assert len(got["counties"]) == (42 if whole else 6)


def test_regional_programme_gives_the_region() -> None:
    s = _sheet("Apelul este lansat de AM PR Nord-Vest.", "Alocare financiară: 2.220.000 euro",
               "Solicitanți eligibili: start-up-uri.")
    assert s.first("programme").value.startswith("PR Nord-Vest")
    assert s.first("regions").normalized["regions"] == ["Nord-Vest"]
    assert s.is_call  # money and who may apply


def test_programme_acronyms() -> None:
    assert [p.written for p in programmes_in("Acțiunea 3.1 PoIDS, conform POCU și PEO")] == ["POCU", "PEO"]
    assert programmes_in("conform POR Sud-Vest Oltenia")[0].region == "Sud-Vest Oltenia"
    assert programmes_in("Programul Regional Vest 2021-2027")[0].region == "Vest"
    assert programmes_in("firma PFA sau SRL") == []


def test_founder_described_applicants_only_in_a_money_document() -> None:
    s = _sheet("Buget total: 8.800.000 €", "Sprijinim firmele înființate de către seniori pensionari, în orașe.")
    assert s.first("applicants").value == "firmele înființate de către seniori pensionari"
    assert not _sheet("Povestea firmelor înființate de către seniori.").fields.get("applicants")


@pytest.mark.parametrize("line", ["curs de schimb 4,9713 lei", "4,98 lei/euro", "5,0107 lei pentru 1 euro"])
def test_exchange_rate_figures_are_not_amounts(line: str) -> None:
    s = _sheet(f"Bugetul apelului: 2.930.000 lei ({line}).")
    assert [v["amount"] for v in _values(s, "allocation")] == [2930000.0]


def test_call_page_rows_with_short_labels() -> None:
    s = _sheet("Beneficiari: asociații de apicultori și ferme mici", "Buget: 1.870.000 lei",
               "Data închidere: 14.08.2029", "Valoarea voucherului: 26.000 lei", "Valoare maximă proiect: 81.000 lei")
    assert s.first("applicants").value == "asociații de apicultori și ferme mici"
    assert [v["amount"] for v in _values(s, "allocation")] == [1870000.0]
    assert _values(s, "deadline") == [{"date": "2029-08-14", "hour": None}]
    assert [v["amount"] for v in _values(s, "project_value")] == [26000.0, 81000.0]


def test_a_call_for_firms_working_in_romania_covers_every_county() -> None:
    s = _sheet("Alocarea totală a apelului este de 9.430.000 euro.",
               "Solicitantul trebuie să își desfășoare activitatea în România.")
    assert s.first("regions").normalized["all"] and "România" in s.first("regions").value
    assert not _sheet("Firma își desfășoară activitatea în România.").fields.get("regions")  # no money: no call


def test_voucher_values_and_a_deadline_said_in_a_sentence() -> None:
    s = _sheet("Programul acordă vouchere în valoare de maximum 17.500 euro pentru soluții digitale.",
               "Cererile se depun până la 21.10.2028, ora 15:00.",
               "Beneficiari eligibili: microîntreprinderile din toate județele.")
    assert [v["amount"] for v in _values(s, "project_value")] == [17500.0]
    assert _values(s, "deadline") == [{"date": "2028-10-21", "hour": "15:00"}]
    assert s.first("regions").normalized["all"]


def test_section_title_followed_by_its_own_value_takes_nothing_further() -> None:
    s = _sheet("1. Bugetul apelului Bugetul alocat apelului este de 6.620.000 euro.",
               "2. Beneficiari eligibili Pot solicita finanțare: asociațiile.",
               "3. Valoarea proiectelor Valoarea minimă a unui proiect: 41.000 euro.")
    assert [v["amount"] for v in _values(s, "allocation")] == [6620000.0]
    assert [v["amount"] for v in _values(s, "project_value")] == [41000.0]


@pytest.mark.parametrize(("text", "left_out", "count"), [
    ("toate regiunile, cu excepția regiunii București-Ilfov", "Ilfov", 40),
    ("regiunile mai puțin dezvoltate", "București", 40),
    ("toate județele, cu excepția Ilfov", "Ilfov", 41),
])
def test_region_scope_with_exceptions(text: str, left_out: str, count: int) -> None:
    got = scope(text)
    assert got is not None and not got["all"] and left_out not in got["counties"] and len(got["counties"]) == count


@pytest.mark.parametrize("line", ["Valoare minimă - maximă: 6.100 € - 47.000 €",
                                  "Valoarea proiectului: între 6.100 și 47.000 euro"])
def test_a_range_of_project_values_is_min_and_max(line: str) -> None:
    got = {v["bound"]: v["amount"] for v in _values(_sheet(line), "project_value")}
    assert got == {"min": 6100.0, "max": 47000.0}


def test_applicant_type_row() -> None:
    assert _sheet("Tip solicitant: cooperative agricole").first("applicants").value == "cooperative agricole"


def test_a_call_code_without_its_label() -> None:
    s = _sheet("Apelul de proiecte PRNV/2.3/B.1/4/2028 finanțează ateliere.", "Alocare financiară: 1.990.000 euro")
    assert s.first("call_code").value == "PRNV/2.3/B.1/4/2028"
    assert not _sheet("Conform HG 829/2022, art. 5.").fields.get("call_code")


def test_capitals_label_glued_to_the_other_columns_text() -> None:
    from assistant.facts.units import split_caps_label

    assert split_caps_label("ALOCAREA FINANCIARĂ Atelierele de olărit din zona montană.") == [
        "ALOCAREA FINANCIARĂ", "Atelierele de olărit din zona montană."]
    assert split_caps_label("Min. 13.000 euro BENEFICIARI ELIGIBILI") == ["Min. 13.000 euro", "BENEFICIARI ELIGIBILI"]
    assert split_caps_label("Fonduri prin PR SUD EST și FEDR") == ["Fonduri prin PR SUD EST și FEDR"]
    s = _sheet("4,4 milioane euro", "ALOCAREA FINANCIARĂ Atelierele de olărit din zona montană.")
    assert [v["amount"] for v in _values(s, "allocation")] == [4400000.0]


def test_a_figure_line_is_not_a_text_value() -> None:
    s = _sheet("Min. 13.000 euro", "BENEFICIARI ELIGIBILI", "Alocare financiară: 900.000 euro")
    assert not s.fields.get("applicants")


def test_a_project_value_within_the_de_minimis_ceiling_is_kept() -> None:
    s = _sheet("Valoarea maximă a proiectului este de 190.000 euro, în limita plafonului de minimis.")
    assert [v["amount"] for v in _values(s, "project_value")] == [190000.0]


def test_markdown_emphasis_around_labels() -> None:
    s = _sheet("**Program:** Fonduri Locale **Buget total:** 2.450.000 € **Valoare maximă:** 31.000 € "
               "**Beneficiari:** cooperative de pescari")
    assert s.first("programme").value == "Fonduri Locale"
    assert [v["amount"] for v in _values(s, "allocation")] == [2450000.0]
    assert [v["amount"] for v in _values(s, "project_value")] == [31000.0]
    assert s.first("applicants").value == "cooperative de pescari"


def test_percent_signs_are_every_character_that_folds_to_a_percent_sign():
    """The rate pattern runs only on texts holding one of `PERCENT_SIGNS`: no other character
    may fold to "%" (NFKD and lower case, as `fold` does)."""
    folds_to_percent = {chr(c) for c in range(0x110000)
                        if "%" in unicodedata.normalize("NFKD", chr(c)).lower() or "%" in chr(c).lower()}
    assert folds_to_percent == set(PERCENT_SIGNS)


@pytest.mark.parametrize("line", [
    "Alocarea financiară a apelului: 4.321.000 lei", "Termen-limită de depunere: 14 mai", "Subbugetul anual",
    "Buget: 12.000 euro", "Nimic de citit aici", "Cine poate aplica? IMM-urile", "prebuget :", "bugetar:"])
def test_one_search_for_any_label_finds_the_lines_some_field_label_does(line):
    folded = fold(line)
    assert bool(_any_label().search(folded)) == any(spec.label.search(folded) for spec in FIELDS)
