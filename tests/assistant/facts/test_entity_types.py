"""Which applicant types a call's wording covers: IMM is micro, small and medium (Legea 346/2004),
"întreprinderi" is every size, "organizații de cercetare" are universities and institutes, ..."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.build import open_store
from assistant.facts import check_eligibility, find_sheet, load_sheets
from assistant.facts.eligibility import ENTITY_TYPES, categories, detected_types
from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.pipeline import ingest_paths

SMES = ["microintreprindere", "intreprindere_mica", "intreprindere_mijlocie"]
ALL_SIZES = [*SMES, "intreprindere_mare"]

CALL = """# Apelul „Digitalizare în comunitățile rurale”

Cod apel: DR/2028/1.4/02

Alocare financiară: 5.000.000 lei

Valoarea maximă a proiectului: 300.000 lei

Termen de depunere: 20 martie 2028, ora 12:00

Solicitanți eligibili: {applicants}

Județe eligibile: Bihor, Sălaj, Cluj
"""


@pytest.mark.parametrize(("applicants", "types"), [
    ("IMM-uri", SMES),
    ("întreprinderile mici și mijlocii înregistrate în România", SMES),
    ("intreprinderi mici si mijlocii (IMM)", SMES),
    ("microîntreprinderi și întreprinderi mici", ["microintreprindere", "intreprindere_mica"]),
    ("întreprinderi mijlocii și mari", ["intreprindere_mijlocie", "intreprindere_mare"]),
    ("întreprinderi mici, mijlocii și mari", ["intreprindere_mica", "intreprindere_mijlocie", "intreprindere_mare"]),
    ("întreprinderile mari", ["intreprindere_mare"]),
    ("întreprinderi, indiferent de mărime", ALL_SIZES),
    ("operatori economici cu sediul în regiune", ALL_SIZES),
    ("organizații de cercetare", ["universitate", "institut_cercetare"]),
    ("institute naționale de cercetare-dezvoltare", ["institut_cercetare"]),
    ("ONG-uri, asociații și fundații", ["ONG"]),
    ("organizații non-profit", ["ONG"]),
    ("autorități publice locale și UAT-uri", ["autoritate_publica"]),
    ("organizația de management a clusterului", ["organizatie_cluster"]),
    ("persoane fizice", []),
    ("PFA-uri, întreprinderi individuale și familiale", ["pfa"]),  # a person's business, not a company
    ("întreprinderi individuale și microîntreprinderi", ["microintreprindere", "pfa"]),
])
def test_category_words_cover_their_entity_types(applicants: str, types: list[str]) -> None:
    assert detected_types(applicants) == types


def test_every_category_covers_known_types() -> None:
    assert categories() and all(covers <= set(ENTITY_TYPES) for _, covers, _ in categories())


def _sheet(applicants: str) -> CallSheet:
    fact = Fact(field="applicants", value=applicants, document="apel.md", page=1, text=applicants)
    return CallSheet(document="apel.md", title="Apel", fields={"applicants": [fact]})


@pytest.mark.parametrize(("applicants", "etype", "status"), [
    ("IMM-uri", "microintreprindere", "met"),
    ("IMM-uri", "intreprindere_mijlocie", "met"),
    ("IMM-uri", "intreprindere_mare", "not_met"),
    ("IMM-uri", "ONG", "not_met"),
    ("întreprinderi mici", "microintreprindere", "not_met"),
    ("organizații de cercetare", "universitate", "met"),
    ("asociații", "ONG", "met"),
    ("autorități publice locale", "autoritate_publica", "met"),
    ("persoane fizice autorizate", "microintreprindere", "not_met"),  # a call for PFAs only
    ("persoane fizice autorizate și întreprinderi individuale", "pfa", "met"),
])
def test_applicant_criterion_follows_the_category(applicants: str, etype: str, status: str) -> None:
    result = check_eligibility(_sheet(applicants), {"entity_type": etype})
    assert result["criteria"][0]["criterion"] == "Tipul solicitantului"
    assert result["criteria"][0]["status"] == status


@pytest.mark.parametrize("etype", SMES)
def test_sme_is_eligible_for_a_written_call_open_to_imm(etype: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "apel-rural.md").write_text(CALL.format(applicants="întreprinderile mici și mijlocii (IMM-uri), "
                                                   "cu cel puțin un an de activitate."), encoding="utf-8")
    settings = Settings(index=tmp_path / "idx")
    ingest_paths(open_store(settings), [docs], ChunkingConfig())
    sheet = find_sheet(load_sheets(open_store(settings)), "rural")
    assert sheet is not None
    result = check_eligibility(sheet, {"entity_type": etype, "county": "Sălaj", "years_active": 3})
    crit = {c["criterion"]: c for c in result["criteria"]}
    assert crit["Tipul solicitantului"]["status"] == "met", crit["Tipul solicitantului"]
    assert crit["Tipul solicitantului"]["citation"]["document"] == "apel-rural.md"
    assert result["verdict"] == "eligibil"


def test_counties_named_among_the_applicants_decide_the_location() -> None:
    """'cu sediul în județele Cluj, Bihor și Sălaj' in the applicants' sentence: Bihor is in,
    Timiș is out, even with no separate 'regiuni eligibile' field."""
    from assistant.facts.eligibility import _region

    fact = Fact(field="applicants", value="Pot depune cereri întreprinderile mici și mijlocii cu sediul în județele "
                "Cluj, Bihor și Sălaj.", document="apel.txt", page=None, section=None, chunk_id="c", text="t")
    sheet = CallSheet(document="apel.txt", title="Apel", fields={"applicants": [fact]})
    assert _region(sheet, {"county": "Bihor"})["status"] == "met"
    assert _region(sheet, {"county": "Timiș"})["status"] == "not_met"


@pytest.mark.parametrize("text", ["pot aplica ca srl din Vaslui?", "suntem S.R.L. cu 4 angajați",
                                  "firma noastră e o societate cu răspundere limitată"])
def test_a_company_form_is_an_enterprise_of_any_size(text: str) -> None:
    assert set(detected_types(text)) == {"microintreprindere", "intreprindere_mica", "intreprindere_mijlocie",
                                         "intreprindere_mare"}
