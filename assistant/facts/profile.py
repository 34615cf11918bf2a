"""The applicant profile the eligibility check reads: its schema, the Romanian names users guess
for its keys, and a refusal naming what is accepted when a key or a value is unknown.

    {"entity_type": "intreprindere_mica",   # alias "tip": one of ENTITY_TYPES
     "county": "Timiș",                      # alias "judet"/"județ": one of the 42 counties
     "region": "Vest",                       # alias "regiune": one of the 8 development regions
     "caen": "6201",                         # alias "cod_caen": a 4-digit CAEN code (Rev.2 or Rev.3)
     "domain": "software",                   # alias "domeniu": free text, matched against the call's domains
     "years_active": 3,                      # alias "vechime": whole years since registration
     "cluster_member": true}                 # alias "membru_cluster": member of a cluster
Every key is optional; null or "" means not stated.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from assistant.errors import InvalidQuestionError
from assistant.facts.regions import canonical_region, region_of, regions
from assistant.text import fold

# The applicant types (key -> the Romanian name the app shows), from assistant/data/entity_types_ro.json.
ENTITY_LABELS: dict[str, str] = json.loads(
    resources.files("assistant.data").joinpath("entity_types_ro.json").read_text(encoding="utf-8"))["types"]
ENTITY_TYPES = tuple(ENTITY_LABELS)
KEYS = ("entity_type", "county", "region", "caen", "domain", "years_active", "cluster_member")
ALIASES = {"tip": "entity_type", "tip_entitate": "entity_type", "tipul": "entity_type", "judet": "county",
           "judetul": "county", "regiune": "region", "regiunea": "region", "cod_caen": "caen",
           "domeniu": "domain", "domeniul": "domain", "vechime": "years_active", "ani_activitate": "years_active",
           "membru_cluster": "cluster_member"}
SCHEMA_HELP = ("profil JSON, toate cheile opționale: entity_type (tip): " + ", ".join(ENTITY_TYPES)
               + "; county (judet): un județ; region (regiune): o regiune de dezvoltare; caen (cod_caen): cod CAEN "
               "din 4 cifre; domain (domeniu): text; years_active (vechime): ani; cluster_member (membru_cluster): "
               "true/false")


CATEGORIES_FILE = "entity_types_ro.json"
_SIZED_FIRM = re.compile(r"\bfirm\w*(?=,? (?:si |sau )?(?:cele )?(?:mic(?:a|i|ile|ilor)?\b|mijloci\w*|mari\b|mare\b))")


@lru_cache(maxsize=1)
def categories() -> list[tuple[re.Pattern[str], frozenset[str], bool]]:
    """(pattern over folded text, entity types it covers, whether a match is blanked out), most
    specific first, from
    assistant/data/entity_types_ro.json (e.g. "IMM-uri" covers micro, small and medium enterprises)."""
    raw = json.loads(resources.files("assistant.data").joinpath(CATEGORIES_FILE).read_text(encoding="utf-8"))
    out = []
    for cat in raw["categories"]:
        unknown = set(cat["covers"]) - set(ENTITY_TYPES)
        if unknown:
            raise ValueError(f"{CATEGORIES_FILE}: {cat['name']} covers unknown types {sorted(unknown)}")
        out.append((re.compile(cat["pattern"]), frozenset(cat["covers"]), not cat.get("keep", False)))
    return out


def detected_types(text: str) -> list[str]:
    """The entity types a list of eligible applicants names; a matched phrase is blanked out so a
    general word inside it ("întreprinderi" in "întreprinderi mici") does not count again."""
    # "firmă mică", "firme mici și mijlocii": a firm with its size is the enterprise of that size.
    folded, found = _SIZED_FIRM.sub("intreprinderi", fold(text)), set[str]()
    for rx, covers, consume in categories():
        if rx.search(folded):
            found |= covers
            folded = rx.sub(" ; ", folded) if consume else folded
    return [t for t in ENTITY_TYPES if t in found]


class ProfileError(InvalidQuestionError):
    """A profile with a key or a value the check does not know."""

    user_message = "Profilul nu poate fi verificat."


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")


def normalize_profile(raw: Any) -> dict[str, Any]:
    """The profile with canonical keys and values; ProfileError names what is accepted."""
    if not isinstance(raw, dict):
        raise ProfileError(f"Profilul trebuie să fie un obiect JSON ({SCHEMA_HELP}).")
    out: dict[str, Any] = {}
    for name, value in raw.items():
        key = _key(str(name))
        key = ALIASES.get(key, key)
        if key not in KEYS:
            raise ProfileError(f"Cheie necunoscută în profil: „{name}”. Chei acceptate: {', '.join(KEYS)} "
                               f"(sau în română: {', '.join(sorted(ALIASES))}).")
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        out[key] = _VALUE[key](value)
    return out


def _entity_type(value: Any) -> str:
    key = _key(str(value))
    for t in ENTITY_TYPES:
        if key == _key(t):
            return t
    raise ProfileError(f"Tip de entitate necunoscut: „{value}”. Valori acceptate: {', '.join(ENTITY_TYPES)}.")


def _county(value: Any) -> str:
    text = str(value).strip()
    if region_of(text) is None:
        counties = sorted(c for cs in regions().values() for c in cs)
        raise ProfileError(f"Județ necunoscut: „{value}”. Valori acceptate: {', '.join(counties)}.")
    return text


def _region(value: Any) -> str:
    region = canonical_region(str(value))
    if region is None:
        raise ProfileError(f"Regiune necunoscută: „{value}”. Valori acceptate: {', '.join(regions())}.")
    return region


def _caen(value: Any) -> str:
    code = re.sub(r"[\s.]", "", str(value))
    if not re.fullmatch(r"\d{4}", code):
        raise ProfileError(f"Cod CAEN invalid: „{value}”. Se acceptă un cod de clasă din 4 cifre (ex. 6201).")
    return code


def _years(value: Any) -> float:
    try:
        years = float(value)
    except (TypeError, ValueError):
        years = -1.0
    if isinstance(value, bool) or years < 0:
        raise ProfileError(f"Vechime invalidă: „{value}”. Se acceptă un număr de ani (ex. 3).")
    return years


def _member(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = _key(str(value))
    if word in ("da", "true", "1", "yes"):
        return True
    if word in ("nu", "false", "0", "no"):
        return False
    raise ProfileError(f"Valoare invalidă pentru cluster_member: „{value}”. Valori acceptate: true, false (da, nu).")


_VALUE = {"entity_type": _entity_type, "county": _county, "region": _region, "caen": _caen,
          "domain": lambda v: str(v).strip(), "years_active": _years, "cluster_member": _member}
