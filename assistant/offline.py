"""Environment defaults that keep every library off the network (set before they import)."""

from __future__ import annotations

import os

_DEFAULTS = {
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def go_offline() -> None:
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
    from assistant.tokens import _use_bundled_cache

    _use_bundled_cache()
