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
from assistant.vector_windows import VECTOR_WINDOW_KEY, WINDOW_CHUNKS
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
    vectors = sorted(store.vector_members())[:5]
    got = store.collection.get(ids=vectors, include=["documents", "metadatas", "embeddings"])
    assert all(d is None for d in got["documents"]) and len(got["embeddings"]) == 5
    answer = build_assistant(settings).ask("Care este bugetul total al apelului Inovare Digitală?")
    assert "2.650.000 euro" in answer.text and answer.citations[0].text


def _as_one_vector_per_chunk(settings: Settings) -> None:
    """Rewrite a fresh index as indexes were written before vector windows: one vector per chunk
    under the chunk's own id, no window size in the manifest."""
    store = open_store(settings)
    assert store.manifest is not None
    for doc in store.manifest.documents.values():
        doc.chunking.pop(VECTOR_WINDOW_KEY)
        store.write_chunks([store.chunks[cid] for cid in doc.chunk_ids], window=1)
    store.manifest.chunking.pop(VECTOR_WINDOW_KEY)
    store.commit()  # the window vectors belong to no document any more: they leave Chroma


def test_one_vector_stands_for_a_window_of_consecutive_chunks(settings: Settings,
                                                               make_corpus: Callable[..., list[Path]]) -> None:
    _ingest(settings, [make_corpus()[0].parent])
    store = open_store(settings)
    assert store.manifest is not None
    members = store.vector_members()
    assert store.chroma_ids() == set(members)
    for doc in store.manifest.documents.values():  # each document's chunks, in order, by threes
        windows = [w for w in members.values() if w[0] in doc.chunk_ids]
        assert sorted(cid for w in windows for cid in w) == sorted(doc.chunk_ids)
        assert all(list(w) == doc.chunk_ids[i : i + len(w)] for w in windows
                   for i in [doc.chunk_ids.index(w[0])]) and all(1 <= len(w) <= WINDOW_CHUNKS for w in windows)
    assert len(members) < len(store.chunks)
    question = "Care este bugetul total al apelului Inovare Digitală?"
    window, _sim = store.nearest_windows(question, 1)[0]
    assert store.vector_search(question, 1) == [(cid, _sim) for cid in window]


def test_an_index_of_one_vector_per_chunk_answers_and_is_rewritten_into_windows(
        settings: Settings, make_corpus: Callable[..., list[Path]]) -> None:
    folder = make_corpus()[0].parent
    _ingest(settings, [folder])
    _as_one_vector_per_chunk(settings)
    store = open_store(settings)
    assert store.chroma_ids() == set(store.chunks) == set(store.vector_members())
    assert index_status(store)["consistent"]
    answer = build_assistant(settings).ask("Care este bugetul total al apelului Inovare Digitală?")
    assert "2.650.000 euro" in answer.text
    report = ingest_paths(open_store(settings), [folder], ChunkingConfig())
    assert sorted(report.updated) == sorted(CORPUS_FILES)  # read again: their vectors were per chunk
    store = open_store(settings)
    assert store.chroma_ids() == set(store.vector_members()) and len(store.vector_members()) < len(store.chunks)
    assert index_status(store)["consistent"]


def test_an_index_without_chunk_file_reads_its_texts_from_chroma(settings: Settings,
                                                                 make_corpus: Callable[..., list[Path]]) -> None:
    """Indexes written before chunks.json kept the texts in Chroma (and one vector per chunk):
    they still open and answer."""
    _ingest(settings, [make_corpus()[0].parent])
    _as_one_vector_per_chunk(settings)
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


def test_a_large_index_is_searched_by_its_windows_in_chroma(settings: Settings, make_corpus: Callable[..., list[Path]],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the exact-search size there is no vectors.npz: Chroma's nearest windows stand for
    their chunks, each chunk taking its window's rank, and answers still come."""
    import assistant.store
    import assistant.vector_search

    for module in (assistant.store, assistant.vector_search):
        monkeypatch.setattr(module, "EXACT_SEARCH_LIMIT", 3)
    _ingest(settings, [make_corpus()[0].parent])
    assert not (Path(settings.index) / "vectors.npz").exists()
    store = open_store(settings)
    windows = store.nearest_windows("Care este bugetul total al apelului Inovare Digitală?", 4)
    members = {tuple(m) for m in store.vector_members().values()}
    assert windows and all(w in members and len(w) <= WINDOW_CHUNKS for w, _ in windows)
    assert any(len(w) > 1 for w, _ in windows)
    answer = build_assistant(settings).ask("Care este bugetul total al apelului Inovare Digitală?")
    assert "2.650.000 euro" in answer.text


def test_the_points_of_one_message_are_searched_in_one_chroma_query(settings: Settings,
                                                                    make_corpus: Callable[..., list[Path]],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """ask_vectors searches several texts at once; nearest_windows then gives what it gives
    alone, without asking Chroma again, until forget_vectors."""
    import assistant.store
    import assistant.vector_search

    for module in (assistant.store, assistant.vector_search):
        monkeypatch.setattr(module, "EXACT_SEARCH_LIMIT", 3)
    _ingest(settings, [make_corpus()[0].parent])
    texts = ["Care este bugetul total al apelului Inovare Digitală?", "Cine poate depune o cerere?"]
    alone = [open_store(settings).nearest_windows(t, 4) for t in texts]
    store = open_store(settings)
    queries: list[int] = []
    real = store.collection.query
    monkeypatch.setattr(store.collection, "query", lambda **kw: queries.append(1) or real(**kw))
    store.ask_vectors(texts, 4)
    assert [store.nearest_windows(t, 4) for t in texts] == alone
    assert len(queries) == 1
    store.forget_vectors()
    assert store.nearest_windows(texts[0], 4) == alone[0]
    assert len(queries) == 2
