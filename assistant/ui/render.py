"""HTML for document text: always escaped, quoted sentences highlighted, one block without blank lines."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from assistant.sentences import split_sentences
from assistant.titles import label
from assistant.types import Answer, Citation

NO_ANSWER = ("Documentele publicate nu conțin un răspuns la această întrebare. "
             "Reformulați întrebarea sau întrebați despre alt aspect al apelului.")

CSS = """
.src { border-left: 3px solid #9aa5b1; padding: 4px 10px; margin: 6px 0; font-size: 0.92em; }
.src-head { font-weight: 600; margin-bottom: 2px; }
.src-text { white-space: normal; }
.src mark, .sheet mark, .hl { background: #fff0a0; color: inherit; padding: 0 1px; }
.ans-none { color: #8a4b00; font-weight: 600; }
.sheet td, .sheet th { vertical-align: top; padding: 3px 8px; text-align: left; }
.sheet .cite { font-size: 0.85em; color: #555; }
.verdict { font-weight: 700; margin: 6px 0; }
.st-met { color: #146c2e; } .st-not_met { color: #a01818; } .st-unknown { color: #7a5d00; }
"""


def esc(text: object) -> str:
    """Escaped text with line breaks kept as <br> (and no blank line, which would end an HTML block)."""
    return html.escape(str(text or "")).replace("\r", "").replace("\n", "<br>")


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where the quote's sentences sit in the passage, whitespace-insensitive, merged."""
    spans: list[tuple[int, int]] = []
    for sentence in split_sentences(quote or ""):
        words = sentence.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        spans += [m.span() for m in re.finditer(pattern, text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, quote: str) -> str:
    """The passage escaped, its quoted sentences inside <mark>."""
    out, last = [], 0
    for start, end in quote_spans(text, quote):
        out += [esc(text[last:start]), f"<mark>{esc(text[start:end])}</mark>"]
        last = end
    out.append(esc(text[last:]))
    return "".join(out)


def where(c: Citation | dict[str, Any]) -> str:
    """"Titlu (document) · pagina 3 · secțiunea X", escaped."""
    d = c.to_json() if isinstance(c, Citation) else c
    title = str(d.get("title") or "")
    document = str(d.get("document") or "")
    shown = label(document, title)
    parts = [f"<b>{esc(title)}</b> ({esc(document)})" if shown != document else f"<b>{esc(document)}</b>"]
    if d.get("page") is not None:
        parts.append(f"pagina {esc(d['page'])}")
    if d.get("section"):
        parts.append(f"secțiunea „{esc(d['section'])}”")
    return " · ".join(parts)


def sources_html(citations: Iterable[Citation | dict[str, Any]]) -> str:
    rows = []
    for c in citations:
        d = c.to_json() if isinstance(c, Citation) else c
        rows.append(f'<div class="src"><div class="src-head">[{esc(d.get("n"))}] {where(d)}</div>'
                    f'<div class="src-text">{highlight(str(d.get("text", "")), str(d.get("quote", "")))}</div></div>')
    return "".join(rows)


def partial_html(text: str) -> str:
    """The chat message while the answer is still coming: its text so far, no sources yet."""
    return f'<div class="answer"><div class="ans">{esc(text)} …</div></div>'


def answer_html(answer: Answer, shown_text: str | None = None) -> str:
    """The chat message: the answer (or the no-answer message), then its sources."""
    if answer.abstained:
        body = f'<div class="ans-none">{esc(NO_ANSWER)}</div><div>{esc(answer.text)}</div>'
    else:
        body = f'<div class="ans">{esc(answer.text if shown_text is None else shown_text)}</div>'
    if answer.notice:
        body += f'<div class="src-head">{esc(answer.notice)}</div>'
    if shown_text is None and answer.citations:
        body += (f'<details open class="sources"><summary>Surse ({len(answer.citations)})</summary>'
                 f"{sources_html(answer.citations)}</details>")
    return f'<div class="answer">{body}</div>'
