"""Several questions in one message, and follow-ups that lean on the previous turn."""

from __future__ import annotations

import pytest

from assistant.questions import resolve_followup, split_questions


def test_two_questions_in_one_message_are_split() -> None:
    qs = split_questions("Care este bugetul apelului? Până când se depun cererile?")
    assert qs == ["Care este bugetul apelului?", "Până când se depun cererile?"]


def test_greeting_and_signature_are_dropped_from_an_email() -> None:
    mail = ("Bună ziua,\nAș dori să știu care este valoarea maximă a unui proiect.\n"
            "De asemenea, cine poate depune cereri?\nCu stimă,\nIon Popescu")
    qs = split_questions(mail)
    assert len(qs) == 2
    assert "valoarea maximă" in qs[0]
    assert "cine poate depune" in qs[1]
    assert not any("Popescu" in q or "Bună ziua" in q for q in qs)


def test_questions_joined_by_si_are_split() -> None:
    qs = split_questions("Care este bugetul și când se închide apelul?")
    assert len(qs) == 2
    assert qs[1].lower().startswith("când")


def test_a_single_statement_is_kept_as_it_is() -> None:
    assert split_questions("bugetul apelului") == ["bugetul apelului"]


def test_followup_gets_the_previous_question() -> None:
    history = [{"role": "user", "content": "Care este contribuția maximă pentru ajutor de stat?"},
               {"role": "assistant", "content": "70% [1]"}]
    resolved = resolve_followup("și pentru ajutor de minimis?", history)
    assert "contribuția maximă" in resolved and "minimis" in resolved


def test_followup_history_may_be_plain_questions() -> None:
    resolved = resolve_followup("dar pentru Bihor?", ["Ce buget are județul Cluj?"])
    assert "buget" in resolved and "Bihor" in resolved


def test_standalone_question_ignores_history() -> None:
    q = "Care este adresa de e-mail pentru întrebările despre apel?"
    assert resolve_followup(q, ["Care este bugetul apelului?"]) == q


def test_no_history_changes_nothing() -> None:
    assert resolve_followup("și pentru ajutor de minimis?", []) == "și pentru ajutor de minimis?"


@pytest.mark.parametrize(("message", "expected"), [
    ("care e plafonul la apelul Lunca Verde? multumesc", ["care e plafonul la apelul Lunca Verde?"]),
    ("termen apel Lunca Verde?? urgent", ["termen apel Lunca Verde??"]),
    ("Avem o intrebare despre granturi. care este bugetul la Lunca Verde?",
     ["care este bugetul la Lunca Verde?"]),
    ("Conform art. 7 din ghid, ce cheltuieli se decontează?",
     ["Conform art. 7 din ghid, ce cheltuieli se decontează?"]),
])
def test_typed_messages_keep_only_their_question(message: str, expected: list[str]) -> None:
    assert split_questions(message) == expected


def test_a_followup_asking_another_kind_of_value_comes_first_without_the_earlier_value_word() -> None:
    from assistant.intent import without_asked

    assert without_asked("Care e bugetul apelului Poduri Vechi?") == "Care e apelului Poduri Vechi?"
    resolved = resolve_followup("și e-mailul?", ["Care e bugetul apelului Poduri Vechi?"])
    assert resolved == "și e-mailul? Care e apelului Poduri Vechi?"
    same_kind = resolve_followup("și bugetul?", ["Care e bugetul apelului Poduri Vechi?"])
    assert same_kind == "Care e bugetul apelului Poduri Vechi? și bugetul?"


def test_a_message_of_thanks_and_greetings_alone_asks_nothing() -> None:
    from assistant.questions import courtesy_only

    assert courtesy_only("Bună ziua,\n\nVă mulțumim mult pentru lămuriri!\n\nO zi bună,")
    assert not courtesy_only("Bună ziua, vă mulțumesc. Până când se depun cererile?")
    assert not courtesy_only("Informații despre apelul Livezi Bătrâne")  # a request, however terse
    assert not courtesy_only("")


def test_a_lead_in_before_numbered_questions_follows_the_first_one() -> None:
    mail = ("Bună ziua, am două întrebări despre apelul Stupine Moderne: 1) până la ce oră se depun cererile? "
            "2) care este rata de cofinanțare? Mulțumesc, Ion")
    first, second = split_questions(mail)
    assert first.startswith("până la ce oră se depun cererile?") and "Stupine Moderne" in first
    assert second == "care este rata de cofinanțare?"


def test_when_and_where_stay_one_question_while_the_next_one_is_split() -> None:
    asked = split_questions("când și unde are loc târgul de miere din 2031 și ce preț are biletul?")
    assert asked == ["când și unde are loc târgul de miere din 2031", "ce preț are biletul?"]
