"""Embedding backends behind llama-index's BaseEmbedding, chosen by settings."""

from assistant.embeddings.factory import build_embedding, embedding_label, store_embedding

__all__ = ["build_embedding", "embedding_label", "store_embedding"]
