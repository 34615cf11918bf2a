"""What each file of the index holds: Chroma the vectors only, chunks.json the texts, facts read
once per document version, and vectors no document owns removed at the next commit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docs_factory import CORPUS_FILES

import assistant.facts.store as facts_store
from assistant.build import build_assistant, open_store
from assistant.chunk_file import CHUNKS_NAME
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths
from ingest.status import index_status


def _ingest(settings: Settings, paths: list[Path]) -> None:
    report = ingest_paths(open_store(settings), paths, ChunkingConfig())
    assert not report.failed, report.failed


def test_texts_live_in_the_chunk_file_and_chroma_holds_vectors(settings: Settings,
                                                               make_corpus: Callable[..., list[Path]]) -> None:
    _ingest(settings, [make_corpus()[0].parent])
    store = open_store(settings)
    saved = json.loads((Path(settings.index) / CHUNKS_NAME).read_text(encoding="utf-8"))
    assert [row[0] for row in saved["chunks"]] == store.bm25.ids  # one row per chunk, in BM25 order
    got = store.collection.get(ids=store.bm25.ids[:5], include=["documents", "metadatas", "embeddings"])
    assert all(d is None for d in got["documents"]) and len(got["embeddings"]) == 5
    answer = build_assistant(settings).ask("Care este bugetul total al apelului Inovare Digitală?")
    assert "2.650.000 euro" in answer.text and answer.citations[0].text


def test_an_index_without_chunk_file_reads_its_texts_from_chroma(settings: Settings,
                                                                 make_corpus: Callable[..., list[Path]]) -> None:
    """Indexes written before chunks.json kept the texts in Chroma: they still open and answer."""
    _ingest(settings, [make_corpus()[0].parent])
    store = open_store(settings)
    chunks = [store.chunks[cid] for cid in store.bm25.ids]
    for start in range(0, len(chunks), 100):  # as the old writer did: text and metadata in Chroma
        part = chunks[start : start + 100]
        store.collection.update(ids=[c.id for c in part], documents=[c.text for c in part],
                                metadatas=[c.metadata() for c in part])  # type: ignore[misc]
    (Path(settings.index) / CHUNKS_NAME).unlink()
    reopened = open_store(settings)
    assert {c.id: c.text for c in reopened.chunks.values()} == {c.id: c.text for c in chunks}
    assert index_status(reopened)["consistent"]


def test_facts_of_unchanged_documents_are_not_read_again(settings: Settings, tmp_path: Path,
                                                         make_corpus: Callable[..., list[Path]],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_corpus()[0].parent
    _ingest(settings, [folder])
    before = json.loads((Path(settings.index) / "facts.json").read_text(encoding="utf-8"))["sheets"]
    read: list[str] = []
    original = facts_store.extract_document
    monkeypatch.setattr(facts_store, "extract_document",
                        lambda name, chunks: read.append(name) or original(name, chunks))
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "nota.txt").write_text("Notă: termenul de depunere este 3 aprilie 2026.\n", encoding="utf-8")
    _ingest(settings, [folder, extra])
    assert read == []  # the new file's facts were read by the pipeline as it was read, not here
    after = json.loads((Path(settings.index) / "facts.json").read_text(encoding="utf-8"))["sheets"]
    assert [s for s in after if s["document"] != "nota.txt"] == before
    assert {s["document"] for s in after} == set(CORPUS_FILES) | {"nota.txt"}


def test_vectors_no_document_owns_leave_chroma_at_the_next_commit(settings: Settings,
                                                                   make_corpus: Callable[..., list[Path]]) -> None:
    """A run killed after writing vectors and before its commit leaves orphans; the next one removes them."""
    folder = make_corpus()[0].parent
    _ingest(settings, [folder])
    store = open_store(settings)
    store.collection.upsert(ids=["orphan-1", "orphan-2"], embeddings=[[0.1] * store.dim, [0.2] * store.dim])
    assert not index_status(open_store(settings))["consistent"]
    _ingest(settings, [folder])
    status = index_status(open_store(settings))
    assert status["consistent"], status["problems"]
    assert "orphan-1" not in open_store(settings).chroma_ids()
