"""--prune keeps only the documents among the inputs: a mistyped or empty folder must not empty
the index (invented documents and figures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_factory import index_texts

from assistant.build import index_status, ingest_files, open_store
from assistant.errors import UnsafePruneError

DOCS = {"apel-stupi.txt": "Apelul Stupi Moderni 2034\n\nBugetul total al apelului este de 615.000 euro.\n",
        "apel-mori.txt": "Apelul Mori de Apă 2034\n\nBugetul total al apelului este de 388.000 euro.\n"}


def test_prune_over_a_missing_or_empty_folder_is_refused_and_keeps_the_index(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    settings = index_texts(tmp_path / "docs", tmp_path / "index", DOCS)
    before = index_status(open_store(settings))
    (tmp_path / "gol").mkdir()
    for wrong in ([tmp_path / "docs-typo"], [tmp_path / "gol"], [tmp_path / "docs", tmp_path / "docs-typo"]):
        with pytest.raises(UnsafePruneError) as err:
            ingest_files(settings, wrong, prune=True)
        assert "nothing was read or removed" in str(err.value) and "Nu s-a modificat nimic" in err.value.ro()
    after = index_status(open_store(settings))
    assert [d["document"] for d in after["documents"]] == [d["document"] for d in before["documents"]]
    assert after["chunks"] == before["chunks"] and after["consistent"]
    (tmp_path / "docs" / "apel-mori.txt").unlink()
    report = ingest_files(settings, [tmp_path / "docs"], prune=True)  # a real folder still prunes
    assert report.removed == ["apel-mori.txt"]
