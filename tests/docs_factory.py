"""The invented Romanian call documents the tests write (txt, md, PDF, DOCX) and their writers.

Every value is made up; tests ask about these values and never about the bundled corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.settings import Settings
from ingest.pipeline import IngestReport

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Every value below is invented; the tests ask about these and nothing else.
DIGITAL_TXT = """APELUL INOVARE DIGITALĂ ÎN IMM-URI 2025

Agenția de Dezvoltare Regională Nord-Vest lansează apelul de proiecte Inovare Digitală în IMM-uri, \
destinat firmelor care introduc tehnologii digitale în producție.

BUGETUL APELULUI

Bugetul total alocat apelului este de 2.650.000 euro, din care o parte este rezervată microîntreprinderilor.

Valoarea maximă eligibilă a unui proiect este de 315.000 euro, iar valoarea minimă este de 50.000 euro.

RATE DE COFINANȚARE

Pentru proiectele finanțate ca ajutor de stat, contribuția maximă a programului este de 70% din cheltuielile eligibile.

Pentru proiectele finanțate ca ajutor de minimis, contribuția maximă a programului este de 85% din cheltuielile \
eligibile.

CALENDARUL APELULUI

Cererile de finanțare se depun online începând cu 15 septembrie 2025.

Data limită de depunere a cererilor de finanțare este 14 noiembrie 2025, ora 16:00.

SOLICITANȚI ELIGIBILI

Pot depune cereri întreprinderile mici și mijlocii cu sediul în județele Cluj, Bihor și Sălaj, care au cel puțin \
un an de activitate.

REPARTIZAREA BUGETULUI PE JUDEȚE

Județ\tBuget alocat (euro)\tProiecte estimate
Cluj\t1.200.000\t12
Bihor\t900.000\t9
Sălaj\t700.000\t7

CONTACT

Întrebările privind apelul se trimit la adresa inovare.digitala@adr-exemplu.ro sau la telefon 0264 555 123.
"""

CIRCULAR_MD = """# Apelul Economie Circulară pentru clustere

## Obiectiv

Apelul Economie Circulară sprijină clusterele care organizează colectarea selectivă și reciclarea \
deșeurilor industriale între membrii lor.

## Alocare

Alocarea financiară a apelului Economie Circulară este de 4 milioane euro, iar un proiect poate primi \
cel mult 400.000 euro.

## Activități finanțate

- audituri de mediu pentru firmele membre ale clusterului
- echipamente de sortare și reciclare a deșeurilor
- instruirea personalului în gestionarea deșeurilor
"""

PDF_PAGES = [
    ["GHIDUL CLUSTERULUI AGRONORD SOMEȘ",
     "Clusterul AgroNord Someș a fost înființat la 12 martie 2031 de 32 de membri: producători de lapte, "
     "două universități și trei primării din bazinul Someșului."],
    ["REZULTATE 2023",
     "În anul 2023 clusterul AgroNord Someș a realizat 24 de audituri energetice la fermele membre și a "
     "organizat 6 sesiuni de instruire.",
     "Cotizația anuală a unui membru al clusterului este de 1.200 lei."],
]

DOCX_TITLE = "Raport anual Clusterul Textil Banat"
DOCX_PROJECT = ("Proiectul TexVerde, coordonat de clusterul textil, are o valoare totală de 1,5 milioane lei "
                "și o durată de 24 de luni.")
DOCX_TABLE = [("Membru", "Județ", "Angajați"), ("Filatura Lugoj", "Timiș", "140"),
              ("Confecții Reșița", "Caraș-Severin", "85")]
DOCX_CONTACT = "Coordonatoarea Clusterului Textil Banat este doamna Elena Dobrescu."

CORPUS_FILES = ("apel-inovare-digitala.txt", "apel-economie-circulara.md", "ghid-cluster-agronord.pdf",
                "raport-cluster-textil.docx")


def write_pdf(path: Path, pages: list[list[str]], title: str | None = None) -> Path:
    """A text PDF, one list of paragraphs per page, in DejaVu Sans (Romanian diacritics)."""
    from fpdf import FPDF

    if not DEJAVU.exists():
        pytest.skip(f"DejaVu font missing at {DEJAVU} (apt-get install -y fonts-dejavu-core)")
    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", str(DEJAVU))
    pdf.set_font("dejavu", size=11)
    if title:
        pdf.set_title(title)
    for paragraphs in pages:
        pdf.add_page()
        for para in paragraphs:
            pdf.multi_cell(0, 7, para)
            pdf.ln(6)
    pdf.output(str(path))
    return path


def label_table_docx(heading: str, rows: list[tuple[str, str]]) -> Any:
    """A Word call opening with its heading and a two-column table of labels and values (the
    shape agencies give a call's summary); the caller adds the rest and saves it."""
    import docx

    doc = docx.Document()
    doc.add_heading(heading, 1)
    table = doc.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    return doc


def write_docx(path: Path) -> Path:
    """A Word report with a title heading, a sub-heading, a paragraph, a table and a contact."""
    import docx

    d = docx.Document()
    d.add_heading(DOCX_TITLE, level=1)
    d.add_heading("Proiecte în derulare", level=2)
    d.add_paragraph(DOCX_PROJECT)
    d.add_heading("Membri", level=2)
    table = d.add_table(rows=len(DOCX_TABLE), cols=3)
    for r, row in enumerate(DOCX_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_heading("Contact", level=2)
    d.add_paragraph(DOCX_CONTACT)
    d.save(str(path))
    return path


def build_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CORPUS_FILES[0]).write_text(DIGITAL_TXT, encoding="utf-8")
    (folder / CORPUS_FILES[1]).write_text(CIRCULAR_MD, encoding="utf-8")
    write_pdf(folder / CORPUS_FILES[2], PDF_PAGES)
    write_docx(folder / CORPUS_FILES[3])
    return [folder / name for name in CORPUS_FILES]


def ingest_folder(settings: Settings, folder: Path) -> IngestReport:
    """Ingest a folder into the index the settings name, as `python -m ingest` does."""
    from assistant.build import ingest_files

    return ingest_files(settings, [folder])


def index_texts(folder: Path, index: Path, texts: dict[str, str]) -> Settings:
    """Write each text as a file of `folder` (name -> text) and ingest the folder into `index`."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(index=index)
    ingest_folder(settings, folder)
    return settings


def assistant_over(root: Path, texts: dict[str, str]) -> Any:
    """The assistant, built by the real wiring function, over `texts` (name -> text) written to
    root/docs and ingested into root/index."""
    from assistant.build import build_assistant

    (root / "docs").mkdir()
    return build_assistant(index_texts(root / "docs", root / "index", texts))
