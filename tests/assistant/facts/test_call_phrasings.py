"""Phrasings of Romanian call documents a new user's own calls used: the applicant's share stated in
place of the rate, bounds of a project's eligible value, the last day said of the submission, who
may apply said in a sentence, a submission period whose year is written once. Invented values."""

from __future__ import annotations

import pytest

from assistant.facts.lines import Line
from assistant.facts.sheet import CallSheet, extract_sheet


def _sheet(*texts: str) -> CallSheet:
    return extract_sheet("doc.txt", "Titlu", [Line(t, 1, None, "c1", t, "text") for t in texts])


def _rates(s: CallSheet) -> list[tuple[object, str | None]]:
    return [(f.normalized, f.condition) for f in s.fields.get("funding_rate", [])]


def test_cofinancing_the_beneficiary_provides_is_its_share_not_the_rate() -> None:
    s = _sheet("Beneficiarul asigură o cofinanțare de minimum 35% din valoarea eligibilă a proiectului.")
    assert _rates(s) == [(65.0, None)]
    assert s.fields["funding_rate"][0].extra == {"own_share": 35.0}


def test_second_share_joined_by_respectiv_is_a_share_too_with_its_own_condition() -> None:
    s = _sheet("Contribuția proprie a beneficiarului este de minimum 12%, respectiv 45% pentru ajutorul de minimis.")
    assert _rates(s) == [(88.0, None), (55.0, "ajutor de minimis")]


def test_a_rate_after_a_sentence_end_does_not_inherit_the_share_before_it() -> None:
    s = _sheet("Contribuția proprie este de 14%. Rata de finanțare: 86%.")
    assert 14.0 not in [v for v, _ in _rates(s)]
    assert {v for v, _ in _rates(s)} == {86.0}


def test_bounds_of_the_total_eligible_value_of_a_project() -> None:
    s = _sheet("Valoarea totală eligibilă a unui proiect este de minimum 21.000 euro și maximum 175.000 euro.")
    assert [(f.normalized["amount"], f.normalized["bound"]) for f in s.fields["project_value"]] == [
        (21000.0, "min"), (175000.0, "max")]


def test_last_day_said_of_the_submission() -> None:
    s = _sheet("Depunerea cererilor se face până la data de 12 mai 2029, ora 14:00.")
    assert s.first("deadline").normalized == {"date": "2029-05-12", "hour": "14:00"}


def test_who_may_apply_said_in_a_sentence_and_a_brochure_that_says_so_is_a_call() -> None:
    s = _sheet("Pot aplica persoanele fizice autorizate și întreprinderile familiale.",
               "Finanțare nerambursabilă maximă: 9.500 euro.")
    assert s.first("applicants").value.startswith("persoanele fizice autorizate")
    assert s.is_call
    assert not _sheet("Ele pot solicita finanțare, dar nu ca parteneri.").fields.get("applicants")
    assert not _sheet("Firmele nu pot aplica de două ori.").fields.get("applicants")


def test_submission_period_with_the_year_written_once() -> None:
    s = _sheet("Perioada de depunere: 3 martie – 28 aprilie 2029")
    assert s.first("submission_period").normalized == {"start": "2029-03-03", "end": "2029-04-28", "end_hour": None}
    s = _sheet("Perioada de depunere: 05.02 – 19.03.2029")
    assert s.first("submission_period").normalized["start"] == "2029-02-05"


def test_two_column_brochure_line_with_the_sentence_after_a_heading() -> None:
    s = _sheet("Sprijin pentru olari Cum aplicați Pot aplica asociațiile meșteșugărești din mediul rural.")
    assert s.first("applicants").value.startswith("asociațiile meșteșugărești")


def test_a_table_of_rates_per_category_gives_one_rate_per_row() -> None:
    rows = ["Tip beneficiar: Microîntreprinderi | Rata de finanțare: 85%",
            "Tip beneficiar: Întreprinderi mijlocii | Rata de finanțare: 55%"]
    s = extract_sheet("doc.docx", "Titlu", [Line(t, 1, None, "c1", t, "table") for t in rows])
    assert _rates(s) == [(85.0, "microintreprinderi"), (55.0, "intreprinderi mijlocii")]
    assert not s.fields.get("applicants")  # the header "Rata de finanțare" is no applicant


@pytest.mark.parametrize(("line", "rates"), [
    ("Cofinanțarea beneficiarului este de minimum 43% din cheltuielile eligibile.", [(57.0, None)]),
    ("Contribuția solicitantului: minimum 22%.", [(78.0, None)]),
    ("Finanțarea nerambursabilă acoperă 64% din cheltuielile eligibile, diferența de 36% fiind asigurată de "
     "beneficiar.", [(64.0, None)]),
    ("Rata de cofinanțare a UE este de 83%, iar beneficiarul asigură 17%.", [(83.0, None)]),
    ("Cofinanțarea proprie a solicitantului este de minimum 13% pentru IMM-uri, respectiv 29% pentru "
     "întreprinderile mari.", [(87.0, "IMM"), (71.0, "intreprinderi mari")]),
])
def test_own_share_phrasings_give_the_rest_as_the_rate(line: str, rates: list[tuple[float, str | None]]) -> None:
    assert _rates(_sheet(line)) == rates
