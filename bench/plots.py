"""PNG plots of the scale results: latency and memory against corpus size, ours against the baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

LABELS = {"ours": "this product", "baseline_en": "llama-index baseline (English stemmer)",
          "baseline_ro": "llama-index baseline (Romanian stemmer)"}


def _series(results: list[dict[str, Any]], system: str, pick: Any) -> tuple[list[float], list[float]]:
    rows = [(r["corpus"]["bytes"] / 1e6, pick(r["systems"][system])) for r in results if system in r["systems"]]
    return [x for x, _ in rows], [y for _, y in rows]


def _axes(title: str, ylabel: str) -> tuple[Any, Any]:
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.set_xscale("log")
    ax.set_xlabel("corpus size (MB of text, log scale)")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    return fig, ax


def plot_latency(results: list[dict[str, Any]], path: Path) -> Path:
    fig, ax = _axes("Query latency (retrieve + answer)", "ms")
    for system in LABELS:
        for pct, style in (("p50", "-o"), ("p95", "--s")):
            xs, ys = _series(results, system, lambda s, p=pct: s["total_ms"][p])
            if xs:
                ax.plot(xs, ys, style, label=f"{LABELS[system]} {pct}")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_memory(results: list[dict[str, Any]], path: Path) -> Path:
    fig, ax = _axes("Peak RSS (max of the ingest and the query process)", "MB")
    for system in LABELS:
        xs, ys = _series(results, system, lambda s: s["peak_rss_mb"])
        if xs:
            ax.plot(xs, ys, "-o", label=LABELS[system])
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_plots(results: list[dict[str, Any]], out: Path) -> list[Path]:
    ordered = sorted(results, key=lambda r: r["scale"])
    return [plot_latency(ordered, out / "latency.png"), plot_memory(ordered, out / "memory.png")]
