"""Which files an ingest run reads: folders expanded, supported types only, READMEs skipped."""

from __future__ import annotations

from pathlib import Path


def expand_inputs(paths: list[Path], suffixes: frozenset[str]) -> tuple[list[Path], list[Path]]:
    """(files to read, files named explicitly with an unsupported type).

    A folder's README describes the folder, not a call, so it is not indexed from a folder;
    named explicitly, any file is read.
    """
    found: list[Path] = []
    rejected: list[Path] = []
    for path in paths:
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                hidden = any(part.startswith(".") for part in f.relative_to(path).parts)
                if f.suffix.lower() in suffixes and not hidden and not f.stem.lower().startswith("readme"):
                    found.append(f)
        elif path.suffix.lower() in suffixes:
            found.append(path)
        else:
            rejected.append(path)
    return found, rejected
