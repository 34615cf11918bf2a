"""Answers that know their call: which indexed call (document) a question names, what each call
is called, the sentence saying a named call does not state what is asked, each call's value when
an unnamed question has several, and deadlines already passed.

Every rule here is about how people name calls and how call documents state values, never about
one document: a call is named by the rare words of its title or code; a value is "the call's"
when its fact sheet holds it.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer.call_parts import CallPart, call_parts, named_in, own_sheet
from assistant.answer.call_values import after_number
from assistant.answer.each_call import each_call
from assistant.answer.sheet_part import sheet_part
from assistant.facts.regions import counties_in, regions_in
from assistant.query import Query
from assistant.text import fold, index_tokens
from assistant.types import Answer, Chunk, Passage, _name_words, title_names

if TYPE_CHECKING:
    from assistant.answer.evidence import Evidence
    from assistant.facts.sheet import CallSheet
    from assistant.retrieval import HybridRetriever
    from assistant.store import Store

NAMED_TITLES = 2  # documents a refusal names by title; more are "the indexed documents"
TITLE_CHARS = 60  # a title longer than this is cut at a word: the answer names the call briefly
WHOLE_NAME_TOKENS = 8  # a title this short can be written whole in a question, as a call's name is

# What the question asks, as a sentence saying it is not stated names it (kind of value -> noun).
_ASKED = (("date", r"\b(termen\w*|pana cand|data limita|deadline)", "termenul-limită"),
          ("date", "", "data"), ("percent", "", "rata de finanțare"),
          ("amount", r"\b(buget\w*|aloc\w*)", "bugetul"), ("amount", "", "valoarea"),
          ("contact", "", "datele de contact"), ("count", "", "numărul"), ("duration", "", "durata"),
          ("place", "", "locul"), ("person", "", "persoana"), ("applicant", "", "solicitanții eligibili"))
def short_title(title: str) -> str:
    """A title as an answer names it: one line, without its own quotes, at most TITLE_CHARS."""
    title = " ".join(re.sub(r"[„”“\"«»]", "", title).split()).strip(" :–-")
    if len(title) <= TITLE_CHARS:
        return title
    return title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:–-") + "…"


class CallBook:
    """The documents of one store by title, and which of them a question names."""

    def __init__(self, store: Store, retriever: HybridRetriever, sheets: Callable[[], list[CallSheet]]) -> None:
        self.store = store
        self.retriever = retriever
        self.sheets = sheets
        self._firsts: tuple[list[Chunk], dict[str, Chunk]] | None = None
        self._calls_memo: tuple[list[CallSheet], dict[str, CallPart], dict[str, CallSheet]] | None = None
        self._titles_memo: tuple[list[Chunk], dict[str, tuple[set[str], list[list[str]]]]] | None = None
        self._index_memo: tuple[object, dict[str, set[str]], dict[str, list[tuple[str, list[str]]]]] | None = None
        self._parts_memo: tuple[list[Chunk], list[CallSheet], dict[str, CallPart]] | None = None

    def _first_chunks(self) -> dict[str, Chunk]:
        chunks = self.store.ordered_chunks()
        if self._firsts is None or self._firsts[0] is not chunks:
            first: dict[str, Chunk] = {}
            for c in sorted(chunks, key=lambda c: c.ordinal):
                first.setdefault(c.document, c)
            self._firsts = (chunks, first)
        return self._firsts[1]

    def calls(self) -> dict[str, CallSheet]:
        """The call sheets by document, kept while `sheets` gives the same sheet objects (asked
        several times per question; callers only read it); the sheet of a document holding
        several calls' parts with the values of the call it names only (`call_parts.own_sheet`)."""
        sheets, parts = self.sheets(), self.parts()
        memo = self._calls_memo
        if memo is None or memo[1] is not parts or len(memo[0]) != len(sheets) \
                or not all(map(operator.is_, memo[0], sheets)):
            memo = self._calls_memo = (sheets, parts, {s.document: own_sheet(s, parts, self.store.chunks)
                                                       for s in sheets})
        return memo[2]

    def title(self, document: str, calls: dict[str, CallSheet] | None = None) -> str:
        """The call's name when its sheet reads one, else the document's title (its file name's
        words only when it has no title); a document of several calls' parts (a brochure, a
        newsletter) by its title. `calls`: `calls()`, when the caller lists many."""
        sheet = (self.calls() if calls is None else calls).get(document)
        if sheet is not None and any(document in p.split for p in self.parts().values()):
            sheet = None
        chunk = self._first_chunks().get(document)
        for candidate in (sheet.name if sheet else "", chunk.title if chunk else "", _name_words(document)):
            if candidate and candidate != document:
                return short_title(candidate)
        return document

    def is_call(self, document: str) -> bool:
        return document in self.calls()

    def with_papers(self, documents: set[str]) -> set[str]:
        """`documents` (calls a question names) with every document writing one of their call
        codes: a call's clarifications, FAQ and corrigenda name it by its code ("Clarificări nr. 2
        - apelul PRSM/2031/1.2/2") and are that call's documents too."""
        calls = self.calls()
        codes = {t for d in documents if d in calls for f in calls[d].fields.get("call_code", [])
                 for t in index_tokens(f.value)}
        return documents | {d for t in codes for d in self.store.documents_at(self.store.bm25.postings(t))}

    def of_another_region(self, query: Query, document: str) -> bool:
        """The question names a development region ("programul regional Nord-Est") and the call
        of `document` is of other regions only (its sheet's regions and programme name some, not
        that one): a regional programme's call is not another region's."""
        asked = set(regions_in(query.text))
        sheet = self.calls().get(document) if asked else None
        if sheet is None:
            return False
        written = {r for name in ("regions", "programme") for f in sheet.fields.get(name, [])
                   for r in regions_in(f.value)}
        return bool(written) and not asked & written

    def other_region(self, query: Query) -> str | None:
        """The refusal for a question naming a call (CallBook.named) and a development region
        that call is not of ("apelul Clustere de inovare din programul regional Nord-Est" when the
        indexed call is the Vest programme's): the documents do not hold that region's call."""
        named = self.named(query) if regions_in(query.text) else set()
        if not named or not all(self.of_another_region(query, d) for d in named):
            return None
        return f"Documentele indexate nu conțin apelul pentru regiunea {' și '.join(regions_in(query.text))}."

    def _titles(self) -> dict[str, tuple[set[str], list[list[str]]]]:
        """Per document: the tokens of its title, descriptive file name, call name and code; and
        the whole names (call name, code, a short title) as token runs."""
        chunks = self.store.ordered_chunks()
        if self._titles_memo is not None and self._titles_memo[0] is chunks:
            return self._titles_memo[1]
        out: dict[str, tuple[set[str], list[list[str]]]] = {}
        calls = self.calls()
        for doc, chunk in self._first_chunks().items():
            sheet = calls.get(doc)
            codes = [f.value for f in sheet.fields.get("call_code", [])] if sheet else []
            names = [f.value for f in sheet.fields.get("call_name", [])] if sheet else []
            runs = [r for n in [*names, chunk.title] if 2 <= len(r := index_tokens(n)) <= WHOLE_NAME_TOKENS]
            runs += [r for code in codes if (r := index_tokens(code))]  # a code names its call on its own
            out[doc] = (set(index_tokens(" ".join([chunk.title, _name_words(doc), *names, *codes]))), runs)
        self._titles_memo = (chunks, out)
        return out

    def read_in(self, call: CallPart | None, passages: list[Passage], documents: set[str]) -> list[Passage]:
        """The passages of `documents`; of a named call, each as that call reads it (`CallPart.view`)."""
        if call is None:
            return [p for p in passages if p.chunk.document in documents]
        return [replace(p, chunk=v) for p in passages if (v := call.view(p.chunk)) is not None]

    def named(self, query: Query) -> set[str]:
        """The documents the question names: a call's whole name or code written in it (typed
        in any case), and the words of few documents' titles that few documents write at all
        (an acronym, a call's own name word). Places the question names say where the asker is,
        not which call. Empty when it names none, or more documents than single one out (a
        question comparing two calls is answered from both)."""
        limit = max(1, self.store.document_count() // 5)
        asked = index_tokens(query.text)
        starting = self._title_index()[1]  # a whole name stands in the question only if its first word does
        at: dict[str, list[int]] = {}  # where each word stands: only there can a name it starts begin
        for i, token in enumerate(asked):
            at.setdefault(token, []).append(i)
        hits = [(doc, run) for token, where in at.items() for doc, run in starting.get(token, ())
                if any(asked[i : i + len(run)] == run for i in where)]
        whole, used = {doc for doc, _ in hits}, {t for _, run in hits for t in run}
        named = whole | self._by_title_words(query, used, limit)
        named = named if len(named) <= limit else set()
        # a call of several documents (its own, a brochure's part, a newsletter's) is named by its
        # name or code whichever of them the title words single out
        part = self.named_call(query)
        return part.documents if part is not None and (not named or named & part.documents) else named

    def _by_title_words(self, query: Query, used: set[str], limit: int) -> set[str]:
        places = set(index_tokens(" ".join(counties_in(query.text) + regions_in(query.text))))
        found: dict[str, float] = {}
        for token in dict.fromkeys(query.core_tokens):
            if len(token) < 3 or token in places | used or not any(c.isalpha() for c in token):
                continue
            holders = set(self._title_index()[0].get(token, ()))  # the same word, not a longer one
            if token not in query.names and not self.retriever.written_as_name(query, token):
                # A common word of a title names its document only when the document's own text writes it
                # too (a title in another language matches a word only by its stem), or see title_names.
                holders = {d for d in holders if self.retriever.in_own_text(d, token) or title_names(
                    query.text, token, f"{self._first_chunks()[d].title} {self.title(d)}")}
            if not 0 < len(holders) <= limit:
                continue
            written = self.store.documents_of(token)
            if len(written) <= max(2, limit):
                # A word one document writes (an acronym) names it more surely than one two
                # documents write ("apel" in one title, "apelul" in another's text).
                for d in holders:
                    found[d] = found.get(d, 0.0) + 1.0 / max(1, len(written))
        if not found:
            return set()
        most = max(found.values())
        return {d for d, v in found.items() if v >= most - 1e-9}

    def _title_index(self) -> tuple[dict[str, set[str]], dict[str, list[tuple[str, list[str]]]]]:
        """Per token of `_titles()`, its documents; per first word, the (document, whole name) it starts."""
        titles = self._titles()
        if self._index_memo is None or self._index_memo[0] is not titles:
            holders: dict[str, set[str]] = {}
            starting: dict[str, list[tuple[str, list[str]]]] = {}
            for doc, (tokens, runs) in titles.items():
                for t in tokens:
                    holders.setdefault(t, set()).add(doc)
                for run in runs:
                    starting.setdefault(run[0], []).append((doc, run))
            self._index_memo = (titles, holders, starting)
        return self._index_memo[1], self._index_memo[2]

    def not_stated(self, query: Query, documents: set[str], call: CallPart | None = None,
                   asked: str = "") -> str:
        """"Documentele apelului „X” nu precizează termenul-limită.": the named call (`call`'s
        name, else its documents' titles), and what was asked (`asked`, else as the question's
        kind of value names it)."""
        q = fold(query.text)
        asked = asked or next((noun for kind, cue, noun in _ASKED
                               if query.intent.wants(kind) and (not cue or re.search(cue, q))), "acest lucru")
        if call is not None:
            return f"Documentele apelului „{short_title(call.name)}” nu precizează {asked}."
        calls = self.calls()  # once, not per document
        titles = sorted({self.title(d, calls) for d in documents})
        if len(titles) > NAMED_TITLES:  # a list of titles would be longer than the answer it stands for
            return f"Documentele indexate nu precizează {asked}."
        named = " și ".join(f"„{t}”" for t in titles)
        if all(d in calls for d in documents):
            return f"Documentele apelului {named} nu precizează {asked}."
        return f"{'Documentul' if len(titles) == 1 else 'Documentele'} {named} nu precizează {asked}."

    def each_call(self, question: str, query: Query) -> Answer | None:
        """Each indexed call's value for an unnamed question (see `each_call.each_call`)."""
        return each_call(self, question, query)

    def sheet_part(self, query: Query, documents: set[str]) -> tuple[list[Evidence], list[Passage]] | None:
        """The value the named call's fact sheet holds (see `sheet_part.sheet_part`)."""
        return sheet_part(self, query, documents)

    def parts(self) -> dict[str, CallPart]:
        """The calls of the index by code, with the parts of documents naming several
        (`call_parts.call_parts`), kept while the chunks and the sheets are the same."""
        chunks, sheets = self.store.ordered_chunks(), self.sheets()
        memo = self._parts_memo
        if memo is None or memo[0] is not chunks or len(memo[1]) != len(sheets) \
                or not all(map(operator.is_, memo[1], sheets)):
            memo = self._parts_memo = (chunks, sheets, call_parts(chunks, {s.document: s for s in sheets}))
        return memo[2]

    def named_call(self, query: Query) -> CallPart | None:
        """The one call the question names by its code or its name's own words, when the
        index holds several calls (one call is named by its documents, `named`)."""
        parts = self.parts()
        named = named_in(query.text, parts.values()) if len(parts) > 1 else []
        return named[0] if len(named) == 1 and named[0].documents else None

    def name_sources(self, answer: Answer) -> Answer:
        """The answer says the title of the document it quotes: "Potrivit „X”: ...", and in a
        numbered answer each point whose source differs from the point before it."""
        if answer.abstained or not answer.citations:
            return answer
        docs = {c.n: c.document for c in answer.citations}
        lines = answer.text.split("\n")
        numbered = len(lines) > 1 and all(re.match(r"\d+\. ", ln) for ln in lines)
        points = lines if numbered else [answer.text]
        sources = [list(dict.fromkeys(docs[int(n)] for n in re.findall(r"\[(\d+)\]", p) if int(n) in docs))
                   for p in points]
        if any(p.lstrip("0123456789. ").startswith("Potrivit „") for p in points):
            return answer  # already names its calls (each call's value)
        if not numbered:
            answer.text = f"{self._according(sources[0])}: {answer.text}" if sources[0] else answer.text
            return answer
        out, last = [], None  # a point names its source when it is not the one named just before
        for point, source in zip(points, sources, strict=True):
            if source and source != last:
                point, last = after_number(point, self._according(source)), source
            out.append(point)
        answer.text = "\n".join(out)
        return answer

    def _according(self, documents: Iterable[str]) -> str:
        titles = list(dict.fromkeys(self.title(d) for d in documents))[:2]
        return "Potrivit " + " și ".join(f"„{t}”" for t in titles)

