"""Text as printed (issue 14): format characters, line-end hyphens, ligatures, UTF-16 without a
byte-order mark, a huge line without full stops, bullet-tab lists, numbered headings, label
lines, URLs. Every input is built here with invented values; each test checks what is stored
and, where cheap, an answer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from assistant.build import build_assistant, open_store
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.tokens import count_tokens
from ingest.blocks import page_blocks
from ingest.chunking import ChunkingConfig, _units, chunk_document
from ingest.loaders import load_document
from ingest.pipeline import ingest_paths

FORMAT_TXT = (
    "Sprijin pentru ateliere meșteșugărești\n\n"
    "Valoarea maximă a finanțării nerambursabile pentru ateliere\u2060le de olărit este de 73.250 lei.\n\n"
    "Investiți\u00ad\nile în cuptoare electrice sunt eligi\u200bbile dacă sunt\ufeff achiziționate nou.\n"
)
HYPHEN_TXT = (
    "Calendarul apelului pentru pescării\n\n"
    "Cererile care s-\nau depus în regiunea Nord-\nEst până la 19 octombrie se evaluează într-\n"
    "un singur lot, în perioada noiembrie-\ndecembrie. Documen-\ntele justificative se depun online "
    "de către asociații și fiecare IMM-\nuri poate depune o singură cerere.\n"
)
LIGATURE_TXT = "Instruire pentru ﬁrme\n\nFiecare ﬁrmă beneﬁciară primește un ﬂuturaș și 4.870 lei pentru ﬁşe tehnice.\n"
UTF16_TXT = (
    "Program de reîmpădurire\n\n"
    "Suprafața minimă împădurită de fiecare solicitant este de 37 de hectare, în județul Țara Bârsei.\n"
)
LIST_TXT = (
    "Documente obligatorii pentru apicultori\n\n"
    "Dosarul cuprinde următoarele documente:\n"
    "•\tcertificatul de stupină vizat\n"
    "•\tadeverința de la asociația crescătorilor\n"
    "-\tplanul de afaceri pe trei ani\n"
)
NUMBERED_TXT = (
    "Ghidul apelului pentru sere\n\n"
    "2) Beneficiari\n\n"
    + "Pot aplica legumicultorii care au cel puțin doi ani de activitate în sere încălzite. " * 4 + "\n\n"
    "2.1. Tipul de apel\n\n"
    + "Apelul este necompetitiv, cu depunere continuă până la epuizarea bugetului de 2.345.000 lei. " * 4 + "\n"
)
FIELDS_TXT = (
    "https://www.exemplu-adr.ro/apeluri/ghid-piscicultura-2031\n"
    "Fișa apelului pentru piscicultură\n\n"
    "Cod apel: PISC/7.3/B.1/2031\n"
    "Program: Programul Regional Delta Verde\n"
    "Data lansării: 03.02.2031\n"
    "Buget total: 6.420.000 lei\n"
    "Contact: piscicultura@exemplu-adr.ro\n"
)


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "format.txt").write_text(FORMAT_TXT, encoding="utf-8")
    (folder / "cratime.txt").write_text(HYPHEN_TXT, encoding="utf-8")
    (folder / "ligaturi.txt").write_text(LIGATURE_TXT, encoding="utf-8")
    (folder / "utf16.txt").write_bytes(UTF16_TXT.encode("utf-16-le"))  # no byte-order mark
    (folder / "lista.txt").write_text(LIST_TXT, encoding="utf-8")
    (folder / "numerotat.md").write_text(NUMBERED_TXT, encoding="utf-8")
    (folder / "fisa.txt").write_text(FIELDS_TXT, encoding="utf-8")


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, Settings, Path]:
    docs = tmp_path_factory.mktemp("texte")
    _write(docs)
    settings = Settings(index=tmp_path_factory.mktemp("index"))
    report = ingest_paths(open_store(settings), [docs], ChunkingConfig())
    assert not report.failed, report.failed
    return build_assistant(settings), settings, docs


def _stored(settings: Settings, document: str) -> str:
    store = open_store(settings)
    return "\n".join(c.text for c in store.chunks.values() if c.document == document)


Indexed = tuple[Assistant, Settings, Path]


def test_format_characters_are_removed_and_a_soft_hyphen_joins_its_word(indexed: Indexed) -> None:
    assistant, settings, _ = indexed
    text = _stored(settings, "format.txt")
    assert "atelierele de olărit" in text
    assert "Investițiile în cuptoare" in text and "eligibile" in text and "sunt achiziționate" in text
    assert not any(ch in text for ch in "\u00ad\u200b\u2060\ufeff")
    answer = assistant.ask("Care este valoarea maximă a finanțării pentru atelierele de olărit?")
    assert not answer.abstained and "73.250 lei" in answer.text
    typed = assistant.ask("Care este valoarea maximă a finanțării pentru ateliere\u200ble\u00ad de olărit?")
    assert not typed.abstained and "73.250 lei" in typed.text


def test_line_end_hyphens_join_words_but_keep_romanian_hyphenated_forms(indexed: Indexed) -> None:
    _, settings, _ = indexed
    text = _stored(settings, "cratime.txt")
    for written in ("s-au depus", "Nord-Est", "într-un singur lot", "noiembrie-decembrie", "IMM-uri"):
        assert written in text, written
    assert "Documentele justificative" in text
    assert "sau depus" not in text and "Nord- Est" not in text


@pytest.mark.parametrize(("lines", "joined"), [
    (["Firmele care s-", "au calificat"], "Firmele care s-au calificat"),
    (["regiunea Sud-", "Vest Oltenia"], "regiunea Sud-Vest Oltenia"),
    (["ducându-", "se la sediu"], "ducându-se la sediu"),
    (["dintr-", "o listă"], "dintr-o listă"),
    (["construc-", "ția halei"], "construcția halei"),
    (["prelu-", "crarea lemnului"], "prelucrarea lemnului"),
])
def test_hyphen_rules_on_their_own(lines: list[str], joined: str) -> None:
    assert page_blocks("\n".join(lines))[0].text == joined


def test_ligatures_are_stored_as_letters(indexed: Indexed) -> None:
    assistant, settings, _ = indexed
    text = _stored(settings, "ligaturi.txt")
    assert "Fiecare firmă beneficiară primește un fluturaș" in text and "fișe" in text
    assert not any(0xFB00 <= ord(ch) <= 0xFB06 for ch in text)
    answer = assistant.ask("Cât primește fiecare firmă beneficiară pentru fișe tehnice?")
    assert not answer.abstained and "4.870 lei" in answer.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "fara-bom.txt"
    path.write_bytes(UTF16_TXT.encode(encoding))
    doc = load_document(path)
    assert doc.pages[0].text == UTF16_TXT.strip()


def test_utf16_file_answers(indexed: Indexed) -> None:
    assistant, settings, _ = indexed
    assert "Suprafața minimă împădurită" in _stored(settings, "utf16.txt")
    answer = assistant.ask("Care este suprafața minimă împădurită de fiecare solicitant?")
    assert not answer.abstained and "37 de hectare" in answer.text


def test_a_huge_line_without_full_stops_is_cut_to_the_chunk_limit(tmp_path: Path) -> None:
    rng = random.Random(7)
    words = ["cerere", "finanțare", "proiect", "județul", "beneficiar", "eligibil", "4.321", "lei", "anexa"]
    line = " ".join(rng.choice(words) for _ in range(60_000))
    path = tmp_path / "fara-puncte.txt"
    path.write_text("Lista fără punctuație\n\n" + line + "\n", encoding="utf-8")
    cfg = ChunkingConfig()
    chunks = chunk_document(load_document(path), cfg)
    assert len(chunks) > 100
    assert max(count_tokens(c.text) for c in chunks) <= cfg.chunk_tokens * 1.5
    assert sum(len(c.text.split()) for c in chunks) >= 60_000  # nothing lost
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fara-puncte.txt").write_text("Lista fără punctuație\n\n" + " ".join(line.split()[:20_000])
                                          + " valoarea grantului pentru anexa este 8.765 lei " + line[:50_000] + "\n",
                                          encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    ingest_paths(open_store(settings), [docs], cfg)
    answer = build_assistant(settings).ask("Care este valoarea grantului pentru anexa?")
    assert len(answer.text) < 2_000 and all(count_tokens(c.text) <= cfg.chunk_tokens * 1.5 for c in answer.citations)
    no_space = tmp_path / "fara-spatii.txt"
    no_space.write_text("x" * 200_000, encoding="utf-8")
    assert max(len(c.text) for c in chunk_document(load_document(no_space), cfg)) < 2_000


def test_bullet_and_tab_lines_are_list_items_not_table_rows(indexed: Indexed) -> None:
    _, settings, _ = indexed
    text = _stored(settings, "lista.txt")
    assert "• certificatul de stupină vizat" in text and "- planul de afaceri pe trei ani" in text
    assert "|" not in text and "•:" not in text
    kinds = [b.kind for b in page_blocks(LIST_TXT)]
    assert kinds.count("item") == 3 and "table" not in kinds


def test_numbered_headings_in_text_files_name_their_section(indexed: Indexed) -> None:
    _, settings, _ = indexed
    chunks = [c for c in open_store(settings).chunks.values() if c.document == "numerotat.md"]
    own = [(c.section, c.text.replace(c.carried, "")) for c in chunks]  # without text repeated from before
    assert {section for section, text in own if "legumicultorii" in text} == {"2) Beneficiari"}
    assert {section for section, text in own if "necompetitiv" in text} == {"2) Beneficiari › 2.1. Tipul de apel"}


def test_label_lines_are_each_their_own_unit_and_urls_are_no_title(indexed: Indexed) -> None:
    assistant, settings, _ = indexed
    kinds = [(b.kind, b.text) for b in page_blocks(FIELDS_TXT.split("\n\n", 1)[1])]
    assert ("para", "Buget total: 6.420.000 lei") in kinds and len(kinds) == 5
    manifest = open_store(settings).manifest
    assert manifest is not None
    assert manifest.documents["fisa.txt"].title == "Fișa apelului pentru piscicultură"
    assert all("https" not in (c.section or "") for c in open_store(settings).chunks.values())
    answer = assistant.ask("Care este data lansării apelului de piscicultură?")
    assert not answer.abstained and "03.02.2031" in answer.text
    stored = _stored(settings, "fisa.txt")
    assert "\nData lansării: 03.02.2031\n" in stored and "\nBuget total: 6.420.000 lei\n" in stored


REPORT_TXT = (
    "Stadiul proiectelor de apicultură\n\n"
    "Proiectul 1 / acronim MELIFERA\n\n"
    "Titlu\tCoordonator\tBuget\n"
    "Stupine mobile în Dobrogea\tAsociația Albina Verde\t210.000 lei\n\n"
    "Activități în curs:\n\n"
    "- instruirea a doisprezece apicultori\n"
    "- achiziția a patruzeci de stupi\n\n"
    "Titlu\tCoordonator\tBuget\n"
    "Polenizare în livezi\tCooperativa Floarea de Tei\t95.000 lei\n"
)


def test_a_table_without_its_own_heading_is_not_named_by_the_previous_tables(tmp_path: Path) -> None:
    path = tmp_path / "raport.txt"
    path.write_text(REPORT_TXT, encoding="utf-8")
    # Each unit's section (a chunk shows the section of its first unit; this report is one chunk).
    rows = {u.text: u.section for u in _units(load_document(path), ChunkingConfig()) if u.text.startswith("Titlu:")}
    first = next(s for line, s in rows.items() if "Stupine mobile" in line)
    second = next(s for line, s in rows.items() if "Polenizare" in line)
    assert first is not None and "MELIFERA" in first
    assert second is None or "MELIFERA" not in second


def test_a_link_set_as_a_heading_is_no_heading_or_title(tmp_path: Path) -> None:
    path = tmp_path / "pagina.html"
    path.write_text("<html><head><title>https://www.exemplu-adr.ro/apel</title></head><body>"
                    "<h2>https://www.exemplu-adr.ro/apeluri/sere</h2><p>Grantul maxim este de 61.200 lei.</p>"
                    "</body></html>", encoding="utf-8")
    doc = load_document(path)
    chunks = chunk_document(doc)
    assert doc.title != "https://www.exemplu-adr.ro/apel" and "https" not in doc.title
    assert all(c.section is None for c in chunks)
