"""A folder's files of a type ingest does not read are named on stderr, not passed over in
silence; the run goes on with the others (invented document and figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.cli import main


def test_files_of_other_types_in_a_folder_are_named_as_skipped(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "apel-faruri.txt").write_text("Apelul Faruri 2036\n\nBugetul total al apelului este de 73.000 euro.\n",
                                          encoding="utf-8")
    (docs / "buget-faruri.xlsx").write_bytes(b"PK\x03\x04 not read")
    (docs / "README.md").write_text("Documentele apelului.\n", encoding="utf-8")  # described, not a call
    (docs / ".ascuns.csv").write_text("a,b\n", encoding="utf-8")
    assert main([str(docs), "--index", str(tmp_path / "index")]) == 0
    captured = capsys.readouterr()
    assert "skipped: " in captured.err and "buget-faruri.xlsx: unsupported file type .xlsx" in captured.err
    assert "README" not in captured.err and "ascuns" not in captured.err
    assert "1 added" in captured.out


def test_removing_an_unknown_name_lists_the_indexed_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    (docs / "2036").mkdir(parents=True)
    (docs / "2036" / "apel-faruri.txt").write_text("Apelul Faruri 2036\n\nBugetul apelului este de 73.000 euro.\n",
                                                   encoding="utf-8")
    index = str(tmp_path / "index")
    assert main([str(docs), "--index", index]) == 0
    capsys.readouterr()
    assert main(["--remove", "apel-far.txt", "--index", index]) == 1
    err = capsys.readouterr().err
    assert "not removed" in err and "indexed: 2036/apel-faruri.txt" in err
    assert main(["--remove", "apel-faruri.txt", "--index", index]) == 0  # a unique file name still removes
