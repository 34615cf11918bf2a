"""A deterministic embedding from hashed character n-grams: no weights, no network.

Our own because nothing on PyPI does this without a model: it gives the vector side of the
hybrid what BM25 lacks (partial words, typos, inflections the stemmer misses) for free.
"""

from __future__ import annotations

import zlib
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.text import raw_tokens, stem, stopwords

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding


@lru_cache(maxsize=300_000)
def _word_features(word: str, dim: int) -> tuple[tuple[int, float], ...]:
    """Signed hashed features of one folded word: its stem and its 3- to 5-grams."""
    grams = [f"w:{stem(word)}"]
    padded = f"<{word}>"
    for n in (3, 4, 5):
        grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    feats: dict[int, float] = {}
    for gram in grams:
        h = zlib.crc32(gram.encode())
        idx, sign = h % dim, (1.0 if (h >> 31) & 1 else -1.0)
        weight = 2.0 if gram.startswith("w:") else 1.0
        feats[idx] = feats.get(idx, 0.0) + sign * weight
    return tuple(feats.items())


@lru_cache(maxsize=300_000)
def _word_columns(word: str, dim: int) -> tuple[array[int], array[float]]:
    """`_word_features` as two C arrays (int64 columns, float64 values), which extend a text's
    arrays of the same type by a copy of memory (cached here rather than twice; read only)."""
    feats = _word_features.__wrapped__(word, dim)
    return array("q", (i for i, _ in feats)), array("d", (v for _, v in feats))


def hash_embed(text: str, dim: int) -> list[float]:
    """L2-normalised vector; words of the same stem share most of their features."""
    return embed_raw_tokens(raw_tokens(text), dim)


def embed_raw_tokens(tokens: list[str], dim: int) -> list[float]:
    """`hash_embed` of a text already split by `raw_tokens` (ingest shares them with BM25)."""
    return embed_raw_batch([tokens], dim)[0].tolist()


def embed_raw_batch(texts: list[list[str]], dim: int) -> np.ndarray:
    """`embed_raw_tokens` of many texts at once: a (len(texts), dim) float32 array of unit rows
    (a row of zeros for a text with no word)."""
    return _unit_rows(_feature_sums(texts, dim))


def embed_raw_windows(texts: list[list[str]], dim: int, window: int) -> tuple[np.ndarray, np.ndarray]:
    """(`embed_raw_batch` of the texts, `embed_raw_batch` of each `window` consecutive texts
    joined): a window's features are the sum of its texts', so both come from one pass."""
    sums = _feature_sums(texts, dim)
    starts = np.arange(0, len(texts), window)
    joined = np.add.reduceat(sums, starts, axis=0) if len(texts) else sums
    return _unit_rows(sums), _unit_rows(joined)


def embed_part_windows(parts: list[tuple[tuple[str, ...], list[str]]], dim: int,
                       window: int) -> tuple[np.ndarray, np.ndarray]:
    """`embed_raw_windows` of texts given as (a head shared by many texts, the rest): a head's
    features are summed once (integer sums: adding them to the rest's is exact)."""
    sums = _feature_sums([rest for _, rest in parts], dim)
    heads: dict[tuple[str, ...], np.ndarray] = {}
    for row, (own, _) in zip(sums, parts, strict=True):
        if own:
            if own not in heads:
                heads[own] = _feature_sums([list(own)], dim)[0]
            row += heads[own]
    starts = np.arange(0, len(parts), window)
    joined = np.add.reduceat(sums, starts, axis=0) if len(parts) else sums
    return _unit_rows(sums), _unit_rows(joined)


def _feature_sums(texts: list[list[str]], dim: int) -> np.ndarray:
    """(len(texts), dim) float64 sums of the texts' word features. The features of every text are
    summed by one bincount over row-offset columns instead of one per text; every feature value
    is a small integer, so each sum is exactly that of adding them one by one (and a window's,
    the sum of its texts' rows)."""
    sw = stopwords()
    # C arrays rather than lists: each word's columns are added by a copy of memory, and numpy
    # reads the buffers without converting each Python number.
    idx = array("q")  # np.intp on the 64-bit platforms numpy supports
    val = array("d")
    ends: list[int] = []  # where each text's features end in idx
    for tokens in texts:
        for tok in tokens:
            if tok in sw or len(tok) < 2:
                continue
            i, v = _word_columns(tok, dim)
            idx.extend(i)
            val.extend(v)
        ends.append(len(idx))
    counts = np.diff(np.asarray([0, *ends], dtype=np.intp)).astype(np.intp)
    rows = np.repeat(np.arange(len(texts), dtype=np.intp), counts)
    flat = np.frombuffer(idx, dtype=np.int64).astype(np.intp, copy=False) + rows * dim
    return np.bincount(flat, weights=np.frombuffer(val, dtype=np.float64),
                       minlength=len(texts) * dim).reshape(len(texts), dim)


def _unit_rows(sums: np.ndarray) -> np.ndarray:
    sums = sums.astype(np.float32)
    # Each row's norm as np.linalg.norm of that row (a dot product), not an axis reduction,
    # which sums in another order: the vectors stay bit for bit those of earlier indexes.
    norms = np.asarray([float(np.linalg.norm(r)) or 1.0 for r in sums], dtype=np.float32)
    return sums / norms[:, None]


class HashingVectors:
    """The hashing embedding without llama-index (the store's query and ingest path, so that
    answering does not import llama_index.core, ~1 s): the methods of BaseEmbedding it uses."""

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    def get_query_embedding(self, query: str) -> list[float]:
        return hash_embed(query, self.dim)

    def get_text_embedding(self, text: str) -> list[float]:
        return hash_embed(text, self.dim)

    def get_text_embedding_batch(self, texts: list[str], **_: Any) -> list[list[float]]:
        return embed_raw_batch([raw_tokens(t) for t in texts], self.dim).tolist()

    def embed_raw_batch(self, texts: list[list[str]]) -> np.ndarray:
        """(len(texts), dim) unit rows of texts already split by `raw_tokens`."""
        return embed_raw_batch(texts, self.dim)


def llama_hashing_embedding(dim: int = 512) -> BaseEmbedding:
    """The hashing embedding as a llama-index BaseEmbedding (for VectorStoreIndex and the
    baseline); the class is defined on first call so that importing this module stays light."""
    return _llama_class()(dim=dim)


@lru_cache(maxsize=1)
def _llama_class() -> type:
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import Field

    class HashingEmbedding(BaseEmbedding):
        """llama-index embedding over `hash_embed`; identical for queries and passages."""

        dim: int = Field(default=512, description="Vector dimension.")

        @classmethod
        def class_name(cls) -> str:
            return "HashingEmbedding"

        def _get_query_embedding(self, query: str) -> list[float]:
            return hash_embed(query, self.dim)

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return hash_embed(query, self.dim)

        def _get_text_embedding(self, text: str) -> list[float]:
            return hash_embed(text, self.dim)

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embed_raw_batch([raw_tokens(t) for t in texts], self.dim).tolist()

        def embed_raw_batch(self, texts: list[list[str]]) -> np.ndarray:
            """(len(texts), dim) unit rows of texts already split by `raw_tokens`."""
            return embed_raw_batch(texts, self.dim)

    return HashingEmbedding
