"""A WebSocket client for the chat (the server: tests/live_server.py)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from websockets.sync.client import ClientConnection, connect

from tests.live_server import live_server

__all__ = ["ChatClient", "client_id", "live_server"]


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
