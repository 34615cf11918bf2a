"""The facts library seen from the UI: sheets and records as plain rows, loaded once per index version."""

from __future__ import annotations

import csv
import dataclasses
import logging
import tempfile
import threading
import weakref
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.ui.holder import AssistantHolder

if TYPE_CHECKING:
    from assistant.service import Assistant

logger = logging.getLogger(__name__)

UNAVAILABLE = "Fișele apelurilor sunt indisponibile în această versiune a asistentului."
_NAME_KEYS = ("call", "name", "title", "document")


def facts_api() -> Any | None:
    """assistant.facts when it offers load_sheets, load_records and check_eligibility; else None."""
    try:
        import assistant.facts as facts
    except ImportError:
        return None
    if all(hasattr(facts, n) for n in ("load_sheets", "load_records", "check_eligibility")):
        return facts
    return None


class FactsView:
    """Sheets (as JSON) and records (as flat dicts) of the holder's current index, cached."""

    def __init__(self, holder: AssistantHolder) -> None:
        self.holder = holder
        self._lock = threading.Lock()
        self._for: weakref.ref[Assistant] | None = None  # the assistant the lists were read from
        self._sheets: list[Any] = []
        self._records: list[dict[str, Any]] = []

    def _refresh(self) -> None:
        facts = facts_api()
        if facts is None:
            raise gr.Error(UNAVAILABLE)
        assistant = self.holder.get()
        with self._lock:
            if self._for is not None and self._for() is assistant:  # (an id may be reused; the object not)
                return
            self._sheets = list(facts.load_sheets(assistant.store))
            self._records = [flat_record(r) for r in facts.load_records(assistant.store)]
            self._for = weakref.ref(assistant)
            logger.info("facts loaded sheets=%d records=%d", len(self._sheets), len(self._records))

    def sheets(self) -> list[Any]:
        self._refresh()
        return self._sheets

    def sheets_json(self) -> list[dict[str, Any]]:
        """The sheets of documents that read as calls (all sheets when the library cannot tell)."""
        return [s.to_json() for s in self.sheets() if getattr(s, "is_call", True)]

    def records(self) -> list[dict[str, Any]]:
        self._refresh()
        return self._records

    def find(self, name: str) -> Any:
        """The sheet whose name is `name`, else the call the name designates as the command line
        finds it (part of its name, its code, programme or document: "cosme", "clustere de
        inovare"), or the first one when name is empty; None when no call matches."""
        sheets = [s for s in self.sheets() if getattr(s, "is_call", True)]
        for sheet in sheets:
            if sheet_name(sheet.to_json()) == name:
                return sheet
        if not name:
            return sheets[0] if sheets else None
        facts = facts_api()
        find_sheet = getattr(facts, "find_sheet", None)
        return find_sheet(sheets, name) if find_sheet is not None else None

    def unknown(self, name: str) -> str:
        """The Romanian message for a name no call matches, listing the indexed calls."""
        known = "; ".join(sheet_name(s.to_json()) for s in self.sheets() if getattr(s, "is_call", True))
        return f"Nu există un apel cu numele „{name}”. Apelurile indexate: {known or 'niciunul'}."


FIELD_LABELS = {
    "call_name": "Denumirea apelului", "call_code": "Cod apel", "programme": "Program",
    "allocation": "Alocare financiară", "project_value": "Valoarea proiectului", "funding_rate": "Rata de finanțare",
    "deadline": "Termen limită", "submission_period": "Perioada de depunere", "duration": "Durata proiectului",
    "applicants": "Solicitanți eligibili", "regions": "Regiuni / județe eligibile",
    "eligible_expenses": "Cheltuieli eligibile", "ineligible_expenses": "Cheltuieli neeligibile",
    "final_beneficiaries": "Beneficiari finali", "domains": "Domenii", "contact_email": "Contact e-mail",
    "contact_phone": "Contact telefon", "contact_person": "Persoană de contact",
    "issuer": "Autoritate / finanțator", "caen_codes": "Coduri CAEN",
}
# A project value's bound (normalized.bound) named in its row label.
BOUND_LABELS = {"min": "Valoarea minimă a proiectului", "max": "Valoarea maximă a proiectului"}


def sheet_name(data: dict[str, Any]) -> str:
    for key in _NAME_KEYS:
        value = data.get(key)
        if isinstance(value, dict):
            value = value.get("value")
        if value:
            return str(value)
    return "(apel fără nume)"


def sheet_rows(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None]]:
    """(field, value with its condition, source) rows of a sheet's JSON: fields maps a name to its facts."""
    rows: list[tuple[str, str, dict[str, Any] | None]] = []
    fields = data.get("fields") or {}
    for key, facts in (fields.items() if isinstance(fields, dict) else []):
        for fact in facts if isinstance(facts, list) else [facts]:
            if not isinstance(fact, dict):
                continue
            value = _text(fact.get("value"))
            if fact.get("condition"):
                value = f"{value} ({fact['condition']})"
            source = {"document": fact.get("document") or data.get("document"), "page": fact.get("page"),
                      "section": fact.get("section"), "text": fact.get("passage") or fact.get("text") or "",
                      "quote": fact.get("text") or ""}
            norm = fact.get("normalized")
            bound = norm.get("bound") if key == "project_value" and isinstance(norm, dict) else None
            label = BOUND_LABELS.get(str(bound)) or FIELD_LABELS.get(key, key.replace("_", " "))
            rows.append((label, value, source))
    return rows


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items() if v not in (None, "", []))
    return "" if value is None else str(value)


def flat_record(record: Any) -> dict[str, Any]:
    """A record as one flat row: name, its fields under their written headers, then where it comes from."""
    data = record.to_json() if hasattr(record, "to_json") else dataclasses.asdict(record)
    labels = data.get("labels") or {}
    row: dict[str, Any] = {"Tabel": f"{data.get('document', '')} · {data.get('table', '')}",
                           "Nume": data.get("name") or ""}
    row.update({str(labels.get(k, k)): _text(v) for k, v in (data.get("fields") or {}).items()})
    row["Document"] = data.get("document", "")
    row["Pagina"] = "" if data.get("page") is None else str(data["page"])
    return row


def records_csv(rows: list[dict[str, Any]]) -> str:
    """The rows written to a temporary UTF-8 CSV (with BOM, so spreadsheet programs read diacritics)."""
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="inregistrari-", delete=False,
                                     encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns or ["gol"])
        writer.writeheader()
        writer.writerows(rows)
        return f.name
