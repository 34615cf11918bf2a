"""Many files are read in a worker process beside the ingest: the index is the same as when every
file is read in the ingest process, a bad file still fails alone, and a dead worker costs nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docs_factory import index_texts

import ingest.prepare
from assistant.build import build_assistant
from assistant.settings import Settings

TEXTS = {f"apel-{n:02d}.txt": f"Apelul Sondaj {n} 2032\n\nBugetul apelului este de {n}.{n + 10}0.000 lei.\n"
         f"Pot depune cereri cooperativele din regiunea de test {n}.\nTermenul de depunere este {n} mai 2032.\n"
         for n in range(1, 11)}


def _index(tmp_path: Path, name: str) -> Settings:
    return index_texts(tmp_path / f"docs-{name}", tmp_path / name, TEXTS | {"rupt.pdf": "nu este un PDF"})


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    for name in ("worker", "here", "dead"):
        (tmp_path / f"docs-{name}").mkdir()
    return tmp_path


def test_a_worker_builds_the_same_index(folders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(TEXTS) >= ingest.prepare.POOL_MIN_FILES
    settings = _index(folders, "worker")
    monkeypatch.setattr(ingest.prepare, "POOL_MIN_FILES", 10_000)
    worker, here = Path(settings.index), Path(_index(folders, "here").index)
    for name in ("chunks.json", "facts.json", "records.json", "vectors.npz"):
        assert (worker / name).read_bytes() == (here / name).read_bytes(), name
    docs = json.loads((worker / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert sorted(docs) == sorted(TEXTS)  # the broken PDF failed alone
    answer = build_assistant(settings).ask("Care este bugetul apelului Sondaj 7?")
    assert "7.170.000" in answer.text


def test_a_dead_worker_leaves_the_files_to_the_ingest(folders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest.prepare, "_serve_command", lambda: ["-c", "import sys; sys.exit(1)"])
    dead = Path(_index(folders, "dead").index)
    docs = json.loads((dead / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert sorted(docs) == sorted(TEXTS)


def test_the_ingest_reads_files_itself_while_the_worker_is_busy(folders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker slow to answer (here: slow to start) leaves files to the ingest process, and the
    index is still the one-process index."""
    here_read: list[str] = []
    original = ingest.prepare.prepare
    monkeypatch.setattr(ingest.prepare, "prepare", lambda job: here_read.append(job.key) or original(job))
    monkeypatch.setattr(ingest.prepare, "_serve_command", lambda: [
        "-c", "import time; time.sleep(3); from ingest.prepare import _serve; _serve()"])
    shared = Path(_index(folders, "worker").index)
    assert here_read and len(here_read) < len(TEXTS) + 1  # some files here, the others in the worker
    monkeypatch.setattr(ingest.prepare, "POOL_MIN_FILES", 10_000)
    here = Path(_index(folders, "here").index)
    for name in ("chunks.json", "facts.json", "records.json", "vectors.npz"):
        assert (shared / name).read_bytes() == (here / name).read_bytes(), name
