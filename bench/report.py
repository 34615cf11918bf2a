"""The figures of a run as one Markdown table (for the terminal and bench/README.md)."""

from __future__ import annotations

from typing import Any

COLUMNS = ("scale", "MB", "system", "chunks", "ingest s", "MB/s", "chunks/s", "index MB", "peak RSS MB",
           "retrieve p50/p95/p99 ms", "answer p50/p95/p99 ms", "total p50/p95/p99 ms", "hit@5", "fact_recall",
           "named hit@5", "named fact_recall")


def _pct(d: dict[str, float]) -> str:
    return f"{d['p50']:.1f} / {d['p95']:.1f} / {d['p99']:.1f}"


def row(result: dict[str, Any], system: str) -> list[str]:
    s = result["systems"][system]
    q = s.get("quality", {})
    named = s.get("quality_named", {})
    return [f"{result['scale']}x", f"{result['corpus']['mb']:.1f}", system, str(s["chunks"]), f"{s['ingest_s']:.1f}",
            f"{s['mb_per_s']:.2f}", f"{s['chunks_per_s']:.0f}", f"{s['index_mb']:.1f}", f"{s['peak_rss_mb']:.0f}",
            _pct(s["retrieve_ms"]), _pct(s["answer_ms"]), _pct(s["total_ms"]),
            str(q.get("hit@5", "-")), str(q.get("fact_recall", "-")),
            str(named.get("hit@5", "-")), str(named.get("fact_recall", "-"))]


def markdown_table(results: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    for result in sorted(results, key=lambda r: r["scale"]):
        for system in result["systems"]:
            lines.append("| " + " | ".join(row(result, system)) + " |")
    return "\n".join(lines)


def ratios_table(results: list[dict[str, Any]], ours: str = "ours", base: str = "baseline_en") -> str:
    """Ours against the baseline at each scale both ran: ingest time, query p95 (ours retrieve +
    answer, the baseline's retrieval) and peak RSS, with ours / baseline (below 1 = ours better)."""
    lines = ["| scale | figure | ours | " + base + " | ours / " + base + " |", "| --- | --- | --- | --- | --- |"]
    for result in sorted(results, key=lambda r: r["scale"]):
        systems = result["systems"]
        if ours not in systems or base not in systems:
            continue
        a, b = systems[ours], systems[base]
        for name, x, y, unit in (("ingest", a["ingest_s"], b["ingest_s"], "s"),
                                 ("query p95", a["total_ms"]["p95"], b["retrieve_ms"]["p95"], "ms"),
                                 ("peak RSS", a["peak_rss_mb"], b["peak_rss_mb"], "MB")):
            ratio = f"{x / y:.2f}" if y else "-"
            lines.append(f"| {result['scale']}x | {name} | {x:.1f} {unit} | {y:.1f} {unit} | {ratio} |")
    return "\n".join(lines)
