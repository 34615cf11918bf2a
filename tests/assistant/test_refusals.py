"""One refusal line for a message whose points the documents do not answer."""

from __future__ import annotations

from assistant.answer.refusals import one_refusal


def test_the_same_documents_not_stating_several_things_is_one_sentence() -> None:
    said = one_refusal(["Documentele apelului „Lumina Sud” nu precizează valoarea.",
                        "Documentele apelului „Lumina Sud” nu precizează data."])
    assert said == "Documentele apelului „Lumina Sud” nu precizează valoarea și data."


def test_other_documents_and_other_refusals_keep_their_own_sentence() -> None:
    alfa = "Documentul „Ghid Alfa” nu precizează numărul."
    said = one_refusal([alfa, "Documentul „Ghid Beta” nu precizează data.",
                        "Documentele indexate nu conțin apelul „Gama”.", alfa])
    assert said == ("Documentul „Ghid Alfa” nu precizează numărul. Documentul „Ghid Beta” nu precizează data. "
                    "Documentele indexate nu conțin apelul „Gama”.")
