"""Document titles on citations: what a reader is shown is the title the document gives itself
(a PDF's metadata or largest type, a DOCX's core title, the first heading), not a file name
such as "scan_0042.pdf". The answerers cite by document key; the service fills the titles in
from the manifest, once, where it returns the answer (Assistant.ask and ask_stream)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.types import Answer

if TYPE_CHECKING:
    from assistant.store import Store


def document_titles(store: Store, documents: Iterable[str] | None = None) -> dict[str, str]:
    """Document key -> its title, for every indexed document or for `documents` only (those an
    answer cites: not a dict of the whole index per answer)."""
    manifest = store.manifest
    if manifest is None:
        return {}
    if documents is None:
        return {name: entry.title for name, entry in manifest.documents.items()}
    return {d: manifest.documents[d].title for d in documents if d in manifest.documents}


def with_titles(answer: Answer, titles: dict[str, str]) -> Answer:
    """The answer with each citation's `title` set (citations keep their `document` key)."""
    if not answer.citations:
        return answer
    cites = [c if c.title else replace(c, title=titles.get(c.document, "")) for c in answer.citations]
    return replace(answer, citations=cites)


def label(document: str, title: str) -> str:
    """"Title (folder/file.pdf)", or the key alone when the document has no title of its own."""
    stem = document.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"{title} ({document})" if title and title not in (document, stem) else document
