"""Answer shapes a person reads into a question: "ce platformă ...?" wants the one named,
"ce activități ...?" wants the actions listed, not the labels printed among them; and a rare
form of a common word weighs as the word does. Documents written here, indexed for real."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.build import build_assistant, open_store
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths

REPORT = """Raport de activitate al clusterului Agro Nord

Rezultatele proiectului

- Platforma online a fost realizată în urma activităților de cercetare și va funcționa ca un
instrument de informare pentru membrii clusterului;
- S-au organizat patru ateliere de lucru cu fermierii din zonă;
- Proiectarea și lansarea platformei AGRODATA, accesibilă la adresa www.agrodata-exemplu.ro,
pentru schimbul de date între membri;
- Au fost achiziționate două stații meteo pentru parcelele demonstrative.
"""

BROCHURE = """Programul Regional Sud 2021-2027

Apelul Vouchere pentru ateliere

ACTIVITĂȚI ELIGIBILE

Rata maximă a sprijinului
public pentru cheltuieli eligibile

ajutor de minimis

Achiziționarea de echipamente pentru atelierele de prototipare;

Organizarea de cursuri de formare pentru angajații atelierelor;

Dezvoltarea de servicii comune de testare pentru membrii rețelei.

SOLICITANȚI ELIGIBILI
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs = tmp_path_factory.mktemp("docs")
    (docs / "raport-agro-nord.txt").write_text(REPORT, encoding="utf-8")
    (docs / "vouchere-ateliere.txt").write_text(BROCHURE, encoding="utf-8")
    settings = Settings(index=Path(tmp_path_factory.mktemp("index")))
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    return build_assistant(settings)


def test_which_platform_is_answered_by_the_sentence_naming_it(assistant: Assistant) -> None:
    answer = assistant.ask("Ce platformă online a dezvoltat clusterul Agro Nord?")
    assert not answer.abstained
    # The sentence naming it is quoted, beside (the fitted weights decide the order of) the one
    # that describes the platform without its name.
    quoted = [c.quote for c in answer.citations]
    assert any("AGRODATA" in q for q in quoted), answer.text
    assert "AGRODATA" in answer.text.split("”: ", 1)[-1], answer.text


def test_which_activities_lists_the_actions_not_the_labels_among_them(assistant: Assistant) -> None:
    answer = assistant.ask("Ce activități sunt eligibile în apelul Vouchere pentru ateliere?")
    assert not answer.abstained
    for action in ("Achiziționarea de echipamente", "Organizarea de cursuri", "Dezvoltarea de servicii"):
        assert action in answer.text, answer.text
    quoted = answer.text.split("”: ", 1)[-1]  # what follows the document's title
    assert "Rata maximă" not in quoted and "Programul Regional" not in quoted


def test_a_rare_form_weighs_as_its_common_word(assistant: Assistant) -> None:
    from assistant.text import index_tokens

    bm25 = assistant.store.bm25
    rare, common = index_tokens("activează")[0], index_tokens("activităților")[0]  # one word, two stems
    assert rare != common and len(bm25.postings(common)) > 0
    assert bm25.idf(rare) == pytest.approx(bm25.idf(common))
    other = index_tokens("clusterpolisee")[0]  # a longer word is another word, not a form of "cluster"
    assert bm25.idf(other) > bm25.idf(index_tokens("clusterului")[0])
