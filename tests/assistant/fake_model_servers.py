"""Model servers on loopback that speak the real wire protocols, for the backend tests.

One server answers both dialects: Ollama (POST /api/chat, NDJSON when streaming; /api/embed,
/api/embeddings) and OpenAI (POST /v1/chat/completions, SSE when streaming; /v1/embeddings).
It records every request body, so tests can assert what the client sent.
"""

from __future__ import annotations

import base64
import json
import re
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from assistant.embeddings.hashing import hash_embed
from assistant.settings import Settings

EMBED_DIM = 64


@dataclass
class Behaviour:
    reply: str | Callable[[dict[str, Any]], str] = ""  # what the model says, or a function of the request
    status: int = 200  # 500 to fail
    delay_s: float = 0.0  # sleep before answering (timeouts)
    pieces: int = 6  # how many stream events the reply is cut into

    def text(self, body: dict[str, Any]) -> str:
        return self.reply(body) if callable(self.reply) else self.reply


@dataclass
class FakeModelServer:
    behaviour: Behaviour = field(default_factory=Behaviour)
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    port: int = 0
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def bodies(self, path: str) -> list[dict[str, Any]]:
        return [body for p, body in self.requests if p == path]

    def start(self) -> FakeModelServer:
        fake = self

        class Handler(_Handler):
            server_state = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def _pieces(text: str, n: int) -> list[str]:
    size = max(1, -(-len(text) // max(1, n)))
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _vector(text: str) -> list[float]:
    return hash_embed(text, EMBED_DIM)


class _Handler(BaseHTTPRequestHandler):
    server_state: FakeModelServer

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        return

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        state = self.server_state
        state.requests.append((self.path, body))
        if state.behaviour.delay_s:
            time.sleep(state.behaviour.delay_s)
        if state.behaviour.status != 200:
            self._json({"error": "model crashed"}, state.behaviour.status)
            return
        if state.behaviour.delay_s:
            return  # the client has timed out by now; answering would only hit a closed socket
        route = {
            "/api/chat": self._ollama_chat,
            "/api/embed": self._ollama_embed,
            "/api/embeddings": self._ollama_embeddings,
            "/v1/chat/completions": self._openai_chat,
            "/v1/embeddings": self._openai_embeddings,
        }.get(self.path)
        if route is None:
            self._json({"error": f"no route {self.path}"}, 404)
            return
        try:
            route(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            return

    def _json(self, data: dict[str, Any], status: int = 200) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def _stream(self, content_type: str, events: list[bytes]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        self.end_headers()
        for event in events:
            self.wfile.write(event)
            self.wfile.flush()
        self.close_connection = True

    # ---- Ollama ---------------------------------------------------------------------------

    def _ollama_chat(self, body: dict[str, Any]) -> None:
        model, reply = body.get("model", ""), self.server_state.behaviour.text(body)
        base = {"model": model, "created_at": "2026-01-01T00:00:00Z"}
        final = {**base, "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": "stop",
                 "prompt_eval_count": 10, "eval_count": 10}
        if not body.get("stream"):
            final["message"]["content"] = reply
            self._json(final)
            return
        lines = [{**base, "message": {"role": "assistant", "content": p}, "done": False}
                 for p in _pieces(reply, self.server_state.behaviour.pieces)]
        self._stream("application/x-ndjson", [json.dumps(x).encode() + b"\n" for x in [*lines, final]])

    def _ollama_embed(self, body: dict[str, Any]) -> None:
        texts = body.get("input")
        texts = [texts] if isinstance(texts, str) else list(texts or [])
        self._json({"model": body.get("model", ""), "embeddings": [_vector(t) for t in texts]})

    def _ollama_embeddings(self, body: dict[str, Any]) -> None:
        self._json({"embedding": _vector(str(body.get("prompt", "")))})

    # ---- OpenAI ---------------------------------------------------------------------------

    def _openai_chat(self, body: dict[str, Any]) -> None:
        model, reply = body.get("model", ""), self.server_state.behaviour.text(body)
        base = {"id": "chatcmpl-fake", "created": 1_700_000_000, "model": model}
        if not body.get("stream"):
            self._json({**base, "object": "chat.completion",
                        "choices": [{"index": 0, "message": {"role": "assistant", "content": reply},
                                     "finish_reason": "stop"}],
                        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}})
            return
        chunks = [{**base, "object": "chat.completion.chunk",
                   "choices": [{"index": 0, "delta": {"role": "assistant", "content": p}, "finish_reason": None}]}
                  for p in _pieces(reply, self.server_state.behaviour.pieces)]
        chunks.append({**base, "object": "chat.completion.chunk",
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        events = [f"data: {json.dumps(c)}\n\n".encode() for c in chunks] + [b"data: [DONE]\n\n"]
        self._stream("text/event-stream", events)

    def _openai_embeddings(self, body: dict[str, Any]) -> None:
        texts = body.get("input")
        texts = [texts] if isinstance(texts, str) else list(texts or [])
        as_base64 = body.get("encoding_format") == "base64"
        data = []
        for i, t in enumerate(texts):
            vec = _vector(t)
            emb: Any = base64.b64encode(struct.pack(f"<{len(vec)}f", *vec)).decode() if as_base64 else vec
            data.append({"object": "embedding", "index": i, "embedding": emb})
        self._json({"object": "list", "data": data, "model": body.get("model", ""),
                    "usage": {"prompt_tokens": 1, "total_tokens": 1}})


# ---- a small corpus the backend tests write and index themselves ---------------------------

CALL_TEXT = """# Apel de proiecte pentru inovare în IMM-uri

## Valoarea finanțării

Valoarea maximă a finanțării nerambursabile este de 2.650.000 lei pe proiect.
Rata de cofinanțare a beneficiarului este de minimum 15%.

## Calendarul apelului

Cererile de finanțare se depun până la data de 15.09.2025, ora 16:00, prin platforma electronică a agenției.

## Solicitanți eligibili

Pot solicita finanțare întreprinderile mici și mijlocii înregistrate în România, cu cel puțin un an fiscal încheiat.
"""

CLUSTER_TEXT = """# Clusterul regional de energie regenerabilă

Clusterul reunește 42 de membri: firme, universități și autorități locale din regiune.
Date de contact: office@cluster-energie.ro, telefon 0264 123 456.
"""


def write_corpus(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"apel-inovare.md": CALL_TEXT, "cluster-energie.md": CLUSTER_TEXT, **(extra or {})}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def index_corpus(settings: Settings, corpus: Path) -> None:
    """What `python -m ingest CORPUS` does, in-process."""
    from assistant.build import ingest_files

    report = ingest_files(settings, [corpus], ocr=False)
    assert not report.failed, report.failed


def user_message(body: dict[str, Any]) -> str:
    return next(m["content"] for m in body["messages"] if m["role"] == "user")


def system_message(body: dict[str, Any]) -> str:
    return next(m["content"] for m in body["messages"] if m["role"] == "system")


def passage_number(body: dict[str, Any], needle: str) -> int:
    """The [n] under which the request shows the passage holding `needle`."""
    current = 0
    for line in user_message(body).splitlines():
        if m := re.match(r"\[(\d+)\] ", line):
            current = int(m.group(1))
        if needle in line and current:
            return current
    raise AssertionError(f"{needle!r} not in any passage of the request")
