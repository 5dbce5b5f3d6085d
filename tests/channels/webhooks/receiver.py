"""A real HTTP receiver on 127.0.0.1 for webhook tests: it records what arrives and answers
with the status codes a test scripts (200 once the script runs out)."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.body)
        return value

    @property
    def event(self) -> str:
        return self.headers["x-kefu-event"]

    def signed_with(self, secret: str) -> bool:
        """What a receiver does: HMAC-SHA256 over "{timestamp}.{raw body}", compared safely."""
        timestamp = self.headers["x-kefu-timestamp"].encode()
        expected = hmac.new(secret.encode(), timestamp + b"." + self.body, hashlib.sha256)
        return hmac.compare_digest(
            "sha256=" + expected.hexdigest(), self.headers["x-kefu-signature"]
        )


@dataclass
class Receiver:
    url: str
    requests: list[Received] = field(default_factory=list)
    script: list[int] = field(default_factory=list)

    def events(self) -> list[str]:
        return [request.event for request in self.requests]


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    receiver = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            receiver.requests.append(Received(self.path, headers, body))
            status = receiver.script.pop(0) if receiver.script else 200
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", f"{receiver.url}elsewhere")
            answer = f"answer {status}".encode()
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
