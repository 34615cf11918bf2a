"""Token counting with tiktoken, offline: points it at the encodings llama-index-core ships."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

import tiktoken


def _use_bundled_cache() -> None:
    """tiktoken downloads its encodings unless TIKTOKEN_CACHE_DIR holds them (STACK-NOTES)."""
    if os.environ.get("TIKTOKEN_CACHE_DIR"):
        return
    # Found without importing llama_index.core (about a second): only its folder is needed.
    spec = importlib.util.find_spec("llama_index.core")
    assert spec is not None and spec.submodule_search_locations, "llama-index-core is a dependency"
    cache = Path(next(iter(spec.submodule_search_locations))) / "_static" / "tiktoken_cache"
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    _use_bundled_cache()
    return tiktoken.get_encoding("cl100k_base")


@lru_cache(maxsize=16384)
def count_tokens(text: str) -> int:
    """Cached: chunking counts a unit more than once, and documents repeat their boilerplate."""
    return len(encoding().encode(text, disallowed_special=()))
