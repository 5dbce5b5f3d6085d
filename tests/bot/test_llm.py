"""The optional LLM writer against a local OpenAI-compatible HTTP server (a stand-in for a
model endpoint, which cannot run here)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kefu.app import create_app
from kefu.auth.models import Role
from kefu.bot.llm import LlmWriter, Source
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk, new_ticket


class Endpoint:
    def __init__(self) -> None:
        self.answer = "Clear the cache and switch to a wired network [1]."
        self.requests: list[dict[str, Any]] = []


@pytest.fixture
def endpoint() -> Iterator[tuple[str, Endpoint]]:
    state = Endpoint()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            state.requests.append(
                {"path": self.path, "body": body, "auth": self.headers["authorization"]}
            )
            if state.answer == "FAIL":
                self.send_response(503)
                self.end_headers()
                return
            reply = {"choices": [{"message": {"role": "assistant", "content": state.answer}}]}
            data = json.dumps(reply).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1", state
    server.shutdown()


SOURCE = [Source("Live lag", "/help/articles/livestream-lag-quality?lang=en", "Use wired network.")]


def test_answers_must_cite_and_never_ask_for_secrets(endpoint: tuple[str, Endpoint]) -> None:
    url, state = endpoint
    writer = LlmWriter(url, "sk-test", "m", timeout=5)
    assert writer.write("why lag", SOURCE, "en") == state.answer
    sent = state.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer sk-test"
    assert "[1] Live lag" in sent["body"]["messages"][1]["content"]
    state.answer = "Please send me your verification code so I can check [1]."
    assert writer.write("why lag", SOURCE, "en") is None
    state.answer = "No citation here."
    assert writer.write("why lag", SOURCE, "en") is None
    state.answer = "FAIL"
    assert writer.write("why lag", SOURCE, "en") is None


def test_agent_assist_uses_the_writer_when_configured(
    endpoint: tuple[str, Endpoint], help_centre: Database, desk: Desk, tmp_path: Path
) -> None:
    url, state = endpoint
    settings = Settings(env="test", data_dir=tmp_path / "d", llm_base_url=url)
    with TestClient(create_app(settings, help_centre)) as client:
        user = desk.user()
        lead = desk.staff("lead", Role.supervisor)
        number = new_ticket(client, user, body="my live stream lags all the time", locale="en")[
            "number"
        ]
        assist = client.get(f"/api/v1/tickets/{number}/assist", headers=lead.headers).json()
        assert assist["draft_source"] == "llm"
        assert state.answer in assist["draft"] and "/help/articles/" in assist["draft"]
        state.answer = "FAIL"  # the endpoint is down: the article's passage is the draft
        fallback = client.get(f"/api/v1/tickets/{number}/assist", headers=lead.headers).json()
        assert fallback["draft_source"] == "article"
