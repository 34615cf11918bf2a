"""Our hybrid retriever behind llama-index's BaseRetriever (query engines, fusion retrievers).

A module of its own so that answering, which calls `HybridRetriever.search` directly, never
imports llama_index.core (about a second of a command-line answer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

if TYPE_CHECKING:
    from assistant.retrieval import HybridRetriever


class LlamaRetriever(BaseRetriever):
    """Each passage of `HybridRetriever.search` as a TextNode (id, text, metadata) scored by
    the passage model's logit, best first."""

    def __init__(self, hybrid: HybridRetriever) -> None:
        super().__init__()
        self.hybrid = hybrid

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [
            NodeWithScore(node=TextNode(id_=p.chunk.id, text=p.chunk.text, metadata=p.chunk.metadata()),
                          score=p.score)
            for p in self.hybrid.search(query_bundle.query_str)
        ]
