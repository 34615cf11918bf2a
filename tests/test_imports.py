"""The one-way flow, read from the code: every import of every module (top-level or inside a
function) goes to its own layer or one below it, and only the wiring reaches into `ingest`.

A question flows ingest -> index -> retrieve -> answer -> render; the layers, bottom to top:

  base      Romanian text utilities, types, settings, errors, sentences (everyone may use them)
  read      ingest's readers: files to text blocks to chunks (no index, no facts)
  index     the store (Chroma, BM25, chunk texts, manifest), embeddings, fact extraction and the
            fact store, the ingest pipeline that writes them
  retrieve  query parsing, coverage, the relevance features and models, the hybrid retriever
  answer    the answerers (extractive, LLM, calls, facts, eligibility) and the service
  wiring    assistant/build.py: settings in, an assistant or an updated index out
  render    what people see: the CLIs, the e-mail reply, the Gradio UI
  tools     app.py and bench/ (may import anything)

A new module must be placed in LAYERS (the test fails on a module it cannot place).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ORDER = ["base", "read", "index", "retrieve", "answer", "wiring", "render", "tools"]
# module prefix -> layer; the longest prefix that matches a module decides.
LAYERS = {
    "assistant": "base",  # the package itself and the text utilities below
    "assistant.text": "base", "assistant.folding": "base", "assistant.passage_tokens": "base",
    "assistant.types": "base", "assistant.errors": "base", "assistant.settings": "base",
    "assistant.tokens": "base", "assistant.values": "base", "assistant.sentences": "base",
    "assistant.intent": "base", "assistant.questions": "base", "assistant.offline": "base",
    "assistant.data": "base", "assistant.wordforms": "base", "assistant.prompts": "base",
    "assistant.topk": "base", "assistant.issuers": "base",
    "ingest": "read", "ingest.cell_lines": "read",
    "ingest.pipeline": "index", "ingest.prepare": "index",
    "ingest.status": "index", "ingest.repair": "index", "ingest.lock": "index",
    "assistant.store": "index", "assistant.bm25": "index", "assistant.chunk_file": "index",
    "assistant.manifest": "index", "assistant.vector_file": "index", "assistant.vector_search": "index",
    "assistant.vector_windows": "index", "assistant.chroma_io": "index",
    "assistant.document_views": "index",
    "assistant.embeddings": "index", "assistant.titles": "index",
    "assistant.facts": "answer",  # the package's facade (check_calls, find_sheet)
    "assistant.facts.sheet": "index", "assistant.facts.store": "index", "assistant.facts.records": "index",
    "assistant.facts.tables": "index", "assistant.facts.values": "index", "assistant.facts.lines": "index",
    "assistant.facts.patterns": "index", "assistant.facts.figures": "index", "assistant.facts.inline": "index",
    "assistant.facts.intensity": "index", "assistant.facts.layout": "index", "assistant.facts.regions": "index",
    "assistant.facts.programmes": "index", "assistant.facts.identity": "index", "assistant.facts.caen": "index",
    "assistant.facts.scope": "index", "assistant.facts.shares": "index", "assistant.facts.target": "index",
    "assistant.facts.units": "index", "assistant.facts.profile": "index", "assistant.facts.contacts": "index",
    "assistant.query": "retrieve", "assistant.coverage": "retrieve", "assistant.question_names": "retrieve",
    "assistant.features": "retrieve", "assistant.overlap": "retrieve", "assistant.row_cells": "retrieve",
    "assistant.relevance": "retrieve", "assistant.retrieval": "retrieve", "assistant.llama_retriever": "retrieve",
    "assistant.answer": "answer", "assistant.service": "answer", "assistant.llm_backends": "answer",
    "assistant.facts.answerer": "answer", "assistant.facts.sheet_answerer": "answer",
    "assistant.facts.siblings": "answer", "assistant.facts.fact_answers": "answer",
    "assistant.facts.eligibility": "answer", "assistant.facts.overview": "answer",
    "assistant.facts.route": "answer", "assistant.facts.search": "answer",
    "assistant.build": "wiring",
    "assistant.cli": "render", "assistant.__main__": "render", "assistant.facts.cli": "render",
    "assistant.reply": "render", "assistant.ui": "render", "ingest.cli": "render", "ingest.__main__": "render",
    "app": "tools", "bench": "tools",
}
OURS = ("assistant", "ingest", "bench", "app")
INGEST_OPEN_TO = {"wiring", "tools"}  # besides ingest's own modules


def layer(module: str) -> str | None:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if (prefix := ".".join(parts[:n])) in LAYERS:
            return LAYERS[prefix]
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of ours in the file, relative ones resolved; `from X import y`
    counts as X.y when y is a module."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            for a in node.names:
                out.append((node.lineno, f"{base}.{a.name}" if is_module(f"{base}.{a.name}") else base))
    return [(line, m) for line, m in out if m.split(".")[0] in OURS]


def sources() -> list[Path]:
    files = [ROOT / "app.py"]
    for package in ("assistant", "ingest", "bench"):
        files += sorted((ROOT / package).rglob("*.py"))
    return files


def test_every_module_has_a_layer() -> None:
    assert [module_name(f) for f in sources() if layer(module_name(f)) is None] == []


def test_no_import_runs_back_up_the_flow() -> None:
    wrong = []
    for path in sources():
        mine = module_name(path)
        own = layer(mine)
        for line, target in imports(path):
            theirs = layer(target)
            if own is None or theirs is None:
                continue
            if ORDER.index(theirs) > ORDER.index(own):
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({own}) imports {target} ({theirs})")
            elif target.split(".")[0] == "ingest" and mine.split(".")[0] != "ingest" and own not in INGEST_OPEN_TO:
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({own}) imports {target}: only wiring reaches ingest")
    assert wrong == []


@pytest.mark.parametrize(("source", "expected"), [
    ("from assistant.answer.extractive import X\n", "answer"),
    ("from .retrieval import X\n", "retrieve"),
])
def test_the_reader_sees_imports_as_written(tmp_path: Path, source: str, expected: str) -> None:
    """A back-up import written either way (absolute, relative) is read as the module it names."""
    path = ROOT / "assistant" / "_probe_imports.py"
    try:
        path.write_text(source, encoding="utf-8")
        [(_, target)] = imports(path)
    finally:
        path.unlink(missing_ok=True)
    assert layer(target) == expected
