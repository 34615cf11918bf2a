"""The n best of many scores (BM25's over every chunk of the index), without sorting them all."""

from __future__ import annotations

import numpy as np

# Shares of the best score tried as a floor before partitioning: the n best lie above the first
# floor that at least n scores reach, so only those scores are partitioned (a question's BM25
# scores are spread out; most chunks are far below its best one).
_FLOORS = (0.5, 0.25, 0.125)


def top_indices(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n best scores, best first, ties by index (every score tied with the n-th
    best is considered, so ties resolve by index, not by the partition's order). Shape (min(n,
    len(scores)),), int. The same indices as sorting every score by (-score, index)."""
    part = np.arange(len(scores)) if n >= len(scores) else _at_or_above_nth(scores, n)
    return part[np.lexsort((part, -scores[part]))][:n]


def _at_or_above_nth(scores: np.ndarray, n: int) -> np.ndarray:
    """Ascending indices of every score at least the n-th best (0 < n < len(scores))."""
    best = scores.max()
    if best > 0:
        for share in _FLOORS:
            inside = np.flatnonzero(scores >= best * share)
            if len(inside) >= n:  # then the n-th best is at least the floor: all of them are inside
                sub = scores[inside]
                cut = sub[np.argpartition(-sub, n - 1)[:n]].min()
                return inside[sub >= cut]
    cut = scores[np.argpartition(-scores, n - 1)[:n]].min()
    return np.flatnonzero(scores >= cut)
