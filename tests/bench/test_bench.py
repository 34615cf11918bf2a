"""The benchmark's behaviour: distinct variants, and a quick run that writes its JSON and plots."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.corpus import build_corpus
from bench.variants import VariantMaker, name_lexicon

SHARED_SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"

DOCS = {
    "apel-inovare.txt": (
        "Apelul Clustere de inovare\n\nApelul este lansat de Agenția Nord pentru regiunea Nord. "
        "Valoarea proiectului este între 200.000 euro și 1.500.000 euro. Contribuția maximă este 70%. "
        "Cererile se depun de organizația clusterului din județul Suceava până la 15 martie 2025.\n"
    ),
    "raport-clustere.txt": (
        "Raport despre clustere\n\nProiectul Agrotec, coordonat de Universitatea Iași, are un buget de "
        "850.000 lei. Parteneri sunt firme din Bacău și Vaslui, cu 12 membri și 3 laboratoare.\n"
    ),
}
QUESTIONS = [
    {"id": "q1", "question": "Care este contribuția maximă în apelul Agenției Nord?", "facts": [["70%"]],
     "evidence": ["Contribuția maximă"], "abstain": False},
    {"id": "q2", "question": "Ce buget are proiectul Agrotec?", "facts": [["850.000"]],
     "evidence": ["850.000 lei"], "abstain": False},
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("# what the documents are\n", encoding="utf-8")
    return folder


def test_names_are_words_capitalised_mid_sentence_only() -> None:
    names = name_lexicon(DOCS.values())
    assert {"Nord", "Suceava", "Agrotec", "Iași", "Bacău"} <= names
    assert "Valoarea" not in names  # only ever at the start of a sentence


def test_acronyms_and_names_spelled_in_addresses_are_names_too() -> None:
    texts = ["Proiectul SANINFO este prezentat pe www.saninfo.ro. Apelul COSME se închide.",
             "IMM-urile participă. Scrieți la info@cosme-exemplu.eu pentru apelul COSME.",
             "Sprijin pentru IMM din regiune.\n\nBENEFICIARI ELIGIBILI\n", "Pentru IMM, sprijin."]
    names = name_lexicon(texts)
    assert {"SANINFO", "COSME"} <= names  # lower case only inside an address does not count
    assert "IMM" not in names  # most documents write it: vocabulary, not a name
    assert "BENEFICIARI" not in names  # a capitals label opening its line
    variant = VariantMaker(names, seed=2).text(texts[0], 1)
    assert "saninfo" not in variant.lower() and "COSME" not in variant
    assert re.search(r"www\.[a-z]+\.ro", variant)  # the address spells the variant's own name


def test_questions_naming_what_variants_change_are_scored_apart(tmp_path: Path) -> None:
    from bench.quality import naming_questions

    questions = tmp_path / "q.jsonl"
    questions.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in [
        *QUESTIONS, {"id": "q3", "question": "Care este contribuția maximă?", "facts": [], "evidence": [],
                     "abstain": False},
        {"id": "q4", "question": "Cât costă proiectul Agrotec pe Marte?", "facts": [], "evidence": [],
         "abstain": True}]), encoding="utf-8")
    assert naming_questions(questions, name_lexicon(DOCS.values())) == {"q1", "q2"}


def test_variants_change_names_and_numbers_and_differ_from_each_other() -> None:
    maker = VariantMaker(name_lexicon(DOCS.values()), seed=3)
    text = DOCS["apel-inovare.txt"]
    variants = [maker.text(text, k) for k in range(20)]
    assert len(set(variants)) == 20
    for v in variants:
        assert "Suceava" not in v and "regiunea Nord" not in v
        assert "70%" not in v and "1.500.000" not in v and "2025" not in v
        assert "Apelul Clustere de inovare" in v  # the common words stay
        assert re.sub(r"\d", "", v) != re.sub(r"\d", "", text)


def test_scaled_corpus_hides_each_original_among_distinct_variants(corpus: Path, tmp_path: Path) -> None:
    scaled = build_corpus(corpus, 6, tmp_path / "x6", seed=1)
    files = sorted(scaled.folder.iterdir())
    texts = [p.read_text(encoding="utf-8") for p in files]
    assert scaled.files == 12 and len(set(texts)) == 12
    for original in DOCS.values():
        assert texts.count(original) == 1
    assert all(re.fullmatch(r".+-\d{4}\.txt", p.name) for p in files)
    again = build_corpus(corpus, 6, tmp_path / "again", seed=1)
    assert [p.read_text(encoding="utf-8") for p in sorted(again.folder.iterdir())] == texts


def test_scale_one_is_the_corpus_without_its_readme(corpus: Path, tmp_path: Path) -> None:
    scaled = build_corpus(corpus, 1, tmp_path / "x1")
    assert sorted(p.name for p in scaled.folder.iterdir()) == sorted(DOCS)


@pytest.mark.slow
def test_quick_run_writes_figures_and_plots(corpus: Path, tmp_path: Path) -> None:
    from bench.__main__ import main

    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUESTIONS), encoding="utf-8")
    scorer = SHARED_SCORER if SHARED_SCORER.is_file() else tmp_path / "missing.py"
    out = tmp_path / "out"
    code = main(["--quick", "--corpus", str(corpus), "--questions", str(questions), "--scorer", str(scorer),
                 "--out", str(out), "--rounds", "1", "--work", str(tmp_path / "work")])
    assert code == 0
    result = json.loads((out / "scale-1x.json").read_text(encoding="utf-8"))
    assert result["scale"] == 1 and result["corpus"]["files"] == 2
    assert set(result["systems"]) == {"ours", "baseline_en", "baseline_ro"}
    for figures in result["systems"].values():
        assert {"ingest_s", "mb_per_s", "chunks_per_s", "index_mb", "peak_rss_mb", "retrieve_ms", "answer_ms",
                "total_ms", "quality"} <= set(figures)
        assert figures["chunks"] > 0 and figures["index_mb"] > 0 and figures["peak_rss_mb"] > 50
        assert set(figures["retrieve_ms"]) >= {"p50", "p95", "p99"} and figures["total_ms"]["n"] == 2
        if SHARED_SCORER.is_file():
            assert {"hit@5", "fact_recall"} <= set(figures["quality"])
        else:
            assert "note" in figures["quality"]
    for plot in ("latency.png", "memory.png"):
        assert (out / plot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
