"""The app's one assistant, swapped atomically after an ingest and reloaded when another process ingests."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from assistant.build import build_assistant, open_store
from assistant.errors import IndexNotBuiltError
from assistant.manifest import MANIFEST_NAME
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import Store

logger = logging.getLogger(__name__)


class AssistantHolder:
    """Hands out the current Assistant; rebuilds it when index/manifest.json changes on disk."""

    def __init__(self, settings: Settings, **build_kwargs: Any) -> None:
        self.settings = settings
        self._build_kwargs = build_kwargs
        self._lock = threading.Lock()
        self._assistant: Assistant | None = None
        self._stamp: tuple[int, int] | None = None

    @property
    def index(self) -> Path:
        return Path(self.settings.index)

    def _manifest_stamp(self) -> tuple[int, int] | None:
        try:
            st = (self.index / MANIFEST_NAME).stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def get(self) -> Assistant:
        """The current assistant; raises IndexNotBuiltError while the index holds no document."""
        stamp = self._manifest_stamp()
        current = self._assistant
        if current is not None and stamp == self._stamp:
            return current
        with self._lock:
            if self._assistant is None or stamp != self._stamp:
                self._swap(stamp)
            assert self._assistant is not None
            return self._assistant

    def reload(self) -> Assistant | None:
        """Rebuild now (after this process ingested or removed documents); None once the index is empty."""
        with self._lock:
            try:
                self._swap(self._manifest_stamp())
            except IndexNotBuiltError:
                self._assistant, self._stamp = None, None
            return self._assistant

    def _swap(self, stamp: tuple[int, int] | None) -> None:
        assistant = build_assistant(self.settings, **self._build_kwargs)
        self._assistant, self._stamp = assistant, stamp  # readers see the old one until here
        logger.info("assistant loaded index=%s chunks=%d", self.index, len(assistant.store.chunks))

    def open_store(self) -> Store:
        """A fresh store for writing (ingest, removal); the live assistant keeps its own."""
        return open_store(self.settings, self._build_kwargs.get("embed_model"))

    def read_store(self) -> Store:
        """The live store when the index is ready, else a fresh (possibly empty) one."""
        try:
            return self.get().store
        except IndexNotBuiltError:
            return self.open_store()
