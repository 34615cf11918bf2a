"""Bring Chroma, BM25 and the manifest back in line with the saved chunks after an interrupted run."""

from __future__ import annotations

from assistant.store import Store
from assistant.vector_windows import vector_groups, window_size


def repair_index(store: Store) -> str:
    """Drop manifest entries whose chunk texts are lost (their files get re-read next ingest),
    embed again the saved chunks whose vectors Chroma lacks, delete vectors no document owns
    (at commit), and rebuild BM25."""
    manifest = store.manifest
    if manifest is None:
        return "nothing to repair: no manifest"
    dropped = [n for n, d in manifest.documents.items() if not all(cid in store.chunks for cid in d.chunk_ids)]
    for name in dropped:
        manifest.documents.pop(name)
    owned = manifest.chunk_ids()
    store.delete_chunks(sorted(set(store.chunks) - owned))
    missing = sorted(set(manifest.vector_members()) - store.chroma_ids())
    lacking = set(missing)
    for doc in manifest.documents.values():  # every window of a document that lacks one is written again
        size = window_size(doc.chunking)
        if any(vid in lacking for vid, _ in vector_groups(doc.chunk_ids, size)):
            store.write_chunks([store.chunks[cid] for cid in doc.chunk_ids], window=size)
    store.commit()
    return (f"repaired: {len(dropped)} documents to re-ingest ({', '.join(dropped) or 'none'}), "
            f"{len(missing)} vectors rebuilt")
