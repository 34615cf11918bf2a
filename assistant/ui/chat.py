"""Tab „Întrebări”: the chat, answers shown as they come, each with its sources underneath."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.types import Answer
from assistant.ui.guard import romanian_errors
from assistant.ui.holder import AssistantHolder
from assistant.ui.render import answer_html, esc, partial_html

EXAMPLES = [
    "Care este valoarea maximă a finanțării?",
    "Cine poate depune un proiect?",
    "Până când se pot depune cererile de finanțare?",
    "Ce cheltuieli sunt eligibile?",
]
_PAUSE_S = 0.03  # between pieces, so an answer computed at once still reads as it comes

Messages = list[dict[str, str]]


def chat_turn(holder: AssistantHolder, question: str, shown: Messages, turns: Messages
              ) -> Iterator[tuple[str, Messages, Messages, Messages]]:
    """Yield (cleared box, chat messages twice: display and state, conversation) as the answer comes:
    the text piece by piece (an LLM answer sentence by sentence), then the answer with its sources."""
    question = (question or "").strip()
    if not question:  # nothing asked: the conversation stays as it is (a generator that yields
        yield "", shown, shown, turns  # nothing would leave Gradio to blank the chat)
        return
    shown = [*shown, {"role": "user", "content": esc(question)}, {"role": "assistant", "content": ""}]
    shown[-1] = {"role": "assistant", "content": partial_html("")}
    yield "", shown, shown, turns  # the question shows at once, the answer follows
    text = ""
    answer: Answer | None = None
    for item in holder.get().ask_stream(question, history=list(turns)):
        if isinstance(item, Answer):
            answer = item
            break
        text += item
        shown[-1] = {"role": "assistant", "content": partial_html(text)}
        yield "", shown, shown, turns
        time.sleep(_PAUSE_S)
    if answer is None:  # the service always ends with an Answer; this only guards the type
        return
    shown[-1] = {"role": "assistant", "content": answer_html(answer)}
    turns = [*turns, {"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    yield "", shown, shown, turns


def build_chat_tab(holder: AssistantHolder) -> None:
    shown = gr.State([])
    turns = gr.State([])
    chatbot = gr.Chatbot(label="Conversație", height=520, elem_id="chat", buttons=["copy"],
                         placeholder="Întrebați despre apelurile de finanțare și clustere. "
                                     "Fiecare răspuns arată pasajele din documente pe care se bazează.")
    with gr.Row():
        box = gr.Textbox(placeholder="Scrieți întrebarea aici (se poate și fără diacritice)…", show_label=False,
                         scale=5, elem_id="question", submit_btn="Întreabă")
        clear = gr.Button("Conversație nouă", scale=1, elem_id="clear-chat")
    gr.Examples(EXAMPLES, inputs=[box], label="Exemple de întrebări")

    @romanian_errors
    def on_submit(question: str, shown_v: Messages, turns_v: Messages) -> Iterator[Any]:
        yield from chat_turn(holder, question, shown_v, turns_v)

    box.submit(on_submit, [box, shown, turns], [box, chatbot, shown, turns], api_visibility="private")

    def reset() -> tuple[Any, ...]:
        return [], [], [], ""
    clear.click(reset, None, [chatbot, shown, turns, box], api_visibility="private")
