"""A value of another subject than the one a question names is not its answer: a call of another
development region than the question names, a role held in another body than the one it names."""

from __future__ import annotations

from pathlib import Path

from docs_factory import assistant_over

from assistant.query import Query

CALL = ("GHIDUL SOLICITANTULUI\n\nProgramul Regional Sud-Vest Oltenia 2021-2027\n\n"
        "Apelul „Ateliere Meșteșugărești Deschise” – cod AMD/2034/3\n\n"
        "INFORMAȚII GENERALE\n\nBugetul total al apelului este de 3.720.000 euro. Apelul se adresează "
        "exclusiv regiunii Sud-Vest Oltenia.\n\n"
        "SOLICITANȚI\n\nPot solicita finanțare microîntreprinderile cu sediul în regiune.\n\n"
        "CALENDAR\n\nCererile se depun până la 16 octombrie 2034, ora 15:00.\n")

ASSOCIATIONS = ("Raport anual al federației meșteșugarilor\n\n"
                "Asociația Olarilor din Horezu reunește 38 de ateliere. Președintele Asociației Olarilor "
                "este Marin Dobrescu, ales în 2033.\n\n"
                "Asociația Țesătoarelor din Maramureș a organizat trei târguri și a deschis un muzeu al "
                "covorului în Sighetu Marmației.\n")


def test_a_call_of_another_region_than_the_question_names_is_not_its_call(tmp_path: Path) -> None:
    ours = assistant_over(tmp_path, {"apel-ateliere.txt": CALL})
    other = ours.ask("cat e bugetul apelului Ateliere Meșteșugărești Deschise din regiunea Nord-Vest?")
    assert other.abstained and "Nord-Vest" in other.text and "3.720.000" not in other.text, other.text
    own = ours.ask("cat e bugetul apelului Ateliere Meșteșugărești Deschise din regiunea Sud-Vest Oltenia?")
    assert "3.720.000" in own.text, own.text


def test_the_holder_of_a_role_in_another_body_is_not_the_one_asked(tmp_path: Path) -> None:
    ours = assistant_over(tmp_path, {"raport.txt": ASSOCIATIONS})
    assert "Dobrescu" in ours.ask("Cine este președintele Asociației Olarilor?").text
    other = ours.ask("Cine este președintele Asociației Țesătoarelor?")
    assert "Dobrescu" not in other.text, other.text


BULLETIN = ("Buletinul informativ al Rețelei Apicultorilor Dobrogeni\n\n"
            "Vă prezentăm al doilea buletin informativ al rețelei. Târgul mierii are loc la Babadag "
            "pe 12 mai 2035, cu 44 de expozanți.\n")


def test_an_edition_the_documents_are_not_is_refused(tmp_path: Path) -> None:
    from assistant.answer.editions import unwritten_edition

    ours = assistant_over(tmp_path, {"buletin-2.txt": BULLETIN})
    other = ours.ask("ce evenimente anunta al cincilea buletin informativ al retelei apicultorilor?")
    assert other.abstained and "Babadag" not in other.text and "nr. 5" in other.text, other.text
    assert "Babadag" in ours.ask("unde are loc targul mierii anuntat in al doilea buletin informativ?").text
    assert unwritten_edition("unde are loc targul mierii?", ours.store) is None  # no edition named


def test_a_calls_clarifications_naming_its_code_are_that_calls_documents(tmp_path: Path) -> None:
    clarifications = ("Clarificări nr. 1 – apelul AMD/2034/3\n\n"
                      "Întrebare: Se acordă avans? Răspuns: Da, beneficiarii pot primi un avans de maximum 18% "
                      "din valoarea finanțării.\n")
    call = CALL.replace("– cod AMD/2034/3", "\n\nCod apel: AMD/2034/3")
    ours = assistant_over(tmp_path, {"apel-ateliere.txt": call, "clarificari-1.txt": clarifications})
    query = Query.parse("se da avans la apelul Ateliere Meșteșugărești Deschise?")
    named = ours.book.named(query)
    assert named == {"apel-ateliere.txt"}
    assert ours.book.with_papers(named) == {"apel-ateliere.txt", "clarificari-1.txt"}
    # the guide never writes "avans", its clarifications do: not "nu precizează"
    assert ours.retriever.unwritten_in(query, named)
    assert not ours.retriever.unwritten_in(query, ours.book.with_papers(named))
    assert not ours.ask(query.text).text.startswith("Documentele apelului")
