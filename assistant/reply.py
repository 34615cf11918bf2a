"""Helpdesk e-mail replies: one cited point per question in the mail, greeting to signature."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parseaddr
from typing import Any, Protocol

from assistant.answer.extractive import ABSTAIN_TEXT
from assistant.questions import QUOTED, asks, courtesy_only, split_questions
from assistant.text import fold
from assistant.titles import label
from assistant.types import Answer, Citation

logger = logging.getLogger(__name__)

NOT_ANSWERED = ("Documentele publicate nu precizează acest aspect; vom reveni cu un răspuns "
                "după ce verificăm informația.")
WILL_CHECK = "Vom reveni cu un răspuns după ce verificăm informația."
CLOSING = "Cu stimă,\n[Nume], Biroul de informare"

# A closing formula: what follows it is the signature, not part of the questions.
_CLOSING = re.compile(r"^(cu (stima|respect|drag|bine|consideratie)|toate cele bune|multumesc|va multumesc|"
                      r"multumim|va multumim|o zi buna|salutari|best regards|kind regards|regards|thank you)\b")
_QUOTED = QUOTED  # where a quoted earlier message starts in a reply
_HEADER = re.compile(r"^(from|to|subject|date|de la|catre|subiect|data|cc|message-id|mime-version|content-type)"
                     r"\s*:", re.I)
_TITLES = {"dl", "dna", "d-l", "d-na", "domnul", "doamna", "ing", "dr", "prof", "conf", "ec", "av", "mr", "mrs", "ms"}
# Romanian given names ending in "a" that are men's names; other such names are women's.
_MALE_A = {"luca", "mihnea", "mircea", "horia", "toma", "sava", "costea", "ilia", "nicola", "zaharia", "bartolomeu"}


class Asker(Protocol):
    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer: ...


@dataclass
class Mail:
    """The parts of an e-mail a reply needs."""

    sender: str  # display name, "" when unknown
    subject: str
    body: str


def parse_mail(source: str | bytes | Message) -> Mail:
    """Raw .eml (bytes or text), a parsed message, or a pasted body with or without headers."""
    if isinstance(source, bytes):
        return _from_message(BytesParser(policy=policy.default).parsebytes(source))
    if isinstance(source, Message):
        return _from_message(source)
    text = source.replace("\r\n", "\n").lstrip("\ufeff")
    first = text.lstrip().split("\n", 1)[0]
    if _HEADER.match(first):  # parsed as bytes: a str payload would come back unicode-escaped
        return _from_message(BytesParser(policy=policy.default).parsebytes(text.lstrip().encode("utf-8")))
    return Mail(sender="", subject="", body=text)


def _from_message(msg: Message) -> Mail:
    name, _ = parseaddr(str(msg.get("from", "") or ""))
    body = ""
    if isinstance(msg, EmailMessage):
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is not None:
            content = _decoded(part)
            body = content if part.get_content_subtype() == "plain" else _strip_tags(content)
    else:
        payload = msg.get_payload()
        body = payload if isinstance(payload, str) else ""
    return Mail(sender=name.strip(' "'), subject=" ".join(str(msg.get("subject", "") or "").split()), body=body)


def _decoded(part: Message) -> str:
    """The part's text; a missing or wrong charset falls back to UTF-8 (mail pasted from a browser)."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return payload.decode("utf-8", errors="replace")


def _strip_tags(html: str) -> str:
    from assistant.build import html_text  # the loaders' HTML reading, kept in one place

    return html_text(html)


def split_body(body: str) -> tuple[str, list[str]]:
    """(the message without quoted history, the signature lines after the closing formula)."""
    lines: list[str] = []
    for line in body.replace("\r", "").split("\n"):
        if line.lstrip().startswith(">") or _QUOTED.match(fold(line.strip())):
            if _QUOTED.match(fold(line.strip())):
                break
            continue
        lines.append(line)
    for i in range(len(lines) - 1, -1, -1):
        if _CLOSING.match(fold(lines[i].strip())):
            return "\n".join(lines[:i]).strip(), [x.strip() for x in lines[i + 1:] if x.strip()]
    return "\n".join(lines).strip(), []


def signature_name(signature: list[str]) -> str:
    """The first signature line that reads as a person's name (2 to 4 capitalised words)."""
    for line in signature[:3]:
        words = [w for w in re.split(r"\s+", line.strip(" ,.")) if w]
        words = [w for w in words if fold(w).rstrip(".") not in _TITLES]
        if 2 <= len(words) <= 4 and all(re.fullmatch(r"[^\W\d_][^\W\d_'-]*", w) and w[0].isupper() for w in words):
            return " ".join(words)
    return ""


def greeting(name: str) -> str:
    """"Stimate domnule X," / "Stimată doamnă X," when the name is known, else "Bună ziua,"."""
    words = [w for w in name.split() if fold(w).rstrip(".") not in _TITLES]
    if len(words) < 2:
        return "Bună ziua,"
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    surname = caps[0] if caps else words[-1]
    given = next((w for w in words if w != surname), words[0])
    surname = surname.capitalize() if surname.isupper() else surname
    first = fold(given.split("-")[0])
    if first.endswith("a") and first not in _MALE_A:
        return f"Stimată doamnă {surname},"
    return f"Stimate domnule {surname},"


def draft_reply(assistant: Asker, source: str | bytes | Message) -> dict[str, Any]:
    """The reply draft and its parts: questions, one point per question, all citations."""
    mail = parse_mail(source)
    text, signature = split_body(mail.body)
    name = mail.sender or signature_name(signature)
    questions = [_standalone(q) for q in split_questions(text)] if text.strip() and not courtesy_only(text) else []
    numbering: dict[tuple[Any, ...], Citation] = {}
    points: list[dict[str, Any]] = []
    # The subject line says what the whole message is about ("Întrebări despre apelul X"): the
    # points that name no call ask about the call it names, as they would after an earlier point.
    history: list[dict[str, str]] = [{"role": "user", "content": mail.subject}] if mail.subject else []
    for question in questions:
        answer = assistant.ask(question, history=list(history))
        history.append({"role": "user", "content": question})
        body, cites = _renumber(answer, numbering)
        points.append({"question": question, "answer": body, "abstained": answer.abstained,
                       "citations": [c.to_json() for c in cites]})
    if len(points) == 1 and points[0]["abstained"] and not asks(text):
        # No sentence asks ("Vă mulțumesc pentru informații."): the whole message was tried as one
        # request and the documents do not answer it, so the reply asks what the sender wants.
        questions, points, numbering = [], [], {}
    citations = sorted(numbering.values(), key=lambda c: c.n)
    logger.info("reply drafted questions=%d citations=%d named=%s", len(points), len(citations), bool(name))
    return {"reply": _compose(greeting(name), mail.subject, points, citations), "sender": name,
            "subject": mail.subject, "questions": questions, "points": points,
            "citations": [c.to_json() for c in citations]}


def _standalone(question: str) -> str:
    """"Și care este termenul?" asks on its own in a mail: the joining word goes, the capital stays."""
    q = re.sub(r"^(și|şi|si|iar|dar|de asemenea|totodată|and)\b[\s,]*", "", question.strip(), flags=re.I)
    return q[:1].upper() + q[1:] if q else question.strip()


def _renumber(answer: Answer, numbering: dict[tuple[Any, ...], Citation]) -> tuple[str, list[Citation]]:
    """The answer's [n] markers renumbered so one passage keeps one number across the reply."""
    if answer.abstained and answer.text.strip() and answer.text != ABSTAIN_TEXT:
        return f"{answer.text.strip()} {WILL_CHECK}", []  # what the assistant said: which call does not state it
    if answer.abstained or not answer.citations:
        return NOT_ANSWERED, []
    local: dict[int, int] = {}
    cites: list[Citation] = []
    for c in answer.citations:
        key = (c.document, c.page, c.section, c.text)
        if key not in numbering:
            numbering[key] = Citation(n=len(numbering) + 1, document=c.document, page=c.page,
                                      section=c.section, text=c.text, quote=c.quote, title=c.title)
        local[c.n] = numbering[key].n
        cites.append(numbering[key])
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{local.get(int(m.group(1)), m.group(1))}]", answer.text)
    return text.strip(), cites


def _compose(hello: str, subject: str, points: list[dict[str, Any]], citations: list[Citation]) -> str:
    about = f" referitor la „{subject}”" if subject else ""
    intro = f"Vă mulțumim pentru mesajul dumneavoastră{about}."
    if points:
        intro += " Pe baza documentelor publicate, vă răspundem mai jos la fiecare întrebare."
    parts = [hello, "", intro, ""]
    for i, point in enumerate(points, 1):
        parts += [f"{i}. {point['question']}", point["answer"], ""]
    if not points:
        parts += ["Nu am identificat o întrebare în mesaj; vă rugăm să ne spuneți ce informații vă interesează.", ""]
    if citations:
        parts.append("Surse:")
        parts += [f"[{c.n}] {source_label(c)}" for c in citations]
        parts.append("")
    parts += ["Pentru orice alte detalii, vă stăm la dispoziție.", "", CLOSING]
    return "\n".join(parts)


def source_label(c: Citation) -> str:
    """"document, pagina 3, secțiunea „Eligibilitate”" for a citation."""
    where = [label(c.document, c.title)]
    if c.page is not None:
        where.append(f"pagina {c.page}")
    if c.section:
        where.append(f"secțiunea „{c.section}”")
    return ", ".join(where)
