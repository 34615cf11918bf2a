"""FormSet answers token_matches(word, words) for every word, by set lookups; same_word for one word."""

from __future__ import annotations

import random

from assistant.query import token_matches
from assistant.wordforms import FormSet, same_word


def test_same_answers_as_token_matches() -> None:
    rng = random.Random(7)
    letters = "abcde"
    pool = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 8))) for _ in range(400)]
    pool += ["ab1", "2024", "a-b", "abc-d", "x"]
    for _ in range(30):
        words = frozenset(rng.sample(pool, rng.randint(0, 12)))
        forms = FormSet(words)
        for word in pool:
            assert forms.matches(word) == token_matches(word, words), (word, sorted(words))
            assert forms.matches(word) == token_matches(word, words)  # kept: the same again


def test_forms_of_one_word() -> None:
    forms = FormSet(frozenset({"clust", "finant", "2024"}))
    assert forms.matches("cluster") and forms.matches("clus")  # 2 longer, 2 shorter
    assert not forms.matches("clusterpolisee") and not forms.matches("cl")
    assert forms.matches("2024") and not forms.matches("202")


def test_the_rule_is_symmetric() -> None:
    """A token is a form of some word exactly when some word is a form of the token: clip asks
    FormSet(term's words).matches(token) for token_matches(word, {token})."""
    rng = random.Random(11)
    pool = ["".join(rng.choice("abcd") for _ in range(rng.randint(1, 7))) for _ in range(300)] + ["ab1", "12"]
    for _ in range(40):
        words = frozenset(rng.sample(pool, rng.randint(1, 6)))
        forms = FormSet(words)
        for token in pool:
            assert forms.matches(token) == any(token_matches(w, {token}) for w in words), (token, sorted(words))


def test_same_word_is_token_matches_of_one_word() -> None:
    """same_word(a, b) answers token_matches(a, {b}) (proximity asks it of each new word)."""
    rng = random.Random(5)
    pool = ["".join(rng.choice("abc") for _ in range(rng.randint(0, 8))) for _ in range(300)]
    pool += ["ab1", "ab1c", "2024", "a-b", "ăîș", "ăîșțe", ""]
    for a in pool:
        for b in pool:
            assert same_word(a, b) == token_matches(a, {b}), (a, b)
