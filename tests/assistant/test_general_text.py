"""General Romanian text (not a call): questions typed with and without diacritics."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.build import build_assistant
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths

TEXT = Path(__file__).with_name("general_ro.txt")

ANSWERABLE = [
    ("Care este cel mai inalt varf din Carpati?", "Moldoveanu"),
    ("Care este cel mai înalt vârf din Carpați?", "Moldoveanu"),
    ("Cand a fost declarata Delta Dunarii rezervatie a biosferei?", "1990"),
    ("Câte specii de păsări trăiesc în Delta Dunării?", "300"),
    ("Cine a fost primul rector al universitatii din Iasi?", "Titu Maiorescu"),
    ("In ce an a fost infiintata Universitatea din Iasi?", "1860"),
    ("Unde a fost construit Castelul Peles?", "Sinaia"),
    ("Cand s-a nascut Mihai Eminescu?", "15 ianuarie 1850"),
    ("Ce lungime are Transfagarasanul?", "151"),
    ("Ce este Salina Turda?", "mină de sare"),
    ("Ce formă are Cetatea Alba Carolina?", "stelată"),
]
ABSENT = ["Care este capitala Franței?", "Cât costă un bilet de tren la Cluj?", "Cine a câștigat Eurovision în 2015?"]


@pytest.fixture(scope="module")
def general(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    settings = Settings(index=tmp_path_factory.mktemp("general") / "index")
    build = build_assistant(settings, require_index=False)
    ingest_paths(build.store, [TEXT], ChunkingConfig())
    return build_assistant(settings)


@pytest.mark.parametrize(("question", "fact"), ANSWERABLE)
def test_question_is_answered_with_the_fact_and_cited(general: Assistant, question: str, fact: str) -> None:
    answer = general.ask(question)
    assert not answer.abstained, question
    first = answer.text.split("[1]")[0]
    assert fact in first, answer.text
    assert answer.citations and fact in answer.citations[0].text


@pytest.mark.parametrize("question", ABSENT)
def test_question_the_text_does_not_answer_abstains(general: Assistant, question: str) -> None:
    answer = general.ask(question)
    assert answer.abstained, answer.text
    assert answer.citations == []


def test_headings_are_not_quoted_as_answers(general: Assistant) -> None:
    answer = general.ask("Care este cel mai inalt varf din Carpati?")
    assert "Geografia și istoria pe scurt" not in answer.text.split("”: ", 1)[-1]  # but as the title it names
