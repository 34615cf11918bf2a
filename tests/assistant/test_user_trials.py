"""What a first user ran into, over invented documents written and indexed here (every name, code
and value below is made up): a call that lists its CAEN codes inline and names the applicants it
excludes, a call whose own name names an applicant type, a scheme brochure that is not read as a
call, and an empty question."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.facts.caen import caen_facts
from assistant.facts.eligibility import applicant_types, check
from assistant.facts.lines import Line
from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.service import Assistant

APPLICANTS = ("Pot depune proiecte microîntreprinderile și întreprinderile mici cu sediul în județele Vaslui "
              "sau Galați. Nu sunt eligibile ONG-urile și universitățile.")

DOCS = {
    "apel-ateliere-auto.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Ateliere Auto Verzi pentru IMM” – cod AAV/2033/2\n\n"
        "INFORMAȚII GENERALE\n\nBugetul total al apelului este de 2.170.000 euro. Valoarea totală eligibilă a "
        "unui proiect este de minimum 31.000 euro și maximum 189.000 euro.\n\n"
        "RATA DE FINANȚARE\n\nRata maximă a finanțării este de 64% din cheltuielile eligibile.\n\n"
        f"SOLICITANȚI ELIGIBILI\n\n{APPLICANTS} Coduri CAEN eligibile: 4520, 4741, 5510.\n\n"
        "CALENDAR\n\nCererile se depun până la 11 octombrie 2033, ora 15:00.\n"),
    "apel-sere-solare.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Sere Solare Montane” – cod SSM/2033/1\n\n"
        "INFORMAȚII GENERALE\n\nBugetul total al apelului este de 4.930.000 euro. Valoarea totală eligibilă a "
        "unui proiect este de minimum 24.000 euro și maximum 212.000 euro.\n\n"
        "SOLICITANȚI ELIGIBILI\n\nPot depune proiecte fermierii din regiunea Centru.\n"),
    "schema-ucenici.txt": (
        "Schema Ucenici Olari 2033\n\nSchema susține atelierele de olărit tradițional.\n\n"
        "Cheltuieli eligibile: cuptoare electrice, roți de olar și argilă pentru primele 9 luni.\n\n"
        "Informații: atelier@olari-exemplu.ro\n"),
}


def _line(text: str) -> Line:
    return Line(text=text, page=None, section=None, chunk_id="c1", passage=text, kind="text")


def test_caen_codes_listed_inline_with_commas_are_read() -> None:
    facts = caen_facts([_line("Coduri CAEN eligibile: 4520, 4741, 5510.")])
    assert [f.normalized["codes"] for f in facts] == [["4520", "4741", "5510"]]
    assert facts[0].normalized["eligible"] is True
    only = caen_facts([_line("Sunt eligibile exclusiv activitățile cu codul CAEN 5510.")])
    assert only and only[0].normalized["eligible"] is True  # "exclusiv" is "only", not "excluded"
    money = caen_facts([_line("Pentru codul CAEN indicat se acordă 45,20 lei pe oră și 47.41 euro pe zi.")])
    assert money == []  # decimal amounts are not codes


def test_applicants_a_call_excludes_are_not_read_as_eligible() -> None:
    assert applicant_types(APPLICANTS) == (["microintreprindere", "intreprindere_mica"], ["universitate", "ONG"])
    sheet = CallSheet(document="a.txt", title="Ateliere", fields={
        "applicants": [Fact("applicants", APPLICANTS, document="a.txt", text=APPLICANTS)]})
    refused = check(sheet, {"entity_type": "ONG", "county": "Vaslui"})
    assert refused["verdict"] == "neeligibil" and refused["criteria"][0]["status"] == "not_met"
    assert check(sheet, {"entity_type": "microintreprindere", "county": "Galați"})["verdict"] == "eligibil"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), DOCS))


def test_a_type_in_the_calls_own_name_is_not_taken_for_the_asker(assistant: Assistant) -> None:
    answer = assistant.ask("suntem ONG din Vaslui, putem aplica la ateliere auto verzi pentru IMM?")
    assert answer.backend == "structured" and "nu îndeplinește" in answer.text, answer.text
    assert "Tipul solicitantului: nu" in answer.text


def test_a_call_check_reads_inline_caen_codes(assistant: Assistant) -> None:
    sheet = assistant.book.calls()["apel-ateliere-auto.txt"]
    result = check(sheet, {"entity_type": "intreprindere_mica", "county": "Galați", "caen": "4741"})
    caen = next(c for c in result["criteria"] if c["criterion"] == "Cod CAEN")
    assert caen["status"] == "met" and result["verdict"] == "eligibil", result


def test_asking_which_costs_are_eligible_is_not_an_eligibility_check(assistant: Assistant) -> None:
    answer = assistant.ask("ce cheltuieli sunt eligibile la schema ucenici olari?")
    assert "Eligibilitatea" not in answer.text and "Ateliere Auto" not in answer.text, answer.text
    assert "cuptoare electrice" in answer.text, answer.text


def test_an_empty_question_is_told_in_romanian(assistant: Assistant) -> None:
    answer = assistant.ask("   ")
    assert answer.abstained and answer.notice == "Întrebarea este goală."


def test_a_project_value_question_is_never_answered_with_a_calls_budget(assistant: Assistant) -> None:
    answer = assistant.ask("care e valoarea maxima a proiectului?")
    assert "2.170.000" not in answer.text and "4.930.000" not in answer.text, answer.text
    assert "189.000 euro" in answer.text and "212.000 euro" in answer.text, answer.text
    budget = assistant.ask("care e bugetul total al apelului?")
    assert "2.170.000 euro" in budget.text and "4.930.000 euro" in budget.text, budget.text


def test_a_firm_with_its_size_is_the_enterprise_of_that_size(assistant: Assistant) -> None:
    from assistant.facts.eligibility import detected_types

    assert detected_types("suntem o firma mica din Galati") == ["intreprindere_mica"]
    assert detected_types("firme mici si mijlocii") == ["microintreprindere", "intreprindere_mica",
                                                         "intreprindere_mijlocie"]
    assert detected_types("sunt o firma") == []  # no size said: the check asks for it
    answer = assistant.ask("suntem firma mica din galati, putem aplica la ateliere auto verzi pentru IMM?")
    assert "Tipul solicitantului: da" in answer.text and "îndeplinește" in answer.text, answer.text


def test_a_thank_you_mail_is_not_answered_as_a_question(assistant: Assistant) -> None:
    from assistant.reply import draft_reply

    thanks = draft_reply(assistant, "Bună ziua,\n\nVă mulțumesc pentru informații.\n\nO zi bună,\nIlinca Marin\n")
    assert thanks["points"] == [] and "Nu am identificat o întrebare" in thanks["reply"], thanks["reply"]
    request = draft_reply(assistant, "Bună ziua,\n\nAș dori informații despre apelul Sere Solare Montane.\n\n"
                                     "Ilinca Marin\n")
    assert len(request["points"]) == 1 and "Nu am identificat" not in request["reply"], request["reply"]


def test_an_applicant_kind_asked_in_the_third_person_gets_the_eligibility_check(assistant: Assistant) -> None:
    # the call's own name names IMM: that is what the call is, not who asks
    answer = assistant.ask("Poate un PFA să depună cerere la apelul Ateliere Auto Verzi pentru IMM?")
    assert "Tipul solicitantului: nu" in answer.text, answer.text
    ngo = assistant.ask("Poate o asociație culturală să aplice la apelul Ateliere Auto Verzi pentru IMM?")
    assert "Tipul solicitantului: nu" in ngo.text and "Nu sunt eligibile ONG-urile" in ngo.text, ngo.text


def test_a_type_left_out_elsewhere_in_the_guide_is_cited_by_that_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    guide = ("GHIDUL SOLICITANTULUI\n\nApelul „Brutării de Cartier 2033” – cod BC/2033/4\n\n"
             "BUGETUL APELULUI\n\nBugetul total alocat apelului este de 1.370.000 euro.\n\n"
             "SOLICITANȚI ELIGIBILI\n\nPot depune cereri microîntreprinderile cu sediul în județul Iași.\n\n"
             "ACTIVITĂȚI ELIGIBILE\n\nSe finanțează cuptoare și malaxoare pentru pâine.\n\n"
             "ALTE CONDIȚII\n\nNu sunt eligibile persoanele fizice autorizate și întreprinderile familiale.\n")
    (tmp_path / "docs").mkdir()
    ours = build_assistant(index_texts(tmp_path / "docs", tmp_path / "index", {"apel-brutarii.txt": guide}))
    answer = ours.ask("Poate un PFA să depună cerere la apelul Brutării de Cartier?")
    assert "Tipul solicitantului: nu" in answer.text, answer.text
    assert "Nu sunt eligibile persoanele fizice autorizate" in answer.text
    assert any("Nu sunt eligibile persoanele fizice" in c.text for c in answer.citations)
