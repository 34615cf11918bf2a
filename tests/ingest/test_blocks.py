"""Page text to blocks: PDF-dump lines rejoined, capitals labels as headings, tables kept row-wise."""

from __future__ import annotations

from ingest.blocks import page_blocks


def test_double_spaced_dump_lines_are_one_sentence() -> None:
    text = ("Solicitanții eligibili sunt întreprinderile mici\n\nși mijlocii din regiunea Nord-Vest, "
            "înființate\n\nînainte de anul 2023.")
    blocks = page_blocks(text)
    paras = [b for b in blocks if b.kind == "para"]
    assert len(paras) == 1
    assert paras[0].text == ("Solicitanții eligibili sunt întreprinderile mici și mijlocii din regiunea Nord-Vest, "
                             "înființate înainte de anul 2023.")


def test_wrapped_lines_of_one_paragraph_are_joined() -> None:
    blocks = page_blocks("Bugetul apelului este de\n3 milioane euro, împărțit pe\nregiuni de dezvoltare.")
    assert [b.text for b in blocks] == ["Bugetul apelului este de 3 milioane euro, împărțit pe regiuni de dezvoltare."]


def test_separate_sentences_stay_separate_paragraphs() -> None:
    blocks = page_blocks("Apelul se adresează clusterelor.\n\nDepunerea se face online.")
    assert [b.text for b in blocks if b.kind == "para"] == ["Apelul se adresează clusterelor.",
                                                            "Depunerea se face online."]


def test_capitals_label_becomes_a_heading() -> None:
    blocks = page_blocks("CRITERII DE ELIGIBILITATE\n\nFirma trebuie să aibă sediul în regiune.")
    assert blocks[0].kind == "heading"
    assert blocks[0].text == "CRITERII DE ELIGIBILITATE"
    assert blocks[1].kind == "para"


def test_markdown_heading_keeps_its_level() -> None:
    blocks = page_blocks("# Ghidul solicitantului\n\n## Buget\n\nBugetul este de 1 milion euro.")
    assert [(b.kind, b.level) for b in blocks[:2]] == [("heading", 1), ("heading", 2)]
    assert blocks[1].text == "Buget"


def test_tab_table_rows_carry_header_names() -> None:
    text = "Regiune\tBuget (euro)\tProiecte\nNord-Vest\t1.500.000\t15\nCentru\t1.100.000\t11"
    tables = [b for b in page_blocks(text) if b.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].text.split("\n")
    assert rows == ["Regiune: Nord-Vest | Buget (euro): 1.500.000 | Proiecte: 15",
                    "Regiune: Centru | Buget (euro): 1.100.000 | Proiecte: 11"]


def test_list_items_are_their_own_blocks() -> None:
    blocks = page_blocks("Activități eligibile:\n- audituri energetice\n- instruirea personalului")
    items = [b.text for b in blocks if b.kind == "item"]
    assert items == ["- audituri energetice", "- instruirea personalului"]


def test_label_with_colon_before_a_list_becomes_a_heading() -> None:
    blocks = page_blocks("Activități eligibile:\n\n- audituri energetice\n- instruirea personalului")
    assert blocks[0].kind == "heading"

