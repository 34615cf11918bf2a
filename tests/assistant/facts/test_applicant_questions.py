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
