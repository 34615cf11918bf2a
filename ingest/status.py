"""What the index holds, and whether Chroma, the chunk texts, BM25 and the manifest agree."""

from __future__ import annotations

from typing import Any

from assistant.store import Store


def index_status(store: Store) -> dict[str, Any]:
    manifest = store.manifest
    docs = manifest.documents.values() if manifest else []
    expected = manifest.chunk_ids() if manifest else set()
    in_chroma = store.chroma_ids()
    in_bm25 = set(store.bm25.ids)
    problems = []
    if expected - in_chroma:
        problems.append(f"{len(expected - in_chroma)} chunks in the manifest are missing from Chroma")
    if in_chroma - expected:
        problems.append(f"{len(in_chroma - expected)} chunks in Chroma are not in the manifest")
    if expected - set(store.chunks):
        problems.append(f"{len(expected - set(store.chunks))} chunks in the manifest have no saved text")
    if in_bm25 != expected:
        problems.append("the BM25 index does not match the manifest")
    return {
        "index": str(store.folder),
        "embedding": manifest.embedding if manifest else None,
        "chunking": manifest.chunking if manifest else None,
        "documents": [
            {"document": d.document, "title": d.title, "kind": d.kind, "chunks": len(d.chunk_ids),
             "pages": d.pages, "sha256": d.sha256, "ingested_at": d.ingested_at, "notes": d.notes}
            for d in sorted(docs, key=lambda d: d.document)
        ],
        "chunks": len(expected),
        "consistent": not problems,
        "problems": problems,
        "fix": None if not problems else f"python -m ingest --repair --index {store.folder}",
    }
