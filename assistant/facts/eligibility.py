"""Does an applicant's profile fit a call? Each criterion met / not met / unknown, with its source."""

from __future__ import annotations

import re
from typing import Any

from assistant.facts import caen
from assistant.facts.profile import ENTITY_TYPES, categories, detected_types, normalize_profile  # noqa: F401
from assistant.facts.regions import canonical_region, counties_in, region_of, regions_in, scope
from assistant.facts.route import membership_criterion, route
from assistant.facts.sheet import CallSheet
from assistant.facts.values import Fact
from assistant.sentences import split_sentences
from assistant.text import fold, index_tokens

ENTERPRISES = {"microintreprindere", "intreprindere_mica", "intreprindere_mijlocie", "intreprindere_mare"}
_EU_WIDE = re.compile(r"state(?:le)? membre|uniunii europene|\bue\b|toate regiunile|nivel national|intreaga tara")
# "cel puțin 2 ani (de activitate)": years, the whole word ("cel puțin 2 angajați" counts employees)
_YEARS = re.compile(r"(?:cel putin|minimum|minim|vechime(?: de)?(?: minimum)?)\s*(\d+)\s*(?:de\s+)?an(?:i|ul)?\b")


def applicant_types(text: str) -> tuple[list[str], list[str]]:
    """(types the text names as eligible, types it names as not eligible): a sentence that says
    who is left out ("Nu sunt eligibile ONG-urile și universitățile.") names types that may not
    apply, so they are read apart from the sentences that list who may."""
    sentences = split_sentences(text) or [text]
    left_out = [s for s in sentences if caen.EXCLUDED.search(fold(s))]
    named = [s for s in sentences if s not in left_out]
    return detected_types(" ".join(named)), detected_types(" ".join(left_out))


def citation_of(fact: Fact | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    return {"document": fact.document, "page": fact.page, "section": fact.section,
            "text": fact.passage or fact.text, "quote": fact.text}


def _criterion(name: str, status: str, explanation: str, fact: Fact | None) -> dict[str, Any]:
    return {"criterion": name, "status": status, "explanation": explanation, "citation": citation_of(fact)}


def _applicant(sheet: CallSheet, profile: dict[str, Any]) -> dict[str, Any]:
    fact = sheet.first("applicants")
    etype = str(profile.get("entity_type") or "")
    if fact is None:
        return _criterion("Tipul solicitantului", "unknown", "Documentele nu precizează solicitanții eligibili.", None)
    found, left_out = applicant_types(fact.value)
    if not etype:
        return _criterion("Tipul solicitantului", "unknown", "Profilul nu precizează tipul entității.", fact)
    # A call may say who is eligible in more than one sentence ("Sunt eligibile IMM-urile ... Sunt
    # eligibile și PFA-urile ..."): the sentence naming the asker's type is the one that answers.
    naming = next((f for f in sheet.fields.get("applicants", [])[1:] if etype in applicant_types(f.value)[0]), None)
    if etype not in found and etype not in left_out and naming is not None:
        fact, found = naming, applicant_types(naming.value)[0]
    if etype in found:
        return _criterion("Tipul solicitantului", "met", f"Solicitanți eligibili: {fact.value}", fact)
    if etype in left_out:
        # the sentence that leaves this type out says why, and is what the citation quotes
        said = next((x for x in split_sentences(fact.value) if caen.EXCLUDED.search(fold(x))
                     and etype in detected_types(x)), fact.value)
        criterion = _criterion("Tipul solicitantului", "not_met", f"Documentele exclud acest tip de solicitant: {said}",
                               fact)
        if criterion["citation"] is not None:
            criterion["citation"]["quote"] = said  # the answer cites the passage holding it (answer.apply)
        return criterion
    status = "not_met" if found else "unknown"
    return _criterion("Tipul solicitantului", status, f"Solicitanți eligibili: {fact.value}", fact)


def _region(sheet: CallSheet, profile: dict[str, Any]) -> dict[str, Any]:
    county = str(profile.get("county") or "")
    region = region_of(county) if county else None
    fact = sheet.first("regions")
    where_call = scope(fact.value) if fact else None
    if isinstance(fact.normalized if fact else None, dict):
        where_call = fact.normalized  # type: ignore[union-attr]
    applicants = sheet.first("applicants")
    if where_call is None and applicants is not None and counties_in(applicants.value):
        # "Pot depune cereri firmele cu sediul în județele Cluj, Bihor și Sălaj"
        fact, where_call = applicants, scope(applicants.value)
    if fact is None and sheet.first("programme"):
        fact = sheet.first("programme")  # "Programul Regional Vest": the region the programme funds
        where_call = scope(" ".join(regions_in(fact.value))) if fact else None
    if not county or region is None:
        return _criterion("Localizare", "unknown", "Județul din profil lipsește sau nu este recunoscut.", fact)
    where = f"județul {county} (regiunea {region})"
    text = fact.value if fact else ""
    if where_call and where_call.get("all"):
        return _criterion("Localizare", "met", f"{where}; apelul acoperă toate regiunile: {text}", fact)
    if where_call and (where_call.get("counties") or where_call.get("regions")):
        listed_counties = list(where_call.get("counties", []))
        ok = county_in(county, listed_counties) if listed_counties else region in where_call.get("regions", [])
        listed = ", ".join(where_call.get("regions") or where_call.get("counties") or [])
        return _criterion("Localizare", "met" if ok else "not_met", f"{where}; eligibile: {listed}.", fact)
    if fact is not None and _EU_WIDE.search(fold(text)):
        return _criterion("Localizare", "met", f"{where}; apelul este deschis la nivel național/UE: {text}", fact)
    return _criterion("Localizare", "unknown", f"{where}; documentele nu precizează o zonă eligibilă.", fact)


def county_in(county: str, counties: list[str]) -> bool:
    return fold(county).replace("judetul ", "").strip() in {fold(c) for c in counties}


def _years(sheet: CallSheet, profile: dict[str, Any]) -> dict[str, Any] | None:
    for fact in (sheet.fields.get("applicants") or []):
        m = _YEARS.search(fold(fact.value))
        if not m:
            continue
        need = int(m.group(1))
        have = profile.get("years_active")
        if have is None:
            return _criterion("Vechime", "unknown", f"Se cer cel puțin {need} ani; profilul nu o precizează.", fact)
        ok = float(have) >= need
        return _criterion("Vechime", "met" if ok else "not_met", f"Se cer cel puțin {need} ani; aveți {have}.", fact)
    return None


def _domain(sheet: CallSheet, profile: dict[str, Any]) -> dict[str, Any] | None:
    domain = str(profile.get("domain") or "")
    if not domain:
        return None
    fact = sheet.first("domains")
    if fact is None:
        return _criterion("Domeniu", "unknown", "Documentele nu precizează domeniile finanțate.", None)
    wanted = {t for t in index_tokens(domain) if len(t) > 2}
    if wanted & set(index_tokens(fact.value)):
        return _criterion("Domeniu", "met", f"Domenii finanțate: {fact.value}", fact)
    return _criterion("Domeniu", "unknown", f"Verificați încadrarea; domenii finanțate: {fact.value}", fact)


def _caen(sheet: CallSheet, profile: dict[str, Any]) -> dict[str, Any] | None:
    """The profile's CAEN code against the codes the call lists as eligible or excluded."""
    code = str(profile.get("caen") or "")
    if not code:
        return None
    lists = sheet.fields.get("caen_codes") or []
    if not lists:
        named = caen.name(code)
        return _criterion("Cod CAEN", "unknown", f"Documentele nu listează coduri CAEN; codul {code}"
                          + (f" ({named})" if named else "") + " trebuie verificat în ghid.", None)
    results = [(caen.match(code, fact), fact) for fact in lists]
    failed = next(((r, f) for r, f in results if r["status"] == "not_met"), None)
    result, fact = failed or results[0]
    return _criterion("Cod CAEN", result["status"], result["explanation"], fact)


def check(sheet: CallSheet, profile: dict[str, Any]) -> dict[str, Any]:
    """{"call", "verdict", "summary", "criteria", "route"}: verdict eligibil / neeligibil / de verificat.
    The profile is checked first (profile.py): an unknown key or value is refused."""
    profile = normalize_profile(profile)
    canonical = canonical_region(str(profile.get("region") or "")) if profile.get("region") else None
    if canonical and not profile.get("county"):
        profile = {**profile, "county": canonical}
    criteria = [_applicant(sheet, profile), _region(sheet, profile)]
    criteria += [c for c in (_years(sheet, profile), _domain(sheet, profile), _caen(sheet, profile)) if c is not None]
    member = membership_criterion(sheet, profile, citation_of)
    if member is not None:
        criteria.append(member)
    # every sentence naming who is eligible counts (a second one may name the asker's type)
    eligible_types = [t for f in sheet.fields.get("applicants", []) for t in applicant_types(f.value)[0]]
    way = route(sheet, str(profile.get("entity_type") or ""), eligible_types, citation_of)
    return judged(sheet, criteria, way)


def judged(sheet: CallSheet, criteria: list[dict[str, Any]], way: dict[str, Any] | None) -> dict[str, Any]:
    """check's result for these criteria: the verdict and summary they give, with the route `way`."""
    # Membership only opens an indirect way in (as a final beneficiary): it does not decide the verdict.
    statuses = [c["status"] for c in criteria if c["criterion"] != "Membru al unui cluster"]
    if "not_met" in statuses:
        verdict = "neeligibil"
    elif statuses and all(s == "met" for s in statuses):
        verdict = "eligibil"
    else:
        verdict = "de verificat"
    summary = _summary(sheet, verdict, criteria, way["text"] if way else "")
    return {"call": sheet.name, "document": sheet.document, "verdict": verdict, "summary": summary,
            "criteria": criteria, "route": way}


def _summary(sheet: CallSheet, verdict: str, criteria: list[dict[str, Any]], route: str) -> str:
    head = {"eligibil": f"Profilul îndeplinește criteriile găsite pentru apelul „{sheet.name}”.",
            "neeligibil": f"Profilul nu îndeplinește toate criteriile apelului „{sheet.name}”.",
            "de verificat": f"Eligibilitatea pentru apelul „{sheet.name}” trebuie verificată."}[verdict]
    failed = [c["criterion"] for c in criteria if c["status"] == "not_met"]
    unknown = [c["criterion"] for c in criteria if c["status"] == "unknown"]
    parts = [head]
    if failed:
        parts.append("Neîndeplinite: " + ", ".join(failed) + ".")
    if unknown:
        parts.append("Rămân de verificat (documentele sau profilul nu le precizează): " + ", ".join(unknown) + ".")
    if route:
        parts.append(route)
    return " ".join(parts)
