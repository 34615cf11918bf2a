"""The holder swaps the assistant after an ingest, also one made by another process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docs_factory import ingest_folder

from assistant.errors import IndexNotBuiltError
from assistant.settings import Settings
from assistant.ui.holder import AssistantHolder


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_empty_index_raises_index_not_built(tmp_path: Path) -> None:
    with pytest.raises(IndexNotBuiltError):
        AssistantHolder(Settings(index=tmp_path / "index")).get()


def test_reloads_when_another_process_ingests(tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "index")
    _write(tmp_path / "a", "apel-a.txt", "Apelul Alfa are un buget de 3 milioane lei pentru firme.")
    ingest_folder(settings, tmp_path / "a")
    holder = AssistantHolder(settings)
    first = holder.get()
    assert holder.get() is first  # unchanged manifest: same object
    _write(tmp_path / "b", "apel-b.txt", "Apelul Beta finanțează sere fotovoltaice cu maximum 70.000 lei.")
    ingest_folder(Settings(index=tmp_path / "index"), tmp_path / "b")  # another writer, its own store
    manifest = tmp_path / "index" / "manifest.json"
    os.utime(manifest, ns=(manifest.stat().st_atime_ns, manifest.stat().st_mtime_ns + 1_000_000))
    second = holder.get()
    assert second is not first
    answer = second.ask("Cât finanțează apelul Beta pentru sere fotovoltaice?")
    assert answer.citations and answer.citations[0].document == "apel-b.txt"


def test_reload_after_removing_everything_leaves_no_assistant(tmp_path: Path) -> None:
    from ingest.pipeline import remove_documents

    settings = Settings(index=tmp_path / "index")
    _write(tmp_path / "a", "apel-a.txt", "Apelul Alfa are un buget de 3 milioane lei pentru firme.")
    ingest_folder(settings, tmp_path / "a")
    holder = AssistantHolder(settings)
    holder.get()
    remove_documents(holder.open_store(), ["apel-a.txt"])
    assert holder.reload() is None
    with pytest.raises(IndexNotBuiltError):
        holder.get()
