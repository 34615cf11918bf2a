"""The development sets as the fit reads them: each set indexed (a fresh folder or --work),
each question an `Item` with the strings that label its passages and sentences (folded as the
scorer folds them), and the sentences the assistant would score for it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from assistant.answer.evidence import Evidence, score_sentences
from assistant.build import open_store
from assistant.query import Query
from assistant.relevance import ANSWERED_FEATURES, PASSAGE_FEATURES, SENTENCE_FEATURES, Linear, Weights
from assistant.retrieval import HybridRetriever
from assistant.settings import Settings
from assistant.types import Passage

REPO = Path(__file__).resolve().parents[1]
SETS = ("dev", "xquad", "field")

_FOLD = str.maketrans({"ș": "s", "ş": "s", "ț": "t", "ţ": "t", "ă": "a", "â": "a", "î": "i",
                       "Ș": "s", "Ş": "s", "Ț": "t", "Ţ": "t", "Ă": "a", "Â": "a", "Î": "i"})


def eval_fold(text: str) -> str:
    """The scorer's folding (../shared/eval/score.py), so labels mean what the scorer counts."""
    text = unicodedata.normalize("NFC", text or "").translate(_FOLD).lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"(?<=\d)[.\s\u00a0](?=\d{3}\b)", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+%", "%", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Item:
    """One question of a set, with what labels it."""

    set: str
    id: str
    question: str
    evidence: list[str]
    facts: list[str]
    abstain: bool
    document: str | None = None  # its answering document (given, or the first holding the evidence)
    retriever: HybridRetriever | None = field(default=None, repr=False)

    def holds_evidence(self, text: str) -> bool:
        t = eval_fold(text)
        return any(e and e in t for e in self.evidence)

    def holds_fact(self, text: str) -> bool:
        t = eval_fold(text)
        return any(f and f in t for f in self.facts)


def bootstrap() -> Weights:
    """Weights to start from: stage 1 reads features only, later stages use the fitted models."""
    def flat(names: tuple[str, ...]) -> Linear:
        return Linear(names, tuple(1.0 for _ in names), 0.0)
    return Weights(flat(PASSAGE_FEATURES), flat(SENTENCE_FEATURES), flat(ANSWERED_FEATURES), 0.5)


def load_items(eval_dir: Path, work: Path) -> list[Item]:
    items: list[Item] = []
    for name in SETS:
        docs = REPO / "corpus" if name == "dev" else eval_dir / name / "docs"
        index = work / f"idx-{name}"
        done = subprocess.run([sys.executable, "-m", "ingest", str(docs), "--index", str(index)],
                              cwd=REPO, capture_output=True, text=True)
        if done.returncode not in (0, 3):
            raise SystemExit(f"ingest of {docs} failed: {done.stderr[-500:]}")
        settings = Settings(index=index)
        store = open_store(settings)
        store.check_ready()
        retriever = HybridRetriever(store, settings, bootstrap())  # weights set per stage
        retriever.all_features = True  # every feature, weighted or not, is what the fit reads
        by_stem = {Path(c.document).stem: c.document for c in store.chunks.values()}
        by_stem.update({c.document: c.document for c in store.chunks.values()})
        for line in (eval_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            items.append(Item(name, q["id"], q["question"], [eval_fold(e) for e in q.get("evidence", [])],
                              [eval_fold(f) for group in q.get("facts", []) for f in group],
                              bool(q.get("abstain")), by_stem.get(q.get("document") or "")))
            items[-1].retriever = retriever
    return items


def group(item: Item) -> str:
    return f"{item.set}:{item.document or item.id}"



def scored_sentences(item: Item, exclude: str | None = None,
                     stripped: bool = False) -> tuple[Query, list[Passage], list[Evidence]]:
    """The scored sentences of the item's top passages (without one document's, if asked;
    `stripped`: without the passages holding the item's facts or evidence)."""
    assert item.retriever is not None
    item.retriever.forget_recent()
    query = Query.parse(item.question)
    settings = item.retriever.settings
    k = max(settings.read_k, settings.top_k)
    passages = item.retriever.search(query, k=k + (STRIP_SPARE if stripped else 0), without=exclude)
    if stripped:
        passages = [p for p in passages if not (item.holds_fact(p.chunk.text) or item.holds_evidence(p.chunk.text))][:k]
    return query, passages, score_sentences(query, passages, item.retriever)


STRIP_SPARE = 12  # further passages searched so that a stripped question still reads as many
