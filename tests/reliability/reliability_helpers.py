"""Shared by the reliability tests: CLI runs as subprocesses, synthetic call documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_SYLLABLES = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo"]
_COUNTIES = ["Timiș", "Cluj", "Iași", "Dolj", "Bihor", "Argeș", "Suceava", "Constanța"]


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a CLI subprocess: offline, no ASSISTANT_* leaking from the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", HF_HUB_DISABLE_TELEMETRY="1", GRADIO_ANALYTICS_ENABLED="False",
               PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def run_cli(module: str, *args: str | Path, env: dict[str, str] | None = None,
            timeout: float = 300, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=ROOT, env=env or cli_env(),
                          capture_output=True, text=True, timeout=timeout, input=stdin)


def ask_json(index: Path, question: str) -> dict[str, Any]:
    """`python -m assistant ask --json`, checked for exit 0, clean stderr and one JSON object."""
    done = run_cli("assistant", "--index", index, "ask", "--json", question)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return dict(json.loads(done.stdout))


def code_word(k: int) -> str:
    """A made-up word unique to k, so a question names exactly one synthetic document."""
    out, n = "", k + len(_SYLLABLES) ** 2
    while n:
        n, r = divmod(n, len(_SYLLABLES))
        out += _SYLLABLES[r]
    return "zu" + out + "xa"


def call_text(k: int, paragraphs: int = 3) -> str:
    """A small Romanian call document whose budget and county are its own."""
    word = code_word(k)
    county = _COUNTIES[k % len(_COUNTIES)]
    body = [f"APEL DE PROIECTE {word.upper()}", "",
            f"Programul {word} finanțează proiecte ale clusterelor de inovare din județul {county}.", "",
            f"Bugetul apelului {word} este de {1000 + k} mii lei, acordat ca ajutor nerambursabil.", ""]
    for i in range(paragraphs):
        body += [f"Secțiunea {i + 1} descrie activitățile eligibile ale apelului {word}: cercetare, "
                 f"dezvoltare experimentală și transfer tehnologic în parteneriat cu universitățile.", ""]
    return "\n".join(body)


def budget_of(k: int) -> str:
    return f"{1000 + k} mii lei"


def write_corpus(folder: Path, ks: Sequence[int], paragraphs: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in ks:
        path = folder / f"apel-{k:03d}.txt"
        path.write_text(call_text(k, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def budget_question(k: int) -> str:
    return f"Ce buget are programul {code_word(k)}?"


def answers_from(answer: dict[str, Any], document: str) -> bool:
    """The JSON answer is not an abstention and its first citation is the document."""
    cites = answer.get("citations") or []
    return not answer["abstained"] and bool(cites) and cites[0]["document"] == document


PROBE = """
import json, sys
from assistant.build import build_assistant, open_store
from assistant.settings import Settings
from ingest.status import index_status
settings = Settings(index=sys.argv[1])
store = open_store(settings)
out = {"status": index_status(store), "chroma": sorted(store.chroma_ids()), "bm25": sorted(store.bm25.ids),
       "manifest": sorted(store.manifest.chunk_ids()) if store.manifest else [],
       "vectors": sorted(store.manifest.vector_members()) if store.manifest else []}
assistant = build_assistant(settings)
out["answers"] = [assistant.ask(q).to_json() for q in json.loads(sys.argv[2])]
print(json.dumps(out, ensure_ascii=False))
"""


def probe(index: Path, questions: Sequence[str] = ()) -> dict[str, Any]:
    """Open the index in a fresh process: its status, the ids each part holds, answers."""
    done = subprocess.run([sys.executable, "-c", PROBE, str(index), json.dumps(list(questions))], cwd=ROOT,
                          env=cli_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))
