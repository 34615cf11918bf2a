"""The learners of `python -m bench.fit`: a pointwise logistic model with sign bounds (scipy), a
listwise conditional logit (scipy), grouped held-out folds, and the figures they are judged by.
Only the fit needs them (scikit-learn and scipy are dev extras)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from assistant.relevance import ABSTAIN_TARGET, Linear

FOLDS = 5


def fit_pointwise(x: np.ndarray, y: np.ndarray, names: tuple[str, ...],
                  signs: Mapping[str, int] | None = None) -> Linear:
    """A logistic regression on standardised features, L2 penalty 1/2 |w|^2 (scikit-learn's
    C=1; the intercept unpenalised), its coefficients written on the raw scale. `signs`: for the
    features whose direction their meaning fixes (+1: more of it is never evidence against the
    label; -1: never for it), the coefficient is bounded to that side of 0 (L-BFGS-B), so that
    collinear features cannot buy a better fit with a sign their meaning forbids."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    t = 2.0 * y - 1.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        m = t * (z @ w)
        penalty = w.copy()
        penalty[-1] = 0.0
        sigma = 0.5 * (1.0 - np.tanh(0.5 * m))  # 1 / (1 + e^m), stable
        return float(np.logaddexp(0.0, -m).sum() + 0.5 * penalty @ penalty), -(z.T @ (t * sigma)) + penalty

    bounds = [{1: (0.0, None), -1: (None, 0.0)}.get((signs or {}).get(n, 0), (None, None)) for n in names]
    w = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B", bounds=bounds + [(None, None)],
                 options={"maxiter": 5000}).x
    coef = w[:-1] / scale
    return Linear(names, tuple(float(c) for c in coef), float(w[-1] - np.sum(w[:-1] * mean / scale)))


LISTWISE_L2 = 10.0  # ridge penalty of the ranking models, on standardised features


def fit_listwise(x: np.ndarray, y: np.ndarray, qids: list[str], names: tuple[str, ...]) -> Linear:
    """A conditional logit (ListNet's top-one model): per question, the softmax of the linear
    scores over its candidates, fitted to put the probability on the positive ones (L-BFGS, L2
    penalty). What ranks candidates is how they compare within their question, which a
    pointwise fit pooled over questions does not learn."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    z = (x - mean) / scale
    rows: dict[str, list[int]] = {}
    for i, q in enumerate(qids):
        rows.setdefault(q, []).append(i)
    lists = [(z[idx], y[idx] == 1) for idx in map(np.array, rows.values()) if 0 < y[idx].sum() < len(idx)]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * LISTWISE_L2 * float(w @ w), LISTWISE_L2 * w
        for zq, pos in lists:
            s = zq @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mass = p[pos].sum()
            total -= float(np.log(mass))
            grad = grad - (p[pos] @ zq[pos]) / mass + p @ zq
        return total, grad

    w = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B").x / scale
    return Linear(names, tuple(float(c) for c in w), 0.0)


def folds(groups: list[str]) -> list[np.ndarray]:
    """Fold number of each row, by group (a document), in a fixed order."""
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(groups), dtype=int)
    for k, (_, test) in enumerate(GroupKFold(n_splits=FOLDS).split(np.zeros(len(groups)), groups=groups)):
        out[test] = k
    return [out == k for k in range(FOLDS)]


def held_out(x: np.ndarray, y: np.ndarray, groups: list[str], names: tuple[str, ...],
              qids: list[str] | None = None, signs: Mapping[str, int] | None = None) -> np.ndarray:
    """Out-of-fold logits: each row scored by a model fitted without its document (the
    listwise model when `qids` are given, else the pointwise one)."""
    logits = np.zeros(len(y))
    for test in folds(groups):
        if len(set(y[~test])) < 2:
            continue
        if qids is None:
            model = fit_pointwise(x[~test], y[~test], names, signs)
        else:
            model = fit_listwise(x[~test], y[~test], [q for q, t in zip(qids, test, strict=True) if not t], names)
        logits[test] = x[test] @ np.array(model.coef) + model.intercept
    return logits


def hit_at_1(scores: np.ndarray, y: np.ndarray, qids: list[str]) -> dict[str, float]:
    """Per set, the share of questions with a positive whose best-scored row is positive."""
    best: dict[str, tuple[float, int]] = {}
    has: set[str] = set()
    for s, label, q in zip(scores, y, qids, strict=True):
        if label:
            has.add(q)
        if q not in best or s > best[q][0]:
            best[q] = (float(s), int(label))
    out: dict[str, float] = {}
    for name in dict.fromkeys(q.split(":")[0] for q in qids):
        qs = [q for q in has if q.startswith(name + ":")]
        if qs:
            out[name] = round(sum(best[q][1] for q in qs) / len(qs), 3)
    return out


def threshold(unanswerable: np.ndarray) -> float:
    """The least threshold on P(answered) under which ABSTAIN_TARGET of the unanswerable
    questions fall (they abstain), so answerable ones abstain as little as that allows."""
    if not len(unanswerable):
        return 0.5
    return float(np.quantile(unanswerable, ABSTAIN_TARGET, method="higher")) + 1e-6
