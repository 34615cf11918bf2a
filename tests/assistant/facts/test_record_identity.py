"""Each per-project table of a report names its record by the heading just above that table:
never by another project's heading, nor by the report's introduction."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts.records import Record
from assistant.facts.store import extract_document
from ingest.chunking import ChunkingConfig, chunk_document
from ingest.loaders import load_document

HEADER = "Titlu\tPerioadă implementare\tCoordonator\tNr. membri cluster\tRegiunea"
# (identity line or None, acronym, title, coordinator, members, region)
PROJECTS = [
    ("Nr.proiect/acronim _1 GRP/ALBASTRU", "ALBASTRU", "Rețea de ateliere pentru apă curată în satele de munte",
     "ASOCIAȚIA CLUSTER ALBASTRU", 27, "Centru"),
    ("Nr. proiect / acronim _2 GRP/ VERDELIN", "VERDELIN", "Platformă comună pentru legume ecologice și depozitare",
     "ASOCIAȚIA VERDELIN AGRO", 64, "Sud-Est"),
    (None, "CORVIN", "Dezvoltarea capacității de inovare a clusterului CORVIN pentru piatră naturală",
     "ASOCIAȚIA „CORVIN” PIATRĂ", 19, "Vest"),
    ("Nr. proiect / acronim _4 GRP/NOVAMAR", "NOVAMAR", "Servicii de inovare pentru șantierele navale mici",
     "CLUSTERUL NOVAMAR", 38, "Sud-Est"),
]


def _project(identity: str | None, acronym: str, title: str, coordinator: str, members: int, region: str) -> str:
    head = f"{identity}\n\n" if identity else ""
    return (f"{head}{HEADER}\n{title}\t01.07.2026 - 30.06.2028\t{coordinator}\t{members}\t{region}\n\n"
            f"Site proiect\n\n<https://{acronym.lower()}-exemplu.ro/proiect>\n\n"
            "Obiectivul proiectului:\n\n"
            f"Consolidarea clusterului {acronym} prin activități comune de cercetare și inovare ale membrilor săi, "
            "cu planuri de extindere pe piețele interne și externe.\n\n"
            "Principalele rezultate:\n\n"
            f"- a fost elaborată agenda strategică a clusterului {acronym};\n"
            f"- au fost organizate ateliere de lucru cu membrii clusterului {acronym} și cu parteneri din regiune, "
            "pentru a identifica direcțiile comune de cercetare;*\n\n"
            "Activități în curs:\n\n"
            f"- *elaborarea strategiei de internaționalizare a clusterului {acronym}, cu sprijinul membrilor săi și "
            "al partenerilor din alte regiuni.*\n\n")


INTRO = ("AGENȚIA EXEMPLU PENTRU INOVARE\n\nStadiul proiectelor „Grupuri inovative” la 31.12.2027\n\n"
         "INTRODUCERE\n\n"
         "Competiția pentru grupuri inovative a reunit 9 proiecte depuse, dintre care 4 proiecte au fost finanțate. "
         "Directorii proiectelor au trimis prezentări ale stadiului implementării.\n\n"
         "Rezultatele proiectelor finanțate pot fi consultate în prezentul raport, proiect cu proiect.\n\n")
REPORT = INTRO + "".join(_project(*p) for p in PROJECTS)


def _records(tmp_path: Path, text: str) -> list[Record]:
    path = tmp_path / "raport-grupuri.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    return extract_document(doc.name, chunk_document(doc, ChunkingConfig()))[1]


@pytest.mark.parametrize("first_named", [True, False])
def test_each_project_record_is_named_by_its_own_heading(tmp_path: Path, first_named: bool) -> None:
    """The first project printed with or without its identity line: the introduction's heading
    above it never names it."""
    projects = PROJECTS if first_named else [(None, *PROJECTS[0][1:]), *PROJECTS[1:]]
    records = _records(tmp_path, INTRO + "".join(_project(*p) for p in projects))
    assert [r.fields["titlu"] for r in records] == [p[2] for p in projects]
    assert len({r.table for r in records}) == 1
    for record, (identity, acronym, *_rest) in zip(records, projects, strict=True):
        others = [p[1] for p in PROJECTS if p[1] != acronym]
        assert record.name == identity, (record.name, acronym)  # the project with no identity line has no name
        assert not any(other in (record.name or "") for other in others)
        assert acronym in (record.name or record.text) and "INTRODUCERE" not in record.display_name
