"""Real servers for the chat: uvicorn on a free port in a thread, and a WebSocket client."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from websockets.sync.client import ClientConnection, connect

from kefu.app import create_app
from kefu.config import Settings
from kefu.kit.db import Database


@contextmanager
def live_server(settings: Settings, database: Database) -> Iterator[str]:
    """Serve the real app on 127.0.0.1; yields its base URL (http://...)."""
    config = uvicorn.Config(
        create_app(settings, database), host="127.0.0.1", port=0, log_level="warning", ws="auto"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def client_id() -> str:
    return uuid.uuid4().hex


class ChatClient:
    """A user's socket, reading frames with a timeout so a missing one fails the test."""

    def __init__(self, base: str, path: str = "/api/v1/chat/ws", **headers: str) -> None:
        url = base.replace("http://", "ws://") + path
        self.ws: ClientConnection = connect(url, additional_headers=headers or None).__enter__()

    def send(self, **frame: Any) -> None:
        self.ws.send(json.dumps(frame))

    def receive(self, timeout: float = 10.0) -> dict[str, Any]:
        frame: dict[str, Any] = json.loads(self.ws.recv(timeout=timeout))
        return frame

    def receive_until(self, kind: str, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Frames up to and including the first of ``kind``."""
        frames = []
        while True:
            frames.append(self.receive(timeout))
            if frames[-1]["type"] == kind:
                return frames

    def quiet(self, seconds: float = 0.5) -> list[dict[str, Any]]:
        """Whatever arrives within ``seconds`` (expected: nothing)."""
        frames = []
        try:
            while True:
                frames.append(self.receive(seconds))
        except TimeoutError:
            return frames

    def close(self) -> None:
        self.ws.close()
