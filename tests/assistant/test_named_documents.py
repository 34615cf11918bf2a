"""Among many look-alike calls, a question that names one (its code, its acronym) is answered from
that call, even when the others' passages fill the top of BM25; a table row counts the name of
the table it sits under."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.build import build_assistant, open_store
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths

CODES = [f"APL-{chr(65 + i // 26)}{chr(65 + i % 26)}-{2020 + i % 7}" for i in range(60)]


def _call(i: int, code: str) -> str:
    return (f"Apelul de proiecte pentru clustere, ediția {i}\n\n"
            f"Codul apelului este {code} și se adresează clusterelor de inovare.\n\n"
            "Descrierea apelului\n\n" + "Apelul sprijină colaborarea dintre membrii clusterelor. " * 6 + "\n\n"
            "Finanțare\n\n"
            f"Suma maximă acordată pe proiect este de {100 + 7 * i}.000 euro, iar contribuția proprie este de 10%.\n")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs = tmp_path_factory.mktemp("calls")
    for i, code in enumerate(CODES):
        (docs / f"apel-{i:03d}.txt").write_text(_call(i, code), encoding="utf-8")
    settings = Settings(index=Path(tmp_path_factory.mktemp("index")))
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    return build_assistant(settings)


@pytest.mark.parametrize("i", [3, 31, 58])
def test_the_call_a_question_names_answers_it(assistant: Assistant, i: int) -> None:
    answer = assistant.ask(f"Care este suma maximă acordată pe proiect în apelul {CODES[i]}?")
    assert not answer.abstained, answer.text
    assert f"{100 + 7 * i}.000 euro" in answer.text
    assert answer.citations[0].document == f"apel-{i:03d}.txt"
    assert answer.retrieved[0].chunk.document == f"apel-{i:03d}.txt"
