"""The CPU side of ingesting one file (read, chunk, facts, BM25 tokens, hashing vectors), in the
ingest process or in a worker process beside it.

Chroma's upsert holds the GIL, so threads cannot overlap it with this work; one worker process
can: while the ingest process writes one file's vectors, the worker reads the next files, and
the ingest process reads files too whenever the worker's next result is not ready. Results come
back in file order, so the index is the same as a one-process run's. One worker, not one per
core: the ingest process itself keeps the other core busy (Chroma, BM25, files), and each worker
adds its own memory (~100 MB of text caches).
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

import numpy as np

from assistant.errors import DocumentError
from assistant.facts.store import Structured, extract_document
from assistant.types import Chunk, LoadedDocument
from assistant.vector_windows import WINDOW_CHUNKS
from ingest.chunking import ChunkingConfig, chunk_document
from ingest.loaders import load_document

logger = logging.getLogger(__name__)

POOL_MIN_FILES = 8  # fewer files than this are read in the ingest process (a worker starts in ~0.5 s)
AHEAD = 6  # files queued for the worker (it must not starve while this process reads or writes)
LOCAL_AHEAD = 16  # files the ingest process may read ahead while the worker's turn has not come


@dataclass
class Job:
    path: Path
    key: str  # the document's key in the index (`ingest.files.document_key`)
    cfg: ChunkingConfig
    max_bytes: int
    ocr: bool
    embed_dim: int  # hashing vectors are computed with the chunks when > 0


@dataclass
class Prepared:
    """One file read and chunked, or why not (`error`, or an OSError's text in `os_error`)."""

    job: Job
    doc: LoadedDocument | None = None
    chunks: list[Chunk] | None = None  # windows dropped
    structured: Structured | None = None
    tokens: list[list[str]] | None = None  # BM25 tokens of each chunk's indexed text
    vectors: np.ndarray | None = None  # (windows, embed_dim) hashing vectors of the chunks' windows, or None
    chunk_vectors: np.ndarray | None = None  # (len(chunks), embed_dim) each chunk's own, or None
    error: DocumentError | None = None
    os_error: str | None = None


def prepare(job: Job) -> Prepared:
    """Read, chunk and extract one file; errors are returned, not raised (they cross processes)."""
    from assistant.passage_tokens import passage_token_parts, tokens_from_parts

    try:
        doc = replace(load_document(job.path, max_bytes=job.max_bytes, ocr=job.ocr), name=job.key)
        chunks = chunk_document(doc, job.cfg)
    except DocumentError as exc:
        return Prepared(job, error=exc)
    except OSError as exc:
        return Prepared(job, os_error=str(exc.strerror or exc))
    # Facts are read now, while the chunks still carry their windows; the windows are then
    # dropped (nothing after needs them, and they are most of a chunk's memory).
    structured = extract_document(job.key, chunks) if chunks else None
    chunks = [replace(c, window="") for c in chunks]
    # A passage's context (title, headings, section lead) is shared by a section's chunks: its
    # tokens, BM25 tokens and features are computed once (`passage_tokens.passage_token_parts`).
    parts = [passage_token_parts(c.context(), c.text) for c in chunks]
    vectors = chunk_vectors = None
    if job.embed_dim:
        from assistant.embeddings.hashing import embed_part_windows

        # Each chunk's own vector (vectors.npz) and one per window of WINDOW_CHUNKS consecutive
        # chunks (Chroma; `assistant.vector_windows`), from one pass over the tokens.
        chunk_vectors, vectors = embed_part_windows(parts, job.embed_dim, WINDOW_CHUNKS)
    return Prepared(job, doc, chunks, structured, [tokens_from_parts(own, rest) for own, rest in parts],
                    vectors, chunk_vectors)


def prepare_all(jobs: list[Job]) -> Iterator[Prepared]:
    """`prepare` of every job, in order: shared between one worker process and this one when
    there are many files and a second core, else here (and here for what is left if the worker
    dies). The worker is kept `AHEAD` files ahead; whenever its next result is not ready
    yet, this process reads the next unsent file itself (up to `LOCAL_AHEAD` of them; between
    two writes of Chroma's vectors it would otherwise wait), so both cores read files whatever
    share of them each process gets. Results are yielded in job order."""
    if len(jobs) < POOL_MIN_FILES or (os.cpu_count() or 1) < 2:
        yield from map(prepare, jobs)
        return
    worker = _start_worker()
    assert worker.stdin is not None and worker.stdout is not None
    sent = 0  # jobs[:sent] are given out: to the worker (`waiting`, in order) or read here (`local`)
    waiting: deque[int] = deque()
    local: dict[int, Prepared] = {}
    done = 0
    try:
        while done < len(jobs):
            while sent < len(jobs) and len(waiting) < AHEAD:  # jobs are small: the pipe never fills
                _send(worker.stdin, jobs[sent])
                waiting.append(sent)
                sent += 1
            if done in local:
                result = local.pop(done)
            else:
                while sent < len(jobs) and len(local) < LOCAL_AHEAD and not _readable(worker.stdout):
                    local[sent] = prepare(jobs[sent])
                    sent += 1
                result = _receive(worker.stdout)
                waiting.popleft()
            done += 1
            yield result
    except (EOFError, OSError, pickle.UnpicklingError) as exc:
        logger.warning("ingest worker stopped (%s); reading the other %d files here", exc, len(jobs) - done)
        for i in range(done, len(jobs)):
            yield local.pop(i) if i in local else prepare(jobs[i])
    finally:  # closing both pipes ends the worker, also when it is blocked writing a result
        worker.stdin.close()
        worker.stdout.close()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def _readable(stream: IO[bytes]) -> bool:
    """Whether the worker has started writing its next result (the pipe is unbuffered here, so
    no result can wait in a buffer that the poll does not see). `poll`, not `select`: select
    refuses a descriptor numbered 1024 or more, which a process holding many open files (the
    app with several indexes, a long test run) hands out."""
    if not hasattr(select, "poll"):  # (Windows: select takes any socket or pipe number there)
        return bool(select.select([stream], [], [], 0)[0])
    poller = select.poll()
    poller.register(stream, select.POLLIN)
    return bool(poller.poll(0))


def _send(stream: IO[bytes], obj: object) -> None:
    """One pickled object with its length before it: an unbuffered pipe may take part of a
    write, and `_receive` reads exactly one object."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(8, "little") + data)
    while view:
        view = view[stream.write(view) or 0 :]
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next object `_send` wrote; EOFError when the other end closed."""
    size = int.from_bytes(_read_exact(stream, 8), "little")
    return pickle.loads(_read_exact(stream, size))


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    parts, got = [], 0
    while got < size:
        part = stream.read(size - got)
        if not part:
            raise EOFError("the other end of the pipe closed")
        parts.append(part)
        got += len(part)
    return b"".join(parts)


def _start_worker() -> subprocess.Popen[bytes]:
    """`python -m ingest.prepare` with this code on its path: a process of its own rather than
    multiprocessing, which would run the caller's main module again in the child (and the
    ingest process may already run Chroma's threads, which fork does not copy safely)."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    return subprocess.Popen([sys.executable, *_serve_command()], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=env, bufsize=0)


def _serve_command() -> list[str]:
    return ["-m", "ingest.prepare"]


def _serve() -> None:
    """The worker: a pickled Job in on stdin, a pickled Prepared out on stdout, until stdin ends."""
    from assistant.offline import go_offline

    go_offline()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            job = _receive(stdin)
        except EOFError:
            return
        _send(stdout, prepare(job))


if __name__ == "__main__":
    # From the module by its name, so that what is pickled back is ingest.prepare.Prepared,
    # which the ingest process can load (this file runs here as __main__).
    from ingest.prepare import _serve as serve

    serve()
