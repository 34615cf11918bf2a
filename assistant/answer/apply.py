""""Sunt IMM din <oraș>, pot aplica la <apel>?" in chat: the Eligibilitate tab's check
(assistant/facts/eligibility.py) on a profile read from the question, with its citations.

The profile is what the question says of the asker: the kinds of entity it names
(entity_types_ro.json: "IMM" is a micro, small or medium enterprise) and where it is (a county,
a development region, or a county seat, regions_ro.json and county_seats_ro.json).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from assistant.answer.project_value import value_criterion
from assistant.facts.caen import EXCLUDED
from assistant.facts.eligibility import check, detected_types, judged
from assistant.facts.founding import asker_founded, founding_criterion
from assistant.facts.regions import counties_in, regions_in
from assistant.intent import MAY_GET_FUNDS, STILL_OPEN
from assistant.sentences import split_sentences
from assistant.text import fold
from assistant.types import Answer, Citation

if TYPE_CHECKING:
    from assistant.answer.calls import CallBook
    from assistant.facts.sheet import CallSheet
    from assistant.query import Query

CANDIDATE_PASSAGES = 5  # an unnamed call is the one of the best passages
_VERDICTS = ("eligibil", "de verificat", "neeligibil")  # the asker's best case first
# Asking to apply names the act of applying ("pot aplica", "putem depune", "suntem eligibili"), or
# getting the call's money (`intent.MAY_GET_FUNDS`: "pot lua bani la X"); "putem primi finanțare
# pentru X" asks whether X is funded, which the passages answer.
_APPLY = re.compile(r"\b(aplica|aplice|aplicam|depune|depuna|depunem|participa|participe|participam|candida|"
                    r"candideze|accesa|acceseze|inscrie|eligibil\w*|apply|eligible)\b")
# The asker speaks of itself: "pot", "putem", "sunt", "suntem", "firma noastră", "can I/we"; "cine
# poate depune" asks who may apply in general, which the call's list of applicants answers.
_FIRST_PERSON = re.compile(r"\b(pot|putem|sunt|suntem|as|am|avem|noastra|nostru|mea|meu|i|we|my|our)\b")
# ... or of any applicant of a kind, named with an indefinite article: "Poate un PFA să depună?",
# "Este eligibilă o asociație?", "Can an NGO apply?" (the check runs on that kind).
_SOME_APPLICANT = re.compile(r"\b(poate|pot|este|e|sunt|can|is)\s+(?:\w+\s+)?(un|o|niste|a|an)\s")
# "Care sunt cheltuielile eligibile?" asks what a call pays for (its lists answer), not whether the
# asker may apply: "eligibil" there qualifies a cost or an activity and "sunt" is "they are".
_FUNDED_THINGS = re.compile(r"\b(cheltuiel\w*|costuri\w*|activitat\w*|actiun\w*|investiti\w*|achizit\w*|"
                            r"lucrari\w*|bunuri\w*|servicii\w*|echipament\w*|expenses?|costs?|activit\w*)\b")
# "Până când pot depune", "când putem aplica", "until when can I apply": the question asks the time
# to apply by, which the call's dates answer, not whether the asker may apply.
_WHEN = re.compile(r"^\W*(?:pana (?:cand|la ce (?:data|ora))|de cand|cand|din ce data|until when|by when|when)\b")
_STATUS = {"met": "da", "not_met": "nu", "unknown": "de verificat"}


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    raw = json.loads(resources.files("assistant.data").joinpath("county_seats_ro.json").read_text(encoding="utf-8"))
    return {" ".join(re.findall(r"[a-z]+", fold(city))): county for city, county in raw["seats"].items()}


def profile_of(question: str) -> dict[str, Any] | None:
    """{"entity_types", "county", "region"} the question says of the asker; None when it says
    nothing of who or where the asker is."""
    types = detected_types(question)
    counties = counties_in(question)
    folded = " " + " ".join(re.findall(r"[a-z]+", fold(question))) + " "
    seats = [county for city, county in _seats().items() if f" {city} " in folded]
    regions = regions_in(question)
    county = (counties or seats or [""])[0]
    if not types and not county and not regions:
        return None
    return {"entity_types": types, "county": county, "region": regions[0] if regions and not county else ""}


def apply_answer(question: str, query: Query, book: CallBook) -> Answer | None:
    """The eligibility check of the asker's profile against the call asked about, when the
    question asks whether the asker may apply and says who or where the asker is."""
    folded = fold(question)
    if _WHEN.search(folded) or re.search(STILL_OPEN, folded):
        return None  # when, or whether it is still open ("mai pot depune?"): the deadline answers it
    if not query.intent.wants("eligibility") or not (_APPLY.search(folded) or re.search(MAY_GET_FUNDS, folded)) or not (
            _FIRST_PERSON.search(folded) or _SOME_APPLICANT.search(folded)):
        return None
    if _FUNDED_THINGS.search(folded) and all(m.group(1).startswith("eligib") for m in _APPLY.finditer(folded)):
        return None
    sheet = _call_of(query, book)
    if sheet is None:
        return None
    # The call's name as the question writes it ("apelul Digitalizare IMM Centru") says what the
    # call is, not who asks or from where: the profile is read from the rest of the question.
    profile = profile_of(_without_name(question, sheet.name))
    # "un proiect de 80.000 euro, se poate depune?": the sum written is checked against the
    # call's minimum and maximum project value, with or without who the asker is.
    value = value_criterion(question, sheet)
    if profile is None:
        if value is None:
            return None
        _cite_passage_quoted(value.get("citation"), book)
        result = judged(sheet, [value], None)
        if value["status"] == "met":  # the value alone decides nothing of who may apply
            result["summary"] = (f"Valoarea proiectului se încadrează în limitele apelului „{sheet.name}”; "
                                 "verificați și celelalte condiții de eligibilitate.")
        return _answer(question, result, book.title(sheet.document))
    # A type the call's own name names ("Digitalizarea IMM-urilor") says what the call is, not who
    # asks: when the question names another type too ("ca ONG"), that one is the asker's.
    types = profile["entity_types"]
    own = [t for t in types if t not in detected_types(sheet.name)]
    asked = own or types or [""]
    results = [check(sheet, {"entity_type": t, "county": profile["county"], "region": profile["region"]})
               for t in asked]
    best = min(results, key=lambda r: _VERDICTS.index(r["verdict"]))
    if len(asked) == 1 and asked[0]:
        _cite_exclusion(best, asked[0], sheet.document, book)
    # "am un SRL înființat în 2031": the founding year against the date the call bounds it by
    founded = founding_criterion(sheet, year) if (year := asker_founded(question)) else None
    extra = [c for c in (value, founded) if c is not None]
    if extra:
        best = judged(sheet, [*extra, *best["criteria"]], best["route"])
    for crit in best["criteria"]:
        _cite_passage_quoted(crit.get("citation"), book)
    return _answer(question, best, book.title(sheet.document))


def _cite_exclusion(result: dict[str, Any], etype: str, document: str, book: CallBook) -> None:
    """An applicant type the call's list of applicants does not name is often left out by a
    sentence of its own elsewhere in the guide ("Nu sunt eligibile persoanele fizice autorizate"):
    the type criterion, when not met and not already quoting such a sentence, quotes it."""
    crit = next((c for c in result["criteria"] if c["criterion"] == "Tipul solicitantului"), None)
    if crit is None or crit["status"] != "not_met" or crit["explanation"].startswith("Documentele exclud"):
        return
    for chunk in book.store.document_chunks(document):
        said = next((x for x in split_sentences(chunk.text)
                     if EXCLUDED.search(fold(x)) and etype in detected_types(x)), None)
        if said is not None:
            crit["explanation"] = f"Documentele exclud acest tip de solicitant: {said}"
            crit["citation"] = {"document": document, "page": chunk.page, "section": chunk.section,
                                "text": chunk.text, "quote": said}
            return


def _cite_passage_quoted(cite: dict[str, Any] | None, book: CallBook) -> None:
    """A criterion's citation shows the passage holding its quote: a fact read across chunks
    (a list of applicants, then the sentence leaving some out) starts in one and may say the
    quoted sentence in the next."""
    if not cite or not cite.get("quote") or cite["quote"] in (cite.get("text") or ""):
        return
    holder = next((c for c in book.store.document_chunks(cite["document"]) if cite["quote"] in c.text), None)
    if holder is not None:
        cite.update(text=holder.text, page=holder.page, section=holder.section)


def _without_name(question: str, name: str) -> str:
    """The question without the call's name where it writes it (folded words, in order, any case
    and diacritics); the question itself when it does not."""
    words = re.findall(r"[a-z0-9]+", fold(name))
    if not words:
        return question
    folded = fold(question)
    m = re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", folded)
    if m is None or len(folded) != len(question):
        return question  # offsets of the folded text are the question's own only when lengths match
    return question[: m.start()] + question[m.end():]


def _call_of(query: Query, book: CallBook) -> CallSheet | None:
    """The call the question names (the one document wholly its own, when other documents hold
    parts of it too), else the only call indexed, else the call of the best passage."""
    calls = book.calls()
    part = book.named_call(query)
    if part is not None and len(own := [d for d in part.whole if d in calls]) == 1:
        return calls[own[0]]
    named_documents = book.named(query)
    named = [d for d in named_documents if d in calls]
    if named_documents and not named:
        return None  # the question names a document that is not read as a call: not another call
    if len(named) == 1:
        return calls[named[0]]
    if named or not calls:
        return None
    if len(calls) == 1:
        return next(iter(calls.values()))
    for passage in book.retriever.search(query, k=CANDIDATE_PASSAGES):
        if passage.chunk.document in calls:
            return calls[passage.chunk.document]
    return None


def _answer(question: str, result: dict[str, Any], title: str) -> Answer:
    citations: list[Citation] = []
    lines = [f"Potrivit „{title}”: {result['summary']}"]
    for crit in result["criteria"]:
        cite = crit.get("citation")
        marker = ""
        if cite and cite.get("text") and cite.get("document"):
            same = next((c for c in citations if c.text == cite["text"] and c.document == cite["document"]), None)
            if same is None:
                same = Citation(n=len(citations) + 1, document=cite["document"], page=cite.get("page"),
                                section=cite.get("section"), text=cite["text"], quote=cite.get("quote") or "")
                citations.append(same)
            marker = f" [{same.n}]"
        lines.append(f"- {crit['criterion']}: {_STATUS.get(crit['status'], crit['status'])}. "
                     f"{crit['explanation']}{marker}")
    return Answer(question=question, text="\n".join(lines), citations=citations, abstained=False,
                  backend="structured")
