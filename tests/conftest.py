"""Shared fixtures: settings on tmp_path, a small invented corpus of Romanian call documents
(txt, md, PDF, DOCX) and an assistant built over it with the real wiring function."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docs_factory import build_corpus, ingest_folder

from assistant.offline import go_offline
from assistant.settings import Settings

go_offline()

# DejaVu Sans (fonts-dejavu-core): the tests' PDFs need a font with ș, ț, ă, â, î.
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture
def font() -> Path:
    if not FONT.exists():
        pytest.skip(f"DejaVu font missing at {FONT} (apt-get install -y fonts-dejavu-core)")
    return FONT


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(index=tmp_path / "index")


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., list[Path]]:
    """Writes the invented corpus (txt, md, PDF, DOCX) into a folder, tmp_path/docs by default."""

    def make(folder: Path | None = None) -> list[Path]:
        return build_corpus(folder or tmp_path / "docs")

    return make


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Path]:
    """The invented corpus ingested once per session (read-only for the tests using it)."""
    root = tmp_path_factory.mktemp("corpus")
    docs = root / "docs"
    build_corpus(docs)
    s = Settings(index=root / "index")
    report = ingest_folder(s, docs)
    assert not report.failed, report.failed
    return s, docs


@pytest.fixture(scope="session")
def indexed(corpus_index: tuple[Settings, Path]):  # type: ignore[no-untyped-def]
    """The assistant over the invented corpus, built by the real wiring function."""
    from assistant.build import build_assistant

    return build_assistant(corpus_index[0])
