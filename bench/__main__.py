"""`python -m bench`: speed, memory and quality of this product and the llama-index baseline as the corpus grows."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from bench.runner import REPO, RunConfig, run_scale
from bench.worker import SYSTEMS


def _scales(text: str) -> list[int]:
    try:
        scales = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"scales must be integers like 1,10,100, got {text!r}") from exc
    if not scales or scales[0] < 1:
        raise argparse.ArgumentTypeError(f"scales must be at least 1, got {text!r}")
    return scales


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--scales", type=_scales, default=[1, 10, 100], help="corpus multiples, e.g. 1,10,100")
    p.add_argument("--quick", action="store_true", help="scale 1 only")
    p.add_argument("--out", type=Path, default=Path("bench-out"), help="folder for scale-<N>x.json and the PNGs")
    p.add_argument("--corpus", type=Path, default=REPO / "corpus", help="the 1x corpus")
    p.add_argument("--questions", type=Path, default=REPO.parent / "shared" / "eval" / "dev.jsonl")
    p.add_argument("--scorer", type=Path, default=None, help="score.py (default: beside --questions)")
    p.add_argument("--rounds", type=int, default=5, help="timed passes over the questions after the scored one")
    p.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {','.join(SYSTEMS)}")
    p.add_argument("--work", type=Path, help="folder for corpora and indexes (default: a temporary one, removed)")
    p.add_argument("--seed", type=int, default=0, help="seed of the variant generator")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    from bench.plots import write_plots
    from bench.report import markdown_table, ratios_table

    systems = tuple(s for s in args.systems.split(",") if s)
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        print(f"error: unknown systems {sorted(unknown)}; choices: {', '.join(SYSTEMS)}", file=sys.stderr)
        return 2
    if not args.questions.is_file():
        print(f"error: no questions at {args.questions} (give --questions)", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    cfg = RunConfig(corpus=args.corpus, questions=args.questions,
                    scorer=args.scorer or args.questions.with_name("score.py"), out=args.out, work=work,
                    rounds=args.rounds, seed=args.seed, systems=systems)
    try:
        results = [run_scale(scale, cfg) for scale in ([1] if args.quick else args.scales)]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    for path in write_plots(results, args.out):
        print(f"plot: {path}", file=sys.stderr)
    print(markdown_table(results))
    if "ours" in systems and "baseline_en" in systems:
        print()
        print(ratios_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
