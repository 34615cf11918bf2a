"""Token counting with tiktoken, offline: points it at the encodings llama-index-core ships."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import tiktoken


def _use_bundled_cache() -> None:
    """tiktoken downloads its encodings unless TIKTOKEN_CACHE_DIR holds them (STACK-NOTES)."""
    if os.environ.get("TIKTOKEN_CACHE_DIR"):
        return
    import llama_index.core

    cache = Path(llama_index.core.__file__).parent / "_static" / "tiktoken_cache"
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    _use_bundled_cache()
    return tiktoken.get_encoding("cl100k_base")


@lru_cache(maxsize=16384)
def count_tokens(text: str) -> int:
    """Cached: chunking counts a unit more than once, and documents repeat their boilerplate."""
    return len(encoding().encode(text, disallowed_special=()))
