"""Kinds of questions on call documents nobody tuned the answers for (issue 13): who may apply
when a CAEN section also writes "solicitantul ... eligibile", a period counted from an event
asked as the submission deadline, English questions about a regional allocation, the share the
applicant covers, and which rate is which. Every value is invented."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.service import Assistant

_FILLER = ("Cererea de finanțare se completează în sistemul electronic, iar anexele se încarcă în format PDF "
           "semnat electronic de reprezentantul legal. ")

GUIDE = f"""GHIDUL SOLICITANTULUI
Apelul de proiecte Mori de Apă 2034

1. Informații generale
Apelul Mori de Apă 2034 finanțează restaurarea morilor de apă din zona de munte. {_FILLER * 3}
Bugetul total alocat apelului este de 3.470.000 lei.

2. Solicitanți eligibili
Pot depune cereri de finanțare:
- unitățile administrativ-teritoriale din mediul rural;
- asociațiile de dezvoltare intercomunitară;
- fundațiile care administrează monumente tehnice.
{_FILLER * 2}

3. Codurile CAEN eligibile
Solicitantul trebuie să aibă înregistrat unul dintre codurile CAEN eligibile pentru apel: 9103, 1061 sau 5520. \
{_FILLER * 3}
Codurile CAEN secundare sunt eligibile numai dacă sunt autorizate la locul proiectului.

4. Calendarul apelului
Data limită de depunere a cererilor de finanțare este 9 octombrie 2034, ora 11:00. \
{_FILLER * 2}
"""

NO_DEADLINE = """# Apelul Vitralii Restaurate 2035

## Descriere

Apelul Vitralii Restaurate 2035 sprijină atelierele de vitralii din Banat.

## Solicitanți eligibili

Pot aplica atelierele de vitralii autorizate, cu sediul în regiunea Vest.

## Angajamente

Beneficiarul menține atelierul în funcțiune în termen de 42 de luni de la finalizarea proiectului.
Cererea de rambursare se depune la 25 de zile după semnarea contractului de finanțare.

## Alocare pe regiuni

Alocarea pentru regiunea mai dezvoltată este de 515.000 lei, iar alocarea pentru regiunile mai puțin \
dezvoltate este de 1.285.000 lei.

## Bugetul apelului

Bugetul total alocat apelului este de 1.800.000 lei.

## Cofinanțare

Solicitantul asigură o cofinanțare proprie de minimum 17% din valoarea eligibilă a proiectului.
Finanțarea nerambursabilă este de până la 83% din cheltuielile eligibile.
"""


NOTICE = """# Anunț privind sesiunea de granturi pentru cârciumi istorice

## Termene

Cârciumile istorice care primesc grantul îl folosesc în termen de 27 de luni de la finalizarea evaluării, iar \
termenul limită pentru raportări este la 35 de zile după semnarea contractului. Depunerea dosarelor se încheie \
la 11 iulie 2039.

## Despre sesiune

Sesiunea sprijină cârciumile istorice care își restaurează mobilierul.
"""


SHEET_ROWS = """# Fișa apelului Hambare Restaurate 2040

Buget: 930.000 lei
Rata de cofinanțare: 76%
Contribuția proprie: 24%
Data limită: 14 ianuarie 2040
Solicitanți eligibili: fermierii din zona colinară.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    texts = {"ghid-mori.txt": GUIDE, "apel-vitralii.md": NO_DEADLINE, "anunt-carciumi.md": NOTICE,
             "fisa-hambare.md": SHEET_ROWS}
    return build_assistant(index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), texts))


@pytest.mark.parametrize("question", ["Cine poate aplica la apelul Mori de Apă?",
                                      "Cine poate depune la apelul Mori de Apă 2034?"])
def test_who_may_apply_is_the_applicants_list_not_the_caen_section(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert "unitățile administrativ-teritoriale" in answer.text
    assert "fundațiile care administrează monumente tehnice" in answer.text
    assert "CAEN" not in answer.text and "sistemul electronic" not in answer.text, answer.text
    assert answer.citations[0].document == "ghid-mori.txt"
    assert "Solicitanți eligibili" in (answer.citations[0].section or "")


def test_a_guide_names_its_call_on_the_line_under_its_title(assistant: Assistant) -> None:
    answer = assistant.ask("Care este termenul limită de depunere la apelul Mori de Apă?")
    assert "9 octombrie 2034" in answer.text


@pytest.mark.parametrize("question", ["Care este termenul limită de depunere la apelul Vitralii Restaurate?",
                                      "Până când se depun cererile la apelul Vitralii Restaurate 2035?"])
def test_a_period_counted_from_an_event_is_no_submission_deadline(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.abstained, answer.text
    assert "42 de luni" not in answer.text and "25 de zile" not in answer.text


def test_a_deadline_quotes_the_calendar_day_not_the_period_beside_it(assistant: Assistant) -> None:
    answer = assistant.ask("Care este termenul limită de depunere pentru cârciumi istorice?")
    assert "11 iulie 2039" in answer.text.split("[1]")[0], answer.text
    assert "27 de luni" not in answer.text and "35 de zile" not in answer.text
    reports = assistant.ask("Care este termenul limită pentru raportări la granturile pentru cârciumi istorice?")
    assert "35 de zile după semnarea contractului" in reports.text


def test_a_period_counted_from_an_event_still_answers_the_term_of_its_own_act(assistant: Assistant) -> None:
    answer = assistant.ask("În ce termen se depune cererea de rambursare la apelul Vitralii Restaurate?")
    assert "25 de zile după semnarea contractului" in answer.text


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the allocation for the more developed region?", "515.000 lei"),
    ("What is the budget for the less developed regions?", "1.285.000 lei"),
    ("Care este alocarea pentru regiunea mai dezvoltată?", "515.000 lei"),
])
def test_a_regional_part_of_the_allocation_is_not_the_calls_total(assistant: Assistant, question: str,
                                                                   expected: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert expected in answer.text, answer.text
    assert answer.citations[0].document == "apel-vitralii.md"


def test_the_calls_total_is_still_its_budget(assistant: Assistant) -> None:
    assert "1.800.000 lei" in assistant.ask("Care este bugetul total al apelului Vitralii Restaurate?").text


@pytest.mark.parametrize("question", ["Cât trebuie să acopere solicitantul la apelul Vitralii Restaurate?",
                                      "Cât trebuie să asigure solicitantul la apelul Vitralii Restaurate 2035?",
                                      "What is the own contribution of the applicant in the Vitralii Restaurate call?"])
def test_what_the_applicant_covers_is_its_co_financing_rate(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert "17%" in answer.text and "cofinanțarea proprie" in answer.text, answer.text
    assert "83%" not in answer.text.split("[1]")[0]
    assert "Vitralii" not in answer.text.split("[1]")[0].split(":", 1)[1]  # not the applicants nor the title
    assert answer.citations[0].document == "apel-vitralii.md"


def test_a_funding_rate_beside_the_own_share_says_which_rate_it_is(assistant: Assistant) -> None:
    rate = assistant.ask("Care este rata de finanțare la apelul Vitralii Restaurate?").text
    assert "83% (finanțarea nerambursabilă)" in rate, rate
    both = assistant.ask("Care este rata de cofinanțare la apelul Vitralii Restaurate?").text
    assert "83% (finanțarea nerambursabilă; cofinanțarea proprie a solicitantului: minimum 17%)" in both, both


def test_the_share_an_applicant_covers_is_a_rate_asked_not_who_applies() -> None:
    from assistant.facts.shares import ASKS_OWN_SHARE
    from assistant.intent import detect_intent
    from assistant.text import fold

    share = detect_intent("Cât trebuie să contribuie beneficiarul?")
    assert share.insists("percent") and not share.wants("applicant")
    assert detect_intent("Cine poate aplica la apel?").insists("applicant")
    assert ASKS_OWN_SHARE.search(fold("Cât trebuie să asigure solicitantul?"))
    assert not ASKS_OWN_SHARE.search(fold("Cât e contribuția maximă a programului?"))  # the grant, not the share


def test_only_a_submission_deadline_needs_a_calendar_day() -> None:
    from assistant.values import narrowed

    assert narrowed("Care este data-limită de depunere?", "date") == "calendar_date"
    assert narrowed("What is the submission deadline?", "date") == "calendar_date"
    assert narrowed("Care este termenul limită pentru raportul final?", "date") == "date"


@pytest.mark.parametrize(("question", "expected"), [
    ("When must the reimbursement request be submitted in the Vitralii Restaurate call?", "25 de zile după semnarea"),
    ("How long must the workshop be maintained after the project ends in the Vitralii Restaurate call?",
     "42 de luni de la finalizarea"),
])
def test_english_call_vocabulary_reaches_the_romanian_sentence(assistant: Assistant, question: str,
                                                               expected: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert expected in answer.text.split("[1]")[0], answer.text


@pytest.mark.parametrize(("question", "expected"), [
    ("Care este rata de finanțare la apelul Hambare Restaurate?", "76% (finanțarea nerambursabilă)"),
    ("Care este rata de cofinanțare la apelul Hambare Restaurate?",
     "76% (finanțarea nerambursabilă; cofinanțarea proprie a solicitantului: 24%)"),
    ("Care este contribuția proprie la apelul Hambare Restaurate?", "24% (cofinanțarea proprie a solicitantului)"),
])
def test_label_rows_of_both_rates_say_which_rate_is_which(assistant: Assistant, question: str, expected: str) -> None:
    answer = assistant.ask(question)
    assert expected in answer.text, answer.text
    assert answer.citations[0].document == "fisa-hambare.md" and "Contribuția proprie: 24%" in answer.citations[0].text

