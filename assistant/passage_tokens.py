"""A passage's tokens read in two parts: the context head it is indexed under (shared by every
passage of a section, so read once per head) and its own text, giving exactly the tokens of the
joined text (`Chunk.indexed_text`) that text.py would read."""

from __future__ import annotations

from functools import lru_cache

from assistant.text import is_number_token, raw_tokens, tokens_from_raw


def passage_raw_tokens(head: str, text: str) -> list[str]:
    """`raw_tokens(f"{head}\n{text}")` (a passage under its context, `Chunk.indexed_text`), with
    the head's tokens computed once for all the passages of a section that share it."""
    own, rest = passage_token_parts(head, text)
    return [*own, *rest]


def passage_token_parts(head: str, text: str) -> tuple[tuple[str, ...], list[str]]:
    """(the head's raw tokens, the text's) that make `passage_raw_tokens(head, text)` one after
    the other; the head's are computed once per head. Read apart unless a token could join across
    the line break: the head's last token a number (a multiplier or a month after it merges) or
    the head ending in a digit ("%" after it); then ((), the joined text's)."""
    if not head:
        return (), raw_tokens(text)
    own = _head_tokens(head)
    if (own and is_number_token(own[-1])) or head.rstrip()[-1:].isdigit():
        return (), raw_tokens(f"{head}\n{text}")
    return own, raw_tokens(text)


@lru_cache(maxsize=1024)
def _head_tokens(head: str) -> tuple[str, ...]:
    return tuple(raw_tokens(head))


def tokens_from_parts(own: tuple[str, ...], rest: list[str]) -> list[str]:
    """`tokens_from_raw([*own, *rest])` (`passage_token_parts`), the head's part once per head:
    only a month name may look past its token (at the year after it), so a head ending in one
    is read with the rest."""
    if own and not own[-1].startswith("month:"):
        return [*_head_index_tokens(own), *tokens_from_raw(rest)]
    return tokens_from_raw([*own, *rest])


@lru_cache(maxsize=1024)
def _head_index_tokens(own: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(tokens_from_raw(list(own)))
