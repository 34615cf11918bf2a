"""What the query keeps between passages and questions gives the answers it gave without keeping
anything, and follows the index when it changes (documents added, chunks read again)."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

from docs_factory import index_texts

from assistant.bm25 import BM25Index
from assistant.build import build_assistant, ingest_files, open_store
from assistant.features import novelty, proximity
from assistant.query import Query, token_matches
from assistant.text import bigrams, index_tokens
from assistant.titles import document_titles

# Invented texts: an orchard, a bakery and, added later, a second orchard.
LIVADA = ("Livada Merilor Dulci\n\nProgramul Livezi Verzi finanțează irigarea livezilor de meri din "
          "dealurile Vâlcelei cu cel mult 41.000 de euro pe fermă.\n")
BRUTARIE = ("Brutăria din Colț\n\nBrutăria coace pâine cu maia și covrigi în cuptorul pe vatră, de luni "
            "până sâmbătă.\n")
LIVADA_NOUA = ("Livada de pe Vale\n\nLivezile de pruni din vale primesc apă din bazinul satului, prin "
               "conducte îngropate.\n")


def _plain_proximity(query: Query, sentence: str) -> float:
    """proximity as first written: every term's alternatives tested against each word."""
    tokens = index_tokens(sentence)
    hits = []
    for i, tok in enumerate(tokens):
        for j, term in enumerate(query.terms):
            if any(token_matches(a, {tok}) for a in term.alternatives):
                hits.append((i, j))
                break
    found = {j for _, j in hits}
    if len(found) < 2:
        return 0.0
    best = len(tokens)
    for a in range(len(hits)):
        for b in range(a, len(hits)):
            if {j for _, j in hits[a: b + 1]} == found:
                best = min(best, hits[b][0] - hits[a][0] + 1)
    return len(found) / best


def test_proximity_and_novelty_give_the_plain_rule_question_after_question() -> None:
    sentences = ["Livezile de meri sunt irigate prin picurare în fiecare fermă.",
                 "Irigarea livezii se face din bazin; ferma plătește apa.",
                 "Brutăria coace pâine cu maia, iar covrigii ies din cuptor dimineața.",
                 "Nimic despre acestea aici."]
    questions = ["Cum se irigă livezile de meri ale fermei?", "Ce coace brutăria în cuptor?",
                 "Cum se irigă livezile de meri ale fermei?"]
    near = []
    for text in questions:  # one after the other: what the last question kept is not reused
        query = Query.parse(text)
        asked = set(query.core_tokens)
        for s in sentences:
            near.append(proximity(query, s))
            assert near[-1] == _plain_proximity(query, s)
            tokens = frozenset(index_tokens(s))
            plain = sum(1 for t in tokens if not token_matches(t, asked)) / len(tokens) if tokens else 0.0
            assert novelty(query, tokens) == plain
    assert any(0 < x < 1 for x in near) and 0.0 in near  # words near, apart and absent all met


def test_idf_is_the_formula_and_belongs_to_its_index() -> None:
    small = BM25Index.build(["a", "b"], [["mer", "livad"], ["pain"]])
    large = BM25Index.build(["a", "b", "c", "d"], [["mer"], ["mer"], ["mer"], ["pain"]])
    for index, n, df in ((small, 2, 1), (large, 4, 3)):
        expected = math.log(1 + (n - df + 0.5) / (df + 0.5))
        assert index.idf("mer") == expected
        assert index.idf("mer") == expected  # asked again: the kept value
    assert small.idf("necunoscut") > small.idf("mer")


def test_documents_of_a_token_follow_the_documents_added(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    settings = index_texts(docs, tmp_path / "index", {"livada.txt": LIVADA, "brutarie.txt": BRUTARIE})
    store = open_store(settings)
    token = index_tokens("livezile")[0]
    before = store.documents_of(token)
    assert before == store.documents_at(store.bm25.postings(token)) == {"livada.txt"}
    (docs / "livada-noua.txt").write_text(LIVADA_NOUA, encoding="utf-8")
    ingest_files(settings, [docs], store=store)
    assert store.documents_of(token) == {"livada.txt", "livada-noua.txt"}


def test_call_book_title_words_follow_the_documents_added(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    settings = index_texts(docs, tmp_path / "index", {"livada.txt": LIVADA, "brutarie.txt": BRUTARIE})
    assistant = build_assistant(settings)
    holders = assistant.book._title_index()[0]
    assert holders[index_tokens("Brutăria")[0]] == {"brutarie.txt"}
    (docs / "livada-noua.txt").write_text(LIVADA_NOUA, encoding="utf-8")
    ingest_files(settings, [docs], store=assistant.store)
    holders, starting = assistant.book._title_index()
    assert "livada-noua.txt" in holders[index_tokens("Vale")[0]]
    assert ("livada-noua.txt", index_tokens("Livada de pe Vale")) in starting[index_tokens("Livada")[0]]


def test_passage_word_pairs_follow_a_chunk_read_again(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    settings = index_texts(docs, tmp_path / "index", {"livada.txt": LIVADA, "brutarie.txt": BRUTARIE})
    retriever = build_assistant(settings).retriever
    chunk = next(c for c in retriever.store.chunks.values() if c.document == "brutarie.txt")
    assert retriever._passage_pairs(chunk) == bigrams(chunk.text) | bigrams(chunk.context())
    again = dataclasses.replace(chunk, text="Covrigii cu susan se coc în cuptorul electric.")
    assert retriever._passage_pairs(again) == bigrams(again.text) | bigrams(again.context())
    assert retriever._passage_pairs(again) != retriever._passage_pairs(chunk)


def test_titles_of_the_cited_documents_are_those_of_the_whole_index(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    settings = index_texts(docs, tmp_path / "index", {"livada.txt": LIVADA, "brutarie.txt": BRUTARIE})
    store = open_store(settings)
    every = document_titles(store)
    assert set(every) == {"livada.txt", "brutarie.txt"}
    assert document_titles(store, {"livada.txt", "absent.txt"}) == {"livada.txt": every["livada.txt"]}
