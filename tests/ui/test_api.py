"""The named endpoints /ask, /reply, /facts, /check through gradio_client, against the running app."""

from __future__ import annotations

import json

import pytest
from gradio_client.exceptions import AppError

from assistant.ui.facts_view import facts_api

MAIL = """From: Ion Vasilescu <ion@firma-exemplu.ro>
To: consultare@adr-exemplu.ro
Subject: Apel Inovare Digitala
Content-Type: text/plain; charset=utf-8

Bună ziua,

Care este data limită de depunere a cererilor de finanțare? Care este contribuția maximă pentru ajutor de minimis?

Cu stimă,
Ion Vasilescu
"""

needs_facts = pytest.mark.skipif(facts_api() is None, reason="assistant.facts not available yet")


def test_named_endpoints_are_listed(client) -> None:  # type: ignore[no-untyped-def]
    names = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/ask", "/reply", "/facts", "/check"} <= set(names)


def test_ask_returns_the_json_contract_with_citations(client) -> None:  # type: ignore[no-untyped-def]
    out = client.predict("Care este data limită de depunere a cererilor de finanțare?", "", api_name="/ask")
    assert not out["abstained"]
    assert "14 noiembrie 2025" in out["answer"]
    assert "[1]" in out["answer"]
    assert out["citations"][0]["document"] == "apel-inovare-digitala.txt"
    assert {"question", "answer", "citations", "retrieved", "timings_ms"} <= set(out)


def test_ask_uses_the_history_for_a_follow_up(client) -> None:  # type: ignore[no-untyped-def]
    history = json.dumps([{"role": "user", "content": "Care este contribuția maximă pentru ajutor de minimis?"},
                          {"role": "assistant", "content": "85% [1]"}])
    out = client.predict("și pentru ajutor de stat?", history, api_name="/ask")
    assert "70%" in out["answer"]


def test_ask_rejects_broken_history_in_romanian(client) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AppError, match="JSON valid"):
        client.predict("Care este bugetul?", "[not json", api_name="/ask")


def test_reply_answers_each_question_with_citations(client) -> None:  # type: ignore[no-untyped-def]
    out = client.predict(MAIL, api_name="/reply")
    assert out["reply"].startswith("Stimate domnule Vasilescu,")
    assert len(out["points"]) == 2
    assert "14 noiembrie 2025" in out["points"][0]["answer"]
    assert "85%" in out["points"][1]["answer"]
    assert out["citations"] and all(p["citations"] for p in out["points"])
    assert "[Nume], Biroul de informare" in out["reply"]


def test_reply_refuses_an_empty_mail(client) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AppError, match="gol"):
        client.predict("   ", api_name="/reply")


@needs_facts
def test_facts_lists_the_sheets_with_sources(client) -> None:  # type: ignore[no-untyped-def]
    out = client.predict("", api_name="/facts")
    assert out["sheets"], out
    text = json.dumps(out["sheets"], ensure_ascii=False)
    assert "315.000" in text or "315000" in text
    assert "apel-inovare-digitala.txt" in text


@needs_facts
def test_check_gives_a_verdict_with_criteria(client) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui.facts_view import sheet_name

    sheets = client.predict("", api_name="/facts")["sheets"]
    name = next(sheet_name(s) for s in sheets if "apel-inovare-digitala.txt" in json.dumps(s))
    profile = {"entity_type": "intreprindere_mica", "county": "Cluj", "domain": "producție",
               "years_active": 3, "cluster_member": False}
    out = client.predict(name, json.dumps(profile), api_name="/check")
    assert out["verdict"]
    assert out["criteria"]
    assert {c["status"] for c in out["criteria"]} <= {"met", "not_met", "unknown"}


@needs_facts
def test_check_names_an_unknown_call(client) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AppError, match="Nu există un apel"):
        client.predict("Apel inexistent 1999", "{}", api_name="/check")


@needs_facts
def test_check_without_a_call_lists_every_call(client) -> None:  # type: ignore[no-untyped-def]
    profile = {"tip": "intreprindere_mica", "judet": "Cluj"}
    out = client.predict("", json.dumps(profile), api_name="/check")
    assert out["calls"] and all({"verdict", "rate", "max_value", "deadline", "open"} <= set(c) for c in out["calls"])


@needs_facts
def test_check_refuses_an_unknown_profile_key(client) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AppError, match="Chei acceptate"):
        client.predict("", json.dumps({"marime": "mica"}), api_name="/check")


@needs_facts
def test_facts_and_check_find_a_call_by_part_of_its_name_like_the_command_line(client) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui.facts_view import sheet_name

    name = sheet_name(client.predict("", api_name="/facts")["sheets"][0])
    typed = " ".join(name.lower().split()[:3])  # as a user types it: lower case, part of the name
    assert [sheet_name(s) for s in client.predict(typed, api_name="/facts")["sheets"]] == [name]
    assert client.predict(typed, json.dumps({"tip": "ONG"}), api_name="/check")["call"] == name
    with pytest.raises(AppError, match="Apelurile indexate: .*" + name.split()[0]):
        client.predict("Apel inexistent 1999", api_name="/facts")
