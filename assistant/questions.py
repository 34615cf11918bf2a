"""Questions inside a message: an e-mail or a chat line may ask several things at once."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.sentences import split_sentences
from assistant.text import fold, index_tokens

_CUE = (r"(care|ce|cine|cat|cata|cati|cate|cand|unde|cum|daca|putem|pot|poate|exista|se poate|"
        r"what|who|how|when|where|which|can|is there)")
# A question ends with "?", opens with a question word, or says it wants to know something.
_ASKS = re.compile(rf"\?|^{_CUE}\b|\b(sa (stim|aflam|stiu|intreb)|va rog|we would like to know)\b")
_GREETING = re.compile(r"^(buna ziua|buna seara|stimate|stimata|salut|hello|dear|cu stima|multumesc|"
                       r"va multumesc|o zi buna|toate cele bune)\b")
_JOIN = re.compile(r"\s+(?:si|iar|and)\s+(?=(?:care|ce|cine|cat|cata|cati|cate|cand|unde|cum|daca|"
                   r"what|who|how|when|where|which)\b)")


def split_questions(text: str) -> list[str]:
    """The questions a message asks, each on its own; the message itself when none stands out.

    Greetings and signatures are dropped; "... și care este ..." becomes two questions.
    """
    questions: list[str] = []
    for sent in split_sentences(text.replace("\r", "")):
        sent = _strip_greeting(sent)
        folded = fold(sent)
        if not folded or not _ASKS.search(folded):
            continue
        questions.extend(_split_joined(sent))
    return questions or [text.strip()]


def _strip_greeting(sentence: str) -> str:
    m = _GREETING.match(fold(sentence))
    return sentence[m.end():].lstrip(" ,!.") if m else sentence


def _split_joined(sentence: str) -> list[str]:
    folded = fold(sentence)
    cuts = [m.start() for m in _JOIN.finditer(folded)]
    if not cuts:
        return [sentence.strip()]
    parts, last = [], 0
    for cut in cuts:
        parts.append(sentence[last:cut].strip(" ,;"))
        last = cut
    parts.append(sentence[last:].strip(" ,;"))
    parts = [re.sub(r"^(și|si|iar|and)\s+", "", p, flags=re.I) for p in parts if p]
    # "Unde și când a avut loc ...?" is one question about two things, not two questions.
    if any(len(index_tokens(p)) < MIN_QUESTION_WORDS for p in parts):
        return [sentence.strip()]
    return parts


MIN_QUESTION_WORDS = 1

_FOLLOWUP = re.compile(r"^(si|dar|iar|and|but|what about|ce zici de|dar pentru|si pentru|pentru)\b")


def resolve_followup(question: str, history: Sequence[dict[str, str] | str]) -> str:
    """A question that leans on the previous turn ("și pentru ajutor de minimis?") gets that
    turn's question in front of it; a question that stands on its own is kept as it is."""
    context = followup_context(question, history)
    return f"{context} {question}" if context else question


def followup_context(question: str, history: Sequence[dict[str, str] | str]) -> str:
    """The previous question, when this one leans on it; "" when it stands on its own."""
    previous = _last_user_turn(history)
    if not previous:
        return ""
    content = [w for w in re.findall(r"\w+", fold(question)) if len(w) > 3]
    return previous if _FOLLOWUP.match(fold(question).strip()) or len(content) <= 2 else ""


def _last_user_turn(history: Sequence[dict[str, str] | str]) -> str:
    for turn in reversed(history):
        if isinstance(turn, str):
            return turn
        if turn.get("role", "user") == "user" and turn.get("content"):
            return str(turn["content"])
    return ""
