"""Property-based tests: normalisation and chunking never crash, ids are stable, no text is lost."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.folding import normalize
from assistant.query import Query
from assistant.text import fold, index_tokens
from assistant.types import LoadedDocument, Page
from ingest.blocks import page_blocks
from ingest.chunking import ChunkingConfig, chunk_document

ROMANIAN_DIACRITICS = set("ăâîșțşţĂÂÎȘȚŞŢ")
PROPS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_letters = st.sampled_from(list("abcdefghijklmnoprstuvzăâîșțşţ") + list("ABCDEFGHIJKLMNOPRSTUVZĂÂÎȘȚ"))
_word = st.one_of(st.text(_letters, min_size=1, max_size=12), st.integers(0, 10**7).map(str),
                  st.sampled_from(["2.650.000", "15%", "30.06.2025", "lei", "€", "art.", "(1)", "-"]))
_sentence = st.lists(_word, min_size=1, max_size=25).map(" ".join).map(
    lambda s: s + "." if s[-1].isalnum() else s)
_line = st.one_of(
    _sentence,
    _sentence.map(lambda s: "# " + s),
    _sentence.map(lambda s: "## " + s),
    _sentence.map(str.upper),
    _sentence.map(lambda s: "- " + s),
    _sentence.map(lambda s: "1. " + s),
    _sentence.map(lambda s: s.rstrip(".") + ":"),
    st.lists(_word, min_size=2, max_size=4).map("\t".join),
    st.just(""),
)
DOCUMENT_TEXT = st.lists(_line, max_size=40).map("\n".join)
ANY_TEXT = st.one_of(st.text(max_size=400), DOCUMENT_TEXT)


@PROPS
@given(ANY_TEXT)
@example("ℌ Ǆ ﬁnanțare Ş")
def test_fold_is_idempotent_and_leaves_no_diacritics(text: str) -> None:
    folded = fold(text)

    assert fold(folded) == folded
    assert not ROMANIAN_DIACRITICS & set(folded)
    assert not any(unicodedata.combining(ch) for ch in folded)


@PROPS
@given(ANY_TEXT)
def test_normalize_is_idempotent_and_uses_comma_below(text: str) -> None:
    normal = normalize(text)

    assert normalize(normal) == normal
    assert not set("şţŞŢ") & set(normal)


@PROPS
@given(ANY_TEXT)
def test_tokens_never_crash_and_are_nonempty_strings(text: str) -> None:
    for tokens in (index_tokens(text), Query.parse(text).tokens):
        assert all(isinstance(t, str) and t for t in tokens)


def _doc(text: str, pages: int = 1) -> LoadedDocument:
    parts = text.split("\f") if pages > 1 else [text]
    return LoadedDocument(name="apel.txt", path="apel.txt", title="Apel", kind="txt", sha256="0" * 64,
                          pages=[Page(number=i if pages > 1 else None, text=t) for i, t in enumerate(parts, 1)])


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@PROPS
@given(ANY_TEXT)
def test_blocks_never_crash(text: str) -> None:
    blocks = page_blocks(text)

    assert all(b.kind in {"heading", "para", "table", "item"} for b in blocks)


CHUNKING = ChunkingConfig(chunk_tokens=40, window_tokens=120)  # small, so documents cut into many chunks


@PROPS
@given(DOCUMENT_TEXT, st.integers(1, 3))
def test_chunk_ids_are_stable_across_runs(text: str, pages: int) -> None:
    text = "\f".join([text] * pages)

    first = chunk_document(_doc(text, pages), CHUNKING)
    second = chunk_document(_doc(text, pages), CHUNKING)

    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)


@PROPS
@given(ANY_TEXT)
@example("AAAA")
@example("Text.\n\nDIRECTOR GENERAL")
@example("0:0:0:0:0:0=\x810\x81ÅÅØ\u0802\u0f80" + "\U00010000" * 7 + "\U000190c0")  # no space: cut between words
def test_no_word_is_lost_between_chunks(text: str) -> None:
    """Every word of the input is in some chunk's text or its section (headings become sections).

    Words are compared as substrings of the chunks' words, since a line broken by a hyphen is
    joined back ("inter-" + "national" -> "international").
    """
    chunks = chunk_document(_doc(text), CHUNKING)

    kept = " ".join(w for c in chunks for w in _words(f"{c.text} {c.section or ''}"))
    lost = [w for w in _words(text) if w not in kept]
    assert not lost, lost
