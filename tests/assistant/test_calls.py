"""Answers that know their call, over four invented calls written and indexed here: two with
different deadlines, one without any deadline, one whose deadline has passed. Every name and
value below is made up."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docs_factory import index_texts

from assistant.answer.apply import profile_of
from assistant.answer.call_values import mark_expired
from assistant.answer.calls import short_title
from assistant.answer.extractive import ABSTAIN_TEXT
from assistant.build import build_assistant, open_store
from assistant.query import Query
from assistant.questions import focus, split_questions
from assistant.reply import draft_reply
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths


def _call(title: str, name: str, budget: str, rate: str, applicants: str, deadline: str | None) -> str:
    calendar = (f"CALENDARUL APELULUI\n\nData limită de depunere a cererilor de finanțare este {deadline}, "
                "ora 12:00.\n\n" if deadline else
                "CALENDARUL APELULUI\n\nCalendarul apelului va fi anunțat pe pagina programului.\n\n")
    return (f"{title}\n\nApelul de proiecte „{name}” finanțează investiții ale solicitanților eligibili.\n\n"
            f"BUGETUL APELULUI\n\nBugetul total alocat apelului este de {budget} euro.\n\n"
            f"RATA DE COFINANȚARE\n\nContribuția maximă a programului este de {rate} din cheltuielile eligibile.\n\n"
            f"{calendar}SOLICITANȚI ELIGIBILI\n\nPot depune cereri {applicants}.\n")


CALLS = {
    "apel-ferme-solare.txt": _call("APELUL FERME SOLARE COMUNITARE 2031", "Ferme Solare Comunitare", "3.170.000",
                                   "63%", "microîntreprinderile și întreprinderile mici cu sediul în județele "
                                   "Bihor, Cluj și Sălaj", "17 iunie 2031"),
    "apel-drumuri-forestiere.txt": _call("APELUL DRUMURI FORESTIERE DIGITALE 2032", "Drumuri Forestiere Digitale",
                                         "5.430.000", "47%", "unitățile administrativ-teritoriale din regiunea "
                                         "Centru", "9 februarie 2032"),
    "apel-muzee-interactive.txt": _call("APELUL MUZEE INTERACTIVE", "Muzee Interactive", "1.860.000", "71%",
                                        "universitățile și organizațiile neguvernamentale", None),
    "apel-ateliere-textile.txt": _call("APELUL ATELIERE TEXTILE 2021", "Ateliere Textile", "940.000", "58%",
                                       "întreprinderile mici și mijlocii din regiunea Vest", "3 martie 2021"),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(index_texts(tmp_path_factory.mktemp("calls"), tmp_path_factory.mktemp("index"), CALLS))


def _cites(answer, document: str, value: str) -> bool:  # type: ignore[no-untyped-def]
    """The line holding value cites a passage of document."""
    line = next((ln for ln in answer.text.split("\n") if value in ln), "")
    marks = {int(n) for n in re.findall(r"\[(\d+)\]", line)}
    return any(c.n in marks and c.document == document for c in answer.citations)


def test_an_answer_names_its_call_by_title_not_by_file_name(assistant: Assistant) -> None:
    answer = assistant.ask("Care este bugetul total al apelului Muzee Interactive?")
    assert not answer.abstained and "1.860.000 euro" in answer.text
    assert re.match(r"Potrivit „[^”]*Muzee Interactive[^”]*”: ", answer.text, flags=re.I), answer.text
    assert "apel-muzee-interactive" not in answer.text


def test_two_named_calls_give_their_own_deadlines(assistant: Assistant) -> None:
    first = assistant.ask("Până când se pot depune cererile la apelul Ferme Solare Comunitare?")
    second = assistant.ask("Până când se pot depune cererile la apelul Drumuri Forestiere Digitale?")
    assert "17 iunie 2031" in first.text and "9 februarie 2032" not in first.text, first.text
    assert "9 februarie 2032" in second.text and "17 iunie 2031" not in second.text, second.text
    assert "expirat" not in first.text + second.text  # both deadlines are still ahead


def test_a_named_call_without_a_deadline_says_so_instead_of_quoting_another(assistant: Assistant) -> None:
    answer = assistant.ask("Care este termenul-limită de depunere la apelul Muzee Interactive?")
    assert answer.abstained and answer.citations == []
    assert "nu precizează termenul-limită" in answer.text and "Muzee Interactive" in answer.text, answer.text
    assert not re.search(r"\d{4}", answer.text)  # no other call's date
    assert answer.text.count("\n") == 0 and answer.notice is None  # one line says it


def test_a_past_deadline_is_marked_as_passed(assistant: Assistant) -> None:
    answer = assistant.ask("Care este data limită de depunere la apelul Ateliere Textile?")
    assert "3 martie 2021" in answer.text and "(termen expirat)" in answer.text, answer.text


def test_an_unnamed_question_gets_each_calls_value_cited(assistant: Assistant) -> None:
    answer = assistant.ask("Care este data limită de depunere a cererilor de finanțare?")
    assert not answer.abstained, answer.text
    assert _cites(answer, "apel-ferme-solare.txt", "17 iunie 2031"), answer.text
    assert _cites(answer, "apel-drumuri-forestiere.txt", "9 februarie 2032"), answer.text
    assert "Ferme Solare" in answer.text.split("17 iunie 2031")[0].split("\n")[-1]  # each value names its call
    assert "(termen expirat)" in answer.text.split("3 martie 2021")[1].split("\n")[0]


def test_can_i_apply_in_chat_is_answered_with_the_eligibility_check(assistant: Assistant) -> None:
    answer = assistant.ask("Sunt IMM din Oradea, pot aplica la Ferme Solare Comunitare?")
    assert not answer.abstained and answer.backend == "structured", answer.text
    assert "îndeplinește" in answer.text and "Bihor" in answer.text, answer.text
    assert any("microîntreprinderile" in c.text and c.document == "apel-ferme-solare.txt" for c in answer.citations)
    other = assistant.ask("Suntem o universitate din Iași, putem aplica la Ferme Solare Comunitare?")
    assert "nu îndeplinește" in other.text, other.text


def test_a_long_message_is_answered_from_the_question_at_its_end(assistant: Assistant) -> None:
    thread = "\n".join(f"> Mesajul {i}: vă transmitem documentele cerute pentru dosarul nostru de proiect."
                       for i in range(800))
    message = f"Bună ziua,\n\n{thread}\n\nCare este rata de cofinanțare la apelul Drumuri Forestiere Digitale?"
    assert len(message) > 60_000
    answer = assistant.ask(message)
    assert not answer.abstained and "47%" in answer.text, answer.text
    assert answer.notice


def test_a_message_whose_points_all_go_unanswered_gets_one_refusal_line(assistant: Assistant) -> None:
    answer = assistant.ask("Care este capitala Mongoliei? Cine a compus opera Nabucco?")
    assert answer.abstained and answer.text == ABSTAIN_TEXT, answer.text
    long = "Care este capitala Mongoliei? Cine a compus opera Nabucco? " + "detalii " * 1000
    answer = assistant.ask(long)
    assert answer.abstained and answer.text == ABSTAIN_TEXT and answer.notice is None


def test_points_of_a_message_stay_on_its_call(assistant: Assistant) -> None:
    answer = assistant.ask("Care este bugetul apelului Muzee Interactive? Și până când se depun cererile?")
    assert "1.860.000" in answer.text
    assert not re.search(r"2031|2032|2021", answer.text), answer.text  # no other call's deadline


def test_a_bare_how_much_belongs_to_the_point_before_it() -> None:
    assert split_questions("Există o limită a bugetului pe proiect? Cât?") == [
        "Există o limită a bugetului pe proiect? Cât?"]


def test_focus_keeps_the_asking_sentences_not_the_first_characters() -> None:
    text = "> citat vechi fără întrebare.\n" * 3000 + "Vă rog, care este termenul?"
    kept = focus(text, 4000)
    assert kept.endswith("care este termenul?") and len(kept) <= 4000
    assert focus("Scurt?", 4000) == "Scurt?"


def test_expired_marks_the_latest_date_only_when_it_is_past() -> None:
    today = dt.date(2030, 1, 1)
    assert mark_expired("Se depun între 1 martie 2029 și 5 aprilie 2029, ora 16:00 [1]", today) == \
        "Se depun între 1 martie 2029 și 5 aprilie 2029, ora 16:00 (termen expirat) [1]"
    assert "expirat" not in mark_expired("Se depun între 1 martie 2029 și 5 aprilie 2031 [1]", today)


def test_profile_is_read_from_the_question() -> None:
    profile = profile_of("Sunt IMM din Timișoara, pot aplica?")
    assert profile is not None and profile["county"] == "Timiș" and "microintreprindere" in profile["entity_types"]
    assert profile_of("Pot aplica?") is None


def test_short_title_is_cut_at_a_word() -> None:
    title = short_title("Ghidul solicitantului pentru apelul de proiecte privind " + "cuvinte lungi " * 10)
    assert len(title) <= 61 and title.endswith("…") and not title.endswith(" …")


def test_a_conversation_keeps_its_call_when_asking_a_value(assistant: Assistant) -> None:
    history = [{"role": "user", "content": "Care este bugetul apelului Muzee Interactive?"},
               {"role": "assistant", "content": "1.860.000 euro [1]"}]
    answer = assistant.ask("Care este data limită de depunere a cererilor de finanțare?", history)
    assert answer.abstained and "Muzee Interactive" in answer.text, answer.text
    assert not re.search(r"2031|2032|2021", answer.text)


def test_a_reply_point_says_which_call_does_not_state_the_value(assistant: Assistant) -> None:
    mail = ("Bună ziua,\nCare este bugetul apelului Muzee Interactive?\n"
            "Care este data limită de depunere a cererilor de finanțare?\nCu stimă,\nIon Pop")
    points = draft_reply(assistant, mail)["points"]
    assert "1.860.000 euro" in points[0]["answer"]
    assert "Muzee Interactive" in points[1]["answer"] and "nu precizează" in points[1]["answer"], points[1]
    assert not re.search(r"2031|2032|2021", points[1]["answer"])


def test_each_point_names_its_call_when_the_call_changes(assistant: Assistant) -> None:
    answer = assistant.ask("Care este bugetul apelului Muzee Interactive? Care este bugetul apelului Ateliere Textile? "
                           "Care este rata de cofinanțare la apelul Ateliere Textile?")
    first, second, third = answer.text.split("\n")
    assert re.match(r"1\. Potrivit „[^”]*Muzee Interactive", first, flags=re.I) and "1.860.000" in first, first
    assert re.match(r"2\. Potrivit „[^”]*Ateliere Textile", second, flags=re.I) and "940.000" in second, second
    assert third.startswith("3. ") and "Potrivit" not in third and "58%" in third, third  # same call as before


MANY = {f"apel-{word.lower()}.txt": _call(f"APELUL {word.upper()} VERZI", f"{word} Verzi", f"{210 + i}.000",
                                          f"{41 + i}%", "întreprinderile mici", f"{11 + i} mai 2033")
        for i, word in enumerate(["Sere", "Stupine", "Livezi", "Podgorii", "Pepiniere"])}


def test_an_unnamed_value_over_more_than_three_calls_asks_which_call(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in MANY.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    many = build_assistant(settings)
    answer = many.ask("Care este data limită de depunere a cererilor de finanțare?")
    assert answer.abstained and answer.citations == [] and "la care apel" in answer.text, answer.text
    assert all(word in answer.text for word in ("Sere", "Stupine", "Livezi", "Podgorii", "Pepiniere"))
    assert "mai 2033" not in answer.text
    named = many.ask("Care este data limită de depunere la apelul Livezi Verzi?")
    assert "13 mai 2033" in named.text and "11 mai 2033" not in named.text, named.text


def test_a_question_naming_two_calls_is_not_held_to_one(assistant: Assistant) -> None:
    answer = assistant.ask("Care este bugetul total al apelurilor Muzee Interactive și Ferme Solare Comunitare?")
    assert assistant.book.named(Query.parse(answer.question)) == set()  # two calls: neither alone
    assert not answer.abstained, answer.text


def test_focus_reads_the_new_message_above_a_quoted_thread() -> None:
    thread = "-----Original Message-----\n" + "Care era bugetul apelului vechi? Vă mulțumim pentru răspuns. " * 200
    kept = focus("Care este rata de cofinanțare la apelul nou?\n\n" + thread, 4000)
    assert kept == "Care este rata de cofinanțare la apelul nou?"


def test_a_named_calls_value_can_be_read_from_its_fact_sheet(assistant: Assistant) -> None:
    muzee = {"apel-muzee-interactive.txt"}
    read = assistant.book.sheet_part(Query.parse("Care este rata de cofinanțare la apelul Muzee Interactive?"), muzee)
    assert read is not None and "71%" in read[0][0].sentence
    assert read[1][0].chunk.document == "apel-muzee-interactive.txt"
    assert read[0][0].sentence in read[1][0].chunk.text  # quoted as the passage has it
    assert assistant.book.sheet_part(Query.parse("Până când se depun cererile la Muzee Interactive?"), muzee) is None


def test_a_year_no_document_writes_is_not_answered_with_another_years_figure(assistant: Assistant) -> None:
    # the call writes 2031 (its title, its deadline); 2034 is written nowhere
    named = assistant.ask("Care este bugetul apelului Ferme Solare Comunitare pentru anul 2034?")
    assert named.abstained and "2034" in named.text and "3.170.000" not in named.text, named.text
    unnamed = assistant.ask("cat a fost rata de cofinantare in 2034")
    assert unnamed.abstained and "63%" not in unnamed.text, unnamed.text
    # a year a call writes is answered as before, and a date written in digits holds its year too
    assert "3.170.000" in assistant.ask("Care este bugetul apelului Ferme Solare Comunitare 2031?").text


def test_a_year_the_named_call_never_writes_is_not_answered_with_its_figure(assistant: Assistant) -> None:
    # 2032 is written (another call's title and deadline), but never by Ferme Solare Comunitare
    answer = assistant.ask("Care a fost bugetul apelului Ferme Solare Comunitare în 2032?")
    assert answer.abstained and "2032" in answer.text and "3.170.000" not in answer.text, answer.text
