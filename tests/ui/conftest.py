"""The app on a free loopback port over an index of the invented corpus (one app per test module)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docs_factory import build_corpus

from assistant.build import ingest_if_empty
from assistant.settings import Settings
from assistant.ui import AssistantHolder, build_ui
from assistant.ui.locale import romanian_i18n
from assistant.ui.render import CSS


@dataclass
class RunningApp:
    url: str
    settings: Settings
    holder: AssistantHolder
    docs: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The real app: empty index bootstrapped from a corpus folder, as app.py does with corpus/."""
    root = tmp_path_factory.mktemp("app")
    docs = root / "docs"
    build_corpus(docs)
    settings = Settings(index=root / "index")
    ingest_if_empty(settings, docs)
    holder = AssistantHolder(settings)
    demo = build_ui(holder)
    demo.queue()
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, css=CSS, quiet=True,
                i18n=romanian_i18n())
    try:
        yield RunningApp(f"http://127.0.0.1:{port}/", settings, holder, docs)
    finally:
        demo.close()


@pytest.fixture(scope="module")
def client(app_server: RunningApp):  # type: ignore[no-untyped-def]
    from gradio_client import Client

    return Client(app_server.url, verbose=False)
