"""The index on disk: Chroma (vectors) + chunks.json (texts) + BM25 + manifest, kept in step.

Chroma is opened (and chromadb imported) only when a vector has to be written or searched
there: a small index is searched exactly from vectors.npz (`assistant.vector_file`)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bm25 import BM25Index
from assistant.chroma_io import HNSW_EF_SEARCH, UPSERT_BATCH, PendingVectors, chroma_client
from assistant.chunk_file import load_chunks, save_chunks
from assistant.document_views import DocumentViews
from assistant.embeddings.hashing import embed_raw_windows
from assistant.errors import EmbeddingMismatchError, IndexNotBuiltError, IndexOutOfDateError
from assistant.manifest import BM25_DIR, Manifest, load_manifest, save_manifest
from assistant.passage_tokens import passage_raw_tokens
from assistant.settings import Settings
from assistant.text import index_tokens, text_signature, tokens_from_raw
from assistant.types import Chunk
from assistant.vector_file import EXACT_SEARCH_LIMIT
from assistant.vector_search import VectorSearch
from assistant.vector_windows import WINDOW_CHUNKS, vector_groups

logger = logging.getLogger(__name__)

_BATCH = 1000
_TOKEN_SETS = 8192  # cached chunk token sets (a few KB each), least recently used dropped first


def _token_set(text: str) -> set[str]:
    return set(index_tokens(text))


class Store(DocumentViews, VectorSearch):
    """Everything a question needs from the index, loaded once into memory."""

    def __init__(self, settings: Settings, embed_model: Any, label: str, dim: int) -> None:
        """embed_model: a llama-index BaseEmbedding, or anything with its get_query_embedding,
        get_text_embedding and get_text_embedding_batch (`HashingVectors`)."""
        self.settings = settings
        self.folder = Path(settings.index)
        self.embed_model = embed_model
        self.label = label
        self.dim = dim
        self._collection: Any = None  # the `collection` property opens it when first needed
        self.manifest = load_manifest(self.folder)
        self.bm25 = BM25Index.load(self.folder / BM25_DIR) or BM25Index([], None)
        self.chunks: dict[str, Chunk] = {}
        # Index tokens of a text (a chunk's, its context's, its heading's), the last _TOKEN_SETS kept:
        # keyed by the text itself, so a chunk written again with another text is never stale.
        self._token_set = lru_cache(maxsize=_TOKEN_SETS)(_token_set)
        # BM25 tokens of the chunks this process wrote, kept from the embedding pass so that
        # commit does not tokenise every chunk again.
        self._index_tokens: dict[str, list[str]] = {}
        self._pending_deletes: set[str] = set()  # chunks dropped this run, deleted from Chroma at commit
        self._unwritten = PendingVectors()  # vectors written to Chroma a batch at a time
        self._ordered: list[Chunk] | None = None  # ordered_chunks(), rebuilt after any change
        self._rows: dict[str, int] | None = None  # chunk id -> its index in ordered_chunks()
        self._by_page: dict[tuple[str, int | None], list[Chunk]] | None = None
        self._forget_documents()
        self._vectors: tuple[list[str], np.ndarray] | None = None  # _exact_vectors()
        self._members: dict[str, tuple[str, ...]] | None = None  # vector_members()
        self._asked: dict[tuple[str, int], list[tuple[tuple[str, ...], float]]] = {}  # ask_vectors()
        # Each chunk's own vector, written this run, for vectors.npz at commit (a small index only).
        self._fresh_vectors: dict[str, np.ndarray] = {}
        self._load_chunks()

    @property
    def collection(self) -> Any:
        """The Chroma collection of the vectors, opened on first use."""
        if self._collection is None:
            from assistant.embeddings.chroma_adapter import ChromaEmbeddingAdapter

            self._collection = chroma_client(self.settings).get_or_create_collection(
                self.settings.collection,
                embedding_function=ChromaEmbeddingAdapter(self.embed_model, self.label),  # type: ignore[arg-type]
                # ef_search well above the candidates asked for (40): with Chroma's default the approximate
                # search misses about a quarter of the true neighbours of our hashed vectors.
                configuration={"hnsw": {"space": "cosine", "ef_search": HNSW_EF_SEARCH}},  # type: ignore[typeddict-item]
            )
        return self._collection

    # ---- reading -------------------------------------------------------------------------

    def check_ready(self) -> None:
        """Raise when there is nothing to answer from, the embedding differs, or documents were read
        with another text normalisation (text.text_signature): stored tokens and vectors would be
        out of step with the question's."""
        if self.manifest is None or not self.manifest.documents:
            raise IndexNotBuiltError(f"no documents indexed in {self.folder}")
        if self.manifest.embedding != self.label:
            raise EmbeddingMismatchError(
                f"index {self.folder} was built with {self.manifest.embedding!r}, settings ask for "
                f"{self.label!r}; re-index with: python -m ingest corpus/ --index {self.folder} --rebuild"
            )
        stale = sorted(d.document for d in self.manifest.documents.values()
                       if d.chunking.get("text") != text_signature())
        if stale:
            raise IndexOutOfDateError(
                f"{len(stale)} documents of index {self.folder} (first: {stale[0]}) were read with another text "
                f"normalisation; re-index with: python -m ingest corpus/ --index {self.folder}")

    def _changed(self) -> None:
        self._ordered = None
        self._rows = None
        self._forget_documents()
        self._vectors = None
        self._members = None
        self._asked = {}
        self._by_page = None

    def _load_chunks(self) -> None:
        ids = self.bm25.ids
        self.chunks = {}
        self._changed()
        saved = load_chunks(self.folder)
        if saved is not None:
            self.chunks = {c.id: c for c in saved}
        else:  # an index written before chunks.json: the texts are in Chroma
            self._load_chunks_from_chroma(ids)
        if len(self.chunks) != len(ids) or any(cid not in self.chunks for cid in ids):
            # A killed ingest left BM25 and the chunk file out of step: keep BM25 rows aligned.
            present = [cid for cid in ids if cid in self.chunks]
            logger.warning("index incomplete missing_chunks=%d folder=%s fix=%r", len(ids) - len(present),
                           self.folder, f"python -m ingest --status --index {self.folder}")
            self.chunks = {cid: self.chunks[cid] for cid in present}
            self.bm25 = BM25Index.build(present, [index_tokens(self.chunks[c].indexed_text()) for c in present])
            self._changed()

    def _load_chunks_from_chroma(self, ids: list[str]) -> None:
        for start in range(0, len(ids), _BATCH):
            got = self.collection.get(ids=ids[start : start + _BATCH], include=["documents", "metadatas"])
            for cid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False):
                self.chunks[cid] = Chunk.from_metadata(cid, text or "", dict(meta or {}))

    def tokens_of(self, chunk: Chunk) -> set[str]:
        """Index tokens of a passage's own text, computed once: the rerank needs them for
        every candidate of every query."""
        return self._cached_tokens(chunk.id, chunk.text)

    def context_tokens_of(self, chunk: Chunk) -> set[str]:
        """Index tokens of a passage's title, heading and section lead, computed once."""
        return self._cached_tokens(f"ctx:{chunk.id}", chunk.context())

    def heading_tokens_of(self, chunk: Chunk) -> set[str]:
        """Index tokens of the nearest heading the passage sits under."""
        heading = (chunk.section or "").split("›")[-1]
        return self._cached_tokens(f"head:{chunk.id}", heading)

    def _cached_tokens(self, key: str, text: str) -> set[str]:
        """The index tokens of text, shared (callers must not modify them); `key` names what the
        text is, for the reader."""
        return self._token_set(text)

    def ordered_chunks(self) -> list[Chunk]:
        """Chunks in BM25 order (index i of bm25 scores is ordered_chunks()[i]); built once per
        change of the store, not per question (callers must not modify it)."""
        if self._ordered is None:
            self._ordered = [self.chunks[cid] for cid in self.bm25.ids if cid in self.chunks]
        return self._ordered

    def row_of(self, chunk_id: str) -> int:
        """Index of a loaded chunk in ordered_chunks() (and in BM25's scores); KeyError if absent."""
        if self._rows is None:
            self._rows = {c.id: i for i, c in enumerate(self.ordered_chunks())}
        return self._rows[chunk_id]

    def page_chunks(self, document: str, page: int | None) -> list[Chunk]:
        """The chunks of one page of a document, in BM25 order (callers must not modify it)."""
        if self._by_page is None:
            by_page: dict[tuple[str, int | None], list[Chunk]] = {}
            for c in self.ordered_chunks():
                by_page.setdefault((c.document, c.page), []).append(c)
            self._by_page = by_page
        return self._by_page.get((document, page), [])

    def bm25_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk (in ordered_chunks order) for the query tokens."""
        return self.bm25.scores(list(tokens))

    # ---- writing (ingest only, under its lock) ----------------------------------------------

    def new_manifest(self, chunking: dict[str, Any]) -> Manifest:
        if self.manifest is None:
            if not self.dim:  # a neural backend: its dimension is known only by asking it once
                self.dim = len(self.embed_model.get_text_embedding("dimensiune"))
            self.manifest = Manifest(embedding=self.label, embedding_dim=self.dim, chunking=chunking)
        return self.manifest

    def write_chunks(self, chunks: list[Chunk], tokens: list[list[str]] | None = None,
                     vectors: np.ndarray | None = None, window: int = WINDOW_CHUNKS,
                     chunk_vectors: np.ndarray | None = None) -> None:
        """One document's chunks, in document order: one vector per `window` consecutive chunks
        into Chroma (`assistant.vector_windows`; ids come from content, so writing twice changes
        nothing), gathered with other documents' into upserts of UPSERT_BATCH and all written
        before the commit saves anything; the texts reach chunks.json and, for a small index,
        each chunk's own vector vectors.npz at commit. `tokens` (BM25 tokens of each chunk's indexed text), `vectors`
        (the windows' embeddings, (number of windows, dim)) and `chunk_vectors` (the chunks',
        (len(chunks), dim)) when already computed (`ingest.prepare`); else computed here."""
        if tokens is not None:
            for c, toks in zip(chunks, tokens, strict=True):
                self._index_tokens[c.id] = toks
        groups = vector_groups([c.id for c in chunks], window)
        if vectors is None or tokens is None or chunk_vectors is None:
            vectors, chunk_vectors = self._embed_and_tokenise(chunks, window)
        if len(vectors) != len(groups) or len(chunk_vectors) != len(chunks):
            raise ValueError(f"{len(vectors)} vectors for {len(groups)} windows of {len(chunks)} chunks")
        self._unwritten.add([vid for vid, _ in groups], np.asarray(vectors, dtype=np.float32))
        if len(self._unwritten) >= UPSERT_BATCH:
            self._unwritten.flush(self.collection, all_of_them=False)
        for c, row in zip(chunks, chunk_vectors, strict=True):
            self.chunks[c.id] = c
            self._pending_deletes.discard(c.id)
            self._fresh_vectors[c.id] = row
        if len(self.chunks) > EXACT_SEARCH_LIMIT:  # no vectors.npz at this size: not kept
            self._fresh_vectors.clear()
        self._changed()

    def _embed_and_tokenise(self, chunks: list[Chunk], window: int) -> tuple[np.ndarray, np.ndarray]:
        """(the embeddings of each `window` consecutive chunks' indexed texts one after the
        other, each chunk's own); each text is split into raw tokens once, for the BM25 tokens
        kept until commit and, with the hashing embedding, for its vectors."""
        raws = [passage_raw_tokens(c.context(), c.text) for c in chunks]
        for c, raw in zip(chunks, raws, strict=True):
            self._index_tokens[c.id] = tokens_from_raw(raw)
        if getattr(self.embed_model, "embed_raw_batch", None) is not None:  # hashing: one numpy pass
            own, joined = embed_raw_windows(raws, int(getattr(self.embed_model, "dim", self.dim)), window)
            return joined, own
        texts = [c.indexed_text() for c in chunks]
        joined_texts = ["\n".join(texts[i : i + window]) for i in range(0, len(texts), window)]
        return (np.asarray(self.embed_model.get_text_embedding_batch(joined_texts), dtype=np.float32),
                self.embed_chunks(chunks))

    def embed_chunks(self, chunks: list[Chunk]) -> np.ndarray:
        """(len(chunks), dim) embeddings of the chunks' indexed texts."""
        if getattr(self.embed_model, "embed_raw_batch", None) is not None:
            raws = [passage_raw_tokens(c.context(), c.text) for c in chunks]
            return np.asarray(self.embed_model.embed_raw_batch(raws))
        return np.asarray(self.embed_model.get_text_embedding_batch([c.indexed_text() for c in chunks]),
                          dtype=np.float32).reshape(len(chunks), -1)

    def delete_chunks(self, ids: list[str]) -> None:
        """Forget chunks now; their vectors leave Chroma at commit, after the manifest no longer
        names them, so a run killed before then never leaves the index without a vector."""
        self._pending_deletes.update(ids)
        for cid in ids:
            self.chunks.pop(cid, None)
            self._index_tokens.pop(cid, None)
        self._changed()

    def commit(self) -> None:
        """Rebuild BM25 over the manifest's chunks and save it, the chunk texts, the manifest;
        then drop from Chroma the vectors no document owns (deleted ones, a killed run's)."""
        assert self.manifest is not None
        self._unwritten.flush(self.collection)  # every vector is in Chroma before its chunks are saved
        ids = [cid for d in sorted(self.manifest.documents.values(), key=lambda d: d.document)
               for cid in d.chunk_ids if cid in self.chunks]
        tokens = [self._bm25_tokens(cid) for cid in ids]
        self.bm25 = BM25Index.build(ids, tokens)
        del tokens
        self._index_tokens.clear()  # ~1 KB a chunk: memory is scarcer than a later commit's time
        self._changed()
        self.bm25.save(self.folder / BM25_DIR)
        save_chunks(self.folder, [self.chunks[cid] for cid in ids])
        save_manifest(self.folder, self.manifest)
        owned = set(self.vector_members())
        stale = sorted((self._pending_deletes | self.chroma_ids()) - owned)
        for start in range(0, len(stale), _BATCH):
            self.collection.delete(ids=stale[start : start + _BATCH])
        self._pending_deletes.clear()
        self._save_exact_vectors()

    def _bm25_tokens(self, cid: str) -> list[str]:
        got = self._index_tokens.get(cid)
        if got is None:  # a chunk loaded from the index, not written by this run
            got = index_tokens(self.chunks[cid].indexed_text())
        return got
