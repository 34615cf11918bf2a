"""The eligibility check: met, not met and unknown, each with its citation."""

from __future__ import annotations

import json

from assistant.facts import check_eligibility
from assistant.facts.regions import region_of, regions


def _by_name(result: dict) -> dict:
    return {c["criterion"]: c for c in result["criteria"]}


def test_counties_map_to_the_eight_regions() -> None:
    data = regions()
    assert len(data) == 8 and sum(len(c) for c in data.values()) == 42
    assert region_of("Timiș") == "Vest" and region_of("satu mare") == "Nord-Vest"
    assert region_of("Ilfov") == "București-Ilfov"


def test_small_enterprise_in_an_eligible_county_is_eligible(sheet_of) -> None:
    result = check_eligibility(sheet_of("apel-montan"), {"entity_type": "intreprindere_mica", "county": "Covasna",
                                                       "years_active": 5})
    crit = _by_name(result)
    assert result["verdict"] == "eligibil"
    assert {c["status"] for c in result["criteria"]} == {"met"}
    assert crit["Localizare"]["citation"]["page"] == 3 and "Covasna" in crit["Localizare"]["citation"]["quote"]


def test_wrong_county_and_too_young_are_not_met(sheet_of) -> None:
    result = check_eligibility(sheet_of("apel-montan"), {"entity_type": "microintreprindere", "county": "Dolj",
                                                       "years_active": 1})
    crit = _by_name(result)
    assert result["verdict"] == "neeligibil"
    assert crit["Localizare"]["status"] == "not_met" and crit["Vechime"]["status"] == "not_met"
    assert crit["Vechime"]["citation"]["document"] == "apel-montan.pdf"


def test_silent_documents_give_unknown(sheet_of) -> None:
    result = check_eligibility(sheet_of("vouchere"), {"entity_type": "ONG", "county": "Cluj", "domain": "turism"})
    crit = _by_name(result)
    assert crit["Tipul solicitantului"]["status"] == "met"
    assert crit["Localizare"]["status"] == "unknown" and crit["Domeniu"]["status"] == "unknown"
    assert result["verdict"] == "de verificat"


def test_cli_check_prints_the_verdict(settings, tmp_path, capsys) -> None:
    from assistant.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"entity_type": "intreprindere_mare", "county": "Brașov"}), encoding="utf-8")
    assert main(["--index", str(settings.index), "check", "--json", "--profile", str(profile), "--call", "montan"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "neeligibil" and out["criteria"][0]["status"] == "not_met"


def test_the_app_offers_the_counties_and_types_the_check_knows() -> None:
    """The eligibility tab's choices are read from the data files the check reads, not copied."""
    from assistant.facts.profile import ENTITY_TYPES
    from assistant.facts.regions import counties, region_of
    from assistant.ui.eligibility_tab import COUNTIES
    from assistant.ui.eligibility_tab import ENTITY_TYPES as CHOICES

    assert len(COUNTIES) == 42 and all(region_of(c) for c in COUNTIES) and counties() == COUNTIES
    assert [key for _, key in CHOICES] == list(ENTITY_TYPES)
    assert COUNTIES.index("Brașov") < COUNTIES.index("Brăila") < COUNTIES.index("București")
