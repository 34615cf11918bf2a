"""Relevance in one home: the features, the fitted weights file, and the fit itself (ranking
models, the calibrated abstention threshold) on data the tests write."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.features import novelty, proximity
from assistant.overlap import char_grams, gram_coverage, phrase_coverage
from assistant.query import Query
from assistant.relevance import (
    ANSWERED_FEATURES,
    PASSAGE_FEATURES,
    SENTENCE_FEATURES,
    Linear,
    Weights,
    shipped_weights,
    with_gaps,
)
from assistant.service import Assistant
from assistant.text import bigrams

DOCS = {
    "capitalizare.txt": "Fondul de garantare sprijină capitalizarea cooperativelor agricole din zona de munte. "
                        "Capitalizarea se face prin aporturi de 35.000 lei pentru fiecare membru nou.",
    "livezi.txt": "Programul Livezi Înflorite finanțează replantarea pomilor fructiferi cu 12.500 lei pe hectar. "
                  "Cererile se depun la oficiul județean până la 9 februarie 2031.",
    "apicultura.txt": "Asociația Stupina Verde organizează cursuri de apicultură pentru tineri, în fiecare sâmbătă, "
                      "la sediul din Vaslui.",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), DOCS))


def test_exact_coverage_does_not_take_a_longer_word_for_the_stem(assistant: Assistant) -> None:
    retriever = assistant.retriever
    query = Query.parse("Care este capitala cooperativelor?")
    chunk = next(c for c in assistant.store.chunks.values() if c.document == "capitalizare.txt")
    tokens = assistant.store.tokens_of(chunk)
    # "capitala" stems to a prefix of "capitalizarea": the slack match counts it, the exact one does not
    assert retriever.coverage(query, tokens) > retriever.exact_coverage(query, tokens)


def test_missing_mass_counts_names_no_document_holds(assistant: Assistant) -> None:
    retriever = assistant.retriever
    absent, names = retriever.missing_mass(Query.parse("Când a vizitat Gheorghidiu orașul Zalău?"))
    assert absent > 0.3 and names > 0.3
    present, present_names = retriever.missing_mass(Query.parse("Până când se depun cererile la Livezi Înflorite?"))
    assert present == 0.0 and present_names == 0.0
    # An English question: its English words are not evidence that the documents lack the topic.
    english, _ = retriever.missing_mass(Query.parse("What is the deadline of the Livezi Inflorite programme?"))
    assert english == 0.0
    # Without the only document holding it, a word counts as missing (the fit's constructed questions).
    without, _ = retriever.missing_mass(Query.parse("Cât primesc pomii fructiferi?"), without="livezi.txt")
    assert without > 0.5


def test_answerable_is_answered_and_absent_topic_abstains(assistant: Assistant) -> None:
    answered = assistant.ask("Cât se acordă pe hectar pentru replantarea pomilor fructiferi?")
    assert not answered.abstained and "12.500 lei" in answered.text
    absent = assistant.ask("Care este capitala Republicii Islanda?")
    assert absent.abstained, absent.text


def test_phrase_proximity_and_novelty() -> None:
    query = Query.parse("Cine finanțează Livezi Înflorite?")
    as_written = bigrams("Programul Livezi Înflorite finanțează pomii.")
    scattered = bigrams("Livezile bătrâne sunt înflorite, iar programul nu le finanțează.")
    assert phrase_coverage(query, as_written, lambda t: 1.0) > phrase_coverage(query, scattered, lambda t: 1.0)
    near = proximity(query, "Livezi Înflorite finanțează replantarea.")
    far = proximity(query, "Livezi noi, drumuri, poduri și școli, toate înflorite, pe care statul le finanțează.")
    assert near > far > 0
    tokens_new = frozenset({"program", "replant", "hectar"})
    tokens_old = frozenset({"livez", "inflor"})
    assert novelty(query, tokens_new) == 1.0 and novelty(query, tokens_old) == 0.0


def test_character_grams_match_word_forms_the_stemmer_splits() -> None:
    query = Query.parse("Unde a trăit pictorul în mare parte a vieții sale?")
    same_forms = char_grams("Pictorul și-a trăit cea mai mare parte din viață la Sighișoara.")
    other_topic = char_grams("Fabrica produce cărămizi arse în cuptoare electrice.")
    assert gram_coverage(query, same_forms) > 0.6 > 0.2 > gram_coverage(query, other_topic)


def test_gaps_are_relative_to_the_best_row() -> None:
    rows = [{"own_cov": 0.2}, {"own_cov": 0.7}, {"own_cov": 0.5}]
    with_gaps(rows, (("own_cov", "own_gap"),))
    assert [round(r["own_gap"], 2) for r in rows] == [-0.5, 0.0, -0.2]


def test_shipped_weights_fit_the_code_and_carry_their_figures() -> None:
    weights = shipped_weights()
    assert weights.passage.names == PASSAGE_FEATURES
    assert weights.sentence.names == SENTENCE_FEATURES
    assert weights.answered.names == ANSWERED_FEATURES
    assert 0.0 < weights.threshold < 1.0 and 0.0 < weights.extra_ratio <= 1.0
    for stage in ("passage", "sentence", "answered"):
        assert weights.figures[stage], stage
    assert weights.figures["answered"]["xquad:unanswerable:abstained"] >= 0.95
    stale = weights.to_json()
    stale["passage"]["names"][0] = "a_feature_the_code_lacks"
    with pytest.raises(ValueError, match="bench.fit"):
        Weights.from_json(stale)


def _synthetic_questions(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """n questions of 12 candidates; one positive per question, whose first feature is higher on
    average (the second feature is noise)."""
    rows, labels, qids = [], [], []
    for q in range(n):
        for c in range(12):
            positive = c == 0
            rows.append([rng.normal(1.5 if positive else 0.0), rng.normal()])
            labels.append(int(positive))
            qids.append(f"dev:q{q}")
    return np.array(rows), np.array(labels), qids


def test_listwise_fit_ranks_the_positive_first_and_is_reproducible() -> None:
    from bench.learners import fit_listwise, hit_at_1

    x, y, qids = _synthetic_questions(np.random.default_rng(7), 150)
    first = fit_listwise(x, y, qids, ("signal", "noise"))
    again = fit_listwise(x, y, qids, ("signal", "noise"))
    assert first == again
    assert first.coef[0] > 5 * abs(first.coef[1])
    test_x, test_y, test_q = _synthetic_questions(np.random.default_rng(8), 150)
    hit = hit_at_1(test_x @ np.array(first.coef), test_y, test_q)["dev"]
    chance = 1 / 12
    assert hit > 3 * chance


def test_calibrated_threshold_abstains_on_held_out_unanswerables() -> None:
    from bench.learners import fit_pointwise, held_out, threshold

    rng = np.random.default_rng(11)
    n = 400
    answerable = rng.random(n) < 0.7
    # coverage-like feature: higher when answerable; a missing share: higher when not
    x = np.column_stack([np.where(answerable, rng.normal(0.8, 0.15, n), rng.normal(0.4, 0.15, n)),
                         np.where(answerable, rng.normal(0.05, 0.05, n), rng.normal(0.3, 0.15, n))])
    y = answerable.astype(int)
    groups = [f"doc{i % 40}" for i in range(n)]
    prob = 1 / (1 + np.exp(-held_out(x, y, groups, ("coverage", "missing"))))
    threshold = threshold(prob[~answerable])
    assert np.mean(prob[~answerable] < threshold) >= 0.95
    # the least such threshold: just below it, fewer than 95% would abstain
    assert np.mean(prob[~answerable] < threshold - 2e-6) < 0.95 + 1 / (~answerable).sum()
    assert np.mean(prob[answerable] < threshold) < 0.25  # separable data: few answerable abstain
    model = fit_pointwise(x, y, ("coverage", "missing"))
    assert model.coef[0] > 0 > model.coef[1]


def test_linear_round_trips_through_json() -> None:
    model = Linear(("a", "b"), (0.5, -1.25), 0.75)
    assert Linear.from_json(json.loads(json.dumps(model.to_json())), ("a", "b")) == model
    assert model.logit([2.0, 1.0]) == pytest.approx(0.5)


def test_weights_file_is_the_one_the_package_ships() -> None:
    path = Path(__file__).resolve().parents[2] / "assistant" / "data" / "relevance.json"
    assert json.loads(path.read_text(encoding="utf-8"))["threshold"] == pytest.approx(shipped_weights().threshold)


def test_small_index_vector_search_is_exact_and_the_same_in_every_store(assistant: Assistant) -> None:
    from assistant.build import open_store

    store = assistant.store
    again = open_store(store.settings)
    question = "replantarea pomilor fructiferi"
    first, second = store.vector_search(question, 3), again.vector_search(question, 3)
    assert first == second
    emb = np.asarray(store.embed_model.get_query_embedding(question))

    def cosine(cid: str) -> float:
        vec = np.asarray(store.embed_model.get_text_embedding(store.chunks[cid].text))
        return float(np.dot(emb, vec) / (np.linalg.norm(emb) * np.linalg.norm(vec)))

    sims = {cid: cosine(cid) for cid in store.chunks}
    assert [cid for cid, _ in first] == sorted(sims, key=lambda c: -sims[c])[:3]


def test_search_without_a_document_never_returns_its_passages(assistant: Assistant) -> None:
    query = Query.parse("Cât se acordă pe hectar pentru replantarea pomilor fructiferi?")
    assert assistant.retriever.search(query)[0].chunk.document == "livezi.txt"
    rest = assistant.retriever.search(query, k=10, without="livezi.txt")
    assert rest and all(p.chunk.document != "livezi.txt" for p in rest)


def test_agreement_counts_the_shown_passages_of_the_best_document_of_what_it_could_fill() -> None:
    from assistant.answer.answered import agreement

    assert agreement(["a.pdf"] * 5, "a.pdf", 12) == 1.0
    assert agreement(["a.pdf", "b.pdf", "c.pdf", "b.pdf", "d.pdf"], "a.pdf", 12) == 0.2
    # a document of two chunks that fills both of its places agrees fully
    assert agreement(["a.pdf", "b.pdf", "a.pdf", "c.pdf", "d.pdf"], "a.pdf", 2) == 1.0
    # one place only (a one-chunk document, an index of one passage) says nothing: unknown, and
    # the answered model puts the fit's mean in its place
    assert math.isnan(agreement(["a.pdf", "b.pdf", "c.pdf"], "a.pdf", 1))
    assert math.isnan(agreement([], "a.pdf", 3))
    answered = shipped_weights().answered
    known = [0.5] * len(ANSWERED_FEATURES)
    unknown = list(known)
    unknown[ANSWERED_FEATURES.index("agreement")] = math.nan
    fill = dict(answered.fill)["agreement"]
    assert 0.0 < fill < 1.0
    known[ANSWERED_FEATURES.index("agreement")] = fill
    assert answered.logit(unknown) == answered.logit(known)


def test_agreement_is_high_when_retrieval_gathers_on_one_document(tmp_path: Path) -> None:
    from assistant.answer.answered import answered_features
    from assistant.answer.evidence import score_sentences

    def document(lead: str, months: list[str]) -> str:  # one section a month, a chunk or more each
        days = [f"În ziua {d} din {{m}} programul se ține la ora {9 + d % 8}." for d in range(1, 14)]
        return "\n\n".join(f"Secțiunea {i}. {lead} " + " ".join(days).format(m=m) for i, m in enumerate(months))

    docs = {
        "observator.txt": document("Observatorul astronomic din Valea Cerbului are un telescop cu oglinda de 80 "
                                   "de centimetri.", ["mai", "iunie", "iulie", "august"]),
        "brutarie.txt": document("Brutăria Spicul primește comenzile telefonic.", ["martie", "aprilie", "mai"]),
        "fanfara.txt": document("Fanfara din Zece Prăjini ține repetițiile duminica.", ["ianuarie", "februarie"]),
    }
    (tmp_path / "docs").mkdir()
    assistant = build_assistant(index_texts(tmp_path / "docs", tmp_path / "index", docs))
    retriever = assistant.retriever

    def feature(question: str) -> float:
        query = Query.parse(question)
        passages = retriever.search(query)
        scored = score_sentences(query, passages, retriever)
        return answered_features(retriever, query, scored, passages)[ANSWERED_FEATURES.index("agreement")]

    assert feature("Ce diametru are oglinda telescopului observatorului astronomic?") == 1.0
    assert all(assistant.store.chunk_count(d) >= 2 for d in docs)
    # words of two unrelated documents: the passages shown scatter over them
    assert feature("Comenzile și repetițiile fanfarei?") < 1.0


def test_missing_mass_within_some_documents_counts_words_only_others_write(assistant: Assistant) -> None:
    retriever = assistant.retriever
    query = Query.parse("Ce cursuri de apicultură organizează asociația Stupina Verde?")
    assert retriever.missing_mass(query) == (0.0, 0.0)
    # asked of the other documents only (a question naming a call is answered from its documents)
    within, names = retriever.missing_mass(query, within={"capitalizare.txt", "livezi.txt"})
    assert within > 0.5 and names > 0.0
    assert retriever.missing_mass(query, within={"apicultura.txt"}) == (0.0, 0.0)
    assert retriever.absent_name(query, within={"livezi.txt"}) == 1.0
    assert retriever.absent_name(query, within={"apicultura.txt"}) == 0.0


def test_a_how_many_question_is_not_answered_by_a_sentence_without_a_count(tmp_path: Path) -> None:
    docs = {"asociatie.txt": "Asociația Morarilor din Vrancea reunește mori de apă: Moara Nouă (Focșani), "
                             "Moara Mare (Odobești) și Moara Veche (Panciu). Asociația organizează un târg anual.",
            "cooperativa.txt": "Cooperativa Lânii din Sibiu are 43 de membri, crescători de oi din Mărginime."}
    (tmp_path / "docs").mkdir()
    ours = build_assistant(index_texts(tmp_path / "docs", tmp_path / "index", docs))
    assert ours.ask("Câți membri are Asociația Morarilor din Vrancea?").abstained
    assert "43" in ours.ask("Câți membri are Cooperativa Lânii din Sibiu?").text


def test_a_value_of_a_thing_no_document_writes_is_not_answered(assistant: Assistant) -> None:
    # "avansul" is written nowhere: a figure the documents give is of something else
    assert assistant.retriever.absent_value_of(Query.parse("Cât este avansul acordat pentru pomii fructiferi?"))
    assert assistant.ask("Cât este avansul acordat pentru pomii fructiferi?").abstained
    # a thing the documents write, and a generic unit counted, are asked as before
    assert not assistant.retriever.absent_value_of(Query.parse("Cât este aportul pentru fiecare membru nou?"))
    assert not assistant.retriever.absent_value_of(Query.parse("Câți oameni vin la cursurile de apicultură?"))
    assert "35.000 lei" in assistant.ask("Cât este aportul pentru fiecare membru nou?").text


def test_the_date_of_another_act_does_not_answer_when_an_act_happens(tmp_path: Path) -> None:
    docs = {"vouchere.txt": "Schema Vouchere Apicole 2031 acordă 40 de vouchere apicole. Lista voucherelor "
                            "apicole atribuite cuprinde firmele cu cel mai mare punctaj. Cererile pentru vouchere "
                            "apicole se depun până la 14 martie 2031, ora 16:00, iar voucherele se atribuie "
                            "după evaluare."}
    (tmp_path / "docs").mkdir()
    ours = build_assistant(index_texts(tmp_path / "docs", tmp_path / "index", docs))
    # the day applications close is no answer to when the list of winners is published
    assert ours.ask("Când se publică lista voucherelor apicole atribuite?").abstained
    assert "14 martie 2031" in ours.ask("Până când se pot depune cererile pentru vouchere apicole?").text
