"""Who holds a role: "Cine este managerul de proiect?" is answered by a sentence naming someone
with that role ("Managerul de proiect este ..."), not by one naming someone else ("Director
proiect: ...") nor by one writing the role with nobody in it.

General Romanian: a question "cine e/este/era/a fost/sunt + noun" asks for the holder of the role
that noun names; a sentence answers it when it writes the noun (any form) and a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from assistant.answer.evidence import Evidence
from assistant.bm25 import BM25Index
from assistant.intent import asked_head
from assistant.query import Query
from assistant.text import fold, index_tokens, is_english, stopwords
from assistant.types import Passage
from assistant.values import has_value

# "cine e / este / era / a fost / sunt / au fost" then what the person is
_WHO_IS = re.compile(r"^\W*cine\s+(?:e|este|era|sunt|erau|a\s+fost|au\s+fost)\s+(.+)")
# A role is named with the definite article ("managerul", "președintele", "directoarea").
_ARTICLED = re.compile(r"(?:ul|le|ua|[^u]a)$")
# Adjectives written before the noun, carrying its article: "primul rector", "actualul director".
_BEFORE_NOUN = re.compile(r"(?:prim|ultim|actual|fost|nou|viitor|urmator)(?:ul|a)")


def asked_role(question: str) -> str:
    """The index token of the role a "who is the <role>?" question asks the holder of ("cine e
    managerul de proiect?" -> the token of "managerul"); "" for any other question (English ones
    put their modifiers first, so their head noun is not their first word)."""
    m = _WHO_IS.match(fold(question))
    if not m or is_english(question):
        return ""
    raw = re.findall(r"[a-z][a-z-]*", m.group(1))
    if len(raw) > 1 and _BEFORE_NOUN.fullmatch(raw[0]) and raw[1] in ("care", "ce"):
        return ""  # "cine a fost primul care a ...": who did something first, not a role
    stop = stopwords()
    words = [w for w in raw if w not in stop]
    if len(words) > 1 and _BEFORE_NOUN.fullmatch(words[0]):
        head = words[1]  # "primul rector": the article on the adjective, the role after it
    else:
        head = words[0] if words else ""
        if not _ARTICLED.search(head):
            return ""  # "cine a fost numit ...": a verb's participle, not a role
    tokens = index_tokens(head)
    return tokens[0] if tokens else ""


# Offices one person holds, which documents name by their noun beside the holder ("Președintele
# asociației, Ion Pop", "Managerul de proiect este ...", "rectorul universității, prof. ..."): who
# holds one is asked as "cine este <office> X?" or "care este <office> X?". (The doer of an act,
# "autorul", "câștigătorul", is said with the verb instead: "a scris", "a câștigat".) Index tokens.
_OFFICE = re.compile(r"(?:vice)?presedint|director|manager|rector|prorector|decan|ministr|premier|secretar|"
                     r"primar|prefect|guvernator|coordonator|reprezentant|fondator|lider|sef|conducator|"
                     r"administrator|cancelar|antrenor|capitan")


def asked_office(question: str) -> str:
    """The index token of the office whose holder the question asks ("cine e președintele
    clusterului?", "Care este președintele asociației X?"), "" for any other question."""
    role = asked_role(question) or next(iter(index_tokens(asked_head(question))), "")
    return role if role and _OFFICE.fullmatch(role) else ""


def rarest_names(bm25: BM25Index, query: Query, names: AbstractSet[str] | None = None) -> frozenset[str]:
    """The names the question writes (Query.names, or `names`) that the fewest chunks write, none
    when no chunk writes any: what most sets apart whom it asks about ("Țesătoarelor", not "Asociației")."""
    written = {n: k for n in (query.names if names is None else names) if (k := len(bm25.postings(n)))}
    return frozenset(n for n, k in written.items() if k == min(written.values()))


def writes_role(text: str, role: str) -> bool:
    """The text writes the role's word, in any inflection (the same stem: "manager" in "managerul",
    not in "managerială", another word)."""
    return role in index_tokens(text)


def role_holders(question: str, chosen: list[Evidence], scored: Sequence[Evidence],
                 passages: Sequence[Passage], names: frozenset[str] = frozenset()) -> list[Evidence] | None:
    """The evidence to quote for a "who is the <role>?" question whose best sentence does not name
    the role's holder: the chosen sentences that write the role and a person's name, else the best
    scored one of the answering document that does ([]: none does, abstain); None when the best
    sentence names the holder, the question asks no role, or the document the best sentence
    stands in does not write it (nothing to require of it: "autorul" is said as "scrisă de").
    `names`: index tokens of the names that set apart whose role the question asks ("președintele
    CLUSTERO"); a holder's sentence, or the heading and title it sits under, writes them all (the
    president of another body, named elsewhere in the document, is not this one's)."""
    role = asked_role(question)
    if not role or not chosen:
        return None

    def holds(e: Evidence) -> bool:
        return _holds(e.sentence, role) and names <= set(index_tokens(e.sentence)) | e.context_tokens

    document = passages[chosen[0].passage_rank].chunk.document
    if not any(p.chunk.document == document and writes_role(p.chunk.text, role) for p in passages):
        return None
    if holds(chosen[0]):
        return None  # the best sentence names the holder: the answer stands as chosen
    holding = [e for e in chosen if holds(e)]
    if holding:
        return holding
    best = next((e for e in scored if passages[e.passage_rank].chunk.document == document and holds(e)), None)
    return [best] if best is not None else []


def _holds(sentence: str, role: str) -> bool:
    return writes_role(sentence, role) and has_value(sentence, "person")
