"""bonus_features' "names the thing asked" shape: the word asked and a new name on one line."""

from __future__ import annotations

from assistant.features import bonus_features, names_the_thing
from assistant.query import Query


def test_a_line_with_the_word_and_a_name_counts() -> None:
    query = Query.parse("Ce platformă folosesc solicitanții?")
    text = "Informații generale despre apel.\nCererile se trimit prin platforma ORIZONTAL până la termen."
    assert bonus_features(query, text) == 1.0
    assert names_the_thing(query, text.split("\n")[1])


def test_the_word_and_a_name_on_different_lines_do_not() -> None:
    query = Query.parse("Ce platformă folosesc solicitanții?")
    text = "Cererile se trimit prin platforma electronică.\nDetalii la ORIZONTAL."
    assert bonus_features(query, text) == 0.0


def test_a_name_the_question_already_writes_is_no_answer() -> None:
    query = Query.parse("Ce platformă are proiectul ORIZONTAL?")
    text = "Proiectul ORIZONTAL folosește o platformă proprie."
    assert bonus_features(query, text) == 0.0
    assert bonus_features(Query.parse("Ce platformă are proiectul?"), text) == 1.0


def test_another_form_of_the_word_counts() -> None:
    query = Query.parse("Ce platforme folosesc solicitanții?")
    assert bonus_features(query, "Lista platformelor: „Portal Unic” și altele.") == 1.0
