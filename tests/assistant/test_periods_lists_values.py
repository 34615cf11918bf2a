"""Kinds: a period written by its two days (how long, when it ends), a numbered list written inside
one sentence, a project's value asked against a call's minimum and maximum (invented values)."""

from __future__ import annotations

import pytest

from assistant.answer.evidence import enumerates
from assistant.answer.project_value import value_criterion
from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.intent import detect_intent
from assistant.query import Query
from assistant.questions import leaning_points, split_questions
from assistant.row_cells import row_cells_for
from assistant.sentences import split_sentences
from assistant.values import has_value


@pytest.mark.parametrize("text", ["Perioadă implementare: 02.02.2031 - 15.09.2033",
                                  "proiectul se derulează 1 martie 2032 – 30 noiembrie 2034"])
def test_a_period_from_day_to_day_states_a_duration(text: str) -> None:
    assert has_value(text, "duration")


def test_an_event_of_some_days_in_a_month_is_no_period_of_two_days() -> None:
    assert not has_value("târgul are loc în 12-14 mai 2031", "duration")


def test_until_when_it_lasts_asks_the_day_it_ends_too() -> None:
    intent = detect_intent("pana cand dureaza proiectul ALFA?")
    assert intent.wants("date") and intent.wants("duration")
    assert not detect_intent("cat dureaza proiectul ALFA?").wants("date")


def test_a_row_keeps_its_period_column_for_a_question_on_how_long() -> None:
    row = "Titlu: Rețea de ateliere | Perioadă implementare: 02.02.2031 - 15.09.2033 | Director proiect: Ana Pop"
    shown = row_cells_for(Query.parse("până când durează proiectul Rețea de ateliere?"), row)
    assert "15.09.2033" in shown


def test_an_inline_numbered_list_is_one_sentence() -> None:
    text = ("Cele trei forme de sprijin sunt: 1. granturile mici, 2. voucherele de inovare și "
            "3. Împrumuturile garantate. Apelul se deschide curând.")
    first, second = split_sentences(text)
    assert first.endswith("Împrumuturile garantate.") and second == "Apelul se deschide curând."


def test_a_number_ending_a_sentence_still_ends_it() -> None:
    text = "Au fost depuse 14. Apoi au urmat altele."
    assert split_sentences(text) == ["Au fost depuse 14.", "Apoi au urmat altele."]


@pytest.mark.parametrize(("text", "listed"), [
    ("Formele sunt: 1. granturile mici, 2. voucherele și 3. împrumuturile.", True),
    ("Sunt eligibile a) firmele mici; b) asociațiile", True),
    ("conform art. 4 lit. a) și b) din lege", False),
    ("Au fost 1. 000 de vizitatori", False),
])
def test_an_inline_list_is_read_as_a_list(text: str, listed: bool) -> None:
    assert enumerates(text) is listed


def _sheet() -> CallSheet:
    low = Fact("project_value", "40.000 euro", {"amount": 40000.0, "currency": "EUR", "bound": "min"},
               document="apel.txt", text="Min. 40.000 euro Max. 600.000 euro")
    high = Fact("project_value", "600.000 euro", {"amount": 600000.0, "currency": "EUR", "bound": "max"},
                document="apel.txt", text="Min. 40.000 euro Max. 600.000 euro")
    return CallSheet(document="apel.txt", title="Apel", fields={"project_value": [low, high]})


@pytest.mark.parametrize(("question", "status", "bound"), [
    ("avem un proiect de 25.000 euro, il putem depune?", "not_met", "40.000 euro"),
    ("putem depune un proiect de 900.000 euro?", "not_met", "600.000 euro"),
    ("putem depune un proiect de 70.000 euro?", "met", "40.000 euro"),
])
def test_a_project_value_is_checked_against_the_call_bounds(question: str, status: str, bound: str) -> None:
    crit = value_criterion(question, _sheet())
    assert crit is not None and crit["status"] == status
    assert "40.000 euro" in crit["explanation"] and "600.000 euro" in crit["explanation"]
    assert crit["citation"]["document"] == "apel.txt" and bound in crit["explanation"]


def test_no_sum_written_or_no_bound_in_its_currency_checks_nothing() -> None:
    assert value_criterion("putem depune un proiect?", _sheet()) is None
    assert value_criterion("putem depune un proiect de 70.000 lei?", _sheet()) is None


def test_a_question_word_after_its_preposition_opens_a_second_point() -> None:
    points = split_questions("Când începe proiectul BETA și la ce adresă trimitem întrebările?")
    assert points == ["Când începe proiectul BETA", "la ce adresă trimitem întrebările?"]


def test_a_point_naming_nothing_of_its_own_leans_on_the_point_before() -> None:
    points = ["În ce oraș are sediul asociația Delta Nord", "în ce domeniu activează?"]
    (_, first), (_, second) = leaning_points(points, "")
    assert first == "" and "Delta Nord" in second
    named = ["Care e bugetul apelului ALFA", "care e bugetul apelului OMEGA?"]
    assert leaning_points(named, "")[1][1] == ""
