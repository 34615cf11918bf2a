"""Shape features of a passage or sentence that say it answers a question of a given form."""

from __future__ import annotations

import re

from assistant.query import Query, token_matches
from assistant.sentences import split_sentences
from assistant.text import fold, index_tokens

_DEFINITION = re.compile(r"\b(este|sunt|reprezinta|inseamna|se defineste|defineste|is|are|means)\b")
_ASKS_DEFINITION = re.compile(r"^\s*(ce (este|sunt|inseamna|reprezinta)|cum (se )?defineste|what (is|are))\b")


def is_label(unit: str) -> bool:
    """Only capitals (a brochure label or a heading): it names a topic, it answers nothing."""
    letters = [c for c in unit if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def named_field(query: Query, sentence: str) -> bool:
    """A table row with a column the question names ("directorul" -> "Director proiect: ...")."""
    if " | " not in sentence:
        return False
    headers = set(index_tokens(" ".join(cell.split(":", 1)[0] for cell in sentence.split(" | ") if ":" in cell)))
    wanted = set(query.core_tokens)
    return any(token_matches(h, wanted) for h in headers if h.isalpha() and len(h) >= 4)


def is_definition(query: Query, sentence: str) -> bool:
    """'Ce este X?' answered by a sentence that opens with X and a defining verb."""
    if not _ASKS_DEFINITION.match(fold(query.text)):
        return False
    head = fold(sentence)[:80]
    m = _DEFINITION.search(head)
    return m is not None and len(set(index_tokens(head[: m.start()])) & set(query.core_tokens)) >= 1


def bonus_features(query: Query, text: str) -> float:
    """How many answer shapes a passage has: a named table column, a definition."""
    lines = text.split("\n")
    named = any(named_field(query, ln) for ln in lines)
    definition = any(is_definition(query, s) for ln in lines for s in split_sentences(ln)[:3])
    return float(named) + float(definition)


def row_cells_for(query: Query, row: str) -> str:
    """A table row cut to what the question asks: its first cell (what the row is) and the
    cells whose column or value the question names."""
    cells = row.split(" | ")
    if len(cells) < 3:
        return row
    wanted = set(query.core_tokens) | {t for term in query.terms for t in term.alternatives}
    keep = [cells[0]] + [c for c in cells[1:] if any(token_matches(t, wanted) for t in index_tokens(c))]
    return " | ".join(keep) if len(keep) > 1 else row
