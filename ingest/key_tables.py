"""Key-data tables: two columns whose names say only "the label" and "its value".

A call announcement prints its key data as a table "Indicator | Valoare" (or "Element | Detalii",
"Denumire | Descriere", "Parameter | Value"): each row is one fact, its first cell the fact's label
("Bugetul sesiunii", "Perioada de depunere") and its second the value. The column names carry no
meaning of their own, so a row reads as the document would write the fact in prose,
"Bugetul sesiunii: 1.200.000 lei", not "Indicator: Bugetul sesiunii | Valoare: 1.200.000 lei".
A table whose column names mean something ("Categorie de cheltuieli | Plafon") keeps them.
"""

from __future__ import annotations

import re

from assistant.text import fold

# The names Romanian (and English) documents give the label column of such a table: the thing
# described ("Indicator", "Element", "Denumire", "Caracteristică", "Parametru", "Aspect", "Câmp",
# "Rubrică", "Informație", "Specificație"), alone or with a generic qualifier ("Denumire indicator").
_LABEL_COLUMN = re.compile(
    r"(?:indicator\w*|element\w*|denumire\w*|caracteristic\w*|parametr\w*|aspect\w*|camp\w*|rubric\w*|"
    r"informati\w*|specificati\w*|item|field|parameter|feature|key data|"
    r"characteristic)(?: (?:indicator\w*|element\w*|principal\w*|cheie|esential\w*))?")
# The names of its value column: the value, its details, its description, the information given.
_VALUE_COLUMN = re.compile(
    r"(?:valoare\w*|valori\w*|detali\w*|descriere\w*|informati\w*|continut\w*|mentiuni\w*|specificati\w*|"
    r"value|values|details|description|information|info)")


def is_key_header(cells: list[str]) -> bool:
    """Whether a table's header row ([label column, value column]) names no more than a label and
    its value: two cells, the first a label column's generic name, the second a value column's."""
    if len(cells) != 2:
        return False
    label, value = (" ".join(re.findall(r"[a-z]+", fold(c))) for c in cells)
    return bool(_LABEL_COLUMN.fullmatch(label)) and bool(_VALUE_COLUMN.fullmatch(value)) and label != value


def key_row(cells: list[str]) -> str:
    """One row of a key-data table as "label: value" (a label's own colon is not doubled)."""
    label, value = cells[0].strip().rstrip(":").strip(), cells[1].strip()
    return f"{label}: {value}"
