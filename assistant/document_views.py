"""Document-level views of the loaded index: a document's chunks, tokens and word pairs, and
which documents a set of BM25 rows (postings) belongs to. A mixin of Store: built when first
asked for and forgotten whenever the store changes (`_forget_documents`)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import numpy as np

from assistant.bm25 import BM25Index
from assistant.text import bigrams
from assistant.types import Chunk


class DocumentViews:
    chunks: dict[str, Chunk]
    bm25: BM25Index

    if TYPE_CHECKING:  # provided by Store
        def ordered_chunks(self) -> list[Chunk]: ...
        def tokens_of(self, chunk: Chunk) -> set[str]: ...
        def context_tokens_of(self, chunk: Chunk) -> set[str]: ...

    def _forget_documents(self) -> None:
        self._doc_pairs: dict[str, frozenset[tuple[str, str]]] = {}  # document_pairs(), by document
        self._doc_tokens: dict[str, frozenset[str]] = {}  # document_tokens(), by document
        self._by_document: dict[str, list[Chunk]] | None = None
        self._doc_rows: tuple[np.ndarray, list[str]] | None = None  # per BM25 row, its document
        self._token_docs: tuple[BM25Index | None, dict[str, frozenset[str]]] = (None, {})  # documents_of()

    def document_pairs(self, document: str) -> frozenset[tuple[str, str]]:
        """Adjacent index-token pairs anywhere in a document (its chunks and their titles),
        built when first asked for and kept until the index changes."""
        got = self._doc_pairs.get(document)
        if got is None:
            pairs: set[tuple[str, str]] = set()
            for c in self._chunks_by_document().get(document, []):
                pairs |= bigrams(c.text) | bigrams(c.document_context())
            got = self._doc_pairs[document] = frozenset(pairs)
        return got

    def document_tokens(self, document: str) -> frozenset[str]:
        """Every index token of a document's chunks and of their context, kept until the index
        changes."""
        got = self._doc_tokens.get(document)
        if got is None:
            tokens: set[str] = set()
            for c in self._chunks_by_document().get(document, []):
                tokens |= self.tokens_of(c) | self.context_tokens_of(c)
            got = self._doc_tokens[document] = frozenset(tokens)
        return got

    def document_chunks(self, document: str) -> list[Chunk]:
        """A document's chunks in reading order (by ordinal); [] for a document not indexed."""
        return sorted(self._chunks_by_document().get(document, []), key=lambda c: c.ordinal)

    def chunk_count(self, document: str) -> int:
        """How many chunks of a document the index holds (0 for a document not indexed)."""
        return len(self._chunks_by_document().get(document, []))

    def _chunks_by_document(self) -> dict[str, list[Chunk]]:
        if self._by_document is None:
            by_document: dict[str, list[Chunk]] = {}
            for c in self.ordered_chunks():
                by_document.setdefault(c.document, []).append(c)
            self._by_document = by_document
        return self._by_document

    def documents_at(self, rows: np.ndarray) -> set[str]:
        """Documents of the loaded chunks at these BM25 rows (postings), without a Python loop
        over every posting of a common word: a flag per document set from the rows' codes
        (linear, where np.unique hashes or sorts them; -1, a row without a loaded chunk, lands
        on the extra last flag)."""
        codes, names = self._document_rows()
        if not len(rows):
            return set()
        seen = np.zeros(len(names) + 1, dtype=bool)
        seen[codes[rows]] = True
        return {names[c] for c in np.flatnonzero(seen[:-1]).tolist()}

    def documents_of(self, token: str) -> frozenset[str]:
        """`documents_at(bm25.postings(token))`, kept per token for the BM25 index it was read
        from (the names of a question are looked up in every search and answerer)."""
        memo = self._token_docs
        if memo[0] is not self.bm25:
            memo = self._token_docs = (self.bm25, {})
        got = memo[1].get(token)
        if got is None:
            got = memo[1][token] = frozenset(self.documents_at(self.bm25.postings(token)))
        return got

    def document_mask(self, documents: set[str]) -> np.ndarray:
        """Per BM25 row, whether its chunk belongs to one of these documents."""
        codes, names = self._document_rows()
        flags = np.zeros(len(names) + 1, dtype=bool)  # a flag per document (names is sorted) and
        for document in documents:  # the extra last one, where -1 (a row without a loaded chunk) lands
            at = bisect.bisect_left(names, document)
            if at < len(names) and names[at] == document:
                flags[at] = True
        return flags[codes]

    def document_count(self) -> int:
        """Documents among the loaded chunks."""
        return len(self._document_rows()[1])

    def rows_of_document(self, rows: np.ndarray, document: str) -> np.ndarray:
        """The rows (BM25 postings) that belong to this document's chunks."""
        codes, names = self._document_rows()
        at = bisect.bisect_left(names, document)
        if at == len(names) or names[at] != document:
            return rows[:0]
        return rows[codes[rows] == at]

    def _document_rows(self) -> tuple[np.ndarray, list[str]]:
        if self._doc_rows is None:
            names = sorted({c.document for c in self.chunks.values()})
            code = {name: i for i, name in enumerate(names)}
            rows = [code[self.chunks[cid].document] if cid in self.chunks else -1 for cid in self.bm25.ids]
            self._doc_rows = (np.asarray(rows, dtype=np.int64), names)
        return self._doc_rows
