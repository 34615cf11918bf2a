"""The per-question tables of the coverage measures and the rerank's sum over all candidates give
exactly what the plain rules give (each question word tested against each token set, each
candidate's logit summed on its own), question after question and after the index changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from docs_factory import index_texts

from assistant.build import build_assistant, ingest_files
from assistant.features import bonus_features, is_definition
from assistant.query import Query, Term, TokenLookup, token_matches
from assistant.relevance import PASSAGE_FEATURES, Linear
from assistant.retrieval import HybridRetriever
from assistant.text import index_tokens
from assistant.wordforms import WordTable

# Invented texts: a beekeepers' association, a pottery workshop and, added later, a second apiary.
STUPINA = ("Asociația Stupina Albastră\n\nAsociația ajută apicultorii din satele Pădurenilor să cumpere "
           "stupi noi, cu cel mult 17.500 de lei pe apicultor, până la 9 iunie.\n\n"
           "Stup | Preț: 610 lei | Rame: 10\n")
OLARIE = ("Atelierul de Olărit Roșu\n\nOlarii ard vasele de lut în cuptorul cu lemne; atelierul este "
          "deschis de marți până vineri.\n")
STUPINA_NOUA = ("Stupina din Deal\n\nStupii de pe deal dau miere de salcâm; apicultorii primesc faguri "
                "de la asociație.\n")
QUESTIONS = ["Cât primește un apicultor pentru stupi noi?", "Ce este atelierul de olărit?",
             "Până când pot cumpăra apicultorii stupi?", "Cât primește un apicultor pentru stupi noi?"]


def _plain_satisfaction(term: Term, tokens: set[str]) -> float:
    """coverage's term rule as first written: every alternative tested against the tokens."""
    hits = sum(1 for a in term.alternatives if token_matches(a, tokens))
    if hits:
        return 1.0 if not term.asks else min(1.0, 0.6 + 0.2 * (hits - 1))
    return 0.5 if any(token_matches(a, tokens) for a in term.partial) else 0.0


def _plain_coverage(retriever: HybridRetriever, query: Query, tokens: set[str]) -> float:
    weights = [retriever._term_weight(t) for t in query.terms]
    total = got = 0.0
    for w in weights:
        total += w
    for term, w in zip(query.terms, weights, strict=True):
        got += w * _plain_satisfaction(term, tokens)
    return got / total if total else 0.0


def _token_sets(retriever: HybridRetriever) -> list[set[str]]:
    store = retriever.store
    return [s for c in store.chunks.values()
            for s in (store.tokens_of(c), store.context_tokens_of(c), store.heading_tokens_of(c))]


def test_matched_words_are_each_word_tested_for_a_set_and_a_union() -> None:
    own = set(index_tokens("Apicultorii cumpără stupi noi și rame."))
    ctx = set(index_tokens("Asociația Stupina Albastră, prețuri"))
    vocab = {t: 0 for t in index_tokens("apicultor stupii rama asociatie")}  # part of the tokens only
    lookup, context = TokenLookup(own), TokenLookup(ctx)
    union = TokenLookup.union(lookup, context)
    for text in QUESTIONS:  # one after another: the words kept for the last question are not reused
        words = Query.parse(text).words
        for table in (WordTable(words, vocab, sorted(vocab)), WordTable(words, {}, [])):
            assert lookup.matched(table) == {w for w in words if token_matches(w, own)}
            assert union.matched(table) == {w for w in words if token_matches(w, own | ctx)}
            assert union.matched(table) == lookup.matched(table) | context.matched(table)
    table = WordTable(Query.parse(QUESTIONS[0]).words, vocab, sorted(vocab))
    assert lookup.matched(table) and not TokenLookup(set(index_tokens("Olarii ard vase."))).matched(table)


def test_coverage_tables_give_the_plain_sums_and_follow_the_index(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    settings = index_texts(docs, tmp_path / "index", {"stupina.txt": STUPINA, "olarie.txt": OLARIE})
    assistant = build_assistant(settings)
    retriever = assistant.retriever

    def check() -> list[float]:
        seen = []
        for text in QUESTIONS:
            query = Query.parse(text)
            for tokens in _token_sets(retriever):
                lookup = retriever.cached_lookup(tokens)
                seen.append(retriever.coverage(query, lookup))
                assert seen[-1] == _plain_coverage(retriever, query, tokens)
                assert retriever.coverage(query, tokens) == seen[-1]  # a plain set: the same
                asks = [t for t in query.terms if t.asks]
                plain_asks = sum(_plain_satisfaction(t, tokens) for t in asks) / len(asks) if asks else 0.0
                assert retriever.asks_satisfaction(query, lookup) == plain_asks
                assert retriever.asks_satisfaction(query, lookup) == plain_asks  # kept: the same again
                words = frozenset(index_tokens(text))  # a second set, as a passage's context is
                head = retriever.cached_lookup(words)
                assert retriever.coverage_of_union(query, (lookup, head)) == retriever.coverage(
                    query, TokenLookup.union(lookup, head)) == _plain_coverage(retriever, query, tokens | words)
                weights, total = retriever._term_weights(query)
                exact = sum(w for t, w in zip(query.terms, weights, strict=True) if t.alternatives & tokens)
                assert retriever.exact_coverage(query, tokens) == (exact / total if total else 0.0)
        return seen

    before = check()
    assert any(0 < c < 1 for c in before) and max(before) > 0.5  # partly and mostly covered sets met
    (docs / "stupina-noua.txt").write_text(STUPINA_NOUA, encoding="utf-8")
    ingest_files(settings, [docs], store=assistant.store)  # new idf: the kept sums are not reused
    after = check()
    assert after[: len(before)] != before


def test_the_sum_over_all_candidates_is_each_candidates_logit() -> None:
    model = Linear(("a", "b", "c", "d"), (0.731, 0.0, -2.25, 1e-3), 0.125)
    rows = [[0.5, 3.0, 0.25, -7.0], [0.0, 0.0, 0.0, 0.0], [1.0 / 3, 9.5, -0.1, 12.0], [-0.0, 1.0, 2.0, 3.0]]
    assert model.logits(np.array(rows)).tolist() == [model.logit(r) for r in rows]
    assert model.weighed() == {"a", "c", "d"}


def test_the_rerank_leaves_unweighted_features_out_and_orders_alike(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    settings = index_texts(docs, tmp_path / "index", {"stupina.txt": STUPINA, "olarie.txt": OLARIE,
                                                       "stupina-noua.txt": STUPINA_NOUA})
    retriever = build_assistant(settings).retriever
    passage = retriever.weights.passage
    dropped = {"gram_cov", "shape", "own_gap"}
    coef = tuple(0.0 if n in dropped else c for n, c in zip(passage.names, passage.coef, strict=True))
    retriever.weights = dataclasses.replace(retriever.weights, passage=Linear(passage.names, coef, passage.intercept))
    for text in QUESTIONS:
        retriever.forget_recent()
        retriever.all_features = False
        lean = retriever.search(text, k=50)
        retriever.forget_recent()
        retriever.all_features = True
        full = retriever.search(text, k=50)
        assert [(p.chunk.id, p.score) for p in lean] == [(p.chunk.id, p.score) for p in full]
        assert [p.score for p in full] == [passage.intercept + sum(
            c * v for c, v in zip(coef, p.features, strict=True)) for p in full]
        for p, q in zip(lean, full, strict=True):
            for i, name in enumerate(PASSAGE_FEATURES):
                assert p.features[i] == (0.0 if name in dropped else q.features[i])


def test_shapes_read_table_rows_and_cached_tokens_as_the_plain_tests() -> None:
    query = Query.parse("Ce este prețul unui stup?")
    text = "Stupul este cutia în care trăiesc albinele.\nStup | Preț: 610 lei | Rame: 10\nAltceva."
    assert bonus_features(query, text) == 2.0  # a named column and a definition
    sentence = "Stupul este cutia în care trăiesc albinele."
    assert is_definition(query, sentence)
    assert not is_definition(Query.parse("Ce este un fagure?"), sentence)
