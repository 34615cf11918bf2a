"""Grounding: which sentences of a model's answer survive, and how citations are renumbered."""

from __future__ import annotations

import pytest

from assistant.answer.grounding import complete_sentences, ground
from assistant.types import Chunk, Passage

TEXTS = [
    "Valoarea maximă a finanțării nerambursabile este de 2.650.000 lei pe proiect.",
    "Cererile de finanțare se depun până la data de 08.03.2026, ora 16:00.",
    "Rata de cofinanțare a beneficiarului este de minimum 15%.",
]


@pytest.fixture
def passages() -> list[Passage]:
    return [Passage(Chunk(id=f"c{i}", document=f"doc{i}.md", title="Apel", page=i, section=None, text=t,
                          window=t, ordinal=i), 1.0) for i, t in enumerate(TEXTS, 1)]


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Finanțarea maximă este de 2.650.000 lei [1].", True),
    ("Finanțarea maximă este de 2,65 milioane lei [1].", True),  # same amount, other spelling
    ("Finanțarea maximă este de 2,65 mil. lei [1].", True),
    ("Termenul de depunere este 8 martie 2026 [2].", True),  # same date, other spelling
    ("Cofinanțarea este de cel puțin 15 % [3].", True),
    ("Finanțarea maximă este de 3.000.000 lei [1].", False),  # wrong amount
    ("Termenul de depunere este 9 martie 2026 [2].", False),  # wrong day
    ("Cofinanțarea este de 20% [3].", False),  # wrong rate
    ("Cofinanțarea este de 15% [1].", False),  # right value, wrong passage cited
    ("Finanțarea maximă este de 2.650.000 lei [9].", False),  # invented citation
    ("Finanțarea maximă este de 2.650.000 lei.", False),  # no citation
])
def test_sentence_is_kept_only_when_its_citation_supports_it(passages: list[Passage], sentence: str,
                                                             kept: bool) -> None:
    result = ground(sentence, passages)
    assert bool(result.pieces) is kept, result.dropped


def test_kept_sentences_are_renumbered_by_first_citation(passages: list[Passage]) -> None:
    result = ground("Cofinanțarea este de 15% [3]. Suma maximă este 2.650.000 lei. [1] Invenție [7].", passages)
    assert result.text == "Cofinanțarea este de 15% [1]. Suma maximă este 2.650.000 lei [2]."
    assert [(c.n, c.document) for c in result.citations] == [(1, "doc3.md"), (2, "doc1.md")]
    assert len(result.dropped) == 1


def test_a_sentence_citing_two_passages_may_use_values_of_both(passages: list[Passage]) -> None:
    result = ground("Se pot obține 2.650.000 lei, cu o cofinanțare de 15% [1][3].", passages)
    assert result.text.endswith("[1][2].")
    assert len(result.citations) == 2


def test_every_marker_in_the_text_names_an_existing_citation(passages: list[Passage]) -> None:
    import re

    result = ground("A [2]. B [2, 3]. C [1]. D [4].", passages)
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", result.text)}
    assert numbers == {c.n for c in result.citations} == {1, 2, 3}


def test_stream_buffer_waits_for_a_marker_that_may_follow() -> None:
    assert complete_sentences("Suma este 5 lei. [")[0] == []
    done, rest = complete_sentences("Suma este 5 lei. [1] Termenul")
    assert done == ["Suma este 5 lei [1]."] and rest == "Termenul"
