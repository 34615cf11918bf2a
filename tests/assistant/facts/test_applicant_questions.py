""""Who may apply" is answered with the applicants the call's sheet read under their label, in a
PDF, in a DOCX table and in a brochure that prints the value before its capitals label."""

from __future__ import annotations

import pytest

from assistant.service import Assistant


@pytest.mark.parametrize(("question", "document", "expected"), [
    ("Cine poate depune proiecte la apelul Ateliere verzi?", "brosura-delta.txt",
     "administrează parcul tehnologic"),
    ("cine poate aplica la apelul Ateliere digitale in zona montana", "apel-montan.pdf",
     "microîntreprinderi și întreprinderi mici"),
    ("Who are the eligible beneficiaries of the Vouchere verzi call?", "vouchere.docx",
     "organizații neguvernamentale"),
])
def test_who_may_apply_is_answered_from_the_applicants(assistant: Assistant, question: str, document: str,
                                                       expected: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert expected in answer.text, answer.text
    assert answer.citations[0].document == document
    assert expected in answer.citations[0].text
    assert answer.retrieved and answer.retrieved[0].chunk.document == document


def test_final_beneficiaries_are_not_the_applicants(assistant: Assistant) -> None:
    answer = assistant.ask("Cine poate depune proiecte la apelul Ateliere verzi?")
    assert "Scrieți-ne" not in answer.text  # the line after the label is not what the label names


MAIL = ("Bună ziua,\nSuntem o firmă mică din Covasna. Putem primi finanțare pentru licențe software în apelul "
        "Ateliere digitale în zona montană? Și până când se depun cererile?\nMulțumesc,\nAna Pop")


def test_a_message_asking_whether_we_can_get_funding_is_told_who_may_apply(assistant: Assistant) -> None:
    answer = assistant.ask(MAIL)
    first, second = [line for line in answer.text.split("\n") if line[:1].isdigit()][:2]
    assert "licențe software" in first  # what is funded
    assert "microîntreprinderi și întreprinderi mici" in first  # and who may apply, cited
    cited = {c.n: c for c in answer.citations}
    marker = int(first.split("microîntreprinderi")[1].split("[")[1].split("]")[0])
    assert cited[marker].document == "apel-montan.pdf" and "Solicitanți eligibili" in cited[marker].text
    # the second point names no call: it is answered from the call the first one is about
    assert "14 mai 2027" in second, answer.text
