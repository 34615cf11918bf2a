"""`python -m bench.worker`: one system, one phase, in a process of its own so its peak RSS is its own."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

SYSTEMS = ("ours", "baseline_en", "baseline_ro")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.worker", description="Run one benchmark phase.")
    p.add_argument("system", choices=SYSTEMS)
    p.add_argument("phase", choices=("ingest", "query"))
    p.add_argument("--corpus", type=Path)
    p.add_argument("--index", type=Path, required=True)
    p.add_argument("--questions", type=Path)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--answers", type=Path, help="where the scored pass writes its JSON lines")
    p.add_argument("--out", type=Path, required=True, help="JSON file for the figures")
    return p


def main(argv: list[str] | None = None) -> int:
    from assistant.offline import go_offline

    go_offline()
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    from bench import baseline, ours
    from bench.metrics import peak_rss_mb

    t0 = time.perf_counter()
    if args.phase == "ingest":
        if args.system == "ours":
            figures = ours.ingest(args.corpus, args.index)
        else:
            figures = baseline.ingest(args.corpus, args.index, args.system.rsplit("_", 1)[1])
    else:
        with args.questions.open(encoding="utf-8") as f:
            questions = [json.loads(line) for line in f if line.strip()]
        runner = ours.query if args.system == "ours" else baseline.query
        figures = runner(args.index, questions, args.rounds, args.answers)
    figures["phase_s"] = round(time.perf_counter() - t0, 3)
    figures["peak_rss_mb"] = peak_rss_mb()
    args.out.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
