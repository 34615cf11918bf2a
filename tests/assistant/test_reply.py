"""E-mail reply drafts: greeting, one cited point per question, consistent numbering, closing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.reply import NOT_ANSWERED, draft_reply, greeting, parse_mail, signature_name, split_body
from assistant.types import Answer, Citation

SHARED = Citation(n=1, document="ghid.pdf", page=3, section="Buget", text="Bugetul este de 9 milioane lei.")
OTHER = Citation(n=1, document="ghid.pdf", page=5, section="Termen", text="Termenul este 3 martie 2030.")


class FakeAssistant:
    """Answers by keyword; records the questions and histories it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, list[dict[str, str]]]] = []

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer:
        self.asked.append((question, list(history or [])))
        if "buget" in question.lower():
            return Answer(question, "Bugetul este de 9 milioane lei. [1]", [SHARED], abstained=False)
        if "termen" in question.lower():
            second = Citation(2, SHARED.document, SHARED.page, SHARED.section, SHARED.text)
            return Answer(question, "Termenul este 3 martie 2030 [1], bugetul fiind de 9 milioane [2].",
                          [OTHER, second], abstained=False)
        return Answer(question, "Documentele nu precizează acest lucru.", [], abstained=True)


MAIL = """Bună ziua,

Care este bugetul apelului? Și care este termenul de depunere?
Putem cumpăra un autoturism din proiect?

> Care este bugetul? (mesaj anterior citat)

Cu stimă,
Andreea Marinescu
SC Exemplu SRL
"""


def test_one_point_per_question_in_order() -> None:
    draft = draft_reply(FakeAssistant(), MAIL)
    assert draft["questions"] == ["Care este bugetul apelului?", "Care este termenul de depunere?",
                                  "Putem cumpăra un autoturism din proiect?"]
    assert [p["question"] for p in draft["points"]] == draft["questions"]
    assert "1. Care este bugetul apelului?" in draft["reply"]
    assert "3. Putem cumpăra" in draft["reply"]


def test_one_passage_keeps_one_number_across_the_reply() -> None:
    draft = draft_reply(FakeAssistant(), MAIL)
    first, second = draft["points"][0], draft["points"][1]
    assert first["answer"].endswith("[1]")
    assert second["answer"] == "Termenul este 3 martie 2030 [2], bugetul fiind de 9 milioane [1]."
    assert [c["n"] for c in draft["citations"]] == [1, 2]
    assert [c["page"] for c in draft["citations"]] == [3, 5]
    assert "[1] ghid.pdf, pagina 3, secțiunea „Buget”" in draft["reply"]


def test_unanswered_question_says_we_will_come_back() -> None:
    draft = draft_reply(FakeAssistant(), MAIL)
    assert draft["points"][2]["answer"] == NOT_ANSWERED
    assert draft["points"][2]["citations"] == []
    assert "vom reveni" in draft["reply"]


def test_closing_and_signature_placeholder() -> None:
    reply = draft_reply(FakeAssistant(), MAIL)["reply"]
    assert reply.rstrip().endswith("Cu stimă,\n[Nume], Biroul de informare")


def test_quoted_history_and_signature_are_not_questions() -> None:
    fake = FakeAssistant()
    draft_reply(fake, MAIL)
    assert all("anterior" not in q and "Exemplu" not in q for q, _ in fake.asked)


def test_earlier_questions_are_passed_as_history() -> None:
    fake = FakeAssistant()
    draft_reply(fake, MAIL)
    assert fake.asked[0][1] == []
    assert fake.asked[1][1] == [{"role": "user", "content": "Care este bugetul apelului?"}]


@pytest.mark.parametrize(("name", "expected"), [
    ("Andreea Marinescu", "Stimată doamnă Marinescu,"),
    ("Mihai Georgescu", "Stimate domnule Georgescu,"),
    ("POPA Ioana", "Stimată doamnă Popa,"),
    ("Mircea Dinu", "Stimate domnule Dinu,"),
    ("Ing. Radu Stan", "Stimate domnule Stan,"),
    ("Stan", "Bună ziua,"),
    ("", "Bună ziua,"),
])
def test_greeting_from_the_name(name: str, expected: str) -> None:
    assert greeting(name) == expected


def test_greeting_uses_the_signature_when_there_is_no_from_header() -> None:
    assert draft_reply(FakeAssistant(), MAIL)["reply"].startswith("Stimată doamnă Marinescu,\n")


def test_greeting_without_a_name_is_buna_ziua() -> None:
    reply = draft_reply(FakeAssistant(), "Care este bugetul?\nMulțumesc!")["reply"]
    assert reply.startswith("Bună ziua,\n")


def test_signature_name_skips_company_lines() -> None:
    _, signature = split_body(MAIL)
    assert signature_name(signature) == "Andreea Marinescu"
    assert signature_name(["SC Exemplu 2000 SRL", "tel. 0722 000 000"]) == ""


def test_eml_bytes_give_sender_subject_and_utf8_body() -> None:
    raw = ("From: \"Ștefan Țurcanu\" <st@exemplu.ro>\nSubject: =?utf-8?q?=C3=8Entreb=C4=83ri?=\n"
           "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
           "Care este bugetul alocat?\n").encode()
    mail = parse_mail(raw)
    assert (mail.sender, mail.subject) == ("Ștefan Țurcanu", "Întrebări")
    assert "bugetul alocat" in mail.body
    draft = draft_reply(FakeAssistant(), raw)
    assert draft["reply"].startswith("Stimate domnule Țurcanu,")
    assert "referitor la „Întrebări”" in draft["reply"]


def test_pasted_mail_with_headers_keeps_diacritics() -> None:
    mail = parse_mail("From: Ana Pop <a@b.ro>\nSubject: x\n\nCare este finanțarea?")
    assert mail.body.strip() == "Care este finanțarea?"


def test_real_assistant_answers_the_invented_call(indexed) -> None:  # type: ignore[no-untyped-def]
    text = ("Bună ziua,\nCare este data limită de depunere a cererilor de finanțare? "
            "Care este valoarea maximă eligibilă a unui proiect?\nCu stimă,\nDan Ilie")
    draft = draft_reply(indexed, text)
    assert "14 noiembrie 2025" in draft["points"][0]["answer"]
    assert "315.000" in draft["points"][1]["answer"]
    numbers = {c["n"] for p in draft["points"] for c in p["citations"]}
    assert numbers == {c["n"] for c in draft["citations"]}
    assert all(f"[{n}]" in draft["reply"] for n in numbers)


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_cli_reply_json_reads_a_file_and_stdin(corpus_index, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, _ = corpus_index
    eml = tmp_path / "mail.eml"
    eml.write_bytes(b"From: Dan Ilie <d@x.ro>\nSubject: apel\n\nCare este data limita de depunere?\n")
    cmd = [sys.executable, "-m", "assistant", "--index", str(settings.index), "reply", "--json"]
    from_file = subprocess.run([*cmd, str(eml)], capture_output=True, text=True, check=True)
    from_stdin = subprocess.run([*cmd, "-"], input=eml.read_text(), capture_output=True, text=True, check=True)
    for out in (from_file.stdout, from_stdin.stdout):
        data = json.loads(out)
        assert data["reply"].startswith("Stimate domnule Ilie,")
        assert "14 noiembrie 2025" in data["points"][0]["answer"]


def test_the_subject_is_the_context_of_every_point() -> None:
    fake = FakeAssistant()
    draft_reply(fake, "Subject: Întrebări despre apelul Olărit Tradițional\n\n" + MAIL)
    assert len(fake.asked) >= 2
    assert all(h[0]["content"] == "Întrebări despre apelul Olărit Tradițional" for _, h in fake.asked)
