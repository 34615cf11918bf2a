"""Which files an ingest run reads: folders expanded, supported types only, READMEs skipped."""

from __future__ import annotations

import unicodedata
from pathlib import Path


def document_key(path: Path, root: Path | None) -> str:
    """A document's identity in the index: its path relative to the folder ingested ("2023/ghid.txt"
    and "2024/ghid.txt" are two documents), or its name when the file was named on its own. NFC,
    so a name a Mac stored decomposed is the name typed on a keyboard."""
    key = path.relative_to(root).as_posix() if root is not None else path.name
    return unicodedata.normalize("NFC", key)


def expand_inputs(paths: list[Path], suffixes: frozenset[str]) -> tuple[list[tuple[Path, str]], list[Path]]:
    """((file to read, its document key), paths named explicitly that are missing or of an unsupported type).

    A folder's README describes the folder, not a call, so it is not indexed from a folder;
    named explicitly, any file is read.
    """
    found: list[tuple[Path, str]] = []
    rejected: list[Path] = []
    for path in paths:
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                hidden = any(part.startswith(".") for part in f.relative_to(path).parts)
                if f.suffix.lower() in suffixes and not hidden and not f.stem.lower().startswith("readme"):
                    found.append((f, document_key(f, path)))
        elif path.exists() and path.suffix.lower() in suffixes:
            found.append((path, document_key(path, None)))
        else:
            rejected.append(path)
    return found, rejected
