"""Stage 3 of `python -m bench.fit`: the answered model (P(the question is answered at all)) and
its abstention threshold.

Rows, one per question asked of an index:
- answerable: an answerable question of a set (label 1);
- unanswerable: a set's own unanswerable question (label 0);
- constructed: an answerable question asked of the index without its document (label 0): the
  index does not hold the topic at all;
- stripped: an answerable question asking for a figure (STRIPPED_KINDS) asked without the
  passages holding its facts or evidence, its document's other passages kept (label 0): the call
  is indexed and does not state what is asked.
The threshold is set on the sets' own unanswerable questions only (see `stage_answered`).
Tried and left out (session 6): every answerable question stripped that way (SQuAD 2.0's kind of
unanswerable question): false abstention rose on every set (xquad 0.031 -> 0.070, fact_recall
0.858 -> 0.833). Kept to figures, with `value_unmet` and the sign bounds (session 7), it does not."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.answer.answered import answered_features
from assistant.query import Query
from assistant.relevance import ANSWERED_FEATURES, ANSWERED_SIGNS, IMPUTED, Linear, Weights
from bench.fit_data import SETS, Item, group, scored_sentences
from bench.learners import fit_pointwise, held_out, threshold

# A question asking for a figure of these kinds, asked without the passages stating it: the
# document is there and says everything else (SQuAD 2.0's kind of unanswerable question, kept to
# figures, whose absence a passage's words do not hide).
STRIPPED_KINDS = frozenset({"amount", "percent", "count", "contact"})
KINDS = ("answerable", "unanswerable", "constructed", "stripped")


def stage_answered(items: list[Item], weights: Weights) -> tuple[Linear, float, dict[str, object]]:
    """(the answered model, the threshold, figures of held-out folds per set and kind)."""
    rows: list[list[float]] = []
    labels: list[int] = []
    groups: list[str] = []
    kinds: list[str] = []  # set:kind
    for item in items:
        assert item.retriever is not None
        item.retriever.weights = weights
        asks: list[tuple[str | None, str]] = [(None, "unanswerable" if item.abstain else "answerable")]
        if not item.abstain and item.document:
            asks.append((item.document, "constructed"))
        if not item.abstain and item.facts and Query.parse(item.question).intent.typed & STRIPPED_KINDS:
            asks.append((None, "stripped"))
        for exclude, kind in asks:
            query, passages, scored = scored_sentences(item, exclude, stripped=kind == "stripped")
            if not scored:
                continue
            rows.append(answered_features(item.retriever, query, scored, passages, without=exclude))
            labels.append(int(kind == "answerable"))
            groups.append(group(item))
            kinds.append(f"{item.set}:{kind}")
    x, y = np.array(rows), np.array(labels)
    fill = tuple((name, float(np.nanmean(x[:, j]))) for j, name in enumerate(ANSWERED_FEATURES) if name in IMPUTED)
    for name, value in fill:  # an unknown value is the mean of the known ones (relevance.IMPUTED)
        column = x[:, ANSWERED_FEATURES.index(name)]
        column[np.isnan(column)] = value
    oof = held_out(x, y, groups, ANSWERED_FEATURES, signs=ANSWERED_SIGNS)
    prob = 1 / (1 + np.exp(-oof))
    # The threshold is set on the sets' own unanswerable questions (questions people asked that
    # the documents do not answer); the constructed ones train the model and are reported, but
    # they are harder than what is asked of an index (the question was written for a document of
    # the same topic as those left), and setting the threshold on them abstains on answerable ones.
    unanswerable = np.array([k.endswith(":unanswerable") for k in kinds])
    cut = threshold(prob[unanswerable])
    figures: dict[str, object] = {"questions": len(y), "threshold": round(cut, 4)}
    for name in SETS:
        for kind in KINDS:
            sel = np.array([k == f"{name}:{kind}" for k in kinds])
            if sel.any():
                figures[f"{name}:{kind}:abstained"] = round(float(np.mean(prob[sel] < cut)), 3)
    return replace(fit_pointwise(x, y, ANSWERED_FEATURES, ANSWERED_SIGNS), fill=fill), cut, figures

