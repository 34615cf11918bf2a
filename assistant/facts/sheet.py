"""A call's fact sheet: the values staff look up (budget, rates, deadline, applicants), each sourced."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from assistant.facts.caen import caen_facts
from assistant.facts.contacts import contact_facts
from assistant.facts.identity import identity_facts
from assistant.facts.inline import inline_facts
from assistant.facts.intensity import intensity_facts
from assistant.facts.layout import far_facts
from assistant.facts.lines import Line
from assistant.facts.patterns import amounts
from assistant.facts.scope import complete_regions, national_scope
from assistant.facts.shares import OWN_SHARE
from assistant.facts.target import founder_applicants
from assistant.facts.units import expand
from assistant.facts.values import Fact, make_facts
from assistant.text import fold, index_tokens

# The fields that make a document a call for proposals when it states at least MIN_CALL_FIELDS.
CALL_FIELDS = ("allocation", "project_value", "funding_rate", "deadline", "submission_period", "duration",
               "applicants", "regions", "eligible_expenses", "ineligible_expenses")
MIN_CALL_FIELDS = 3
# A document that says how much money a project can get (an allocation, a funding rate or a project
# value) and who may apply for it is a call, however few other fields it states (a call page of an
# aggregator, an eligibility summary).
MONEY_FIELDS = ("allocation", "project_value", "funding_rate")
FIELD_ORDER = ("call_name", "call_code", "programme", "issuer", *CALL_FIELDS, "final_beneficiaries", "domains",
               "caen_codes", "contact_person", "contact_email", "contact_phone")
_RATE_AFTER = re.compile(r"(\d{1,3}(?:[.,]\d+)?\s*%)\s+(?:de\s+)?(?:co)?finantare", re.IGNORECASE)
_PER_PROJECT = re.compile(r"(maxim\w*|minim\w*)\s+(\S+(?:\s\S+)?)\s*(?:/|pe\s+)proiect", re.IGNORECASE)
# The characters whose folded form (`fold`: NFKD, lower case) holds a percent sign: a text without
# any of them holds no rate, and the rate pattern need not run on it (most lines of a document).
PERCENT_SIGNS = ("%", "\ufe6a", "\uff05")
# "proiect" as `_PER_PROJECT` matches it (same flags): a text without it holds no value per project.
_PROJECT_WORD = re.compile("proiect", re.IGNORECASE)


@dataclass
class CallSheet:
    """Every field found for one document; `is_call` when it reads as a call for proposals."""

    document: str
    title: str
    fields: dict[str, list[Fact]] = field(default_factory=dict)

    @property
    def is_call(self) -> bool:
        if any(self.fields.get(f) for f in MONEY_FIELDS) and self.fields.get("applicants"):
            return True
        return sum(1 for f in CALL_FIELDS if self.fields.get(f)) >= MIN_CALL_FIELDS

    @property
    def name(self) -> str:
        facts = self.fields.get("call_name")
        return facts[0].value if facts else self.title or self.document

    @cached_property
    def identity_tokens(self) -> frozenset[str]:
        """Index tokens of what names the call: its document's name, title, call name, programme
        and code (computed once per sheet object; the loader hands out the same sheets until the
        index changes)."""
        own = [f.value for name in ("call_name", "programme", "call_code") for f in self.fields.get(name, [])]
        return frozenset(index_tokens(" ".join([self.document.replace("-", " "), self.title, *own])))

    def first(self, name: str) -> Fact | None:
        facts = self.fields.get(name)
        return facts[0] if facts else None

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "title": self.title, "call": self.name, "is_call": self.is_call,
                "fields": {k: [f.to_json() for f in v] for k, v in self.fields.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CallSheet:
        fields = {k: [Fact.from_json(f) for f in v] for k, v in data.get("fields", {}).items()}
        return cls(document=data["document"], title=data.get("title", ""), fields=fields)


def extract_sheet(document: str, title: str, lines: list[Line]) -> CallSheet:
    """The sheet of one document from its units in reading order."""
    units = expand(lines)
    facts: list[Fact] = []
    pending = []
    for i, unit in enumerate(units):
        got, waiting = inline_facts(i, unit, units[i + 1: i + 5])
        facts.extend(got)
        pending.extend(waiting)
    facts.extend(far_facts(units, pending))
    facts.extend(_figures_with_words(units))
    facts.extend(intensity_facts(lines))
    facts.extend(caen_facts(units))
    facts.extend(identity_facts(units))
    facts.extend(contact_facts(units))
    sheet = CallSheet(document=document, title=title)
    for fact in facts:
        fact.document = document
        bucket = sheet.fields.setdefault(fact.field, [])
        same = next((other for other in bucket if _same(fact, other)), None)
        if same is None:
            bucket.append(fact)
        elif "own_share" in fact.extra and "own_share" not in same.extra and same.chunk_id == fact.chunk_id:
            # "Rata de cofinanțare: 80%" and "Contribuția proprie: 20%" in one passage: the rate kept
            # says the applicant's share beside it, which its citation's passage shows
            same.extra = {**same.extra, "own_share": fact.extra["own_share"]}
    if not sheet.fields.get("applicants") and any(sheet.fields.get(k) for k in MONEY_FIELDS):
        sheet.fields["applicants"] = founder_applicants(units)
    complete_regions(sheet.fields)
    if not sheet.fields.get("regions") and any(sheet.fields.get(k) for k in MONEY_FIELDS):
        sheet.fields["regions"] = national_scope(units)
    sheet.fields = {k: sheet.fields[k] for k in FIELD_ORDER if sheet.fields.get(k)}
    return sheet


def _same(a: Fact, b: Fact) -> bool:
    if a.normalized is not None and a.normalized == b.normalized and a.field not in ("applicants", "regions"):
        return a.condition == b.condition or not a.condition or not b.condition
    return fold(a.value) == fold(b.value)


def _figures_with_words(units: list[Line]) -> list[Fact]:
    """'75% cofinanțare', 'maximum 350.000€/proiect': the word after or before the figure names it,
    read across line breaks of PDF dumps."""
    out: list[Fact] = []
    for i, unit in enumerate(units):
        text = unit.text if i + 1 >= len(units) else f"{unit.text} {units[i + 1].text}"
        if any(sign in text for sign in PERCENT_SIGNS):
            for m in _RATE_AFTER.finditer(fold(text)):
                if m.start() < len(unit.text):
                    out.extend(make_facts("funding_rate", "percent", m.group(1), "", unit, text, context=text))
        if OWN_SHARE.search(fold(unit.text)):
            out.extend(f for f in make_facts("funding_rate", "percent", unit.text, "", unit, unit.text)
                       if "own_share" in f.extra)
        for m in _PER_PROJECT.finditer(text) if _PROJECT_WORD.search(text) else ():
            if m.start() < len(unit.text) and amounts(m.group(2)):
                out.extend(make_facts("project_value", "amount", m.group(0), m.group(1), unit, text))
    return out
