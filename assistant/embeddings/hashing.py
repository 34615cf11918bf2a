"""A deterministic embedding from hashed character n-grams: no weights, no network.

Our own because nothing on PyPI does this without a model: it gives the vector side of the
hybrid what BM25 lacks (partial words, typos, inflections the stemmer misses) for free.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import Field, PrivateAttr

from assistant.text import raw_tokens, stem, stopwords


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
def _word_columns(word: str, dim: int) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """`_word_features` as two columns, ready to extend the arrays of a text (cached here
    rather than twice)."""
    feats = _word_features.__wrapped__(word, dim)
    return tuple(i for i, _ in feats), tuple(v for _, v in feats)


def hash_embed(text: str, dim: int) -> list[float]:
    """L2-normalised vector; words of the same stem share most of their features."""
    return embed_raw_tokens(raw_tokens(text), dim)


def embed_raw_tokens(tokens: list[str], dim: int) -> list[float]:
    """`hash_embed` of a text already split by `raw_tokens` (ingest shares them with BM25).

    The features are summed by one bincount instead of a Python loop over them; every
    feature value is a small integer, so the sums (and the vector) are exactly those of
    adding them one by one.
    """
    sw = stopwords()
    idx: list[int] = []
    val: list[float] = []
    for tok in tokens:
        if tok in sw or len(tok) < 2:
            continue
        i, v = _word_columns(tok, dim)
        idx.extend(i)
        val.extend(v)
    vec = np.bincount(np.asarray(idx, dtype=np.intp), weights=np.asarray(val, dtype=np.float64),
                      minlength=dim).astype(np.float32)
    norm = float(np.linalg.norm(vec))
    return (vec / norm).tolist() if norm else vec.tolist()


class HashingEmbedding(BaseEmbedding):
    """llama-index embedding over `hash_embed`; identical for queries and passages."""

    dim: int = Field(default=512, description="Vector dimension.")
    _ready: bool = PrivateAttr(default=True)

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
        return [hash_embed(t, self.dim) for t in texts]

    def embed_raw_tokens(self, tokens: list[str]) -> list[float]:
        """The embedding of a text from its `raw_tokens` (the store tokenises each chunk once)."""
        return embed_raw_tokens(tokens, self.dim)
