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


def _answerer(extra_ratio: float = 0.1, max_sentences: int = 3) -> ExtractiveAnswerer:
    retriever: Any = SimpleNamespace(weights=SimpleNamespace(extra_ratio=extra_ratio, max_chars=MAX_CHARS,
                                                             max_sentences=max_sentences))
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


def test_a_first_sentence_referring_back_is_quoted_after_the_one_it_refers_to() -> None:
    from assistant.answer.neighbours import with_antecedent
    from assistant.types import Chunk, Passage

    named = "Vasile Mărgineanu a scris în 1872 un tratat despre apicultură."
    refers = "Lucrarea sa Stupul și albina a fost tradusă în patru limbi."
    text = f"Satul are o școală veche. {named} {refers}"
    passage = Passage(chunk=Chunk("c1", "d.txt", "Satul", None, None, text, text, 0), score=1.0)
    first, before = _evidence(refers, 1.0), _evidence(named, 0.05)
    chosen = with_antecedent([first], [first, before, _evidence("Satul are o școală veche.", 0.01)], [passage],
                             3, MAX_CHARS)
    assert [e.sentence for e in chosen] == [named, refers]
    plain = _evidence("Tratatul a fost tradus în patru limbi.", 1.0)
    assert with_antecedent([plain], [plain, before], [passage], 3, MAX_CHARS) == [plain]


def test_a_first_sentence_using_an_acronym_gets_the_sentence_spelling_it_out() -> None:
    from assistant.answer.neighbours import with_antecedent
    from assistant.types import Chunk, Passage

    spelled = "Oficiul Județean pentru Irigații Montane (OJIM) administrează canalele din bazinul Bistriței."
    other = "Canalele au fost săpate între 1961 și 1968."
    uses = "În fiecare primăvară, OJIM publică lista parcelelor irigate gratuit."
    text = f"{spelled} {other} {uses}"
    passage = Passage(chunk=Chunk("c1", "d.txt", "Irigații", None, None, text, text, 0), score=1.0)
    first = _evidence(uses, 1.0)
    scored = [first, _evidence(spelled, 0.02), _evidence(other, 0.01)]
    chosen = with_antecedent([first], scored, [passage], 3, MAX_CHARS, "Cine publică lista parcelelor irigate?")
    assert [e.sentence for e in chosen] == [spelled, uses]
    # the asker wrote the acronym: they know what it stands for
    asked = with_antecedent([first], scored, [passage], 3, MAX_CHARS, "Ce publică OJIM în fiecare primăvară?")
    assert [e.sentence for e in asked] == [uses]


def test_the_sentence_right_after_the_first_is_joined_when_it_refers_back_to_it() -> None:
    from assistant.answer.neighbours import with_antecedent
    from assistant.types import Chunk, Passage

    first = "În 1904, inginerul Pavel Rusu a fondat Atelierele Rusu din Brăila."
    then = "Acestea produceau pompe de apă pentru morile din port."
    text = f"{first} {then} Portul a fost extins mai târziu."
    passage = Passage(chunk=Chunk("c1", "d.txt", "Brăila", None, None, text, text, 0), score=1.0)
    best = _evidence(first, 1.0)
    chosen = with_antecedent([best], [best, _evidence(then, 0.05), _evidence("Portul a fost extins mai târziu.", 0.5)],
                             [passage], 3, MAX_CHARS)
    assert [e.sentence for e in chosen] == [first, then]


def test_the_fitted_number_of_sentences_bounds_what_is_quoted() -> None:
    short = [f"Moara numărul {n} a satului Izvoru macină grâu." for n in range(1, 6)]
    scored = [_evidence(text, 1.0 - 0.1 * k, rank=k) for k, text in enumerate(short)]
    query = Query.parse("Ce macină morile satului Izvoru?")
    assert len(_answerer(max_sentences=3)._select(query, scored)) == 3
    assert len(_answerer(max_sentences=4)._select(query, scored)) == 4
