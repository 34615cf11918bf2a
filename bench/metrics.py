"""Small measuring helpers shared by the runners: percentiles, peak RSS, size on disk, the machine."""

from __future__ import annotations

import os
import platform
import resource
from pathlib import Path

import numpy as np


def percentiles(values: list[float]) -> dict[str, float]:
    """p50/p95/p99 and the count (linear interpolation, as numpy does)."""
    if not values:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "n": 0}
    arr = np.asarray(values, dtype=float)
    p50, p95, p99 = np.percentile(arr, [50, 95, 99])
    return {"p50": round(float(p50), 3), "p95": round(float(p95), 3), "p99": round(float(p99), 3), "n": len(values)}


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, plus the largest peak of the child processes
    it has waited for (ours ingests with one worker process): an upper bound of both at once.
    Linux reports ru_maxrss in KiB."""
    kib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
           + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return round(kib / 1024, 1)


def disk_bytes(folder: Path) -> int:
    """Bytes allocated on disk under folder (sparse files count what they really use)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            st = (Path(root) / name).stat()
            total += min(st.st_size, st.st_blocks * 512)
    return total


def machine() -> dict[str, object]:
    """nproc, RAM and CPU model, for the report."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"nproc": os.cpu_count(), "ram_gib": round(ram_gib, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform()}
