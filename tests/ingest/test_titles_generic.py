"""A generic section name on a document's first line is no title of the document."""

from __future__ import annotations

import pytest

from ingest.loaders._text import guess_title


@pytest.mark.parametrize("first", ["INTRODUCERE", "Definiții", "1. Cuprins", "REZUMAT:"])
def test_a_section_name_on_the_first_line_is_no_title(first: str) -> None:
    text = f"{first}\n\nRaportul descrie activitatea clusterului Stejarul Verde în anul 2033.\n"
    assert guess_title(text) is None


def test_a_title_line_is_still_the_title() -> None:
    assert guess_title("Raport anual Stejarul Verde 2033\n\nIntroducere\n\nText.") == "Raport anual Stejarul Verde 2033"
