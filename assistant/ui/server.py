"""Starting the app: settings, first ingest of the bundled corpus, the loopback/auth rule, launch."""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path
from typing import Any

from assistant.settings import Settings
from assistant.ui.holder import AssistantHolder

logger = logging.getLogger(__name__)


class StartupRefused(SystemExit):
    """The app must not start as configured; the message says why."""


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def launch_auth(settings: Settings) -> tuple[str, str] | None:
    """(user, password) from ASSISTANT_AUTH; refuses a non-loopback address without it."""
    if settings.auth:
        user, sep, password = settings.auth.partition(":")
        if not (sep and user and password):
            raise StartupRefused("ASSISTANT_AUTH must be user:password")
        return user, password
    if not is_loopback(settings.host):
        raise StartupRefused(
            f"refusing to listen on {settings.host} without authentication: the app would be open to the "
            "network. Set ASSISTANT_AUTH=user:password, or ASSISTANT_HOST=127.0.0.1 to stay on this machine.")
    return None


def serve(corpus: Path, settings: Settings | None = None, **launch_kwargs: Any) -> Any:
    """Build and launch; GRADIO_SERVER_PORT picks the port (gradio reads it), ASSISTANT_* the rest."""
    from assistant.build import ingest_if_empty
    from assistant.offline import go_offline

    go_offline()
    from assistant.ui import build_ui
    from assistant.ui.locale import romanian_i18n
    from assistant.ui.render import CSS

    settings = settings or Settings()  # type: ignore[call-arg]  # fields come from ASSISTANT_* env
    auth = launch_auth(settings)
    ingest_if_empty(settings, corpus)
    demo = build_ui(AssistantHolder(settings))
    demo.queue(default_concurrency_limit=4)
    return demo.launch(server_name=settings.host, auth=auth, css=CSS, max_file_size=settings.max_file_bytes,
                       i18n=romanian_i18n(),
                       **launch_kwargs)
