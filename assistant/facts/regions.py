"""Romania's counties and development regions, from assistant/data/regions_ro.json."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from assistant.text import fold


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    raw = json.loads(resources.files("assistant.data").joinpath("regions_ro.json").read_text(encoding="utf-8"))
    regions: dict[str, list[str]] = raw["regions"]
    county_region = {_key(c): r for r, counties in regions.items() for c in counties}
    names = {_key(r): r for r in regions}
    for region, aliases in raw.get("region_aliases", {}).items():
        names.update({_key(a): region for a in aliases})
    return county_region, names, regions


def regions() -> dict[str, list[str]]:
    """Region name -> its counties."""
    return dict(_data()[2])


def counties() -> list[str]:
    """The 41 counties and Bucharest, in Romanian alphabetical order (a < ă < â, s < ș, t < ț)."""
    return sorted((c for cs in _data()[2].values() for c in cs), key=_alphabetical)


_ALPHABET = str.maketrans({"ă": "a{", "â": "a|", "î": "i{", "ș": "s{", "ț": "t{",
                           "Ă": "A{", "Â": "A|", "Î": "I{", "Ș": "S{", "Ț": "T{"})


def _alphabetical(name: str) -> str:
    return name.translate(_ALPHABET)  # each letter with a mark sorts after its base letter


def region_of(county: str) -> str | None:
    """'Timiș' / 'timis' / 'Județul Timiș' -> 'Vest'; None when unknown."""
    key = _key(re.sub(r"(?i)jude[tț]ul\s+", "", county))
    county_region = _data()[0]
    return county_region.get(key) or county_region.get(key.replace("municipiul ", ""))


def canonical_region(name: str) -> str | None:
    """'nord vest', 'Regiunea Nord - Vest' -> 'Nord-Vest'."""
    key = _key(re.sub(r"(?i)regiunea\s+", "", name))
    return _data()[1].get(key)


def _find(text: str, table: dict[str, str]) -> list[str]:
    """Values of table whose keys occur in text as whole words (a longer key wins), in text order."""
    folded = f" {_key(text)} "
    found: list[tuple[int, str]] = []
    for key in sorted(table, key=len, reverse=True):
        while (at := folded.find(f" {key} ")) >= 0:
            found.append((at, table[key]))
            folded = folded[:at] + " " + "|" * len(key) + " " + folded[at + len(key) + 2:]
    out: list[str] = []
    for _, value in sorted(found):
        if value not in out:
            out.append(value)
    return out


def counties_in(text: str) -> list[str]:
    """Counties named in text, as written in the data file."""
    return list(_counties_in(text))


@lru_cache(maxsize=8192)  # a question's, and the sentences of the passages that come back question after question
def _counties_in(text: str) -> tuple[str, ...]:
    return tuple(_find(text, _county_names()))


def other_counties(question: str, text: str) -> bool:
    """The question names a county and `text` writes counties, none of them one it names: a
    call gives a value by county (an aid-intensity table's columns, an allocation per county),
    and another county's value does not answer for the county asked."""
    asked = set(counties_in(question))
    written = set(counties_in(text)) if asked else set()
    return bool(written) and not asked & written


@lru_cache(maxsize=1)
def _county_names() -> dict[str, str]:
    """_key of each county -> the county as the data file writes it (built once, not per text)."""
    return {_key(c): c for cs in _data()[2].values() for c in cs}


def regions_in(text: str) -> list[str]:
    """Development regions named in text (aliases resolved), not those implied by counties."""
    return list(_regions_in(text))


@lru_cache(maxsize=8192)
def _regions_in(text: str) -> tuple[str, ...]:
    return tuple(_find(text, _data()[1]))


# The whole country, as calls write it: every region, a national call, or the two categories of
# cohesion policy (the less developed regions and the more developed one, București-Ilfov), which
# together cover all eight regions.
_WHOLE_COUNTRY = re.compile(r"toate (?:cele (?:opt|8) )?regiunile|toate judetele|(?:la )?nivel national|"
                            r"intreaga (?:tara|romanie)|pe (?:tot )?teritoriul romaniei")
_LESS_DEVELOPED = re.compile(r"regiun\w* (?:mai )?putin dezvoltat")
_MORE_DEVELOPED = re.compile(r"regiun\w* (?:mai )?dezvoltat")
_MORE_DEVELOPED_REGION = "București-Ilfov"  # the one more developed region of cohesion policy 2021-2027
_EXCEPT = re.compile(r"cu exceptia|exceptand|mai putin (?=(?:regiun|judet|municipi|bucuresti))")


def scope(text: str) -> dict[str, Any] | None:
    """The regions and counties a region statement covers, or None when it names none:
    {"all": bool, "regions": [...], "counties": [...]}. "Cu excepția ..." takes the regions or
    counties it names out; the less developed regions alone are every region but București-Ilfov."""
    folded = fold(text)
    cut = _EXCEPT.search(folded)
    kept, dropped = (text[: cut.start()], text[cut.end():]) if cut and len(folded) == len(text) else (text, "")
    kept_folded = fold(kept)
    named = regions_in(kept)
    table = _data()[2]
    less = bool(_LESS_DEVELOPED.search(kept_folded))
    more = bool(_MORE_DEVELOPED.search(_LESS_DEVELOPED.sub(" ", kept_folded)))
    whole = bool(_WHOLE_COUNTRY.search(kept_folded)) or len(named) == len(table) or (less and more)
    if whole:
        named = list(table)
    elif less:
        named = [r for r in table if r != _MORE_DEVELOPED_REGION]
    out_regions, out_counties = regions_in(dropped), counties_in(dropped)
    named = [r for r in named if r not in out_regions]
    counties = [c for r in named for c in table[r]]
    counties += [c for c in counties_in(kept) if c not in counties]
    counties = [c for c in counties if c not in out_counties]
    if not named and not counties:
        return None
    return {"all": whole and not (out_regions or out_counties), "regions": named, "counties": counties}
