"""An edition the question names by its number that no indexed document is.

Romanian names the editions of a series by an ordinal before the noun ("al patrulea newsletter",
"a doua ediție", "a 3-a sesiune") or a number after it ("newsletterul nr. 4", "ediția 5"). When
the documents write that noun with ordinals of their own ("al treilea e-newsletter") and never the
one asked, the documents are other editions, and what they say is not that edition's: the
question is refused as a year no document writes is (answer.unindexed)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.text import fold

if TYPE_CHECKING:
    from assistant.store import Store

# ordinal words (folded) -> number; masculine "al N-lea" and feminine "a N-a" forms
_WORDS = {"primul": 1, "prima": 1, "intai": 1, "intaia": 1, "doilea": 2, "doua": 2, "treilea": 3, "treia": 3,
          "patrulea": 4, "patra": 4, "cincilea": 5, "cincea": 5, "saselea": 6, "sasea": 6, "saptelea": 7,
          "saptea": 7, "optulea": 8, "opta": 8, "noualea": 9, "noua": 9, "zecelea": 10, "zecea": 10}
_ORDINAL = r"(?:(?:al|a)\s+)?(" + "|".join(_WORDS) + r"|\d{1,2}-?(?:lea|a))"
# "al patrulea (e-)newsletter", "a doua editie"; "newsletterul nr. 4", "editia 5", "numarul 4"
_BEFORE = re.compile(rf"\b{_ORDINAL}\s+(?:e-)?([a-z]{{4,}})")
_AFTER = re.compile(r"\b([a-z]{4,})\s+(?:nr\.?\s*|numarul\s+|a\s+)?(\d{1,2})(?:-?a)?\b(?![.,:/]\d)")
# The nouns of a series, whose numbers name editions: newsletters, bulletins, editions,
# sessions, rounds, calls, conferences, forums.
_SERIES_NOUN = re.compile(r"(?:newsl|bulet|editi|sesiu|rund|apel|confe|forum)")
_SERIES = 5  # letters of a noun's stem that say two words name the same series


def _number(word: str) -> int:
    return _WORDS.get(word) or int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def _editions(text: str, noun: str | None = None) -> list[tuple[int, str]]:
    """(number, noun) of each edition the folded text names (of `noun`'s series only)."""
    out = [(_number(m.group(1)), m.group(2)) for m in _BEFORE.finditer(text)]
    out += [(int(m.group(2)), m.group(1)) for m in _AFTER.finditer(text)]
    return [e for e in out if _SERIES_NOUN.match(e[1]) and (noun is None or e[1][:_SERIES] == noun[:_SERIES])]


def unwritten_edition(question: str, store: Store) -> str | None:
    """The refusal for an edition the question names by its number when the documents write
    other editions of that series and never this one; None otherwise (the question names no
    numbered edition, or the documents number none of that series, or write the one asked)."""
    asked = _editions(fold(question))
    if not asked:
        return None
    number, noun = asked[0]
    stem = noun[:_SERIES]
    seen = {n for chunk in store.chunks.values() if stem in (folded := fold(chunk.text))
            for n, _ in _editions(folded, noun)}
    if not seen or number in seen:
        return None
    return (f"Documentele indexate nu conțin ediția nr. {number}; ele sunt "
            f"{'ediția' if len(seen) == 1 else 'edițiile'} nr. {', '.join(map(str, sorted(seen)))}.")
