"""The applicant's own share of a project, which calls state instead of (or beside) the funding
rate: "cofinanțare proprie minim 10%", "restul de 20% reprezintă contribuția proprie",
"Cofinanțare: 10%" in a call page's rows. The funding rate is the rest (100 - share); the share
itself is never a funding rate."""

from __future__ import annotations

import re

from assistant.intent import COVERS, SHARE_COVERED
from assistant.text import fold

# Whoever applies and pays its part, as calls name it: the applicant or beneficiary, a partner or
# the partnership's leader, a cluster's management entity or its members (any case, either number).
OWNER = (r"(?:solicitant|beneficiar|aplicant|partener|lider|membr|coordonator|entitat\w* de management)"
         r"(?:ul(?:ui)?|ii|ilor|i|a|ei|ilor)?")
# The applicant's contribution, as Romanian calls name it: its own co-financing or contribution.
OWN_SHARE = re.compile(r"(?:co-?finantar\w*|contributi\w*)(?: \w+)?? "
                       rf"(?:propri[ei]\w*|a {OWNER}\b|"
                       rf"din partea {OWNER}\b)|\bcontributi\w* proprii|"
                       # "Beneficiarul asigură o cofinanțare de minimum X%": the co-financing the
                       # beneficiary (applicant) provides is its own share, whatever adjective follows
                       r"\b(?:beneficiar|solicitant|aplicant)\w*\b[^#]{0,30}?\b(?:asigur|suport|acoper)\w* "
                       r"(?:o |un )?(?:co-?finantar\w*|contributi\w*)|"
                       # "Cofinanțarea beneficiarului", "Contribuția solicitantului": the genitive names whose share
                       rf"\b(?:co-?finantar\w*|contributi\w*) {OWNER}\b|"
                       # "diferența de 30% fiind asigurată de beneficiar": the share said in the passive
                       r"\b(?:asigurat|suportat|acoperit)\w* (?:de(?: catre)?|din partea) (?:beneficiar|solicitant)|"
                       # "iar beneficiarul asigură 15%": the beneficiary's verb right before the figure
                       r"\b(?:beneficiar|solicitant|aplicant)\w*\b[^#]{0,30}?\b(?:asigur|suport|acoper)\w*"
                       r"(?: (?:minim\w*|cel putin|diferenta(?: de)?))?\s*#")
# A bare "Cofinanțare" label: on call pages it is the share the applicant pays (the grant is the
# "finanțare nerambursabilă" or the "rată de cofinanțare", which are other labels).
_SHARE_LABEL = re.compile(r"^\s*(?:co-?finantare(?:a)?|contributi(?:a|e) (?:proprie|solicitantului))(?: minima)?\s*$")
# (the full stop of an abbreviated bound, "min. 20%", "max. 5%", ends no clause)
_CLAUSE_END = re.compile(r"[,;()]|(?<!\bmin)(?<!\bmax)\.|\d\s*%")
# "minimum 15%, respectiv 30% ...": a figure joined to the one before by "respectiv"/"și"/"sau" is a
# second value of the same thing, so it shares the earlier figure's clause.
# "15% pentru IMM-uri, respectiv 25% pentru ...": after "respectiv" the earlier figure's condition may stand between.
_CHAIN = re.compile(r"^(?:[^.;()%]*[\s,]respectiv|[\s,]*(?:si|sau)?)[\s,]*(?:de )?(?:minim\w*|maxim\w*)?\s*$")


def is_share_label(label: str) -> bool:
    return bool(_SHARE_LABEL.match(fold(label)))


def is_own_share(text: str, start: int, end: int) -> bool:
    """Whether the percentage at text[start:end] is in a clause naming the applicant's own share
    (the clause: from the previous punctuation or percentage to the next)."""
    folded = fold(text) if len(fold(text)) == len(text) else text.lower()
    before = folded[:start]
    ends = [m for m in _CLAUSE_END.finditer(before)]
    cut = ends[-1].end() if ends else 0
    while ends and ends[-1].group() not in ".;()" and _CHAIN.match(before[ends[-1].end():]):
        ends.pop()  # chained to the figure before: read that figure's clause
        cut = ends[-1].end() if ends else 0
    after = folded[end:]
    stop = _CLAUSE_END.search(after)
    clause = before[cut:] + " # " + after[: stop.start() if stop else len(after)]
    return bool(OWN_SHARE.search(clause))


# A question about the applicant's share: "cât trebuie să acopere / să asigure / să contribuie
# (solicitantul)", "contribuția proprie", "cofinanțarea beneficiarului", "own contribution".
ASKS_OWN_SHARE = re.compile(r"\b(?:co-?finantar\w*|contributi\w*) (?:propri\w*|a (?:solicitantului|beneficiarului)|"
                            r"(?:solicitantului|beneficiarului|aplicantului))\b|"
                            rf"{SHARE_COVERED.pattern}|"
                            rf"\b(?:beneficiar|solicitant|aplicant)\w* (?:\w+ ){{0,3}}?{COVERS}|"
                            r"\bown (?:contribution|share|co-?financing)|\bapplicant'?s? (?:share|contribution)")


def rate_label(rate: float, shown: str, own: float | None, text: str, question: str) -> tuple[str, str] | None:
    """How a funding rate answers `question` when the rate and the applicant's share could be
    mistaken for one another, as (value, what it is): the share when the question asks it ("cât
    trebuie să acopere solicitantul?": `own`, or the rest of `rate`, in %), else the rate named as
    the grant, with the share beside it when the question says "cofinanțare" without naming
    whose. `text` is the line the rate was read from; None when neither the question nor the
    line names a share."""
    q, line = fold(question), fold(text)
    share = own if own is not None else 100 - rate
    at_least = "minimum " if own is not None and re.search(rf"\bmin(?:im\w*|\.)\s*(?:de\s+)?{own:g}\s*%", line) else ""
    if ASKS_OWN_SHARE.search(q):
        how = "" if own is not None else f", restul față de finanțarea nerambursabilă de {shown}"
        return f"{at_least}{share:g}%", f"cofinanțarea proprie a solicitantului{how}"
    if own is None and not OWN_SHARE.search(line):
        return None
    if re.search(r"\bco-?finantar", q):
        return shown, f"finanțarea nerambursabilă; cofinanțarea proprie a solicitantului: {at_least}{share:g}%"
    return shown, "finanțarea nerambursabilă"
