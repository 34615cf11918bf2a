"""The store against a real `chroma run` server on loopback: ingest, ask, answers cite the documents."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_model_servers import index_corpus, write_corpus

from assistant.build import build_assistant, drop_index
from assistant.settings import Settings

CHROMA = Path(sys.executable).with_name("chroma")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMA.exists(), reason="chroma CLI not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(port: int, proc: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma run exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"chroma server on port {port} did not answer within {timeout_s}s")


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    try:
        _wait_until_up(port, proc)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_ingest_and_ask_through_the_chroma_server(chroma_port: int, tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "idx", chroma_host="127.0.0.1", chroma_port=chroma_port,
                        collection="server-test")
    index_corpus(settings, write_corpus(tmp_path / "docs"))
    assert not (tmp_path / "idx" / "chroma").exists()  # vectors live on the server, not under the index

    answer = build_assistant(settings).ask("Care este valoarea maximă a finanțării nerambursabile?")
    assert not answer.abstained and "2.650.000" in answer.text
    assert answer.citations and answer.citations[0].document == "apel-inovare.md"
    assert "2.650.000" in answer.citations[0].text


def test_reingest_on_the_server_changes_nothing_and_drop_clears_it(chroma_port: int, tmp_path: Path) -> None:
    settings = Settings(index=tmp_path / "idx", chroma_host="127.0.0.1", chroma_port=chroma_port,
                        collection="server-reingest")
    docs = write_corpus(tmp_path / "docs")
    index_corpus(settings, docs)
    first = build_assistant(settings).store.chroma_ids()
    index_corpus(settings, docs)
    assert build_assistant(settings).store.chroma_ids() == first and first

    drop_index(settings)
    assert build_assistant(settings, require_index=False).store.chroma_ids() == set()
