"""Relevance, in one home: the features that say a passage or a sentence answers a question,
and the fitted linear models that weigh them.

Three models, all logistic regressions fitted by `python -m bench.fit` on the development
sets (their evidence strings say which passages and sentences answer) and shipped in
`assistant/data/relevance.json` with the figures of held-out folds beside them:

- `passage`: P(a retrieved candidate holds the answer), from the fused ranks of BM25 and the
  vectors and from how the candidate (alone, with its context, with its heading) covers the
  question. It orders the passages.
- `sentence`: P(a sentence of a top passage states the answer). It picks what is quoted.
- `answered`: P(the question is answered by the best sentence at all), from the best sentence's
  logit and from the share of the question no document holds. Its `threshold` is chosen on
  held-out folds, with constructed unanswerable questions (the question asked of the index
  without its own document), so that unanswerable questions abstain at least `ABSTAIN_TARGET`
  of the time at the least false abstention.

Every feature is a measurement, not a word list: shares of the question's idf mass, ranks,
whether a value of the kind asked is present. The shapes of answers (a definition, a named
table column, the name of the thing asked) are general facts of how Romanian documents write
answers; their weights, like every other weight here, come from the fit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

PASSAGE_FEATURES: tuple[str, ...] = (
    "bm25_rr",  # 1 / (1 + rank) in BM25's candidate list, 0 when absent
    "bm25_ratio",  # its BM25 score over the best candidate's
    "vector_rr",  # the same in the vector side's list
    "named_extra",  # joined only because its document is the one the question names
    "own_cov",  # share of the question's idf mass the passage's own words cover
    "own_gap",  # that, less the best candidate's (0 for the best)
    "exact_cov",  # the same counting only exact word forms (a stem is not a longer, different word)
    "ctx_cov",  # ... covered by the passage with its context (title, headings, section lead)
    "ctx_gap",  # that, less the best candidate's
    "heading_cov",  # ... covered by its heading
    "phrase_cov",  # share of the question's adjacent word pairs adjacent in the passage or its context
    "doc_phrase_cov",  # ... adjacent anywhere in its document (a call named as written)
    "gram_cov",  # share of the question's character 4-grams the passage holds
    "doc_cov",  # share of the names the question writes that its document holds (1 when none)
    "name_cov",  # share of those names the passage with its context holds
    "asks",  # how well it holds what the question asks for (its concept terms)
    "typed_value",  # holds a value of a kind the question asks for (a date, a rate, ...)
    "shape",  # answer shapes: a named table column, a definition, the name of the thing asked
)

SENTENCE_FEATURES: tuple[str, ...] = (
    "passage",  # the passage model's logit for its passage
    "passage_gap",  # that logit less the best passage's (0 for the best)
    "passage_rr",  # 1 / (1 + rank) of its passage after the rerank
    "own_cov",  # share of the question's idf mass the sentence alone covers
    "own_gap",  # that, less the best sentence's
    "exact_cov",  # the same, exact word forms only
    "ctx_cov",  # ... the sentence with the heading and title it sits under
    "ctx_gap",  # that, less the best sentence's
    "passage_cov",  # ... the whole passage with its context
    "prev_cov",  # own coverage of the sentence before it (an answer often follows the one naming its subject)
    "next_cov",  # ... of the sentence after it
    "name_cov",  # share of the question's names the passage with its context holds
    "doc_cov",  # share of the question's names its document holds
    "asks",  # how well the sentence with its heading holds what is asked
    "value",  # holds a value of a kind the question asks for
    "value_own",  # that, times how much of the question the sentence itself says
    "field",  # a table row whose column the question names
    "shape",  # a definition, an action item, or the name of the thing asked
    "proximity",  # the question's words it holds, over the width of the run holding them
    "phrase_cov",  # share of the question's adjacent word pairs adjacent in the sentence
    "gram_cov",  # share of the question's character 4-grams the sentence holds (word forms the stemmer splits)
    "novelty",  # share of its words the question does not hold
    "list_item",  # an item of an enumeration
    "list_asked",  # an item of an enumeration, and the question asks for a list or who applies
    "log_chars",  # log of its length in characters
    "long",  # longer than a sentence should be (MAX_SENTENCE_CHARS)
    "carried",  # carried over from the previous section (not under this heading)
)

ANSWERED_FEATURES: tuple[str, ...] = (
    "best",  # the sentence model's best logit
    "best_own",  # own coverage of that sentence
    "best_passage_cov",  # coverage of the question by its passage with its context
    "best_value",  # it holds a value of a kind the question asks for
    "best_asks",  # how well it, with its heading, holds what the question asks for
    "best_doc_cov",  # share of the question's idf mass the best sentence's whole document holds
    "missing",  # share of the question's idf mass no document of the index holds
    "missing_names",  # share of it in names the question writes that no document holds
    "name_absent",  # a word of a name the question writes is in no document in any form
    "margin",  # the best logit minus the second best of another passage
    # Share of the passages shown that come from the best sentence's document, of as many as that
    # document could fill: retrieval for a question one document answers gathers on it, while
    # words a question shares with unrelated documents scatter it (query performance prediction).
    # Unknown (NaN) when the document or the index could fill one place only.
    "agreement",
    # The question asks for a value of a kind (amount, rate, date, count, contact) and none of the
    # best sentences holds one: a document can share every word of the question and still not
    # state the figure asked (a brochure names the call and its costs, not the workshop's fee).
    "value_unmet",
    # How much less of the question (with headings) the best-covering sentence holding a value of
    # the asked kind says than the best-covering sentence of all (0 when none is asked): a figure
    # stated of another thing (another cluster's member count beside a list naming the one asked,
    # another event's fee) sits in a sentence that shares little of the question.
    "value_gap",
)
# The side of 0 each answered feature's coefficient is fitted on (bench.learners.fit_pointwise):
# a best sentence that scores higher, covers more of the question, holds the value asked, or
# stands further ahead of the next passage's is never evidence that the documents do not answer;
# question words no document holds, and an asked value no best sentence holds, never evidence
# that they do. (Unbounded, the fit gave "holds the value asked" a negative weight: it shares
# what it says with the sentence model's logit and with value_unmet.)
ANSWERED_SIGNS: dict[str, int] = {
    "best": 1, "best_own": 1, "best_passage_cov": 1, "best_value": 1, "best_asks": 1, "best_doc_cov": 1,
    "missing": -1, "missing_names": -1, "name_absent": -1, "margin": 1, "agreement": 1, "value_unmet": -1,
    "value_gap": -1}
VALUE_SENTENCES = 3  # best sentences (by logit) in which value_unmet looks for the asked value
# Features that may be unknown (NaN): the fit imputes them with their mean over its rows and
# writes that mean beside the coefficients (`Linear.fill`), which answering uses the same way.
IMPUTED: frozenset[str] = frozenset({"agreement"})

ABSTAIN_TARGET = 0.95  # unanswerable questions that must abstain, on held-out folds


@dataclass(frozen=True)
class Linear:
    """A fitted logistic model over named features (coefficients on the raw feature scale)."""

    names: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    fill: tuple[tuple[str, float], ...] = ()  # (feature, value) put in place of an unknown (NaN) value

    def logit(self, x: Sequence[float]) -> float:
        if self.fill:
            x = self.imputed(x)
        return self.intercept + sum(c * v for c, v in zip(self.coef, x, strict=True))

    def imputed(self, x: Sequence[float]) -> list[float]:
        """x with each unknown (NaN) value of a feature in `fill` replaced by its fill value."""
        out = list(x)
        for name, value in self.fill:
            j = self.names.index(name)
            if math.isnan(out[j]):
                out[j] = value
        return out

    def logits(self, x: np.ndarray) -> np.ndarray:
        """`logit` of every row of x (candidates, features) at once: the same products summed
        in the same order (features of zero weight add nothing and are skipped), so the very
        floats `logit` gives."""
        acc = np.zeros(len(x))
        for j, c in enumerate(self.coef):
            if c:
                acc = acc + c * x[:, j]
        return self.intercept + acc

    def weighed(self) -> frozenset[str]:
        """The names of the features with a non-zero weight (the others need not be computed)."""
        return frozenset(n for n, c in zip(self.names, self.coef, strict=True) if c)

    def probability(self, x: Sequence[float]) -> float:
        return sigmoid(self.logit(x))

    @classmethod
    def from_json(cls, d: Mapping[str, Any], names: tuple[str, ...]) -> Linear:
        got = dict(zip(d["names"], d["coef"], strict=True))
        if set(got) != set(names):  # a weights file from other code: fail loudly, not silently
            raise ValueError(f"relevance weights name {sorted(got)}, the code computes {sorted(names)}: "
                             "run `python -m bench.fit` again")
        fill = tuple((str(n), float(v)) for n, v in d.get("fill", {}).items())
        return cls(names, tuple(float(got[n]) for n in names), float(d["intercept"]), fill)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"names": list(self.names), "coef": [round(c, 6) for c in self.coef],
                               "intercept": round(self.intercept, 6)}
        if self.fill:
            out["fill"] = {n: round(v, 6) for n, v in self.fill}
        return out


@dataclass(frozen=True)
class Weights:
    """The three fitted models, the abstention threshold on P(answered), and the figures of
    the fit (held-out folds) for the record."""

    passage: Linear
    sentence: Linear
    answered: Linear
    threshold: float
    extra_ratio: float = 1.0  # a further sentence is quoted when its P is this share of the first's
    figures: dict[str, Any] = field(default_factory=dict)
    max_chars: int = 450  # the characters the quoted sentences may fill (fitted with extra_ratio)
    max_sentences: int = 3  # the sentences an answer may quote (fitted with extra_ratio)

    def to_json(self) -> dict[str, Any]:
        return {"passage": self.passage.to_json(), "sentence": self.sentence.to_json(),
                "answered": self.answered.to_json(), "threshold": round(self.threshold, 6),
                "extra_ratio": self.extra_ratio, "max_chars": self.max_chars, "max_sentences": self.max_sentences,
                "figures": self.figures}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Weights:
        return cls(Linear.from_json(d["passage"], PASSAGE_FEATURES),
                   Linear.from_json(d["sentence"], SENTENCE_FEATURES),
                   Linear.from_json(d["answered"], ANSWERED_FEATURES),
                   float(d["threshold"]), float(d["extra_ratio"]), dict(d.get("figures", {})),
                   int(d.get("max_chars", 450)), int(d.get("max_sentences", 3)))


WEIGHTS_FILE = "relevance.json"


@lru_cache(maxsize=1)
def shipped_weights() -> Weights:
    """The weights `python -m bench.fit` wrote into the package (assistant/data/relevance.json).
    Raises FileNotFoundError if the package lacks them, ValueError if they do not fit the code."""
    text = resources.files("assistant.data").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return Weights.from_json(json.loads(text))


def load_weights(path: Path | None) -> Weights:
    """The weights in `path` (a file `python -m bench.fit --out` wrote), or the shipped ones.
    Raises OSError if the file cannot be read, ValueError if it does not fit the code."""
    if path is None:
        return shipped_weights()
    return Weights.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def reciprocal_rank(rank: int | None) -> float:
    """1 / (1 + rank) for a 0-based rank; 0 when the candidate is not in that list."""
    return 0.0 if rank is None else 1.0 / (1.0 + rank)


def with_gaps(rows: list[dict[str, float]], pairs: Sequence[tuple[str, str]]) -> None:
    """Adds to each row, for each (feature, gap name), the feature less its best value among
    the rows: what ranks candidates of one question is how they compare with each other."""
    for feature, gap in pairs:
        best = max((r[feature] for r in rows), default=0.0)
        for r in rows:
            r[gap] = r[feature] - best


def vector(values: Mapping[str, float], names: tuple[str, ...]) -> list[float]:
    """The features in model order; a name missing from `values` is a bug (KeyError)."""
    return [float(values[n]) for n in names]


def _value_gap(best: Sequence[Any]) -> float:
    """The best sentence context coverage (ctx_cov) less that of the best-covering sentence holding
    a value of the asked kind (all of it when none holds one); `best`: Evidence, best logit first."""
    at = SENTENCE_FEATURES.index("ctx_cov")
    top = max(e.features[at] for e in best)
    return top - max((e.features[at] for e in best if e.has_value), default=0.0)


def answered_vector(best: Sequence[Any], missing: tuple[float, float], doc_cov: float,
                    name_absent: float = 0.0, agreement: float = 1.0, value_asked: bool = False) -> list[float]:
    """ANSWERED_FEATURES from the scored sentences (`Evidence`, best logit first, non-empty);
    `missing`: HybridRetriever.missing_mass; `doc_cov`: the question's coverage by the best
    sentence's document; `name_absent`: HybridRetriever.absent_name; `agreement`: in [0, 1],
    the shown passages' share from the best sentence's document (answer.extractive); `value_asked`:
    the question asks for a value of a kind (Intent.typed)."""
    top = best[0]
    other = next((e.logit for e in best[1:] if e.passage_rank != top.passage_rank), top.logit - 4.0)
    return vector({"best": top.logit, "best_own": top.own_coverage, "best_passage_cov": top.passage_coverage,
                   "best_value": float(top.has_value), "best_asks": top.features[SENTENCE_FEATURES.index("asks")],
                   "best_doc_cov": doc_cov, "missing": missing[0], "missing_names": missing[1],
                   "name_absent": name_absent, "margin": top.logit - other, "agreement": agreement,
                   "value_unmet": float(value_asked and not any(e.has_value for e in best[:VALUE_SENTENCES])),
                   "value_gap": _value_gap(best) if value_asked else 0.0},
                  ANSWERED_FEATURES)
