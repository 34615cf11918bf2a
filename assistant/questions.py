"""Questions inside a message: an e-mail or a chat line may ask several things at once."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.intent import detect_intent, without_asked
from assistant.sentences import split_sentences
from assistant.text import fold, index_tokens

_CUE = (r"(care|ce|cine|cat|cata|cati|cate|cand|unde|cum|daca|putem|pot|poate|exista|se poate|"
        r"what|who|how|when|where|which|can|is there)")
# A question ends with "?", opens with a question word, or says it wants to know something.
_ASKS = re.compile(rf"\?|^{_CUE}\b|\b(sa (stim|aflam|stiu|intreb)|va rog|we would like to know)\b")
_GREETING = re.compile(r"^(buna ziua|buna seara|stimate|stimata|salut|hello|dear|cu stima|multumesc|"
                       r"va multumesc|multumim|va multumim|multumiri|mersi|o zi buna|toate cele bune)\b")
# "... și la ce adresă ...", "și în ce domeniu": the question word may follow its preposition.
_JOIN = re.compile(r"\s+(?:si|iar|and)\s+(?=(?:(?:la|in|pe|din|de la|pana la|to|at|on)\s+)?"
                   r"(?:care|ce|cine|cat|cata|cati|cate|cand|unde|cum|daca|what|who|how|when|where|which)\b)")
# A name: a capitalised word after the first one, or an acronym ("ALFA", "IMM").
_NAMED = re.compile(r"(?<=\s)[A-ZĂÂÎȘȚ][\w-]+|\b[A-ZĂÂÎȘȚ]{2,}\b")


def leaning_points(points: list[str], context: str) -> list[tuple[str, str]]:
    """(point, context) for each point of a message: a point after the first that names nothing
    of its own ("și în ce domeniu activează?") asks of what the point before it named (without
    the words of the value that point asked), which is added to its context (the previous
    question the point leans on, or "")."""
    out = []
    for i, point in enumerate(points):
        leans = i > 0 and not _NAMED.search(point)
        out.append((point, f"{context} {without_asked(points[i - 1])}".strip() if leans else context))
    return out


def split_questions(text: str) -> list[str]:
    """The questions a message asks, each on its own; the message itself when none stands out.

    Greetings and signatures are dropped; "... și care este ..." becomes two questions.
    """
    questions: list[str] = []
    for sent in _asking_sentences(text):
        for part in _split_joined(_lead_after(sent)):
            part = _ENUMERATOR.sub("", part)
            # A bare "Cât?" or "Și unde?" asks about what the point before it asked: one point.
            if questions and len(index_tokens(part)) < SHORT_POINT_WORDS:
                questions[-1] = f"{questions[-1]} {part}"
            else:
                questions.append(part)
    return questions or [text.strip()]


def asks(text: str) -> bool:
    """Whether a message asks anything: a sentence, greetings dropped, ending with "?", opening
    with a question word or saying it wants to know ("vă rog", "să aflăm"), or a request
    ("Aș dori informații despre ...", "Ne interesează ...", "Solicităm ...")."""
    return next(_asking_sentences(text), None) is not None or bool(_REQUEST.search(fold(text)))


def courtesy_only(text: str) -> bool:
    """Whether every sentence of a message is a greeting, thanks or a wish ("Vă mulțumesc pentru
    informații.", "O zi bună"): such a message asks nothing and wants no answer."""
    sentences = [fold(s).strip(" ,.!") for s in split_sentences(text.replace("\r", ""))]
    return any(sentences) and all(not s or _GREETING.match(s) for s in sentences)


# A request says what the writer wants without asking: "aș dori", "dorim", "ne interesează".
_REQUEST = re.compile(r"\b(as|am) dori\b|\bdoresc\b|\bdorim\b|\bintereseaza\b|\bsolicit(am)?\b|\brugam\b")


def _asking_sentences(text: str) -> Iterator[str]:
    for sent in (s for piece in split_sentences(text.replace("\r", "")) for s in _typed_sentences(piece)):
        sent = _strip_greeting(sent)
        if fold(sent) and _ASKS.search(fold(sent)):
            yield sent


# People typing a message start a sentence in lower case, or go on after "?" without one: a "?"
# ends a question, and a full stop followed by a question word starts one.
_TYPED_CUT = re.compile(rf"(?<=\?)\s+(?=\S)|(?<=[.!])\s+(?={_CUE}\b)")


def _typed_sentences(sentence: str) -> list[str]:
    """A sentence as split_sentences gave it, cut where a typed message starts another one."""
    folded = fold(sentence)
    if len(folded) != len(sentence):  # (folding keeps positions for Romanian text; else leave it)
        return [sentence]
    cuts = [m.end() for m in _TYPED_CUT.finditer(folded)]
    parts = [sentence[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True)]
    return [p for p in parts if p]


def _strip_greeting(sentence: str) -> str:
    m = _GREETING.match(fold(sentence))
    return sentence[m.end():].lstrip(" ,!.") if m else sentence


# A point of a list of questions opens with its number or letter: "1)", "2.", "a)", "-".
_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}[).]|\(?[a-h]\)|[-•])\s+")
# "Am câteva întrebări despre apelul X: 1) ...": words before a colon announcing the questions
# after it say what they are about; the question goes first, so what it asks opens it.
_LEAD = re.compile(r"^(?P<lead>[^:?]{8,}?):\s*(?P<rest>\S.*\?.*)$", re.S)


def _lead_after(sentence: str) -> str:
    """"<lead-in>: <questions>" as "<questions> (<lead-in>)" when the lead-in asks nothing itself."""
    m = _LEAD.match(sentence)
    if m is None or _ASKS.search(fold(m.group("lead"))) or not _ASKS.search(fold(m.group("rest"))):
        return sentence
    rest = _ENUMERATOR.sub("", m.group("rest"))
    end = rest.find("?") + 1
    return f"{rest[:end]} ({m.group('lead').strip()}){rest[end:]}"


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
    # "Unde și când a avut loc ...?" is one question about two things, not two questions: a part
    # with no word of its own joins the one after it.
    out: list[str] = []
    for p in parts:
        if out and len(index_tokens(out[-1])) < MIN_QUESTION_WORDS:
            out[-1] = f"{out[-1]} și {p}"
        else:
            out.append(p)
    if len(out) > 1 and len(index_tokens(out[-1])) < MIN_QUESTION_WORDS:
        out[-2:] = [f"{out[-2]} și {out[-1]}"]
    return out


MIN_QUESTION_WORDS = 1
SHORT_POINT_WORDS = 2  # a question with fewer content words leans on the one before it
CONTEXT_CHARS = 300  # a short sentence just before a question is kept with it (it often says what it is about)

# Where a quoted earlier message starts in a reply (what follows is the thread, not the new message).
QUOTED = re.compile(r"^(-{2,}\s*(original|mesaj)|on .+ wrote:$|in data de .+ a scris:$|la .+ a scris:$)")


def focus(text: str, limit: int) -> str:
    """A message longer than `limit` cut to what it asks: its asking sentences, each with the
    short sentence before it, from the writer's own text (lines quoted with ">" and the thread
    after a "wrote:" line are earlier messages); the latest that fit when they are too many (a
    pasted thread ends with the newest message). The message itself when it fits."""
    if len(text) <= limit:
        return text
    lines = text.replace("\r", "").split("\n")
    own: list[str] = []
    for line in lines:
        if QUOTED.match(fold(line.strip())):
            break
        if not line.lstrip().startswith(">"):
            own.append(line)
    for body in ("\n".join(own), "\n".join(ln for ln in lines if not ln.lstrip().startswith(">")), text):
        kept = _asking(body)
        if kept:
            break
    if not kept:  # nothing asks: the end of the message, where a pasted thread puts the newest text
        tail = text[-limit:]
        return tail[tail.find(" ") + 1:] if " " in tail[:50] else tail
    out: list[str] = []
    size = 0
    for sentence in reversed(kept):
        if size + len(sentence) + 1 > limit and out:
            break
        out.append(sentence[:limit])
        size += len(sentence) + 1
    return " ".join(reversed(out))


def _asking(text: str) -> list[str]:
    """The asking sentences of a text, each with the short sentence before it when that one asks nothing."""
    # A question mark ends a question even when lower case follows (pasted text runs on).
    sentences = [q.strip() for s in split_sentences(text) for q in re.split(r"(?<=\?)\s+", s) if q.strip()]
    out: list[str] = []
    for i, sent in enumerate(sentences):
        if not _ASKS.search(fold(_strip_greeting(sent))):
            continue
        before = sentences[i - 1] if i else ""
        if before and before not in out and len(before) <= CONTEXT_CHARS and not _ASKS.search(fold(before)):
            out.append(before)
        out.append(sent)
    return out

_FOLLOWUP = re.compile(r"^(si|dar|iar|and|but|what about|ce zici de|dar pentru|si pentru|pentru)\b")


def resolve_followup(question: str, history: Sequence[dict[str, str] | str]) -> str:
    """A question that leans on the previous turn ("și pentru ajutor de minimis?") gets that
    turn's question in front of it; one that asks another kind of value of the same subject
    ("și e-mailul?") comes first, before what the previous turn was about (a question says what
    it asks in its first words); a question that stands on its own is kept as it is."""
    context = followup_context(question, history)
    if not context:
        return question
    return f"{question} {context}" if _asks_another_kind(question, history) else f"{context} {question}"


def followup_context(question: str, history: Sequence[dict[str, str] | str]) -> str:
    """The previous question, when this one leans on it ("" when it stands on its own); without
    the words of the value it asked when this one asks another kind of value ("și telefonul?"
    after "Care e bugetul apelului X?" asks the telephone of call X, not its budget)."""
    previous = _last_user_turn(history)
    if not previous:
        return ""
    content = [w for w in re.findall(r"\w+", fold(question)) if len(w) > 3]
    if not (_FOLLOWUP.match(fold(question).strip()) or len(content) <= 2):
        return ""
    return without_asked(previous) if _asks_another_kind(question, history) else previous


def _asks_another_kind(question: str, history: Sequence[dict[str, str] | str]) -> bool:
    """A follow-up naming a kind of value (a date, an amount, a contact, ...) other than the one
    the previous question asked."""
    own = detect_intent(question).stated
    return bool(own) and own != detect_intent(_last_user_turn(history)).stated


def user_turns(history: Sequence[dict[str, str] | str]) -> list[str]:
    """The asker's earlier turns, latest first."""
    out = []
    for turn in reversed(history):
        if isinstance(turn, str):
            out.append(turn)
        elif turn.get("role", "user") == "user" and turn.get("content"):
            out.append(str(turn["content"]))
    return out


def _last_user_turn(history: Sequence[dict[str, str] | str]) -> str:
    for turn in reversed(history):
        if isinstance(turn, str):
            return turn
        if turn.get("role", "user") == "user" and turn.get("content"):
            return str(turn["content"])
    return ""
