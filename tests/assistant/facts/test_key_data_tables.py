"""A local call announcement whose key data stand in a two-column "Indicator | Valoare" table, under
its issuer's heading and its programme's heading, with its eligibility conditions as a numbered
list: read as a call (its name, budget, rate, own share, period, duration, applicants) in DOCX and
in its markdown and HTML twins, and asked about in chat. Every name and figure is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.build import build_assistant, open_store
from assistant.facts import find_sheet, load_sheets
from assistant.facts.sheet import CallSheet
from assistant.issuers import issued_programme, programme_name
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.blocks import page_blocks
from ingest.chunking import ChunkingConfig
from ingest.key_tables import is_key_header
from ingest.pipeline import ingest_paths

ISSUER = "Primăria Orașului Pădureni"
PROGRAMME = "Programul Local pentru Ateliere Meșteșugărești 2038"
HEADING = f"{PROGRAMME} – Anunț de lansare a competiției"
KEY = [("Bugetul programului 2038", "1.750.000 lei"), ("Grant maxim per atelier", "70.000 lei"),
       ("Procentul finanțat din cheltuielile eligibile", "85%"),
       ("Contribuția proprie minimă", "15% din cheltuielile eligibile"),
       ("Perioada de depunere", "3 martie 2038, ora 10:00 – 28 aprilie 2038, ora 16:00"),
       ("Număr estimat de ateliere finanțate", "22"), ("Durata de implementare", "maximum 8 luni")]
CONDITIONS = ["societate cu răspundere limitată cu sediul în orașul Pădureni;",
              "înființată după 1 iulie 2036 (vechime de cel mult 2 ani la data depunerii);",
              "cel mult 5 angajați."]
CAPS = [("Unelte și utilaje", "maximum 30.000 lei"), ("Promovare online", "maximum 6.000 lei")]
INTRO = f"{ISSUER} anunță deschiderea competiției 2038 pentru atelierele meșteșugărești, finanțată din bugetul local."

# Another call in the same index, so that an answer must pick the call the question names.
OTHER = """# Ghidul solicitantului – Apelul „Livezi de Munte 2038”

## Bugetul apelului

Bugetul total alocat apelului este de 4.900.000 lei.

## Termen

Data limită de depunere a cererilor este 9 septembrie 2038, ora 12:00.

## Solicitanți eligibili

Pot aplica asociațiile de pomicultori și cooperativele agricole din zona montană.

## Cofinanțare

Solicitantul asigură o cofinanțare proprie de minimum 40% din valoarea eligibilă a proiectului.
"""


def _docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading(ISSUER, 1)
    d.add_heading(HEADING, 2)
    d.add_paragraph(INTRO)
    d.add_heading("Tabelul 1. Date esențiale ale competiției", 3)
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Indicator", "Valoare"
    for label, value in KEY:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    d.add_heading("Condiții de eligibilitate", 3)
    for item in CONDITIONS:
        d.add_paragraph(item, style="List Number")
    d.add_heading("Tabelul 2. Plafoane pe categorii de cheltuieli", 3)
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Categorie de cheltuieli", "Plafon"
    for label, value in CAPS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    d.save(str(path))


def _markdown() -> str:
    rows = "\n".join(f"| {label} | {value} |" for label, value in KEY)
    caps = "\n".join(f"| {label} | {value} |" for label, value in CAPS)
    items = "\n".join(f"{n}. {item}" for n, item in enumerate(CONDITIONS, start=1))
    return (f"# {ISSUER}\n\n## {HEADING}\n\n{INTRO}\n\n### Date esențiale\n\n| Indicator | Valoare |\n|---|---|\n"
            f"{rows}\n\n### Condiții de eligibilitate\n\n{items}\n\n### Plafoane\n\n"
            f"| Categorie de cheltuieli | Plafon |\n|---|---|\n{caps}\n")


def _html() -> str:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in KEY)
    items = "".join(f"<li>{item}</li>" for item in CONDITIONS)
    return (f"<html><head><meta charset='utf-8'></head><body><h1>{ISSUER}</h1><h2>{HEADING}</h2><p>{INTRO}</p>"
            f"<h3>Date esențiale</h3><table><tr><th>Element</th><th>Detalii</th></tr>{rows}</table>"
            f"<h3>Condiții de eligibilitate</h3><ol>{items}</ol></body></html>")


def _index(root: Path, files: dict[str, str | None]) -> Settings:
    docs = root / "docs"
    docs.mkdir()
    for name, text in files.items():
        if text is None:
            _docx(docs / name)
        else:
            (docs / name).write_text(text, encoding="utf-8")
    settings = Settings(index=root / "index")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    return settings


@pytest.fixture(scope="module")
def announcement(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return _index(tmp_path_factory.mktemp("announcement"), {"anunt-ateliere.docx": None, "ghid-livezi.md": OTHER})


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return _index(tmp_path_factory.mktemp("twins"), {"anunt-ateliere.md": _markdown(), "anunt-ateliere.html": _html()})


@pytest.fixture(scope="module")
def assistant(announcement: Settings) -> Assistant:
    return build_assistant(announcement)


def test_a_key_data_table_reads_as_label_value_facts() -> None:
    text = "Indicator\tValoare\n" + "\n".join(f"{label}\t{value}" for label, value in KEY[:2])
    assert [b.text for b in page_blocks(text)] == ["Bugetul programului 2038: 1.750.000 lei\n"
                                                  "Grant maxim per atelier: 70.000 lei"]
    meaningful = "Categorie de cheltuieli\tPlafon\nUnelte și utilaje\tmaximum 30.000 lei"
    assert page_blocks(meaningful)[0].text == "Categorie de cheltuieli: Unelte și utilaje | Plafon: maximum 30.000 lei"
    assert is_key_header(["Denumire", "Descriere"]) and is_key_header(["Parameter", "Value"])
    assert not is_key_header(["Categorie de cheltuieli", "Plafon"]) and not is_key_header(["Indicator", "2038"])


def test_the_programme_heading_under_its_issuer_names_the_call() -> None:
    assert programme_name(HEADING) == PROGRAMME
    assert issued_programme([ISSUER, HEADING]) == PROGRAMME
    assert issued_programme(["Asociația Meșterilor din Valea Lungă", "Fondul pentru Ateliere 2039 – Lansare"]) \
        == "Fondul pentru Ateliere 2039"
    assert issued_programme(["Raport anual", HEADING]) is None  # no issuer above it
    assert issued_programme([ISSUER, "Programul Regional Nord 2031–2037"]) is None  # a multiannual programme
    assert issued_programme([ISSUER, "Raport de activitate"]) is None


def _sheet(settings: Settings, name: str) -> CallSheet:
    found = find_sheet(load_sheets(open_store(settings)), name)
    assert found is not None, name
    return found


def _check_sheet(sheet: CallSheet) -> None:
    assert sheet.is_call
    assert sheet.title == PROGRAMME and sheet.name == PROGRAMME
    values = {name: [f.value for f in facts] for name, facts in sheet.fields.items()}
    assert values["allocation"] == ["1.750.000 lei"]
    assert "70.000 lei" in values["project_value"]
    assert values["funding_rate"] == ["85%"]
    assert sheet.fields["funding_rate"][0].extra.get("own_share") == 15.0
    assert values["duration"] == ["maximum 8 luni"]
    assert "2038-04-28" in sheet.fields["submission_period"][0].to_json()["normalized"]["end"]
    applicants = values["applicants"][0]
    assert "societate cu răspundere limitată" in applicants and "1 iulie 2036" in applicants


@pytest.mark.parametrize("name", ["anunt-ateliere.docx", "ghid-livezi"])
def test_the_docx_announcement_is_a_call_with_its_key_data(announcement: Settings, name: str) -> None:
    if name == "anunt-ateliere.docx":
        _check_sheet(_sheet(announcement, name))
    else:  # the other call keeps its own values
        other = _sheet(announcement, name)
        assert [f.value for f in other.fields["allocation"]] == ["4.900.000 lei"]


@pytest.mark.parametrize("name", ["anunt-ateliere.md", "anunt-ateliere.html"])
def test_markdown_and_html_twins_read_the_same(twins: Settings, name: str) -> None:
    _check_sheet(_sheet(twins, name))


@pytest.mark.parametrize(("question", "expected"), [
    ("pana cand pot depune la programul pentru ateliere mestesugaresti?", "28 aprilie 2038"),
    ("cat trebuie sa pun eu de la mine la programul pentru ateliere mestesugaresti?", "15%"),
    ("care e bugetul programului pentru ateliere mestesugaresti?", "1.750.000 lei"),
    ("cate ateliere vor fi finantate?", "22"),
    ("pot aplica la programul pentru ateliere mestesugaresti daca am SRL infiintat in 2037?", "1 iulie 2036"),
    ("pot aplica la programul pentru ateliere mestesugaresti daca am SRL infiintat in 2034?", "nu îndeplinește"),
])
def test_chat_answers_cite_the_named_call(assistant: Assistant, question: str, expected: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert expected in answer.text, answer.text
    assert answer.citations and answer.citations[0].document == "anunt-ateliere.docx", answer.citations
    assert "4.900.000" not in answer.text and "40%" not in answer.text


def test_a_budget_asked_for_another_year_is_not_this_one(assistant: Assistant) -> None:
    answer = assistant.ask("cat a fost bugetul programului pentru ateliere mestesugaresti in 2036?")
    assert "1.750.000" not in answer.text, answer.text


def test_a_pdf_key_data_table_reads_the_same(tmp_path: Path, font: Path) -> None:
    from fpdf import FPDF

    docs = tmp_path / "docs"
    docs.mkdir()
    pdf = FPDF()
    pdf.add_font("dv", "", str(font))
    pdf.set_font("dv", size=11)
    pdf.add_page()
    for line in (ISSUER, HEADING):
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False) as table:
        for label, value in [("Indicator", "Valoare"), *KEY]:
            row = table.row()
            row.cell(label)
            row.cell(value)
    pdf.output(str(docs / "anunt-ateliere.pdf"))
    settings = Settings(index=tmp_path / "index")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    sheet = _sheet(settings, "anunt-ateliere.pdf")
    assert sheet.is_call and sheet.title == PROGRAMME
    values = {name: [f.value for f in facts] for name, facts in sheet.fields.items()}
    assert values["allocation"] == ["1.750.000 lei"] and values["funding_rate"] == ["85%"]
    assert values["duration"] == ["maximum 8 luni"]


def test_the_date_of_another_event_of_the_call_is_not_its_submission_period(assistant: Assistant) -> None:
    answer = assistant.ask("cand e prezentarea programului pentru ateliere mestesugaresti?")
    assert "28 aprilie 2038" not in answer.text, answer.text
