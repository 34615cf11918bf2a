"""An answer showing two values of one kind says which is which in the document's own words
(invented calls and figures): a bound written before its value, what a value is for written
after it, and two values paired with two labels by "respectiv"."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.answer.call_values import shown, value_piece
from assistant.build import build_assistant
from assistant.facts.labels import labelled, respectively
from assistant.facts.values import Fact
from assistant.service import Assistant

DOCS = {
    "apel-poduri.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Poduri Pietonale Rurale” – cod PPR/2036/1\n\n"
        "VALOAREA PROIECTULUI\n\nMin. 45.000 lei Max. 710.000 lei\n\n"
        "CALENDAR\n\nCererile se depun până la 9 aprilie 2036.\n"),
    "apel-fantani.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Fântâni Publice Curate” – cod FPC/2036/2\n\n"
        "Valoarea totală eligibilă a unui proiect este cuprinsă între 12.500 euro (valoarea minimă) și "
        "96.000 euro (valoarea maximă).\n\nIntensitatea ajutorului public este de 60% în regiunea Nord-Est "
        "și de 40% în regiunea București-Ilfov.\n\nCererile se depun până la 30 mai 2036.\n"),
    "apel-lavoare.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Lavoare Sătești Restaurate” – cod LSR/2036/3\n\n"
        "RATA DE FINANȚARE\n\nPentru asociațiile obștești, respectiv comunele rurale, rata de finanțare este "
        "de 72%, respectiv 54% din cheltuielile eligibile.\n\nCererile se depun până la 2 iulie 2036.\n"),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), DOCS))


@pytest.mark.parametrize(("question", "shown"), [
    ("Care este valoarea unui proiect la apelul Poduri Pietonale Rurale?", ["Min. 45.000 lei", "Max. 710.000 lei"]),
    ("Care este valoarea unui proiect la apelul Fântâni Publice Curate?",
     ["12.500 euro (valoarea minimă) [1]", "96.000 euro (valoarea maximă) [2]"]),
    ("Care este intensitatea ajutorului la apelul Fântâni Publice Curate?",
     ["60% în regiunea Nord-Est [1]", "40% în regiunea București-Ilfov [2]"]),
])
def test_two_values_carry_their_labels_as_written(assistant: Assistant, question: str, shown: list[str]) -> None:
    answer = assistant.ask(question)
    assert all(piece in answer.text for piece in shown), answer.text


def test_a_sheet_answer_of_several_values_shows_each_with_its_label() -> None:
    text = "Pentru asociațiile obștești, respectiv comunele rurale, rata de finanțare este de 72%, respectiv 54%."
    rates = [Fact("funding_rate", v, condition="asociatii", text=text) for v in ("72%", "54%")]
    assert [value_piece(f, f.value, several=True) for f in rates] == [
        "72% pentru asociațiile obștești", "54% (comunele rurale)"]
    assert value_piece(rates[0], "72%", several=False) == "72% (asociatii)"  # one value: as before
    derived = Fact("funding_rate", "85%", text="Contribuția proprie este de 15% pentru comunele mici.",
                   extra={"own_share": 15.0})
    assert value_piece(derived, "85%", several=True) == "85%"  # not written: no label of its own


def test_respectiv_pairs_values_with_labels_in_either_order() -> None:
    values_first = "Contribuția proprie este de 15%, respectiv 30% pentru comunele mici, respectiv pentru orașe."
    assert respectively(values_first) == {"15%": "pentru comunele mici", "30%": "pentru orașe"}
    labels_first = "Pentru IMM-uri, respectiv întreprinderi mari, rata este de 70%, respectiv 50%."
    assert [labelled(v, labels_first) for v in ("70%", "50%")] == ["70% pentru IMM-uri", "50% (întreprinderi mari)"]
    assert respectively("Valoarea este de 10.000 lei, respectiv 20.000 lei.") == {}  # no labels written
    assert labelled("10.000 lei", "Valoarea este de 10.000 lei.") == "10.000 lei"


@pytest.mark.parametrize(("question", "bound", "other"), [
    ("Care e valoarea minimă a unui proiect la apelul Fântâni Publice Curate?", "12.500 euro", "96.000 euro"),
    ("Care e valoarea maximă a unui proiect la apelul Fântâni Publice Curate?", "96.000 euro", "12.500 euro"),
])
def test_a_bound_labelled_after_its_value_answers_that_bound(assistant: Assistant, question: str, bound: str,
                                                             other: str) -> None:
    answer = assistant.ask(question)
    assert bound in answer.text and other not in answer.text, answer.text


@pytest.mark.parametrize(("field", "value", "line", "expected"), [
    # a window is shown to the day that closes it, with its hours
    ("submission_period", "2033-03-07 – 2033-05-19 15:00",
     "Proiectele se depun online, prin platforma agenției gestionare a programului regional, în perioada "
     "7 martie 2033, ora 9:00 – 19 mai 2033, ora 15:00. Proiectele depuse după această dată se resping.",
     "7 martie 2033 – 19 mai 2033, ora 15:00"),
    # a deadline with its hour, written after the day
    ("deadline", "2033-11-04 11:30", "Nota. Termenul de depunere este 4 noiembrie 2033, ora 11:30. Alte detalii.",
     "4 noiembrie 2033, ora 11:30"),
    ("deadline", "2033-11-04 11:30", "Termen: 04.11.2033 (ora 11:30).", "04.11.2033 (ora 11:30)"),
    # no hour in the value: the day alone, whatever follows it
    ("deadline", "2033-11-04", "Termenul de depunere este 4 noiembrie 2033, ora 11:30.", "4 noiembrie 2033"),
])
def test_a_date_value_is_shown_as_written_to_its_closing_day_and_hour(field: str, value: str, line: str,
                                                                      expected: str) -> None:
    assert shown(Fact(field, value, text=line)) == expected
