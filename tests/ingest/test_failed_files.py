"""A file that cannot be read is reported once, by name, with one reason (English on the CLI, Romanian
in the app), and removes nothing: a document indexed before keeps its indexed version and, for an
upload, its file. The documents and amounts below are invented."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from assistant.errors import EmptyDocumentError
from assistant.settings import Settings
from assistant.ui.documents_tab import ingest_uploads
from assistant.ui.holder import AssistantHolder
from ingest.cli import main

GOOD = "Apelul Poduri de Lemn\n\nBugetul apelului este de 613.000 lei pentru reparația podurilor de lemn.\n"


def _failed_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("failed:")]


def test_the_cli_names_each_failed_file_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gol.txt").write_text("", encoding="utf-8")
    (docs / "stricat.pdf").write_bytes(b"%PDF-1.4 nu este un PDF")
    assert main([str(docs), "--index", str(tmp_path / "index")]) == 3
    lines = _failed_lines(capsys.readouterr().err)
    assert lines[0] == "failed: gol.txt: the file is empty", lines
    assert lines[1].startswith("failed: stricat.pdf: not a readable PDF"), lines
    assert all(line.count(".txt") + line.count(".pdf") == 1 for line in lines), lines


def test_a_document_error_keeps_its_file_across_processes() -> None:
    exc = pickle.loads(pickle.dumps(EmptyDocumentError("the file is empty", file="gol.txt")))
    assert (str(exc), exc.detail, exc.file) == ("gol.txt: the file is empty", "the file is empty", "gol.txt")
    assert exc.ro() == "gol.txt: Fișierul nu conține text."


def test_a_broken_new_version_of_an_indexed_file_keeps_the_indexed_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs, index = tmp_path / "docs", tmp_path / "index"
    docs.mkdir()
    (docs / "poduri.txt").write_text(GOOD, encoding="utf-8")
    assert main([str(docs), "--index", str(index)]) == 0
    (docs / "poduri.txt").write_text("", encoding="utf-8")
    assert main([str(docs), "--index", str(index), "--prune", "--json"]) == 3
    out = capsys.readouterr().out
    assert '"message_ro": "poduri.txt: Fișierul nu conține text. Versiunea indexată anterior a rămas' in out
    answer = AssistantHolder(Settings(index=index)).get().ask("Care este bugetul apelului Poduri de Lemn?")
    assert "613.000 lei" in answer.text, answer.text


def test_a_broken_upload_replacing_an_indexed_one_is_reported_once_in_romanian(tmp_path: Path) -> None:
    holder = AssistantHolder(Settings(index=tmp_path / "index"))
    first = tmp_path / "a" / "poduri.txt"
    first.parent.mkdir()
    first.write_text(GOOD, encoding="utf-8")
    assert "Adăugat: poduri.txt" in ingest_uploads(holder, [str(first)])
    broken = tmp_path / "b" / "poduri.txt"
    broken.parent.mkdir()
    broken.write_text("  \n", encoding="utf-8")
    html = ingest_uploads(holder, [str(broken)])
    assert html.count("poduri.txt") == 1 and "Fișierul nu conține text." in html, html
    assert "Versiunea indexată anterior a rămas neschimbată" in html and "empty" not in html, html
    assert (holder.index / "uploads" / "poduri.txt").read_text(encoding="utf-8") == GOOD
    assert "613.000 lei" in holder.get().ask("Care este bugetul apelului Poduri de Lemn?").text
