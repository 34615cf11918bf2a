"""How much an extractive answer quotes, chosen on held-out sentence probabilities: the share
of the best sentence's probability a further sentence needs (`extra_ratio`), the characters
the quoted sentences may fill (`max_chars`) and how many sentences it may quote
(`max_sentences`), together, as `ExtractiveAnswerer._select` quotes: the best sentence, then
the next ones (best first) above the ratio, within `max_sentences`; one
that does not fit whole is quoted by its answering window (features.clip) when at least
MIN_CLIPPED characters are left, else skipped.

The pair chosen quotes a fact for the most questions (every question weighing the same: with
every set weighing the same, a swing of two questions of a small set, which the answerer's lists
and fact sheets often do not reproduce, outweighed several of a large one) while the answers'
median length, with the source's title written before them, stays under MEDIAN_CHARS; of pairs
quoting as many, the shortest answers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

logger = logging.getLogger("bench.fit")

RATIOS = tuple(round(0.01 * i, 2) for i in range(5, 101))
# What three sentences of a guide fill, up to four of an encyclopaedia's (about 200 characters
# each); the median constraint below keeps the typical answer short whatever the budget.
CHAR_BUDGETS = (450, 500, 550, 600, 700, 800)
SENTENCE_COUNTS = (2, 3, 4, 5)  # one sentence and its neighbours; more is no longer a short answer
MEDIAN_CHARS = 330  # the answers' median length must stay well under the 400 characters people read


@dataclass(frozen=True)
class Candidate:
    """One scored sentence of a question: its held-out logit, whether it holds a fact, its
    length, the length of its source's title prefix, and whether its window of `room`
    characters holds a fact (None: a table row, never cut)."""

    logit: float
    fact: int
    chars: int
    prefix: int
    clipped_fact: Callable[[int], int] | None


def choose(by_question: dict[str, list[Candidate]]) -> tuple[float, int, int, dict[str, float]]:
    """(extra_ratio, max_chars, max_sentences, share of questions quoting a fact per set);
    question ids are "set:id". Of choices quoting as many facts, the shortest answers, then the
    fewest sentences."""
    from assistant.answer.extractive import MIN_CLIPPED

    ranked: dict[str, list[tuple[float, Candidate]]] = {}
    for q, candidates in by_question.items():
        top = max(c.logit for c in candidates)
        ranked[q] = sorted(((float(np.exp(c.logit - top)), c) for c in candidates), key=lambda pc: -pc[0])
    best: tuple[float, float, float, int, int, dict[str, float]] = (-1.0, 0.0, 1.0, CHAR_BUDGETS[0], 3, {})
    for count in SENTENCE_COUNTS:
        for budget in CHAR_BUDGETS:
            for ratio in RATIOS:
                hits: dict[str, list[int]] = {}
                lengths = []
                for q, rows in ranked.items():
                    fact, chars = _quoted(rows, ratio, budget, count, MIN_CLIPPED)
                    hits.setdefault(q.split(":")[0], []).append(fact)
                    lengths.append(chars)
                per_set = {name: round(float(np.mean(v)), 3) for name, v in hits.items()}
                score = float(np.mean([h for v in hits.values() for h in v]))
                median = float(np.median(lengths))
                logger.debug("ratio %.2f, %d chars, %d sentences: facts quoted %s, median %d",
                             ratio, budget, count, per_set, median)
                if median <= MEDIAN_CHARS and (score > best[0] + 1e-9
                                               or (score > best[0] - 1e-9 and median < best[1])):
                    best = (score, median, ratio, budget, count, per_set)
    return best[2], best[3], best[4], best[5]


def _quoted(rows: list[tuple[float, Candidate]], ratio: float, budget: int, count: int,
            min_clipped: int) -> tuple[int, int]:
    """(whether a fact is quoted, the answer's characters with its title prefix) when one
    question's candidates (relative probability first, best first) are quoted as `_select` does."""
    (p0, first), rest = rows[0], rows[1:]
    facts, used = [first.fact], first.chars
    for p, r in rest:
        if len(facts) >= count:
            break
        room = budget - used
        if p < ratio * p0:
            continue
        if r.chars <= room:
            facts.append(r.fact)
            used += r.chars
        elif room >= min_clipped and r.clipped_fact is not None:
            facts.append(r.clipped_fact(room))
            used += room
    return int(any(facts)), first.prefix + used
