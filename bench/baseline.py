"""The plain llama-index pipeline a user would assemble, under the same benchmark as ours.

SimpleDirectoryReader + SentenceSplitter defaults + BM25Retriever (English stemmer as shipped,
or PyStemmer's Romanian one) + VectorStoreIndex over Chroma with our hashing embedding, fused
by QueryFusionRetriever in reciprocal-rank mode; the answer is the best passage. One query
only (num_queries=1) and an explicit MockLLM, so no LLM is ever resolved or called.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from bench.metrics import disk_bytes, percentiles

logger = logging.getLogger(__name__)

TOP_K = 5
COLLECTION = "baseline"


def _embedding() -> Any:
    from assistant.embeddings import build_embedding
    from assistant.settings import Settings

    return build_embedding(Settings())  # type: ignore[call-arg]  # no pydantic mypy plugin


def _collection(index: Path, embed: Any) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.embeddings.chroma_adapter import ChromaEmbeddingAdapter

    client = chromadb.PersistentClient(path=str(index / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    # Chroma's default function would try to download a model; llama-index passes vectors itself.
    return client.get_or_create_collection(COLLECTION, embedding_function=ChromaEmbeddingAdapter(embed, "baseline"),  # type: ignore[arg-type]
                                          )


def _stemmer(language: str) -> Any:
    import Stemmer

    return Stemmer.Stemmer("romanian" if language == "ro" else "english")


def ingest(corpus: Path, index: Path, language: str) -> dict[str, Any]:
    """Read, split, build BM25 and the Chroma vector index; persist both under index."""
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.retrievers.bm25 import BM25Retriever
    from llama_index.vector_stores.chroma import ChromaVectorStore

    embed = _embedding()
    t0 = time.perf_counter()
    docs = SimpleDirectoryReader(input_dir=str(corpus)).load_data(show_progress=False)
    nodes = SentenceSplitter().get_nodes_from_documents(docs)
    t_split = time.perf_counter()
    bm25 = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=TOP_K, stemmer=_stemmer(language))
    bm25.persist(str(index / "bm25"))
    t_bm25 = time.perf_counter()
    store = ChromaVectorStore(chroma_collection=_collection(index, embed))
    VectorStoreIndex(nodes, storage_context=StorageContext.from_defaults(vector_store=store), embed_model=embed)
    seconds = time.perf_counter() - t0
    return {"ingest_s": round(seconds, 3), "chunks": len(nodes), "documents": len(docs), "failed": 0,
            "index_bytes": disk_bytes(index),
            "phases_s": {"read_split": round(t_split - t0, 3), "bm25": round(t_bm25 - t_split, 3),
                         "embed_chroma": round(time.perf_counter() - t_bm25, 3)}}


def _fusion(index: Path) -> Any:
    from llama_index.core import VectorStoreIndex
    from llama_index.core.llms import MockLLM
    from llama_index.core.retrievers import QueryFusionRetriever
    from llama_index.core.retrievers.fusion_retriever import FUSION_MODES
    from llama_index.retrievers.bm25 import BM25Retriever
    from llama_index.vector_stores.chroma import ChromaVectorStore

    embed = _embedding()
    bm25 = BM25Retriever.from_persist_dir(str(index / "bm25"))
    vindex = VectorStoreIndex.from_vector_store(ChromaVectorStore(chroma_collection=_collection(index, embed)),
                                                embed_model=embed)
    return QueryFusionRetriever([bm25, vindex.as_retriever(similarity_top_k=TOP_K)], llm=MockLLM(),
                                mode=FUSION_MODES.RECIPROCAL_RANK, similarity_top_k=TOP_K, num_queries=1,
                                use_async=False)


def _as_answer(qid: str, nodes: list[Any]) -> dict[str, Any]:
    """The JSON contract, filled the only way the baseline can: the best passage is the answer."""
    retrieved = [{"document": n.node.metadata.get("file_name", ""), "text": n.node.get_content(),
                  "score": float(n.score or 0.0)} for n in nodes]
    best = retrieved[0] if retrieved else None
    return {"id": qid, "answer": (best["text"] + " [1]") if best else "", "abstained": best is None,
            "citations": [{"n": 1, "document": best["document"], "text": best["text"]}] if best else [],
            "retrieved": retrieved}


def query(index: Path, questions: list[dict[str, Any]], rounds: int, answers_out: Path) -> dict[str, Any]:
    """Same protocol as ours: one scored pass, then `rounds` timed passes."""
    t0 = time.perf_counter()
    fusion = _fusion(index)
    load_s = time.perf_counter() - t0
    with answers_out.open("w", encoding="utf-8") as f:
        for q in questions:
            f.write(json.dumps(_as_answer(q["id"], fusion.retrieve(q["question"])), ensure_ascii=False) + "\n")
    retrieve, answer_ms, total = [], [], []
    for _ in range(rounds):
        for q in questions:
            t1 = time.perf_counter()
            nodes = fusion.retrieve(q["question"])
            t2 = time.perf_counter()
            _as_answer(q["id"], nodes)
            t3 = time.perf_counter()
            retrieve.append((t2 - t1) * 1000)
            answer_ms.append((t3 - t2) * 1000)
            total.append((t3 - t1) * 1000)
    return {"load_s": round(load_s, 3), "retrieve_ms": percentiles(retrieve), "answer_ms": percentiles(answer_ms),
            "total_ms": percentiles(total), "wall_ms": percentiles(total)}
