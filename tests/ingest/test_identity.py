"""Document identity (issue 14): keys relative to the folder ingested, NFC names, colliding
upload names, codes as ordered tokens, the reader's version in the manifest. Invented values."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from assistant.build import build_assistant, open_store
from assistant.manifest import save_manifest
from assistant.settings import Settings
from assistant.text import index_tokens
from assistant.ui.documents_tab import stage_uploads
from assistant.ui.holder import AssistantHolder
from ingest.chunking import ChunkingConfig
from ingest.loaders import READER_VERSION
from ingest.pipeline import ingest_paths, remove_documents
from ingest.status import index_status


def _guide(year: int, amount: str) -> str:
    return (f"Ghidul apelului pentru cooperative agricole, ediția {year}\n\n"
            f"În ediția {year}, valoarea maximă a sprijinului pentru o cooperativă agricolă este de {amount} lei.\n")


def test_same_file_name_in_two_folders_is_two_documents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for year, amount in ((2031, "412.000"), (2032, "587.000")):
        (docs / str(year)).mkdir(parents=True)
        (docs / str(year) / "ghid.txt").write_text(_guide(year, amount), encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    report = ingest_paths(open_store(settings), [docs], ChunkingConfig())
    assert sorted(report.added) == ["2031/ghid.txt", "2032/ghid.txt"]
    status = index_status(open_store(settings))
    assert [d["document"] for d in status["documents"]] == ["2031/ghid.txt", "2032/ghid.txt"]
    assistant = build_assistant(settings)
    answer = assistant.ask("Care este valoarea maximă a sprijinului pentru o cooperativă în ediția 2031?")
    assert not answer.abstained and "412.000 lei" in answer.text
    assert answer.citations[0].document == "2031/ghid.txt"
    assert remove_documents(open_store(settings), ["ghid.txt"]) == []  # two documents have that name
    assert remove_documents(open_store(settings), ["2032/ghid.txt"]) == ["2032/ghid.txt"]
    assert [d["document"] for d in index_status(open_store(settings))["documents"]] == ["2031/ghid.txt"]
    assert remove_documents(open_store(settings), ["ghid.txt"]) == ["2031/ghid.txt"]  # now one has it


def test_a_name_stored_decomposed_is_removed_by_the_name_as_typed(tmp_path: Path) -> None:
    typed = "ghidul-școlii-țesătorilor.txt"
    decomposed = unicodedata.normalize("NFD", typed)
    assert decomposed != typed
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / decomposed).write_text(_guide(2033, "95.500"), encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    assert ingest_paths(open_store(settings), [docs], ChunkingConfig()).added == [typed]
    assert remove_documents(open_store(settings), [typed]) == [typed]
    assert index_status(open_store(settings))["documents"] == []


def test_uploads_whose_safe_names_collide_are_both_kept(tmp_path: Path) -> None:
    holder = AssistantHolder(Settings(index=tmp_path / "index"))
    one, two = tmp_path / "a" / "Anexa 1.txt", tmp_path / "b" / "Anexa_1.txt"
    for path, amount in ((one, "11.100"), (two, "22.200")):
        path.parent.mkdir()
        path.write_text(f"Anexa cu bugetul orientativ\n\nBugetul orientativ al anexei este de {amount} lei.\n",
                        encoding="utf-8")
    staged, refused = stage_uploads(holder, [str(one), str(two)])
    assert not refused and len(set(staged)) == 2
    report = ingest_paths(open_store(holder.settings), staged, ChunkingConfig())
    assert len(report.added) == 2 and not report.unchanged
    texts = {c.text for c in open_store(holder.settings).chunks.values()}
    assert any("11.100 lei" in t for t in texts) and any("22.200 lei" in t for t in texts)


def test_uploads_whose_safe_names_collide_across_batches_are_both_kept(tmp_path: Path) -> None:
    """One batch, then another whose file has the same safe name: two documents; the first file
    uploaded again under its own name replaces its earlier version."""
    holder = AssistantHolder(Settings(index=tmp_path / "index"))

    def upload(folder: str, name: str, amount: str) -> list[Path]:
        path = tmp_path / folder / name
        path.parent.mkdir()
        path.write_text(f"Anexa cu bugetul orientativ\n\nBugetul orientativ al anexei este de {amount} lei.\n",
                        encoding="utf-8")
        staged, refused = stage_uploads(holder, [str(path)])
        assert not refused
        return staged

    first = upload("a", "Anexa 1.txt", "31.400")
    ingest_paths(open_store(holder.settings), first, ChunkingConfig())
    second = upload("b", "Anexa_1.txt", "42.500")
    assert second != first and first[0].read_text(encoding="utf-8").count("31.400") == 1
    report = ingest_paths(open_store(holder.settings), second, ChunkingConfig())
    assert len(report.added) == 1 and not report.unchanged and not report.updated
    again = upload("c", "Anexa 1.txt", "53.600")
    assert again == first
    report = ingest_paths(open_store(holder.settings), again, ChunkingConfig())
    assert report.updated and not report.added
    texts = {c.text for c in open_store(holder.settings).chunks.values()}
    assert any("42.500 lei" in t for t in texts) and any("53.600 lei" in t for t in texts)
    assert not any("31.400 lei" in t for t in texts)


@pytest.mark.parametrize(("a", "b"), [("2.4", "4.2"), ("A17", "A1"), ("1.6.2", "1.2.6")])
def test_codes_keep_their_parts_in_order(a: str, b: str) -> None:
    assert set(index_tokens(f"submăsura {a}")) != set(index_tokens(f"submăsura {b}"))
    assert set(index_tokens(f"submăsura {a}")) <= set(index_tokens(f"Ghidul submăsurii {a} din program"))


def test_a_question_naming_a_code_is_answered_from_that_codes_document(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for code, amount in (("2.4", "131.000"), ("4.2", "242.000"), ("A17", "17.700"), ("A1", "1.100"),
                         ("PRSE/1.6/A.2/1/2031", "616.000")):
        name = code.replace("/", "_").replace(".", "_")
        (docs / f"ghid-{name}.txt").write_text(
            f"Ghidul solicitantului\n\nPentru submăsura {code}, valoarea maximă eligibilă a unui proiect "
            f"este de {amount} lei.\n", encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    assistant = build_assistant(settings)
    for code, amount in (("2.4", "131.000"), ("4.2", "242.000"), ("A17", "17.700"), ("PRSE/1.6/A.2/1/2031", "616.000")):
        answer = assistant.ask(f"Care este valoarea maximă eligibilă pentru submăsura {code}?")
        assert not answer.abstained and f"{amount} lei" in answer.text, (code, answer.text)


def test_an_index_made_by_an_older_reader_reads_unchanged_files_again(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "apel.txt").write_text(_guide(2034, "73.000"), encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    store = open_store(settings)
    assert store.manifest is not None
    entry = store.manifest.documents["apel.txt"]
    assert entry.chunking["reader"] == READER_VERSION
    entry.chunking = {**entry.chunking, "reader": READER_VERSION - 1}
    save_manifest(store.folder, store.manifest)
    again = ingest_paths(open_store(settings), [docs], ChunkingConfig())
    assert again.updated == ["apel.txt"] and not again.unchanged
