"""What the index holds, and whether Chroma, the chunk texts, BM25 and the manifest agree."""

from __future__ import annotations

from typing import Any

from assistant.store import Store


def index_status(store: Store) -> dict[str, Any]:
    manifest = store.manifest
    docs = manifest.documents.values() if manifest else []
    expected = manifest.chunk_ids() if manifest else set()
    vectors = set(manifest.vector_members()) if manifest else set()  # one per window of chunks
    in_chroma = store.chroma_ids()
    in_bm25 = set(store.bm25.ids)
    problems = []
    if vectors - in_chroma:
        problems.append(f"{len(vectors - in_chroma)} vectors of the manifest's chunks are missing from Chroma")
    if in_chroma - vectors:
        problems.append(f"{len(in_chroma - vectors)} vectors in Chroma belong to no chunk of the manifest")
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
        "vectors": len(vectors),
        "consistent": not problems,
        "problems": problems,
        "fix": None if not problems else f"python -m ingest --repair --index {store.folder}",
    }
