"""Deadlines and CAEN lists as call documents write them: "Data-limită" with a hyphen, a
submission window said in a sentence ("se depun între ... și ..."), the eligible codes in one
sentence and an exclusion of other applicants in the next; asked as people type."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.facts import find_sheet, load_sheets
from assistant.service import Assistant
from assistant.settings import Settings

CALLS = {
    "apel-livada.txt": "Apelul Livada Nouă 2029\n\nAlocarea financiară a apelului este de 2.150.000 lei.\n"
                       "Pot depune cereri fermierii și cooperativele agricole din județele Vrancea și Buzău.\n"
                       "Cererile se depun între 4 februarie 2029, ora 10:00, și 27 martie 2029, ora 16:00.\n"
                       "Rata de finanțare este de 85%.\n",
    "apel-stupina.txt": "Apelul Stupina Mare 2029\n\nAlocarea financiară a apelului este de 940.000 lei.\n"
                        "Pot depune cereri apicultorii din județul Neamț, cu activitate în apicultură "
                        "(cod CAEN 0149). Nu sunt eligibile persoanele fizice autorizate.\n"
                        "Data-limită de depunere: 12 mai 2029.\nRata de finanțare este de 75%.\n",
}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return index_texts(tmp_path_factory.mktemp("calls"), tmp_path_factory.mktemp("index"), CALLS)


@pytest.fixture(scope="module")
def assistant(settings: Settings) -> Assistant:
    return build_assistant(settings)


def test_hyphenated_deadline_label_and_eligible_codes_beside_an_exclusion(settings: Settings) -> None:
    from assistant.build import open_store

    sheet = find_sheet(load_sheets(open_store(settings)), "Stupina Mare")
    assert sheet is not None
    assert sheet.first("deadline").normalized["date"] == "2029-05-12"
    codes = sheet.first("caen_codes")
    assert codes.normalized["codes"] == ["0149"] and codes.normalized["eligible"]


def test_a_submission_window_said_in_a_sentence_ends_on_its_last_day(settings: Settings) -> None:
    from assistant.build import open_store

    sheet = find_sheet(load_sheets(open_store(settings)), "Livada Nouă")
    assert sheet is not None
    period = sheet.first("submission_period").normalized
    assert period["start"] == "2029-02-04" and period["end"] == "2029-03-27"


@pytest.mark.parametrize("question", ["care e termenul limita la Stupina Mare?",
                                      "care e termenul limita la Stupina Mare? multumesc"])
def test_deadline_questions_as_typed_are_answered(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained and "12 mai 2029" in answer.text, answer.text
