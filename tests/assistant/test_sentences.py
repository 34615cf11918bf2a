"""Sentence splitting: abbreviations, amounts and list items do not cut sentences wrongly."""

from __future__ import annotations

import re

import pytest

from assistant.sentences import split_sentences


def test_two_sentences_are_split() -> None:
    text = "Bugetul apelului este de 2 milioane euro. Proiectele se depun online."
    assert split_sentences(text) == ["Bugetul apelului este de 2 milioane euro.", "Proiectele se depun online."]


@pytest.mark.parametrize("text", [
    "Conform art. 5 alin. 2 din ghid, cererile se depun online.",
    "Valoarea maximă este de 4 mil. euro pentru fiecare proiect.",
    "Contactați pe dr. Ionescu pentru detalii.",
    "Suma de 2.650.000 euro se alocă regiunii.",
    "Rata de cofinanțare este de 12,5% din total.",
])
def test_abbreviations_and_numbers_do_not_end_a_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


def test_list_items_on_their_own_lines_are_separate() -> None:
    text = "Activități eligibile:\n- audituri energetice\n- instruirea personalului"
    assert split_sentences(text) == ["Activități eligibile:", "- audituri energetice", "- instruirea personalului"]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert len(split_sentences("Cine poate aplica? Firmele mici! Și universitățile.")) == 3


def test_no_text_is_lost() -> None:
    text = ("Apelul se lansează la 1 mai. Nr. de proiecte: 12. Termen: 30.06.2025; detalii la tel. 0264 555 123.\n"
            "- punct unu\n- punct doi. Final")
    words = re.findall(r"\w+", text)
    assert re.findall(r"\w+", " ".join(split_sentences(text))) == words


def test_empty_text_gives_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n  ") == []


def test_semicolons_of_prose_keep_one_sentence() -> None:
    text = "Orașul are echipe în liga A (Vulturii, Lupii); liga B (Urșii); și liga C (Șoimii). Apoi altceva."
    assert split_sentences(text) == [text[: text.index(" Apoi")], "Apoi altceva."]


@pytest.mark.parametrize("text", [
    "Pot aplica: firmele mici; Universitățile; Asociațiile.",
    "- firmele mici; Universitățile; Asociațiile.",
])
def test_semicolons_of_a_list_line_end_its_items(text: str) -> None:
    assert split_sentences(text)[-2:] == ["Universitățile;", "Asociațiile."]


def test_a_line_ending_in_a_semicolon_ends_its_unit() -> None:
    assert split_sentences("Primul rând al listei;\nAl doilea rând.") == ["Primul rând al listei;", "Al doilea rând."]
