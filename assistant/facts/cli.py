"""The `facts` and `check` subcommands of `python -m assistant` (JSON or short text on stdout)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.errors import InvalidQuestionError
from assistant.facts import check_eligibility, find_sheet, load_sheets
from assistant.settings import Settings


def run_structured(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.build import open_store

    store = open_store(settings)
    store.check_ready()
    sheets = load_sheets(store)
    if args.command == "facts":
        chosen = _chosen(sheets, args.call) if args.call else [s for s in sheets if s.is_call or args.all]
        _print([s.to_json() for s in chosen], args.json, _sheet_text)
        return 0
    sheet = _chosen(sheets, args.call)[0]
    profile = json.loads(args.profile.read_text(encoding="utf-8"))
    result = check_eligibility(sheet, profile)
    _print([result], args.json, lambda r: f"{r['verdict']}: {r['summary']}")
    return 0


def _chosen(sheets: list[Any], name: str) -> list[Any]:
    sheet = find_sheet(sheets, name)
    if sheet is None:
        raise InvalidQuestionError(f"no call matches {name!r}")
    return [sheet]


def _print(items: list[dict[str, Any]], as_json: bool, text: Any) -> None:
    if as_json:
        print(json.dumps(items if len(items) != 1 else items[0], ensure_ascii=False, indent=1))
        return
    for item in items:
        print(text(item))


def _sheet_text(sheet: dict[str, Any]) -> str:
    lines = [f"{sheet['call']}  ({sheet['document']})"]
    for name, facts in sheet["fields"].items():
        for f in facts:
            cond = f" [{f['condition']}]" if f.get("condition") else ""
            page = f", p. {f['page']}" if f.get("page") else ""
            lines.append(f"  {name}: {f['value']}{cond}{page}")
    return "\n".join(lines)
