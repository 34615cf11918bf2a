"""Nearest chunks to a question's vector: exactly, from vectors.npz or the vectors read from
Chroma once per change, for an index of at most EXACT_SEARCH_LIMIT chunks; else Chroma's
approximate HNSW search. A mixin of Store."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from assistant.types import Chunk
from assistant.vector_file import EXACT_SEARCH_LIMIT, load_vectors, unit_rows

logger = logging.getLogger(__name__)


class VectorSearch:
    chunks: dict[str, Chunk]
    folder: Path
    embed_model: Any
    collection: Any
    _vectors: tuple[list[str], np.ndarray] | None

    def vector_search(self, query: str, n: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the n nearest chunks, best first. An index of at most
        EXACT_SEARCH_LIMIT vectors is searched exactly (its vectors read from Chroma once per
        change): Chroma's approximate search can return other neighbours from one process to
        the next, which would make answers, and the relevance fit, irreproducible."""
        if not self.chunks:
            return []
        emb = self.embed_model.get_query_embedding(query)
        if len(self.chunks) <= EXACT_SEARCH_LIMIT:
            ids, matrix = self._exact_vectors()
            if len(ids):
                q = np.asarray(emb, dtype=np.float32)
                sims = matrix @ (q / (np.linalg.norm(q) or 1.0))
                top = np.argsort(-sims, kind="stable")[:n]
                return [(ids[i], float(sims[i])) for i in top]
        res = self.collection.query(query_embeddings=[emb], n_results=min(n, len(self.chunks)),
                                    include=["distances"])
        ids, dists = res["ids"][0], (res["distances"] or [[]])[0]
        # Chroma may hold chunks this store has not loaded (a killed or a running ingest): skip them.
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, dists, strict=False) if cid in self.chunks]

    def _exact_vectors(self) -> tuple[list[str], np.ndarray]:
        """The loaded chunks' ids and unit vectors, in id order (read once per change): from
        vectors.npz when it holds exactly these chunks, else from Chroma (empty when another
        process is writing there: the search is then approximate this time)."""
        if self._vectors is None:
            ids = sorted(self.chunks)
            matrix = load_vectors(self.folder, ids)
            if matrix is None:
                ids, matrix = self._chroma_vectors()
                if not ids:  # Chroma busy or empty: not kept, asked again next time
                    return ids, matrix
            self._vectors = (ids, matrix)
        return self._vectors

    def _chroma_vectors(self) -> tuple[list[str], np.ndarray]:
        """Sorted ids and unit vectors of the loaded chunks that Chroma holds."""
        import chromadb

        try:
            got = self.collection.get(include=["embeddings"])
        except chromadb.errors.ChromaError as exc:  # another process is writing
            logger.info("exact vector search unavailable (%s); approximate search this time", exc)
            return [], np.zeros((0, 0), dtype=np.float32)
        pairs = sorted((cid, e) for cid, e in zip(got["ids"], got["embeddings"], strict=True) if cid in self.chunks)
        ids = [cid for cid, _ in pairs]
        if not ids:
            return [], np.zeros((0, 0), dtype=np.float32)
        return ids, unit_rows(np.asarray([e for _, e in pairs], dtype=np.float32).reshape(len(ids), -1))
