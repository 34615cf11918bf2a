"""Assistant.ask_stream: text pieces as they come, then the Answer, with and without an LLM backend
(the real llama-index clients against fake Ollama and OpenAI servers on loopback)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_model_servers import Behaviour, FakeModelServer, index_corpus, passage_number, write_corpus

from assistant.build import build_assistant
from assistant.service import Assistant, text_pieces
from assistant.settings import Settings
from assistant.types import Answer

QUESTION = "Spuneți-mi despre finanțarea nerambursabilă a apelului."  # not one value: the model answers
BACKENDS = pytest.mark.parametrize("backend", ["ollama", "openai"])


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    server = FakeModelServer().start()
    yield server
    server.stop()


def _settings(backend: str, url: str, tmp_path: Path) -> Settings:
    return Settings(index=tmp_path / "idx", llm=backend, llm_model="test-model",  # type: ignore[arg-type]
                    llm_base_url=url + ("/v1" if backend == "openai" else ""), llm_timeout_s=10.0)


def _two_sentences(body: dict) -> str:
    n = passage_number(body, "2.650.000")
    m = passage_number(body, "15%")
    return f"Se acordă cel mult 2,65 milioane lei pe proiect [{n}]. Beneficiarul contribuie cu minimum 15% [{m}]."


def _run(assistant: Assistant, question: str = QUESTION) -> tuple[list[str], Answer]:
    items = list(assistant.ask_stream(question))
    *pieces, final = items
    assert isinstance(final, Answer) and all(isinstance(p, str) for p in pieces)
    return [str(p) for p in pieces], final


@BACKENDS
def test_llm_answer_streams_sentence_by_sentence(backend: str, fake: FakeModelServer, tmp_path: Path) -> None:
    settings = _settings(backend, fake.url, tmp_path)
    index_corpus(settings, write_corpus(tmp_path / "docs"))
    fake.behaviour = Behaviour(reply=_two_sentences, pieces=10)
    pieces, final = _run(build_assistant(settings))
    assert final.backend == backend, final.notice
    assert len(pieces) == 2 and "".join(pieces) == final.text
    assert "2,65 milioane" in pieces[0] and "15%" in pieces[1]
    assert all(c.document == "apel-inovare.md" for c in final.citations)
    assert fake.bodies("/api/chat" if backend == "ollama" else "/v1/chat/completions")[0]["stream"] is True
    assert set(final.timings_ms) == {"retrieve", "answer"}


@BACKENDS
def test_failing_model_streams_the_extractive_answer_with_a_notice(backend: str, fake: FakeModelServer,
                                                                  tmp_path: Path) -> None:
    settings = _settings(backend, fake.url, tmp_path)
    index_corpus(settings, write_corpus(tmp_path / "docs"))
    fake.behaviour = Behaviour(status=500)
    pieces, final = _run(build_assistant(settings))
    assert final.backend == "extractive" and not final.abstained
    assert "".join(pieces) == final.text and "2.650.000" in final.text
    assert final.notice and "Modelul de limbaj nu a răspuns" in final.notice


def test_extractive_answer_comes_in_pieces_that_join_to_ask(tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "idx")
    index_corpus(settings, write_corpus(tmp_path / "docs"))
    assistant = build_assistant(settings)
    pieces, final = _run(assistant)
    assert len(pieces) > 1 and "".join(pieces) == final.text == assistant.ask(QUESTION).text
    assert final.backend == "extractive" and final.citations


def test_abstained_answer_has_no_pieces(tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "idx")
    index_corpus(settings, write_corpus(tmp_path / "docs"))
    pieces, final = _run(build_assistant(settings), "Care este programul grădinii zoologice din Oslo?")
    assert final.abstained and pieces == []


@pytest.mark.parametrize("text", ["", "unu", "Valoarea maximă este de 2.650.000 lei [1].\nTermenul: 15.09.2025 [2].",
                                  " spații  la  început și la sfârșit "])
def test_text_pieces_join_back_to_the_text(text: str) -> None:
    pieces = text_pieces(text, 3)
    assert "".join(pieces) == text and len(pieces) <= 3
    assert all(p.strip() for p in pieces)
