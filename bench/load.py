"""`python -m bench.load`: N concurrent clients on the app's /ask for a fixed time; errors and latency.

A load run, not a test: it starts `app.py` on a free loopback port over a fresh index of
corpus/ (the app ingests it on first start), holds the clients with gradio_client for the
given seconds, stops the app by its PID and prints the figures (exit 1 if any request failed).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FALLBACK_QUESTIONS = [
    "Care este valoarea maximă a finanțării?",
    "Cine poate depune proiecte?",
    "Până când se pot depune cererile?",
    "Ce activități sunt eligibile?",
    "Care este rata de cofinanțare?",
    "Ce este un cluster de inovare?",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load_questions(path: Path) -> list[str]:
    if not path.exists():
        return FALLBACK_QUESTIONS
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows if isinstance(r.get("question"), str)] or FALLBACK_QUESTIONS


def start_app(port: int, index: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "ASSISTANT_INDEX": str(index),
           "ASSISTANT_HOST": "127.0.0.1", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
           "HF_HUB_DISABLE_TELEMETRY": "1"}
    env.pop("ASSISTANT_AUTH", None)
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, str(REPO / "app.py")], cwd=REPO, env=env, stdout=out,
                                stderr=subprocess.STDOUT)


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with code {proc.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - loopback URL we built
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the app did not answer on {url} within {timeout_s:.0f} s")


class Load:
    """The clients' shared record: latencies of good answers, errors by message."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies_ms: list[float] = []
        self.errors: dict[str, int] = {}

    def client(self, url: str, questions: list[str], offset: int, deadline: float) -> None:
        from gradio_client import Client

        try:
            client = Client(url, verbose=False)
        except Exception as exc:  # noqa: BLE001 - any failure to connect is an error to count
            self._error(f"connect: {type(exc).__name__}: {exc}")
            return
        i = offset
        while time.monotonic() < deadline:
            question = questions[i % len(questions)]
            i += 1
            t0 = time.perf_counter()
            try:
                result = client.predict(question, "", api_name="/ask")
                ok = isinstance(result, dict) and isinstance(result.get("answer"), str)
            except Exception as exc:  # noqa: BLE001 - every failed request is counted, none stops the run
                self._error(f"{type(exc).__name__}: {str(exc)[:200]}")
                continue
            elapsed = (time.perf_counter() - t0) * 1000
            if ok:
                with self.lock:
                    self.latencies_ms.append(elapsed)
            else:
                self._error(f"unexpected result: {str(result)[:200]}")

    def _error(self, message: str) -> None:
        with self.lock:
            self.errors[message] = self.errors.get(message, 0) + 1


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(clients: int, seconds: float, questions: list[str], index: Path, log: Path) -> dict[str, Any]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    proc = start_app(port, index, log)
    try:
        wait_ready(url, proc, timeout_s=300)
        load = Load()
        deadline = time.monotonic() + seconds
        threads = [threading.Thread(target=load.client, args=(url, questions, k * 7, deadline), daemon=True)
                   for k in range(clients)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=seconds + 120)  # a request in flight at the deadline may finish late
        wall = time.monotonic() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    lat = load.latencies_ms
    return {"clients": clients, "seconds": round(wall, 1), "requests": len(lat) + sum(load.errors.values()),
            "ok": len(lat), "errors": sum(load.errors.values()), "error_kinds": load.errors,
            "throughput_rps": round(len(lat) / wall, 2) if wall else 0.0,
            "latency_ms": {"p50": round(percentile(lat, 0.50), 1), "p95": round(percentile(lat, 0.95), 1),
                           "p99": round(percentile(lat, 0.99), 1), "max": round(max(lat, default=0.0), 1)}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=20, help="concurrent clients")
    p.add_argument("--seconds", type=float, default=60.0, help="how long the clients keep asking")
    p.add_argument("--questions", type=Path, default=REPO.parent / "shared" / "eval" / "dev.jsonl",
                   help="JSONL of {question} (default: the dev set; a fixed list when missing)")
    p.add_argument("--index", type=Path, help="index folder (default: a fresh temporary one, built from corpus/)")
    p.add_argument("--json", type=Path, help="also write the figures here")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        index = args.index or Path(tmp) / "index"
        log = Path(tmp) / "app.log"
        try:
            figures = run(args.clients, args.seconds, load_questions(args.questions), index, log)
        except RuntimeError as exc:
            print(f"error: {exc}\n--- app log ---\n{log.read_text(errors='replace')[-3000:]}", file=sys.stderr)
            return 2
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
