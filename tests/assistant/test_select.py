"""Which scored sentences the extractive answerer quotes (ExtractiveAnswerer._select)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from assistant.answer.evidence import Evidence
from assistant.answer.extractive import MAX_CHARS, ExtractiveAnswerer
from assistant.features import sentence_tokens
from assistant.query import Query


def _evidence(sentence: str, score: float, rank: int = 0) -> Evidence:
    return Evidence(rank, sentence, sentence_tokens(sentence), score, 0.5, 0.5, False)


def _answerer(extra_ratio: float = 0.1) -> ExtractiveAnswerer:
    retriever: Any = SimpleNamespace(weights=SimpleNamespace(extra_ratio=extra_ratio))
    return ExtractiveAnswerer(retriever, store=None)  # type: ignore[arg-type]


def test_a_probable_sentence_too_long_for_the_room_left_is_quoted_by_its_answering_window() -> None:
    first = "Moara veche a satului Izvoru a fost ridicată de meșterii locali din piatră de râu. " * 3
    filler = "Pe vremuri, oamenii din împrejurimi aduceau aici grâul, porumbul și secara la măcinat. " * 2
    long_one = filler + "Moara macină azi făină de spelta pentru brutăriile din oraș, o dată pe săptămână."
    chosen = _answerer()._select(Query.parse("Ce macină azi moara satului Izvoru?"),
                                 [_evidence(first, 1.0), _evidence(long_one, 0.5, rank=1)])
    assert len(chosen) == 2 and chosen[0].sentence == first
    assert "făină de spelta" in chosen[1].sentence and chosen[1].sentence in long_one
    assert sum(len(e.sentence) for e in chosen) <= MAX_CHARS


def test_no_window_is_quoted_when_too_little_room_is_left() -> None:
    first = "Moara veche a satului Izvoru a fost ridicată de meșterii locali din piatră de râu, " * 5
    other = "Moara macină azi făină de spelta pentru brutăriile din oraș, o dată pe săptămână. " * 3
    chosen = _answerer()._select(Query.parse("Ce macină azi moara satului Izvoru?"),
                                 [_evidence(first, 1.0), _evidence(other, 0.5)])
    assert [e.sentence for e in chosen] == [first]
