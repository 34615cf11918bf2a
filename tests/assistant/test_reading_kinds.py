"""Kinds of reading and value misses found on documents nobody tuned for (session 6, probe 3): a
Markdown pipe table, phones written in groups of two digits, a submission that "se încheie" on
its date, a ";"-separated list of codes asked for whole, and a PDF budget table read as one
number a line. Every value is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_factory import ingest_folder

from assistant.build import build_assistant
from assistant.facts.store import load_records, load_sheets
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.blocks import page_blocks
from ingest.loaders.text import pipe_tables_to_rows

CLUSTER_MD = """# Clusterul Inovativ „Lână Curată” Carpați

Clusterul reunește ferme de oi, spălătorii de lână și ateliere de țesut din Carpații Orientali.

## Membri

| Membru | Localitate | Activitate |
|---|:---|---:|
| Ovina Prodlana SRL | Sfântu Gheorghe | spălarea lânii brute |
| Tors \\| Fir SRL | Bistrița | filare industrială |
| Cooperativa Stâna Mare | Sfântu Gheorghe | creșterea oilor țurcana |
| Textila Rarău SA | Câmpulung Moldovenesc | covoare țesute manual |

## Contact

Secretariat: str. Morilor nr. 12.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "cluster-lana-curata.md").write_text(CLUSTER_MD, encoding="utf-8")
    settings = Settings(index=tmp_path_factory.mktemp("index"))
    ingest_folder(settings, folder)
    return build_assistant(settings)


def test_a_markdown_pipe_table_is_read_as_rows_under_its_header() -> None:
    rows = pipe_tables_to_rows(CLUSTER_MD)
    assert "Tors | Fir SRL\tBistrița\tfilare industrială" in rows and "|---|" not in rows
    tables = [b.text for b in page_blocks(rows) if b.kind == "table"]
    assert tables and tables[0].split("\n")[2] == (
        "Membru: Cooperativa Stâna Mare | Localitate: Sfântu Gheorghe | Activitate: creșterea oilor țurcana")
    # a pipe line with no delimiter line under it is text
    assert pipe_tables_to_rows("Cost | beneficiu\nalt rând | aici") == "Cost | beneficiu\nalt rând | aici"


def test_markdown_table_rows_are_records_and_quoted_whole(built: Assistant) -> None:
    records = [r for r in load_records(built.store) if r.document == "cluster-lana-curata.md"]
    assert {r.fields.get("localitate") for r in records} == {"Sfântu Gheorghe", "Bistrița", "Câmpulung Moldovenesc"}
    answer = built.ask("Din ce localitate este Textila Rarău SA?")
    assert "Membru: Textila Rarău SA | Localitate: Câmpulung Moldovenesc" in answer.text, answer.text
    assert "| Membru |" not in answer.text
