"""vectors.npz beside the index: each chunk's own unit vector in a small index, for exact search
without Chroma.

An index of at most `EXACT_SEARCH_LIMIT` chunks is searched exactly (a matrix product), one
vector per chunk, rather than through Chroma's approximate HNSW, which can return other
neighbours from one process to the next and holds one vector per window of chunks
(`assistant.vector_windows`). Keeping those vectors in one local file means that answering from
such an index never opens Chroma at all (importing chromadb alone costs about half a second of
a command-line answer). Larger indexes have no file and are searched by Chroma.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import numpy as np

from assistant.manifest import VECTORS_NAME

logger = logging.getLogger(__name__)

EXACT_SEARCH_LIMIT = 20_000  # chunks searched exactly (40 MB at 512 dimensions); beyond, Chroma's HNSW


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """float32 rows scaled to length 1 (a zero row stays zero)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def save_vectors(folder: Path, ids: list[str], matrix: np.ndarray | None) -> None:
    """Write the chunks' ids and unit vectors (row i is ids[i]) atomically; None (or no ids)
    removes the file (an index too large for exact search, or an empty one)."""
    path = folder / VECTORS_NAME
    if matrix is None or not ids:
        path.unlink(missing_ok=True)
        return
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{VECTORS_NAME}.")
    with os.fdopen(fd, "wb") as f:
        np.savez(f, ids=np.asarray(ids, dtype=str), vectors=unit_rows(matrix).reshape(len(ids), -1))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def load_vectors(folder: Path, ids: list[str]) -> np.ndarray | None:
    """The saved unit vectors in the order of ids, or None when the file is missing, unreadable
    or written for other chunks (a killed commit, an older index): the caller asks Chroma."""
    path = folder / VECTORS_NAME
    if not path.exists():
        return None
    try:
        with np.load(path) as saved:
            saved_ids, matrix = saved["ids"], saved["vectors"]
    except (OSError, ValueError, KeyError) as exc:
        logger.warning("vector file unreadable path=%s reason=%s", path, exc)
        return None
    if len(saved_ids) != len(ids) or saved_ids.tolist() != ids:
        return None
    return matrix


def saved_rows(folder: Path) -> dict[str, np.ndarray]:
    """Every row of the saved file by chunk id, whatever chunks it was written for (empty when
    missing or unreadable): what an ingest reuses for the chunks it did not write."""
    path = folder / VECTORS_NAME
    if not path.exists():
        return {}
    try:
        with np.load(path) as saved:
            return dict(zip(saved["ids"].tolist(), saved["vectors"], strict=True))
    except (OSError, ValueError, KeyError) as exc:
        logger.warning("vector file unreadable path=%s reason=%s", path, exc)
        return {}
