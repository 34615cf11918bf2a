"""A question asking the date of something other than submitting (a launch, the last day for
questions) is not answered with the call's submission deadline. The call is invented here."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.service import Assistant

CALL = ("APELUL GRĂDINI URBANE VERTICALE 2033\n\n"
        "Apelul de proiecte „Grădini Urbane Verticale” finanțează acoperișuri verzi ale clădirilor publice.\n\n"
        "BUGETUL APELULUI\n\nBugetul total alocat apelului este de 2.430.000 euro.\n\n"
        "CALENDARUL APELULUI\n\nData limită de depunere a cererilor de finanțare este 14 octombrie 2033, "
        "ora 15:00.\n\n"
        "CONTEXT\n\nPlatforma regională pentru acoperișuri verzi a fost lansată în 2027 de consiliul județean.\n\n"
        "ÎNTREBĂRI\n\nÎntrebările privind apelul se trimit cu cel mult 6 zile înainte de termenul-limită, "
        "la adresa gradini@apel-inventat.ro.\n")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"),
                                       {"apel-gradini-verticale.txt": CALL}))


def test_the_deadline_question_still_gets_the_deadline(assistant: Assistant) -> None:
    answer = assistant.ask("Până când se pot depune cererile la apelul Grădini Urbane Verticale?")
    assert "14 octombrie 2033" in answer.text, answer.text


def test_the_launch_of_something_else_is_not_the_deadline(assistant: Assistant) -> None:
    answer = assistant.ask("Când a fost lansată platforma regională pentru acoperișuri verzi?")
    assert "2027" in answer.text and "14 octombrie 2033" not in answer.text, answer.text


def test_the_last_day_for_questions_is_not_the_deadline(assistant: Assistant) -> None:
    answer = assistant.ask("Până când pot trimite întrebări despre apelul Grădini Urbane Verticale?")
    assert "6 zile înainte" in answer.text, answer.text


def test_a_telephone_asked_when_only_an_e_mail_is_given_is_not_answered(assistant: Assistant) -> None:
    answer = assistant.ask("Care este numărul de telefon pentru apelul Grădini Urbane Verticale?")
    assert answer.abstained and "gradini@apel-inventat.ro" not in answer.text, answer.text


PILOTS = ("RAPORT DE ACTIVITATE\n\nRegiunile pilot\n\n"
          "Cele patru acțiuni pilot coordonate de agenția Nordica au fost implementate pe o perioadă de 7 luni.\n\n"
          "Implementarea rezultatelor acțiunilor pilot arată diferențe mari între regiunile participante.\n")


def test_how_long_the_actions_lasted_is_a_duration_not_the_list_of_actions(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    helper = build_assistant(index_texts(tmp_path / "docs", tmp_path / "index", {"raport-pilot.txt": PILOTS}))
    answer = helper.ask("cat au durat actiunile pilot?")
    assert "7 luni" in answer.text, answer.text
