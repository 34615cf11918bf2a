"""The one wiring function: settings in, a ready assistant out (app, CLIs and tests call it)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.embeddings import embedding_label, store_embedding
from assistant.retrieval import HybridRetriever
from assistant.service import Assistant
from assistant.service import LLMAnswerer as LLMAnswererHook
from assistant.settings import Settings
from assistant.store import Store
from assistant.vector_file import VECTORS_NAME

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

logger = logging.getLogger(__name__)


def open_store(settings: Settings, embed_model: BaseEmbedding | None = None) -> Store:
    model = embed_model or store_embedding(settings)
    label = embedding_label(settings) if embed_model is None else f"custom:{type(embed_model).__name__}"
    dim = settings.embed_dim if settings.embed == "hashing" else 0
    return Store(settings, model, label, dim)


def build_assistant(settings: Settings, *, llm: object | None = None,
                    embed_model: BaseEmbedding | None = None, require_index: bool = True) -> Assistant:
    store = open_store(settings, embed_model)
    if require_index:
        store.check_ready()
    retriever = HybridRetriever(store, settings)
    from assistant.answer.calls import CallBook
    from assistant.facts.answerer import RecordAnswerer
    from assistant.facts.sheet_answerer import SheetAnswerer
    from assistant.facts.store import records_source, sheets_source

    sheets = sheets_source(store)
    return Assistant(settings, store, retriever, ExtractiveAnswerer(retriever, store), _llm_answerer(settings, llm),
                     structured=[RecordAnswerer(records_source(store)), SheetAnswerer(sheets, retriever)],
                     book=CallBook(store, retriever, sheets))


def _llm_answerer(settings: Settings, llm: object | None) -> LLMAnswererHook | None:
    """A llama-index LLM is wrapped; an answerer object is used as given; else from settings.
    Extractive answering with no LLM given imports neither llama-index nor the LLM answerer."""
    if llm is None and settings.llm == "extractive":
        return None
    from llama_index.core.llms import LLM

    from assistant.answer.llm import LLMAnswerer

    if isinstance(llm, LLM):
        return LLMAnswerer(settings, llm, backend=settings.llm if settings.llm != "extractive" else "llm")
    if llm is None:
        return LLMAnswerer(settings)
    return llm  # type: ignore[return-value]


def drop_index(settings: Settings) -> None:
    """Remove everything the index folder holds but its README and .gitignore."""
    folder = Path(settings.index)
    for name in ("chroma", "bm25", "bm25.tmp", "bm25.old", "manifest.json", VECTORS_NAME):
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    if settings.chroma_host:
        from assistant.store import chroma_client

        client = chroma_client(settings)
        try:
            client.delete_collection(settings.collection)
        except Exception as exc:  # chromadb raises NotFoundError or ValueError by version
            logger.info("no collection to drop name=%s reason=%s", settings.collection, exc)
