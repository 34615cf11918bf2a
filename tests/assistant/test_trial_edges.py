"""Rough edges of a new user's trial, over invented documents written and indexed here (every name,
address and figure below is made up): the plain-text CLI answer."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.cli import main
from assistant.settings import Settings

DOCS = {
    "apel-livezi.txt": (
        "GHIDUL SOLICITANTULUI\n\nApel pentru livezi ecologice verzi – cod LEV/2035/4\n\n"
        "INFORMAȚII GENERALE\n\nBugetul total al apelului este de 3.410.000 euro. Valoarea eligibilă a unui "
        "proiect este de minimum 27.000 euro și maximum 166.000 euro.\n\n"
        "ECHIPA PROIECTULUI\n\nEchipa organizează cursuri de pomicultură pentru fermieri. Responsabilul "
        "financiar al proiectului este Sorin Tufeanu, economist.\n\n"
        "CALENDAR\n\nCererile se depun până la 14 mai 2035, ora 12:00.\n"),
}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), DOCS)


def test_plain_cli_answer_shows_the_quoted_sentence_not_the_passage_start(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--index", str(settings.index), "ask", "cine este responsabilul financiar al proiectului?"]) == 0
    out = capsys.readouterr().out
    answer, _, sources = out.partition("\n\n[1] ")
    assert "Sorin Tufeanu" in answer and "[1]" in answer, out
    assert "apel-livezi.txt" in sources, out
    assert "„Responsabilul financiar al proiectului este Sorin Tufeanu, economist.”" in sources, out
    assert "cursuri de pomicultură" not in sources, out  # the passage's first sentence was not quoted
