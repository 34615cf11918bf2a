"""Ingest runs: re-ingesting changes nothing, a changed file replaces its chunks, pruning removes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docs_factory import CORPUS_FILES

from assistant.build import build_assistant, open_store
from assistant.settings import Settings
from assistant.vector_windows import vector_groups, window_size
from ingest.chunking import ChunkingConfig
from ingest.pipeline import IngestReport, ingest_paths, remove_documents
from ingest.status import index_status


def _ingest(settings: Settings, paths: list[Path], *, prune: bool = False) -> IngestReport:
    cfg = ChunkingConfig(chunk_tokens=settings.chunk_tokens, window_tokens=settings.window_tokens)
    return ingest_paths(open_store(settings), paths, cfg, prune=prune)


def _doc_ids(settings: Settings) -> dict[str, list[str]]:
    manifest = open_store(settings).manifest
    assert manifest is not None
    return {name: list(d.chunk_ids) for name, d in manifest.documents.items()}


def _vector_ids(settings: Settings, name: str | None = None) -> set[str]:
    """Ids of the vectors the manifest lays out (one per window of chunks), of one document or all."""
    manifest = open_store(settings).manifest
    assert manifest is not None
    return {vid for key, d in manifest.documents.items() if name in (None, key)
            for vid, _ in vector_groups(d.chunk_ids, window_size(d.chunking))}


def test_first_ingest_indexes_every_format(settings: Settings, make_corpus: Callable[..., list[Path]]) -> None:
    files = make_corpus()
    report = _ingest(settings, [files[0].parent])
    assert sorted(report.added) == sorted(CORPUS_FILES)
    assert not report.failed
    status = index_status(open_store(settings))
    assert status["consistent"], status["problems"]
    assert {d["document"] for d in status["documents"]} == set(CORPUS_FILES)
    assert status["chunks"] == report.chunks_total == sum(d["chunks"] for d in status["documents"])
    pdf = next(d for d in status["documents"] if d["document"].endswith(".pdf"))
    assert pdf["pages"] == 2


def test_reingest_changes_nothing(settings: Settings, make_corpus: Callable[..., list[Path]]) -> None:
    folder = make_corpus()[0].parent
    _ingest(settings, [folder])
    before = _doc_ids(settings)
    chroma_before = open_store(settings).chroma_ids()
    report = _ingest(settings, [folder])
    assert sorted(report.unchanged) == sorted(CORPUS_FILES)
    assert report.added == report.updated == report.removed == []
    assert report.chunks_written == 0
    assert _doc_ids(settings) == before
    assert open_store(settings).chroma_ids() == chroma_before


def test_another_chunker_remakes_the_chunks_of_unchanged_files(settings: Settings,
                                                               make_corpus: Callable[..., list[Path]]) -> None:
    folder = make_corpus()[0].parent
    _ingest(settings, [folder])
    before = _doc_ids(settings)
    smaller = ChunkingConfig(chunk_tokens=settings.chunk_tokens // 2, window_tokens=settings.window_tokens)
    report = ingest_paths(open_store(settings), [folder], smaller)
    assert sorted(report.updated) == sorted(CORPUS_FILES) and not report.unchanged
    after = _doc_ids(settings)
    assert sum(map(len, after.values())) > sum(map(len, before.values()))
    assert open_store(settings).chroma_ids() == _vector_ids(settings)
    again = ingest_paths(open_store(settings), [folder], smaller)  # the same chunker again: nothing to do
    assert sorted(again.unchanged) == sorted(CORPUS_FILES)


def test_reingest_into_a_fresh_index_gives_the_same_ids(tmp_path: Path,
                                                        make_corpus: Callable[..., list[Path]]) -> None:
    folder = make_corpus()[0].parent
    one, two = Settings(index=tmp_path / "one"), Settings(index=tmp_path / "two")
    _ingest(one, [folder])
    _ingest(two, [folder])
    assert _doc_ids(one) == _doc_ids(two)


def test_changed_file_replaces_its_old_chunks(settings: Settings, make_corpus: Callable[..., list[Path]]) -> None:
    files = make_corpus()
    txt = files[0]
    _ingest(settings, [txt.parent])
    old_ids = set(_doc_ids(settings)[txt.name])
    old_vectors = _vector_ids(settings, txt.name)
    others_before = {k: v for k, v in _doc_ids(settings).items() if k != txt.name}
    txt.write_text(txt.read_text(encoding="utf-8").replace("14 noiembrie 2025", "28 noiembrie 2025"), encoding="utf-8")
    report = _ingest(settings, [txt.parent])
    assert report.updated == [txt.name]
    new_ids = set(_doc_ids(settings)[txt.name])
    gone = old_ids - new_ids
    assert gone and new_ids - old_ids
    chroma = open_store(settings).chroma_ids()
    new_vectors = _vector_ids(settings, txt.name)
    assert old_vectors - new_vectors and (old_vectors - new_vectors).isdisjoint(chroma)
    assert new_vectors <= chroma
    assert {k: v for k, v in _doc_ids(settings).items() if k != txt.name} == others_before
    assert index_status(open_store(settings))["consistent"]
    answer = build_assistant(settings).ask("Care este data limită de depunere pentru apelul Inovare Digitală?")
    assert "28 noiembrie 2025" in answer.text
    assert "14 noiembrie 2025" not in answer.text


def test_prune_removes_a_deleted_file(settings: Settings, make_corpus: Callable[..., list[Path]]) -> None:
    files = make_corpus()
    _ingest(settings, [files[0].parent])
    md = files[1]
    md_ids = set(_doc_ids(settings)[md.name])
    md_vectors = _vector_ids(settings, md.name)
    md.unlink()
    kept = _ingest(settings, [files[0].parent])
    assert kept.removed == [] and md.name in _doc_ids(settings)  # without --prune nothing is dropped
    report = _ingest(settings, [files[0].parent], prune=True)
    assert report.removed == [md.name]
    assert md.name not in _doc_ids(settings)
    store = open_store(settings)
    assert md_vectors.isdisjoint(store.chroma_ids())
    assert md_ids.isdisjoint(store.bm25.ids)
    assert index_status(store)["consistent"]


def test_remove_documents_drops_them_everywhere(settings: Settings, make_corpus: Callable[..., list[Path]]) -> None:
    files = make_corpus()
    _ingest(settings, [files[0].parent])
    docx = files[3]
    ids = set(_doc_ids(settings)[docx.name])
    vectors = _vector_ids(settings, docx.name)
    removed = remove_documents(open_store(settings), [docx.name, "nu-exista.pdf"])
    assert removed == [docx.name]
    store = open_store(settings)
    assert vectors.isdisjoint(store.chroma_ids()) and ids.isdisjoint(store.bm25.ids)
    assert docx.name not in _doc_ids(settings)
    assert index_status(store)["consistent"]
    answer = build_assistant(settings).ask("Cine este coordonatoarea Clusterului Textil Banat?")
    assert all(c.document != docx.name for c in answer.citations)


def test_unsupported_file_is_reported_not_indexed(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "apel.txt").write_text("Apelul pentru clustere are un buget de 1 milion euro.", encoding="utf-8")
    (folder / "imagine.xyz").write_bytes(b"\x00\x01")
    report = _ingest(settings, [folder / "apel.txt", folder / "imagine.xyz"])
    assert report.added == ["apel.txt"]
    assert [f.file for f in report.failed] == ["imagine.xyz"]
