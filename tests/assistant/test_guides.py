"""An applicant guide as guides are written: numbered sections, a lead-in and a list of who may
apply, rates per kind of enterprise in one sentence, minimum and maximum in one sentence. The
guide is written here and indexed for real; questions typed with and without diacritics."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.build import build_assistant, open_store
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.blocks import page_blocks
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths

GUIDE = """Ghidul solicitantului – Apelul „Ateliere de prototipare” 2026

1. Informații generale

Apelul este finanțat prin Programul Regional Sud-Vest 2021-2027.
Bugetul apelului este de 8.400.000 lei. Valoarea maximă a finanțării nerambursabile este de 315.000 lei
pe proiect, iar valoarea minimă este de 40.000 lei.

2. Solicitanți eligibili

Pot depune cereri de finanțare:
- microîntreprinderile cu cel puțin doi angajați;
- întreprinderile mici din mediul rural;
- cooperativele meșteșugărești.

Nu sunt eligibile întreprinderile aflate în insolvență.

3. Cheltuieli eligibile

Sunt eligibile cheltuielile cu imprimantele 3D, scanerele și instruirea personalului.

4. Rata de cofinanțare

Intensitatea maximă a ajutorului este de 80% pentru microîntreprinderi și de 65% pentru întreprinderile mici.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs = tmp_path_factory.mktemp("guide")
    (docs / "ghid-ateliere-prototipare.txt").write_text(GUIDE, encoding="utf-8")
    settings = Settings(index=Path(tmp_path_factory.mktemp("index")))
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    return build_assistant(settings)


def test_numbered_section_titles_are_headings_and_a_list_of_short_items_is_not() -> None:
    blocks = page_blocks("2. Solicitanți eligibili\n\nPot aplica firmele.\n\n1. Agricultură\n2. Energie\n3. TIC\n")
    kinds = [(b.kind, b.text) for b in blocks]
    assert ("heading", "2. Solicitanți eligibili") in kinds
    assert ("item", "2. Energie") in kinds


@pytest.mark.parametrize("question", ["Cine poate depune cerere de finanțare?", "cine poate aplica",
                                      "Care sunt solicitanții eligibili?"])
def test_who_may_apply_lists_every_item_in_order(assistant: Assistant, question: str) -> None:
    text = assistant.ask(question).text
    items = ["microîntreprinderile cu cel puțin doi angajați", "întreprinderile mici din mediul rural",
             "cooperativele meșteșugărești"]
    positions = [text.find(i) for i in items]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions)
    assert "Cheltuieli eligibile" not in text and "imprimantele" not in text  # the next section is not an answer


@pytest.mark.parametrize(("question", "value", "other"), [
    ("cat e finantarea maxima pe proiect", "315.000 lei", "40.000 lei"),
    ("Care este valoarea minimă a proiectului?", "40.000 lei", "315.000 lei"),
    ("cat e intensitatea ajutorului pentru microintreprinderi", "80%", "65%"),
    ("Care este rata de cofinanțare pentru întreprinderile mici?", "65%", "80%"),
    ("care este bugetul apelului", "8.400.000 lei", "315.000 lei"),
])
def test_the_value_asked_for_and_not_its_neighbour(assistant: Assistant, question: str, value: str,
                                                   other: str) -> None:
    answer = assistant.ask(question)
    assert value in answer.text, answer.text
    assert other not in answer.text, answer.text
    assert answer.citations and value in answer.citations[0].text
