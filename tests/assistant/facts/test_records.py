"""Questions that count, filter, rank or list over records, through Assistant.ask."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.assistant.facts.conftest import DOMAINS, MEMBERS, REGIONS


def test_records_of_per_section_tables_form_one_table(settings) -> None:
    from assistant.build import open_store
    from assistant.facts import load_records

    records = [r for r in load_records(open_store(settings)) if r.document == "raport-poli.txt"]
    assert len(records) == len(REGIONS) and len({r.table for r in records}) == 1
    assert [r.fields["regiunea"] for r in records] == REGIONS
    assert [r.name for r in records] == [f"Pol {i} / acronim POL-{chr(64 + i)}{i}" for i in range(1, 7)]


def test_count_by_region_cites_each_record(assistant) -> None:
    answer = assistant.ask("Câte poli sunt din regiunea Nord-Est?").to_json()
    expected = REGIONS.count("Nord-Est")
    named = "Potrivit „Raport privind rețeaua de poli de competitivitate”: "  # the document's title
    assert not answer["abstained"] and answer["answer"].startswith(f"{named}{expected} ")
    assert len(answer["citations"]) == expected
    assert all("Regiunea: Nord-Est" in c["text"] and c["document"] == "raport-poli.txt" for c in answer["citations"])
    assert all(f"[{c['n']}]" in answer["answer"] for c in answer["citations"])


def test_count_by_a_word_of_the_domain(assistant) -> None:
    answer = assistant.ask("cati poli din domeniul sanatate?")
    assert answer.text.split("”: ", 1)[-1].startswith(f"{sum('Sănătate' in d for d in DOMAINS)} ")


def test_rank_by_numeric_column(assistant) -> None:
    answer = assistant.ask("Care pol are cei mai mulți parteneri?")
    best = MEMBERS.index(max(MEMBERS)) + 1
    assert f"Pol {best} " in answer.text.split("\n")[0] and str(max(MEMBERS)) in answer.text
    assert answer.citations[0].text.count(str(max(MEMBERS))) >= 1


def test_list_filtered_records(assistant) -> None:
    answer = assistant.ask("care poli din Vest?")
    assert len(answer.citations) == REGIONS.count("Vest") and "Regiunea: Vest" in answer.citations[0].text


@pytest.mark.parametrize("question", ["Care este alocarea financiară a apelului?", "Cât durează proiectul?",
                                      "care sunt beneficiarii eligibili din regiunea Vest"])
def test_questions_not_about_records_go_to_retrieval(assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert "înregistr" not in answer.text.lower()  # no record listing (a call sheet may answer)


@pytest.mark.slow
def test_bundled_report_counts_projects_by_region(tmp_path: Path) -> None:
    """On the bundled report: the expected count is read from the report's own table rows."""
    from assistant.build import build_assistant, open_store
    from assistant.settings import Settings
    from ingest.chunking import ChunkingConfig
    from ingest.pipeline import ingest_paths

    report = next(Path("corpus").glob("uefiscdi-*.txt"))
    text = report.read_text(encoding="utf-8")
    header = next(line.split("\t") for line in text.splitlines() if line.startswith("Titlu\t"))
    col = header.index("Regiunea")
    rows = [line.split("\t") for line in text.splitlines() if line.count("\t") >= col and re.match(r"\S", line)]
    regions = [re.sub(r"\s*-\s*", "-", r[col].strip()) for r in rows if len(r) == len(header) and r[0] != "Titlu"]
    settings = Settings(index=tmp_path / "idx")
    ingest_paths(open_store(settings), [report], ChunkingConfig())
    answer = build_assistant(settings).ask("Câte proiecte sunt din regiunea Nord-Vest?")
    body = answer.text.split("”: ", 1)[-1]  # after the "Potrivit „<titlu>”: " that names the source
    assert body.startswith(f"{regions.count('Nord-Vest')} "), answer.text
    assert len(answer.citations) == regions.count("Nord-Vest")
