"""Questions about one value of a call, answered from its fact sheet with the condition."""

from __future__ import annotations

import pytest

from assistant.service import Assistant


@pytest.mark.parametrize(("question", "value"), [
    ("cat e contributia maxima pt ajutor de minimis la apelul Inovare Digitala", "85%"),
    ("Care este bugetul total al apelului Inovare Digitală?", "2.650.000 euro"),
    ("Până când se pot depune cererile la apelul Inovare Digitală?", "14 noiembrie 2025"),
])
def test_value_comes_from_the_call_sheet_with_its_source(indexed: Assistant, question: str, value: str) -> None:
    answer = indexed.ask(question)
    assert answer.backend == "structured"
    assert answer.text.startswith(f"Potrivit „APELUL INOVARE DIGITALĂ ÎN IMM-URI 2025”: {value}")  # the call named
    assert "[1]" in answer.text
    assert answer.citations[0].document == "apel-inovare-digitala.txt"
    assert answer.retrieved, "the passages behind the answer are listed too"


def test_a_condition_the_question_names_picks_its_value(indexed: Assistant) -> None:
    answer = indexed.ask("cat e contributia maxima pt ajutor de minimis la apelul Inovare Digitala")
    assert "70%" not in answer.text and "minimis" in answer.text


@pytest.mark.parametrize("question", [
    "Ce buget are județul Bihor în apelul Inovare Digitală?",  # a value for a county, not the call's
    "Până când se pot depune proiectele la apelul Economie Circulară?",  # that call states no date
    "Care este cota de TVA în România?",  # nothing about it
])
def test_questions_the_sheet_cannot_answer_go_elsewhere(indexed: Assistant, question: str) -> None:
    assert indexed.ask(question).backend != "structured"
