"""The applicant's own share of a project, which calls state instead of (or beside) the funding
rate: "cofinanțare proprie minim 10%", "restul de 20% reprezintă contribuția proprie",
"Cofinanțare: 10%" in a call page's rows. The funding rate is the rest (100 - share); the share
itself is never a funding rate."""

from __future__ import annotations

import re

from assistant.text import fold

# The applicant's contribution, as Romanian calls name it: its own co-financing or contribution.
OWN_SHARE = re.compile(r"(?:co-?finantar\w*|contributi\w*)(?: \w+)?? "
                       r"(?:propri[ei]\w*|a (?:solicitantului|beneficiarului)|"
                       r"din partea (?:solicitantului|beneficiarului))|\bcontributi\w* proprii|"
                       # "Beneficiarul asigură o cofinanțare de minimum X%": the co-financing the
                       # beneficiary (applicant) provides is its own share, whatever adjective follows
                       r"\b(?:beneficiar|solicitant|aplicant)\w*\b[^#]{0,30}?\b(?:asigur|suport|acoper)\w* "
                       r"(?:o |un )?(?:co-?finantar\w*|contributi\w*)|"
                       # "Cofinanțarea beneficiarului", "Contribuția solicitantului": the genitive names whose share
                       r"\b(?:co-?finantar\w*|contributi\w*) (?:beneficiarului|solicitantului|aplicantului)\b|"
                       # "diferența de 30% fiind asigurată de beneficiar": the share said in the passive
                       r"\b(?:asigurat|suportat|acoperit)\w* (?:de(?: catre)?|din partea) (?:beneficiar|solicitant)|"
                       # "iar beneficiarul asigură 15%": the beneficiary's verb right before the figure
                       r"\b(?:beneficiar|solicitant|aplicant)\w*\b[^#]{0,30}?\b(?:asigur|suport|acoper)\w*"
                       r"(?: (?:minim\w*|cel putin|diferenta(?: de)?))?\s*#")
# A bare "Cofinanțare" label: on call pages it is the share the applicant pays (the grant is the
# "finanțare nerambursabilă" or the "rată de cofinanțare", which are other labels).
_SHARE_LABEL = re.compile(r"^\s*(?:co-?finantare(?:a)?|contributi(?:a|e) (?:proprie|solicitantului))\s*$")
_CLAUSE_END = re.compile(r"[,;.()]|\d\s*%")
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
