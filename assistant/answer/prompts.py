"""The Romanian prompts of assistant/prompts/*.txt (package data: they ship in the wheel) as
llama-index templates, and the messages built from them."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from llama_index.core.base.llms.types import ChatMessage, MessageRole
from llama_index.core.prompts import PromptTemplate

from assistant.types import Passage

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"  # the package assistant.prompts

# Document text sits between these markers; the system prompt says what lies between them is data.
FENCE_OPEN = "<<<DOCUMENTE>>>"
FENCE_CLOSE = "<<<SFÂRȘIT DOCUMENTE>>>"
_FENCE_LIKE = re.compile(r"<{3,}|>{3,}")

#: Every prompt file and the placeholders it must hold (checked by a test).
PLACEHOLDERS: dict[str, set[str]] = {
    "answer_system": {"fence_open", "fence_close"},
    "answer_user": {"fence_open", "fence_close", "passages", "question"},
    "passage": {"n", "source", "text"},
}


@cache
def load_prompt(name: str) -> PromptTemplate:
    """assistant/prompts/<name>.txt as a PromptTemplate (read once, from the installed package)."""
    text = resources.files("assistant.prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return PromptTemplate(text.strip())


def defang(text: str) -> str:
    """Remove anything shaped like our fences, so a document cannot close its own data section."""
    return _FENCE_LIKE.sub(" ", text)


def source_label(passage: Passage) -> str:
    c = passage.chunk
    parts = [c.document]
    if c.page is not None:
        parts.append(f"pagina {c.page}")
    if c.section:
        parts.append(f"secțiunea „{c.section}”")
    return defang(", ".join(parts))


def format_passages(passages: list[Passage]) -> str:
    template = load_prompt("passage")
    return "\n\n".join(
        template.format(n=i, source=source_label(p), text=defang(p.chunk.text).strip())
        for i, p in enumerate(passages, 1)
    )


def answer_messages(question: str, passages: list[Passage]) -> list[ChatMessage]:
    """System rules, then the numbered passages fenced as data and the question."""
    system = load_prompt("answer_system").format(fence_open=FENCE_OPEN, fence_close=FENCE_CLOSE)
    user = load_prompt("answer_user").format(passages=format_passages(passages), question=defang(question),
                                             fence_open=FENCE_OPEN, fence_close=FENCE_CLOSE)
    return [ChatMessage(role=MessageRole.SYSTEM, content=system), ChatMessage(role=MessageRole.USER, content=user)]
