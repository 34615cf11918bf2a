"""manifest.json: what the index holds (embedding, chunking, one entry per document), and the
layout of an index folder: the one list of the files and folders an index is made of."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.vector_windows import vector_members

MANIFEST_NAME = "manifest.json"
CHROMA_DIR = "chroma"  # Chroma's files: ids and vectors (an embedded PersistentClient)
BM25_DIR = "bm25"  # the BM25 index (bm25s) and its ids; written beside as .tmp, the last one kept as .old
CHUNKS_NAME = "chunks.json"  # the chunk texts and places (assistant/chunk_file.py)
FACTS_NAME = "facts.json"  # the call fact sheets (assistant/facts/store.py)
RECORDS_NAME = "records.json"  # the records read from tables (assistant/facts/store.py)
VECTORS_NAME = "vectors.npz"  # a small index's unit vectors, searched exactly (assistant/vector_file.py)
# Everything an index folder holds but its README, .gitignore, the ingest lock and the uploads.
INDEX_PARTS = (CHROMA_DIR, BM25_DIR, f"{BM25_DIR}.tmp", f"{BM25_DIR}.old", CHUNKS_NAME, FACTS_NAME, RECORDS_NAME,
               VECTORS_NAME, MANIFEST_NAME)
FORMAT_VERSION = 1


@dataclass
class DocumentEntry:
    document: str
    sha256: str
    title: str
    kind: str
    pages: int
    chunk_ids: list[str]
    ingested_at: str
    notes: list[str] = field(default_factory=list)
    chunking: dict[str, Any] = field(default_factory=dict)  # the chunker that made its chunks


@dataclass
class Manifest:
    embedding: str
    embedding_dim: int
    chunking: dict[str, Any]
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    version: int = FORMAT_VERSION

    def chunk_ids(self) -> set[str]:
        return {cid for d in self.documents.values() for cid in d.chunk_ids}

    def vector_members(self) -> dict[str, tuple[str, ...]]:
        """vector id -> the chunk ids it stands for, over every document (`assistant.vector_windows`)."""
        return vector_members((d.chunk_ids, d.chunking) for d in self.documents.values())

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        docs = {k: DocumentEntry(**v) for k, v in data.get("documents", {}).items()}
        return cls(
            embedding=data["embedding"],
            embedding_dim=int(data.get("embedding_dim", 0)),
            chunking=dict(data.get("chunking", {})),
            documents=docs,
            version=int(data.get("version", FORMAT_VERSION)),
        )


def load_manifest(folder: Path) -> Manifest | None:
    path = folder / MANIFEST_NAME
    if not path.exists():
        return None
    return Manifest.from_json(json.loads(path.read_text(encoding="utf-8")))


def save_manifest(folder: Path, manifest: Manifest) -> None:
    """Atomic: written to a temporary file and renamed, so a crash never leaves half a file."""
    write_atomic(folder / MANIFEST_NAME, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1))


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write a text, or its pieces one after the other (a large file is never one string in
    memory), to a temporary file, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        if isinstance(text, str):
            f.write(text)
        else:
            f.writelines(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
