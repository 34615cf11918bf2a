"""Assistant errors become a Romanian gr.Error at the UI edge, never a traceback."""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import gradio as gr

from assistant.errors import AssistantError

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def romanian_errors(fn: F) -> F:
    """Wrap a handler (plain or generator) so AssistantError shows as gr.Error(exc.ro())."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(*args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(*args, **kwargs)
            except AssistantError as exc:
                logger.warning("ui error handler=%s error=%s", fn.__name__, exc)
                raise gr.Error(exc.ro()) from exc
        return gen  # type: ignore[return-value]

    @functools.wraps(fn)
    def plain(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AssistantError as exc:
            logger.warning("ui error handler=%s error=%s", fn.__name__, exc)
            raise gr.Error(exc.ro()) from exc
    return plain  # type: ignore[return-value]
