"""The configured chat model (Ollama or an OpenAI-compatible server) as a llama-index LLM.

Imported lazily, so the extractive default needs none of these packages; a missing package
raises BackendUnavailableError naming it; a backend named wrongly or without a model name raises
BackendMisconfiguredError naming the setting.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from assistant.errors import BackendMisconfiguredError, BackendUnavailableError
from assistant.settings import Settings

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

logger = logging.getLogger(__name__)

OLLAMA_URL = "http://localhost:11434"
OPENAI_URL = "https://api.openai.com/v1"
CONTEXT_WINDOW = 8192  # set, so Ollama is never asked /api/show for it
TEMPERATURE = 0.1
_PACKAGES = {"ollama": "llama-index-llms-ollama", "openai": "llama-index-llms-openai-like"}


def build_llm(settings: Settings) -> LLM:
    """A llama-index LLM for settings.llm ("ollama" or "openai")."""
    if settings.llm not in _PACKAGES:
        raise BackendMisconfiguredError(f"no LLM backend {settings.llm!r}; choices: {', '.join(_PACKAGES)}")
    if not settings.llm_model:
        raise BackendMisconfiguredError(f"ASSISTANT_LLM={settings.llm} needs ASSISTANT_LLM_MODEL (the model name)")
    try:
        llm = _ollama(settings) if settings.llm == "ollama" else _openai_like(settings)
    except ImportError as exc:
        raise BackendUnavailableError(
            f"LLM backend {settings.llm!r} needs a package: pip install {_PACKAGES[settings.llm]}"
        ) from exc
    logger.info("llm backend=%s model=%s base_url=%s", settings.llm, settings.llm_model, settings.llm_base_url)
    return llm


def _ollama(settings: Settings) -> LLM:
    from llama_index.llms.ollama import Ollama

    return Ollama(model=str(settings.llm_model), base_url=settings.llm_base_url or OLLAMA_URL,
                  request_timeout=settings.llm_timeout_s, temperature=TEMPERATURE,
                  context_window=CONTEXT_WINDOW)


def _openai_like(settings: Settings) -> LLM:
    from llama_index.llms.openai_like import OpenAILike

    # max_retries=0: a failing server must fall back within the timeout, not after retries.
    return OpenAILike(model=str(settings.llm_model), api_base=settings.llm_base_url or OPENAI_URL,
                      api_key=settings.llm_api_key or "unused", timeout=settings.llm_timeout_s,
                      max_retries=0, is_chat_model=True, context_window=CONTEXT_WINDOW,
                      temperature=TEMPERATURE)


def backend_errors() -> tuple[type[BaseException], ...]:
    """What a failing, slow or unreachable model server raises through these clients, and a
    backend left without its model name (the answer falls back with a notice naming the setting).
    Not ValueError in general: a mistake of our own code must surface, not fall back unseen; only
    a reply that is not JSON (json.JSONDecodeError) counts as the server's failure."""
    import json

    import httpx

    errors: list[type[BaseException]] = [BackendUnavailableError, BackendMisconfiguredError, httpx.HTTPError,
                                         ConnectionError, TimeoutError, json.JSONDecodeError]
    try:
        import ollama

        errors.append(ollama.ResponseError)
    except ImportError:
        pass
    try:
        import openai

        errors.append(openai.APIError)
    except ImportError:
        pass
    return tuple(errors)


def describe_error(exc: BaseException) -> str:
    """A short English reason for the notice and the log: status, timeout or connection."""
    status = getattr(exc, "status_code", None)
    if status is not None:
        return f"HTTP {status}"
    name = type(exc).__name__
    text = str(exc).lower()
    if "timeout" in name.lower() or "timed out" in text:
        return "timeout"
    if isinstance(exc, ConnectionError) or "connect" in name.lower() or "connection" in text:
        return "connection failed"
    if isinstance(exc, (BackendUnavailableError, BackendMisconfiguredError)):
        return str(exc)
    return name
