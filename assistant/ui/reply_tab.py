"""Tab „Răspuns e-mail”: paste or upload a mail, get a cited reply draft ready to copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from assistant.reply import draft_reply
from assistant.ui.guard import romanian_errors
from assistant.ui.holder import AssistantHolder
from assistant.ui.render import esc, sources_html

MAX_MAIL_BYTES = 2_000_000
MAIL_SUFFIXES = (".eml", ".txt")

EXAMPLE_MAIL = """Bună ziua,

Suntem o microîntreprindere și am dori să aflăm care este valoarea maximă
a finanțării și până când se pot depune proiectele.

Cu stimă,
Ana Popescu"""


def read_upload(path: str | None) -> str:
    """The uploaded .eml as text (for the mail box), refusing files that are not mail-sized."""
    if not path:
        return ""
    file = Path(path)
    if file.suffix.lower() not in MAIL_SUFFIXES:  # checked here: gradio's file_types refuses in English
        raise gr.Error(f"{file.name}: încărcați un e-mail salvat ca .eml (sau text .txt).")
    if file.stat().st_size > MAX_MAIL_BYTES:
        raise gr.Error(f"Mesajul depășește {MAX_MAIL_BYTES // 1_000_000} MB; lipiți doar textul lui.")
    return file.read_bytes().decode("utf-8", errors="replace")


def reply_outputs(draft: dict[str, Any]) -> tuple[str, str]:
    """(reply text, HTML listing the questions found and the sources)."""
    questions = "".join(f"<li>{esc(q)}</li>" for q in draft["questions"])
    html = f"<h4>Întrebări identificate ({len(draft['questions'])})</h4><ol>{questions}</ol>"
    if draft["citations"]:
        html += f"<h4>Surse</h4>{sources_html(draft['citations'])}"
    else:
        html += "<p>Documentele publicate nu au oferit surse pentru acest mesaj.</p>"
    return draft["reply"], html


def build_reply_tab(holder: AssistantHolder) -> None:
    gr.Markdown("Lipiți un e-mail primit (cu sau fără antete) sau încărcați fișierul .eml. "
                "Ciorna răspunde fiecărei întrebări din mesaj, cu trimiteri la documente.")
    with gr.Row():
        with gr.Column():
            mail = gr.Textbox(label="E-mailul primit", lines=14, value="", placeholder=EXAMPLE_MAIL,
                              elem_id="mail-in")
            upload = gr.File(label="sau încărcați un fișier .eml", type="filepath",
                             elem_id="mail-file")
            go = gr.Button("Redactează răspunsul", variant="primary", elem_id="draft-btn")
        with gr.Column():
            reply = gr.Textbox(label="Ciorna răspunsului (se poate edita și copia)", lines=22, interactive=True,
                               buttons=["copy"], elem_id="reply-out")
    details = gr.HTML(elem_id="reply-sources")

    upload.upload(read_upload, [upload], [mail], api_visibility="private")

    @romanian_errors
    def on_draft(text: str) -> tuple[str, str]:
        if not (text or "").strip():
            raise gr.Error("Lipiți textul e-mailului sau încărcați un fișier .eml.")
        return reply_outputs(draft_reply(holder.get(), text))

    go.click(on_draft, [mail], [reply, details], api_visibility="private")
