"""This product under the benchmark: build.ingest_files into a fresh index, then the assistant on the questions."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from bench.metrics import disk_bytes, percentiles

logger = logging.getLogger(__name__)


def ingest(corpus: Path, index: Path) -> dict[str, Any]:
    """Index every file of corpus into index (which must not exist yet); time the whole run."""
    from assistant.build import ingest_files
    from assistant.settings import Settings

    settings = Settings(index=index)  # type: ignore[call-arg]  # no pydantic mypy plugin
    t0 = time.perf_counter()
    report = ingest_files(settings, [corpus], ocr=False)
    seconds = time.perf_counter() - t0
    if report.failed:
        logger.warning("bench ingest failures=%d first=%s", len(report.failed), report.failed[0].reason)
    return {"ingest_s": round(seconds, 3), "chunks": report.chunks_total, "documents": len(report.added),
            "failed": len(report.failed), "index_bytes": disk_bytes(index)}


def query(index: Path, questions: list[dict[str, Any]], rounds: int, answers_out: Path) -> dict[str, Any]:
    """Answer every question once (kept for scoring), then `rounds` more times for the latencies."""
    from assistant.build import build_assistant
    from assistant.settings import Settings

    t0 = time.perf_counter()
    assistant = build_assistant(Settings(index=index))  # type: ignore[call-arg]
    load_s = time.perf_counter() - t0
    with answers_out.open("w", encoding="utf-8") as f:
        for q in questions:
            answer = assistant.ask(q["question"])
            f.write(json.dumps(answer.to_json(qid=q["id"]), ensure_ascii=False) + "\n")
    retrieve, answer_ms, total, wall = [], [], [], []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            a = assistant.ask(q["question"])
            wall.append((time.perf_counter() - t) * 1000)
            r, s = float(a.timings_ms.get("retrieve", 0.0)), float(a.timings_ms.get("answer", 0.0))
            retrieve.append(r)
            answer_ms.append(s)
            total.append(r + s)
    return {"load_s": round(load_s, 3), "retrieve_ms": percentiles(retrieve), "answer_ms": percentiles(answer_ms),
            "total_ms": percentiles(total), "wall_ms": percentiles(wall)}
