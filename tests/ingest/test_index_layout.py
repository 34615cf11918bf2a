"""One owner of the index layout: --rebuild removes every part of the index (then the index is
complete again), and documents read with another text normalisation are refused until read again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chromadb.api.shared_system_client import SharedSystemClient
from docs_factory import index_texts

import assistant.text as text
from assistant.build import build_assistant, drop_index, ingest_files
from assistant.errors import IndexOutOfDateError
from assistant.manifest import INDEX_PARTS, MANIFEST_NAME
from ingest.cli import main as ingest_main

CALL = ("Apelul Cercetare Aplicată 2031\n\nBugetul total al apelului este de 4.150.000 euro.\n\n"
        "Solicitanții eligibili sunt universitățile și institutele de cercetare.\n")


def test_rebuild_drops_every_part_and_leaves_a_complete_index(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    settings = index_texts(folder, tmp_path / "index", {"apel.txt": CALL})
    index = Path(settings.index)
    assert {"chunks.json", "facts.json", "records.json", MANIFEST_NAME} <= {p.name for p in index.iterdir()}

    SharedSystemClient.clear_system_cache()  # a fresh process, as `python -m ingest --rebuild` runs in
    drop_index(settings)
    assert not [name for name in INDEX_PARTS if (index / name).exists()]

    SharedSystemClient.clear_system_cache()
    assert ingest_main([str(folder), "--index", str(index), "--rebuild"]) == 0
    capsys.readouterr()
    assert ingest_main(["--status", "--json", "--index", str(index)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["consistent"] and [d["document"] for d in status["documents"]] == ["apel.txt"]


def test_documents_read_with_another_normalisation_are_refused_until_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    settings = index_texts(folder, tmp_path / "index", {"apel.txt": CALL})
    path = Path(settings.index) / MANIFEST_NAME
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for entry in manifest["documents"].values():
        entry["chunking"]["text"] = "0" * 12  # as an older text.py would have read it
    path.write_text(json.dumps(manifest), encoding="utf-8")

    with pytest.raises(IndexOutOfDateError, match="python -m ingest"):
        build_assistant(settings)
    report = ingest_files(settings, [folder])  # an ordinary ingest reads the stale documents again
    assert report.updated == ["apel.txt"]
    assert "4.150.000" in build_assistant(settings).ask("Care este bugetul total al apelului?").text


def test_the_signature_follows_the_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing a normalisation table (here a multiplier word) changes the signature the manifest keeps."""
    before = text.text_signature()
    monkeypatch.setitem(text.MULTIPLIERS, "zeci", 10)
    text.text_signature.cache_clear()
    try:
        assert text.text_signature() != before
    finally:
        monkeypatch.undo()
        text.text_signature.cache_clear()
    assert text.text_signature() == before
