"""`python -m assistant`: ask, batch (the JSON contract of DESIGN.md)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from assistant.offline import go_offline
from assistant.titles import label

EXIT_ERROR = 2
PROFILE_HELP = """profile (JSON object; every key optional, null or "" = not stated; Romanian aliases in brackets):
  entity_type [tip]        microintreprindere, intreprindere_mica, intreprindere_mijlocie, intreprindere_mare,
                           organizatie_cluster, universitate, institut_cercetare, ONG, autoritate_publica
  county [judet]           one of the 42 counties (Timiș, Cluj, București, ...)
  region [regiune]         one of the 8 development regions (Vest, Nord-Vest, ...)
  caen [cod_caen]          a 4-digit CAEN class, Rev.2 or Rev.3 (6201, 6210)
  domain [domeniu]         free text, matched against the call's domains
  years_active [vechime]   whole years of activity
  cluster_member [membru_cluster]  true / false
unknown keys or values are refused with the accepted ones named."""
BAD_BATCH_LINE = "Linia nu conține o întrebare: așteptam un obiect JSON {\"id\", \"question\"}."


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
    reply = sub.add_parser("reply", help="draft a reply to an e-mail (.eml file, or - for stdin)")
    reply.add_argument("email", help="the .eml file or a text file with the mail; - reads stdin")
    reply.add_argument("--json", action="store_true", help="print the draft and its parts as JSON")
    reply.add_argument("--index", type=Path, default=argparse.SUPPRESS)
    facts = sub.add_parser("facts", help="print the call fact sheets (all, or one with --call)")
    facts.add_argument("--call", help="document or call name (folded substring)")
    facts.add_argument("--json", action="store_true", help="print JSON")
    facts.add_argument("--all", action="store_true", help="also documents that are not calls")
    facts.add_argument("--index", type=Path, default=argparse.SUPPRESS)
    check = sub.add_parser("check", help="check a profile (JSON file) against one call, or against every call",
                           description="Check an applicant profile against one call (--call) or list every call "
                           "with its verdict, rate, maximum value and deadline (open calls the profile meets first).",
                           epilog=PROFILE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--profile", type=Path, required=True, help="JSON file with the profile (see below)")
    check.add_argument("--call", help="call name, code, programme, issuer or region; without it: every call")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.add_argument("--index", type=Path, default=argparse.SUPPRESS)
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
        if args.command in ("facts", "check"):
            from assistant.facts.cli import run_structured

            return run_structured(settings, args)
        assistant = build_assistant(settings)
        if args.command == "ask":
            return _ask(assistant, args)
        if args.command == "reply":
            return _reply(assistant, args)
        return _batch(assistant, args.questions)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # a questions, history or e-mail file that cannot be read
        print(f"error: cannot read {exc.filename or 'input'}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except json.JSONDecodeError as exc:
        print(f"error: --history is not valid JSON: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _ask(assistant: Any, args: argparse.Namespace) -> int:
    history = json.loads(args.history.read_text(encoding="utf-8")) if args.history else None
    answer = assistant.ask(args.question, history=history)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
        return 0
    print(plain_answer(answer))
    return 0


def plain_answer(answer: Any) -> str:
    """The answer as the chat shows it, in plain text: its text (with `[n]` markers), the notice, then
    each source `[n] document, p. N, section` with the sentences the answer quoted from it (the
    passage's first 300 characters only when the answerer quoted none, e.g. an LLM's summary)."""
    lines = [answer.text]
    if answer.notice:
        lines.append(f"\n({answer.notice})")
    for c in answer.citations:
        where = label(c.document, c.title) + (f", p. {c.page}" if c.page else "")
        where += f", {c.section}" if c.section else ""
        shown = " ".join((c.quote or "").split()) or " ".join(c.text.split())[:300]
        lines.append(f"\n[{c.n}] {where}\n    „{shown}”")
    return "\n".join(lines)


def _batch(assistant: Any, path: Path) -> int:
    """One JSON line per input line; a bad line gets an error object and the batch goes on."""
    failed = 0
    with path.open(encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            item, problem = _batch_item(line)
            if problem:
                failed += 1
                qid = item.get("id") if isinstance(item, dict) else None
                print(json.dumps({"id": qid, "line": number, "error": f"line {number}: {problem}",
                                  "message": BAD_BATCH_LINE}, ensure_ascii=False), flush=True)
                continue
            answer = assistant.ask(item["question"])
            print(json.dumps(answer.to_json(qid=item.get("id")), ensure_ascii=False), flush=True)
    return EXIT_ERROR if failed else 0


def _batch_item(line: str) -> tuple[Any, str | None]:
    """The parsed line, or why it cannot be asked (English, for the CLI)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg})"
    if not isinstance(item, dict):
        return item, 'expected an object {"id", "question"}'
    if not isinstance(item.get("question"), str):
        return item, 'missing "question" (a string)'
    return item, None


def _reply(assistant: Any, args: argparse.Namespace) -> int:
    from assistant.reply import draft_reply

    raw = sys.stdin.buffer.read() if args.email == "-" else Path(args.email).read_bytes()
    draft = draft_reply(assistant, raw)
    print(json.dumps(draft, ensure_ascii=False) if args.json else draft["reply"])
    return 0
