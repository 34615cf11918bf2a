"""WordHolders: which tables hold a form of a word, as testing each table's words would say."""

from __future__ import annotations

from assistant.facts.answerer import _overlaps
from assistant.facts.tables import WordHolders


def test_same_tables_as_testing_each_table() -> None:
    sets = [{"proiect", "clust"}, {"clusterel", "firm"}, {"proiectel", "region"}, {"2021", "buget"}, set()]
    holders = WordHolders(sets)
    for words in ({"proiect"}, {"clust"}, {"cluster"}, {"proiectele"}, {"firme", "bug"}, {"2021"}, {"xyz"}, set()):
        expected = {i for i, s in enumerate(sets) if _overlaps(words, s, sorted(s))}
        assert holders.holding(words) == expected, words


def test_a_longer_word_is_not_a_form() -> None:
    holders = WordHolders([{"cluster"}, {"clusterpolisee"}])
    assert holders.holding({"cluster"}) == {0}
    assert holders.holding({"clust"}) == {0}
