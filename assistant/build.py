"""The wiring: settings in, a ready assistant out (`build_assistant`), and files in, an updated index
out (`ingest_files`, `remove_files`, `index_lock`). The app, the CLIs, the benchmark and the tests call
these; nothing below this module imports `ingest`."""

from __future__ import annotations

import gc
import logging
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.embeddings import embedding_label, store_embedding
from assistant.retrieval import HybridRetriever
from assistant.service import Assistant
from assistant.service import LLMAnswerer as LLMAnswererHook
from assistant.settings import Settings
from assistant.store import Store

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

    from ingest.pipeline import IngestReport

logger = logging.getLogger(__name__)

# Net new container objects between two collections of the youngest generation (CPython's
# default is 700). A question at 100x keeps a hundred or so (the entries its caches add), so at
# 700 about one question in fourteen paused for a collection that found little to free: measured
# over 360 dev questions at 100x, 24 to 25 young and 2 middle collections, 37 to 82 ms in all, up
# to 14 ms each; at 5,000, 2 to 3 young ones, 13 to 23 ms in all. A higher threshold makes the
# rarer middle collections long (50,000: one of 123 ms). Garbage without cycles is freed at once.
YOUNG_COLLECTION = 5_000
# Middle collections between two full ones (CPython's default is 10). A full collection walks
# every object the caches keep (some 250,000 after the dev questions at 100x: 215 to 360 ms); at
# 10, with the young threshold above, one fell inside those 360 questions; at 100, none. Full
# collections are rarer, not cheaper: the caches are bounded, so what they walk is too.
FULL_COLLECTION = 100


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

    book = CallBook(store, retriever, sheets_source(store))
    _fewer_collections()
    # the sheets as the book reads them: a document of several calls with its own call's values
    return Assistant(settings, store, retriever, ExtractiveAnswerer(retriever, store), _llm_answerer(settings, llm),
                     structured=[RecordAnswerer(records_source(store)),
                                 SheetAnswerer(lambda: list(book.calls().values()), retriever)],
                     book=book)


def _fewer_collections() -> None:
    """The collector's youngest and oldest thresholds raised to YOUNG_COLLECTION and
    FULL_COLLECTION for this process (once an assistant answers questions in it; higher
    thresholds set by the host program are kept, and a collector turned off stays off)."""
    young, middle, old = gc.get_threshold()
    if young > 0:  # 0: the host turned automatic collection off
        gc.set_threshold(max(young, YOUNG_COLLECTION), middle, max(old, FULL_COLLECTION))


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
    """Remove every part of the index (manifest.INDEX_PARTS: vectors, BM25, chunk texts, facts,
    records, manifest); the README, .gitignore, the lock and the uploads stay. Called before this
    process opens the index (Chroma's embedded client keeps its database open), as the CLI does."""
    from assistant.manifest import INDEX_PARTS

    folder = Path(settings.index)
    for name in INDEX_PARTS:
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    if settings.chroma_host:
        from assistant.chroma_io import chroma_client

        client = chroma_client(settings)
        try:
            client.delete_collection(settings.collection)
        except Exception as exc:  # chromadb raises NotFoundError or ValueError by version
            logger.info("no collection to drop name=%s reason=%s", settings.collection, exc)


@contextmanager
def index_lock(settings: Settings, wait_s: float = 60.0) -> Iterator[None]:
    """Hold the index folder's ingest lock (one writer at a time, across processes and threads);
    waits up to wait_s seconds for another ingest, then raises IngestLockedError. Reentrant in
    one thread, so a caller may hold it around `drop_index` and `ingest_files`."""
    from ingest.lock import ingest_lock

    with ingest_lock(Path(settings.index), wait_s=wait_s):
        yield


def ingest_files(settings: Settings, paths: Iterable[Path], *, store: Store | None = None, prune: bool = False,
                 ocr: bool = True, on_file: Callable[[Path], Any] | None = None,
                 wait_s: float = 60.0) -> IngestReport:
    """Read files and folders into the index the settings name (chunk sizes from the settings),
    under the index lock; `store` is a store opened for writing (default: a fresh one), `prune`
    removes indexed documents no longer among the inputs, `on_file` is called as each file is
    read. Returns the IngestReport (added, updated, unchanged, removed, failed files)."""
    from ingest.chunking import ChunkingConfig
    from ingest.pipeline import ingest_paths

    paths = list(paths)
    if prune:
        _check_prune(paths)
    cfg = ChunkingConfig(chunk_tokens=settings.chunk_tokens, window_tokens=settings.window_tokens)
    with index_lock(settings, wait_s):
        return ingest_paths(store or open_store(settings), list(paths), cfg, prune=prune, ocr=ocr,
                            on_file=on_file)


def _check_prune(paths: list[Path]) -> None:
    """Pruning keeps only the documents among the inputs, so a mistyped or empty folder would
    empty the index: refused (UnsafePruneError, nothing read or removed) when an input is missing
    or the inputs hold no supported file."""
    from assistant.errors import UnsafePruneError
    from ingest.files import expand_inputs
    from ingest.loaders import SUPPORTED_SUFFIXES

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UnsafePruneError(f"--prune refused: {', '.join(missing)} does not exist; nothing was read or removed")
    if not expand_inputs(paths, SUPPORTED_SUFFIXES)[0]:
        raise UnsafePruneError("--prune refused: the inputs hold no supported document; nothing was read or removed")


def remove_files(settings: Settings, names: list[str], *, store: Store | None = None,
                 wait_s: float = 60.0) -> list[str]:
    """Remove documents from the index (path relative to the folder ingested, or a unique file
    name) under the index lock; the names removed."""
    from ingest.pipeline import remove_documents

    with index_lock(settings, wait_s):
        return remove_documents(store or open_store(settings), names)


def index_status(store: Store) -> dict[str, Any]:
    """What the index holds: documents, chunks, whether every part is present and consistent."""
    from ingest.status import index_status as status

    return status(store)


def ingest_if_empty(settings: Settings, corpus: Path) -> None:
    """An empty index gets the bundled corpus first, so the app answers on its first start; an
    index read by an older version (IndexOutOfDateError) reads the corpus and the uploads again."""
    from assistant.errors import AssistantError, IndexOutOfDateError

    store = open_store(settings)
    if store.manifest is not None and store.manifest.documents:
        try:
            store.check_ready()
        except IndexOutOfDateError as exc:
            logger.warning("index read by an older version; reading its documents again reason=%s", exc)
            again = [p for p in (corpus, Path(settings.index) / "uploads") if p.is_dir()]
            logger.info("%s", ingest_files(settings, again, wait_s=120).summary())
        except AssistantError as exc:  # another embedding: each answer says so, with what to run
            logger.warning("index not ready reason=%s", exc)
        return
    if not corpus.is_dir():
        logger.warning("index empty and no corpus folder=%s", corpus)
        return
    logger.info("index empty; ingesting bundled corpus folder=%s index=%s", corpus, settings.index)
    with index_lock(settings, wait_s=120):
        store = open_store(settings)
        if not (store.manifest and store.manifest.documents):
            logger.info("%s", ingest_files(settings, [corpus], store=store).summary())


def html_text(markup: str) -> str:
    """The visible text of an HTML page or e-mail body, read as ingest reads HTML (hidden parts,
    scripts and styles skipped; paragraphs on their own lines)."""
    from ingest.loaders.html import html_to_text

    return html_to_text(markup)[0]
