"""Chroma's EmbeddingFunction over any llama-index embedding (or the store's `HashingVectors`),
so Chroma never loads its own."""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings


class ChromaEmbeddingAdapter(EmbeddingFunction[Documents]):
    """Passed on every get_or_create_collection: Chroma's default would try to download a model."""

    def __init__(self, embed_model: Any, label: str) -> None:
        self._model = embed_model
        self._label = label

    def __call__(self, input: Documents) -> Embeddings:
        return [list(v) for v in self._model.get_text_embedding_batch(list(input))]  # type: ignore[misc]

    def embed_query(self, input: Documents) -> Embeddings:
        return [list(self._model.get_query_embedding(q)) for q in input]  # type: ignore[misc]

    @staticmethod
    def name() -> str:
        return "assistant"

    def get_config(self) -> dict[str, Any]:
        return {"label": self._label}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingAdapter:
        # Chroma calls this to check the function is not "legacy"; the real instance is always
        # passed explicitly when a collection is opened, so this one is only a placeholder.
        from assistant.embeddings.hashing import HashingVectors

        return ChromaEmbeddingAdapter(HashingVectors(), str(config.get("label", "")))
