"""`python -m bench.fit`: fit the relevance models of `assistant/relevance.py` on the development
sets and write `assistant/data/relevance.json`, with the figures of held-out folds beside them.

    python -m bench.fit [--eval ../shared/eval] [--work DIR] [--out assistant/data/relevance.json]

Data: each development set (dev on corpus/, xquad and field on their docs/ folders) is indexed
with `python -m ingest` into a fresh temporary folder (or --work DIR, kept and reused), and each
question is searched as the assistant searches it.
Labels come from the sets' own strings, folded as the scorer folds them: a candidate passage is
positive when it holds one of the question's evidence strings; a sentence of a top passage is
positive when it holds an evidence string, or a fact string inside a positive passage.

Three stages, on standardised features (coefficients written on the raw scale):
1. passage model, a conditional logit (softmax over each question's candidates, scipy's
   L-BFGS) on every fused candidate of every answerable question;
2. sentence model, a conditional logit on the sentences of the top passages as the fitted
   passage model ranks them, and the share of the best sentence's probability a further one
   needs to be quoted too with the characters and the number of sentences an answer may quote
   (`extra_ratio`, `max_chars`, `max_sentences`, bench.quoting: the most facts quoted at a
   median length kept short);
3. answered model, scikit-learn's LogisticRegression (a calibrated probability), per question:
   label 1 for an answerable question, 0 for an unanswerable. Unanswerable
   questions are the sets' own (`"abstain": true`) and constructed ones: each answerable
   question asked of the index without its own document (its passages removed, and the words
   only that document holds counted as missing). The abstention threshold is the least that
   makes `ABSTAIN_TARGET` of the sets' own unanswerable questions abstain on held-out folds.

Held-out figures come from GroupKFold over documents, so no question is scored by a model that
saw its document. Running the script again on the same data writes the same file
(deterministic solver, fixed fold order). scikit-learn is a dev extra: answering reads only the
JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.answer.calls import short_title
from assistant.features import clip
from assistant.query import Query
from assistant.relevance import PASSAGE_FEATURES, SENTENCE_FEATURES, Linear, Weights
from bench.answered_fit import stage_answered
from bench.fit_data import REPO, Item, bootstrap, group, load_items, scored_sentences
from bench.learners import fit_listwise, held_out, hit_at_1
from bench.quoting import Candidate, choose

logger = logging.getLogger("bench.fit")


def stage_passages(items: list[Item], weights: Weights) -> tuple[Linear, dict[str, object]]:
    rows, labels, groups, qids = [], [], [], []
    for item in items:
        if item.abstain:
            continue
        assert item.retriever is not None
        item.retriever.weights = weights
        item.retriever.forget_recent()
        passages = item.retriever.search(Query.parse(item.question), k=10_000)
        if item.document is None:
            item.document = next((p.chunk.document for p in passages if item.holds_evidence(p.chunk.text)), None)
        for p in passages:
            rows.append(p.features)
            labels.append(int(item.holds_evidence(p.chunk.text)))
            groups.append(group(item))
            qids.append(f"{item.set}:{item.id}")
    x, y = np.array(rows), np.array(labels)
    oof = held_out(x, y, groups, PASSAGE_FEATURES, qids)
    figures = {"candidates": len(y), "positives": int(y.sum()),
               "hit@1_held_out": hit_at_1(oof, y, qids), "hit@1_bm25_first": hit_at_1(x[:, 0], y, qids)}
    return fit_listwise(x, y, qids, PASSAGE_FEATURES), figures


def _sentence_label(item: Item, sentence: str, passage_text: str) -> int:
    return int(item.holds_evidence(sentence) or (item.holds_fact(sentence) and item.holds_evidence(passage_text)))


def stagescored_sentences(items: list[Item], weights: Weights) -> tuple[Linear, float, int, int, dict[str, object]]:
    """The sentence model, and how much an answer quotes (bench.quoting) on its held-out logits."""
    rows, labels, groups, qids, found = [], [], [], [], []
    for item in items:
        if item.abstain:
            continue
        assert item.retriever is not None
        item.retriever.weights = weights
        query, passages, scored = scored_sentences(item)
        for e in scored:
            rows.append(e.features)
            labels.append(_sentence_label(item, e.sentence, passages[e.passage_rank].chunk.text))
            chunk = passages[e.passage_rank].chunk  # an answer writes its document's title before its quotes
            prefix = len(f"Potrivit „{short_title(chunk.title or chunk.document)}”: ")
            found.append((int(item.holds_fact(e.sentence)), len(e.sentence), prefix,
                          None if " | " in e.sentence else _clipped_fact(item, query, e.sentence)))
            groups.append(group(item))
            qids.append(f"{item.set}:{item.id}")
    x, y = np.array(rows), np.array(labels)
    oof = held_out(x, y, groups, SENTENCE_FEATURES, qids)
    by_question: dict[str, list[Candidate]] = {}
    for z, row, q in zip(oof, found, qids, strict=True):
        by_question.setdefault(q, []).append(Candidate(float(z), *row))
    ratio, max_chars, max_sentences, quoted = choose(by_question)
    figures = {"sentences": len(y), "positives": int(y.sum()), "top1_held_out": hit_at_1(oof, y, qids),
               "top1_own_coverage": hit_at_1(x[:, SENTENCE_FEATURES.index("own_cov")], y, qids),
               "extra_ratio": ratio, "max_chars": max_chars, "max_sentences": max_sentences,
               "fact_quoted_held_out": quoted}
    return fit_listwise(x, y, qids, SENTENCE_FEATURES), ratio, max_chars, max_sentences, figures


def _clipped_fact(item: Item, query: Query, sentence: str) -> Callable[[int], int]:
    """Whether the sentence's answering window of `room` characters holds a fact (memoised)."""
    memo: dict[int, int] = {}

    def holds(room: int) -> int:
        if room not in memo:
            memo[room] = int(item.holds_fact(clip(query, sentence, room)))
        return memo[room]
    return holds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fit", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval", help="the development sets")
    # Fresh indexes by default: the incremental ingest keeps an index an older reader wrote when
    # the reading signature did not change, and the shipped weights must be this code's fit.
    p.add_argument("--work", type=Path, help="keep the indexes in DIR and reuse them (default: a fresh folder)")
    p.add_argument("--out", type=Path, default=REPO / "assistant" / "data" / "relevance.json")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="call-assistant-fit-") as fresh:
        return _fit(args, args.work or Path(fresh))


def _fit(args: argparse.Namespace, work: Path) -> int:
    items = load_items(args.eval, work)
    weights = bootstrap()
    passage, f1 = stage_passages(items, weights)
    logger.info("passage model: %s", f1)
    weights = Weights(passage, weights.sentence, weights.answered, weights.threshold)
    sentence, ratio, max_chars, max_sentences, f2 = stagescored_sentences(items, weights)
    logger.info("sentence model: %s", f2)
    weights = Weights(passage, sentence, weights.answered, weights.threshold, ratio, max_chars=max_chars,
                      max_sentences=max_sentences)
    answered, threshold, f3 = stage_answered(items, weights)
    logger.info("answered model: %s", f3)
    final = Weights(passage, sentence, answered, threshold, ratio, {"passage": f1, "sentence": f2, "answered": f3},
                    max_chars, max_sentences)
    args.out.write_text(json.dumps(final.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
