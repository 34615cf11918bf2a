"""Every answer the service returns names its sources by their own titles, whoever asks
(app, CLI, reply drafts, a program): the service fills them, once."""

from __future__ import annotations

import pytest

from assistant.types import Answer


def _titles(assistant) -> dict[str, str]:
    return {name: entry.title for name, entry in assistant.store.manifest.documents.items()}


@pytest.mark.parametrize("question", ["Câte poli sunt din regiunea Nord-Est?",  # records
                                      "Care este termenul de depunere pentru ateliere digitale?",  # call sheet
                                      "Ce cheltuieli sunt neeligibile?"])  # retrieval
def test_ask_fills_each_citation_title(assistant, question: str) -> None:
    titles = _titles(assistant)
    answer = assistant.ask(question)
    assert not answer.abstained and answer.citations
    for c in answer.citations:
        assert c.title and c.title == titles[c.document], (c.document, c.title)
        assert answer.to_json()["citations"][c.n - 1]["title"] == c.title


def test_ask_stream_ends_with_titled_citations(assistant) -> None:
    titles = _titles(assistant)
    final = [item for item in assistant.ask_stream("Câte poli sunt din regiunea Vest?") if isinstance(item, Answer)][-1]
    assert final.citations and all(c.title == titles[c.document] for c in final.citations)
