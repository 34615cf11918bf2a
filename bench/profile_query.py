"""Where a query's time goes: cProfile of `Assistant.ask` over a built index.

    .venv/bin/python -m bench.profile_query --index /tmp/b100/ours-100x/index [--top 40] [--out prof.pstats]

Builds the assistant on the index, answers every question of `--questions` (default
`../shared/eval/dev.jsonl`) once to warm the caches (`--answers FILE` keeps those answers, without
their timings: the same file before and after a change says the answers did not change), then
profiles `--rounds` more passes (default 1) and prints the `--top` functions by cumulative time,
then by own time. Prints also the p50/p95 of `timings_ms` (retrieve, answer, their sum, in ms)
over the profiled passes; those are inflated by the profiler, so compare them only with another
profiled run (`--time-only`: no profiler, the timings alone).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
from pathlib import Path

from bench.metrics import percentiles


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, warm, profile, print. Raises FileNotFoundError for a missing index or questions."""
    p = argparse.ArgumentParser(prog="python -m bench.profile_query", description=__doc__.splitlines()[0])
    p.add_argument("--index", type=Path, required=True)
    p.add_argument("--questions", type=Path, default=Path("../shared/eval/dev.jsonl"))
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--time-only", action="store_true", help="no profiler: only the timings' percentiles")
    p.add_argument("--out", type=Path, default=None, help="write the raw pstats here")
    p.add_argument("--answers", type=Path, default=None,
                   help="write the warm-up pass's answers here (JSON lines, without timings_ms): the same "
                        "file before and after a change says the change left the answers alone")
    args = p.parse_args(argv)
    if not args.index.is_dir():
        raise FileNotFoundError(args.index)

    from assistant.build import build_assistant
    from assistant.settings import Settings

    questions = [json.loads(line)["question"] for line in args.questions.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    assistant = build_assistant(Settings(index=args.index))  # type: ignore[call-arg]
    warm = [assistant.ask(q) for q in questions]
    if args.answers:
        with args.answers.open("w", encoding="utf-8") as f:
            for i, a in enumerate(warm):
                row = {k: v for k, v in a.to_json(qid=str(i)).items() if k != "timings_ms"}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    retrieve, answer, total = [], [], []
    prof = cProfile.Profile()
    for _ in range(args.rounds):
        for q in questions:
            if not args.time_only:
                prof.enable()
            a = assistant.ask(q)
            prof.disable()
            r, s = float(a.timings_ms.get("retrieve", 0.0)), float(a.timings_ms.get("answer", 0.0))
            retrieve.append(r)
            answer.append(s)
            total.append(r + s)
    if args.out and not args.time_only:
        prof.dump_stats(str(args.out))
    if not args.time_only:
        stats = pstats.Stats(prof)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
    for name, xs in (("retrieve", retrieve), ("answer", answer), ("total", total)):
        print(name, percentiles(xs))


if __name__ == "__main__":
    main()
