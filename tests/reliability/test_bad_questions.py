"""Hostile and odd questions: a clear answer or a Romanian message, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import answers_from, budget_of, budget_question, code_word, run_cli, write_corpus

from assistant.build import build_assistant
from assistant.service import Assistant
from assistant.settings import Settings

WORD = code_word(0)
ODD = {
    "empty": "",
    "blank": "  \n\t  ",
    "emoji only": "🙂🚀💶🇷🇴",
    "stopwords only": "și sau de la pe cu că dar",
    "punctuation only": "?!… ;;; ---",
    "html and script": f"<script>alert('x')</script><b>Ce buget are programul {WORD}?</b>",
    "mixed scripts": f"Ce бюджет are programul {WORD}? καλημέρα 預算",
    "control characters": f"Ce buget\x00 are\x1b[31m programul {WORD}?\u200b",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("questions")
    write_corpus(root / "docs", [0, 1])
    done = run_cli("ingest", root / "docs", "--index", root / "index")
    assert done.returncode == 0, done.stderr
    return root / "index"


@pytest.fixture(scope="module")
def assistant(index: Path) -> Assistant:
    return build_assistant(Settings(index=index))


def _is_romanian_message(text: str) -> bool:
    return bool(text.strip()) and any(ch in text for ch in "ăâîșțĂÂÎȘȚ")


@pytest.mark.parametrize("question", list(ODD.values()), ids=list(ODD))
def test_odd_question_gets_an_answer_or_a_romanian_message(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)

    out = json.loads(json.dumps(answer.to_json()))
    assert isinstance(out["answer"], str) and isinstance(out["question"], str)
    if answer.abstained:
        assert _is_romanian_message(answer.text)
    else:
        assert answer.citations and answer.citations[0].document == "apel-000.txt"


def test_empty_stopword_and_emoji_questions_abstain(assistant: Assistant) -> None:
    for name in ("empty", "blank", "emoji only", "stopwords only", "punctuation only"):
        answer = assistant.ask(ODD[name])
        assert answer.abstained and not answer.citations, name


def test_question_with_tags_keeps_them_as_plain_text(assistant: Assistant) -> None:
    answer = assistant.ask(ODD["html and script"])

    assert json.loads(json.dumps(answer.to_json()))["question"] == ODD["html and script"]
    assert answer.abstained or budget_of(0) in answer.text


def test_huge_question_is_cut_and_the_answer_says_so(assistant: Assistant) -> None:
    limit = assistant.settings.max_question_chars
    question = budget_question(0) + " " + "finanțare " * 10_000

    answer = assistant.ask(question)

    assert len(question) >= 100_000
    assert answer.notice and str(limit) in answer.notice
    assert len(answer.question) <= limit
    assert answer.to_json()["notice"] == answer.notice


def _ask_cli(index: Path, question: str) -> dict[str, Any]:
    done = run_cli("assistant", "--index", index, "ask", "--json", question)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return dict(json.loads(done.stdout))


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_cli_ask_handles_an_empty_and_a_huge_question(index: Path) -> None:
    empty = _ask_cli(index, "")
    huge = _ask_cli(index, budget_question(1) + " x" * 50_000)

    assert empty["abstained"] and _is_romanian_message(empty["answer"])
    assert "notice" in huge and _is_romanian_message(huge["notice"])


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_batch_reports_bad_lines_as_errors_and_goes_on(index: Path, tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"q-{name}", "question": q}, ensure_ascii=False) for name, q in ODD.items()]
    lines[3:3] = ['{"id": "broken", "question": ', '{"id": "no-question"}', '["a", "list"]', "",
                  json.dumps({"id": "number", "question": 42})]
    lines.append(json.dumps({"id": "last", "question": budget_question(1)}))
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    done = run_cli("assistant", "--index", index, "batch", path)

    assert "Traceback" not in done.stderr and done.returncode != 0
    out = [json.loads(line) for line in done.stdout.splitlines()]
    errors = [o for o in out if "error" in o]
    assert [e["id"] for e in errors] == [None, "no-question", None, "number"]
    assert all(_is_romanian_message(e["message"]) for e in errors)
    answers = {o["id"]: o for o in out if "error" not in o}
    assert set(answers) == {f"q-{name}" for name in ODD} | {"last"}
    assert answers_from(answers["last"], "apel-001.txt")
    assert answers["q-html and script"]["question"].startswith("<script>")
