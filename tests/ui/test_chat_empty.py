"""An empty question leaves the conversation as it is (it used to blank the chat: a handler that
yields nothing lets Gradio clear its outputs)."""

from __future__ import annotations

from assistant.settings import Settings
from assistant.ui.chat import chat_turn
from assistant.ui.holder import AssistantHolder


def test_an_empty_question_keeps_the_conversation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    holder = AssistantHolder(Settings(index=tmp_path / "idx"))  # never asked: nothing is built
    shown = [{"role": "user", "content": "Care e bugetul apelului Stupi 2035?"},
             {"role": "assistant", "content": "Potrivit „Stupi 2035”: 417.000 euro [1]"}]
    turns = list(shown)
    steps = list(chat_turn(holder, "   ", shown, turns))
    assert steps == [("", shown, shown, turns)]
