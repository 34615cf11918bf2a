"""`python -m assistant`: ask, batch (the JSON contract of DESIGN.md)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from assistant.offline import go_offline

EXIT_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", description="Ask the call and cluster documents.")
    p.add_argument("--index", type=Path, help="index folder (default: ASSISTANT_INDEX or index/)")
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the JSON contract")
    ask.add_argument("--history", type=Path, help="JSON file: earlier turns [{role, content}] or [questions]")
    ask.add_argument("--index", type=Path, default=argparse.SUPPRESS)
    batch = sub.add_parser("batch", help="answer a JSONL file of {id, question}; one JSON line each")
    batch.add_argument("questions", type=Path)
    batch.add_argument("--index", type=Path, default=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    go_offline()
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    from assistant.build import build_assistant
    from assistant.errors import AssistantError
    from assistant.settings import Settings

    settings = Settings(index=args.index) if getattr(args, "index", None) else Settings()
    try:
        assistant = build_assistant(settings)
        if args.command == "ask":
            return _ask(assistant, args)
        return _batch(assistant, args.questions)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _ask(assistant: Any, args: argparse.Namespace) -> int:
    history = json.loads(args.history.read_text(encoding="utf-8")) if args.history else None
    answer = assistant.ask(args.question, history=history)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
        return 0
    print(answer.text)
    if answer.notice:
        print(f"\n({answer.notice})")
    for c in answer.citations:
        where = f"{c.document}" + (f", p. {c.page}" if c.page else "") + (f", {c.section}" if c.section else "")
        print(f"\n[{c.n}] {where}\n    {c.text[:300]}")
    return 0


def _batch(assistant: Any, path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            item = json.loads(line)
            answer = assistant.ask(str(item.get("question", "")))
            print(json.dumps(answer.to_json(qid=item.get("id")), ensure_ascii=False), flush=True)
    return 0
