"""One ingest at a time per index folder: an advisory file lock that a killed process releases."""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import IngestLockedError

logger = logging.getLogger(__name__)


@contextmanager
def ingest_lock(folder: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the index's lock; wait up to wait_s for another ingest, then fail clearly.

    flock is released by the kernel when the holder dies, so SIGKILL never leaves it stuck.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / ".ingest.lock", os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_s
    announced = False
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IngestLockedError(f"another ingest is running on {folder}") from None
                if not announced:
                    logger.warning("waiting for another ingest to finish folder=%s", folder)
                    announced = True
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)
