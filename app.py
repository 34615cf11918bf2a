"""The Gradio app: `python app.py` serves the assistant on 127.0.0.1 (GRADIO_SERVER_PORT, ASSISTANT_*)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from assistant.offline import go_offline

if __name__ == "__main__":
    go_offline()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from assistant.ui.server import StartupRefused, serve

    try:
        serve(Path(__file__).resolve().parent / "corpus")
    except StartupRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
