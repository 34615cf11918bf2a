"""Resolve the configured embedding backend to a llama-index embedding (imported lazily)."""

from __future__ import annotations

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.errors import BackendUnavailableError
from assistant.settings import Settings


def embedding_label(settings: Settings) -> str:
    """The name written into the manifest; an index answers only with the same label."""
    if settings.embed == "hashing":
        return f"hashing-{settings.embed_dim}"
    return f"{settings.embed}:{settings.embed_model or 'default'}"


def build_embedding(settings: Settings) -> BaseEmbedding:
    if settings.embed == "hashing":
        from assistant.embeddings.hashing import HashingEmbedding

        return HashingEmbedding(dim=settings.embed_dim)
    raise BackendUnavailableError(
        f"embedding backend {settings.embed!r} is not available in this build; choices: hashing"
    )
