"""The `facts` and `check` subcommands of `python -m assistant` (JSON or short text on stdout)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.errors import InvalidQuestionError
from assistant.facts import check_eligibility, find_sheet, load_sheets
from assistant.facts.overview import check_all
from assistant.facts.profile import SCHEMA_HELP, ProfileError, normalize_profile
from assistant.settings import Settings


def run_structured(settings: Settings, args: argparse.Namespace) -> int:
    """`facts` prints a list of sheets (JSON: always a list); `check` one result with --call, else
    every call checked against the profile (overview.py), JSON a list."""
    from assistant.answer.call_parts import own_sheets
    from assistant.build import open_store

    store = open_store(settings)
    store.check_ready()
    # a document of several calls' parts (a brochure, a newsletter) shows the values of its own call
    sheets = own_sheets(store.ordered_chunks(), load_sheets(store))
    if args.command == "facts":
        chosen = _chosen(sheets, args.call) if args.call else [s for s in sheets if s.is_call or args.all]
        _print([s.to_json() for s in chosen], args.json, _sheet_text)
        return 0
    profile = _profile(args.profile)
    if args.call:
        result = check_eligibility(_chosen(sheets, args.call)[0], profile)
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=1))
        else:
            print(f"{result['verdict']}: {result['summary']}")
        return 0
    _print(check_all(sheets, profile), args.json, _overview_text)
    return 0


def _profile(path: Any) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProfileError(f"Profilul nu este JSON valid ({exc.msg}); {SCHEMA_HELP}") from exc
    return normalize_profile(data)


def _chosen(sheets: list[Any], name: str) -> list[Any]:
    sheet = find_sheet(sheets, name)
    if sheet is None:
        known = "; ".join(s.name for s in sheets if s.is_call)
        raise InvalidQuestionError(
            f"Niciun apel nu corespunde numelui „{name}”. Apelurile indexate: {known or 'niciunul'}.")
    return [sheet]


def _print(items: list[dict[str, Any]], as_json: bool, text: Any) -> None:
    if as_json:
        print(json.dumps(items, ensure_ascii=False, indent=1))
        return
    for item in items:
        print(text(item))


def _overview_text(item: dict[str, Any]) -> str:
    parts = [f"{item['verdict']}: {item['call']}  ({item['document']})"]
    if item.get("rate"):
        parts.append(f"rata {item['rate']['applies']:g}%" if isinstance(item["rate"]["applies"], (int, float))
                     else f"rata {item['rate']['value']}")
    if item.get("max_value"):
        parts.append(f"max. {item['max_value']['value']}")
    if item.get("deadline"):
        parts.append(f"termen {item['deadline']['date']}" + (" (expirat)" if item["deadline"]["passed"] else ""))
    return "; ".join(parts)


def _sheet_text(sheet: dict[str, Any]) -> str:
    lines = [f"{sheet['call']}  ({sheet['document']})"]
    for name, facts in sheet["fields"].items():
        for f in facts:
            cond = f" [{f['condition']}]" if f.get("condition") else ""
            page = f", p. {f['page']}" if f.get("page") else ""
            lines.append(f"  {name}: {f['value']}{cond}{page}")
    return "\n".join(lines)
