"""A call that states only its submission period answers a deadline question by the period's last
day, beside calls that state a deadline; the applicant's own share answered as the rest. Invented values."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.service import Assistant

CALLS = {
    "apel-ceramica.md": "# Apelul Ceramică Tradițională 2030\n\nBugetul total alocat apelului este de 610.000 lei.\n\n"
                        "## Cofinanțare\n\nBeneficiarul asigură o cofinanțare de minimum 38% din valoarea eligibilă."
                        "\n\n"
                        "## Solicitanți\n\nPot aplica atelierele meșteșugărești înregistrate.\n\n"
                        "## Calendar\n\nPerioada de depunere: 6 martie – 24 aprilie 2030\n",
    "apel-fierarie.txt": "Apelul Fierărie Artizanală 2030\n\nBugetul total alocat apelului este de 455.000 lei.\n"
                         "Solicitanți eligibili: fierarii autorizați din mediul rural.\n"
                         "Data limită de depunere: 19 iunie 2030.\nRata de finanțare este de 80%.\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(index_texts(tmp_path_factory.mktemp("calls"), tmp_path_factory.mktemp("index"), CALLS))


def test_unnamed_deadline_question_names_the_call_that_states_only_a_period(assistant: Assistant) -> None:
    answer = assistant.ask("Care este termenul limită de depunere?")
    assert "19 iunie 2030" in answer.text
    assert "24 aprilie 2030" in answer.text


def test_share_the_beneficiary_provides_is_answered_as_the_rest(assistant: Assistant) -> None:
    answer = assistant.ask("Care este rata de finanțare la apelul Ceramică Tradițională?")
    assert "62%" in answer.text
    assert "38%" not in answer.text.split("[1]")[0]


def test_a_call_no_document_holds_is_said_so_not_answered_by_a_call_sharing_a_word(assistant: Assistant) -> None:
    answer = assistant.ask("Care este bugetul apelului Ceramică pentru Grădinițe?")
    assert answer.abstained
    assert "610.000" not in answer.text and "Ceramică pentru Grădinițe" in answer.text
    assert "610.000 lei" in assistant.ask("Care este bugetul apelului Ceramică Tradițională 2030?").text


def test_a_deadline_asked_of_the_call_a_mail_names_quotes_its_period(assistant: Assistant) -> None:
    subject = [{"role": "user", "content": "Întrebări despre Apelul Ceramică Tradițională 2030"}]
    answer = assistant.ask("Care este termenul limită de depunere?", history=subject)
    assert "24 aprilie 2030" in answer.text
    assert "19 iunie 2030" not in answer.text


def test_two_values_asked_of_no_call_are_answered_per_call(assistant: Assistant) -> None:
    answer = assistant.ask("Care e bugetul?? si termenul??")
    assert not answer.abstained
    lines = answer.text.split("\n")
    ceramica = next(line for line in lines if "Ceramică" in line)
    fierarie = next(line for line in lines if "Fierărie" in line)
    assert "610.000 lei" in ceramica and "24 aprilie 2030" in ceramica
    assert "455.000 lei" in fierarie and "19 iunie 2030" in fierarie
