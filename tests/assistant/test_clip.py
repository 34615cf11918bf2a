"""A long unit is quoted by the window that answers (features.clip)."""

from __future__ import annotations

from assistant.features import clip
from assistant.query import Query


def test_the_window_keeps_what_follows_the_words_of_the_question() -> None:
    lead = "La început, meșterii din vale au construit multe case mici de lemn pentru familiile lor numeroase. " * 3
    unit = (lead + "Mai târziu, morile de apă au adăugat la producția satului o unealtă nouă, "
            "anume războiul de țesut mecanic, folosit apoi de toate familiile din regiune până în secolul următor.")
    quoted = clip(Query.parse("Ce unealtă au adăugat morile de apă la producția satului?"), unit, 200)
    assert len(quoted) <= 200 and quoted in unit
    assert "morile de apă" in quoted and "războiul de țesut" in quoted


def test_a_short_unit_is_quoted_whole() -> None:
    unit = "Podul a fost reparat de două ori."
    assert clip(Query.parse("Când a fost reparat podul?"), unit, 200) == unit
