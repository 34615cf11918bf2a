"""Which chunks one stored vector stands for: one vector per window of consecutive chunks.

BM25, the rerank and the answerer read the small chunks (~120 tokens); the vector side only
proposes candidates for the rerank (weight `vector_weight` 0.35 in the fusion), so one vector per
window of `WINDOW_CHUNKS` consecutive chunks of a document is enough to find the neighbourhood,
and a vector hit stands for every chunk of its window. It cuts the vectors Chroma has to insert
into its HNSW graph (the slowest part of an ingest) by that factor.

The window size is part of a document's reading signature (`VECTOR_WINDOW_KEY` in its manifest
entry), so a document indexed before windows (no key: one vector per chunk, under the chunk's
own id) is still searched as it was, and the next ingest reads it again into windows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

WINDOW_CHUNKS = 3  # consecutive chunks of one document under one vector
VECTOR_WINDOW_KEY = "vector_window"  # the reading-signature key that records the window size


def window_size(signature: dict[str, Any]) -> int:
    """Chunks per vector of a document read with this signature (1: an index written before
    windows, one vector per chunk)."""
    return max(1, int(signature.get(VECTOR_WINDOW_KEY, 1)))


def vector_groups(chunk_ids: Sequence[str], size: int) -> list[tuple[str, tuple[str, ...]]]:
    """(vector id, its chunk ids) of one document's chunks in document order, `size` at a time
    (the last window may be shorter). A one-chunk layout keeps the chunk's id as the vector's (as
    indexes before windows stored it); a window's id is a hash of its chunks' ids, which come
    from the content, so an unchanged window keeps its id and a changed one gets a new id."""
    if size <= 1:
        return [(cid, (cid,)) for cid in chunk_ids]
    out = []
    for start in range(0, len(chunk_ids), size):
        members = tuple(chunk_ids[start : start + size])
        out.append(("w" + hashlib.sha256("\x00".join(members).encode()).hexdigest()[:31], members))
    return out


def vector_members(entries: Iterable[tuple[Sequence[str], dict[str, Any]]]) -> dict[str, tuple[str, ...]]:
    """vector id -> its chunk ids over documents given as (chunk ids, reading signature)."""
    out: dict[str, tuple[str, ...]] = {}
    for chunk_ids, signature in entries:
        out.update(vector_groups(chunk_ids, window_size(signature)))
    return out
