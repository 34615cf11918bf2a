"""Tab „Întrebări”: the chat, answers shown as they come, each with its sources underneath."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.ui.guard import romanian_errors
from assistant.ui.holder import AssistantHolder
from assistant.ui.render import answer_html, esc

EXAMPLES = [
    "Care este valoarea maximă a finanțării?",
    "Cine poate depune un proiect?",
    "Până când se pot depune cererile de finanțare?",
    "Ce cheltuieli sunt eligibile?",
]
_STEPS = 12  # pieces the answer is revealed in
_PAUSE_S = 0.03

Messages = list[dict[str, str]]


def chat_turn(holder: AssistantHolder, question: str, shown: Messages, turns: Messages
              ) -> Iterator[tuple[str, Messages, Messages, Messages]]:
    """Yield (cleared box, chat messages twice: display and state, conversation) as the answer comes."""
    question = (question or "").strip()
    if not question:
        return
    answer = holder.get().ask(question, history=list(turns))
    shown = [*shown, {"role": "user", "content": esc(question)}, {"role": "assistant", "content": ""}]
    if not answer.abstained:
        words = answer.text.split(" ")
        step = max(1, len(words) // _STEPS)
        for i in range(step, len(words), step):
            shown[-1] = {"role": "assistant", "content": answer_html(answer, " ".join(words[:i]) + " …")}
            yield "", shown, shown, turns
            time.sleep(_PAUSE_S)
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
