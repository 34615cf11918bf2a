"""The JSON contract of DESIGN.md as one check, shared by the in-process and the CLI tests."""

from __future__ import annotations

import json
import re
from typing import Any

TOP_KEYS = {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"}
CITATION_KEYS = {"n", "document", "page", "section", "text"}
RETRIEVED_KEYS = {"document", "text", "score"}


def check_contract(obj: dict[str, Any], *, with_id: bool = False) -> None:
    """Fail unless obj is one answer line of the contract (extra keys are allowed)."""
    assert set(obj) >= TOP_KEYS, TOP_KEYS - set(obj)
    assert ("id" in obj) == with_id
    assert isinstance(obj["question"], str) and isinstance(obj["answer"], str) and obj["answer"]
    assert isinstance(obj["abstained"], bool)
    assert isinstance(obj["citations"], list) and isinstance(obj["retrieved"], list)
    for i, c in enumerate(obj["citations"], 1):
        assert set(c) >= CITATION_KEYS
        assert c["n"] == i
        assert isinstance(c["document"], str) and c["document"]
        assert c["page"] is None or (isinstance(c["page"], int) and c["page"] >= 1)
        assert c["section"] is None or isinstance(c["section"], str)
        assert isinstance(c["text"], str) and c["text"]
    for r in obj["retrieved"]:
        assert set(r) >= RETRIEVED_KEYS
        assert isinstance(r["document"], str) and isinstance(r["text"], str)
        assert isinstance(r["score"], float | int)
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", obj["answer"])}
    assert markers == {c["n"] for c in obj["citations"]}
    if obj["abstained"]:
        assert obj["citations"] == []
    assert set(obj["timings_ms"]) >= {"retrieve", "answer"}
    assert all(isinstance(v, float | int) and v >= 0 for v in obj["timings_ms"].values())
    json.dumps(obj, ensure_ascii=False)  # serialisable as it is
