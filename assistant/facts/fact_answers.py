"""Whether a value of a call's fact sheet answers a question: the value's own words (its line,
passage, condition, section and the words its field answers to) cover the question, and the
question asks no other part of a breakdown the value belongs to (siblings)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import lru_cache

from assistant.coverage import MIN_COVERAGE
from assistant.facts.siblings import asks_part_elsewhere, asks_sibling
from assistant.facts.values import Fact
from assistant.query import YEAR, Query, TokenLookup
from assistant.retrieval import HybridRetriever
from assistant.text import index_tokens
from assistant.types import Chunk

CANDIDATE_PASSAGES = 5  # the calls a question may be about: those of the best passages


# A submission period's last day is the call's deadline: its value answers what a deadline
# question writes ("termenul limită", "data limită de depunere") though its line says "perioada".
_PERIOD_WORDS = "termen termenul limita data limita depunere cererilor cereri finantare proiectelor"
# The rest of the applicant's own share is the funding rate (shares.py): the value answers a rate
# question though its line says "cofinanțare proprie"; and the share is what the applicant covers,
# provides, bears or contributes ("cât trebuie să acopere solicitantul"), whichever verb its line uses.
_RATE_WORDS = "rata finantare finantarea procent intensitate acopera asigura suporta contribuie contributie proprie"


# A funding rate is the share of a project the grant covers, whichever label its line writes
# ("rata de cofinanțare", "contribuția maximă a programului", "intensitatea ajutorului"): it
# answers "rata de finanțare" and "rata de cofinanțare" alike.
_GRANT_WORDS = "rata finantare finantarea cofinantare"
# A deadline's line may say it in a sentence ("Cererile se depun până la 21 august"): the value is
# the call's deadline all the same, which questions ask as "termenul limită de depunere"; and it is
# the last day to submit the applications ("a cererilor de finanțare", "a proiectelor"), which
# every date of a submission's calendar writes (its opening too): those words tell none apart.
_DEADLINE_WORDS = "termen termenul limita depunere cererilor cereri finantare proiectelor"

# A contact's line may give it bare ("tel. 0241 ...", "ana@...", "Persoană de contact: ..."): a
# phone is the number questions ask as "numărul de telefon", an e-mail "adresa de e-mail", a
# person "persoana de contact".
_CONTACT_WORDS = {"contact_phone": "numar numarul telefon contact", "contact_email": "adresa mail email contact",
                  "contact_person": "persoana contact"}


def implied_words(fact: Fact) -> str:
    """Words a value answers to that its own line does not write (see _PERIOD_WORDS, _RATE_WORDS,
    _GRANT_WORDS, _DEADLINE_WORDS, _CONTACT_WORDS)."""
    if fact.field in _CONTACT_WORDS:
        return _CONTACT_WORDS[fact.field]
    if fact.field == "submission_period":
        return _PERIOD_WORDS
    if fact.field == "deadline":
        return _DEADLINE_WORDS
    if "own_share" in (fact.extra or {}):
        return _RATE_WORDS
    return _GRANT_WORDS if fact.field == "funding_rate" else ""


def of_another_year(question: str, fact: Fact) -> bool:
    """A sum or a share whose line names its year ("Bugetul programului pentru anul 2027 este ..."),
    asked for a year the line does not name ("bugetul din 2025"): the value is another year's
    (another session's). A date's year is the value itself, never which session it is of."""
    if fact.field in ("deadline", "submission_period"):
        return False
    asked = set(YEAR.findall(question))
    written = set(YEAR.findall(fact.text))
    return bool(asked and written) and not asked & written


def fact_answers(retriever: HybridRetriever, query: Query, fact: Fact, known: AbstractSet[str] = frozenset()) -> bool:
    """The value's own words (label, text, condition, section, its chunk with the chunk's
    context) with `known` (the call's name) cover the question as much as a passage must to
    be answered from (MIN_COVERAGE): the value answers this question, not another one. A
    question about one expense or one activity of a call ("cât se decontează pentru
    consultanță") writes words the call's budget line does not hold. The three tests are
    asked cheapest first (coverage, siblings, then a search for the other parts): all must pass."""
    following, lookups = _fact_parts(retriever, fact)
    parts = (retriever.cached_lookup(known), *lookups) if known else lookups
    if retriever.coverage_of_union(query, parts) < MIN_COVERAGE:
        return False
    own = frozenset(known) | text_tokens(implied_words(fact))  # the words its field answers to name no sibling
    if asks_sibling(query.core_tokens, fact, own, following):
        return False  # "contribuția FEDR", "data de început": another part of the breakdown (siblings)
    others = [p.chunk.text for p in retriever.search(query, k=CANDIDATE_PASSAGES)
              if p.chunk.document == fact.document and p.chunk.id != fact.chunk_id]
    # "alocarea pentru regiunea mai dezvoltată": a part the guide states in another section
    return not asks_part_elsewhere(query.core_tokens, fact, frozenset(known), others)


# What fact_answers reads of a value besides the question, by the value's identity: (the value,
# its chunk object, `_next_in_section` of it, the lookups of `with_chunk` but the call's name).
_PARTS: dict[int, tuple[Fact, Chunk | None, str, tuple[TokenLookup, ...]]] = {}
_KEPT_FACTS = 4096  # a few values per call; cleared when full


def _fact_parts(retriever: HybridRetriever, fact: Fact) -> tuple[str, tuple[TokenLookup, ...]]:
    """`_next_in_section` of the value's chunk and the lookups of the value's words (line,
    passage, condition, section, implied words) and of its chunk with the chunk's context,
    kept while the value and its chunk are the same objects (the call book asks every call's
    values for every question asking a value): pure functions of the two."""
    chunk = retriever.store.chunks.get(fact.chunk_id)
    got = _PARTS.get(id(fact))
    if got is None or got[0] is not fact or got[1] is not chunk:
        written = " ".join([fact.text, fact.passage, fact.condition or "", fact.section or "", implied_words(fact)])
        if len(_PARTS) >= _KEPT_FACTS:
            _PARTS.clear()
        got = _PARTS[id(fact)] = (fact, chunk, _next_in_section(retriever, chunk),
                                  chunk_lookups(retriever, chunk, text_tokens(written)))
    return got[2], got[3]


def _next_in_section(retriever: HybridRetriever, chunk: Chunk | None) -> str:
    """The text of the chunk right after `chunk` in its document, in its section or a subsection
    of it ("" when none)."""
    if chunk is None:
        return ""
    return next((c.text for c in retriever.store.page_chunks(chunk.document, chunk.page)
                 if c.ordinal == chunk.ordinal + 1 and (c.section == chunk.section or bool(
                     chunk.section and (c.section or "").startswith(chunk.section)))), "")


def with_chunk(retriever: HybridRetriever, chunk: Chunk | None, *token_sets: AbstractSet[str]) -> TokenLookup:
    """The union of long-lived token sets (a sheet's identity tokens, `text_tokens`) and of
    the chunk's own and context tokens, as one lookup built from the retriever's cached ones
    (coverage over it is coverage over the union of the sets, without building that set)."""
    return TokenLookup.union(*chunk_lookups(retriever, chunk, *token_sets))


def chunk_lookups(retriever: HybridRetriever, chunk: Chunk | None,
                  *token_sets: AbstractSet[str]) -> tuple[TokenLookup, ...]:
    """The parts of `with_chunk`: the sets' cached lookups, then the chunk's and its context's."""
    parts = [retriever.cached_lookup(t) for t in token_sets if t]
    if chunk is not None:
        parts += [retriever.cached_lookup(retriever.store.tokens_of(chunk)), retriever.context_lookup(chunk)]
    return tuple(parts)


TEXTS = 4096  # value lines and call names: a few per call; the least recently used dropped first


@lru_cache(maxsize=TEXTS)
def text_tokens(text: str) -> frozenset[str]:
    """index_tokens of a value's words or of a call's name, as a set; kept, as the answerers
    ask them of every call for every question (a pure function of the text)."""
    return frozenset(index_tokens(text))
