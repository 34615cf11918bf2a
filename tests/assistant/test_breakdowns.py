"""A call's sum or period written in parts, each after its own label (a total and its funds, a
region's share, a start and an end day): a question naming a part asks that part, not the total
the fact sheet keeps; a county the call's table does not write has no value there; a size label
wrapped around its row's figures keeps its row; a minimum asked is not a maximum; "ce se întâmplă
dacă" asks a consequence; "cât este contribuția X" a sum or a share. Every document and value here
is invented."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.facts.regions import other_counties
from assistant.facts.siblings import asks_sibling, labelled_values
from assistant.facts.values import Fact
from assistant.intent import detect_intent
from assistant.query import Query
from assistant.service import Assistant

DOCS = {
    "apel-ateliere.txt": (
        "CONDIȚII DE ELIGIBILITATE – Măsura 6.4 Ateliere Digitale\n"
        "1. Tipul apelului\n"
        "Apelul este competitiv. Cererile se depun prin platforma electronică a programului.\n"
        "2. Bugetul apelului\n"
        "Alocarea totală a apelului este de 23.457.100 euro, din care sprijin FSE 19.102.300 euro "
        "și 4.354.800 euro de la bugetul de stat.\n"
        "Pe regiuni:\n"
        "LDR – regiuni mai puțin dezvoltate: 17.800.900 euro;\n"
        "MDR – regiunea mai dezvoltată: 5.656.200 euro.\n"
        "3. Reguli\n"
        "Dacă același solicitant depune mai multe cereri, se evaluează doar cererea depusă ultima, "
        "iar celelalte se resping.\n"
        "4. Solicitanți eligibili\n"
        "Sunt eligibile atelierele meșteșugărești și cooperativele de artizani.\n"
    ),
    "program-olari.md": (
        "# Olari Noi 2033\n\n"
        "Buget total: 6.410.000 lei\n"
        "Data de început: 14.03.2033\n"
        "Data de sfârșit: 27.06.2033\n\n"
        "## Cheltuieli eligibile\n\n"
        "* Cuptoare electrice și roți de olărit pentru atelier\n"
        "* Consultanță pentru cererea de finanțare, în valoare eligibilă de maximum 3.400 lei\n"
    ),
    "ghid-dulgheri.txt": (
        "GHIDUL SOLICITANTULUI – Ateliere de dulgherie – Apel 3\n\n"
        "3.2. Bugetul apelului\n"
        "Apelul are o alocare financiară de 2.700.000 euro.\n"
        "3.5. Rata de cofinanțare\n"
        "Sprijinul acordat se stabilește după județ și după mărimea întreprinderii:\n"
        "a) Ajutorul de stat regional\n"
        "Contribuția maximă a programului la cheltuielile eligibile finanțabile prin ajutor regional\n"
        "Tip\n"
        "Intensitatea maximă a ajutorului de stat (%)\n"
        "Gorj Dolj\n"
        "Întreprindere\n"
        "Micro / Mică 68\n"
        "58\n"
        "Mijlocie\n"
        "48\n"
        "38\n"
        "Întreprinderi 28\n"
        "18\n"
        "mari\n"
        "Valoarea maximă eligibilă a finanțării nerambursabile solicitate: 410.000 euro.\n\n"
        "8.2. Etapa de contractare\n"
        "Înainte de semnarea contractului, un expert al autorității verifică spațiul atelierului, "
        "utilajele declarate și documentele de proprietate ale solicitantului.\n"
        "La etapa de contractare, vizita la fața locului se face pentru un eșantion de cel puțin 15% "
        "din proiecte.\n"
    ),
}


def test_each_value_of_a_line_has_the_words_before_it_as_label() -> None:
    got = labelled_values("Total: 1.200.000 euro, din care FSE 900.000 euro\nLDR: 300.000 euro", "amount")
    assert [v for v, _ in got] == ["1.200.000 euro", "900.000 euro", "300.000 euro"]
    assert "fse" in got[1][1] and "fse" not in got[0][1] and "ldr" in got[2][1]


def test_a_word_of_another_parts_label_asks_that_part() -> None:
    passage = "Alocarea apelului este de 1.200.000 euro, din care sprijin FSE 900.000 euro."
    fact = Fact(field="allocation", value="1.200.000 euro", text=passage, passage=passage)
    assert asks_sibling(Query.parse("Cât este sprijinul FSE la apelul de ateliere?").core_tokens, fact)
    assert not asks_sibling(Query.parse("Care este alocarea apelului de ateliere?").core_tokens, fact)


def test_a_bounded_pair_is_left_to_the_bound_asked() -> None:
    passage = "Valoarea minimă: 20.000 euro. Valoarea maximă: 80.000 euro."
    fact = Fact(field="project_value", value="20.000 euro", normalized={"bound": "min"}, text=passage,
                passage=passage)
    assert not asks_sibling(Query.parse("Care este valoarea minimă și maximă a proiectului?").core_tokens, fact)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), DOCS))


def test_a_fund_named_gets_its_part_not_the_total(assistant: Assistant) -> None:
    answer = assistant.ask("Cât este sprijinul FSE la Măsura 6.4 Ateliere Digitale?")
    assert "19.102.300" in answer.text  # quoted with its label, not the total alone


def test_a_region_named_gets_its_share(assistant: Assistant) -> None:
    answer = assistant.ask("Cât este alocat regiunilor mai puțin dezvoltate la Măsura 6.4 Ateliere Digitale?")
    assert "17.800.900" in answer.text


def test_the_total_is_still_the_budget(assistant: Assistant) -> None:
    answer = assistant.ask("Care este alocarea totală a apelului Măsura 6.4 Ateliere Digitale?")
    assert "23.457.100" in answer.text


def test_a_start_asked_is_not_the_closing_day(assistant: Assistant) -> None:
    answer = assistant.ask("Când începe depunerea la Olari Noi 2033?")
    assert "14.03.2033" in answer.text
    assert "27.06.2033" in assistant.ask("Până când se pot depune cereri la Olari Noi 2033?").text


def test_what_happens_if_asks_the_consequence(assistant: Assistant) -> None:
    assert not detect_intent("Ce se întâmplă dacă același solicitant depune mai multe cereri?").typed
    assert not detect_intent("Ce se întâmplă dacă același solicitant depune mai multe cereri?").wants("applicant")
    answer = assistant.ask("Ce se întâmplă dacă același solicitant depune mai multe cereri la Măsura 6.4?")
    assert "ultima" in answer.text


def test_how_much_a_contribution_is_may_be_a_sum() -> None:
    intent = detect_intent("Cât este contribuția FSE la apel?")
    assert intent.insists("amount") and intent.wants("percent")
    assert not detect_intent("Care este contribuția maximă a programului?").wants("amount")


def test_other_counties_are_told_from_the_one_asked() -> None:
    assert other_counties("Cât primește o firmă din Tulcea?", "Gorj Dolj Micro / Mică 68")
    assert not other_counties("Cât primește o firmă din Dolj?", "Gorj Dolj Micro / Mică 68")
    assert not other_counties("Cât primește o firmă mică?", "Gorj Dolj Micro / Mică 68")


def test_a_county_the_table_writes_gets_its_rate(assistant: Assistant) -> None:
    answer = assistant.ask("Care este intensitatea maximă pentru o întreprindere mijlocie din Dolj "
                           "la Ateliere de dulgherie – Apel 3?")
    assert "38%" in answer.text


def test_a_county_the_table_does_not_write_is_not_answered(assistant: Assistant) -> None:
    answer = assistant.ask("Care este intensitatea maximă pentru o întreprindere mijlocie din Tulcea "
                           "la Ateliere de dulgherie – Apel 3?")
    assert answer.abstained and "38" not in answer.text and "48" not in answer.text


def test_a_share_of_something_else_is_not_the_funding_rate(assistant: Assistant) -> None:
    answer = assistant.ask("Pentru ce procent din proiecte se face vizita la fața locului la "
                           "Ateliere de dulgherie – Apel 3?")
    assert "15%" in answer.text and "68%" not in answer.text


def test_a_size_label_wrapped_around_its_figures_keeps_its_row(assistant: Assistant) -> None:
    answer = assistant.ask("Care este intensitatea maximă pentru o întreprindere mare din Dolj "
                           "la Ateliere de dulgherie – Apel 3?")
    assert "18%" in answer.text


def test_a_minimum_asked_is_not_answered_by_a_maximum(assistant: Assistant) -> None:
    assert "3.400" in assistant.ask("Cât se decontează maxim pentru consultanță la Olari Noi 2033?").text
    answer = assistant.ask("Care este valoarea minimă decontată pentru consultanță la Olari Noi 2033?")
    assert "3.400" not in answer.text
