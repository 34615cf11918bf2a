"""`python -m ingest`: index files and folders, show the index's status, remove documents."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from tqdm import tqdm

from assistant.build import index_lock, index_status, ingest_files, open_store, remove_files
from assistant.errors import AssistantError
from assistant.settings import Settings

EXIT_FAILED_FILES = 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ingest", description="Index call and cluster documents.")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (.pdf .docx .txt .md .html .eml)")
    p.add_argument("--index", type=Path, help="index folder (default: ASSISTANT_INDEX or index/)")
    p.add_argument("--prune", action="store_true", help="remove indexed documents no longer among the inputs")
    p.add_argument("--remove", nargs="+", metavar="NAME",
                   help="remove these documents (path relative to the folder ingested, or a unique file name)")
    p.add_argument("--rebuild", action="store_true", help="drop the index first (after changing the embedding)")
    p.add_argument("--repair", action="store_true", help="rebuild BM25 and the manifest from what Chroma holds")
    p.add_argument("--status", action="store_true", help="print what the index holds")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-ocr", action="store_true", help="do not OCR scanned PDF pages")
    p.add_argument("--wait", type=float, default=60.0, help="seconds to wait for another ingest's lock")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings(index=args.index) if args.index else Settings()
    try:
        return _run(args, settings)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _tick(bar: tqdm, path: Path) -> None:
    bar.update(1)
    bar.set_postfix_str(path.name[:40])


def _unsupported_in_folders(paths: list[Path]) -> list[Path]:
    """Files of the folders given that ingest leaves out for their type (a spreadsheet, an image),
    so the run names them instead of passing over them in silence; hidden files and READMEs are
    left out on purpose and not named."""
    from ingest.files import expand_inputs
    from ingest.loaders import SUPPORTED_SUFFIXES

    folders = [p for p in paths if p.is_dir()]
    suffixes = frozenset(f.suffix.lower() for d in folders for f in d.rglob("*") if f.is_file())
    read = {f for f, _ in expand_inputs(folders, SUPPORTED_SUFFIXES)[0]}
    return sorted({f for f, _ in expand_inputs(folders, suffixes)[0]} - read)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.status:
        status = index_status(open_store(settings))
        print(json.dumps(status, ensure_ascii=False, indent=None if args.json else 1))
        return 0 if status["consistent"] else 1
    if not (args.paths or args.remove or args.repair):
        print("error: give files or folders to ingest, or --status / --remove / --repair", file=sys.stderr)
        return 2
    with index_lock(settings, wait_s=args.wait):
        if args.rebuild:
            from assistant.build import drop_index

            drop_index(settings)
        store = open_store(settings)
        if args.remove:
            known = sorted(store.manifest.documents) if store.manifest else []
            removed = remove_files(settings, args.remove, store=store)
            print(json.dumps({"removed": removed}) if args.json else f"removed: {', '.join(removed) or 'nothing'}")
            if len(removed) < len(args.remove):
                # a name matched no key, or a file name several folders hold: say which keys exist
                print(f"not removed: some names match no document key or more than one file name; "
                      f"indexed: {', '.join(known) or 'none'}", file=sys.stderr)
            return 0 if removed else 1
        if args.repair:
            from ingest.repair import repair_index

            print(repair_index(store))
            return 0
        for skipped in _unsupported_in_folders(args.paths):
            print(f"skipped: {skipped}: unsupported file type {skipped.suffix or '(none)'}", file=sys.stderr)
        bar = tqdm(desc="ingest", unit="file", disable=not sys.stderr.isatty(), file=sys.stderr)
        report = ingest_files(settings, args.paths, store=store, prune=args.prune, ocr=not args.no_ocr,
                              on_file=lambda p: _tick(bar, p))
        bar.close()
    for failure in report.failed:
        print(f"failed: {failure.file}: {failure.reason}", file=sys.stderr)
    if args.json:
        print(json.dumps({"added": report.added, "updated": report.updated, "unchanged": report.unchanged,
                          "removed": report.removed, "chunks_total": report.chunks_total,
                          "hidden_skipped": report.hidden,
                          "failed": [f.__dict__ for f in report.failed]}, ensure_ascii=False))
    else:
        print(report.summary())
    return EXIT_FAILED_FILES if report.failed else 0
