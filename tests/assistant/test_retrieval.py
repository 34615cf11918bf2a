"""Hybrid retrieval: diacritics-free and English questions find Romanian passages; the fusion
is never worse than its BM25 side."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from docs_factory import ingest_folder

from assistant.build import build_assistant
from assistant.retrieval import HybridRetriever, Query
from assistant.service import Assistant
from assistant.settings import Settings

# Twenty short paragraphs on distinct everyday and funding topics (invented), one file each.
PARAGRAPHS = {
    "apicultura": "Apicultorii din zona de deal mută stupii primăvara pe pajiștile cu salcâm, iar mierea "
                  "recoltată în iunie este extrasă, filtrată și ambalată în borcane de sticlă.",
    "irigatii": "Sistemul de irigații prin picurare reduce consumul de apă al fermelor de legume cu aproape "
                "jumătate și previne eroziunea solului pe terenurile în pantă.",
    "panificatie": "Brutăria de cartier coace pâinea cu maia naturală, lăsând aluatul să fermenteze peste "
                   "noapte înainte de a fi pus în cuptorul pe vatră.",
    "biciclete": "Primăria a amenajat piste pentru biciclete de-a lungul râului și stații de închiriere "
                 "automate, plătite cu cardul, lângă fiecare parc.",
    "biblioteca": "Biblioteca județeană a digitalizat manuscrisele vechi și oferă cititorilor acces gratuit "
                  "la arhiva online, după o înregistrare simplă cu permisul de cititor.",
    "vaccinare": "Campania de vaccinare antigripală începe în octombrie, iar medicii de familie programează "
                 "persoanele vârstnice și bolnavii cronici cu prioritate.",
    "export": "Firmele exportatoare de mobilă primesc consultanță privind certificarea lemnului și "
              "participarea la târgurile internaționale din Germania și Italia.",
    "energie_solara": "Panourile fotovoltaice montate pe acoperișul școlii produc electricitate pentru "
                      "iluminat și pentru pompele de căldură care încălzesc sălile de clasă.",
    "turism": "Pensiunile agroturistice din munți oferă trasee marcate, mâncare tradițională gătită din "
              "produsele gospodăriei și plimbări cu sania iarna.",
    "reciclare": "Centrul de colectare acceptă deșeuri electronice, baterii uzate și becuri, pe care le "
                 "predă apoi firmelor autorizate pentru reciclare.",
    "transport": "Autobuzele electrice ale companiei de transport public circulă pe trei linii noi care "
                 "leagă cartierele mărginașe de gara centrală.",
    "educatie": "Elevii din clasele a noua participă la ateliere de robotică, unde construiesc și "
                "programează mici vehicule autonome din kituri educaționale.",
    "pescuit": "Pescarii din deltă respectă perioada de prohibiție de primăvară, când reproducerea "
               "peștilor este protejată prin interzicerea pescuitului comercial.",
    "vin": "Crama familială produce vin roșu din soiul Fetească Neagră, maturat timp de doi ani în "
           "butoaie de stejar în pivnița săpată în deal.",
    "telemuncă": "Angajații care lucrează de acasă primesc o indemnizație lunară pentru internet și "
                 "electricitate, stabilită prin contractul colectiv de muncă.",
    "startup": "Incubatorul de afaceri găzduiește tinere firme de software, care primesc birouri "
               "gratuite, mentorat și acces la investitori în primul an.",
    "patrimoniu": "Restaurarea bisericii de lemn a presupus înlocuirea șindrilei acoperișului și curățarea "
                  "picturilor murale de fumul lumânărilor.",
    "lactate": "Fabrica de brânzeturi cumpără laptele de oaie de la ciobanii din împrejurimi și maturează "
               "telemeaua în saramură timp de patruzeci de zile.",
    "paduri": "Ocolul silvic a plantat puieți de fag și brad pe suprafețele defrișate, iar pădurarii "
              "verifică anual rata de prindere a plantațiilor.",
    "salvamont": "Echipele Salvamont patrulează pârtiile în weekend și intervin la accidentele de schi, "
                 "transportând răniții cu snowmobilul până la ambulanță.",
}

# Questions: typed without diacritics, in other words, with inflected forms.
QUESTIONS = [
    ("unde isi muta apicultorii stupii primavara", "apicultura"),
    ("cum se economiseste apa la ferma de legume", "irigatii"),
    ("paine cu maia fermentata peste noapte", "panificatie"),
    ("unde pot inchiria o bicicleta in oras", "biciclete"),
    ("acces gratuit la manuscrise digitalizate", "biblioteca"),
    ("cand incepe vaccinarea antigripala pentru varstnici", "vaccinare"),
    ("targuri internationale pentru producatorii de mobila", "export"),
    ("cine incalzeste salile de clasa ale scolii", "energie_solara"),
    ("trasee si mancare traditionala la pensiune la munte", "turism"),
    ("unde predau bateriile uzate si becurile", "reciclare"),
    ("ce linii noi de autobuz electric exista", "transport"),
    ("ateliere de robotica pentru elevi", "educatie"),
    ("cand este interzis pescuitul comercial in delta", "pescuit"),
    ("cat timp se matureaza vinul in butoaie de stejar", "vin"),
    ("ce primesc tinerele firme de software in incubator", "startup"),
]


@pytest.fixture(scope="module")
def general(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("general")
    docs = root / "docs"
    docs.mkdir()
    for name, text in PARAGRAPHS.items():
        (docs / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    settings = Settings(index=root / "index")
    report = ingest_folder(settings, docs)
    assert len(report.added) == len(PARAGRAPHS)
    return build_assistant(settings)


def _stem(document: str) -> str:
    return Path(document).stem


def _hybrid_hits(assistant: Assistant, retriever: HybridRetriever) -> int:
    return sum(bool(ps) and _stem(ps[0].chunk.document) == want
               for q, want in QUESTIONS for ps in [retriever.search(q, k=1)])


def _bm25_hits(assistant: Assistant) -> int:
    """BM25 alone: the top scoring chunk over the same store and the same query tokens."""
    chunks = assistant.store.ordered_chunks()
    hits = 0
    for q, want in QUESTIONS:
        scores = assistant.store.bm25_scores(Query.parse(q).tokens)
        hits += scores.max() > 0 and _stem(chunks[int(np.argmax(scores))].document) == want
    return hits


def test_hybrid_top1_is_at_least_as_good_as_bm25_alone(general: Assistant) -> None:
    hybrid = _hybrid_hits(general, general.retriever)
    bm25 = _bm25_hits(general)
    assert hybrid >= bm25, f"hybrid {hybrid}/{len(QUESTIONS)} < bm25 {bm25}/{len(QUESTIONS)}"
    assert hybrid >= len(QUESTIONS) - 2


def test_hybrid_is_at_least_as_good_as_its_bm25_side(general: Assistant) -> None:
    bm25_side = HybridRetriever(general.store, general.settings.model_copy(update={"vector_weight": 0.0}))
    assert _hybrid_hits(general, general.retriever) >= _hybrid_hits(general, bm25_side)


def test_question_without_diacritics_finds_the_passage_with_them(general: Assistant) -> None:
    top = general.retriever.search("pestii sunt protejati in perioada de prohibitie", k=1)
    assert _stem(top[0].chunk.document) == "pescuit"


def test_scores_are_sorted_and_k_is_respected(general: Assistant) -> None:
    passages = general.retriever.search("vin rosu maturat in butoaie", k=3)
    assert len(passages) == 3
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)


def test_question_with_no_known_word_retrieves_nothing_useful(general: Assistant) -> None:
    assert general.retriever.search("și de la în") == []


def test_english_question_finds_the_romanian_passage(indexed: Assistant) -> None:
    top = indexed.retriever.search("What is the maximum value of a project in the digital innovation call?", k=3)
    assert any("315.000 euro" in p.chunk.text for p in top)


def test_english_deadline_question_finds_the_deadline(indexed: Assistant) -> None:
    top = indexed.retriever.search("What is the submission deadline?", k=2)
    assert any("14 noiembrie 2025" in p.chunk.text for p in top)


def test_diacritics_free_question_over_the_corpus(indexed: Assistant) -> None:
    top = indexed.retriever.search("cate audituri energetice a realizat clusterul agronord", k=1)
    assert "24 de audituri" in top[0].chunk.text
    assert top[0].chunk.page == 2


def test_retriever_works_through_the_llama_index_interface(indexed: Assistant) -> None:
    nodes = indexed.retriever.retrieve("bugetul total alocat apelului Inovare Digitală")
    assert nodes and "2.650.000" in nodes[0].node.get_content()
