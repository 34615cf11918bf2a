"""Bring BM25 and the manifest back in line with Chroma after an interrupted run."""

from __future__ import annotations

from assistant.store import Store


def repair_index(store: Store) -> str:
    """Drop manifest entries whose chunks Chroma lost (their files get re-read next ingest),
    delete Chroma chunks no document owns, and rebuild BM25."""
    manifest = store.manifest
    if manifest is None:
        return "nothing to repair: no manifest"
    in_chroma = store.chroma_ids()
    dropped = [n for n, d in manifest.documents.items() if not set(d.chunk_ids) <= in_chroma]
    for name in dropped:
        manifest.documents.pop(name)
    orphans = sorted(in_chroma - manifest.chunk_ids())
    store.delete_chunks(orphans)
    got = store.collection.get(ids=sorted(manifest.chunk_ids()), include=["documents", "metadatas"])
    from assistant.types import Chunk

    for cid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False):
        store.chunks[cid] = Chunk.from_metadata(cid, text or "", dict(meta or {}))
    store.commit()
    return (f"repaired: {len(dropped)} documents to re-ingest ({', '.join(dropped) or 'none'}), "
            f"{len(orphans)} orphan chunks deleted")
