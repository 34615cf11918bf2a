"""chunks.json beside the index: every chunk's text and place, in BM25 order.

The texts live here rather than in Chroma's documents and metadata: Chroma then holds ids and
vectors only, so an insert costs a vector (not a full-text index entry and a metadata row), and
opening the index reads one local file instead of paging every chunk out of Chroma (over HTTP
when Chroma runs as a server). Windows are not stored: only fact extraction needs them, and it
runs while a document is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from assistant.manifest import CHUNKS_NAME, write_atomic
from assistant.types import Chunk

FORMAT_VERSION = 1
_FIELDS = ("id", "document", "title", "page", "section", "text", "ordinal", "kind", "lead", "carried", "headings")


def save_chunks(folder: Path, chunks: list[Chunk]) -> None:
    """All chunks, one compact row a line, written atomically (readers never see half a file)
    and row by row (at 30k chunks the whole file as one string is ~100 MB of memory)."""
    def pieces() -> Iterator[str]:
        yield json.dumps({"version": FORMAT_VERSION, "fields": list(_FIELDS)})[:-1] + ',"chunks":[\n'
        for i, c in enumerate(chunks):
            row = json.dumps([getattr(c, f) for f in _FIELDS], ensure_ascii=False, separators=(",", ":"))
            yield row if i == 0 else ",\n" + row
        yield "\n]}\n"

    write_atomic(folder / CHUNKS_NAME, pieces())


def load_chunks(folder: Path) -> list[Chunk] | None:
    """The saved chunks, or None when the index has no chunk file (built by an older version)."""
    path = folder / CHUNKS_NAME
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != FORMAT_VERSION:
        return None
    fields = data["fields"]
    return [Chunk(window="", **dict(zip(fields, row, strict=True))) for row in data["chunks"]]
