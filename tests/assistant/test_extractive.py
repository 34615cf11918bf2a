"""The extractive answerer: quotes the sentence holding the value, cites it, abstains honestly."""

from __future__ import annotations

import re

import pytest

from assistant.answer.extractive import ABSTAIN_TEXT
from assistant.service import Assistant
from assistant.types import Answer

# Questions the structured path (the call fact sheets) answers before the extractive answerer runs.
STRUCTURED = [
    ("Care este bugetul total al apelului Inovare Digitală?", "2.650.000 euro", "apel-inovare-digitala.txt"),
    ("Care este contribuția maximă pentru ajutor de stat?", "70%", "apel-inovare-digitala.txt"),
    ("cat e finantarea maxima pt ajutor de minimis", "85%", "apel-inovare-digitala.txt"),
    ("Până când se pot depune cererile la apelul Inovare Digitală?", "14 noiembrie 2025",
     "apel-inovare-digitala.txt"),
    ("pana cand se pot depune cererile la apelul inovare digitala", "14 noiembrie 2025",
     "apel-inovare-digitala.txt"),
    ("Care este adresa de e-mail pentru întrebări despre apelul Inovare Digitală?",
     "inovare.digitala@adr-exemplu.ro", "apel-inovare-digitala.txt"),
]
# Questions the extractive answerer answers (no fact sheet field holds them).
SIMPLE = [
    ("Care este alocarea financiară a apelului Economie Circulară?", "4 milioane euro",
     "apel-economie-circulara.md"),
    ("Câte audituri energetice a realizat clusterul AgroNord Someș?", "24 de audituri",
     "ghid-cluster-agronord.pdf"),
    ("Când a fost înființat clusterul AgroNord Someș?", "12 martie 2031", "ghid-cluster-agronord.pdf"),
    ("Ce buget are județul Bihor în apelul Inovare Digitală?", "900.000", "apel-inovare-digitala.txt"),
    ("Cine este coordonatoarea Clusterului Textil Banat?", "Elena Dobrescu", "raport-cluster-textil.docx"),
    ("Cât durează proiectul TexVerde?", "24 de luni", "raport-cluster-textil.docx"),
    ("Câți angajați are Filatura Lugoj?", "140", "raport-cluster-textil.docx"),
]


def _markers(answer: Answer) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}


def _assert_well_cited(answer: Answer) -> None:
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    assert _markers(answer) == set(numbers)  # every marker names a citation, every citation is used


@pytest.mark.parametrize(("question", "value", "document", "backend"),
                         [(*case, "extractive") for case in SIMPLE] + [(*case, "structured") for case in STRUCTURED])
def test_answer_quotes_the_sentence_holding_the_value(indexed: Assistant, question: str, value: str,
                                                      document: str, backend: str) -> None:
    answer = indexed.ask(question)
    assert not answer.abstained
    assert answer.backend == backend  # each path is tested by the questions it answers
    assert value in answer.text
    _assert_well_cited(answer)
    # the marker right after the value names a citation from the right document that holds it
    after = re.search(rf"{re.escape(value)}[^\[]*\[(\d+)\]", answer.text)
    assert after, answer.text
    cited = answer.citations[int(after.group(1)) - 1]
    assert cited.document == document
    assert value in cited.text
    assert len(answer.text) < 450


def test_answer_cites_the_pdf_page(indexed: Assistant) -> None:
    answer = indexed.ask("Cât este cotizația anuală a unui membru al clusterului AgroNord?")
    assert "1.200 lei" in answer.text
    assert answer.citations[0].document == "ghid-cluster-agronord.pdf"
    assert answer.citations[0].page == 2


def test_first_value_cited_is_marker_one(indexed: Assistant) -> None:
    answer = indexed.ask("Care este contribuția maximă pentru ajutor de stat?")
    assert re.search(r"70%[^\[]*\[1\]", answer.text)


@pytest.mark.parametrize("question", [
    "Care este cota de TVA aplicabilă echipamentelor?",
    "Câte panouri fotovoltaice finanțează PNRR?",
    "Care este programul de funcționare al cantinei?",
])
def test_question_about_something_absent_abstains(indexed: Assistant, question: str) -> None:
    answer = indexed.ask(question)
    assert answer.abstained
    assert "Documentele nu precizează" in answer.text
    assert answer.text.startswith(ABSTAIN_TEXT.split()[0])
    assert answer.citations == []
    assert not re.search(r"\[\d+\]", answer.text)


def test_absent_detail_of_a_known_call_abstains(indexed: Assistant) -> None:
    answer = indexed.ask("Care este cota de TVA pentru echipamentele din apelul Inovare Digitală?")
    assert answer.abstained and answer.citations == []


def test_deadline_of_a_call_without_dates_abstains_by_its_wording(indexed: Assistant) -> None:
    answer = indexed.ask("Care este termenul limită pentru apelul Economie Circulară?")
    assert answer.abstained, answer.text
    assert answer.citations == []


def test_deadline_of_a_call_without_dates_abstains(indexed: Assistant) -> None:
    answer = indexed.ask("Până când se pot depune proiectele la apelul Economie Circulară?")
    assert answer.abstained, answer.text
    assert "14 noiembrie" not in answer.text


def test_two_questions_get_two_numbered_cited_points(indexed: Assistant) -> None:
    answer = indexed.ask("Care este bugetul total al apelului Inovare Digitală? "
                         "Până când se pot depune cererile la apelul Inovare Digitală?")
    assert not answer.abstained
    points = answer.text.split("\n")
    assert len(points) == 2
    assert points[0].startswith("1. ") and "2.650.000 euro" in points[0]
    assert points[1].startswith("2. ") and "14 noiembrie 2025" in points[1]
    assert all(re.search(r"\[\d+\]", p) for p in points)
    _assert_well_cited(answer)


def _mail(first_question: str) -> str:
    return ("Bună ziua,\n" + first_question + "\n"
            "De asemenea, care este adresa de e-mail pentru întrebări despre apel?\nCu stimă,\nMaria Pop")


def _assert_two_points(answer: Answer) -> None:
    points = answer.text.split("\n")
    assert len(points) == 2, answer.text
    assert "315.000 euro" in points[0]
    assert "inovare.digitala@adr-exemplu.ro" in points[1]
    _assert_well_cited(answer)


def test_email_with_greeting_gets_one_point_per_question(indexed: Assistant) -> None:
    _assert_two_points(indexed.ask(_mail("Care este valoarea maximă a unui proiect în apelul Inovare Digitală?")))


def test_polite_request_in_an_email_is_answered(indexed: Assistant) -> None:
    _assert_two_points(indexed.ask(_mail(
        "Vă rog să ne spuneți care este valoarea maximă a unui proiect în apelul Inovare Digitală.")))


def test_each_point_cites_only_the_call_it_asks_about(indexed: Assistant) -> None:
    answer = indexed.ask("Care este alocarea apelului Economie Circulară? "
                         "Ce activități finanțează apelul Economie Circulară?")
    assert len(answer.text.split("\n")) == 2
    assert {c.document for c in answer.citations} == {"apel-economie-circulara.md"}


def test_followup_resolves_against_the_previous_question(indexed: Assistant) -> None:
    history = [{"role": "user", "content": "Care este contribuția maximă pentru ajutor de stat?"},
               {"role": "assistant", "content": "70% [1]"}]
    answer = indexed.ask("și pentru ajutor de minimis?", history=history)
    assert not answer.abstained
    assert "85%" in answer.text
    first_sentence = answer.text.split("[1]")[0]
    assert "minimis" in first_sentence and "85%" in first_sentence
    _assert_well_cited(answer)


def test_followup_without_history_does_not_invent_the_topic(indexed: Assistant) -> None:
    answer = indexed.ask("și pentru ajutor de minimis?")
    assert "70%" not in answer.text


def test_who_can_apply_quotes_the_eligibility_sentence(indexed: Assistant) -> None:
    answer = indexed.ask("Cine poate depune cereri la apelul Inovare Digitală?")
    assert "întreprinderile mici și mijlocii" in answer.text


def test_empty_question_abstains_without_citations(indexed: Assistant) -> None:
    answer = indexed.ask("   ")
    assert answer.abstained and answer.citations == []


def test_question_of_stopwords_only_abstains(indexed: Assistant) -> None:
    answer = indexed.ask("și de la în?")
    assert answer.abstained and answer.citations == []


def test_long_question_is_cut_to_what_it_asks_with_a_notice(indexed: Assistant) -> None:
    long = "Care este bugetul total al apelului Inovare Digitală? " + "detalii " * 1000
    answer = indexed.ask(long)
    assert answer.notice and str(indexed.settings.max_question_chars) in answer.notice
    assert "2.650.000 euro" in answer.text  # the question it asks is kept


def test_followup_asks_its_own_kind_of_value_not_the_previous_one(indexed: Assistant) -> None:
    history = [{"role": "user", "content": "Care este data limita de depunere a cererilor de finantare?"},
               {"role": "assistant", "content": "14 noiembrie 2025 [1]"}]
    answer = indexed.ask("si pentru ajutor de stat, care e contributia maxima?", history=history)
    assert not answer.abstained, answer.text
    assert "70%" in answer.text


def test_the_answerer_reads_read_k_passages_and_shows_top_k(indexed: Assistant,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    parts = indexed.extractive.answer_parts

    def counting(query, passages):  # type: ignore[no-untyped-def]
        read.append(len(passages))
        return parts(query, passages)

    monkeypatch.setattr(indexed.extractive, "answer_parts", counting)
    answer = indexed.ask("Cât durează proiectul TexVerde?")
    settings = indexed.settings
    assert settings.read_k > settings.top_k
    assert read and read[0] > settings.top_k  # the invented corpus has more candidates than top_k
    assert len(answer.retrieved) <= max(settings.top_k, len(answer.citations))
