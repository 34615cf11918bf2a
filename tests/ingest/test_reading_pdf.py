"""PDFs read as printed (issue 14): justified lines are prose, not tables; the title is the
metadata title or the largest type of page 1, never a running header or a link; line-end
hyphens and ligatures in the text layer. PDFs built with fpdf2; every value is invented."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from assistant.build import build_assistant, open_store
from assistant.reply import source_label
from assistant.settings import Settings
from assistant.ui.render import where
from ingest.chunking import ChunkingConfig, chunk_document
from ingest.loaders import load_document
from ingest.pipeline import ingest_paths

PROSE = ("Solicitanții eligibili sunt asociațiile de apicultori cu sediul în regiune care au cel puțin trei ani de "
         "activitate. Valoarea maximă a grantului este de 48.600 lei pentru fiecare stupină. Cheltuielile eligibile "
         "includ echipamente de extracție recipiente de inox costume de protecție și instruirea personalului. "
         "Cererile se depun online până la data de 14 aprilie 2031.")


def _pdf(font: Path) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", str(font))
    pdf.set_font("dejavu", size=11)
    pdf.add_page()
    return pdf


def _justified(pdf: FPDF, words: list[str], left: float, right: float, y: float) -> float:
    """Words placed one by one and spread to both margins, as a typesetter justifies a
    narrow column (every line but the last); returns the next line's y."""
    i = 0
    while i < len(words):
        line = [words[i]]
        i += 1
        while i < len(words) and sum(pdf.get_string_width(w) + 2 for w in [*line, words[i]]) < right - left:
            line.append(words[i])
            i += 1
        last = i >= len(words)
        gap = 2.0 if last else (right - left - sum(pdf.get_string_width(w) for w in line)) / max(1, len(line) - 1)
        x = left
        for w in line:
            pdf.text(x, y, w)
            x += pdf.get_string_width(w) + gap
        y += 6
    return y


def test_justified_lines_are_prose_not_table_rows(tmp_path: Path, font: Path) -> None:
    for width in (90.0, 100.0, 115.0):
        pdf = _pdf(font)
        _justified(pdf, PROSE.split(), 20, 20 + width, 30)
        path = tmp_path / f"justificat-{int(width)}.pdf"
        pdf.output(str(path))
        text = load_document(path).pages[0].text
        assert "\t" not in text, (width, text)
        assert " ".join(text.split()) == PROSE


def test_justified_pdf_answers_from_its_sentence(tmp_path: Path, font: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    pdf = _pdf(font)
    _justified(pdf, PROSE.split(), 20, 110, 30)
    pdf.output(str(docs / "apicultori.pdf"))
    settings = Settings(index=tmp_path / "index")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    answer = build_assistant(settings).ask("Care este valoarea maximă a grantului pentru o stupină?")
    assert not answer.abstained and "48.600 lei pentru fiecare stupină" in answer.text
    assert all("|" not in c.text for c in open_store(settings).chunks.values())


def test_pdf_title_is_the_largest_type_not_a_running_header_or_link(tmp_path: Path, font: Path) -> None:
    for metadata in (None, "Apel apicultură 2031"):
        pdf = _pdf(font)
        if metadata:
            pdf.set_title(metadata)
        pdf.set_font("dejavu", size=8)
        pdf.text(20, 12, "www.agentia-exemplu.ro/apeluri/2031/apicultura")
        pdf.set_font("dejavu", size=22)
        pdf.text(20, 40, "Ghidul apelului pentru apicultori")
        pdf.set_font("dejavu", size=11)
        pdf.text(20, 55, "Valoarea maximă a grantului este de 48.600 lei pentru fiecare stupină.")
        path = tmp_path / "ghid_final_v3.pdf"
        pdf.output(str(path))
        assert load_document(path).title == (metadata or "Ghidul apelului pentru apicultori")


def test_pdf_title_is_shown_in_the_index_not_the_file_name(tmp_path: Path, font: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    pdf = _pdf(font)
    pdf.set_font("dejavu", size=8)
    pdf.text(20, 12, "https://agentia-exemplu.ro/apel")
    pdf.set_font("dejavu", size=20)
    pdf.text(20, 40, "Apelul pentru stupine mobile")
    pdf.set_font("dejavu", size=11)
    pdf.text(20, 55, "Valoarea maximă a grantului pentru remorci de stupi este de 27.300 lei.")
    pdf.output(str(docs / "scan_0042.pdf"))
    settings = Settings(index=tmp_path / "index")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    store = open_store(settings)
    assert store.manifest is not None
    assert store.manifest.documents["scan_0042.pdf"].title == "Apelul pentru stupine mobile"
    assert {c.title for c in store.chunks.values()} == {"Apelul pentru stupine mobile"}
    answer = build_assistant(settings).ask("Care este valoarea maximă a grantului pentru remorci de stupi?")
    assert not answer.abstained and "27.300 lei" in answer.text
    shown = answer  # the service fills each citation's title
    assert shown.citations[0].title == "Apelul pentru stupine mobile"
    assert where(shown.citations[0]).startswith("<b>Apelul pentru stupine mobile</b> (scan_0042.pdf)")
    assert source_label(shown.citations[0]).startswith("Apelul pentru stupine mobile (scan_0042.pdf)")


def test_pdf_line_end_hyphens_and_ligatures(tmp_path: Path, font: Path) -> None:
    pdf = _pdf(font)
    lines = ["Asociațiile care s-", "au înscris primesc ﬁnanțare în regiunea Nord-", "Est pentru echipa-",
             "mente de extracție și ﬂacoane."]
    for i, line in enumerate(lines):
        pdf.text(20, 30 + 6 * i, line)
    path = tmp_path / "cratime.pdf"
    pdf.output(str(path))
    text = " ".join(c.text for c in chunk_document(load_document(path)))
    assert text == ("Asociațiile care s-au înscris primesc finanțare în regiunea Nord-Est pentru echipamente de "
                    "extracție și flacoane.")
