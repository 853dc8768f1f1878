"""A small model server for tests: OpenAI-compatible /v1/chat/completions and Ollama /api/chat on loopback.

Replies are scripted per test (server.reply = "..."); modes make it slow, failing or trickling, so the real
client libraries (openai through langchain-openai, ollama through langchain-ollama) run end to end.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class ModelServer:
    """Serve scripted answers; the prompts received are kept for inspection."""

    def __init__(self) -> None:
        self.reply = "The sources do not say."
        self.mode = "normal"  # normal | slow (no answer for `delay` s) | error (HTTP 500) | trickle
        self.delay = 5.0
        self.prompts: list[list[dict[str, Any]]] = []
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._http.daemon_threads = True
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        """The base URL (OpenAI clients add /chat/completions to .../v1)."""
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def pieces(self) -> list[str]:
        """The reply cut into small pieces, as a streaming server sends it."""
        words = self.reply.split(" ")
        return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


def _handler(server: ModelServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            server.prompts.append(body.get("messages", []))
            if server.mode == "slow":
                time.sleep(server.delay)
            if server.mode == "error":
                self._send(500, "application/json", b'{"error": {"message": "model crashed"}}')
            elif self.path.endswith("/chat/completions"):
                self._openai(bool(body.get("stream")))
            elif self.path == "/api/chat":
                self._ollama(body.get("stream", True))
            else:
                self._send(404, "text/plain", b"not found")

        def _openai(self, stream: bool) -> None:
            if not stream:
                message = {"role": "assistant", "content": server.reply}
                data = {"id": "x", "object": "chat.completion", "created": 0, "model": "test",
                        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}  # fmt: skip
                self._send(200, "application/json", json.dumps(data).encode())
                return
            self._start(200, "text/event-stream")
            for piece in server.pieces():
                choice = {"index": 0, "delta": {"content": piece}, "finish_reason": None}
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "test",
                         "choices": [choice]}  # fmt: skip
                self._chunk(f"data: {json.dumps(chunk)}\n\n".encode())
            self._chunk(b"data: [DONE]\n\n")
            self._chunk(b"")

        def _ollama(self, stream: bool) -> None:
            self._start(200, "application/x-ndjson")
            for piece in server.pieces() if stream else [server.reply]:
                line = {"model": "test", "created_at": "2026-01-01T00:00:00Z",
                        "message": {"role": "assistant", "content": piece}, "done": False}  # fmt: skip
                self._chunk((json.dumps(line) + "\n").encode())
            done = {"model": "test", "created_at": "2026-01-01T00:00:00Z", "done": True,
                    "done_reason": "stop", "message": {"role": "assistant", "content": ""}}  # fmt: skip
            self._chunk((json.dumps(done) + "\n").encode())
            self._chunk(b"")

        def _start(self, status: int, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()

        def _chunk(self, data: bytes) -> None:
            if server.mode == "trickle" and data:
                time.sleep(server.delay)
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _send(self, status: int, kind: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler
