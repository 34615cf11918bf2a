"""Tab „Apeluri”: one fact sheet per call with a source for every value, and the records table."""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from assistant.text import fold
from assistant.ui.facts_view import UNAVAILABLE, FactsView, facts_api, records_csv, sheet_name, sheet_rows
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


ALL_TABLES = "Toate tabelele"


def matches(row: dict[str, Any], query: str) -> bool:
    """Whether every word of query is in the row, diacritics and case folded ("Timis" finds "Timiș")."""
    text = fold(" ".join(str(v) for v in row.values()))
    return all(word in text for word in fold(query).split())


def records_table(rows: list[dict[str, Any]], table: str = ALL_TABLES,
                  query: str = "") -> tuple[list[str], list[list[str]]]:
    """Columns and rows of one table (or all) that match query, leaving out columns empty in every chosen row."""
    chosen = [r for r in rows if table in (ALL_TABLES, r.get("Tabel")) and matches(r, query)]
    columns = [c for c in dict.fromkeys(k for r in chosen for k in r) if any(r.get(c) for r in chosen)]
    return columns, [[str(r.get(c, "")) for c in columns] for r in chosen]


def _frame(rows: list[dict[str, Any]], table: str, query: str = "") -> Any:
    import pandas as pd

    columns, values = records_table(rows, table, query)
    return pd.DataFrame(values, columns=columns) if columns else pd.DataFrame({"înregistrări": []})


def build_calls_tab(view: FactsView, tab: gr.Tab) -> None:
    if facts_api() is None:
        logger.warning("facts library missing; calls tab unavailable")
        gr.Markdown(UNAVAILABLE)
        return
    refresh = gr.Button("Reîncarcă fișele", elem_id="calls-refresh")
    sheets = gr.HTML(elem_id="call-sheets")
    gr.Markdown("### Înregistrări extrase din tabele (filtrați și sortați direct în tabel)")
    with gr.Row():
        picker = gr.Dropdown([ALL_TABLES], value=ALL_TABLES, label="Tabelul", elem_id="records-table-pick")
        query = gr.Textbox(label="Caută în înregistrări (diacriticele nu contează)", elem_id="records-filter")
    table = gr.Dataframe(interactive=False, show_search="filter", wrap=True, elem_id="records", max_height=600)
    download = gr.DownloadButton("Descarcă CSV", elem_id="records-csv")

    @romanian_errors
    def load() -> tuple[str, Any, Any, str | None]:
        rows = view.records()
        names = [ALL_TABLES, *dict.fromkeys(str(r["Tabel"]) for r in rows)]
        first = names[1] if len(names) > 1 else ALL_TABLES  # one table at a time reads best
        chosen = [r for r in rows if first in (ALL_TABLES, r.get("Tabel"))]
        return sheets_html(view), gr.Dropdown(choices=names, value=first), _frame(rows, first), records_csv(chosen)

    @romanian_errors
    def pick(name: str, words: str = "") -> tuple[Any, str | None]:
        rows = [r for r in view.records() if name in (ALL_TABLES, r.get("Tabel")) and matches(r, words or "")]
        return _frame(rows, name), records_csv(rows)

    refresh.click(load, None, [sheets, picker, table, download], api_visibility="private")
    tab.select(load, None, [sheets, picker, table, download], api_visibility="private")
    picker.input(pick, [picker, query], [table, download], api_visibility="private")
    query.submit(pick, [picker, query], [table, download], api_visibility="private")
