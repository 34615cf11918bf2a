"""Two ingests at once, and questions answered while another process ingests."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

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

from assistant.build import build_assistant
from assistant.settings import Settings

pytestmark = pytest.mark.slow  # ingests in subprocesses beside the assistant: the full suite runs them

# `python -m ingest ARGS` on a slow disk: each Chroma write takes SLOW_S longer, so the run
# holds its lock long enough for other processes to meet it.
SLOW_INGEST = """
import sys, time
from assistant.store import Store
original = Store.write_chunks
def slow(self, chunks, *args, **kwargs):  # whatever else write_chunks takes, passed on
    time.sleep(float(sys.argv[1]))
    original(self, chunks, *args, **kwargs)
Store.write_chunks = slow
from ingest.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _start_slow_ingest(folder: Path, index: Path, delay_s: float = 0.25) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", SLOW_INGEST, str(delay_s), str(folder), "--index", str(index)],
                            cwd=ROOT, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until_locked(index: Path, proc: subprocess.Popen[str], timeout_s: float = 120) -> None:
    """Poll the index's lock file until another process holds it."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        lock = index / ".ingest.lock"
        if lock.exists():
            fd = os.open(lock, os.O_RDWR)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
            except BlockingIOError:
                return
            finally:
                os.close(fd)
        time.sleep(0.05)
    pytest.fail("the first ingest never took the lock")


def test_second_ingest_fails_clearly_or_waits_and_nothing_is_lost(tmp_path: Path) -> None:
    index = tmp_path / "index"
    write_corpus(tmp_path / "first", range(10, 40))
    write_corpus(tmp_path / "second", [50, 51])
    write_corpus(tmp_path / "third", [60])
    first = _start_slow_ingest(tmp_path / "first", index)
    _wait_until_locked(index, first)

    refused = run_cli("ingest", tmp_path / "second", "--index", index, "--wait", "0")
    waiter = subprocess.Popen([sys.executable, "-m", "ingest", str(tmp_path / "third"), "--index", str(index)],
                              cwd=ROOT, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_out, first_err = first.communicate(timeout=300)
    waiter_out, waiter_err = waiter.communicate(timeout=300)

    assert refused.returncode != 0 and "another ingest is running" in refused.stderr
    assert "Traceback" not in refused.stderr + first_err + waiter_err
    assert first.returncode == 0, first_err
    assert waiter.returncode == 0 and "waiting for another ingest" in waiter_err, waiter_err
    got = probe(index, [budget_question(10), budget_question(39), budget_question(60), budget_question(50)])
    assert got["status"]["consistent"]
    assert [a["citations"][0]["document"] for a in got["answers"][:3]] == ["apel-010.txt", "apel-039.txt",
                                                                             "apel-060.txt"]
    assert not answers_from(got["answers"][3], "apel-050.txt")  # refused, so never indexed


def test_assistant_answers_during_an_ingest_and_a_new_build_sees_the_new_documents(tmp_path: Path) -> None:
    index = tmp_path / "index"
    write_corpus(tmp_path / "base", [0, 1])
    assert run_cli("ingest", tmp_path / "base", "--index", index).returncode == 0
    assistant = build_assistant(Settings(index=index))
    write_corpus(tmp_path / "new", range(200, 230))

    ingest = _start_slow_ingest(tmp_path / "new", index, delay_s=0.1)
    answered = 0
    while ingest.poll() is None:
        for k in (0, 1):
            answer = assistant.ask(budget_question(k))
            assert answer.citations[0].document == f"apel-{k:03d}.txt" and budget_of(k) in answer.text
            answered += 1
    _, err = ingest.communicate()
    assert ingest.returncode == 0, err
    assert answered > 0

    fresh = build_assistant(Settings(index=index))
    answer = fresh.ask(budget_question(229))
    assert not answer.abstained and answer.citations[0].document == "apel-229.txt"
    assert budget_of(229) in answer.text
    assert fresh.ask(budget_question(0)).citations[0].document == "apel-000.txt"


def test_app_holder_answers_during_an_ingest_and_then_picks_up_the_new_document(tmp_path: Path) -> None:
    holder_module = pytest.importorskip("assistant.ui.holder")
    index = tmp_path / "index"
    write_corpus(tmp_path / "base", [0])
    assert run_cli("ingest", tmp_path / "base", "--index", index).returncode == 0
    holder = holder_module.AssistantHolder(Settings(index=index))
    assert holder.get().ask(budget_question(0)).citations[0].document == "apel-000.txt"
    write_corpus(tmp_path / "new", range(300, 320))

    ingest = _start_slow_ingest(tmp_path / "new", index, delay_s=0.1)
    while ingest.poll() is None:
        answer = holder.get().ask(budget_question(0))
        assert answer.citations[0].document == "apel-000.txt" and budget_of(0) in answer.text
    assert ingest.wait() == 0

    answer = holder.get().ask(budget_question(319))
    assert not answer.abstained and answer.citations[0].document == "apel-319.txt"
