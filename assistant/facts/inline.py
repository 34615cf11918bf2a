"""Labels and the values written next to them on the same line ('Alocare financiară: 7.350.000 lei')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.facts.lines import Line
from assistant.facts.patterns import FIELDS, LABEL_END, LABEL_START, FieldSpec, has_kind
from assistant.facts.profile import detected_types
from assistant.facts.values import Fact, make_facts
from assistant.text import fold, is_caps_label

_SEPARATOR = re.compile(r"^[\s:–—\-=>]*(?:(?:este|sunt|va fi|de|in valoare de|reprezinta)\s+)*[\s:–—\-]*",
                        re.IGNORECASE)
_TYPED_REACH = 160  # a typed value must start within this many characters after its label
# A section number before a label ("3. Solicitanți eligibili", "5.1.", "B."): the label is the section's
# title, and loaders join a title line with the paragraph under it, so the rest is its value.
_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\)|[ivx]{1,4}\.)\s+$")
_LEAD_IN = re.compile(r"^(?:(?:sunt )?eligibil[ie](?: urmatoarele| (?:ca|pentru) \w+)?|pot (?:aplica|solicita \w+))"
                      r"\s*:\s*", re.IGNORECASE)
# "Din alocarea totală, suma de X euro este rezervată ...": an allocation's label after "din" names
# the whole a part is taken from, and the amount that follows is that part, not the call's total.
_PART_OF = re.compile(r"(?<![a-z])din\s+$")
_BULLETS = "•-–*✓▪·o"
_CONTINUE = 4  # units a text value may run on into when a line break cut its sentence


@dataclass
class LabelHit:
    spec: FieldSpec
    start: int
    end: int
    label: str


@dataclass
class Pending:
    """A label whose value is not on its line: the value is in a block before or after it."""

    index: int
    spec: FieldSpec
    label: str
    line_text: str


@lru_cache(maxsize=1)
def _any_label() -> re.Pattern[str]:
    """Every field's label in one pattern: whether a line holds any label at all. The word
    boundaries every label has (`LABEL_START`, `LABEL_END`) are tested once around all of them
    rather than once per field: the same lines match, and inside a word (most places of a line)
    the search moves on after one test instead of one per field (~4x faster)."""
    inner = []
    for spec in FIELDS:
        pattern = spec.label.pattern
        assert pattern.startswith(LABEL_START) and pattern.endswith(LABEL_END), spec.name
        inner.append(pattern[len(LABEL_START): -len(LABEL_END)])
    return re.compile(LABEL_START + "(?:" + "|".join(inner) + ")" + LABEL_END)


def label_hits(text: str) -> list[LabelHit]:
    """Field labels in text, left to right, no overlaps (earlier field in FIELDS wins a tie)."""
    folded = fold(text)
    if len(folded) != len(text):
        text = folded
    if not _any_label().search(folded):
        return []  # most lines: one search instead of one per field
    label_only = _looks_like_label_line(text)
    found: list[tuple[int, int, int, FieldSpec]] = []
    for rank, spec in enumerate(FIELDS):
        for m in spec.label.finditer(folded):
            # a weak label ("Beneficiari") only on a label line, or as a row label with its colon
            if spec.weak and not label_only and not re.match(r"\s?:", folded[m.end():]):
                continue
            found.append((m.start(), -(m.end() - m.start()), rank, spec))
    hits: list[LabelHit] = []
    for start, neg_len, _, spec in sorted(found, key=lambda t: (t[0], t[1], t[2])):
        end = start - neg_len
        if hits and start < hits[-1].end:
            continue
        if hits and hits[-1].spec.kind == "text" and not _starts_label(folded, start, end):
            continue  # "întreprinderile din județele Dolj, Gorj": a word of the value, not a new label
        hits.append(LabelHit(spec, start, end, text[start:end]))
    return hits


def _starts_label(folded: str, start: int, end: int) -> bool:
    """Inside a free-text value, a label word starts a new label only when a colon follows it or a
    sentence ends before it."""
    return bool(re.match(r"\s*[:–—]", folded[end:])) or bool(re.search(r"[.;]\s*$", folded[:start]))


def _looks_like_label_line(text: str) -> bool:
    return is_caps_label(text) or (len(text.split()) <= 6 and text.rstrip().endswith(":"))


def label_only(text: str, hits: list[LabelHit]) -> bool:
    """The line names fields and holds (almost) nothing else."""
    rest = fold(text)
    for h in reversed(hits):
        rest = rest[: h.start] + " " + rest[h.end:]
    return len(re.findall(r"[a-z0-9]{2,}", rest)) <= 2


def inline_facts(index: int, line: Line, following: list[Line] | None = None) -> tuple[list[Fact], list[Pending]]:
    """Facts whose value follows the label on the line, and labels left waiting for a value;
    following: the next units, which a free-text value cut by a line break runs on into."""
    text = line.text
    hits = label_hits(text)
    facts: list[Fact] = []
    pending: list[Pending] = []
    only = is_caps_label(text) or label_only(text, hits)
    for k, hit in enumerate(hits):
        if hit.spec.name == "allocation" and _PART_OF.search(fold(text[: hit.start])):
            continue
        stop = hits[k + 1].start if k + 1 < len(hits) else len(text)
        raw = text[hit.end: stop]
        seg = raw[_SEPARATOR.match(raw).end():] if raw else ""  # type: ignore[union-attr]
        heading = k == 0 and bool(_SECTION_NUMBER.match(fold(text)[: hit.start]))
        if heading and hit.spec.kind == "text" and k + 1 == len(hits):
            seg, raw = _LEAD_IN.sub("", seg.strip()), ": " + seg
        if hit.spec.kind == "text" and k + 1 == len(hits):
            seg = _run_on(seg, following or [])
        got = _value(hit, seg, raw, text, line)
        if got:
            facts.extend(got)
        elif only or heading or (hit.spec.kind != "text" and len(text.split()) <= 20):
            pending.append(Pending(index, hit.spec, hit.label, text))
    # "1. Bugetul apelului Bugetul alocat apelului este de ...": a section title whose field the line
    # itself goes on to give waits for nothing.
    given = {f.field for f in facts}
    return facts, [p for p in pending if p.spec.name not in given]


def _run_on(seg: str, following: list[Line]) -> str:
    """A free-text value whose sentence a line break cut ("... mici și mijlocii din" / "județele
    Alba, Sibiu."): the next units that go on with a lower-case word belong to it."""
    out = seg.rstrip()
    for unit in following[:_CONTINUE]:
        nxt = unit.text.strip()
        item = nxt[:1] in _BULLETS and out[-1:] in ":;,"
        if not out or out[-1] in ".!?" or unit.kind != "text" or not (nxt[:1].islower() or item):
            break
        out = f"{out} {nxt}"
    return out


# A label that is the verb of a sentence ("Pot aplica", "Pot depune cereri", "Sunt eligibile"): who it
# names follows it.
_PREDICATE = re.compile(r"pot |sunt eligibil")


def _value(hit: LabelHit, seg: str, raw: str, text: str, line: Line) -> list[Fact]:
    spec = hit.spec
    if not seg.strip():
        return []
    if spec.kind == "text":
        # Free text only after an explicit separator: "Solicitanți eligibili: ..."
        # or after a label that is a sentence's predicate ("Pot aplica ONG-urile ..."): its subject
        # follows. Romanian capitalises a verb only where it opens a sentence, so a two-column
        # brochure's "Cum aplicați Pot aplica ..." still opens one; "Ele pot aplica" has its subject before.
        predicate = _PREDICATE.match(fold(hit.label)) and hit.label[:1].isupper()
        if not (re.match(r"^\s*[:–—\-]", raw) or predicate) or not has_kind(seg, "text"):
            return []
        if fold(hit.label).startswith("sunt") and not detected_types(seg):
            return []  # "Sunt eligibile cheltuielile ...": what is eligible is no kind of applicant
        return make_facts(spec.name, "text", seg, hit.label, line, line.text)
    window = seg[: _TYPED_REACH + 60]
    if not has_kind(window[:_TYPED_REACH + 40], spec.kind):
        return []
    return make_facts(spec.name, spec.kind, window, hit.label, line, line.text, context=text)
