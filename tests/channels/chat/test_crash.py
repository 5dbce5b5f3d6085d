"""Killing the server mid-chat loses no acknowledged message: a real `kefu serve` process is
killed with SIGKILL while messages are in flight, started again, and the chat is read back."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from websockets.exceptions import ConnectionClosed

from tests.channels.chat.conftest import ChatClient, client_id

KEFU = str(Path(sys.executable).parent / "kefu")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def _server(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        [KEFU, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def test_a_killed_server_loses_no_acknowledged_message(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "KEFU_DATA_DIR": str(tmp_path / "data"),
        "KEFU_ENV": "test",  # the bot's model is not trained at start
        "KEFU_SERVICE_HOURS": "00:00-24:00",
    }
    env.pop("KEFU_DATABASE_URL", None)
    subprocess.run([KEFU, "db", "upgrade"], env=env, check=True, capture_output=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    acked: set[str] = set()
    with _server(env, port) as server:
        token = httpx.post(f"{base}/api/v1/auth/anonymous", json={}).json()["token"]
        chat = ChatClient(base)
        chat.send(type="hello", token=token)
        conversation_id = chat.receive()["conversation_id"]
        chat.send(type="message", client_id=client_id(), option="human")  # to a person
        for n in range(40):
            chat.send(type="message", client_id=f"crash-{n:04d}", text=f"消息 {n}")
        while len(acked) < 10:  # kill it while the rest are still being stored
            frame = chat.receive()
            if frame["type"] == "ack" and frame["client_id"].startswith("crash-"):
                acked.add(frame["client_id"])
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        try:
            while True:  # acks already on the wire count too
                frame = chat.receive(2)
                if frame["type"] == "ack" and frame["client_id"].startswith("crash-"):
                    acked.add(frame["client_id"])
        except (TimeoutError, ConnectionClosed):
            pass

    with _server(env, port):
        again = ChatClient(base)
        again.send(type="hello", token=token, conversation_id=conversation_id, after=0)
        ready = again.receive()
        stored: list[dict[str, Any]] = []
        while len(stored) < ready["last_seq"]:
            frame = again.receive()
            if frame["type"] == "message":
                stored.append(frame)
        again.close()
    assert [m["seq"] for m in stored] == list(range(1, ready["last_seq"] + 1))
    kept = Counter(m["client_id"] for m in stored if (m["client_id"] or "").startswith("crash-"))
    assert acked <= set(kept), f"lost after acknowledgement: {sorted(acked - set(kept))}"
    assert all(count == 1 for count in kept.values())
