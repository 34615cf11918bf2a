"""One benchmark scale: build the corpus, run each system's phases in fresh processes, write the JSON."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus import ScaledCorpus, build_corpus, source_documents
from bench.metrics import machine
from bench.quality import load_scorer, naming_questions, score_answers
from bench.variants import name_lexicon
from bench.worker import SYSTEMS

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent


@dataclass
class RunConfig:
    corpus: Path
    questions: Path
    scorer: Path
    out: Path
    work: Path
    rounds: int = 5
    seed: int = 0
    systems: tuple[str, ...] = SYSTEMS


def _worker(args: list[str], log: Path) -> dict[str, Any]:
    """Run `python -m bench.worker ARGS`; return the JSON it wrote, or raise with its stderr tail."""
    out = log.with_suffix(".json")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.run([sys.executable, "-m", "bench.worker", *args, "--out", str(out)],
                              cwd=REPO, env=env, stdout=err, stderr=subprocess.STDOUT, check=False)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"bench worker {' '.join(args[:2])} failed rc={proc.returncode}:\n{tail}")
    return json.loads(out.read_text(encoding="utf-8"))


def run_system(system: str, corpus: ScaledCorpus, cfg: RunConfig, scorer: Any,
               named: set[str] | None = None) -> dict[str, Any]:
    """Ingest then query one system over one scaled corpus; figures combined."""
    folder = cfg.work / f"{system}-{corpus.scale}x"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    index, answers = folder / "index", folder / "answers.jsonl"
    ing = _worker([system, "ingest", "--corpus", str(corpus.folder), "--index", str(index)], folder / "ingest.log")
    qry = _worker([system, "query", "--index", str(index), "--questions", str(cfg.questions),
                   "--rounds", str(cfg.rounds), "--answers", str(answers)], folder / "query.log")
    seconds = ing["ingest_s"] or 1e-9
    return {
        "ingest_s": ing["ingest_s"], "mb_per_s": round(corpus.megabytes / seconds, 3),
        "chunks": ing["chunks"], "chunks_per_s": round(ing["chunks"] / seconds, 1),
        "documents": ing["documents"], "failed": ing["failed"], "index_mb": round(ing["index_bytes"] / 1e6, 2),
        "ingest_phases_s": ing.get("phases_s"),
        "peak_rss_mb": max(ing["peak_rss_mb"], qry["peak_rss_mb"]),
        "ingest_rss_mb": ing["peak_rss_mb"], "query_rss_mb": qry["peak_rss_mb"], "load_s": qry["load_s"],
        "retrieve_ms": qry["retrieve_ms"], "answer_ms": qry["answer_ms"], "total_ms": qry["total_ms"],
        "quality": score_answers(scorer, cfg.questions, answers),
        # The questions that name their call or project: the ones a larger corpus can still tell apart.
        "quality_named": score_answers(scorer, cfg.questions, answers, only=named or set()),
    }


def run_scale(scale: int, cfg: RunConfig) -> dict[str, Any]:
    """Everything for one scale, written to OUT/scale-<N>x.json and returned."""
    t0 = time.perf_counter()
    corpus = build_corpus(cfg.corpus, scale, cfg.work / f"corpus-{scale}x", seed=cfg.seed)
    scorer = load_scorer(cfg.scorer)
    texts = [p.read_text(encoding="utf-8") for p in source_documents(cfg.corpus) if p.suffix.lower() in {".txt", ".md"}]
    named = naming_questions(cfg.questions, name_lexicon(texts)) if cfg.questions.is_file() else set()
    result: dict[str, Any] = {
        "scale": scale, "corpus": {"files": corpus.files, "bytes": corpus.bytes, "mb": round(corpus.megabytes, 3)},
        "machine": machine(), "rounds": cfg.rounds, "seed": cfg.seed, "systems": {},
        "notes": ["baseline: SimpleDirectoryReader without llama-index-readers-file (PDF/DOCX read as raw bytes; "
                  "the bench corpora are .txt only)",
                  "baseline answer = text of the best fused passage (SentenceSplitter default 1024-token chunks)"],
    }
    if scorer is None:
        result["notes"].append(f"quality skipped: no scorer at {cfg.scorer}")
    for system in cfg.systems:
        logger.info("bench scale=%d system=%s", scale, system)
        result["systems"][system] = run_system(system, corpus, cfg, scorer, named)
    result["wall_s"] = round(time.perf_counter() - t0, 1)
    cfg.out.mkdir(parents=True, exist_ok=True)
    (cfg.out / f"scale-{scale}x.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return result
