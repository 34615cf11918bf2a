"""facts.json and records.json beside the index: rebuilt after every ingest, read by the assistant."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.facts.lines import by_document, document_lines
from assistant.facts.records import Record, extract_records
from assistant.facts.sheet import CallSheet, extract_sheet
from assistant.manifest import write_atomic

if TYPE_CHECKING:
    from assistant.store import Store

logger = logging.getLogger(__name__)

FACTS_NAME = "facts.json"
RECORDS_NAME = "records.json"
FORMAT_VERSION = 1


def extract_all(store: Store) -> tuple[list[CallSheet], list[Record]]:
    """Sheets and records of every document the store holds, from its chunks."""
    sheets: list[CallSheet] = []
    records: list[Record] = []
    for name, chunks in sorted(by_document(store.ordered_chunks()).items()):
        lines = document_lines(chunks)
        sheets.append(extract_sheet(name, chunks[0].title, lines))
        records.extend(extract_records(name, lines))
    return sheets, records


def refresh_structured(store: Store) -> None:
    """Rebuild facts.json and records.json from the store (ingest calls this after each commit)."""
    sheets, records = extract_all(store)
    folder = Path(store.folder)
    write_atomic(folder / FACTS_NAME, _dump({"version": FORMAT_VERSION, "sheets": [s.to_json() for s in sheets]}))
    write_atomic(folder / RECORDS_NAME, _dump({"version": FORMAT_VERSION, "records": [r.to_json() for r in records]}))
    logger.info("structured refreshed sheets=%d calls=%d records=%d", len(sheets),
                sum(1 for s in sheets if s.is_call), len(records))


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def _read(folder: Path, name: str) -> dict[str, Any] | None:
    path = folder / name
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if data.get("version") == FORMAT_VERSION else None


def load_sheets(store: Store) -> list[CallSheet]:
    """Every document's sheet (filter on `is_call` for the calls); from facts.json, else extracted now."""
    data = _read(Path(store.folder), FACTS_NAME)
    if data is None:
        return extract_all(store)[0]
    return [CallSheet.from_json(s) for s in data["sheets"]]


def load_records(store: Store) -> list[Record]:
    data = _read(Path(store.folder), RECORDS_NAME)
    if data is None:
        return extract_all(store)[1]
    return [Record.from_json(r) for r in data["records"]]


def records_source(store: Store) -> Callable[[], list[Record]]:
    """Records of the store, re-read only when records.json changes (the app re-ingests live)."""
    return _reloading(Path(store.folder) / RECORDS_NAME, lambda: load_records(store))


def sheets_source(store: Store) -> Callable[[], list[CallSheet]]:
    """Call sheets of the store, re-read only when facts.json changes."""
    return _reloading(Path(store.folder) / FACTS_NAME, lambda: [s for s in load_sheets(store) if s.is_call])


T = TypeVar("T")


def _reloading(path: Path, load: Callable[[], list[T]]) -> Callable[[], list[T]]:
    """A loader that reads again only when the file's modification time changes."""
    state: dict[str, Any] = {"mtime": -1, "items": []}

    def current() -> list[T]:
        mtime = path.stat().st_mtime_ns if path.exists() else None
        if mtime != state["mtime"]:
            state["items"], state["mtime"] = load(), mtime
        return list(state["items"])

    return current
