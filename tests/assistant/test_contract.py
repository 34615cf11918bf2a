"""The JSON contract of DESIGN.md, as `Answer.to_json` gives it to the CLI and the scorer."""

from __future__ import annotations

import pytest
from contract_check import check_contract

from assistant.service import Assistant


@pytest.mark.parametrize("question", [
    "Câte audituri energetice a realizat clusterul AgroNord Someș?",
    "Care este bugetul total al apelului Inovare Digitală?",
    "Care este cota de TVA aplicabilă echipamentelor?",
])
def test_answer_json_follows_the_contract(indexed: Assistant, question: str) -> None:
    obj = indexed.ask(question).to_json()
    check_contract(obj)
    assert obj["question"] == question


def test_id_is_first_when_given(indexed: Assistant) -> None:
    obj = indexed.ask("Care este bugetul total al apelului Inovare Digitală?").to_json(qid="q7")
    check_contract(obj, with_id=True)
    assert next(iter(obj)) == "id" and obj["id"] == "q7"


def test_citation_carries_pdf_page_and_passage(indexed: Assistant) -> None:
    obj = indexed.ask("Câte audituri energetice a realizat clusterul AgroNord Someș?").to_json()
    first = obj["citations"][0]
    assert first["document"] == "ghid-cluster-agronord.pdf" and first["page"] == 2
    assert "24 de audituri" in first["text"]


def test_retrieved_passages_are_the_top_k_cited_first(indexed: Assistant) -> None:
    """`retrieved` lists the passages the answer cites first (DESIGN.md), then the others."""
    obj = indexed.ask("Câte audituri energetice a realizat clusterul AgroNord Someș?").to_json()
    assert 1 <= len(obj["retrieved"]) <= indexed.settings.top_k
    cited = [any(c["text"] in r["text"] or r["text"] in c["text"] for c in obj["citations"]) for r in obj["retrieved"]]
    assert cited[0] and cited == sorted(cited, reverse=True)


def test_abstention_still_reports_what_was_retrieved_without_citing_it(indexed: Assistant) -> None:
    obj = indexed.ask("Care este cota de TVA aplicabilă echipamentelor?").to_json()
    assert obj["abstained"] and obj["citations"] == []
    assert "Documentele nu precizează" in obj["answer"]
