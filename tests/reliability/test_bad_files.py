"""Bad files through the whole `python -m ingest`: named with a reason, skipped, nothing lost."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reliability_helpers import (
    FONT,
    answers_from,
    ask_json,
    budget_of,
    budget_question,
    cli_env,
    run_cli,
    write_corpus,
)

pytestmark = pytest.mark.slow  # a corpus of damaged files through the CLI: the full suite runs them

MAX_BYTES = 200_000
CP1250_TEXT = ("Sprijin pentru întreprinderile din județul Timiș\n\n"
               "Întreprinderile mici și mijlocii din județul Timiș pot primi o finanțare nerambursabilă "
               "pentru dotări tehnologice și servicii de inovare.\n")
ISO_TEXT = ("Parteneriate în regiunea Brașov\n\n"
            "Asociațiile de tip cluster din Brașov își pot extinde rețeaua de parteneri prin "
            "schimburi de experiență și misiuni economice în străinătate.\n")
PDF_LINES = ["Apel pentru digitalizarea fermelor", "",
             "Fermierii pot solicita sprijin pentru senzori de irigație.",
             "Valoarea maximă a proiectului de irigație este de 300 mii lei."]


def _cedilla(text: str) -> str:
    """Legacy code pages only have the cedilla forms of ș and ț."""
    return text.translate(str.maketrans("șțȘȚ", "şţŞŢ"))


def _encrypted(pdf: Path) -> bytes:
    writer = PdfWriter(clone_from=pdf)
    writer.encrypt(user_password="parola", owner_password="proprietar", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD = {
    "stricat.pdf": "readable",
    "gol.txt": "empty",
    "fals.docx": "readable .docx",
    "secret.pdf": "encrypted",
    "urias.txt": "over the limit",
    "tabel.xlsx": "unsupported|not one of",
}


@pytest.fixture
def batch(tmp_path: Path, make_pdf: Callable[[Path, Sequence[str]], Path]) -> Path:
    """A folder of good and bad files, as users drop them."""
    folder = tmp_path / "lot"
    folder.mkdir()
    (folder / "bun.txt").write_text("Ghidul apelului pentru clustere\n\nClusterele pot depune proiecte "
                                    "de internaționalizare până la data de 30.06.2025.\n", encoding="utf-8")
    make_pdf(folder / "bun.pdf", PDF_LINES)
    (folder / "timis-cp1250.txt").write_bytes(_cedilla(CP1250_TEXT).encode("cp1250"))
    (folder / "brasov-latin2.txt").write_bytes(_cedilla(ISO_TEXT).encode("iso-8859-2"))
    (folder / "stricat.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n" + os.urandom(3000))
    (folder / "gol.txt").write_bytes(b"")
    (folder / "fals.docx").write_bytes(b"Acesta nu este un document Word, doar text.")
    (folder / "secret.pdf").write_bytes(_encrypted(make_pdf(folder.parent / "de-criptat.pdf", PDF_LINES)))
    (folder / "urias.txt").write_text("Proiect de inovare.\n" * (MAX_BYTES // 10), encoding="utf-8")
    (tmp_path / "tabel.xlsx").write_bytes(b"PK\x03\x04 nu chiar un tabel")
    return folder


def test_bad_files_are_named_skipped_and_the_rest_is_indexed(tmp_path: Path, batch: Path) -> None:
    index = tmp_path / "index"
    write_corpus(tmp_path / "earlier", [1, 2])
    first = run_cli("ingest", tmp_path / "earlier", "--index", index)
    assert first.returncode == 0, first.stderr

    done = run_cli("ingest", batch, tmp_path / "tabel.xlsx", "--index", index,
                   env=cli_env(ASSISTANT_MAX_FILE_BYTES=str(MAX_BYTES)))

    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    failed = dict(re.findall(r"^failed: (\S+): (.+)$", done.stderr, flags=re.MULTILINE))
    assert set(failed) == set(BAD), done.stderr
    for name, reason in BAD.items():
        assert re.search(reason, failed[name]), (name, failed[name])
    assert "4 added" in done.stdout

    assert answers_from(ask_json(index, "proiecte de internationalizare ale clusterelor"),
                        "bun.txt")
    pdf = ask_json(index, "care este valoarea maxima a proiectului de irigatie")
    assert answers_from(pdf, "bun.pdf") and "300" in pdf["answer"]
    for k in (1, 2):  # the earlier index survives a batch with bad files
        answer = ask_json(index, budget_question(k))
        assert answers_from(answer, f"apel-{k:03d}.txt") and budget_of(k) in answer["answer"]


@pytest.mark.parametrize(("name", "question", "expected"), [
    ("timis-cp1250.txt", "ce finantare pot primi intreprinderile mici din judetul timis",
     "Întreprinderile mici și mijlocii din județul Timiș"),
    ("brasov-latin2.txt", "cum isi extind asociatiile de tip cluster din brasov reteaua de parteneri",
     "Asociațiile de tip cluster din Brașov își pot extinde rețeaua"),
])
def test_legacy_encodings_are_indexed_with_their_diacritics(tmp_path: Path, batch: Path, name: str,
                                                             question: str, expected: str) -> None:
    index = tmp_path / "index"
    done = run_cli("ingest", batch / name, "--index", index)
    assert done.returncode == 0, done.stderr

    answer = ask_json(index, question)

    assert answers_from(answer, name)
    assert expected in answer["citations"][0]["text"]


def _scanned_call(path: Path) -> Path:
    """A call page drawn into an image and saved as an image-only PDF (as a scanner would)."""
    from PIL import Image, ImageDraw, ImageFont

    dpi = 150
    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(FONT), 34)
    lines = ["APEL DE PROIECTE PENTRU APICULTORI", "",
             "Apicultorii din judetul Vrancea pot primi",
             "un sprijin de maximum 45000 lei pentru stupi", "noi si echipamente de extractie a mierii."]
    for i, line in enumerate(lines):
        draw.text((110, 160 + i * 64), line, fill=0, font=face)
    image.save(path, "PDF", resolution=float(dpi))
    return path


@pytest.mark.slow
def test_scanned_pdf_is_ocred_and_answers(tmp_path: Path, font: Path) -> None:
    if shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        pytest.skip("OCR tools missing: apt-get install -y tesseract-ocr tesseract-ocr-ron poppler-utils")
    scan = _scanned_call(tmp_path / "scanat.pdf")
    index = tmp_path / "index"

    done = run_cli("ingest", scan, "--index", index, timeout=600)

    assert done.returncode == 0, done.stderr
    answer = ask_json(index, "ce sprijin pot primi apicultorii din vrancea pentru stupi")
    assert answers_from(answer, "scanat.pdf")
    assert "45000" in answer["answer"].replace(".", "").replace(" ", "")


def test_scanned_pdf_without_tesseract_names_the_install_command(tmp_path: Path, font: Path) -> None:
    scan = _scanned_call(tmp_path / "scanat.pdf")
    bin_dir = tmp_path / "bin"  # PATH with python's folder only: no tesseract, no pdftoppm
    bin_dir.mkdir()

    done = run_cli("ingest", scan, "--index", tmp_path / "index", env=cli_env(PATH=str(bin_dir)))

    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert re.search(r"^failed: scanat\.pdf: .*OCR.*apt-get install -y tesseract-ocr tesseract-ocr-ron",
                     done.stderr, flags=re.MULTILINE), done.stderr
