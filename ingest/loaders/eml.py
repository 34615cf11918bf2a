"""Loader for e-mail messages (.eml): the subject as a heading, then the body text."""

from __future__ import annotations

import logging
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

from assistant.errors import CorruptDocumentError
from assistant.types import Page

from ._text import Extracted, clean_text, decode_bytes
from .html import html_to_text

logger = logging.getLogger(__name__)


def load_eml(data: bytes, name: str) -> Extracted:
    """Subject as "# subject", then the text/plain body (or the HTML one converted)."""
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
        subject = " ".join(str(msg.get("subject", "") or "").split())
        body, hidden = _body_text(msg) if isinstance(msg, EmailMessage) else ("", 0)
        notes = _attachment_notes(msg)
    except Exception as exc:  # header and MIME parsing raise several types on broken mail
        raise CorruptDocumentError(f"not a readable e-mail message ({exc})", file=name) from exc
    text = clean_text("\n\n".join(part for part in (f"# {subject}" if subject else "", body) if part))
    pages = [Page(number=None, text=text)] if text.strip() else []
    if hidden:
        notes.append(f"hidden text skipped: {hidden} elements")
    return Extracted(pages=pages, title=subject or None, notes=notes, hidden=hidden)


def _body_text(msg: EmailMessage) -> tuple[str, int]:
    """The body's text and how many hidden HTML elements it skipped."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", 0
    content = _content(part)
    if part.get_content_subtype() == "html":
        text, _, hidden = html_to_text(content)
        return text, hidden
    return content, 0


def _content(part: Message) -> str:
    """The decoded part; an unknown or wrong charset falls back to detection."""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError) as exc:
        logger.debug("eml_charset_fallback error=%s", exc)
    payload = part.get_payload(decode=True)
    return decode_bytes(payload) if isinstance(payload, bytes) else ""


def _attachment_notes(msg: Message) -> list[str]:
    if not isinstance(msg, EmailMessage):
        return []
    names = [part.get_filename() or "(unnamed)" for part in msg.iter_attachments()]
    return [f"attachments ignored: {', '.join(names)}"] if names else []
