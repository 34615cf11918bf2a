"""The app answers several people at once (Gradio runs four requests together) with one assistant:
different questions asked from several threads get the answers they get when asked alone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from assistant.build import build_assistant
from assistant.settings import Settings

QUESTIONS = [
    "Care este bugetul total al apelului Inovare Digitală?",
    "Până când se pot depune cererile la apelul Inovare Digitală?",
    "Câte audituri energetice a realizat clusterul AgroNord Someș?",
    "Cine este coordonatoarea Clusterului Textil Banat?",
    "Care este alocarea financiară a apelului Economie Circulară?",
    "Cât durează proiectul TexVerde?",
    "Cine poate depune proiecte la apelul Economie Circulară?",
    "Ce cheltuieli sunt eligibile în apelul Inovare Digitală?",
]


def _seen(answer: Any) -> tuple[Any, ...]:
    return (answer.text, answer.abstained, [(c.document, c.page, c.text) for c in answer.citations],
            [p.chunk.id for p in answer.retrieved])


def test_questions_from_several_threads_get_the_answers_asked_alone(corpus_index: tuple[Settings, Path]) -> None:
    alone = {q: _seen(build_assistant(corpus_index[0]).ask(q)) for q in QUESTIONS}  # each in a fresh assistant
    shared = build_assistant(corpus_index[0])
    asked = QUESTIONS * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda q: (q, _seen(shared.ask(q))), asked))
    assert [(q, got) for q, got in together if got != alone[q]] == []
