"""top_indices: the n best scores, ties by index, whatever the spread of the scores."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.topk import top_indices


def _sorted_top(scores: np.ndarray, n: int) -> np.ndarray:
    order = sorted(range(len(scores)), key=lambda i: (-float(scores[i]), i))
    return np.asarray(order[:n], dtype=np.int64)


@pytest.mark.parametrize("seed", range(20))
def test_same_as_sorting_every_score(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 400))
    # sparse, tied and spread-out scores, as BM25 gives (many zeros, a few high ones)
    scores = np.round(rng.exponential(1.0, size) * (rng.random(size) < 0.6), 1).astype(np.float32)
    for n in (1, 5, 40, size - 1, size, size + 3):
        if n > 0:
            assert top_indices(scores, n).tolist() == _sorted_top(scores, n).tolist()


def test_ties_at_the_cut_go_by_index() -> None:
    scores = np.array([1.0, 3.0, 2.0, 2.0, 2.0, 0.0, 2.0], dtype=np.float32)
    assert top_indices(scores, 3).tolist() == [1, 2, 3]


def test_no_score_above_zero() -> None:
    assert top_indices(np.zeros(6, dtype=np.float32), 2).tolist() == [0, 1]
    assert top_indices(np.array([-1.0, -0.5, -2.0]), 2).tolist() == [1, 0]


def test_one_high_score_among_many_low_ones() -> None:
    scores = np.full(1000, 0.01, dtype=np.float32)
    scores[700] = 9.0
    assert top_indices(scores, 3).tolist() == [700, 0, 1]
