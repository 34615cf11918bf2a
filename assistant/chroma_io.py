"""Chroma's side of the store: the client (embedded, or a server), and the vectors waiting to be
written in one upsert.

Each Chroma upsert costs about 30 ms besides its vectors (measured: 1,100 vectors in 50 upserts
took 1.95 s, in one 0.54 s; the embedded client commits its log on every call), and an ingest
writes one document at a time (~20 windows each), so the vectors of many documents are gathered
and written `UPSERT_BATCH` at a time, the rest before the commit saves anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import BackendUnavailableError
from assistant.manifest import CHROMA_DIR
from assistant.settings import Settings

HNSW_EF_SEARCH = 128
UPSERT_BATCH = 1000  # vectors per upsert


def chroma_client(settings: Settings) -> Any:
    """PersistentClient under the index folder, or HttpClient when a server is configured."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                       settings=chroma_settings)
        except Exception as exc:  # chromadb raises several types for a dead server
            raise BackendUnavailableError(
                f"Chroma server {settings.chroma_host}:{settings.chroma_port} unreachable: {exc}"
            ) from exc
    path = Path(settings.index) / CHROMA_DIR
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class PendingVectors:
    """Vectors (ids, unit rows) not yet in Chroma, in the order they were added."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.rows: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, ids: list[str], rows: np.ndarray) -> None:
        self.ids.extend(ids)
        self.rows.extend(rows)

    def flush(self, collection: Any, *, all_of_them: bool = True) -> None:
        """Upsert what waits, `UPSERT_BATCH` vectors at a time (only full batches unless
        `all_of_them`); an id added twice keeps its last vector, as two upserts would."""
        while self.ids and (all_of_them or len(self.ids) >= UPSERT_BATCH):
            ids, rows = self.ids[:UPSERT_BATCH], self.rows[:UPSERT_BATCH]
            last = {vid: i for i, vid in enumerate(ids)}
            keep = sorted(last.values())
            collection.upsert(ids=[ids[i] for i in keep], embeddings=np.stack([rows[i] for i in keep]))
            del self.ids[:UPSERT_BATCH], self.rows[:UPSERT_BATCH]
