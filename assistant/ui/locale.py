"""Gradio's own interface texts (upload area, buttons, footer) in Romanian, whatever the browser's language."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import gradio as gr

STRINGS_FILE = "gradio_ro.json"
# The frontend picks the browser's locale and falls back to "en"; Romanian texts under both keys
# replace gradio's English ones (custom translations override the built-in ones, checked in a browser).
LOCALES = ("en", "ro")


@lru_cache(maxsize=1)
def romanian_strings() -> dict[str, dict[str, str]]:
    """Gradio's translation keys (section -> key -> text) from assistant/data/gradio_ro.json."""
    text = resources.files("assistant.data").joinpath(STRINGS_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text))


def romanian_i18n() -> gr.I18n:
    """For `launch(i18n=...)`: Gradio's built-in texts in Romanian. The keys go flat ("upload_text.drop_file"):
    nested sections are merged under gradio's own English ones, while a flat key wins the lookup."""
    strings = {f"{section}.{key}": text for section, keys in romanian_strings().items() for key, text in keys.items()}
    return gr.I18n(**{locale: strings for locale in LOCALES})  # type: ignore[arg-type]
