"""The LLM answerer: the model rewrites the answer from numbered passages, then grounding
keeps only what the passages support; any failure gives back the extractive answer."""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer.grounding import Grounder, complete_sentences, ground
from assistant.answer.prompts import answer_messages
from assistant.llm_backends import backend_errors, build_llm, describe_error
from assistant.settings import Settings
from assistant.types import Answer, Passage

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

logger = logging.getLogger(__name__)

FAILED = "Modelul de limbaj nu a răspuns ({reason}); afișăm răspunsul extras direct din documente."
UNGROUNDED = ("Răspunsul modelului nu a putut fi verificat în documente; "
              "afișăm răspunsul extras direct din documente.")
PARTLY = "Am omis {k} afirmații ale modelului care nu se regăsesc în pasajele citate."
INTERRUPTED = "Răspunsul modelului s-a întrerupt ({reason}); afișăm partea verificată."


class LLMAnswerer:
    """Implements service.LLMAnswerer over any llama-index chat LLM."""

    def __init__(self, settings: Settings, llm: LLM | None = None, backend: str | None = None) -> None:
        self.settings = settings
        self._llm = llm
        self.backend = backend or settings.llm
        self._errors = backend_errors()

    def _model(self) -> LLM:
        if self._llm is None:
            self._llm = build_llm(self.settings)
        return self._llm

    def answer(self, question: str, passages: list[Passage], fallback: Answer) -> Answer:
        if not passages:
            return fallback
        try:
            reply = self._model().chat(answer_messages(question, passages)).message.content or ""
        except self._errors as exc:
            return self._fail(fallback, exc)
        return self._result(question, ground(reply, passages), passages, fallback)

    def stream(self, question: str, passages: list[Passage], fallback: Answer) -> Generator[str, None, Answer]:
        """Yields grounded sentences as the model finishes them; returns the final Answer
        (`answer = yield from answerer.stream(...)`). Falls back like `answer`."""
        if not passages:
            yield fallback.text
            return fallback
        grounder = Grounder(passages)
        buffer = ""
        try:
            for chunk in self._model().stream_chat(answer_messages(question, passages)):
                done, buffer = complete_sentences(buffer + (chunk.delta or ""))
                for sentence in done:
                    if (piece := grounder.feed(sentence)) is not None:
                        yield piece
            for piece in grounder.feed_text(buffer):
                yield piece
        except self._errors as exc:
            if not grounder.pieces:
                result = self._fail(fallback, exc)
                yield result.text
                return result
            answer = self._result(question, grounder, passages, fallback)
            answer.notice = INTERRUPTED.format(reason=describe_error(exc))
            return answer
        answer = self._result(question, grounder, passages, fallback)
        if answer.backend != self.backend:
            yield answer.text
        return answer

    def _fail(self, fallback: Answer, exc: BaseException) -> Answer:
        reason = describe_error(exc)
        logger.warning("llm failed backend=%s reason=%s error=%s", self.backend, reason, type(exc).__name__)
        return replace(fallback, backend="extractive", notice=_join(fallback.notice, FAILED.format(reason=reason)))

    def _result(self, question: str, grounder: Grounder, passages: list[Passage], fallback: Answer) -> Answer:
        for sentence, why in grounder.dropped:
            logger.info("llm sentence dropped reason=%s sentence=%r", why, sentence[:200])
        if not grounder.pieces:
            logger.warning("llm answer ungrounded backend=%s dropped=%d", self.backend, len(grounder.dropped))
            return replace(fallback, backend="extractive", notice=_join(fallback.notice, UNGROUNDED))
        notice = PARTLY.format(k=len(grounder.dropped)) if grounder.dropped else None
        return Answer(question=fallback.question or question, text=grounder.text, citations=grounder.citations,
                      abstained=False, retrieved=fallback.retrieved or passages, backend=self.backend,
                      notice=_join(fallback.notice, notice))


def _join(*notes: str | None) -> str | None:
    return " ".join(n for n in notes if n) or None
