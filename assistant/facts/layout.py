"""Values placed away from their labels: brochures and header-row layouts of PDF dumps.

A brochure puts a capitals label ("ALOCAREA FINANCIARĂ") under or over its figure; a
summary table dumped from a PDF puts several labels on one row and their values in the
same order below. Labels whose value is a figure show which side values sit on in this
document; text values follow the same side.
"""

from __future__ import annotations

import re

from assistant.facts.inline import Pending, label_hits, label_only
from assistant.facts.lines import Line
from assistant.facts.patterns import conditions, has_kind, is_bare
from assistant.facts.values import Fact, make_facts
from assistant.sentences import split_sentences
from assistant.text import is_caps_label

_REACH = 12  # units scanned after a header row of labels
_TEXT_UNITS = 6
_LIST_UNITS = 40  # a list of applicants, one item a unit, is read to its end
# "3. Valoarea voucherului": the title of the next numbered section ends a value.
_NUMBERED_TITLE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZĂÂÎȘȚ][^.;:!?]{0,80}$")


def _is_label_unit(line: Line) -> bool:
    hits = label_hits(line.text)
    return is_caps_label(line.text) or bool(hits and label_only(line.text, hits))


def _neighbour(units: list[Line], i: int, step: int) -> Line | None:
    j = i + step
    return units[j] if 0 <= j < len(units) else None


def orientation(units: list[Line], pending: list[Pending]) -> int:
    """-1 when this document puts values before their labels, +1 after (the default)."""
    score = 0
    for p in pending:
        if p.spec.kind == "text":
            continue
        before, after = _neighbour(units, p.index, -1), _neighbour(units, p.index, 1)
        score += bool(before and not _is_label_unit(before) and has_kind(before.text, p.spec.kind))
        score -= bool(after and not _is_label_unit(after) and has_kind(after.text, p.spec.kind))
    return -1 if score > 0 else 1


def far_facts(units: list[Line], pending: list[Pending]) -> list[Fact]:
    """Values for the labels left waiting, from header rows first, then single labels."""
    facts: list[Fact] = []
    done: set[int] = set()
    for run in _header_runs(pending):
        facts.extend(_assign_in_order(units, run))
        done.update(id(p) for p in run)
    side = orientation(units, pending)
    for p in pending:
        if id(p) not in done:
            facts.extend(_single(units, p, side))
    return facts


def _header_runs(pending: list[Pending]) -> list[list[Pending]]:
    """Labels on consecutive label-only units naming at least two different fields."""
    runs: list[list[Pending]] = []
    for p in sorted(pending, key=lambda p: p.index):
        if runs and p.index - runs[-1][-1].index <= 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return [r for r in runs if len({p.spec.name for p in r}) >= 2]


def _assign_in_order(units: list[Line], run: list[Pending]) -> list[Fact]:
    """Header labels take the next values of their kind, in the order the labels are written."""
    out: list[Fact] = []
    pos = run[-1].index + 1
    end = min(len(units), pos + _REACH)
    for p in run:
        for j in range(pos, end):
            unit = units[j]
            if _is_label_unit(unit):
                end = j
                break
            if p.spec.kind == "text" and (is_bare(unit.text, "amount") or len(unit.text.split()) < 4):
                continue
            got = make_facts(p.spec.name, p.spec.kind, unit.text, p.label, unit, unit.text)
            if got:
                out.extend(got)
                pos = j + 1
                break
    return out


def _single(units: list[Line], p: Pending, side: int) -> list[Fact]:
    if p.spec.kind != "text":
        for step in (side, -side, 2 * side):
            unit = _neighbour(units, p.index, step)
            if unit is None or _is_label_unit(unit):
                continue
            both = f"{unit.text}\n{p.line_text}" if step < 0 else f"{p.line_text}\n{unit.text}"
            got = make_facts(p.spec.name, p.spec.kind, unit.text, p.label, unit, both)
            if got:
                return got + _other_bound(units, p, p.index + step + (1 if step > 0 else -1), got)
        return _bare_rates(units, p) if p.spec.kind == "percent" else []
    return _text_value(units, p, side)


def _other_bound(units: list[Line], p: Pending, j: int, got: list[Fact]) -> list[Fact]:
    """A brochure writes a project's minimum and maximum as two figure lines ("Min. 50.000 euro" /
    "Max. 400.000 euro"): the line after the one taken holds the other bound."""
    bounds = {f.normalized.get("bound") for f in got if isinstance(f.normalized, dict)}
    if p.spec.name != "project_value" or len(bounds) != 1 or None in bounds or not 0 <= j < len(units):
        return []
    unit = units[j]
    if _is_label_unit(unit) or not is_bare(unit.text, "amount"):
        return []
    more = make_facts(p.spec.name, p.spec.kind, unit.text, p.label, unit, f"{p.line_text}\n{unit.text}")
    return [f for f in more if f.normalized.get("bound") not in bounds | {None}]


def _text_value(units: list[Line], p: Pending, side: int) -> list[Fact]:
    if side < 0:
        unit = _neighbour(units, p.index, -1)
        if unit is None or _is_label_unit(unit) or is_bare(unit.text, "amount") or is_bare(unit.text, "percent"):
            return []  # a brochure's figure line belongs to a figure's label, never to a text one
        sentences = split_sentences(unit.text)
        value = sentences[-1] if sentences else unit.text
        return make_facts(p.spec.name, "text", value, p.label, unit, f"{unit.text}\n{p.line_text}")
    if p.spec.listed and not _items_follow(units, p.index):
        return []
    taken: list[Line] = []
    for j in range(p.index + 1, min(len(units), p.index + 1 + _LIST_UNITS)):
        if _is_label_unit(units[j]) or _labelled_row(units[j]) or (taken and _NUMBERED_TITLE.match(units[j].text)):
            break
        if len(taken) >= _TEXT_UNITS and not taken[-1].text.rstrip().endswith((";", ",", ":")):
            break  # past a few units, only a list that goes on ("...;") is still this value
        if taken and _top_section(units[j]) != _top_section(taken[0]):
            break  # the next section of a guide ("3. Activități eligibile") is not this value
        if taken and _left_section(taken[0], units[j]):
            break  # nor is the next subsection under the same title ("Coduri CAEN" after "Solicitanți eligibili")
        if _after_list(taken, units[j]):
            break  # a list closed by its last item's full stop: the paragraph after it says something else
        if taken and units[j].text == taken[-1].text:
            continue  # a short unit repeated into the next chunk
        taken.append(units[j])
    if not taken:
        return []
    # "Sunt eligibile:" on its own line introduces the list under the label: the items are the value.
    shown = taken[1:] if len(taken) > 1 and taken[0].text.rstrip().endswith(":") and len(taken[0].text) <= 80 else taken
    value = " ".join([*(u.text for u in shown[:-1]), _last_item(shown)])
    return make_facts(p.spec.name, "text", value, p.label, taken[0], "\n".join([p.line_text, *(u.text for u in taken)]))


def _items_follow(units: list[Line], i: int) -> bool:
    """Two list items with the same kind of marker ("- ...;", "1. ...") right after units[i], or
    after one line introducing them (a dash line then a numbered title are no list)."""
    for start in (i + 1, i + 2):
        kinds = {_marker(units[j].text) if j < len(units) else None for j in (start, start + 1)}
        if len(kinds) == 1 and None not in kinds:
            return start == i + 1 or units[i + 1].text.rstrip().endswith(":")
    return False


def _marker(text: str) -> str | None:
    """The kind of a list item's marker: "1" for a number, "a" for a letter, else the sign; None for no item."""
    m = _ITEM.match(text)
    if m is None:
        return None
    sign = m.group().strip()[:1]
    return "1" if sign.isdigit() else "a" if sign.isalpha() else sign


def _labelled_row(line: Line) -> bool:
    """'Alocare financiară: 900.000 euro': a row that opens with another field's label and its colon."""
    hits = label_hits(line.text)
    return bool(hits) and hits[0].start <= 1 and line.text[hits[0].end: hits[0].end + 2].lstrip().startswith(":")


def _top_section(line: Line) -> str:
    return (line.section or "").split("›")[0].strip()


def _left_section(first: Line, unit: Line) -> bool:
    """`unit` stands in a section that is neither the value's first line's section nor one under it."""
    here, there = (first.section or "").strip(), (unit.section or "").strip()
    return bool(here and there) and there != here and not there.startswith(here)


_ITEM = re.compile(r"^\s*(?:[-–•*▪●]|\d{1,2}[.)]|[a-z][.)])\s+")


def _last_item(shown: list[Line]) -> str:
    """The last line of a value; of a list (two items or more), its last item only up to its full
    stop: a plain-text reader joins the paragraph after a list to its last item."""
    last = shown[-1].text
    if sum(bool(_ITEM.match(u.text)) for u in shown) < 2 or not _ITEM.match(last):
        return last
    sentences = split_sentences(last)
    return sentences[0] if len(sentences) > 1 and sentences[0].rstrip().endswith(".") else last


def _after_list(taken: list[Line], unit: Line) -> bool:
    """A list of items ("- ...;", "a) ...") ends with the item that closes with a full stop: a
    line after it that is no item is prose of its own, not one more applicant."""
    items = [u for u in taken if _ITEM.match(u.text)]
    return len(items) >= 2 and taken[-1] is items[-1] and taken[-1].text.rstrip().endswith(".") \
        and not _ITEM.match(unit.text)


def _bare_rates(units: list[Line], p: Pending) -> list[Fact]:
    """A rate label without a figure: the brochure's bare percentages, paired in order with the
    conditions the label lists (state aid, de minimis, enterprise size) when the counts agree."""
    bare = [u for u in units if is_bare(u.text, "percent")]
    if not bare:
        return []
    conds = conditions(p.line_text)
    out: list[Fact] = []
    for k, unit in enumerate(bare):
        for fact in make_facts(p.spec.name, "percent", unit.text, p.label, unit, f"{unit.text}\n{p.line_text}"):
            fact.condition = conds[k] if len(conds) == len(bare) else fact.condition
            out.append(fact)
    return out
