"""Text too long for one chunk, cut into chunk-sized pieces: at sentence ends, and a run-on
text with no full stop (a flattened table, a list of names, a dump with no punctuation) at
its likeliest boundaries, so no chunk, quote or answer is longer than the chunk limit."""

from __future__ import annotations

import re

from assistant.sentences import split_sentences
from assistant.tokens import count_tokens


def split_long(text: str, limit: int) -> list[str]:
    """A paragraph over the limit, cut at sentence ends into pieces of about `limit` tokens."""
    pieces: list[str] = []
    cur: list[str] = []
    cur_tokens = 0
    for sent in (piece for whole in split_sentences(text) for piece in _cut_run_on(whole, limit)):
        n = count_tokens(sent)
        if cur and cur_tokens + n > limit:
            pieces.append(" ".join(cur))
            cur, cur_tokens = [], 0
        cur.append(sent)
        cur_tokens += n
    if cur:
        pieces.append(" ".join(cur))
    return pieces


def _cut_run_on(sentence: str, limit: int) -> list[str]:
    """A "sentence" far over the limit (a table flattened to one line, a list with no full
    stops, a dump with no punctuation at all) cut at spaces into pieces of about `limit`
    tokens, so no chunk, quote or answer is longer than a chunk; a run with no space is cut
    where it falls. A very long run is first cut by characters (a token is several
    characters of Romanian): tiktoken is slow on a huge piece without spaces."""
    if len(sentence) > limit * 16:
        return [p for piece in _cut_at_spaces(sentence, limit * 4) for p in _cut_run_on(piece, limit)]
    n = count_tokens(sentence)
    if n <= limit * 1.5:
        return [sentence]
    # Denser text than the average (digits, diacritics) may still be over: each piece is cut again.
    return [p for piece in _cut_at_spaces(sentence, max(1, len(sentence) * limit // n))
            for p in ([piece] if count_tokens(piece) <= limit * 1.5 else _cut_run_on(piece, limit // 2 or 1))]


# Where a run-on text most likely has a boundary, best first: after a semicolon (a list's
# items), after a comma, before a capital or a link (a sentence without its full stop, an address).
_PIECE_STARTS = (re.compile(r"(?<=;) "), re.compile(r"(?<=,) "), re.compile(r" (?=[A-ZĂÂÎȘȚ]|https?://|www\.)"))


_NOT_WORD = re.compile(r"\W")


def _cut_at_spaces(text: str, step: int) -> list[str]:
    """Pieces of at most `step` characters, ended in their second half at the best boundary
    there (see _PIECE_STARTS), else at its last space, else after its last character that is
    not part of a word."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + step)
        space = -1
        if end < len(text):
            space = text.rfind(" ", start + step // 2, end)
            for boundary in _PIECE_STARTS:
                found = [m.start() for m in boundary.finditer(text, start + step // 2, end)]
                if found:
                    space = found[-1]
                    break
            if space <= start:  # no space: after the last character that is not a letter or digit, so no word is split
                breaks = [m.end() for m in _NOT_WORD.finditer(text, start + step // 2, end)]
                space = breaks[-1] if breaks else -1
        end = space if space > start else end
        if text[start:end].strip():
            pieces.append(text[start:end].strip())
        start = end
    return pieces
