"""What an answer says when the documents do not answer: the refusals of a message's points, one line."""

from __future__ import annotations

_NOT_STATED = " nu precizează "


def one_refusal(refusals: list[str]) -> str:
    """The refusals of a message's points as one line: those saying the same documents do not
    state several things joined ("Documentele apelului „X” nu precizează valoarea și data.")."""
    by_whom: dict[str, list[str]] = {}
    for r in dict.fromkeys(refusals):
        who, _, what = r.partition(_NOT_STATED)
        by_whom.setdefault(who if what else r, []).append(what.rstrip(".") if what else "")
    return " ".join(f"{who}{_NOT_STATED}{' și '.join(whats)}." if all(whats) else who
                    for who, whats in by_whom.items())
