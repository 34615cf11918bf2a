"""Nearest chunks to a question's vector. An index of at most EXACT_SEARCH_LIMIT chunks is
searched exactly, one vector per chunk, from vectors.npz; a larger one by Chroma's approximate
HNSW search over one vector per window of consecutive chunks (`assistant.vector_windows`),
a hit standing for each chunk of its window. A mixin of Store."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from assistant.manifest import Manifest
from assistant.types import Chunk
from assistant.vector_file import EXACT_SEARCH_LIMIT, load_vectors, save_vectors, saved_rows, unit_rows

logger = logging.getLogger(__name__)


class VectorSearch:
    chunks: dict[str, Chunk]
    folder: Path
    embed_model: Any
    collection: Any
    manifest: Manifest | None
    _vectors: tuple[list[str], np.ndarray] | None
    _members: dict[str, tuple[str, ...]] | None
    _fresh_vectors: dict[str, np.ndarray]
    _asked: dict[tuple[str, int], list[tuple[tuple[str, ...], float]]]  # this question's (ask_vectors)
    # (vector_members(), each vector's loaded chunks): _windows', rebuilt with vector_members
    _loaded: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] | None = None

    def embed_chunks(self, chunks: list[Chunk]) -> np.ndarray:
        raise NotImplementedError  # Store's

    def vector_members(self) -> dict[str, tuple[str, ...]]:
        """Chroma's vector id -> the ids of the chunks it stands for, as the manifest lays them
        out (computed once per change of the store; callers must not modify it)."""
        if self._members is None:
            self._members = self.manifest.vector_members() if self.manifest is not None else {}
        return self._members

    def nearest_windows(self, query: str, n: int) -> list[tuple[tuple[str, ...], float]]:
        """(chunk ids, cosine similarity) of the n nearest vectors, best first: one chunk each
        when searched exactly, else the loaded chunks of a window in document order. Exact
        search also because Chroma's approximate search can return other neighbours from one
        process to the next, which would make answers, and the relevance fit, irreproducible."""
        if not self.chunks:
            return []
        if (got := self._asked.get((query, n))) is not None:
            return list(got)
        emb = self.embed_model.get_query_embedding(query)
        if len(self.chunks) <= EXACT_SEARCH_LIMIT:
            ids, matrix = self._exact_vectors()
            if len(ids):
                q = np.asarray(emb, dtype=np.float32)
                sims = matrix @ (q / (np.linalg.norm(q) or 1.0))
                return [((ids[i],), float(sims[i])) for i in np.argsort(-sims, kind="stable")[:n]]
        members = self.vector_members()
        if not members:
            return []
        res = self.collection.query(query_embeddings=[emb], n_results=min(n, len(members)), include=["distances"])
        return self._windows(members, res["ids"][0], (res["distances"] or [[]])[0])

    def _windows(self, members: dict[str, tuple[str, ...]], ids: list[str],
                 distances: list[float]) -> list[tuple[tuple[str, ...], float]]:
        """Chroma's hits as (loaded chunk ids of the vector, cosine similarity), in its order."""
        loaded = self._loaded
        if loaded is None or loaded[0] is not members:  # kept per vector until the store changes
            loaded = self._loaded = (members, {})
        kept = loaded[1]
        out = []
        for vid, dist in zip(ids, distances, strict=False):
            window = kept.get(vid)
            if window is None:
                # Chroma may hold vectors of chunks this store has not loaded (a killed or a running ingest).
                window = kept[vid] = tuple(cid for cid in members.get(vid, ()) if cid in self.chunks)
            if window:
                out.append((window, 1.0 - float(dist)))
        return out

    def ask_vectors(self, texts: list[str], n: int) -> None:
        """The n nearest vectors of several texts (the points of one message) in one Chroma query:
        each query costs Chroma about a millisecond besides its search. `nearest_windows(text, n)`
        answers from them until `forget_vectors` (at each new question). Nothing for an index
        searched exactly, or for fewer than two texts."""
        texts = [t for t in dict.fromkeys(texts) if (t, n) not in self._asked]
        if len(texts) < 2 or not self.chunks or len(self.chunks) <= EXACT_SEARCH_LIMIT:
            return
        members = self.vector_members()
        if not members:
            return
        embs = [self.embed_model.get_query_embedding(t) for t in texts]
        res = self.collection.query(query_embeddings=embs, n_results=min(n, len(members)), include=["distances"])
        distances = res["distances"] or [[] for _ in texts]
        for text, ids, dists in zip(texts, res["ids"], distances, strict=True):
            self._asked[(text, n)] = self._windows(members, ids, dists)

    def forget_vectors(self) -> None:
        """Forget the searches of `ask_vectors` (a new question)."""
        self._asked = {}

    def vector_search(self, query: str, n: int) -> list[tuple[str, float]]:
        """(chunk id, its vector's cosine similarity) of the chunks of the n nearest vectors."""
        return [(cid, sim) for window, sim in self.nearest_windows(query, n) for cid in window]

    def _exact_vectors(self) -> tuple[list[str], np.ndarray]:
        """The loaded chunks' ids and unit vectors, in id order (read once per change): from
        vectors.npz when it holds exactly these chunks; else, for an index written before
        windows, from Chroma (empty when another process is writing there: asked again next
        time); else none (Chroma holds windows: approximate search until the next commit)."""
        if self._vectors is None:
            ids = sorted(self.chunks)
            matrix = load_vectors(self.folder, ids)
            if matrix is not None:
                self._vectors = (ids, matrix)
            elif not self._one_vector_per_chunk():
                logger.warning("vectors.npz missing or stale folder=%s: approximate search; fix=%r",
                               self.folder, f"python -m ingest --repair --index {self.folder}")
                self._vectors = ([], np.zeros((0, 0), dtype=np.float32))
            else:
                ids, matrix = self._chroma_vectors()
                if not ids:  # Chroma busy or empty: not kept, asked again next time
                    return ids, matrix
                self._vectors = (ids, matrix)
        return self._vectors

    def _one_vector_per_chunk(self) -> bool:
        return all(members == (vid,) for vid, members in self.vector_members().items())

    def _chroma_vectors(self) -> tuple[list[str], np.ndarray]:
        """Sorted ids and unit vectors of the loaded chunks that Chroma holds under their own
        ids (an index written before windows)."""
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

    def _save_exact_vectors(self) -> None:
        """vectors.npz, each chunk's own vector, for an index small enough to be searched exactly
        (removed otherwise): the vectors written this run, the earlier file's rows, Chroma's
        per-chunk vectors of an index written before windows, and the chunks' texts embedded
        again for what is still missing."""
        fresh, self._fresh_vectors = self._fresh_vectors, {}
        if not self.chunks or len(self.chunks) > EXACT_SEARCH_LIMIT:
            save_vectors(self.folder, [], None)
            return
        ids = sorted(self.chunks)
        rows = {cid: fresh[cid] for cid in ids if cid in fresh}
        if len(rows) < len(ids):
            saved = saved_rows(self.folder)
            rows.update((cid, saved[cid]) for cid in ids if cid in saved and cid not in rows)
        if len(rows) < len(ids) and self._one_vector_per_chunk():
            old_ids, old = self._chroma_vectors()
            rows.update((cid, v) for cid, v in zip(old_ids, old, strict=True) if cid not in rows)
        missing = [cid for cid in ids if cid not in rows]
        if missing:
            rows.update(zip(missing, self.embed_chunks([self.chunks[cid] for cid in missing]), strict=True))
        matrix = unit_rows(np.stack([rows[cid] for cid in ids]))
        save_vectors(self.folder, ids, matrix)
        self._vectors = (ids, matrix)

    def chroma_ids(self) -> set[str]:
        got = self.collection.get(include=[])
        return set(got["ids"])
