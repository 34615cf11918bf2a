"""Which words of a question are names, and which documents write them: a word the documents
write capitalised inside their sentences ("Interreg"), the documents writing each name the
question writes, a name or an asked-for noun no passage of the index holds. The retriever asks
them to tell a question about another document, or about none, from one about this one
(a mixin of QuestionCoverage: `_init_names` in its constructor)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

import numpy as np

from assistant.bm25 import BM25Index
from assistant.folding import fold_case_kept
from assistant.intent import asked_head, asks_given
from assistant.query import Query, Term
from assistant.store import Store
from assistant.text import fold, index_tokens, is_english
from assistant.wordforms import STEM_SLACK, other_forms

# "Câți oameni", "câte persoane", "câți ani", "de câte ori", "ce număr de": a generic unit counted,
# which the documents write in their own words (participanți, membri, 2019-2023); not the thing
# asked about.
GENERIC_UNIT = re.compile(r"(?:oameni|persoane|lume|indivizi|ori|ani|luni|zile|ore|saptamani|bucati|numar\w*|"
                           r"people|persons|times|years|months|days)")


NAME_STEM = 5  # letters a name's token and another form of it both need to be one word (_name_rows)
# A name of two capitalised words joined by a hyphen ("Comerț-Servicii", "Baia-Sprie") is one
# name: its words written apart elsewhere ("camere de comerț") do not write it.
_COMPOUND = re.compile(r"(?<![\w-])([A-ZĂÂÎȘȚ][a-zăâîșț]{2,})-([A-ZĂÂÎȘȚ][a-zăâîșț]{2,})(?![\w-])")


class QuestionNames:
    """Name measures over one store, with the caches they need."""

    store: Store

    def _init_names(self) -> None:
        # Whether the documents write a word as a name, by its forms, for the current BM25 index.
        self._names_written: tuple[BM25Index | None, dict[frozenset[str], bool]] = (None, {})
        # The documents writing each name of the last query (about_another asks it per document).
        self._name_holders: tuple[Query, BM25Index, list[set[str]]] | None = None
        # Whether a document's own text (outside its title) writes a token, for the current index.
        self._own_text: tuple[BM25Index | None, dict[tuple[str, str], bool]] = (None, {})

    def absent_name(self, query: Query, without: str | None = None,
                    within: AbstractSet[str] | None = None) -> float:
        """1.0 when a word of a name the question writes stands in no passage of the index in
        any form (not even as another form of the word), or a hyphenated name's two words stand
        together in none: the question names something no document describes ("the members of
        <an association no document mentions>"); else 0.0. `without`, `within`: as in
        `QuestionCoverage.missing_mass`."""
        for term in query.terms:
            if not set(term.weight_tokens) & query.names:
                continue
            if self.absent_from([r for a in term.alternatives | term.partial for r in self._name_rows(a)],
                                without, within):
                return 1.0
        return float(any(not self._compound_written(parts, without, within) for parts in _COMPOUND.findall(query.text)))

    def _name_rows(self, token: str) -> list[np.ndarray]:
        """The postings of a name's token: its own, or those of its other forms (wordforms) when
        both it and they have NAME_STEM letters or more. A short stem shared by a name and a
        common word ("fran" of "frână" and of "Franței") is not the name written otherwise."""
        bm25 = self.store.bm25
        if bm25.holds_exact(token):
            return [bm25.postings(token)]
        if len(token) < NAME_STEM:
            return []
        vocab, ordered = bm25.vocabulary()
        return [bm25.postings(f) for f in other_forms(token, vocab.keys(), ordered) if len(f) >= NAME_STEM]

    def _compound_written(self, parts: tuple[str, str], without: str | None,
                          within: AbstractSet[str] | None) -> bool:
        """Some passage (of `within`'s documents; of others than `without`) writes the two words
        of a hyphenated name one right after the other (joined by a hyphen or a space)."""
        first, second = (next(iter(index_tokens(p)), "") for p in parts)
        if not first or not second:
            return True
        bm25, chunks = self.store.bm25, self.store.ordered_chunks()
        rows = np.intersect1d(bm25.postings(first), bm25.postings(second))
        together = re.compile(rf"(?<!\w){re.escape(fold(parts[0]))}[\s-]+{re.escape(fold(parts[1]))}")
        for row in rows.tolist():
            document = chunks[row].document
            if document == without or (within is not None and document not in within):
                continue
            if together.search(fold(chunks[row].text)):
                return True
        return False

    def absent_from(self, rows: list[np.ndarray], without: str | None = None,
                    within: AbstractSet[str] | None = None) -> bool:
        """No posting of `rows` (a word's forms) is in the index: in any document, in a document
        of `within` only, or in one other than `without` (see `QuestionCoverage.missing_mass`)."""
        if within is not None:
            return not any(self.store.documents_at(r) & within for r in rows)
        if without is None:
            return not any(len(r) for r in rows)
        return all(self.store.documents_at(r) <= {without} for r in rows)

    def about_another(self, query: Query, document: str) -> bool:
        """The question writes names (words the documents write as names, or the question's own
        capitalised names) other documents write and this document writes none of ("rata de
        finanțare la interreg?", Interreg named only by other documents): it is about something
        else than this document. Words no document writes, and the words saying what is asked,
        do not count."""
        holders = self.named_holders(query)
        return bool(holders) and not any(document in h for h in holders)

    def named_holders(self, query: Query) -> list[set[str]]:
        """For each name the question writes that some document writes (see about_another), the
        documents writing it; computed once per question, as about_another is asked of every call."""
        memo = self._name_holders
        if memo is not None and memo[0] is query and memo[1] is self.store.bm25:
            return memo[2]
        bm25 = self.store.bm25
        out: list[set[str]] = []
        for term in query.terms:
            if term.asks:
                continue
            # the documents of each form, kept per token (documents_at of all their postings)
            holders = set().union(*(self.store.documents_of(form) for form in term.alternatives | term.partial))
            if holders and (set(term.weight_tokens) & query.names or self._written_as_name(term, None)):
                out.append(holders)
        self._name_holders = (query, bm25, out)
        return out

    def written_as_name(self, query: Query, token: str) -> bool:
        """The documents write this token of the question as a name (see `_written_as_name`);
        False when no term of the question holds it."""
        term = next((t for t in query.terms if token in t.weight_tokens or token in t.alternatives), None)
        if term is None:
            return False
        return self._written_as_name(term, None)

    def _term_rows(self, term: Term) -> np.ndarray:
        """The postings of every form of the term, concatenated (in the forms' set order)."""
        postings = [self.store.bm25.postings(form) for form in term.alternatives | term.partial]
        return np.concatenate(postings).astype(np.int64) if postings else np.zeros(0, dtype=np.int64)

    def in_own_text(self, document: str, token: str) -> bool:
        """The document's text, outside its title, writes a word beginning with `token` (kept
        per document and token until the index changes: asked of every document whose title
        holds a word of the question)."""
        if self._own_text[0] is not self.store.bm25:
            self._own_text = (self.store.bm25, {})
        memo = self._own_text[1]
        if (document, token) not in memo:
            chunks = self.store.ordered_chunks()
            word = re.compile(rf"(?<!\w){re.escape(token)}")
            rows = self.store.rows_of_document(self.store.bm25.postings(token), document)
            memo[(document, token)] = any(word.search(fold(chunks[r].text.replace(chunks[r].title, " ")))
                                          for r in rows.tolist())
        return memo[(document, token)]

    def _written_as_name(self, term: Term, rows: np.ndarray | None) -> bool:
        """The documents write this word as a name: capitalised inside their sentences (after a
        lower-case word), as "Interreg" or "Horizon" are, at least as often as not. A common word
        ("apel", "cerere") that opens a sentence or a title does not count. `rows`: the term's
        forms' postings concatenated, read here when None and not yet known."""
        forms = frozenset(term.alternatives | term.partial)
        if self._names_written[0] is not self.store.bm25:
            self._names_written = (self.store.bm25, {})
        memo = self._names_written[1]
        if forms not in memo:
            memo[forms] = self._capitalised_inside(term, self._term_rows(term) if rows is None else rows)
        return memo[forms]

    def _capitalised_inside(self, term: Term, rows: np.ndarray) -> bool:
        chunks = self.store.ordered_chunks()
        stems = sorted({f for f in term.alternatives | term.partial if f.isalpha() and len(f) >= 3}, key=len)
        if not stems:
            return False
        word = re.compile(rf"(?i)(?<![\w])({'|'.join(map(re.escape, stems))})\w*")
        upper = lower = 0
        for row in rows[:20].tolist():
            text = fold_case_kept(chunks[row].text)
            for m in word.finditer(text):
                before = text[max(0, m.start() - 2): m.start()]
                if not re.fullmatch(r"[a-z,;] ", before) or _title_case_line(text, m.start()):
                    continue  # opening a sentence, a line or a title: says nothing
                upper += m.group()[0].isupper()
                lower += m.group()[0].islower()
        return upper > 0 and upper >= lower

    def absent_value_of(self, query: Query) -> bool:
        """The question asks a value (an amount, a rate, a date, a count) of a thing
        (intent.asked_head: "Cât este avansul ...", "Care este cota de TVA ...") that no passage
        of the index writes in any form, nor any word it may stand for (its concept terms): a
        figure the documents give is of something else. On the development sets every question
        of this kind is unanswerable (7 of 7, all in xquad)."""
        if not query.intent.kinds & {"amount", "percent", "count", "date"} or is_english(query.text):
            return False  # an English question's words are not the documents' (the glossary has a few)
        head = asked_head(query.text)
        noun = index_tokens(head)
        if not noun or GENERIC_UNIT.fullmatch(head):
            return False
        return self._unwritten(query, noun[0])

    def unwritten_in(self, query: Query, within: AbstractSet[str], role: str = "") -> bool:
        """A question naming a call (`within`: its documents) asks for a thing (intent.asked_head:
        "ce avans ...", "care este durata ..."; or `role`, the index token of the role a "cine e
        <role>?" question asks the holder of) that no document of the call writes in any form,
        nor any word it may stand for: the call does not state it, whatever other documents say."""
        if is_english(query.text):
            return False  # an English question's words are not the documents'
        if not role and query.intent.typed & {"amount", "percent", "date", "count", "contact"} \
                and not asks_given(query.text):
            return False  # a figure asked is named many ways ("finanțare maximă" for "350.000 €/proiect")
        head = asked_head(query.text)
        noun = role or next(iter(index_tokens(head)), "")
        if not noun or GENERIC_UNIT.fullmatch(head):
            return False
        return self._unwritten_as_such(query, noun, within)

    def absent_asked(self, query: Query, token: str, within: AbstractSet[str] | None = None) -> bool:
        """`token` (the index token of what the question asks, e.g. the role of "cine e <role>?")
        is written by no passage (of `within`'s documents, if given) in any form, nor any word its
        concept term may stand for; False for no token and for an English question."""
        return bool(token) and not is_english(query.text) and self._unwritten(query, token, within)

    def _unwritten(self, query: Query, token: str, within: AbstractSet[str] | None = None) -> bool:
        """No passage (of `within`'s documents, if given) writes the word of `token` in any form,
        nor any word its concept term may stand for (Term.alternatives, Term.partial)."""
        term = next((t for t in query.terms if token in t.weight_tokens or token in t.alternatives), None)
        forms = (term.alternatives | term.partial) if term is not None else {token}
        return self.absent_from([self.store.bm25.postings(f) for f in forms], within=within)

    def absent_subject(self, query: Query) -> bool:
        """The question asks for things no document writes of, of a name no document writes
        ("Ce clustere sunt membre ale Asociației Clusterelor ...?" over documents that never
        write "cluster"; "Care este capitala Franței?" over documents writing "capitalizarea"
        only): the noun it asks for or about (intent.asked_head) is in no passage, nor any word it
        may stand for, in its own form or a shorter one (a longer word sharing its stem is
        another word: "capitalizare" is not "capitală"), and a word of a name it writes is absent too."""
        noun = index_tokens(asked_head(query.text))
        if not noun or not self.absent_name(query):
            return False
        return self._unwritten_as_such(query, noun[0])

    def _unwritten_as_such(self, query: Query, token: str, within: AbstractSet[str] | None = None) -> bool:
        """No passage (of `within`'s documents) writes `token`, or a word its concept term may
        stand for, in its own form or a shorter one: a longer word sharing its stem is another
        word ("capitalizarea" is not "capitala", "avansate" is not "avans")."""
        term = next((t for t in query.terms if token in t.weight_tokens or token in t.alternatives), None)
        forms = (term.alternatives | term.partial) if term is not None else {token}
        bm25 = self.store.bm25
        rows = [bm25.exact_postings(f[:k]) for f in forms
                for k in range(min(len(f), max(3, len(f) - STEM_SLACK)), len(f) + 1)]
        return self.absent_from(rows, within=within)


def _title_case_line(text: str, at: int) -> bool:
    """The line around `at` capitalises every word of four letters or more ("French and Indian
    War"): an English title, whose capitals say nothing of which words are names."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = [w for w in re.findall(r"[^\W\d_]+", text[start: end if end >= 0 else len(text)]) if len(w) >= 4]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
