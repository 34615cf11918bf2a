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
                       r"din partea (?:solicitantului|beneficiarului))|\bcontributi\w* proprii")
# A bare "Cofinanțare" label: on call pages it is the share the applicant pays (the grant is the
# "finanțare nerambursabilă" or the "rată de cofinanțare", which are other labels).
_SHARE_LABEL = re.compile(r"^\s*(?:co-?finantare(?:a)?|contributi(?:a|e) (?:proprie|solicitantului))\s*$")
_CLAUSE_END = re.compile(r"[,;.()]|\d\s*%")


def is_share_label(label: str) -> bool:
    return bool(_SHARE_LABEL.match(fold(label)))


def is_own_share(text: str, start: int, end: int) -> bool:
    """Whether the percentage at text[start:end] is in a clause naming the applicant's own share
    (the clause: from the previous punctuation or percentage to the next)."""
    folded = fold(text) if len(fold(text)) == len(text) else text.lower()
    before = folded[:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    after = folded[end:]
    stop = _CLAUSE_END.search(after)
    clause = before[cut:] + " # " + after[: stop.start() if stop else len(after)]
    return bool(OWN_SHARE.search(clause))
