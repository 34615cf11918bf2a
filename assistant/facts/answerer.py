"""Questions that count, filter, rank or list over table records, answered from the records.

Conservative on purpose: it answers only when the question has a counting/listing/ranking
cue, names what the records are (a word of the table's headers, headings or document title),
and a field value or a numeric column of the table matches its words; otherwise retrieval answers.
"""

from __future__ import annotations

import logging
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from assistant.facts.records import Record, numeric_value
from assistant.facts.tables import Table, WordHolders, group_tables, phrase
from assistant.text import fold, index_tokens
from assistant.types import Answer, Citation
from assistant.wordforms import other_forms

logger = logging.getLogger(__name__)

_COUNT = re.compile(r"\b(?:cate|cati|numarul (?:de|total de)|how many)\b")
_LIST = re.compile(r"\b(?:care|ce|listeaza|enumera|lista|arata|which|list)\b")
_SKIP = {"sunt", "toate", "toti", "dintre", "de", "the", "are", "exista", "au"}
_MOST = re.compile(r"\b(?:cel|cei|cea|cele) mai (?:mare|mult|multi|multe)\b")
_LEAST = re.compile(r"\b(?:cel|cei|cea|cele) mai (?:mic|mica|putin|putini|putine)\b")
_MAX_LISTED = 20


@dataclass
class _Match:
    key: str
    value: str  # a whole value as a folded phrase, or one stemmed word of it (Table.rows_holding)
    word: bool = False


class RecordAnswerer:
    """StructuredAnswerer over the records of the index (see assistant.service)."""

    def __init__(self, records: list[Record] | Callable[[], list[Record]]) -> None:
        self._source = records
        self._loaded: list[Record] = []  # the records the tables below were computed from
        self._tables: list[Table] = []
        self._holders = (WordHolders([]), WordHolders([]))  # of the tables' vocabularies and headers

    @property
    def records(self) -> list[Record]:
        return self._source() if callable(self._source) else self._source

    def try_answer(self, question: str) -> Answer | None:
        q = fold(question)
        mode = "count" if _COUNT.search(q) else "max" if _MOST.search(q) else "min" if _LEAST.search(q) else \
            "list" if _LIST.search(q) else None
        if mode is None:
            return None
        best: _Found | None = None
        qtokens = set(index_tokens(question))
        word = _record_word(q, mode)  # the question's part of _naming, once, not per table
        tables = self._current_tables()
        if mode not in ("max", "min"):  # only the tables whose records the question names can answer
            named = self._naming(word)
            tables = [t for i, t in enumerate(tables) if i in named]
        for table in tables:
            got = _match_table(table, question, mode, qtokens)
            if got and (best is None or got[0] > best[0]):
                best = got
        if best is None:
            return None
        _, rows, matches, rank_key = best
        logger.info("structured answer mode=%s rows=%d filters=%d", mode, len(rows), len(matches))
        return _answer(question, mode, rows, matches, rank_key)

    def _current_tables(self) -> list[Table]:
        """Tables with what every question needs from them, computed once per load of the
        records (the source hands out the same Record objects until records.json changes)."""
        records = self.records
        if len(records) != len(self._loaded) or not all(map(operator.is_, records, self._loaded)):
            self._tables = [Table.of(rows) for rows in group_tables(records)]
            self._loaded = list(records)
            self._holders = (WordHolders([t.vocabulary for t in self._tables]),
                             WordHolders([t.headers for t in self._tables]))
        return self._tables

    def _naming(self, word: set[str] | None) -> set[int]:
        """Indices (in `_current_tables`) of the tables whose records the question names: 'câte
        proiecte', 'care clustere', 'listează proiectele': the word after the cue (`word`,
        `_record_word` of the question) names what the records are, a form of it in the table's
        vocabulary and none in its headers; 'ce buget are județul X' asks for one value and is
        left to retrieval."""
        if not word:
            return set()
        vocabulary, headers = self._holders
        return vocabulary.holding(word) - headers.holding(word)


def _record_word(q: str, mode: str) -> set[str] | None:
    """Tokens of the word after the counting or listing cue of the folded question; None
    without a cue."""
    cue = (_COUNT if mode == "count" else _LIST).search(q)
    if cue is None:
        return None
    following = [w for w in re.findall(r"[a-z0-9]+", q[cue.end():]) if w not in _SKIP][:1]
    return set(index_tokens(following[0])) if following else set()


def _overlap(a: set[str], b: set[str]) -> set[str]:
    """The words of a that b holds in some form (text.other_forms: 'clust' / 'cluster')."""
    return {x for x in a if x in b or next(other_forms(x, b), None) is not None}


def _overlaps(a: set[str], b: set[str], words: list[str]) -> bool:
    """bool(_overlap(a, b)), the longer forms found by bisecting `words` (b sorted)."""
    return any(x in b or next(other_forms(x, b, words), None) is not None for x in a)


_Found = tuple[int, list[Record], list[_Match], str | None]


def _match_table(table: Table, question: str, mode: str, qtokens: set[str]) -> _Found | None:
    """The table's rows the question filters (or ranks), scored by how much it says of them;
    the caller passes only tables whose records a listing or counting question names."""
    matches = _filters(table, question, qtokens)
    rank_key = _rank_key(table, qtokens) if mode in ("max", "min") else None
    if not matches and rank_key is None:
        return None
    held = set(range(len(table.rows)))
    for m in matches:
        held &= table.rows_holding(m.key, m.value, m.word)
    rows = [r for i, r in enumerate(table.rows) if i in held]
    if not rows:
        return None
    return len(matches) * 2 + (rank_key is not None), rows, matches, rank_key


def _filters(table: Table, question: str, qstems: set[str]) -> list[_Match]:
    """Field values written in the question (the longest wins: 'Sud-Vest' over 'Sud'); failing
    that, one word of a descriptive field, in the field the question names when it names one."""
    q, written = _padded_words(question)
    if written.isdisjoint(table.first_words) and qstems.isdisjoint(table.any_stems):
        return []  # no value of the table starts with a word of the question or shares a stem with it
    found: list[_Match] = []
    words: list[_Match] = []
    for key, values in table.padded.items():
        # the values starting with a word of the question, in the table's order (Table.starts)
        starts = table.starts[key]
        at = sorted(i for w in written.intersection(starts) for i in starts[w])
        hits = [values[i][0] for i in at if values[i][1] in q]
        hits = [h for h in hits if not any(h != o and f" {h} " in f" {o} " for o in hits)]
        found.extend(_Match(key, h) for h in hits[:1])
        words.extend(_Match(key, w, word=True) for w in _word_hits(table, key, qstems)[:1])
    if found or not words:
        return found
    # One shared word filters a descriptive field only when the question names that field
    # ("din domeniul sănătate"); a stray word ("în România") must not turn into a filter.
    named = [m for m in words if _overlap(table.label_tokens[m.key], qstems)]
    return named[:1]


@lru_cache(maxsize=8)  # the question being asked, for each of the tables
def _padded_words(question: str) -> tuple[str, frozenset[str]]:
    """The question as `_filters` looks for values in it (its phrase, padded), and its words."""
    q = f" {phrase(question)} "
    return q, frozenset(q.split())


def _word_hits(table: Table, key: str, qstems: set[str]) -> list[str]:
    """Stems the question shares with values of a descriptive field (values of several words,
    like domains); never with short names such as regions, where a word is not the value."""
    if not (table.all_stems.get(key, set()) & qstems):
        return []  # no value shares a stem with the question
    out = []
    for stems in table.value_stems.get(key, []):
        out.extend(sorted(stems & qstems))
    return sorted(set(out), key=len, reverse=True)


def _rank_key(table: Table, qtokens: set[str]) -> str | None:
    for key in table.numeric:
        if table.label_tokens[key] & qtokens:
            return key
    return None


def _answer(question: str, mode: str, rows: list[Record], matches: list[_Match], rank_key: str | None) -> Answer:
    if rank_key is not None:
        rows = sorted((r for r in rows if numeric_value(r.fields.get(rank_key, "")) is not None),
                      key=lambda r: numeric_value(r.fields[rank_key]) or 0.0, reverse=mode == "max")
    shown = rows[:_MAX_LISTED] if rank_key is None else rows[:3]
    label = rows[0].labels
    where = "; ".join(f"{label.get(m.key, m.key)}: {_shown_value(rows, m)}" for m in matches)
    lines = []
    for n, r in enumerate(shown, start=1):
        extra = f" — {label[rank_key]}: {r.fields[rank_key]}" if rank_key else ""
        lines.append(f"{n}. {r.display_name}{extra} [{n}]")
    if rank_key is not None:
        top = shown[0]
        word = "cea mai mare" if mode == "max" else "cea mai mică"
        head = (f"Valoarea {word} pentru „{label[rank_key]}” o are {top.display_name}: {top.fields[rank_key]} [1]"
                + (f" (între înregistrările cu {where})" if where else "") + ".")
    elif mode == "count":
        noun, verb = ("înregistrare", "are") if len(rows) == 1 else ("înregistrări", "au")
        head = f"{len(rows)} {noun} din „{rows[0].document}” {verb} {where}:"
    else:
        head = f"Înregistrările din „{rows[0].document}” cu {where} ({len(rows)}):"
    more = f"\n(și încă {len(rows) - len(shown)})" if len(rows) > len(shown) and rank_key is None else ""
    citations = [Citation(n=n, document=r.document, page=r.page, section=r.section, text=r.text)
                 for n, r in enumerate(shown, start=1)]
    return Answer(question=question, text=head + "\n" + "\n".join(lines) + more, citations=citations,
                  abstained=False, backend="structured")


def _shown_value(rows: list[Record], m: _Match) -> str:
    return rows[0].fields.get(m.key, m.value) if not m.word else f"„{m.value}…”"
