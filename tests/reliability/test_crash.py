"""SIGKILL during `python -m ingest`: the index still answers, status says what to do, a re-run completes it."""

from __future__ import annotations

import json
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import (
    ROOT,
    answers_from,
    budget_of,
    budget_question,
    cli_env,
    probe,
    run_cli,
    write_corpus,
)

pytestmark = pytest.mark.slow  # ingests killed in subprocesses: the full suite runs them

BASE = [0, 1, 2]
MANY = list(range(100, 160))

# Runs `python -m ingest ARGS` with one function wrapped to SIGKILL the process before or
# after its nth call: a deterministic way to stop a run in each of its crash windows.
KILLER = """
import importlib, os, signal, sys
module, attr, when, nth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
owner = importlib.import_module(module)
*path, name = attr.split(".")
for part in path:
    owner = getattr(owner, part)
original = getattr(owner, name)
calls = [0]
def wrapper(*args, **kwargs):
    calls[0] += 1
    if when == "before" and calls[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(*args, **kwargs)
    if when == "after" and calls[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(owner, name, wrapper)
from ingest.cli import main
sys.exit(main(sys.argv[5:]))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An earlier index of BASE, a folder of MANY more files, and the ids a clean ingest gives."""
    root = tmp_path_factory.mktemp("crash")
    base, many = root / "base", root / "many"
    write_corpus(base, BASE)
    write_corpus(many, MANY, paragraphs=4)
    done = run_cli("ingest", base, "--index", root / "base-index")
    assert done.returncode == 0, done.stderr
    done = run_cli("ingest", base, many, "--index", root / "clean-index")
    assert done.returncode == 0, done.stderr
    clean = probe(root / "clean-index")
    assert clean["status"]["consistent"]
    return {"base": base, "many": many, "base_index": root / "base-index", "clean_ids": clean["manifest"]}


def _fresh_index(corpus: dict[str, Any], tmp_path: Path) -> Path:
    index = tmp_path / "index"
    shutil.copytree(corpus["base_index"], index)
    return index


def _check_killed_index(index: Path) -> None:
    """Status is JSON that is consistent or names the fix; the earlier documents still answer."""
    status = run_cli("ingest", "--status", "--json", "--index", index)
    assert "Traceback" not in status.stderr
    report = json.loads(status.stdout)
    assert report["consistent"] == (status.returncode == 0)
    if not report["consistent"]:
        assert report["problems"] and re.search(r"python -m ingest .*--index", report["fix"])
    got = probe(index, [budget_question(k) for k in BASE])
    for k, answer in zip(BASE, got["answers"], strict=True):
        assert answers_from(answer, f"apel-{k:03d}.txt") and budget_of(k) in answer["answer"]


def _check_rerun_completes(corpus: dict[str, Any], index: Path, clean_ids: list[str]) -> None:
    done = run_cli("ingest", corpus["base"], corpus["many"], "--index", index)
    assert done.returncode == 0, done.stderr
    got = probe(index, [budget_question(MANY[-1])])
    assert got["status"]["consistent"], got["status"]["problems"]
    assert got["manifest"] == clean_ids
    assert got["chroma"] == got["vectors"] and got["bm25"] == clean_ids
    assert answers_from(got["answers"][0], f"apel-{MANY[-1]:03d}.txt")


SLOW = pytest.mark.slow
WINDOWS = [
    # after some files went to Chroma, before BM25 and the manifest
    pytest.param("assistant.store", "Store.write_chunks", "after", 5, id="after-chroma-writes"),
    # BM25 saved, manifest not yet
    pytest.param("assistant.bm25", "BM25Index.save", "after", 1, id="after-bm25-save", marks=SLOW),
    # between BM25's two renames: only bm25.old on disk
    pytest.param("os", "replace", "after", 1, id="between-bm25-renames", marks=SLOW),
    # in the middle of the first Chroma write
    pytest.param("assistant.store", "Store.write_chunks", "before", 1, id="before-first-write", marks=SLOW),
]


@pytest.mark.parametrize(("module", "attr", "when", "nth"), WINDOWS)
def test_ingest_killed_in_a_crash_window_is_completed_by_rerunning(
    corpus: dict[str, Any], tmp_path: Path, module: str, attr: str, when: str, nth: int
) -> None:
    index = _fresh_index(corpus, tmp_path)
    killed = subprocess.run([sys.executable, "-c", KILLER, module, attr, when, str(nth), str(corpus["base"]),
                             str(corpus["many"]), "--index", str(index)],
                            cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    _check_killed_index(index)
    _check_rerun_completes(corpus, index, corpus["clean_ids"])


def test_changed_file_killed_after_its_old_chunks_were_deleted(corpus: dict[str, Any], tmp_path: Path) -> None:
    """Killed between replacing a file's chunks and the commit: questions must not crash. Its few
    new vectors waited for a full upsert batch (`assistant.chroma_io`), so the index is still the
    one before the run, consistent."""
    index = _fresh_index(corpus, tmp_path)
    base = tmp_path / "base"
    shutil.copytree(corpus["base"], base)
    (base / "apel-000.txt").write_text("APEL SCHIMBAT\n\nBugetul a fost redus la 12 mii lei.\n", encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILLER, "assistant.store", "Store.delete_chunks", "after", "1",
                             str(base), "--index", str(index)],
                            cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    got = probe(index, [budget_question(1), budget_question(0)])
    assert got["status"]["consistent"], got["status"]["problems"]
    assert answers_from(got["answers"][0], "apel-001.txt")

    assert run_cli("ingest", base, "--index", index).returncode == 0
    assert run_cli("ingest", base, "--index", tmp_path / "clean").returncode == 0
    after, clean = probe(index), probe(tmp_path / "clean")
    assert after["status"]["consistent"] and after["manifest"] == clean["manifest"]
    assert after["chroma"] == after["vectors"] == clean["vectors"]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ingest_killed_at_a_random_moment_is_completed_by_rerunning(
    corpus: dict[str, Any], tmp_path: Path, seed: int
) -> None:
    index = _fresh_index(corpus, tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "ingest", str(corpus["base"]), str(corpus["many"]),
                             "--index", str(index)], cwd=ROOT, env=cli_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random(seed).uniform(1.5, 4.5))  # from start-up to the last writes
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)

    _check_killed_index(index)
    _check_rerun_completes(corpus, index, corpus["clean_ids"])
