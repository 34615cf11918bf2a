"""Record tables prepared for matching questions: one table's rows with its vocabulary, header
nouns, categorical values and numeric columns, computed once per load of the records (the
record answerer matches every question against every table)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.facts.records import Record, numeric_value
from assistant.text import fold, index_tokens
from assistant.wordforms import other_forms


@lru_cache(maxsize=65536)
def phrase(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


@lru_cache(maxsize=65536)
def value_tokens(value: str) -> frozenset[str]:
    return frozenset(index_tokens(value))


@lru_cache(maxsize=65536)
def items(value: str) -> frozenset[str]:
    """The items of an enumerated value, as phrases (split once per value, not per question)."""
    return frozenset(phrase(item) for item in re.split(r",|;|\(|\)|\bsi\b|\bsau\b", fold(value)))


# A table's total row ("TOTAL", "Total general", "Total apel", "Subtotal" opening its label
# column) sums the rows above it: it is no record of its own, to count, list or rank among them.
_TOTAL_ROW = re.compile(r"(?:sub)?total(?:uri)?\b")


def is_total_row(record: Record) -> bool:
    first = next(iter(record.fields.values()), "")
    return bool(_TOTAL_ROW.match(fold(first).strip()))


def group_tables(records: list[Record]) -> list[list[Record]]:
    """A document's records per table, total rows left out; tables of fewer than two records dropped."""
    tables: dict[tuple[str, str], list[Record]] = {}
    for r in (r for r in records if not is_total_row(r)):
        tables.setdefault((r.document, r.table), []).append(r)
    return [t for t in tables.values() if len(t) >= 2]


_NO_ROWS: set[int] = set()


@dataclass
class Table:
    """One table's records and what matching a question against it needs, computed once."""

    rows: list[Record]
    vocabulary: set[str]
    headers: set[str]
    values: dict[str, set[str]]  # categorical field -> its values as folded phrases
    value_stems: dict[str, list[set[str]]] = field(default_factory=dict)  # descriptive field -> per value
    label_tokens: dict[str, set[str]] = field(default_factory=dict)
    numeric: list[str] = field(default_factory=list)  # fields that are mostly numbers
    # Computed from the above, so each question does less per table: every value written with
    # the spaces `_filters` looks for (in the set's own order), and each field's stems together.
    padded: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    all_stems: dict[str, set[str]] = field(default_factory=dict)
    sorted_vocabulary: list[str] = field(default_factory=list)
    sorted_headers: list[str] = field(default_factory=list)
    # Per field, the positions in `padded` of the values starting with each word: a value is
    # written in a question only if its first word is one of the question's words.
    starts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    # Per field, the rows holding each value: as a whole phrase or one item of an enumeration
    # (categorical fields), and each stemmed word (descriptive fields): `rows_holding`.
    phrases: dict[str, dict[str, set[int]]] = field(default_factory=dict)
    words: dict[str, dict[str, set[int]]] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()  # every field's `starts` words together
    any_stems: frozenset[str] = frozenset()  # every field's `all_stems` together

    def __post_init__(self) -> None:
        self.sorted_vocabulary, self.sorted_headers = sorted(self.vocabulary), sorted(self.headers)
        self.padded = {key: [(v, f" {v} ") for v in values] for key, values in self.values.items()}
        for key, pairs in self.padded.items():
            starts = self.starts[key] = {}
            for i, (v, _) in enumerate(pairs):
                if v:
                    starts.setdefault(v.split(" ", 1)[0], []).append(i)
        self.all_stems = {key: set().union(*stems) for key, stems in self.value_stems.items()}
        self.first_words = frozenset(w for starts in self.starts.values() for w in starts)
        self.any_stems = frozenset().union(*self.all_stems.values())
        for i, row in enumerate(self.rows):
            for key, value in row.fields.items():
                if key in self.values:
                    for p in {phrase(value)} | items(value):
                        self.phrases.setdefault(key, {}).setdefault(p, set()).add(i)
                if key in self.value_stems:
                    for t in value_tokens(value):
                        self.words.setdefault(key, {}).setdefault(t, set()).add(i)

    def rows_holding(self, key: str, value: str, word: bool) -> set[int]:
        """Indices of the rows whose field `key` is the phrase `value` or lists it as one item of
        an enumeration ('Sănătate și biotehnologii', 'TIC, energie'; not part of a compound name:
        'Sud-Est' does not hold 'Sud'); with `word`, whose field holds the stemmed word `value`.
        Only fields in `values` (phrases) and `value_stems` (words) are indexed, the fields a
        question's filters name. Callers must not modify the set."""
        return (self.words if word else self.phrases).get(key, {}).get(value, _NO_ROWS)

    @classmethod
    def of(cls, rows: list[Record]) -> Table:
        labels = rows[0].labels
        vocabulary = _vocabulary(rows)
        label_tokens = {key: set(index_tokens(label)) for key, label in labels.items()}
        values = {key: {phrase(r.fields[key]) for r in rows if key in r.fields}
                  for key in labels if _categorical(rows, key)}
        value_stems = {}
        for key, vals in values.items():
            if max((len(v.split()) for v in vals), default=0) >= 4:
                generic = vocabulary | label_tokens[key]
                value_stems[key] = [{t for t in index_tokens(v) if t.isalpha() and len(t) > 3} - generic
                                    for v in vals]
        numeric = [key for key in labels
                   if sum(numeric_value(r.fields.get(key, "")) is not None for r in rows) >= len(rows) / 2]
        # The first column names the records ("Membru", "Proiect"): "câți membri" counts them; the
        # other columns' nouns ask one value of a record ("ce buget are ...").
        named = list(labels.values())[1:]
        return cls(rows, vocabulary, {_head_noun(label) for label in named} - {""}, values,
                   value_stems, label_tokens, numeric)


def _vocabulary(table: list[Record]) -> set[str]:
    """What the records are ("proiecte", "clustere"): words of the document name and the headings."""
    words = " ".join([table[0].document, *(r.section or "" for r in table)])
    return {t for t in index_tokens(words.replace("_", " ").replace("-", " ")) if t.isalpha() and len(t) >= 3}


def _categorical(table: list[Record], key: str) -> bool:
    """Short values (regions, domains, types), not titles or descriptions."""
    values = [r.fields[key] for r in table if key in r.fields]
    lengths = sorted(len(v.split()) for v in values)
    return bool(values) and lengths[len(lengths) // 2] <= 6 and not all(numeric_value(v) is not None for v in values)


def _head_noun(label: str) -> str:
    """The column's noun: 'Buget alocat (euro)' -> 'buget', 'Nr. membri cluster' -> 'membr'."""
    words = [t for t in index_tokens(label) if t.isalpha() and t not in ("nr", "numar")]
    return words[0] if words else ""


class WordHolders:
    """Which of many tables hold a form of a word in one of their word sets (each table's
    `vocabulary`, or its `headers`): the sets' union, sorted, maps each word to the tables
    holding it, so a question's word is looked up once, not once per table. A table holds a
    form of a word exactly when one of the union's forms of it (itself, or another form:
    wordforms.other_forms) is one of its own words."""

    def __init__(self, word_sets: list[set[str]]) -> None:
        self._tables: dict[str, list[int]] = {}
        for i, words in enumerate(word_sets):
            for w in words:
                self._tables.setdefault(w, []).append(i)
        self._sorted = sorted(self._tables)

    def holding(self, words: set[str]) -> set[int]:
        """Indices of the tables holding a form of one of `words` (`_overlaps` of each table)."""
        out: set[int] = set()
        for x in words:
            for form in [x, *other_forms(x, self._tables.keys(), self._sorted)]:
                out.update(self._tables.get(form, ()))
        return out
