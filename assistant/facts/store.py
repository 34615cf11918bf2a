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
from assistant.manifest import FACTS_NAME, RECORDS_NAME, write_atomic

if TYPE_CHECKING:
    from assistant.store import Store
    from assistant.types import Chunk

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
# Bumped when extraction changes: the sheets and records of unchanged documents are then read again.
EXTRACTOR_VERSION = 8


Structured = tuple[CallSheet, list[Record]]


def extract_document(name: str, chunks: list[Chunk]) -> Structured:
    """The sheet and records of one document, from its chunks in order (with their windows,
    which hold the headings the chunk texts leave out)."""
    lines = document_lines(chunks)
    return extract_sheet(name, chunks[0].title, lines), extract_records(name, lines)


def extract_all(store: Store) -> tuple[list[CallSheet], list[Record]]:
    """Sheets and records of every document the store holds, from its chunks."""
    return _join({name: extract_document(name, chunks) for name, chunks in by_document(store.ordered_chunks()).items()})


def _join(per_document: dict[str, Structured]) -> tuple[list[CallSheet], list[Record]]:
    sheets: list[CallSheet] = []
    records: list[Record] = []
    for name in sorted(per_document):
        sheet, rows = per_document[name]
        sheets.append(sheet)
        records.extend(rows)
    return sheets, records


def refresh_structured(store: Store, fresh: dict[str, Structured] | None = None) -> None:
    """Rebuild facts.json and records.json after an ingest commit: documents read in this run
    from what was extracted as they were read (`fresh`), unchanged ones from the files already
    written (by their sha256), anything else from the store's chunks."""
    folder = Path(store.folder)
    shas = {n: d.sha256 for n, d in store.manifest.documents.items()} if store.manifest else {}
    fresh = fresh or {}
    kept = _previous(folder, shas)
    present = by_document(store.ordered_chunks())
    per_document: dict[str, Structured] = {}
    for name, chunks in present.items():
        got = fresh.get(name) or kept.get(name)
        per_document[name] = got if got is not None else extract_document(name, chunks)
    sheets, records = _join(per_document)
    documents = {name: shas.get(name, "") for name in per_document}
    write_atomic(folder / RECORDS_NAME, _dump({"version": FORMAT_VERSION, "extractor": EXTRACTOR_VERSION,
                                               "documents": documents,
                                               "records": [r.to_json() for r in records]}))
    write_atomic(folder / FACTS_NAME, _dump({"version": FORMAT_VERSION, "extractor": EXTRACTOR_VERSION,
                                             "documents": documents,
                                             "sheets": [s.to_json() for s in sheets]}))
    logger.info("structured refreshed sheets=%d calls=%d records=%d reused=%d", len(sheets),
                sum(1 for s in sheets if s.is_call), len(records), sum(1 for n in per_document if n in kept))


def _previous(folder: Path, shas: dict[str, str]) -> dict[str, Structured]:
    """What facts.json and records.json hold for documents whose file has not changed since."""
    facts, recs = _read(folder, FACTS_NAME), _read(folder, RECORDS_NAME)
    if facts is None or recs is None or {facts.get("extractor"), recs.get("extractor")} != {EXTRACTOR_VERSION}:
        return {}
    same = {n for n, sha in facts.get("documents", {}).items()
            if sha and shas.get(n) == sha and recs.get("documents", {}).get(n) == sha}
    out: dict[str, Structured] = {}
    for data in facts["sheets"]:
        if data["document"] in same:
            out[data["document"]] = (CallSheet.from_json(data), [])
    for data in recs["records"]:
        if data["document"] in out:
            out[data["document"]][1].append(Record.from_json(data))
    return out


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
