"""Named API endpoints for gradio_client: /ask, /reply, /facts, /check (JSON in, JSON out)."""

from __future__ import annotations

import json
from typing import Any

import gradio as gr

from assistant.reply import draft_reply
from assistant.ui.facts_view import UNAVAILABLE, FactsView, facts_api
from assistant.ui.guard import romanian_errors
from assistant.ui.holder import AssistantHolder


def _history(history: str) -> list[dict[str, str]]:
    """History arrives as JSON text: [{"role", "content"}, ...] or a list of earlier questions."""
    if not (history or "").strip():
        return []
    try:
        data = json.loads(history)
    except json.JSONDecodeError as exc:
        raise gr.Error(f"Istoricul conversației nu este JSON valid ({exc.msg}).") from exc
    if not isinstance(data, list):
        raise gr.Error("Istoricul conversației trebuie să fie o listă.")
    return [t if isinstance(t, dict) else {"role": "user", "content": str(t)} for t in data]


def _facts_module() -> Any:
    facts = facts_api()
    if facts is None:
        raise gr.Error(UNAVAILABLE)
    return facts


def register_api(holder: AssistantHolder, view: FactsView) -> None:
    """Call inside the Blocks context."""

    @romanian_errors
    def ask(question: str, history: str = "") -> dict[str, Any]:
        """Answer one question; history is JSON [{"role","content"}]. Returns the JSON contract."""
        return holder.get().ask(question, history=_history(history)).to_json()

    @romanian_errors
    def reply(email: str) -> dict[str, Any]:
        """Draft a reply to an e-mail (raw .eml text or the pasted body)."""
        if not (email or "").strip():
            raise gr.Error("E-mailul este gol.")
        return draft_reply(holder.get(), email)

    @romanian_errors
    def facts(call: str = "") -> dict[str, Any]:
        """Fact sheets of all calls (or of one, by name) and the records extracted from tables."""
        _facts_module()
        sheets = view.sheets_json()
        if call:
            sheet = view.find(call)
            if sheet is None:
                raise gr.Error(view.unknown(call))
            sheets = [sheet.to_json()]
        return {"sheets": sheets, "records": view.records()}

    @romanian_errors
    def check(call: str, profile: str) -> dict[str, Any]:
        """Eligibility of a profile (JSON: entity_type, county, domain, years_active, cluster_member)."""
        module = _facts_module()
        try:
            data = json.loads(profile) if isinstance(profile, str) else dict(profile)
        except json.JSONDecodeError as exc:
            raise gr.Error(f"Profilul nu este JSON valid ({exc.msg}).") from exc
        if not call and hasattr(module, "check_calls"):  # no call named: every call, open and met first
            return {"calls": list(module.check_calls(view.sheets(), data))}
        sheet = view.find(call or "")
        if sheet is None:
            raise gr.Error(view.unknown(call))
        return dict(module.check_eligibility(sheet, data))

    for fn in (ask, reply, facts, check):
        gr.api(fn, api_name=fn.__name__)
