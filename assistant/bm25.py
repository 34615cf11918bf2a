"""The BM25 side of the hybrid: bm25s over our Romanian tokens, saved beside Chroma.

bm25s directly rather than llama-index's BM25Retriever: the latter ignores `tokenizer=`,
stems in English and always returns k hits even at score 0 (see STACK-NOTES), while we need
raw scores over our own tokens to fuse and to decide abstention.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import bm25s
import numpy as np

from assistant.wordforms import other_forms

logger = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets DEBUG on itself at import


class BM25Index:
    """Chunk ids and a bm25s model over their tokens."""

    def __init__(self, ids: list[str], model: bm25s.BM25 | None) -> None:
        self.ids = ids
        self._model = model
        self._postings: dict[str, np.ndarray] = {}
        self._idf: dict[str, float] = {}  # idf(), by token: asked for every term of every candidate
        self._vocab_sorted: list[str] | None = None

    def postings(self, token: str) -> np.ndarray:
        """Indices of the chunks holding the token or another form of the same word (one stem
        the prefix of the other, as in `assistant.query.token_matches`); cached per index."""
        got = self._postings.get(token)
        if got is None:
            got = self._postings[token] = self._lookup(token)
        return got

    def exact_postings(self, token: str) -> np.ndarray:
        """Indices of the chunks holding this very token (no other form of the word)."""
        if self._model is None or not token or token not in self._model.vocab_dict:
            return np.zeros(0, dtype=np.int64)
        c = self._model.vocab_dict[token]
        indptr, indices = self._model.scores["indptr"], self._model.scores["indices"]
        return np.asarray(indices[indptr[c] : indptr[c + 1]], dtype=np.int64)

    def _lookup(self, token: str) -> np.ndarray:
        if self._model is None or not token:  # "" is bm25s' own placeholder entry
            return np.zeros(0, dtype=np.int64)
        vocab = self._model.vocab_dict
        cols = {vocab[token]} if token in vocab else set()
        if self._vocab_sorted is None:
            self._vocab_sorted = sorted(vocab)
        cols.update(vocab[t] for t in other_forms(token, vocab.keys(), self._vocab_sorted))
        indptr, indices = self._model.scores["indptr"], self._model.scores["indices"]
        parts = [indices[indptr[c] : indptr[c + 1]] for c in cols]
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    def vocabulary(self) -> tuple[dict[str, int], list[str]]:
        """The index's tokens (bm25s' vocabulary: token -> column; callers must not modify it)
        and the same sorted, for wordforms.WordTable."""
        if self._model is None:
            return {}, []
        if self._vocab_sorted is None:
            self._vocab_sorted = sorted(self._model.vocab_dict)
        return self._model.vocab_dict, self._vocab_sorted

    def holds_exact(self, token: str) -> bool:
        """Some chunk holds this very token (no other form of the word)."""
        return self._model is not None and bool(token) and token in self._model.vocab_dict

    @classmethod
    def build(cls, ids: list[str], tokens: list[list[str]]) -> BM25Index:
        if not ids:
            return cls([], None)
        model = bm25s.BM25(k1=1.2, b=0.75)
        # An empty token list breaks bm25s' vocabulary; a placeholder keeps ids aligned.
        model.index([t or ["\u2205"] for t in tokens], show_progress=False)
        return cls(ids, model)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        if self._model is None or not query_tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._model.get_scores(query_tokens), dtype=np.float32)

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token, for coverage and abstention. It counts the
        chunks holding any form of the word (they all satisfy it, see `postings`), so a rare
        form of a common word weighs as the word does; a word the index has never seen in any
        form is as rare as can be (it is what makes a question unanswerable). Kept per token:
        the index never changes under this object (a new one is built)."""
        got = self._idf.get(token)
        if got is None:
            n = len(self.ids)
            df = len(self.postings(token))
            got = self._idf[token] = float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
        return got

    def save(self, folder: Path) -> None:
        """Written to a sibling folder and swapped in, so readers never see half an index."""
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        (tmp / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
        if self._model is not None:
            self._model.save(str(tmp), show_progress=False)
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            os.replace(folder, old)
        os.replace(tmp, folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> BM25Index | None:
        ids_file = folder / "ids.json"
        if not ids_file.exists():
            old = folder.with_name(folder.name + ".old")  # a crash between the two renames
            if not (old / "ids.json").exists():
                return None
            folder, ids_file = old, old / "ids.json"
        ids = json.loads(ids_file.read_text(encoding="utf-8"))
        if not ids:
            return cls([], None)
        model = bm25s.BM25.load(str(folder), show_progress=False)
        return cls(ids, model)
