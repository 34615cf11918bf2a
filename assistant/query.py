"""A question prepared for retrieval: its terms, each with the words that satisfy it.

A term is one word of the question, or a phrase that a concept table or the English
glossary maps to the words call documents use ("cine poate depune" -> beneficiari eligibili).
A passage covers a term when it holds any of its alternatives, so expansions widen what
matches without making a question harder to cover.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property, lru_cache

from assistant.intent import Intent, concept_spans, detect_intent
from assistant.text import fold, glossary, index_tokens
from assistant.wordforms import WordTable, other_forms

CONTEXT_FACTOR = 0.4


@dataclass(frozen=True)
class Term:
    weight_tokens: tuple[str, ...]  # the tokens whose rarity weighs the term
    alternatives: frozenset[str]  # any of these in a passage satisfies the term
    asks: bool = False  # says what is asked (a deadline, who may apply), not what it is about
    partial: frozenset[str] = frozenset()  # satisfy the term half: the question's own words for a concept
    factor: float = 1.0  # below 1 for words taken from the previous question of a conversation


@dataclass(frozen=True)
class Query:
    """A parsed question; immutable, so the parse cached for the question being asked can be shared
    by the answerers and by requests running at once."""

    text: str
    terms: tuple[Term, ...]
    intent: Intent
    tokens: tuple[str, ...] = ()  # for BM25: own words twice, expansions once
    core_tokens: tuple[str, ...] = ()  # the question's own words
    names: frozenset[str] = frozenset()  # tokens of the names it writes (a call, a cluster, an acronym)

    @cached_property
    def text_tokens(self) -> tuple[str, ...]:
        """index_tokens(text), in order, once: the call book and the sheet answerer look for
        every call's name in it."""
        return tuple(index_tokens(self.text))

    @cached_property
    def words(self) -> frozenset[str]:
        """Every alternative and partial word of its terms: what `TokenLookup.matched` tests a
        token set for, once per question (coverage reads its terms' matches from that set)."""
        return frozenset().union(*(t.alternatives | t.partial for t in self.terms))

    @cached_property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Adjacent pairs of the question's own index tokens, in order."""
        toks = self.text_tokens
        return tuple(dict.fromkeys(zip(toks, toks[1:], strict=False)))

    @cached_property
    def folded(self) -> str:
        """fold(text), once: the answer-shape tests look at it for every passage and sentence."""
        return fold(self.text)

    @classmethod
    def parse(cls, text: str, context: str = "") -> Query:
        """The question's terms; `context` (the previous question it leans on) adds its own
        words at a lower weight, so "și pentru ajutor de stat?" keeps the earlier topic but
        answers about the state aid. The same Query for the same arguments while they are
        among the last few parsed: the structured answerers, the search and the answer all
        parse the question being asked (immutable, so sharing it is safe)."""
        return _parse_recent(text, context) if cls is Query else cls._parse_with_context(text, context)

    @classmethod
    def _parse_with_context(cls, text: str, context: str) -> Query:
        query = cls._parse(text)
        if not context:
            return query
        before = cls._parse(context)
        mine = set(query.core_tokens)
        extra = tuple(Term(t.weight_tokens, t.alternatives, t.asks, t.partial, CONTEXT_FACTOR) for t in before.terms
                      if not set(t.weight_tokens) & mine)
        seen = set(query.tokens)
        # What is asked comes from the new question; a bare "și pentru X?" asks what the last one did.
        intent = query.intent if query.intent.kinds else before.intent
        return cls(text=text, terms=query.terms + extra, intent=intent,
                   tokens=query.tokens + tuple(t for t in before.core_tokens if t not in seen),
                   core_tokens=query.core_tokens, names=query.names | before.names)

    @classmethod
    def _parse(cls, text: str) -> Query:
        rest = fold(text)
        terms: list[Term] = []
        for span, words in concept_spans(text):
            own = index_tokens(span)
            synonym = words.startswith("=")
            concept = index_tokens(words.lstrip("= "))
            if synonym:
                terms.append(Term(tuple(own) or tuple(concept[:1]), frozenset(own + concept)))
            else:
                terms.append(Term(tuple(own) or tuple(concept[:1]), frozenset(concept), asks=True,
                                  partial=frozenset(own) - frozenset(concept)))
            rest = rest.replace(span, " ")
        for en, rx, ro in _glossary_patterns():
            if en in rest and rx.search(rest):  # (the plain substring first: most entries are absent)
                ro_tokens = index_tokens(ro)
                if ro_tokens:
                    terms.append(Term(tuple(ro_tokens[:1]), frozenset(ro_tokens)))
                rest = rx.sub(" ", rest)
        own_words = list(dict.fromkeys(index_tokens(rest)))
        terms.extend(Term((t,), frozenset([t])) for t in own_words)
        core = own_words + [t for term in terms for t in term.weight_tokens if t not in own_words]
        expansions = [t for term in terms for t in sorted(term.alternatives | term.partial) if t not in core]
        return cls(text=text, terms=tuple(terms), intent=detect_intent(text), tokens=tuple(core * 2 + expansions),
                   core_tokens=tuple(core), names=frozenset(index_tokens(" ".join(_names(text)))))


# A handful: one question is parsed under a couple of keys; the last questions asked drop out.
@lru_cache(maxsize=4)
def _parse_recent(text: str, context: str) -> Query:
    return Query._parse_with_context(text, context)


@lru_cache(maxsize=1)
def _glossary_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """The glossary's English terms as compiled word patterns, longest first (compiled once,
    not per question and entry). An English noun also stands in its plural ("regions",
    "allocations", "deadlines"): a term ending in a letter matches with "s" or "es" after it.
    Each comes with its term, a substring of any text it matches (a cheap test first)."""
    return [(en, re.compile(rf"\b{re.escape(en)}{'(?:e?s)?' if en[-1:].isalpha() else ''}\b"), ro)
            for en, ro in sorted(glossary().items(), key=lambda kv: -len(kv[0]))]


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[„\"(]\s*)$")
_WORD = re.compile(r"[^\W\d_][\w-]*(?:&[^\W\d_]+)?")  # "V&A" is one name (text._TOKEN_RE)


# A year written in full names a time as a proper name names a place: a document that never
# writes it is not about that year ("bugetul pentru 2031", "sesiunea din 1999"); inside a code
# ("APL-AD-2031", "PCI/2031/2") it is part of the code.
YEAR = re.compile(r"(?<![\d.,/])(?<![^\W\d_]-)(1\d{3}|20\d{2})(?![\d.,/]\d|-\d{1,2}\b|-[^\W\d_])")


def _names(text: str) -> list[str]:
    """Words written as names: capitalised inside a sentence, an acronym anywhere, and a year
    (1000-2099) written on its own. Typed in lower case, a question has only its years."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        acronym = len(word) >= 2 and word.replace("-", "").replace("&", "").isupper()
        if acronym or (word[0].isupper() and not _SENTENCE_START.search(text[: m.start()])):
            out.append(word)
    return out + YEAR.findall(text)


def token_matches(alt: str, tokens: AbstractSet[str]) -> bool:
    """Exact, or for words one stem the prefix of the other (Snowball on folded Romanian
    gives 'clust' and 'cluster', 'elig' and 'eligib' for forms of one word)."""
    return alt in tokens or next(other_forms(alt, tokens), None) is not None


class TokenLookup:
    """A token set asked `token_matches` for many words: its words sorted once, so a token
    starting with the word is found by bisection rather than by a scan of every token (the
    rerank and the sentence scoring test each question word against each passage), and each
    word's answer kept (a passage's lookup is cached and asked again by later questions).
    A union of lookups answers for the union of their sets without building it. `matched`
    gives the words of a question it matches at once (wordforms.WordTable), kept for the last
    question."""

    __slots__ = ("_tokens", "_words", "_seen", "_parts", "_matched", "_outside")
    _SEEN = 1024  # answers kept per set; cleared when full

    def __init__(self, tokens: AbstractSet[str] = frozenset()) -> None:
        self._tokens = tokens
        self._words = sorted(t for t in tokens if t.isalpha() and len(t) >= 3)
        self._seen: dict[str, bool] = {}
        self._parts: tuple[TokenLookup, ...] = (self,)
        self._matched: tuple[WordTable, frozenset[str]] | None = None  # matched(): the last table asked
        self._outside: tuple[object, frozenset[str]] | None = None

    @classmethod
    def union(cls, *lookups: TokenLookup) -> TokenLookup:
        out = cls()
        out._parts = tuple(part for lk in lookups for part in lk._parts)
        return out

    def matches(self, alt: str) -> bool:
        """`token_matches(alt, tokens)`, exactly (for a union: of any of its sets)."""
        for part in self._parts:
            got = part._seen.get(alt)
            if got is None:
                if len(part._seen) >= self._SEEN:
                    part._seen.clear()
                got = part._seen[alt] = part._match(alt)
            if got:
                return True
        return False

    def matched(self, table: WordTable) -> frozenset[str]:
        """The question's words (`table.words`) this lookup `matches` (for a union: of any of its
        sets; a word is matched by the union exactly when a part matches it), kept for the last
        table asked: one question's, asked by several features of one passage."""
        got = self._matched
        if got is None or got[0] is not table:
            if len(self._parts) == 1 and self._parts[0] is self:
                out = self._outside  # its tokens the index's vocabulary lacks, kept per vocabulary
                if out is None or out[0] is not table.vocab:
                    vocab = table.vocab
                    out = self._outside = (vocab, frozenset(t for t in self._tokens if t not in vocab))
                hit = table.matched(self._tokens, out[1])
            else:
                hit = frozenset().union(*(part.matched(table) for part in self._parts))
            got = self._matched = (table, hit)
        return got[1]

    def _match(self, alt: str) -> bool:
        return alt in self._tokens or next(other_forms(alt, self._tokens, self._words), None) is not None
