"""Which calls can I apply to: every call checked against a profile, the profile schema, CAEN
codes, cluster membership, who applies, and calls found by any of their names (call_kinds.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant.build import open_store
from assistant.facts import check_eligibility, load_sheets
from assistant.facts.overview import check_all
from assistant.facts.profile import ProfileError, normalize_profile
from assistant.settings import Settings

TODAY = date(2027, 3, 1)


def _crit(result: dict, name: str) -> dict | None:
    return next((c for c in result["criteria"] if c["criterion"] == name), None)


@pytest.fixture(scope="module")
def overview(kinds_index: Settings) -> list[dict]:
    sheets = load_sheets(open_store(kinds_index))
    return check_all(sheets, {"tip": "intreprindere_mica", "judet": "Iași", "caen": "6210", "vechime": 4}, TODAY)


def test_every_call_listed_with_rate_value_deadline_and_citations(overview) -> None:
    by_doc = {r["document"]: r for r in overview}
    assert "raport-garantare.txt" not in by_doc  # not a call
    voucher = by_doc["vouchere-textile.docx"]
    assert voucher["rate"]["applies"] == 55.0 and voucher["rate"]["place"] == "Iași"  # small firm, Iași column
    assert voucher["max_value"]["normalized"]["amount"] == 83000.0
    assert voucher["deadline"] == {**voucher["deadline"], "date": "2027-06-18", "passed": False}
    assert voucher["open"] is True
    for key in ("rate", "max_value", "deadline"):
        assert voucher[key]["citation"]["document"] == "vouchere-textile.docx" and voucher[key]["citation"]["text"]
    guide = by_doc["ghid-mobilitate.pdf"]
    assert guide["deadline"]["passed"] and guide["open"] is False
    assert guide["verdict"] == "neeligibil"  # Iași is not among Dolj, Gorj, Mehedinți


def test_open_calls_the_profile_meets_come_first(overview) -> None:
    keys = [({True: 0, None: 1, False: 2}[r["open"]], ["eligibil", "de verificat", "neeligibil"].index(r["verdict"]))
            for r in overview]
    assert keys == sorted(keys)
    assert overview[-1]["document"] == "ghid-mobilitate.pdf"  # deadline passed: last


def test_cli_check_without_call_prints_a_list(kinds_index, tmp_path, capsys) -> None:
    from assistant.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"tip": "microintreprindere", "judet": "Vaslui"}), encoding="utf-8")
    assert main(["--index", str(kinds_index.index), "check", "--json", "--profile", str(profile)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, list) and {r["document"] for r in out} >= {"vouchere-textile.docx", "tineri-rural.md"}
    assert all({"verdict", "rate", "max_value", "deadline", "open", "criteria"} <= set(r) for r in out)


def test_profile_aliases_and_refusals() -> None:
    assert normalize_profile({"tip": "Microîntreprindere", "județ": "timis", "vechime": "3"}) == {
        "entity_type": "microintreprindere", "county": "timis", "years_active": 3.0}
    with pytest.raises(ProfileError, match="entity_type.*county"):
        normalize_profile({"firma": "SRL"})
    with pytest.raises(ProfileError, match="microintreprindere, intreprindere_mica"):
        normalize_profile({"tip": "micro"})
    with pytest.raises(ProfileError, match="Județ necunoscut"):
        normalize_profile({"judet": "Atlantida"})
    with pytest.raises(ProfileError, match="CAEN"):
        normalize_profile({"caen": "62A"})


def test_cli_refuses_an_unknown_profile_key(kinds_index, tmp_path, capsys) -> None:
    from assistant.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"tip_firma": "SRL"}), encoding="utf-8")
    assert main(["--index", str(kinds_index.index), "check", "--profile", str(profile)]) == 2
    assert "Chei acceptate: entity_type" in capsys.readouterr().err


def test_caen_code_checked_across_revisions(sheet) -> None:
    call = sheet("conditii-ptj")
    assert call.first("caen_codes").normalized == {"codes": ["1392", "6201", "7112"], "eligible": True, "rev": 2}
    met = _crit(check_eligibility(call, {"entity_type": "intreprindere_mica", "caen": "6210"}), "Cod CAEN")
    assert met is not None and met["status"] == "met" and "6201" in met["explanation"]  # Rev.3 6210 = Rev.2 6201
    assert "soft" in met["explanation"].lower()  # the code's name, from the INS table
    missed = _crit(check_eligibility(call, {"entity_type": "intreprindere_mica", "caen": "4771"}), "Cod CAEN")
    assert missed is not None and missed["status"] == "not_met" and missed["citation"]["document"] == "conditii-ptj.txt"
    unknown = _crit(check_eligibility(sheet("tineri-rural"), {"caen": "4771"}), "Cod CAEN")
    assert unknown is not None and unknown["status"] == "unknown"


def test_cluster_membership_only_where_the_call_makes_it_a_condition(sheet) -> None:
    cluster = check_eligibility(sheet("retele-turism"), {"tip": "intreprindere_mica", "membru_cluster": True})
    member = _crit(cluster, "Membru al unui cluster")
    assert member is not None and member["status"] == "met" and "membre ale clusterului" in member["explanation"]
    university = check_eligibility(sheet("laboratoare-deschise"), {"tip": "intreprindere_mica",
                                                                    "membru_cluster": True})
    assert _crit(university, "Membru al unui cluster") is None


def test_who_applies_comes_from_the_calls_own_sheet(sheet) -> None:
    result = check_eligibility(sheet("retele-turism"), {"tip": "intreprindere_mijlocie"})
    route = result["route"]
    assert "organizațiile de management ale clusterelor de turism" in route["text"]
    assert "întreprinderile membre ale clusterului" in route["text"]
    assert {c["document"] for c in route["citations"]} == {"retele-turism.txt"}
    assert route["text"] in result["summary"]
    other = check_eligibility(sheet("laboratoare-deschise"), {"tip": "ONG"})
    assert "universitățile de stat" in other["route"]["text"] and "cluster" not in other["summary"]
    assert check_eligibility(sheet("laboratoare-deschise"), {"tip": "universitate"})["route"] is None


@pytest.mark.parametrize(("name", "document"), [
    ("PR Sud-Est", "brosura-reciclare.pdf"), ("ADR Sud-Est", "brosura-reciclare.pdf"),
    ("PTJ", "conditii-ptj.txt"), ("4.2", "conditii-ptj.txt"), ("Agenția pentru Inițiative Rurale", "tineri-rural.md"),
    ("laboratoare deschise", "laboratoare-deschise.txt"),
])
def test_call_found_by_any_name(sheet, name: str, document: str) -> None:
    assert sheet(name).document == document
