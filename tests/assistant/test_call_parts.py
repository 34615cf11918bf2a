"""Documents that hold several calls, written and indexed here: a brochure presenting two calls
(a comparison table with a column per call, then a section per call), as Markdown and as a real
PDF; a newsletter e-mail naming two calls; a one-call FAQ. A question naming one call is
answered from that call's sections, column and documents only, and says so when that call does
not state what is asked. Every name, code and value below is made up."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from docs_factory import DEJAVU, index_texts

from assistant.answer.call_parts import call_parts, named_in, own_sheet
from assistant.build import build_assistant
from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.service import Assistant
from assistant.types import Chunk

ROWS = [("Element", "Apelul 1 – Ateliere Meșteșugărești", "Apelul 2 – Sere Geotermale"),
        ("Cod apel", "PRVT/2033/3.2/1", "PRVT/2034/4.1/2"),
        ("Alocare", "7.300.000 euro", "11.900.000 euro"),
        ("Rata de finanțare", "66%", "45%"),
        ("Termen de depunere", "14.04.2033, ora 12:00", "22.10.2034, ora 15:00")]
SECTIONS = ["Apelul 1 – Ateliere Meșteșugărești (PRVT/2033/3.2/1)",
            "Cine poate aplica. Atelierele meșteșugărești înregistrate de cel puțin doi ani.",
            "Durata de implementare. Proiectele se implementează în maximum 20 de luni de la semnarea contractului.",
            "Selecție. Pragul minim de calitate este de 45 de puncte.",
            "Apelul 2 – Sere Geotermale (PRVT/2034/4.1/2)",
            "Cine poate aplica. Fermele care exploatează o sursă geotermală autorizată.",
            "Ce se finanțează. Forajele, pompele de căldură geotermale și structurile serelor."]
TITLE = "Broșura apelurilor Programului Regional Valea Test 2031-2037"
BROCHURE = "\n\n".join([
    f"# {TITLE}", "Prezenta broșură rezumă cele două apeluri de proiecte lansate de agenție.",
    "## Pe scurt: cele două apeluri",
    "\n".join([f"| {' | '.join(ROWS[0])} |", "|---|---|---|", *(f"| {' | '.join(r)} |" for r in ROWS[1:])]),
    *(f"## {p}" if p.startswith("Apelul") else p for p in SECTIONS)]) + "\n"
FAQ = ("Clarificări pentru apelul PRVT/2034/4.1/2 Sere Geotermale\n\n1. Se acordă avans în cadrul apelului?\n"
       "Da. Beneficiarii pot solicita un avans de până la 35% din valoarea finanțării nerambursabile.\n\n"
       "2. Sunt eligibile serele din sticlă?\nDa, serele din sticlă sau din policarbonat sunt eligibile.\n")
NEWSLETTER = """Buletin informativ – nr. 4, martie 2033

1. Apelul Ateliere Meșteșugărești se închide pe 14 aprilie 2033
Vă reamintim că depunerea cererilor la apelul PRVT/2033/3.2/1 „Ateliere Meșteșugărești” se încheie
pe 14 aprilie 2033, ora 12:00.

2. Un nou apel: Turism Balnear Rural
Agenția pregătește apelul PRVT/2034/5.3/1 „Turism Balnear Rural”. Cifre-cheie:
- alocare: 4.200.000 euro;
- intensitate: 58% din cheltuielile eligibile;
- durata maximă de implementare: 16 luni;
- depunere: 3 mai 2034 – 9 iulie 2034.
"""


def _write_eml(path: Path) -> None:
    msg = EmailMessage()
    msg["Subject"] = "Buletin nr. 4: Ateliere Meșteșugărești se închide; noul apel Turism Balnear Rural"
    msg["From"], msg["To"] = "comunicare@agentie-test.ro", "abonati@agentie-test.ro"
    msg.set_content(NEWSLETTER)
    path.write_bytes(bytes(msg))


def _write_pdf(path: Path) -> None:
    """The brochure as a real PDF: its comparison table drawn as a table, then its sections."""
    from fpdf import FPDF

    if not DEJAVU.exists():
        pytest.skip(f"DejaVu font missing at {DEJAVU}")
    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", str(DEJAVU))
    pdf.set_font("dejavu", size=11)
    pdf.add_page()
    for para in (TITLE, "Pe scurt: cele două apeluri"):
        pdf.multi_cell(0, 7, para)
        pdf.ln(4)
    with pdf.table(first_row_as_headings=False) as table:
        for cells in ROWS:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(6)
    for para in SECTIONS:
        pdf.multi_cell(0, 7, para)
        pdf.ln(6)
    pdf.output(str(path))


def _assistant(root: Path, brochure: str) -> Assistant:
    docs = root / "docs"
    docs.mkdir()
    if brochure == "pdf":
        _write_pdf(docs / "brosura-apeluri.pdf")
    _write_eml(docs / "buletin-nr4.eml")
    texts = {"clarificari-sere.txt": FAQ} | ({"brosura-apeluri.md": BROCHURE} if brochure == "md" else {})
    return build_assistant(index_texts(docs, root / "index", texts))


@pytest.fixture(scope="module", params=["md", "pdf"])
def assistant(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _assistant(tmp_path_factory.mktemp(f"calls-{request.param}"), request.param)


def _answer(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    return " ".join(answer.text.split())


@pytest.mark.parametrize(("question", "right", "wrong"), [
    ("Ce rată de finanțare are apelul Sere Geotermale?", "45%", "66%"),
    ("Ce rată de finanțare are apelul Ateliere Meșteșugărești?", "66%", "45%"),
    ("Până când se depun cererile la Sere Geotermale?", "22.10.2034", "14.04.2033"),
    ("Care este alocarea apelului Sere Geotermale?", "11.900.000", "7.300.000"),
])
def test_a_table_row_answers_with_the_named_calls_column(assistant: Assistant, question: str, right: str,
                                                         wrong: str) -> None:
    text = _answer(assistant, question)
    assert right in text and wrong not in text


def test_a_value_of_the_sibling_calls_section_is_not_the_named_calls(assistant: Assistant) -> None:
    text = _answer(assistant, "Care este durata de implementare la Sere Geotermale?")
    assert "20 de luni" not in text
    assert text.startswith("Documentele apelului „Sere Geotermale” nu precizează")


def test_the_named_calls_own_section_answers(assistant: Assistant) -> None:
    assert "20 de luni" in _answer(assistant, "Care este durata de implementare la Ateliere Meșteșugărești?")


def test_a_sibling_calls_faq_does_not_answer_for_the_named_call(assistant: Assistant) -> None:
    text = _answer(assistant, "Se acordă avans la apelul Ateliere Meșteșugărești? În ce procent?")
    assert "35%" not in text
    assert text.startswith("Documentele apelului „Ateliere Meșteșugărești” nu precizează")
    assert "35%" in _answer(assistant, "Se acordă avans la apelul Sere Geotermale? În ce procent?")


def test_a_newsletter_gives_each_call_its_own_figures(assistant: Assistant) -> None:
    text = _answer(assistant, "Ce intensitate are apelul Turism Balnear Rural?")
    assert "58%" in text and "66%" not in text
    assert "16 luni" in _answer(assistant, "Care este durata de implementare la Turism Balnear Rural?")
    refusal = _answer(assistant, "Care e punctajul minim la Turism Balnear Rural?")
    assert refusal.startswith("Documentele apelului „Turism Balnear Rural” nu precizează") and "45" not in refusal


def test_an_email_naming_the_call_in_its_context_is_answered_from_that_call(assistant: Assistant) -> None:
    text = _answer(assistant, "Bună ziua,\nAm citit în buletin despre apelul Turism Balnear Rural.\n"
                              "Ce intensitate a finanțării avem și cât durează implementarea?\nMulțumesc")
    assert "58%" in text and "16 luni" in text and "66%" not in text


def _chunk(ordinal: int, text: str, section: str = "") -> Chunk:
    return Chunk(id=f"c{ordinal}", document="brosura.pdf", title="Broșura", page=1, section=section or None,
                 text=text, window="", ordinal=ordinal)


def test_call_parts_split_a_document_at_its_calls_headings_and_columns() -> None:
    chunks = [_chunk(0, "Broșura celor două apeluri\nCod apel\tABCD/2040/1.1/1\tABCD/2040/2.2/2\n"
                        "Alocare\t3.100.000 euro\t8.700.000 euro"),
              _chunk(1, "Termen\t01.02.2041\t05.06.2042 Apelul 1 – Poduri Mici (ABCD/2040/1.1/1) Durata: 9 luni."),
              _chunk(2, "Selecție. Prag de 31 de puncte. Apelul 2 – Cuptoare Solare (ABCD/2040/2.2/2)\n"
                        "Durata: 14 luni.")]
    parts = call_parts(chunks, {})
    first, second = parts["ABCD/2040/1.1/1"], parts["ABCD/2040/2.2/2"]
    assert first.names == ["Poduri Mici"] and second.names == ["Cuptoare Solare"]
    views = [second.view(c) for c in chunks]
    assert views[0] is not None and "8.700.000" in views[0].text and "3.100.000" not in views[0].text
    assert views[1] is not None and "05.06.2042" in views[1].text and "9 luni" not in views[1].text
    assert views[2] is not None and "14 luni" in views[2].text and "31 de puncte" not in views[2].text
    own = first.view(chunks[2])
    assert own is not None and "31 de puncte" in own.text and "14 luni" not in own.text
    assert named_in("cât e alocarea la cuptoare solare?", parts.values()) == [second]
    assert named_in("ce se finanțează?", parts.values()) == []


def test_a_document_naming_calls_without_a_part_of_any_is_no_calls() -> None:
    """A report that mentions two calls in passing holds no part of either."""
    chunks = [_chunk(0, "Raport de activitate. Membrii au participat la apelul ABCD/2040/1.1/1 și la "
                        "apelul ABCD/2040/2.2/2 cu câte un proiect.")]
    parts = call_parts(chunks, {})
    assert all(p.view(chunks[0]) is None for p in parts.values())


def test_a_sheet_of_several_calls_keeps_the_values_of_the_call_it_names() -> None:
    """A newsletter read as call A keeps A's rate and drops the rate of call B's part."""
    chunks = [_chunk(0, "1. Apelul Poduri Mici (ABCD/2040/1.1/1) se închide curând. Rata de finanțare este de 62%."),
              _chunk(1, "2. Un nou apel: Cuptoare Solare (ABCD/2040/2.2/2)\nRata de finanțare este de 38%.")]
    parts = call_parts(chunks, {})

    def fact(name: str, value: str, chunk: Chunk) -> Fact:
        return Fact(field=name, value=value, document=chunk.document, chunk_id=chunk.id, text=value)

    sheet = CallSheet(document="brosura.pdf", title="Buletin", fields={
        "call_code": [fact("call_code", "ABCD/2040/1.1/1", chunks[0]), fact("call_code", "ABCD/2040/2.2/2", chunks[1])],
        "funding_rate": [fact("funding_rate", "62%", chunks[0]), fact("funding_rate", "38%", chunks[1])]})
    own = own_sheet(sheet, parts, {c.id: c for c in chunks})
    assert own is sheet  # two codes: the sheet names no one call
    sheet.fields["call_code"].pop()
    own = own_sheet(sheet, parts, {c.id: c for c in chunks})
    assert [f.value for f in own.fields["funding_rate"]] == ["62%"]
