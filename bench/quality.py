"""Dev-set quality through the shared scorer (../shared/eval/score.py), imported from its path."""

from __future__ import annotations

import importlib.util
import json
import logging
import re
from pathlib import Path
from types import ModuleType
from typing import Any

logger = logging.getLogger(__name__)
_WORD = re.compile(r"[^\W\d_][\w-]*")

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


def score_answers(scorer: ModuleType | None, questions: Path, answers: Path,
                  only: set[str] | None = None) -> dict[str, Any]:
    """The scorer's summary restricted to the figures the report shows, or a note saying why not;
    `only`: the ids of the questions to score (all by default)."""
    if scorer is None:
        return {"note": "scorer not found: quality skipped"}
    asked = [q for q in read_jsonl(questions) if only is None or q["id"] in only]
    summary, _rows = scorer.score(asked, read_jsonl(answers), 5)
    return {k: summary[k] for k in KEYS if k in summary} | {"questions": len(asked)}


def naming_questions(questions: Path, names: set[str]) -> set[str]:
    """Ids of the answerable questions that write a name the variants change (a call, a project,
    a programme): at scale N the others have N equally good answers, one of them the original's."""
    return {q["id"] for q in read_jsonl(questions)
            if not q.get("abstain") and names & set(_WORD.findall(q["question"]))}
