"""Answering from a small index imports neither llama_index.core nor chromadb (the command line
starts in a fraction of the time); the vector side still gives the same neighbours, and the
hashing embedding of a batch is that of each text alone, and a window's that of its texts joined."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from docs_factory import index_texts

from assistant.build import build_assistant, open_store
from assistant.embeddings.hashing import (
    HashingVectors,
    embed_part_windows,
    embed_raw_batch,
    embed_raw_tokens,
    embed_raw_windows,
    llama_hashing_embedding,
)
from assistant.settings import Settings
from assistant.text import raw_tokens
from assistant.vector_file import VECTORS_NAME

TEXTS = {
    "apel-ceramica.txt": "Apelul Lutul Viu 2031\n\nBugetul apelului este de 4.370.000 lei.\n"
                         "Pot depune cereri atelierele de ceramică din județul Suceava.\n"
                         "Termenul de depunere este 19 octombrie 2031.\n",
    "apel-morarit.txt": "Apelul Moara de Apă 2031\n\nBugetul apelului este de 615.000 lei.\n"
                        "Pot depune cereri morarii din județul Alba.\nTermenul de depunere este 3 iunie 2031.\n",
}
QUESTION = "Care este bugetul apelului Lutul Viu?"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), TEXTS)


def test_the_command_line_answers_without_llama_index_or_chromadb(settings: Settings) -> None:
    probe = (
        "import json, sys\n"
        "from assistant.cli import main\n"
        f"code = main(['--index', {str(settings.index)!r}, 'ask', '--json', {QUESTION!r}])\n"
        "heavy = sorted(m for m in ('llama_index.core', 'chromadb') if m in sys.modules)\n"
        "print(json.dumps({'code': code, 'heavy': heavy}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    answer, probe_line = (json.loads(line) for line in out.strip().splitlines()[-2:])
    assert probe_line == {"code": 0, "heavy": []}
    assert "4.370.000" in answer["answer"] and answer["citations"][0]["document"] == "apel-ceramica.txt"


def test_exact_search_from_the_vector_file_agrees_with_chroma_windows(settings: Settings) -> None:
    assert (Path(settings.index) / VECTORS_NAME).exists()
    from_file = open_store(settings)
    got = from_file.nearest_windows(QUESTION, 4)
    assert from_file._collection is None  # Chroma was never opened
    assert all(len(window) == 1 for window, _ in got)  # exact search: one vector per chunk
    from_chroma = open_store(settings)
    from_chroma.folder = Path(settings.index) / "elsewhere"  # no vector file there: Chroma's windows
    windows = from_chroma.nearest_windows(QUESTION, 4)
    assert got[0][0][0] in windows[0][0]  # the nearest chunk is in the nearest window
    assert sorted(cid for w, _ in windows for cid in w) == sorted(from_file.chunks)


def test_batch_hashing_embedding_equals_one_by_one() -> None:
    texts = ["Bugetul apelului este de 4.370.000 lei.", "", "și de la", "Termenul-limită: 19.10.2031, ora 16"]
    raws = [raw_tokens(t) for t in texts]
    batch = embed_raw_batch(raws, 64)
    assert batch.shape == (4, 64) and batch.dtype == np.float32
    assert [row.tolist() for row in batch] == [embed_raw_tokens(r, 64) for r in raws]
    assert HashingVectors(64).get_text_embedding_batch(texts) == batch.tolist()
    llama = llama_hashing_embedding(64)
    assert llama.get_text_embedding_batch(texts) == batch.tolist()
    assert llama.get_query_embedding(texts[0]) == HashingVectors(64).get_query_embedding(texts[0])


def test_window_vectors_are_those_of_the_joined_texts() -> None:
    raws = [raw_tokens(t) for t in ["Bugetul apelului este de 4.370.000 lei.", "", "Termenul: 19.10.2031",
                                    "Pot depune cereri morarii din județul Alba."]]
    own, windows = embed_raw_windows(raws, 64, 3)
    assert np.array_equal(own, embed_raw_batch(raws, 64))
    assert np.array_equal(windows, embed_raw_batch([raws[0] + raws[1] + raws[2], raws[3]], 64))
    head = tuple(raw_tokens("Apelul Moara de Apă 2031 / Calendar"))  # shared by passages, summed once
    parted = embed_part_windows([(head, r) for r in raws], 64, 3)
    whole = embed_raw_windows([[*head, *r] for r in raws], 64, 3)
    assert all(np.array_equal(a, b) for a, b in zip(parted, whole, strict=True))


def test_the_llama_index_interface_is_still_there(settings: Settings) -> None:
    retriever = build_assistant(settings).retriever
    nodes = retriever.retrieve(QUESTION)
    assert "4.370.000" in nodes[0].node.get_content()
    from llama_index.core.base.base_retriever import BaseRetriever

    assert isinstance(retriever.as_llama_retriever(), BaseRetriever)
