"""How much an answer quotes, chosen on invented held-out sentence scores (bench.quoting)."""

from __future__ import annotations

from bench.quoting import Candidate, choose


def _never(room: int) -> int:
    return 0


def _short(fact: int, chars: int, logit: float) -> Candidate:
    return Candidate(logit, fact, chars, 20, _never)


def test_a_larger_budget_is_chosen_when_the_fact_is_in_a_further_sentence_too_long_for_the_smaller() -> None:
    # Most questions are answered by a short best sentence; one needs a long second sentence.
    questions = {f"s:{i}": [_short(1, 120, 2.0), _short(0, 100, 0.0)] for i in range(9)}
    questions["s:long"] = [_short(0, 300, 2.0), Candidate(1.5, 1, 280, 20, None)]
    ratio, budget, _, quoted = choose(questions)
    assert budget >= 580 and quoted == {"s": 1.0}
    assert ratio <= 0.6  # exp(1.5 - 2.0) of the first's probability is enough


def test_a_window_cut_to_the_room_left_counts_when_it_keeps_the_fact() -> None:
    kept = Candidate(1.9, 1, 500, 20, lambda room: int(room >= 200))
    questions = {f"s:{i}": [_short(1, 120, 2.0)] for i in range(9)}
    questions["s:cut"] = [_short(0, 250, 2.0), kept]
    _, budget, _, quoted = choose(questions)
    assert quoted == {"s": 1.0} and budget == 450  # 200 characters are left at the smallest budget


def test_nothing_further_is_quoted_when_it_would_make_the_answers_too_long() -> None:
    questions = {f"s:{i}": [_short(0, 300, 2.0), _short(1, 140, 1.9)] for i in range(9)}
    _, _, _, quoted = choose(questions)
    assert quoted == {"s": 0.0}  # 320 + 140 characters would put the median past MEDIAN_CHARS


def test_a_fourth_sentence_is_allowed_when_the_fact_is_often_the_fourth_most_probable() -> None:
    # Short sentences: the fact of half the questions is the fourth most probable one.
    plain = [_short(1, 60, 2.0), _short(0, 60, 1.8), _short(0, 60, 1.7), _short(0, 60, 1.6)]
    fourth = [_short(0, 60, 2.0), _short(0, 60, 1.8), _short(0, 60, 1.7), _short(1, 60, 1.6)]
    questions = {f"s:{i}": list(plain if i % 2 else fourth) for i in range(10)}
    _, _, count, quoted = choose(questions)
    assert count == 4 and quoted == {"s": 1.0}


def test_no_more_sentences_than_the_facts_need() -> None:
    questions = {f"s:{i}": [_short(1, 60, 2.0), _short(0, 60, 1.9), _short(0, 60, 1.8)] for i in range(9)}
    _, _, count, quoted = choose(questions)
    assert count == 2 and quoted == {"s": 1.0}  # the fewest sentences of those quoting as much
