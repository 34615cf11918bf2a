"""The chat handler streams an LLM answer sentence by sentence, sources at the end, and says when the
model failed (fake OpenAI-compatible server on loopback, no browser)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "assistant"))  # the shared fake model servers
from fake_model_servers import Behaviour, FakeModelServer, index_corpus, passage_number, write_corpus  # noqa: E402

from assistant.settings import Settings  # noqa: E402
from assistant.ui.chat import chat_turn  # noqa: E402
from assistant.ui.holder import AssistantHolder  # noqa: E402

QUESTION = "Spuneți-mi despre finanțarea nerambursabilă a apelului."  # not one value: the model answers


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    server = FakeModelServer().start()
    yield server
    server.stop()


@pytest.fixture
def holder(fake: FakeModelServer, tmp_path: Path) -> AssistantHolder:
    settings = Settings(index=tmp_path / "idx", llm="openai", llm_model="test-model",  # type: ignore[arg-type]
                        llm_base_url=fake.url + "/v1", llm_timeout_s=10.0)
    index_corpus(settings, write_corpus(tmp_path / "docs"))
    return AssistantHolder(settings)


def _reply(body: dict) -> str:
    return (f"Se acordă cel mult 2,65 milioane lei pe proiect [{passage_number(body, '2.650.000')}]. "
            f"Beneficiarul contribuie cu minimum 15% [{passage_number(body, '15%')}].")


def _bot_messages(holder: AssistantHolder) -> tuple[list[str], list[dict[str, str]]]:
    messages: list[str] = []
    turns: list[dict[str, str]] = []
    for box, shown, state, conversation in chat_turn(holder, QUESTION, [], []):  # read each step as Gradio does
        assert box == "" and shown is state and shown[-2]["role"] == "user"
        messages.append(shown[-1]["content"])
        turns = conversation
    return messages, turns


def test_llm_answer_is_streamed_then_shown_with_sources(holder: AssistantHolder, fake: FakeModelServer) -> None:
    fake.behaviour = Behaviour(reply=_reply, pieces=10)
    messages, turns = _bot_messages(holder)
    *partial, final = messages
    with_first = [m for m in partial if "2,65 milioane" in m and "15%" not in m]
    assert with_first, partial  # the first sentence shows before the second has come
    assert all("Surse" not in m for m in partial)
    assert "2,65 milioane" in final and "15%" in final and "Surse (" in final and "apel-inovare.md" in final
    assert turns[-1]["role"] == "assistant" and turns[-1]["content"].startswith("Se acordă cel mult 2,65 milioane")


def test_failed_model_shows_the_extractive_answer_and_the_notice(holder: AssistantHolder,
                                                                 fake: FakeModelServer) -> None:
    fake.behaviour = Behaviour(status=500)
    messages, turns = _bot_messages(holder)
    assert "Modelul de limbaj nu a răspuns" in messages[-1] and "2.650.000" in messages[-1]
    assert "Surse (" in messages[-1]
    assert "2.650.000" in turns[-1]["content"]
