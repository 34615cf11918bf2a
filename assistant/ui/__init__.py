"""The Gradio app in Romanian: tabs built from the assistant library, and its launcher."""

from __future__ import annotations

import gradio as gr

from assistant.ui.api import register_api
from assistant.ui.calls_tab import build_calls_tab
from assistant.ui.chat import build_chat_tab
from assistant.ui.documents_tab import build_documents_tab
from assistant.ui.eligibility_tab import build_eligibility_tab
from assistant.ui.facts_view import FactsView
from assistant.ui.holder import AssistantHolder
from assistant.ui.reply_tab import build_reply_tab

TITLE = "Asistent pentru apeluri de finanțare și clustere"


def build_ui(holder: AssistantHolder) -> gr.Blocks:
    """The whole app; each tab in its own module."""
    view = FactsView(holder)
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"## {TITLE}\nRăspunsuri din documentele publicate, cu trimitere la pasajul exact.")
        with gr.Tabs():
            with gr.Tab("Întrebări", id="chat"):
                build_chat_tab(holder)
            with gr.Tab("Răspuns e-mail", id="reply"):
                build_reply_tab(holder)
            with gr.Tab("Apeluri", id="calls") as calls:
                build_calls_tab(view, calls)
            with gr.Tab("Eligibilitate", id="eligibility") as eligibility:
                build_eligibility_tab(view, eligibility)
            with gr.Tab("Documente", id="documents") as documents:
                build_documents_tab(holder, documents)
        register_api(holder, view)
    return demo


__all__ = ["AssistantHolder", "build_ui"]
