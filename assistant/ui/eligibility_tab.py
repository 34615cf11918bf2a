"""Tab „Eligibilitate”: an SME's profile checked against one call, criterion by criterion."""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from assistant.ui.facts_view import UNAVAILABLE, FactsView, facts_api, sheet_name
from assistant.ui.guard import romanian_errors
from assistant.ui.render import esc, highlight, where

logger = logging.getLogger(__name__)

ENTITY_TYPES = [
    ("Microîntreprindere", "microintreprindere"), ("Întreprindere mică", "intreprindere_mica"),
    ("Întreprindere mijlocie", "intreprindere_mijlocie"), ("Întreprindere mare", "intreprindere_mare"),
    ("Organizație de management a clusterului", "organizatie_cluster"), ("Universitate", "universitate"),
    ("Institut de cercetare", "institut_cercetare"), ("ONG", "ONG"), ("Autoritate publică", "autoritate_publica"),
]
COUNTIES = [
    "Alba", "Arad", "Argeș", "Bacău", "Bihor", "Bistrița-Năsăud", "Botoșani", "Brașov", "Brăila", "București",
    "Buzău", "Caraș-Severin", "Călărași", "Cluj", "Constanța", "Covasna", "Dâmbovița", "Dolj", "Galați",
    "Giurgiu", "Gorj", "Harghita", "Hunedoara", "Ialomița", "Iași", "Ilfov", "Maramureș", "Mehedinți", "Mureș",
    "Neamț", "Olt", "Prahova", "Satu Mare", "Sălaj", "Sibiu", "Suceava", "Teleorman", "Timiș", "Tulcea",
    "Vaslui", "Vâlcea", "Vrancea",
]
STATUS_RO = {"met": "✔ îndeplinit", "not_met": "✘ neîndeplinit", "unknown": "? necunoscut"}
VERDICT_RO = {"eligibil": "✔ Eligibil", "neeligibil": "✘ Neeligibil", "de verificat": "? De verificat"}


def profile_of(entity_type: str, county: str, domain: str, years: float | None, member: bool) -> dict[str, Any]:
    return {"entity_type": entity_type, "county": county, "domain": (domain or "").strip(),
            "years_active": None if years is None else int(years), "cluster_member": bool(member)}


def result_html(result: dict[str, Any]) -> str:
    verdict = str(result.get("verdict", "de verificat"))
    rows = []
    for c in result.get("criteria", []):
        status = str(c.get("status", "unknown"))
        cite = c.get("citation") or {}
        passage = (f'<div class="src"><div class="src-head">{where(cite)}</div>'
                   f'{highlight(str(cite.get("text", "")), str(cite.get("quote", "")))}</div>') if cite else ""
        rows.append(f'<li><span class="st-{esc(status)}">{esc(STATUS_RO.get(status, status))}</span> — '
                    f'<b>{esc(c.get("criterion"))}</b>: {esc(c.get("explanation"))}{passage}</li>')
    return (f'<div class="verdict">{esc(result.get("call"))}: {esc(VERDICT_RO.get(verdict, verdict))}</div>'
            f'<p>{esc(result.get("summary"))}</p><ul class="checklist">{"".join(rows)}</ul>')


def build_eligibility_tab(view: FactsView, tab: gr.Tab) -> None:
    facts = facts_api()
    if facts is None:
        logger.warning("facts library missing; eligibility tab unavailable")
        gr.Markdown(UNAVAILABLE)
        return
    with gr.Row():
        entity = gr.Dropdown(ENTITY_TYPES, value="microintreprindere", label="Tipul solicitantului", elem_id="el-type")
        county = gr.Dropdown(COUNTIES, value="Timiș", label="Județul", elem_id="el-county")
        domain = gr.Textbox(label="Domeniul de activitate sau codul CAEN", elem_id="el-domain")
    with gr.Row():
        years = gr.Number(value=2, minimum=0, precision=0, label="Ani de activitate", elem_id="el-years")
        member = gr.Checkbox(label="Membru al unui cluster", elem_id="el-member")
        call = gr.Dropdown([], label="Apelul", elem_id="el-call")
    go = gr.Button("Verifică eligibilitatea", variant="primary", elem_id="el-check")
    out = gr.HTML(elem_id="el-result")

    @romanian_errors
    def on_calls() -> Any:
        names = [sheet_name(s) for s in view.sheets_json()]
        return gr.Dropdown(choices=names, value=names[0] if names else None)

    @romanian_errors
    def on_check(call_name: str, *fields: Any) -> str:
        sheet = view.find(call_name or "")
        if sheet is None:
            raise gr.Error("Alegeți un apel din listă.")
        return result_html(facts.check_eligibility(sheet, profile_of(*fields)))

    tab.select(on_calls, None, [call], api_visibility="private")
    go.click(on_check, [call, entity, county, domain, years, member], [out], api_visibility="private")
