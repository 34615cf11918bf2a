"""Dev-set quality through the shared scorer (../shared/eval/score.py), imported from its path."""

from __future__ import annotations

import importlib.util
import json
import logging
from pathlib import Path
from types import ModuleType
from typing import Any

logger = logging.getLogger(__name__)

KEYS = ("hit@1", "hit@5", "mrr", "fact_recall", "answered_all", "ctx_chars@5", "answer_chars", "oos_abstained",
        "false_abstain")


def load_scorer(path: Path) -> ModuleType | None:
    """The scorer module, or None (and a log line) when the file is not there."""
    if not path.is_file():
        logger.warning("bench quality skipped: no scorer at path=%s", path)
        return None
    spec = importlib.util.spec_from_file_location("bench_eval_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score_answers(scorer: ModuleType | None, questions: Path, answers: Path) -> dict[str, Any]:
    """The scorer's summary restricted to the figures the report shows, or a note saying why not."""
    if scorer is None:
        return {"note": "scorer not found: quality skipped"}
    summary, _rows = scorer.score(read_jsonl(questions), read_jsonl(answers), 5)
    return {k: summary[k] for k in KEYS if k in summary}
