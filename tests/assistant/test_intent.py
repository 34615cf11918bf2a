"""What a question asks for: a rate, an amount, a date, a count, a contact or a duration."""

from __future__ import annotations

import pytest

from assistant.intent import concept_spans, detect_intent


@pytest.mark.parametrize(("question", "kind"), [
    ("Care este rata de cofinanțare?", "percent"),
    ("Ce procent din cheltuieli acoperă programul?", "percent"),
    ("Care este bugetul apelului?", "amount"),
    ("Ce valoare poate avea un proiect?", "amount"),
    ("Până când se pot depune cererile?", "date"),
    ("Cand este termenul limita?", "date"),
    ("Câte proiecte au fost finanțate?", "count"),
    ("Care este adresa de e-mail pentru întrebări?", "contact"),
    ("Cât durează implementarea unui proiect?", "duration"),
    ("What is the deadline?", "date"),
    ("How much is the budget?", "amount"),
])
def test_question_wording_gives_its_kind(question: str, kind: str) -> None:
    assert detect_intent(question).wants(kind)


def test_a_count_question_is_not_an_amount_or_a_rate() -> None:
    intent = detect_intent("Câte proiecte a cofinanțat programul?")
    assert intent.wants("count")
    assert not intent.wants("percent") and not intent.wants("amount")


def test_a_duration_question_is_not_a_date() -> None:
    intent = detect_intent("Cât durează proiectul?")
    assert intent.wants("duration") and not intent.wants("date")


def test_maximum_funding_may_be_a_rate_or_a_sum() -> None:
    intent = detect_intent("cat e finantarea maxima pt ajutor de minimis")
    assert intent.wants("percent") and intent.wants("amount")


def test_a_plain_question_wants_no_typed_value() -> None:
    assert detect_intent("Ce activități sunt sprijinite de apel?").typed == frozenset()


def test_same_intent_with_and_without_diacritics() -> None:
    assert detect_intent("Până când se depun cererile?") == detect_intent("Pana cand se depun cererile?")


def test_who_can_apply_maps_to_the_words_calls_use() -> None:
    assert any("beneficiari" in words for _, words in concept_spans("Cine poate aplica la acest apel?"))
    assert concept_spans("Ce culoare are logo-ul?") == []


@pytest.mark.parametrize("question", [
    "Ce se întâmplă atunci când rezervorul rămâne gol?",  # a condition, not a date
    "Care este termenul folosit pentru o mașină cu aburi?",  # a word for something
    "Ce termen se folosește pentru un vânt cald de munte?",
    "Care este un termen peiorativ folosit pentru vecinii lor?",
    "Ce lege stabilește termenul conform căruia se acordă licența de pescuit?",  # a rule, not a deadline
    "Cine a folosit pentru prima dată termenul de ghețar?",  # a word coined or used
    "Ce filozof a introdus termenul de contract social?",
])
def test_when_as_a_conjunction_and_term_as_a_word_ask_no_date(question: str) -> None:
    assert not detect_intent(question).wants("date")


@pytest.mark.parametrize("question", [
    "Care este termenul limită de depunere?",
    "Până când se primesc propunerile?",
    "Care este termenul de depunere folosit de agenție pentru cererile de finanțare?",
    "Când a fost construit podul?",
])
def test_deadlines_and_when_questions_still_ask_a_date(question: str) -> None:
    assert detect_intent(question).wants("date")


def test_who_did_something_asks_a_person_not_the_rate_its_words_suggest() -> None:
    intent = detect_intent("Cine a avut cele mai multe contribuții la albumul formației?")
    assert intent.wants("person") and not intent.wants("percent") and not intent.wants("amount")


def test_at_what_hour_asks_for_a_time_beside_the_day() -> None:
    assert detect_intent("la ce ora se inchide depunerea la apelul Poduri Verzi?").wants("date")
    assert detect_intent("At what time does the submission close?").wants("date")


def test_who_leads_a_project_asks_for_its_director() -> None:
    assert any("director" in words for _, words in concept_spans("cine conduce proiectul Delta Verde?"))


@pytest.mark.parametrize("question", ["Care este numărul de telefon al biroului?", "Care e numărul de înregistrare?"])
def test_the_number_of_an_identifier_is_no_count(question: str) -> None:
    assert not detect_intent(question).wants("count")


def test_an_expense_that_is_reimbursed_is_asked_as_an_eligible_one() -> None:
    spans = dict(concept_spans("se deconteaza chiria la programul de granturi?"))
    assert "eligibile" in spans.get("se deconteaza", ""), spans
    assert any("eligibil" in words for _, words in concept_spans("Sunt rambursabile costurile de transport?"))
    assert not any("eligibil" in words for _, words in concept_spans("Ce culoare are logo-ul?"))


def test_a_question_whether_a_thing_is_given_asks_about_that_thing() -> None:
    from assistant.intent import asked_head

    assert asked_head("se acorda prefinantare la schema de sere?") == "prefinantare"
    assert asked_head("Există garanții pentru împrumut?") == "garantii"
    assert asked_head("se poate depune online?") == ""
