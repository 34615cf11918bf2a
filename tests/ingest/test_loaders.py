"""Tests for ingest.loaders: every format read into the Page convention, every bad file refused."""

from __future__ import annotations

import hashlib
import io
import random
import re
import shutil
import zipfile
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from assistant.errors import (
    CorruptDocumentError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    FileTooLargeError,
    UnsupportedFileError,
)
from ingest.loaders import SUPPORTED_SUFFIXES, load_document
from ingest.loaders.pdf_layout import layout_to_text

LEFT_COLUMN = [
    "Programul sprijină întreprinderile mici",
    "și mijlocii din regiunea Vest care",
    "dezvoltă produse noi împreună cu",
    "universitățile și institutele de",
    "cercetare din județul Timiș.",
]
RIGHT_COLUMN = [
    "Clusterele de inovare primesc o",
    "finanțare nerambursabilă pentru",
    "proiecte de transfer tehnologic,",
    "cu o cofinanțare proprie de cel",
    "puțin zece la sută din valoare.",
]


def flat(text: str) -> str:
    """The text as one line of single spaces, to check what follows what."""
    return " ".join(text.split())


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_pages_keep_their_numbers_and_diacritics(make_pdf: Callable[..., Path]) -> None:
    path = make_pdf(
        [
            [(20, 30, "Apel de proiecte: Clustere de inovare"),
             (20, 40, "Beneficiarii eligibili sunt întreprinderile din județul Timiș.")],
            [(20, 30, "Data limită de depunere: 30 iunie 2025, ora 16:00."),
             (20, 40, "ŞTIINŢĂ şi ţară, scrise cu sedilă.")],
        ],
        title="Ghidul solicitantului 2025",
    )  # fmt: skip

    doc = load_document(path)

    assert doc.kind == "pdf"
    assert doc.name == "apel.pdf"
    assert doc.title == "Ghidul solicitantului 2025"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [page.number for page in doc.pages] == [1, 2]
    assert "întreprinderile din județul Timiș." in doc.pages[0].text
    assert "30 iunie 2025" in doc.pages[1].text
    assert "30 iunie" not in doc.pages[0].text
    # Cedilla letters in the source come out with the comma below.
    assert "ȘTIINȚĂ și țară" in doc.pages[1].text
    assert not doc.notes


def test_pdf_title_falls_back_to_first_short_line(make_pdf: Callable[..., Path]) -> None:
    path = make_pdf([[(20, 30, "Apel Clustere 2025"), (20, 40, "Textul apelului urmează.")]])

    assert load_document(path).title == "Apel Clustere 2025"


def test_two_column_page_reads_left_column_before_right(
    make_pdf: Callable[..., Path], lines_at: Callable[..., list[tuple[float, float, str]]]
) -> None:
    title = "Ghid pentru clustere de inovare și parteneriate regionale 2025"
    placements: list[tuple[float, float, str]] = [(20, 20, title)]
    placements += lines_at(15, 40, LEFT_COLUMN) + lines_at(110, 40, RIGHT_COLUMN)
    placements += [(15, 90, "Alocare financiară:"), (160, 90, "4.000.000 euro")]
    path = make_pdf([placements])

    text = load_document(path).pages[0].text

    left, right = flat(" ".join(LEFT_COLUMN)), flat(" ".join(RIGHT_COLUMN))
    assert left in flat(text)
    assert right in flat(text)
    assert flat(text).index(left) < flat(text).index(right)
    assert text.splitlines()[0] == title
    # The label/value line under the columns stays whole.
    assert "Alocare financiară: 4.000.000 euro" in text.splitlines()


def test_label_far_left_and_value_far_right_stay_on_one_line(
    make_pdf: Callable[..., Path],
) -> None:
    path = make_pdf(
        [[(20, 30, "Informații generale despre apel"),
          (20, 45, "Alocare financiară:"), (170, 45, "4.000.000 euro"),
          (20, 52, "Termen limită:"), (170, 52, "30.06.2025"),
          (20, 59, "Rata de cofinanțare:"), (170, 59, "10%")]]
    )  # fmt: skip

    lines = load_document(path).pages[0].text.splitlines()

    assert "Alocare financiară: 4.000.000 euro" in lines
    assert "Termen limită: 30.06.2025" in lines
    assert "Rata de cofinanțare: 10%" in lines


def test_pdf_rows_of_three_cells_become_tab_separated(make_pdf: Callable[..., Path]) -> None:
    rows = [("Regiune", "Buget", "Proiecte"), ("Vest", "4.000.000", "12"), ("Nord-Est", "2.500", "7")]
    path = make_pdf([[(x, 30 + 7 * i, cell) for i, row in enumerate(rows)
                      for x, cell in zip((20, 90, 160), row, strict=True)]])  # fmt: skip

    lines = load_document(path).pages[0].text.splitlines()

    assert lines == ["Regiune\tBuget\tProiecte", "Vest\t4.000.000\t12", "Nord-Est\t2.500\t7"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("          Titlu\n          text  aici", "Titlu\ntext aici"),
        ("Eticheta:" + " " * 40 + "valoare", "Eticheta: valoare"),
        ("\n\n\n\nA\n\n\n\n\nB\n\n", "A\n\nB"),
        # A justified line stretched wide is prose, not a table row.
        (
            "apelului       este       creșterea       competitivității\nrând normal",
            "apelului este creșterea competitivității\nrând normal",
        ),
    ],
)
def test_layout_text_is_dedented_and_gaps_collapsed(raw: str, expected: str) -> None:
    assert layout_to_text(raw) == expected


def test_blank_line_of_one_column_does_not_cut_the_other_columns_sentence() -> None:
    gap = " " * 8
    raw = "\n".join([
        "Primul paragraf din stânga are" + gap + "Coloana dreaptă începe aici cu",
        "două rânduri complete de text." + gap + "o propoziție care continuă pe",
        "",
        "Al doilea paragraf din stânga" + gap + "rândul următor, fără pauză.",
        "începe după un spațiu liber." + gap + "Apoi urmează încă un rând aici.",
    ])  # fmt: skip

    text = layout_to_text(raw)

    assert "Coloana dreaptă începe aici cu\no propoziție care continuă pe\nrândul următor" in text
    assert "complete de text.\n\nAl doilea paragraf" in text
    assert text.index("începe după un spațiu liber.") < text.index("Coloana dreaptă")


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_keeps_order_headings_lists_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Ghidul solicitantului", level=1)
    document.add_paragraph("Apelul finanțează clusterele de inovare.")
    document.add_heading("Criterii de eligibilitate", level=2)
    document.add_paragraph("Solicitanții trebuie să fie:")
    document.add_paragraph("întreprinderi mici și mijlocii", style="List Bullet")
    document.add_paragraph("universități acreditate", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Indicator", "Valoare", "Unitate"), ("Buget", "4.000.000", "euro"),
                             ("Rată", "90", "%")]):  # fmt: skip
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = document.add_table(rows=2, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Contact"
    merged.cell(1, 0).text = "E-mail"
    merged.cell(1, 1).text = "apel@adr.ro"
    romanian_heading = document.styles.add_style("Titlu 2", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Calendarul apelului", style=romanian_heading)
    document.add_paragraph("Depunerea începe la 1 martie.\nSe încheie la 30 iunie.")
    path = tmp_path / "ghid.docx"
    document.save(str(path))

    doc = load_document(path)

    assert doc.kind == "docx"
    assert doc.title == "Ghidul solicitantului"
    assert [page.number for page in doc.pages] == [None]
    blocks = doc.pages[0].text.split("\n\n")
    assert blocks == [
        "# Ghidul solicitantului",
        "Apelul finanțează clusterele de inovare.",
        "## Criterii de eligibilitate",
        "Solicitanții trebuie să fie:",
        "- întreprinderi mici și mijlocii\n- universități acreditate",
        "Indicator\tValoare\tUnitate\nBuget\t4.000.000\teuro\nRată\t90\t%",
        "Contact\nE-mail\tapel@adr.ro",
        "## Calendarul apelului",
        "Depunerea începe la 1 martie.\nSe încheie la 30 iunie.",
    ]


def test_docx_title_comes_from_core_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Apel Clustere 2025"
    document.add_paragraph("Text fără titluri.")
    path = tmp_path / "apel.docx"
    document.save(str(path))

    assert load_document(path).title == "Apel Clustere 2025"


# --- text and markdown ---------------------------------------------------------------------

ROMANIAN_CEDILLA = "Şedinţa de informare: finanţarea întreprinderilor din ţară şi străinătate, în România."
ROMANIAN_COMMA = "Ședința de informare: finanțarea întreprinderilor din țară și străinătate, în România."


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_txt_in_legacy_romanian_encodings_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "anunt.txt"
    path.write_bytes(f"Anunț\r\n\r\n{ROMANIAN_CEDILLA}\r\n".replace("ț", "ţ").encode(encoding))

    doc = load_document(path)

    assert doc.kind == "txt"
    assert doc.pages[0].text == f"Anunț\n\n{ROMANIAN_COMMA}"
    assert doc.title == "Anunț"


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_short_legacy_text_still_reads_as_romanian(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "scurt.txt"
    path.write_bytes("Ştiţi? Şi ţara.".encode(encoding))

    assert load_document(path).pages[0].text == "Știți? Și țara."


def test_utf8_with_bom_and_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffPrima linie\x00\x07\r\nA doua\tcoloană\rA treia".encode())

    assert load_document(path).pages[0].text == "Prima linie\nA doua\tcoloană\nA treia"


def test_form_feeds_split_text_into_numbered_pages(tmp_path: Path) -> None:
    path = tmp_path / "pagini.txt"
    path.write_text("Pagina unu\fPagina doi\f\fPagina patru\f", encoding="utf-8")

    pages = load_document(path).pages

    assert [(p.number, p.text) for p in pages] == [
        (1, "Pagina unu"), (2, "Pagina doi"), (4, "Pagina patru")
    ]  # fmt: skip


def test_markdown_is_kept_as_is(tmp_path: Path) -> None:
    source = "Introducere scurtă\n\n# Apel clustere\n\n- punct unu\n- punct doi\n\n| a | b |"
    path = tmp_path / "apel.md"
    path.write_text(source, encoding="utf-8")

    doc = load_document(path)

    assert doc.kind == "md"
    assert doc.pages == [type(doc.pages[0])(number=None, text=source)]
    assert doc.title == "Apel clustere"


# --- HTML and e-mail -----------------------------------------------------------------------

HTML = """<!doctype html><html><head><meta charset="windows-1250"><title>Pagina apelului</title>
<style>p { color: red }</style><script>var x = "nu apare";</script></head>
<body><nav>Acasă</nav><h1>Apel clustere</h1><p>Finanţare pentru   întreprinderi<br>din ţară.</p>
<h2>Condiţii</h2><ul><li>IMM-uri</li><li>universităţi</li></ul>
<table><tr><th>Indicator</th><th>Valoare</th></tr>
<tr><td><p>Buget</p></td><td>4.000.000&nbsp;euro</td></tr></table>
<div>Contact: apel@adr.ro &amp; telefon</div></body></html>"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_becomes_headings_paragraphs_lists_and_rows(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"apel{suffix}"
    path.write_bytes(HTML.encode("cp1250"))

    doc = load_document(path)

    assert doc.kind == "html"
    assert doc.title == "Apel clustere"
    assert doc.pages[0].text.split("\n\n") == [
        "Acasă",
        "# Apel clustere",
        "Finanțare pentru întreprinderi\ndin țară.",
        "## Condiții",
        "- IMM-uri\n- universități",
        "Indicator\tValoare\nBuget\t4.000.000 euro",
        "Contact: apel@adr.ro & telefon",
    ]


def _write_eml(path: Path, *, plain: str | None, html: str | None) -> Path:
    msg = EmailMessage()
    msg["Subject"] = "Întrebare despre finanțare"
    msg["From"] = "firma@example.ro"
    msg["To"] = "consultare@adr.ro"
    if plain is not None:
        msg.set_content(plain)
    if html is not None:
        if plain is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    msg.add_attachment(b"%PDF-1.4 ATASAMENT", maintype="application", subtype="pdf",
                       filename="bilant.pdf")  # fmt: skip
    path.write_bytes(msg.as_bytes())
    return path


def test_eml_has_subject_heading_then_plain_body(tmp_path: Path) -> None:
    path = _write_eml(tmp_path / "mail.eml", plain="Bună ziua,\n\nSuntem eligibili?\n",
                      html="<p>Varianta HTML</p>")  # fmt: skip

    doc = load_document(path)

    assert doc.kind == "eml"
    assert doc.title == "Întrebare despre finanțare"
    assert doc.pages[0].text == "# Întrebare despre finanțare\n\nBună ziua,\n\nSuntem eligibili?"
    assert any("bilant.pdf" in note for note in doc.notes)


def test_eml_with_only_html_body_is_converted(tmp_path: Path) -> None:
    path = _write_eml(tmp_path / "mail.eml", plain=None,
                      html="<h2>Detalii</h2><p>Care este termenul?</p>")  # fmt: skip

    text = load_document(path).pages[0].text

    assert text == "# Întrebare despre finanțare\n\n## Detalii\n\nCare este termenul?"
    assert "ATASAMENT" not in text


# --- bad inputs ----------------------------------------------------------------------------


def _valid_pdf(make_pdf: Callable[..., Path]) -> bytes:
    return make_pdf([[(20, 30, "Conținut valid")]], name="valid.pdf").read_bytes()


def _encrypted_pdf(make_pdf: Callable[..., Path], user_password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_valid_pdf(make_pdf)))
    writer.encrypt(user_password=user_password, owner_password="proprietar", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _not_a_word_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("nota.txt", "nu este un document Word")
    return out.getvalue()


BAD_INPUTS: list[tuple[str, str, Callable[[Callable[..., Path]], bytes], type[DocumentError]]] = [
    ("random bytes as pdf", "rau.pdf", lambda _: random.Random(7).randbytes(4000),
     CorruptDocumentError),
    ("truncated pdf", "trunchiat.pdf", lambda mk: _valid_pdf(mk)[: len(_valid_pdf(mk)) // 2],
     CorruptDocumentError),
    ("empty pdf", "gol.pdf", lambda _: b"", EmptyDocumentError),
    ("empty txt", "gol.txt", lambda _: b"", EmptyDocumentError),
    ("whitespace-only md", "gol.md", lambda _: b" \r\n\t\n", EmptyDocumentError),
    ("docx that is not a zip", "fals.docx", lambda _: b"Acesta nu este un fisier Word.",
     CorruptDocumentError),
    ("zip that is not a docx", "arhiva.docx", lambda _: _not_a_word_zip(), CorruptDocumentError),
    ("encrypted pdf", "secret.pdf", lambda mk: _encrypted_pdf(mk, "parola"),
     EncryptedDocumentError),
    ("html without text", "gol.html", lambda _: b"<html><script>x()</script></html>",
     EmptyDocumentError),
    ("executable", "program.exe", lambda _: b"MZ\x90\x00", UnsupportedFileError),
    ("no suffix", "README", lambda _: b"text", UnsupportedFileError),
]  # fmt: skip


@pytest.mark.parametrize(
    ("file_name", "content", "error"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_raises_its_document_error(
    tmp_path: Path,
    make_pdf: Callable[..., Path],
    file_name: str,
    content: Callable[[Callable[..., Path]], bytes],
    error: type[DocumentError],
) -> None:
    path = tmp_path / file_name
    path.write_bytes(content(make_pdf))

    with pytest.raises(error) as caught:
        load_document(path)

    assert type(caught.value) is error
    assert file_name in str(caught.value)
    assert caught.value.ro() == f"{file_name}: {error.user_message}"  # the name once, no English detail


def test_file_over_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mare.txt"
    path.write_text("x" * 2000, encoding="utf-8")

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(FileTooLargeError, match="mare.txt"):
        load_document(path, max_bytes=1000)


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="lipsa.pdf"):
        load_document(tmp_path / "lipsa.pdf")


def test_pdf_encrypted_with_empty_user_password_is_read(
    tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    path = tmp_path / "restrictionat.pdf"
    path.write_bytes(_encrypted_pdf(make_pdf, ""))

    assert "Conținut valid" in load_document(path).pages[0].text


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "NOTA.TXT"
    path.write_text("Notă de informare", encoding="utf-8")

    assert load_document(path).kind == "txt"
    assert {".pdf", ".docx", ".txt", ".md", ".html", ".htm", ".eml"} == SUPPORTED_SUFFIXES


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)))
def test_arbitrary_bytes_load_or_raise_a_document_error(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = load_document(path, ocr=False)
    except DocumentError:
        return
    assert all(page.text.strip() for page in doc.pages)
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", "".join(p.text for p in doc.pages))


# --- scanned PDFs --------------------------------------------------------------------------

SCANNED_LINES = [
    "Apel de proiecte pentru clustere",
    "Bugetul total: 4.000.000 euro",
    "Termen limită: 30 iunie 2025",
    "Solicitanți eligibili: întreprinderi mici",
]


def test_scanned_pdf_without_ocr_tools_names_the_install_command(
    make_scanned_pdf: Callable[[list[str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda *_args, **_kwargs: None)

    with pytest.raises(EmptyDocumentError) as caught:
        load_document(make_scanned_pdf(SCANNED_LINES))

    assert "scanned" in str(caught.value)
    assert "apt-get install -y tesseract-ocr tesseract-ocr-ron poppler-utils" in str(caught.value)


def test_scanned_pdf_with_ocr_turned_off_is_empty(
    make_scanned_pdf: Callable[[list[str]], Path],
) -> None:
    with pytest.raises(EmptyDocumentError, match="OCR was turned off"):
        load_document(make_scanned_pdf(SCANNED_LINES), ocr=False)


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
    reason="OCR needs: apt-get install -y tesseract-ocr tesseract-ocr-ron poppler-utils",
)
def test_scanned_pdf_is_read_by_ocr(make_scanned_pdf: Callable[[list[str]], Path]) -> None:
    path = make_scanned_pdf(SCANNED_LINES)
    assert not PdfReader(path).pages[0].extract_text().strip()  # really no text layer

    doc = load_document(path)

    assert [page.number for page in doc.pages] == [1]
    text = doc.pages[0].text
    for expected in ("clustere", "4.000.000", "30 iunie 2025", "eligibili"):
        assert expected in text
    assert any("OCR" in note for note in doc.notes)
