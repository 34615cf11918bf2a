"""The facts library seen from the UI: sheets and records as plain rows, loaded once per index version."""

from __future__ import annotations

import csv
import dataclasses
import logging
import tempfile
import threading
from typing import Any

from assistant.ui.holder import AssistantHolder

logger = logging.getLogger(__name__)

UNAVAILABLE = "Fișele apelurilor sunt indisponibile în această versiune a asistentului."
_NAME_KEYS = ("call", "name", "title", "call_name", "document")
_SOURCE_KEYS = ("citation", "source", "evidence")


class FactsView:
    """Sheets (as JSON) and records (as flat dicts) of the holder's current index, cached."""

    def __init__(self, holder: AssistantHolder) -> None:
        self.holder = holder
        self._lock = threading.Lock()
        self._key: int | None = None
        self._sheets: list[Any] = []
        self._records: list[dict[str, Any]] = []

    def _refresh(self) -> None:
        from assistant.facts import load_records, load_sheets  # built alongside; absent means unavailable

        assistant = self.holder.get()
        with self._lock:
            if self._key == id(assistant):
                return
            self._sheets = list(load_sheets(assistant.store))
            self._records = [flat_record(r) for r in load_records(assistant.store)]
            self._key = id(assistant)
            logger.info("facts loaded sheets=%d records=%d", len(self._sheets), len(self._records))

    def sheets(self) -> list[Any]:
        self._refresh()
        return self._sheets

    def sheets_json(self) -> list[dict[str, Any]]:
        return [s.to_json() for s in self.sheets()]

    def records(self) -> list[dict[str, Any]]:
        self._refresh()
        return self._records

    def find(self, name: str) -> Any:
        """The sheet whose name is `name` (or the only one when name is empty)."""
        sheets = self.sheets()
        for sheet in sheets:
            if sheet_name(sheet.to_json()) == name:
                return sheet
        return sheets[0] if sheets and not name else None


def sheet_name(data: dict[str, Any]) -> str:
    for key in _NAME_KEYS:
        value = data.get(key)
        if isinstance(value, dict):
            value = value.get("value")
        if value:
            return str(value)
    return "(apel fără nume)"


def sheet_rows(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None]]:
    """(field, value, source) rows of a sheet's JSON, whatever nesting the sheet uses."""
    rows: list[tuple[str, str, dict[str, Any] | None]] = []
    items = data.get("fields") or data.get("facts")
    pairs = ([(str(i.get("label") or i.get("field") or i.get("name") or ""), i) for i in items]
             if isinstance(items, list) else list(data.items()))
    for label, value in pairs:
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, dict) and "value" in one:
                source = next((one[k] for k in _SOURCE_KEYS if isinstance(one.get(k), dict)), None)
                rows.append((str(one.get("label") or label), _text(one["value"]), source))
    return rows


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items() if v not in (None, "", []))
    return "" if value is None else str(value)


def flat_record(record: Any) -> dict[str, Any]:
    """A record as one flat row: its fields, then where it comes from."""
    data = record.to_json() if hasattr(record, "to_json") else dataclasses.asdict(record)
    row: dict[str, Any] = {}
    fields = data.get("fields")
    row.update({str(k): _text(v) for k, v in (fields.items() if isinstance(fields, dict) else [])})
    for key, value in data.items():
        if key == "fields":
            continue
        if isinstance(value, dict):
            row.update({f"{key}.{k}": _text(v) for k, v in value.items() if k != "text"})
        else:
            row[key] = _text(value)
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
