"""Tab „Apeluri”: one fact sheet per call with a source for every value, and the records table."""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from assistant.ui.facts_view import UNAVAILABLE, FactsView, records_csv, sheet_name, sheet_rows
from assistant.ui.guard import romanian_errors
from assistant.ui.render import esc, highlight, where

logger = logging.getLogger(__name__)


def sheet_html(data: dict[str, Any]) -> str:
    rows = []
    for label, value, source in sheet_rows(data):
        cite = ""
        if source:
            passage = highlight(str(source.get("text", "")), str(source.get("quote", "") or value))
            cite = f'<div class="cite">{where(source)}<br>{passage}</div>'
        rows.append(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td><td>{cite}</td></tr>")
    body = "".join(rows) or '<tr><td colspan="3">Nu s-au găsit valori pentru acest apel.</td></tr>'
    return (f'<h3>{esc(sheet_name(data))}</h3><table class="sheet"><thead><tr><th>Câmp</th><th>Valoare</th>'
            f"<th>Sursa</th></tr></thead><tbody>{body}</tbody></table>")


def sheets_html(view: FactsView) -> str:
    sheets = view.sheets_json()
    if not sheets:
        return "<p>Niciun document indexat nu descrie un apel de finanțare.</p>"
    return "".join(sheet_html(s) for s in sheets)


def records_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    columns = list(dict.fromkeys(k for r in rows for k in r))
    return columns, [[str(r.get(c, "")) for c in columns] for r in rows]


def build_calls_tab(view: FactsView, tab: gr.Tab) -> None:
    try:
        import assistant.facts  # noqa: F401
    except ImportError:
        logger.warning("facts library missing; calls tab unavailable")
        gr.Markdown(UNAVAILABLE)
        return
    refresh = gr.Button("Reîncarcă fișele", elem_id="calls-refresh")
    sheets = gr.HTML(elem_id="call-sheets")
    gr.Markdown("### Înregistrări extrase din tabele (filtrați și sortați direct în tabel)")
    table = gr.Dataframe(interactive=False, show_search="filter", wrap=True, elem_id="records", max_height=600)
    download = gr.DownloadButton("Descarcă CSV", elem_id="records-csv")

    @romanian_errors
    def load() -> tuple[str, Any, str | None]:
        import pandas as pd

        rows = view.records()
        columns, values = records_table(rows)
        frame = pd.DataFrame(values, columns=columns) if columns else pd.DataFrame({"înregistrări": []})
        return sheets_html(view), frame, records_csv(rows)

    refresh.click(load, None, [sheets, table, download], api_visibility="private")
    tab.select(load, None, [sheets, table, download], api_visibility="private")
