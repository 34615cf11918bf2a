"""Questions about one value of a call (its rate, allocation, deadline, contact) answered from
the call's fact sheet: the value with its condition, cited, instead of a quoted brochure run.

Conservative on purpose: it answers only when the head of the question asks for a kind of value
a sheet field holds, retrieval's best passage comes from a call that has that field, and, when
the field has several values with conditions ("65% ajutor de stat", "75% ajutor de minimis"),
the question names one of the conditions or the answer lists them all. "Who may apply" is
answered by the applicants the sheet read under their label, wherever the brochure printed it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache

from assistant.answer.call_values import shown, value_piece, written_day
from assistant.coverage import MIN_COVERAGE
from assistant.facts.contacts import CONTACT_FIELDS, asked_contacts
from assistant.facts.fact_answers import (
    CANDIDATE_PASSAGES,
    TEXTS,
    fact_answers,
    implied_words,
    of_another_year,
    text_tokens,
    with_chunk,
)
from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.intent import asked_clauses
from assistant.query import Query, token_matches
from assistant.questions import split_questions
from assistant.retrieval import HybridRetriever
from assistant.text import fold, index_tokens
from assistant.types import Answer, Citation
from assistant.values import find_values

logger = logging.getLogger(__name__)

# Kind of value asked -> sheet fields, the first whose cue the question matches (else the first);
# "grantul" (singular) is what one project gets, its value, not the call's budget.
_FIELDS: dict[str, list[tuple[str, str]]] = {
    "percent": [("funding_rate", "")],
    "amount": [("allocation", r"\b(buget\w*|aloc\w*|fonduri)"),
               ("project_value", r"\b(valoare\w*|suma|proiect\w*|grant|grantul)\b")],
    "date": [("deadline", r"\b(termen\w*|pana cand|data limita|deadline)"), ("submission_period", r"\bperioad\w*")],
}


# Fields whose value answers only a question about it: a call's budget or project value, its
# submission deadline or period, its funding rate. "Cât", "când" and "ce procent" ask the sum, the
# date or the share of many other things a call's text names (one expense's cap, a launch, the
# last day for questions, the share of projects visited on site).
_ABOUT_FIELDS = ("allocation", "project_value", "deadline", "submission_period", "funding_rate")


# A date asked of another event of the call, named by its noun ("când e prezentarea / sesiunea de
# informare / evaluarea / semnarea contractelor", "când se afișează rezultatele"): the call's deadline
# or submission period does not answer it.
_OTHER_EVENT = re.compile(r"\b(?:prezentar\w*|sesiun\w* de informare|informar\w*|webinar\w*|workshop\w*|conferint\w*|"
                          r"eveniment\w*|evaluar\w*|rezultat\w*|semnar\w*|contractar\w*|intalnir\w*|vizit\w*|"
                          r"instruir\w*|training\w*|presentation|event|results?|evaluation)\b")


class SheetAnswerer:
    """StructuredAnswerer over the call sheets (see assistant.service)."""

    def __init__(self, sheets: Callable[[], list[CallSheet]], retriever: HybridRetriever) -> None:
        self._sheets = sheets
        self._retriever = retriever
        self._by_prefix: tuple[tuple[int, ...], dict[str, list[CallSheet]]] = ((), {})  # _may_be_named's index

    def try_answer(self, question: str) -> Answer | None:
        if len(split_questions(question)) != 1 or "?" in question.strip().rstrip("?"):
            return None  # several questions, or a follow-up with its context: the general path
        query = Query.parse(question)
        if not self._fields(query):
            return None
        sheet = self._sheet_of_best_passage(query)
        if sheet is None or self._retriever.about_another(query, sheet.document):
            return None
        clauses = asked_clauses(question)
        # "Care e bugetul și termenul limită?": each clause's value, all of them or the general path.
        asked = [Query.parse(c) for c in clauses] if len(clauses) > 1 else [query]
        chosen: list[Fact] = []
        for part in asked:
            got = self._values(part, query, sheet)
            if not got:
                return None
            chosen.extend(f for f in got if f not in chosen)
        logger.info("sheet answer document=%s field=%s values=%d", sheet.document, chosen[0].field, len(chosen))
        return _answer(question, chosen)

    def _values(self, part: Query, query: Query, sheet: CallSheet) -> list[Fact]:
        """The sheet's values for what `part` (the question or one of its clauses) asks; `query`
        is the whole question (the names it writes). [] when the sheet has none that fit."""
        facts = next((sheet.fields[f] for f in self._fields(part) if sheet.fields.get(f)), None)
        if not facts:
            return []
        if facts[0].field in CONTACT_FIELDS:
            # "persoana de contact și telefonul": each contact the question names, as the sheet has it
            facts = [f for name in asked_contacts(part.text) for f in sheet.fields.get(name, [])] or facts
        chosen = _matching_conditions(facts, part) or _matching_bounds(facts, part) or facts
        if not all(_names_in(query, sheet, fact) for fact in chosen):
            return []  # "ce buget are județul Bihor": a value for something the sheet is not
        if any(of_another_year(query.text, fact) for fact in chosen):
            return []  # "bugetul din 2025" when the line gives "bugetul pentru anul 2027"
        if chosen[0].field in _ABOUT_FIELDS and not self._about(part, sheet, chosen):
            # "cât se decontează pentru consultanță": a cap of one expense, not the call's budget;
            # "când a fost lansată platforma", "până când pot trimite întrebări": the date of
            # another event (a launch, a deadline for questions), not the call's submission deadline
            return []
        return chosen

    def applicants_of(self, document: str) -> Fact | None:
        """Who may apply to the call this document is, when its sheet says so."""
        sheet = next((s for s in self._sheets() if s.document == document), None)
        return sheet.first("applicants") if sheet is not None else None

    def _about(self, query: Query, sheet: CallSheet, facts: list[Fact]) -> bool:
        """The question is about these values (see `fact_answers`), the call's name counted."""
        return any(fact_answers(self._retriever, query, f, sheet.identity_tokens) for f in facts)

    @staticmethod
    def _fields(query: Query) -> list[str]:
        q = fold(query.text)
        out: list[str] = []
        if query.intent.insists("applicant"):  # "cine poate aplica": the call's list of applicants
            out.append("final_beneficiaries" if re.search(r"\bfinal", q) else "applicants")
        cued: list[str] = []  # fields the question's words point at ("pe proiect": the project value)
        plain: list[str] = []  # the usual field of a kind asked with no such word
        for kind in ("percent", "amount", "date"):
            if query.intent.insists(kind):
                options = _FIELDS[kind]
                hits = [f for f, cue in options if cue and re.search(cue, q)]
                cued.extend(hits)
                # a call stating only its submission period closes on its last day: the period
                # answers a date asked when the sheet has no deadline (the first field it has wins)
                # (and after a deadline asked, "până când pot depune"); "când e prezentarea apelului X"
                # asks the date of another event of the call (_OTHER_EVENT)
                if kind == "date":
                    plain.extend(f for f, _ in options if f not in hits and (hits or not _OTHER_EVENT.search(q)))
                elif not hits:
                    plain.append(options[0][0])
        if query.intent.insists("contact"):
            # the person, the phone or the e-mail the question names; a call that names no
            # person is reached by its e-mail, whoever is asked for
            named = asked_contacts(query.text)
            cued.extend(named)
            plain.extend([] if named and named != ["contact_person"] else ["contact_email"])
        return out + cued + plain

    def _sheet_of_best_passage(self, query: Query) -> CallSheet | None:
        """The sheet of the call the question names, among the documents of the best passages
        (by retrieval order when none is named more fully), when its best passage covers the
        question as well as the extractive answerer requires (else the documents do not answer it)."""
        sheets = {s.document: s for s in self._sheets()}
        best: tuple[float, CallSheet] | None = None
        for rank, passage in enumerate(self._retriever.search(query, k=CANDIDATE_PASSAGES)):
            sheet = sheets.get(passage.chunk.document)
            if sheet is None or (best is not None and best[1] is sheet):
                continue
            chunk = passage.chunk
            # The passage with what the sheet knows of its document: the call's name and programme.
            implied = text_tokens(" ".join(
                implied_words(f) for facts in sheet.fields.values() for f in facts if f.chunk_id == chunk.id))
            if self._retriever.coverage(query, with_chunk(self._retriever, chunk, sheet.identity_tokens,
                                                           implied)) < MIN_COVERAGE:
                continue
            named = _naming(query, sheet, self._retriever) - rank * 1e-3
            if best is None or named > best[0] + 1e-9:
                best = (named, sheet)
        if best is not None and any(_naming(query, s, self._retriever) > best[0] + 1e-2
                                    for s in self._may_be_named(query, list(sheets.values())) if s is not best[1]):
            return None  # another call is named more fully than any of the best passages' calls
        return best[1] if best else None

    def _may_be_named(self, query: Query, sheets: list[CallSheet]) -> list[CallSheet]:
        """The sheets `_naming` can give more than nothing: those with an identity word sharing its
        first two letters with a form of a question's word (the others cover none of it and their
        whole name is not in it: a question's word matches a call's word only as the same word or
        one's stem a prefix of the other's). Same result as asking every sheet, without a coverage
        per call; the calls' words by prefix are kept for the last list of sheets."""
        key = tuple(map(id, sheets))
        if self._by_prefix[0] != key:
            index: dict[str, list[CallSheet]] = {}
            for sheet in sheets:
                for prefix in {t[:2] for t in sheet.identity_tokens}:
                    index.setdefault(prefix, []).append(sheet)
            self._by_prefix = (key, index)
        forms = {f for term in query.terms for f in term.alternatives | term.partial} | set(query.text_tokens)
        found = {id(s): s for prefix in {f[:2] for f in forms} for s in self._by_prefix[1].get(prefix, [])}
        return list(found.values())


@lru_cache(maxsize=TEXTS)
def _token_run(text: str) -> tuple[str, ...]:
    """index_tokens of a call's name, in order (see `text_tokens`)."""
    return tuple(index_tokens(text))


def _naming(query: Query, sheet: CallSheet, retriever: HybridRetriever) -> float:
    """How fully the question names this call: its words found in the call's name, title and
    programme, plus one when the call's whole name stands in the question as written."""
    name = _token_run(sheet.name)
    asked = query.text_tokens
    whole = bool(name) and name[0] in asked and any(asked[i : i + len(name)] == name
                                                    for i in range(len(asked) - len(name) + 1))
    return retriever.coverage(query, retriever.cached_lookup(sheet.identity_tokens)) + (1.0 if whole else 0.0)


def _names_in(query: Query, sheet: CallSheet, fact: Fact) -> bool:
    """Every name the question writes is the call's own or stands beside the value."""
    tokens = sheet.identity_tokens | set(index_tokens(" ".join([fact.text, fact.passage, fact.condition or ""])))
    return all(token_matches(name, tokens) for name in query.names)


def _matching_conditions(facts: list[Fact], query: Query) -> list[Fact]:
    """The values whose condition ("ajutor de minimis", "IMM") the question names, by the words
    that tell the conditions apart ("minimis", not the "ajutor" they share)."""
    wanted = set(query.core_tokens)
    conds = [{t for t in index_tokens(f.condition or "") if t.isalpha() and len(t) >= 3} for f in facts]
    shared = set.intersection(*conds) if len(conds) > 1 else set()
    return [f for f, cond in zip(facts, conds, strict=True)
            if cond - shared and any(token_matches(t, wanted) for t in cond - shared)]


def _matching_bounds(facts: list[Fact], query: Query) -> list[Fact]:
    """The minimum or the maximum a question asks for ("valoarea minimă", "finanțarea maximă"),
    when the values say which is which; both when it asks for both or neither."""
    q = fold(query.text)
    wanted = {b for b, cue in (("min", r"\bminim"), ("max", r"\bmaxim")) if re.search(cue, q)}
    if len(wanted) != 1:
        return []
    return [f for f in facts if isinstance(f.normalized, dict) and f.normalized.get("bound") in wanted]


def _shown(fact: Fact) -> str:
    """The value as the document writes it ("8 martie 2018, ora 17:00", not "2018-03-08 17:00"); a
    submission period as its line writes it, both ends (its first day alone is no deadline)."""
    if fact.field == "submission_period":
        return shown(fact)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", fact.value):
        return fact.value
    source = fact.text or fact.passage
    span = written_day(fact)
    written = [source[span[0]:span[1]]] if span else find_values(source, "date")
    hour = re.search(r"\d{1,2}:\d{2}", fact.value)
    return f"{written[0]}, ora {hour.group()}" if written and hour else written[0] if written else fact.value


def _answer(question: str, facts: list[Fact]) -> Answer:
    citations: list[Citation] = []
    pieces = []
    for fact in facts:
        n = len(citations) + 1
        passage = fact.passage or fact.text
        # A brochure prints the label away from its figure: the citation shows both as read.
        text = passage if fact.text in passage else f"{fact.text}\n…\n{passage}"
        citations.append(Citation(n=n, document=fact.document, page=fact.page, section=fact.section,
                                  text=text, quote=fact.text))
        shown, place = _at_place(fact, question)
        pieces.append(f"{value_piece(fact, shown, len(facts) > 1, place, question)} [{n}]")
    return Answer(question=question, text="; ".join(pieces), citations=citations, abstained=False,
                  backend="structured")


def _at_place(fact: Fact, question: str) -> tuple[str, str]:
    """A rate an aid-intensity table gives per county or region (`extra["by_place"]`, the
    table's highest shown otherwise) for the place the question names: (value, place). The
    value as the sheet shows it and "" when the question names none of the table's places."""
    by_place = fact.extra.get("by_place") if isinstance(fact.extra, dict) else None
    if not by_place:
        return _shown(fact), ""
    asked = set(index_tokens(question))
    for place, rate in by_place.items():
        words = index_tokens(place)
        if words and all(w in asked for w in words):
            return f"{rate:g}%", place
    return _shown(fact), ""
