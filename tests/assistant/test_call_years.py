"""A question naming a call and a year that is none of the call's asks another edition; a thing asked of a
named call that its documents never write is not stated by it."""

from __future__ import annotations

import pytest
from docs_factory import assistant_over

from assistant.answer.call_years import asked_years

GUIDE = {"ghid-scanteia-verde.txt": (
    "Ghidul solicitantului – Apelul „Scânteia Verde” (cod SV/2033/1)\n\n"
    "Programul Regional Nord 2028-2034 finanțează prin apelul Scânteia Verde proiecte de eficiență energetică.\n\n"
    "Apelul a fost lansat pe 2 octombrie 2033. Sesiunea anterioară a programului, din 2030, a finanțat 12 "
    "proiecte.\n\nBugetul apelului este de 7.400.000 lei. Rata de finanțare este de 65% din cheltuielile eligibile.\n\n"
    "Solicitanți eligibili: microîntreprinderile și întreprinderile mici înființate înainte de 1 ianuarie 2032.\n\n"
    "Cererile se depun până la 14 februarie 2034, ora 16:00.")}


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("years"), GUIDE)


def test_a_year_none_of_the_calls_is_another_edition(ours) -> None:  # type: ignore[no-untyped-def]
    answer = ours.ask("cat e bugetul apelului scanteia verde din 2030?")  # the programme's period holds 2030
    assert answer.abstained and "7.400.000" not in answer.text, answer.text
    assert "2030" in answer.text and "2033" in answer.text, answer.text


@pytest.mark.parametrize("question", ["cat e bugetul apelului scanteia verde din 2033?",
                                      "Care este bugetul apelului Scânteia Verde 2034?"])
def test_the_calls_own_years_are_answered(ours, question: str) -> None:  # type: ignore[no-untyped-def]
    assert "7.400.000" in ours.ask(question).text


def test_a_year_of_the_asker_or_of_a_day_is_no_edition() -> None:
    naming = frozenset({"scanteia", "verd"})
    assert asked_years("firma infiintata in 2030 poate aplica la scanteia verde?", naming) == set()
    assert asked_years("pot depune pe 3 mai 2030 la apelul scanteia verde?", naming) == set()
    assert asked_years("apelul scanteia verde din 2030", naming) == {2030}
    assert asked_years("bugetul pe perioada 2028-2034 la scanteia verde", naming) == set()


def test_a_thing_asked_as_given_that_the_named_call_never_writes_is_not_stated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    terms = ("\n\nBugetul apelului este de 900.000 lei.\n\nSolicitanți eligibili: fermele mici și mijlocii."
             "\n\nCererile se depun până la 9 iunie 2034.")
    docs = {"apel-roua.txt": "Apelul „Roua Nordului”\n\nApelul Roua Nordului finanțează sere moderne. Rata de "
                             "finanțare este de 55%. Se finanțează sisteme de irigare." + terms,
            "apel-brazda.txt": "Apelul „Brazda Nouă”\n\nApelul Brazda Nouă acordă un avans de 20% din finanțare. "
                               "Rata de finanțare este de 70%." + terms}
    ours = assistant_over(tmp_path, docs)
    answer = ours.ask("se da avans la apelul roua nordului? cat la suta")
    assert answer.abstained and "20%" not in answer.text, answer.text
    assert "20%" in ours.ask("se da avans la apelul brazda noua? cat la suta").text
