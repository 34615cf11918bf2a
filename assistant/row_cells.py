"""A table row cut to what a question asks: its first cell (what the row is) and the cells whose
column or value the question names, or whose column holds the kind of value it asks for."""

from __future__ import annotations

import re

from assistant.features import sentence_token_list
from assistant.query import Query, token_matches
from assistant.text import fold

# The column names Romanian (and English) tables give a value of each kind a question asks for:
# "unde" is answered by the "Loc" / "Localitate" / "Oraș" cell of an events table, "când" by its
# "Data" / "Perioada" cell, "câți" by its "Număr" / "Nr." cell, though the question names no column.
_KIND_COLUMNS = {
    "place": r"loc\w*|localitat\w*|oras\w*|judet\w*|tar[ai]\w*|adres\w*|sediu\w*|regiun\w*|place|location|venue|city",
    "date": r"dat[ae]\w*|perioad\w*|termen\w*|calendar\w*|date|period|deadline",
    "year": r"dat[ae]\w*|perioad\w*|an(?:ul)?|date|year|period",
    "count": r"numar\w*|nr|total\w*|number|count",
    "contact": r"e-?mail\w*|telefon\w*|contact\w*|phone",
    "person": r"nume\w*|persoan\w*|responsabil\w*|name|person",
    "duration": r"perioad\w*|durat\w*|period|duration",
}


def _kind_column(query: Query, cell: str) -> bool:
    """The cell's column ("Loc: Brăila") is where a table writes a value of a kind the question asks."""
    if ":" not in cell:
        return False
    header = fold(cell.split(":", 1)[0]).strip()
    # A column's header is its head noun, maybe followed by what it qualifies ("Perioadă
    # implementare", "Data lansării", "Nr. membri"): the first word names the kind of value.
    return any(re.fullmatch(rf"(?:{_KIND_COLUMNS[k]})\.?(?:\s.*)?", header)
               for k in query.intent.typed if k in _KIND_COLUMNS)


def row_cells_for(query: Query, row: str) -> str:
    """A table row cut to what the question asks: its first cell (what the row is) and the
    cells whose column or value the question names, or whose column holds the kind of value it
    asks for (a place, a date, a count)."""
    cells = row.split(" | ")
    if len(cells) < 3:
        return row
    wanted = set(query.core_tokens) | {t for term in query.terms for t in term.alternatives}
    keep = [cells[0]] + [c for c in cells[1:] if _kind_column(query, c)
                         or any(token_matches(t, wanted) for t in sentence_token_list(c))]
    return " | ".join(keep) if len(keep) > 1 else row
