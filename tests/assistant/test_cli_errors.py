"""The assistant CLI turns unreadable inputs into one line on stderr and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.settings import Settings


@pytest.fixture
def index_dir(corpus_index: tuple[Settings, Path]) -> str:
    return str(corpus_index[0].index)


def test_missing_questions_file_is_one_line_not_a_traceback(index_dir: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--index", index_dir, "batch", str(tmp_path / "absent.jsonl")])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot read" in err and "absent.jsonl" in err and "Traceback" not in err


def test_history_that_is_not_json_is_named(index_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history = tmp_path / "h.json"
    history.write_text("[not json", encoding="utf-8")
    code = main(["--index", index_dir, "ask", "--history", str(history), "Care este bugetul?"])
    assert code == 2
    assert "--history is not valid JSON" in capsys.readouterr().err
