"""A wheel install answers with an LLM: the wheel is built from the checkout, installed into a fresh
venv (dependencies seen from the project's venv, the project itself only from the wheel), and its
`python -m ingest` and `python -m assistant ask` answer through a loopback OpenAI-compatible model.
Prompts and data files must be package data for this to work outside a source checkout."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_model_servers import Behaviour, FakeModelServer, passage_number, write_corpus

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "Spuneți-mi despre finanțarea nerambursabilă a apelului."  # not one value: the model answers
pytestmark = pytest.mark.slow


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    server = FakeModelServer().start()
    yield server
    server.stop()


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done


def _fresh_venv(tmp_path: Path) -> Path:
    """A venv with the wheel installed (no dependencies downloaded: this machine is offline) that
    sees the project venv's packages after its own, through a .pth file."""
    source = tmp_path / "source"  # a clean copy: setuptools would reuse the checkout's build/ folder
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "index",
                                                                 "__pycache__", ".*_cache", "bench"))
    shutil.copytree(ROOT / "bench", source / "bench", ignore=shutil.ignore_patterns("out", "__pycache__"))
    _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation", "-q",
          "-w", str(tmp_path / "dist")], cwd=tmp_path)
    [wheel] = (tmp_path / "dist").glob("call_assistant-*.whl")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    own = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                    cwd=tmp_path).stdout.strip())
    deps = [p for p in (*site.getsitepackages(), sysconfig.get_paths()["purelib"]) if Path(p).is_dir()]
    (own / "project-dependencies.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n", encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    return python


def test_a_wheel_install_answers_with_an_llm(tmp_path: Path, fake: FakeModelServer) -> None:
    python = _fresh_venv(tmp_path)
    work = tmp_path / "work"  # not the checkout: nothing of the project may come from the current folder
    docs = write_corpus(work / "docs")
    where = _run([str(python), "-c", "import assistant, ingest; print(assistant.__file__); print(ingest.__file__)"],
                 cwd=work).stdout.split()
    assert all(Path(p).is_relative_to(tmp_path / "venv") for p in where), where

    env = {**os.environ, "ASSISTANT_INDEX": str(work / "index"), "ASSISTANT_LLM": "openai",
           "ASSISTANT_LLM_MODEL": "test-model", "ASSISTANT_LLM_BASE_URL": f"{fake.url}/v1"}
    env.pop("PYTHONPATH", None)
    _run([str(python), "-m", "ingest", str(docs), "--no-ocr"], cwd=work, env=env)
    fake.behaviour = Behaviour(
        reply=lambda body: f"Se acordă cel mult 2,65 milioane lei pe proiect [{passage_number(body, '2.650.000')}].")
    out = _run([str(python), "-m", "assistant", "ask", "--json", QUESTION], cwd=work, env=env).stdout
    answer = json.loads(out)
    assert answer["backend"] == "openai", answer.get("notice")
    assert answer["answer"].endswith("Se acordă cel mult 2,65 milioane lei pe proiect [1].")
    assert fake.bodies("/v1/chat/completions")  # the prompt files were found in the installed package
