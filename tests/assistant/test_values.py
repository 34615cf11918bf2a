"""Values of a recognisable shape: rates written in words, years of any century."""

from __future__ import annotations

import pytest

from assistant.values import has_value


@pytest.mark.parametrize("text", ["Dobânda a urcat la 12 la sută.", "între 3 până la 4 procente din venit",
                                  "o rată de 15%", "cu 1 procent mai mult",
                                  "între patru și cinci procente", "cam douăzeci la sută"])
def test_a_rate_is_written_with_the_sign_or_in_words(text: str) -> None:
    assert has_value(text, "percent")


def test_a_word_about_rates_without_a_figure_is_no_rate() -> None:
    assert not has_value("Procentul nu este cunoscut.", "percent")
    assert not has_value("Au crescut cu multe procente.", "percent")


@pytest.mark.parametrize("text", ["În 1241, orașul a fost asediat.", "Castelul datează din 1066.",
                                  "Podul a fost deschis în 1932."])
def test_years_of_any_century_since_1000(text: str) -> None:
    assert has_value(text, "year")


@pytest.mark.parametrize("text", ["Muntele are 1350 de metri.", "Prețul este 1200 lei.", "Sunt 3 săli."])
def test_measures_and_amounts_are_no_years(text: str) -> None:
    assert not has_value(text, "year")


def test_a_condition_answers_when_something_happens_but_not_a_deadline() -> None:
    from assistant.values import answers_when

    said = "Ceața apare atunci când aerul umed se răcește peste lac."
    assert answers_when("Când apare ceața?", said)
    assert answers_when("Cand apare ceata?", "Ceața se formează ori de câte ori lacul e mai cald decât aerul.")
    assert not answers_when("Când apare ceața?", "Ceața a apărut și ieri peste lac.")
    assert not answers_when("Când este termenul de înscriere?", "Înscrierea se face atunci când sala e liberă.")
    assert not answers_when("În ce an apare ceața?", said)


@pytest.mark.parametrize("text", ["Întrebările se trimit cu cel mult 4 zile înainte de termen.",
                                  "Contractul se semnează în 25 de zile de la aprobare.",
                                  "Questions close 9 days before the deadline."])
def test_a_time_limit_relative_to_another_day_is_a_date(text: str) -> None:
    assert has_value(text, "date")


def test_a_length_of_time_alone_is_no_date() -> None:
    assert not has_value("Proiectul durează 19 luni.", "date")


def test_a_telephone_asked_is_answered_by_a_phone_number_only() -> None:
    from assistant.values import narrowed
    kind = narrowed("Care este numărul de telefon al agenției?", "contact")
    assert kind == "phone"
    assert not has_value("Scrieți la info@agentie-inventata.eu.", kind)
    assert has_value("Sunați la 0264 555 123.", kind)
    assert narrowed("Care este adresa de e-mail?", "contact") == "contact"


@pytest.mark.parametrize("text", ["Asociația are 57 de membri.", "Au participat două sute de firme.",
                                  "Au fost finanțate unsprezece proiecte.", "Două treimi din populație au murit."])
def test_a_count_in_digits_or_in_words(text: str) -> None:
    assert has_value(text, "count")


def test_a_list_of_names_is_no_count() -> None:
    assert not has_value("Membrii: Brutăria Spicul (Iași), Moara Veche (Vaslui) și Fanfara Veselă.", "count")


@pytest.mark.parametrize("text", ["Mobil:0040-744123987", "tel. 0232 411 905", "+40 745 300 118"])
def test_phones_with_or_without_the_country_code(text: str) -> None:
    assert has_value(text, "phone")


def test_the_days_an_event_lasts_are_no_deadline() -> None:
    assert not has_value("Târgul de la Brno are loc în 14-17 mai 2031, pentru 9 firme.", "calendar_date")
    assert has_value("Înscrierile la târg se fac până la 2 aprilie 2031.", "calendar_date")
    assert has_value("Cererile se depun între 3 martie 2031 și 30 aprilie 2031.", "calendar_date")
    assert has_value("Târgul are loc în 14-17 mai 2031.", "date")  # still the answer to "când are loc"


def test_a_count_stands_beside_the_noun_it_counts() -> None:
    from assistant.values import counts

    assert counts("În 2030 au fost finanțate 14 proiecte de irigații.", "proiecte")
    assert counts("Cooperativa are 61 de membri.", "membri")
    assert counts("Niciuna dintre fermele vizitate nu avea panouri.", "ferme")
    assert counts("Proiecte finanțate: 14", "proiecte")
    # a number of something else in the same sentence
    assert not counts("Punctajul minim este de 35 de puncte pentru proiectele depuse.", "proiecte")
    assert not counts("Asociația a fost înființată în 2012 și reunește ferme din Vrancea.", "ferme")


@pytest.mark.parametrize(("text", "kind"), [("Fiecare firmă poate depune o singură cerere.", "count"),
                                            ("Se finanțează un singur proiect pe solicitant.", "count")])
def test_small_numbers_written_in_words_are_values(text: str, kind: str) -> None:
    assert has_value(text, kind)


def test_the_article_alone_is_no_count() -> None:
    assert not has_value("Firma depune o cerere și un plan de afaceri.", "count")


def test_one_in_words_counts_the_noun_beside_it() -> None:
    from assistant.values import counts
    assert counts("Un solicitant poate depune o singură cerere de finanțare.", "cereri")
    assert not counts("Un solicitant poate depune o cerere de finanțare.", "cereri")
