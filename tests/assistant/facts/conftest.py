"""Documents the facts tests write themselves (a call PDF, a call DOCX, a brochure dump, a report),
ingested into a real index in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docs_factory import label_table_docx

from assistant.build import build_assistant, open_store
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PDF_PAGES = [
    ["Apelul de proiecte „Ateliere digitale în zona montană”", "Cod apel: PR/2027/3.2/01",
     "Programul Regional Centru 2021-2027", "Alocare financiară: 7.315.000 lei",
     "Valoarea minimă a proiectului: 120.000 lei", "Valoarea maximă a proiectului: 2.400.000 lei"],
    ["Rata de cofinanțare",
     "Intensitatea ajutorului este de 90% pentru microîntreprinderi, în cadrul schemei de ajutor de minimis.",
     "Pentru întreprinderile mici și mijlocii, în regim de ajutor de stat regional, intensitatea este de 70%."],
    ["Termen de depunere: 14 mai 2027, ora 16:00", "Perioada de depunere: 3 martie 2027 - 14 mai 2027",
     "Durata proiectului: maximum 18 luni",
     "Solicitanți eligibili: microîntreprinderi și întreprinderi mici, active de cel puțin 2 ani.",
     "Județe eligibile: Harghita, Covasna, Brașov",
     "Cheltuieli eligibile: echipamente TIC, licențe software, servicii de consultanță.",
     "Cheltuieli neeligibile: TVA recuperabilă, achiziția de terenuri.",
     "Contact: apel.montan@adr-exemplu.ro, telefon 0266 312 456"],
]

DOCX_ROWS = [("Buget total", "4.125.000 euro"), ("Rata de cofinanțare", "85%"),
             ("Data limită", "30.09.2026, ora 12:00"),
             ("Beneficiari eligibili", "organizații neguvernamentale și autorități publice locale")]

BROCHURE = """Programul Regional Delta 2021-2027

Ateliere verzi

3,2 milioane euro

ALOCAREA FINANCIARĂ

Min. 50.000 euro
Max. 400.000 euro

VALOAREA PROIECTULUI

Asociația care administrează parcul tehnologic (operatorul parcului).

BENEFICIARI ELIGIBILI

Scrieți-ne la ateliere@delta-exemplu.ro.
"""

REGIONS = ["Nord-Est", "Vest", "Nord-Est", "Centru", "Nord-Est", "Sud-Est"]
DOMAINS = ["Sănătate", "Energie", "Sănătate și biotehnologii", "Agroalimentar", "TIC", "Sănătate"]
MEMBERS = [41, 17, 88, 23, 9, 35]


def report_text() -> str:
    parts = ["Raport privind rețeaua de poli de competitivitate\n"]
    header = "Titlu\tCoordonator\tNr. parteneri\tRegiunea\tDomeniu"
    for i, (region, domain, members) in enumerate(zip(REGIONS, DOMAINS, MEMBERS, strict=True), start=1):
        parts.append(f"Pol {i} / acronim POL-{chr(64 + i)}{i}\n\n{header}\n"
                     f"Pol de inovare numărul {i} pentru dezvoltare regională\tAsociația Pol {i}\t{members}\t"
                     f"{region}\t{domain}\n\nObiectivul polului: dezvoltarea colaborării dintre membri.\n")
    return "\n".join(parts)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not FONT.exists():
        pytest.skip(f"DejaVu font missing at {FONT}")
    from fpdf import FPDF

    folder = tmp_path_factory.mktemp("docs")
    pdf = FPDF()
    pdf.add_font("dv", "", str(FONT))
    pdf.set_font("dv", size=11)
    for lines in PDF_PAGES:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 8, line)
            pdf.ln(2)
    pdf.output(str(folder / "apel-montan.pdf"))
    doc = label_table_docx("Apel: Vouchere verzi pentru ateliere", DOCX_ROWS)
    doc.add_paragraph("Proiectele se depun online.")
    doc.save(str(folder / "vouchere.docx"))
    (folder / "brosura-delta.txt").write_text(BROCHURE, encoding="utf-8")
    (folder / "raport-poli.txt").write_text(report_text(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def settings(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    s = Settings(index=tmp_path_factory.mktemp("index"))
    ingest_paths(open_store(s), [docs], ChunkingConfig())
    return s


def _sheet_getter(settings: Settings) -> Callable[[str], object]:
    """The sheet of an indexed document, found by a name it is known by (fails when none)."""
    from assistant.facts import find_sheet, load_sheets

    sheets = load_sheets(open_store(settings))

    def get(name: str) -> object:
        found = find_sheet(sheets, name)
        assert found is not None, name
        return found

    return get


@pytest.fixture(scope="module")
def sheet_of(settings: Settings) -> Callable[[str], object]:
    return _sheet_getter(settings)


@pytest.fixture(scope="module")
def assistant(settings: Settings) -> object:
    return build_assistant(settings)


@pytest.fixture(scope="package")
def kinds_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The calls of call_kinds.py, ingested once for the package."""
    from tests.assistant.facts.call_kinds import write_all

    if not FONT.exists():
        pytest.skip(f"DejaVu font missing at {FONT}")
    folder = write_all(tmp_path_factory.mktemp("kinds"))
    s = Settings(index=tmp_path_factory.mktemp("kinds-index"))
    ingest_paths(open_store(s), [folder], ChunkingConfig())
    return s


@pytest.fixture(scope="package")
def sheet(kinds_index: Settings) -> Callable[[str], object]:
    """The sheet of one of the call_kinds.py documents, by name."""
    return _sheet_getter(kinds_index)
