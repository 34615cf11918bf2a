"""The two CLIs as a user runs them: `python -m ingest` and `python -m assistant`, stdout JSON only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from contract_check import check_contract

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from docs_factory import build_corpus

    root = tmp_path_factory.mktemp("cli")
    build_corpus(root / "docs")
    proc = run("ingest", str(root / "docs"), "--index", str(root / "index"))
    assert "4 added" in proc.stdout
    return root / "index"


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_ingest_prints_one_summary_line(cli_index: Path) -> None:
    proc = run("ingest", str(cli_index.parent / "docs"), "--index", str(cli_index))
    assert proc.stdout.strip().count("\n") == 0
    assert "0 added" in proc.stdout and "4 unchanged" in proc.stdout


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_status_json_lists_each_document(cli_index: Path) -> None:
    proc = run("ingest", "--status", "--json", "--index", str(cli_index))
    status = json.loads(proc.stdout)
    docs = {d["document"]: d for d in status["documents"]}
    assert set(docs) == {"apel-inovare-digitala.txt", "apel-economie-circulara.md", "ghid-cluster-agronord.pdf",
                         "raport-cluster-textil.docx"}
    for d in docs.values():
        assert {"document", "chunks", "pages", "sha256"} <= set(d)
        assert isinstance(d["chunks"], int) and d["chunks"] >= 1
        assert isinstance(d["pages"], int) and d["pages"] >= 1
        assert len(d["sha256"]) == 64
    assert docs["ghid-cluster-agronord.pdf"]["pages"] == 2


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_ask_json_prints_the_contract_and_nothing_else(cli_index: Path) -> None:
    question = "Câte audituri energetice a realizat clusterul AgroNord Someș?"
    proc = run("assistant", "ask", "--json", "--index", str(cli_index), question)
    lines = proc.stdout.strip().split("\n")
    assert len(lines) == 1
    obj = json.loads(lines[0])
    check_contract(obj)
    assert obj["question"] == question
    assert "24 de audituri" in obj["answer"]
    assert obj["citations"][0]["page"] == 2


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_ask_without_json_prints_a_readable_answer_with_sources(cli_index: Path) -> None:
    proc = run("assistant", "--index", str(cli_index), "ask", "Câte audituri energetice a realizat clusterul AgroNord?")
    out = proc.stdout
    assert "24 de audituri" in out and "[1]" in out
    assert "ghid-cluster-agronord.pdf" in out
    assert not out.lstrip().startswith("{")


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_ask_with_history_resolves_the_followup(cli_index: Path, tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "user", "content": "Care este contribuția maximă pentru ajutor de stat?"},
                                   {"role": "assistant", "content": "70% [1]"}], ensure_ascii=False),
                       encoding="utf-8")
    proc = run("assistant", "ask", "--json", "--index", str(cli_index), "--history", str(history),
               "și pentru ajutor de minimis?")
    assert "85%" in json.loads(proc.stdout)["answer"]


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_batch_prints_one_contract_line_per_question(cli_index: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    items = [{"id": "a", "question": "Care este bugetul total al apelului Inovare Digitală?"},
             {"id": "b", "question": "Care este cota de TVA aplicabilă echipamentelor?"},
             {"id": "c", "question": "Cine este coordonatoarea Clusterului Textil Banat?"}]
    questions.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n\n", encoding="utf-8")
    proc = run("assistant", "batch", "--index", str(cli_index), str(questions))
    lines = proc.stdout.strip().split("\n")
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    for obj, item in zip(objs, items, strict=True):
        check_contract(obj, with_id=True)
        assert obj["id"] == item["id"] and obj["question"] == item["question"]
    assert [o["abstained"] for o in objs] == [False, True, False]


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_ask_on_a_missing_index_fails_with_one_line(tmp_path: Path) -> None:
    proc = run("assistant", "ask", "--json", "--index", str(tmp_path / "nothing"), "buget?", check=False)
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert proc.stderr.strip() and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_prune_through_the_cli(make_corpus: Callable[..., list[Path]], tmp_path: Path) -> None:
    files = make_corpus()
    index = tmp_path / "idx"
    run("ingest", str(files[0].parent), "--index", str(index))
    files[1].unlink()
    out = json.loads(run("ingest", str(files[0].parent), "--index", str(index), "--prune", "--json").stdout)
    assert out["removed"] == [files[1].name]
    status = json.loads(run("ingest", "--status", "--json", "--index", str(index)).stdout)
    assert files[1].name not in {d["document"] for d in status["documents"]}
    assert status["consistent"]


@pytest.mark.slow
def test_bundled_corpus_smoke(tmp_path: Path) -> None:
    """Ingest corpus/ and ask for a sentence the test reads from the corpus file itself."""
    corpus = ROOT / "corpus"
    files = sorted(p for p in corpus.glob("*.txt"))
    if not files:
        pytest.skip("no bundled corpus")
    index = tmp_path / "idx"
    run("ingest", str(corpus), "--index", str(index))
    lines = [ln.strip() for ln in files[0].read_text(encoding="utf-8").splitlines()]
    sentence = next(ln for ln in lines if 60 <= len(ln) <= 200 and ln.endswith(".") and "\t" not in ln)
    proc = run("assistant", "ask", "--json", "--index", str(index), sentence.rstrip(".") + "?")
    obj = json.loads(proc.stdout)
    check_contract(obj)
    assert not obj["abstained"]
    words = sentence.split()
    assert any(" ".join(words[:5]) in c["text"] for c in obj["citations"])


@pytest.mark.parametrize("name", ["nu-exista/", "nu-exista.pdf"])
def test_a_missing_input_is_named_as_missing(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    from ingest.cli import main

    assert main([str(tmp_path / name), "--index", str(tmp_path / "i")]) == 3
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "unsupported file type" not in err and "cannot read" not in err
