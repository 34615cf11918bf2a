"""WordHolders: which tables hold a form of a word, as testing each table's words would say."""

from __future__ import annotations

from assistant.facts.answerer import _overlaps
from assistant.facts.records import Record
from assistant.facts.tables import Table, WordHolders


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


def _row(name: str, region: str, domain: str) -> Record:
    return Record(document="lista-proiecte.txt", table="T1", name=name,
                  fields={"nume": name, "regiune": region, "domeniu": domain},
                  labels={"nume": "Nume", "regiune": "Regiune", "domeniu": "Domeniu"},
                  page=None, section="Proiecte", chunk_id=f"c-{name}", text=f"{name} | {region} | {domain}")


def test_rows_holding_a_value_whole_or_as_one_item_of_a_list() -> None:
    table = Table.of([_row("Alfa", "Sud-Est", "Sănătate și biotehnologii pentru oameni"),
                      _row("Beta", "Sud", "Energie, mediu și clădiri verzi durabile"),
                      _row("Gama", "Centru", "Sănătate, agricultură și alimente locale")])
    assert table.rows_holding("regiune", "sud", word=False) == {1}  # "Sud-Est" does not hold "Sud"
    assert table.rows_holding("regiune", "sud est", word=False) == {0}
    assert table.rows_holding("domeniu", "sanatate", word=False) == {0, 2}  # one item of the enumeration
    assert table.rows_holding("regiune", "nord", word=False) == set()
