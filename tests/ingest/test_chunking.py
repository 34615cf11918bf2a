"""Chunks: small, placed (title, section, page), content-derived ids, nothing lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docs_factory import DIGITAL_TXT, PDF_PAGES, write_docx, write_pdf

from assistant.text import fold
from assistant.types import LoadedDocument, Page
from ingest.chunking import ChunkingConfig, chunk_document
from ingest.loaders import load_document


def _doc(text: str, name: str = "apel.txt", title: str = "Apelul Test") -> LoadedDocument:
    return LoadedDocument(name=name, path=name, title=title, kind="txt", sha256="0", pages=[Page(None, text)])


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def test_every_chunk_is_indexed_with_its_title_and_section() -> None:
    chunks = chunk_document(_doc(DIGITAL_TXT))
    assert len(chunks) > 3
    for c in chunks:
        assert c.title and c.title in c.indexed_text()
        if c.section:
            assert c.section in c.indexed_text()
    assert all(c.section for c in chunks)


def test_capitals_label_becomes_the_section_of_the_text_under_it() -> None:
    chunks = chunk_document(_doc(DIGITAL_TXT))
    deadline = next(c for c in chunks if "14 noiembrie 2025" in c.text)
    assert deadline.section is not None and "CALENDARUL APELULUI" in deadline.section


def test_table_rows_are_rendered_with_their_header_names() -> None:
    chunks = chunk_document(_doc(DIGITAL_TXT))
    text = "\n".join(c.text for c in chunks)
    assert "Județ: Bihor | Buget alocat (euro): 900.000 | Proiecte estimate: 9" in text
    row = next(c for c in chunks if "Județ: Bihor" in c.text)
    assert row.section is not None and "REPARTIZAREA BUGETULUI" in row.section


def test_no_word_of_the_input_is_lost() -> None:
    chunks = chunk_document(_doc(DIGITAL_TXT))
    kept = set().union(*(_words(c.text) | _words(c.section or "") for c in chunks))
    assert _words(DIGITAL_TXT) - kept == set()


def test_chunk_ids_are_stable_across_runs() -> None:
    first = [c.id for c in chunk_document(_doc(DIGITAL_TXT))]
    second = [c.id for c in chunk_document(_doc(DIGITAL_TXT))]
    assert first == second
    assert len(set(first)) == len(first)


def test_chunk_ids_come_from_content() -> None:
    before = chunk_document(_doc(DIGITAL_TXT))
    changed = DIGITAL_TXT.replace("14 noiembrie 2025", "21 noiembrie 2025")
    after = chunk_document(_doc(changed))
    old_ids, new_ids = {c.id for c in before}, {c.id for c in after}
    touched = {c.id for c in before if "14 noiembrie 2025" in c.text}
    assert touched and touched.isdisjoint(new_ids)  # the changed passage gets a new id
    assert old_ids - touched <= new_ids  # the others keep theirs
    other_name = {c.id for c in chunk_document(_doc(DIGITAL_TXT, name="alt.txt"))}
    assert other_name.isdisjoint(old_ids)


def test_window_holds_the_chunk_text() -> None:
    for c in chunk_document(_doc(DIGITAL_TXT)):
        assert c.text in c.window


def test_chunks_respect_the_token_target() -> None:
    long = "\n\n".join(f"Paragraful {i} descrie activitatea numărul {i} a clusterului, cu parteneri din regiune, "
                       f"rezultate măsurabile și indicatori de impact pentru firmele membre." for i in range(40))
    cfg = ChunkingConfig(chunk_tokens=120, window_tokens=400)
    chunks = chunk_document(_doc(long), cfg)
    assert len(chunks) > 5
    from assistant.tokens import count_tokens

    assert max(count_tokens(c.text) for c in chunks) <= cfg.chunk_tokens * 2
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))


def test_pdf_page_numbers_are_kept(tmp_path: Path) -> None:
    doc = load_document(write_pdf(tmp_path / "ghid.pdf", PDF_PAGES))
    chunks = chunk_document(doc)
    audit = next(c for c in chunks if "24 de audituri" in c.text)
    founded = next(c for c in chunks if "12 martie 2031" in c.text)
    assert (founded.page, audit.page) == (1, 2)


def test_docx_headings_become_sections(tmp_path: Path) -> None:
    chunks = chunk_document(load_document(write_docx(tmp_path / "raport.docx")))
    project = next(c for c in chunks if "TexVerde" in c.text)
    assert project.section is not None and "Proiecte în derulare" in project.section
    assert any("Membru: Filatura Lugoj" in c.text for c in chunks)


@pytest.mark.parametrize("cfg", [ChunkingConfig(chunk_tokens=60, window_tokens=200), ChunkingConfig()])
def test_every_chunk_has_text(cfg: ChunkingConfig) -> None:
    assert all(c.text.strip() for c in chunk_document(_doc(DIGITAL_TXT), cfg))


@pytest.mark.parametrize(("passage", "heading"), [
    ("Pot depune cereri", "SOLICITANȚI ELIGIBILI"),
    ("Pentru proiectele finanțate ca ajutor de stat", "RATE DE COFINANȚARE"),
    ("Întrebările privind apelul", "CONTACT"),
])
def test_a_passage_is_filed_under_the_heading_it_sits_under(passage: str, heading: str) -> None:
    """The chunk that starts a section's text is filed under that section, even when a short
    passage of the previous section is repeated at its top."""
    chunks = chunk_document(_doc(DIGITAL_TXT))
    first = next(c for c in chunks if passage in c.text)
    assert first.section is not None and heading in first.section, (first.section, first.text)
