"""Tab „Eligibilitate”: an SME's profile checked against one call, criterion by criterion."""

from __future__ import annotations

import logging
import re
from typing import Any

import gradio as gr

from assistant.facts.profile import ENTITY_LABELS
from assistant.facts.regions import counties
from assistant.ui.facts_view import UNAVAILABLE, FactsView, facts_api, sheet_name
from assistant.ui.guard import romanian_errors
from assistant.ui.render import esc, highlight, where

logger = logging.getLogger(__name__)

# The choices come from the data files the check reads (entity_types_ro.json, regions_ro.json).
ENTITY_TYPES = [(label, key) for key, label in ENTITY_LABELS.items()]
COUNTIES = counties()
STATUS_RO = {"met": "✔ îndeplinit", "not_met": "✘ neîndeplinit", "unknown": "? necunoscut"}
VERDICT_RO = {"eligibil": "✔ Eligibil", "neeligibil": "✘ Neeligibil", "de verificat": "? De verificat"}


def profile_of(entity_type: str, county: str, domain: str, years: float | None, member: bool) -> dict[str, Any]:
    return {"entity_type": entity_type, "county": county, **profile_of_domain(domain),
            "years_active": None if years is None else int(years), "cluster_member": bool(member)}


ALL_CALLS = "(toate apelurile)"


def profile_of_domain(domain: str) -> dict[str, Any]:
    """The domain box takes an activity or a CAEN code: four digits are the code."""
    text = (domain or "").strip()
    return {"caen": text} if re.fullmatch(r"\d{2}\.?\d{2}", text) else {"domain": text}


def overview_html(results: list[dict[str, Any]]) -> str:
    """Every call for the profile: verdict, rate, maximum value and deadline, each with its source."""
    rows = []
    for r in results:
        cells = []
        for key, label in (("rate", "rata"), ("max_value", "valoare maximă"), ("deadline", "termen")):
            item = r.get(key)
            if not item:
                continue
            shown = f"{item['applies']:g}%" if key == "rate" and isinstance(item.get("applies"), (int, float)) \
                else str(item.get("value"))
            if key == "deadline" and item.get("passed"):
                shown += " (expirat)"
            cells.append(f'{label}: <span title="{esc(where(item.get("citation") or {}))}">{esc(shown)}</span>')
        verdict = str(r.get("verdict", "de verificat"))
        cells += [f'{esc(c.get("criterion"))}: <span class="st-{esc(c.get("status"))}">'
                  f'{esc(STATUS_RO.get(str(c.get("status")), c.get("status")))}</span>' for c in r.get("criteria", [])]
        rows.append(f'<li><b>{esc(r.get("call"))}</b> — {esc(VERDICT_RO.get(verdict, verdict))}'
                    f'{"; " if cells else ""}{"; ".join(cells)}'
                    f'<div class="src-head">{esc(r.get("summary"))}</div></li>')
    return (f'<div class="verdict">Apeluri pentru profilul dat: {len(results)}</div>'
            f'<ul class="checklist">{"".join(rows)}</ul>')


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
        choices = ([ALL_CALLS] if hasattr(facts, "check_calls") else []) + names
        return gr.Dropdown(choices=choices, value=choices[0] if choices else None)

    @romanian_errors
    def on_check(call_name: str, *fields: Any) -> str:
        if call_name in ("", None, ALL_CALLS) and hasattr(facts, "check_calls"):
            return overview_html(facts.check_calls(view.sheets(), profile_of(*fields)))
        sheet = view.find(call_name or "")
        if sheet is None:
            raise gr.Error("Alegeți un apel din listă.")
        return result_html(facts.check_eligibility(sheet, profile_of(*fields)))

    tab.select(on_calls, None, [call], api_visibility="private")
    go.click(on_check, [call, entity, county, domain, years, member], [out], api_visibility="private")
