"""One ingest at a time per index folder: filelock's advisory lock, which a killed process releases."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.errors import IngestLockedError

logger = logging.getLogger(__name__)


@contextmanager
def ingest_lock(folder: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the index's lock; wait up to wait_s seconds for another ingest, then raise IngestLockedError.

    filelock uses flock on POSIX, released by the kernel when the holder dies (SIGKILL never leaves
    it stuck). One FileLock per path in a process (`is_singleton`), counted per thread: the same
    thread may take it again (nested), another thread waits as another process would.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / ".ingest.lock", is_singleton=True)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        logger.warning("waiting for another ingest to finish folder=%s", folder)
        try:
            lock.acquire(timeout=max(wait_s, 0.0), poll_interval=0.2)
        except Timeout:
            raise IngestLockedError(f"another ingest is running on {folder}") from None
    try:
        yield
    finally:
        lock.release()
