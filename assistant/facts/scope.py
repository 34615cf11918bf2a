"""Where a call funds projects: region statements normalised to regions and counties, and the
region of a regional programme when the call states no other."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.facts.lines import Line
from assistant.facts.programmes import programmes_in
from assistant.facts.regions import regions, scope
from assistant.facts.values import Fact
from assistant.sentences import sentence_at
from assistant.text import fold


def complete_regions(fields: dict[str, list[Fact]]) -> None:
    """Each regions fact gets normalized {"all", "regions", "counties"} ("toate regiunile", or all
    eight regions named, is every county); with no regions fact, a regional programme's region
    ("Programul Regional Vest", "PR Centru": such a programme funds its own region only) or the
    counties the applicants must be in are the region, cited where they are named."""
    for fact in fields.get("regions", []):
        fact.normalized = scope(fact.value) or fact.normalized
    if fields.get("regions"):
        return
    for fact in fields.get("applicants", []):
        # "întreprinderile din județele Dolj, Gorj și Mehedinți": the applicants' counties are where
        # the call funds projects.
        where = scope(fact.value)
        if where:
            fields["regions"] = [replace(fact, field="regions", value=", ".join(where["counties"]),
                                         condition=None, normalized=where)]
            return
    for fact in fields.get("programme", []):
        for p in programmes_in(fact.value) + programmes_in(fact.text):
            if p.region:
                fields["regions"] = [replace(fact, field="regions", value=f"Regiunea {p.region} ({p.written})",
                                             condition=None,
                                             normalized={"all": False, "regions": [p.region],
                                                         "counties": regions()[p.region]})]
                return


# A call for the whole country says where the applicant works or the project is carried out:
# "își desfășoară activitatea în România", "proiectul se implementează pe teritoriul României".
_NATIONAL = re.compile(r"(?:activitat\w*|sedi\w*|implement\w*|investiti\w*|proiect\w*|desfasoar\w*)[^.;:]{0,60}?"
                       r"(?:\bin romania\b|pe teritoriul romaniei)")


def national_scope(units: list[Line]) -> list[Fact]:
    """With no other statement of where the call funds projects: a sentence placing the applicant's
    activity or the project in Romania covers every county."""
    for unit in units:
        folded = fold(unit.text)
        m = _NATIONAL.search(folded) if len(folded) == len(unit.text) else None
        if m:
            value = sentence_at(unit.text, m.start())
            return [Fact("regions", value, normalized=scope("toate regiunile"), page=unit.page, section=unit.section,
                         chunk_id=unit.chunk_id, text=unit.text, passage=unit.passage)]
    return []
