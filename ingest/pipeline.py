"""An ingest run: read, chunk and index files; unchanged files skipped, changed ones replaced.

Writes go Chroma's new vectors first, then BM25, the chunk texts and the manifest (each atomic),
then the deletion of vectors no document owns, so a run killed at any moment leaves an index
that still answers, and running it again completes it.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from assistant.errors import DocumentError, UnsupportedFileError
from assistant.facts.store import EXTRACTOR_VERSION, Structured, refresh_structured
from assistant.manifest import DocumentEntry
from assistant.store import Store
from assistant.text import text_signature
from assistant.vector_windows import VECTOR_WINDOW_KEY, WINDOW_CHUNKS
from ingest.chunking import ChunkingConfig
from ingest.files import expand_inputs
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.prepare import Job, Prepared, prepare_all

logger = logging.getLogger(__name__)


@dataclass
class FileFailure:
    file: str
    reason: str  # English, for logs and the CLI
    message_ro: str  # Romanian, for the app


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[FileFailure] = field(default_factory=list)
    hidden: dict[str, int] = field(default_factory=dict)  # hidden text skipped, per document read
    chunks_written: int = 0
    chunks_total: int = 0

    def summary(self) -> str:
        return (f"ingest: {len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed, {len(self.failed)} failed; {self.chunks_written} chunks written, "
                f"{self.chunks_total} in the index"
                + (f"; hidden text skipped: {sum(self.hidden.values())} pieces in {len(self.hidden)} files"
                   if self.hidden else ""))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def reading_signature(cfg: ChunkingConfig) -> dict[str, int | str]:
    """What made a document's chunks and facts, stored with it in the manifest: the chunker's
    settings and versions, the fact extraction that runs on the chunks as a file is read, and the
    text normalisation its tokens and vectors come from, and how many chunks share a vector
    (`assistant.vector_windows`; a new one of any reads files again)."""
    return {**cfg.as_dict(), "facts": EXTRACTOR_VERSION, "text": text_signature(), VECTOR_WINDOW_KEY: WINDOW_CHUNKS}


def ingest_paths(
    store: Store,
    paths: list[Path],
    cfg: ChunkingConfig,
    *,
    prune: bool = False,
    ocr: bool = True,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Index every supported file under paths into store (the caller holds the ingest lock)."""
    report = IngestReport()
    manifest = store.new_manifest(reading_signature(cfg))
    manifest.chunking = reading_signature(cfg)
    files, rejected = expand_inputs(paths, SUPPORTED_SUFFIXES)
    for bad in rejected:
        _fail(report, bad, UnsupportedFileError(f"unsupported file type {bad.suffix or '(none)'}", file=bad.name)
              if bad.exists() else DocumentError("no such file or folder", file=str(bad)))
    seen_names: set[str] = set()
    fresh: dict[str, Structured] = {}
    jobs: list[Job] = []
    for path, key in files:
        seen_names.add(key)
        job = _job(store, path, key, cfg, report, ocr)
        if job is None and on_file:
            on_file(path)
        elif job is not None:
            jobs.append(job)
    for prepared in prepare_all(jobs):  # read in a worker process when there are many files
        if on_file:
            on_file(prepared.job.path)
        _write_one(store, prepared, report, fresh)
    if prune:
        for name in sorted(set(manifest.documents) - seen_names):
            store.delete_chunks(manifest.documents.pop(name).chunk_ids)
            report.removed.append(name)
    store.commit()
    refresh_structured(store, fresh)
    report.chunks_total = len(manifest.chunk_ids())
    logger.info("ingest done %s", report.summary())
    return report


def _job(store: Store, path: Path, key: str, cfg: ChunkingConfig, report: IngestReport, ocr: bool) -> Job | None:
    """What reading one file under its key (see `ingest.files.document_key`) needs, or None when
    the file is unchanged (an unchanged file is read again when another chunker, other sizes or
    an older version, made its chunks) or cannot be hashed."""
    manifest = store.manifest
    assert manifest is not None
    try:
        digest = sha256_file(path)
    except OSError as exc:
        _fail(report, path, DocumentError(f"cannot read file: {exc.strerror or exc}", file=path.name),
              kept=key in manifest.documents)
        return None
    old = manifest.documents.get(key)
    # An unchanged file is skipped unless another reader (other sizes, an older version) made its chunks.
    same_chunker = old is not None and old.chunking == reading_signature(cfg)
    if old and old.sha256 == digest and same_chunker and all(cid in store.chunks for cid in old.chunk_ids):
        report.unchanged.append(key)
        return None
    # The hashing embedding is computed with the chunks; another one by the store as it writes.
    hashing = getattr(store.embed_model, "embed_raw_batch", None) is not None
    dim = int(getattr(store.embed_model, "dim", 0)) if hashing else 0
    return Job(path, key, cfg, store.settings.max_file_bytes, ocr, dim)


def _write_one(store: Store, prepared: Prepared, report: IngestReport, fresh: dict[str, Structured]) -> None:
    """Write one read file into the index under its key, replacing its earlier chunks."""
    manifest = store.manifest
    assert manifest is not None
    path, key = prepared.job.path, prepared.job.key
    kept = key in manifest.documents
    if prepared.error is not None:
        _fail(report, path, prepared.error, kept=kept)
        return
    if prepared.os_error is not None or prepared.doc is None or prepared.chunks is None:
        _fail(report, path, DocumentError(f"cannot read file: {prepared.os_error}", file=path.name), kept=kept)
        return
    doc, chunks = prepared.doc, prepared.chunks
    if prepared.structured is not None:
        fresh[key] = prepared.structured
    store.write_chunks(chunks, tokens=prepared.tokens, vectors=prepared.vectors, chunk_vectors=prepared.chunk_vectors)
    old = manifest.documents.get(key)
    new_ids = [c.id for c in chunks]
    if old:
        store.delete_chunks(sorted(set(old.chunk_ids) - set(new_ids)))
    manifest.documents[key] = DocumentEntry(
        document=key, sha256=doc.sha256, title=doc.title, kind=doc.kind,
        pages=sum(1 for p in doc.pages if p.number is not None) or 1, chunk_ids=new_ids,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"), notes=list(doc.notes),
        chunking=reading_signature(prepared.job.cfg))
    (report.updated if old else report.added).append(key)
    if doc.hidden:
        report.hidden[key] = doc.hidden
    report.chunks_written += len(chunks)


def remove_documents(store: Store, names: list[str]) -> list[str]:
    """Drop documents from the index by key ("2024/ghid.txt"), or by file name when one document
    alone has it; names compare in NFC (as typed, whatever form the file system stored).
    Returns the keys removed."""
    manifest = store.manifest
    if manifest is None:
        return []
    removed: list[str] = []
    for raw in names:
        name = unicodedata.normalize("NFC", raw)
        by_key = {unicodedata.normalize("NFC", k): k for k in manifest.documents}
        by_name = [k for n, k in by_key.items() if n.rsplit("/", 1)[-1] == name]
        match = by_key.get(name) or (by_name[0] if len(by_name) == 1 else None)
        if match is not None and match not in removed:
            removed.append(match)
    for name in removed:
        store.delete_chunks(manifest.documents.pop(name).chunk_ids)
    store.commit()
    refresh_structured(store)
    return removed


KEPT_RO = "Versiunea indexată anterior a rămas neschimbată în index."


def _fail(report: IngestReport, path: Path, exc: DocumentError, *, kept: bool = False) -> None:
    """Record a file that was not indexed: its name once, then the reason (English) and the message
    (Romanian); `kept` when an earlier version of it stays indexed (a failed read removes nothing)."""
    name, reason = (exc.file, exc.detail) if exc.file else (path.name, str(exc))
    logger.warning("ingest failed file=%s reason=%s", name, reason)
    message = f"{name}: {exc.user_message}" + (f" {KEPT_RO}" if kept else "")
    report.failed.append(FileFailure(file=name, reason=reason, message_ro=message))
