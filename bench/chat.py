"""Live chat under load: many concurrent WebSocket clients on one server process.

Starts `kefu serve` (one process) and `kefu worker` on a fresh SQLite database (or
``--database-url``), opens ``--clients`` chats at once, hands each to a person (so each message
is relayed onto its ticket, the path of a busy live desk), then every client sends
``--messages`` messages one after another. Round trip = from sending a message to receiving
its ack, which the server sends only after the message is committed. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

KEFU = str(Path(sys.executable).parent / "kefu")


def _raise_file_limit() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _anonymous_tokens(env: dict[str, str], count: int) -> list[str]:
    """Sessions made straight in the database (the bench measures chat, not sign-up)."""
    code = (
        "import json,sys\n"
        "from kefu.config import Settings\n"
        "from kefu.kit.db import Database\n"
        "from kefu.contacts.service import create_anonymous\n"
        "s=Settings(); db=Database(s.effective_database_url); out=[]\n"
        "with db.transaction() as t:\n"
        f"    out=[create_anonymous(t, days=1, locale='zh-CN')[0] for _ in range({count})]\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    tokens: list[str] = json.loads(done.stdout)
    return tokens


async def _frame(ws: ClientConnection, kind: str) -> dict[str, Any]:
    while True:
        frame: dict[str, Any] = json.loads(await ws.recv())
        if frame["type"] == kind:
            return frame
        if frame["type"] == "error":
            raise RuntimeError(frame)


async def _client(
    url: str,
    token: str,
    index: int,
    messages: int,
    pace: float,
    ready: list[int],
    start: asyncio.Event,
    rtts: list[float],
) -> None:
    async with connect(url, max_queue=None, open_timeout=120) as ws:
        await ws.send(json.dumps({"type": "hello", "token": token}))
        await _frame(ws, "ready")
        await ws.send(
            json.dumps({"type": "message", "client_id": f"h{index:07d}x", "option": "human"})
        )
        await _frame(ws, "ack")
        ready.append(index)
        await start.wait()
        rng = random.Random(index)
        for n in range(messages):
            if pace:  # people pause between messages: on average ``pace`` seconds
                await asyncio.sleep(rng.uniform(0, 2 * pace))
            client_id = f"c{index:06d}m{n:04d}"
            sent = time.perf_counter()
            frame = {"type": "message", "client_id": client_id, "text": f"第 {n} 条消息"}
            await ws.send(json.dumps(frame))
            while True:
                got = json.loads(await ws.recv())
                if got["type"] == "ack" and got["client_id"] == client_id:
                    break
            rtts.append((time.perf_counter() - sent) * 1000)


async def _run(url: str, tokens: list[str], messages: int, pace: float) -> dict[str, Any]:
    start = asyncio.Event()
    rtts: list[float] = []
    ready: list[int] = []
    connecting = time.perf_counter()
    tasks = [
        asyncio.create_task(_client(url, token, i, messages, pace, ready, start, rtts))
        for i, token in enumerate(tokens)
    ]
    while len(ready) < len(tasks):  # everyone connected and handed off before the clock starts
        await asyncio.sleep(0.2)
        failed = [t for t in tasks if t.done() and t.exception()]
        if failed:
            raise RuntimeError(failed[0].exception())
    setup_seconds = time.perf_counter() - connecting
    began = time.perf_counter()
    start.set()
    await asyncio.gather(*tasks)
    seconds = time.perf_counter() - began
    rtts.sort()
    return {
        "clients": len(tokens),
        "messages": len(rtts),
        "setup_seconds": round(setup_seconds, 1),
        "seconds": round(seconds, 2),
        "messages_per_s": round(len(rtts) / seconds, 1),
        "round_trip_ms_p50": round(statistics.median(rtts), 1),
        "round_trip_ms_p99": round(rtts[int(len(rtts) * 0.99) - 1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=5, help="per client")
    parser.add_argument(
        "--pace",
        type=float,
        default=0.0,
        help="mean seconds a client waits before each message (0: as fast as acks come back)",
    )
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file")
    args = parser.parse_args()
    _raise_file_limit()
    data = tempfile.mkdtemp(prefix="kefu-bench-chat-")
    env = {**os.environ, "KEFU_DATA_DIR": data, "KEFU_ENV": "test", "KEFU_INLINE_WORKER": "false"}
    if args.database_url:
        env["KEFU_DATABASE_URL"] = args.database_url
    subprocess.run([KEFU, "db", "upgrade"], env=env, check=True, capture_output=True)
    tokens = _anonymous_tokens(env, args.clients)
    port = _free_port()
    server = subprocess.Popen(
        [KEFU, "serve", "--port", str(port)],
        env=env,
        preexec_fn=_raise_file_limit,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # replies are triaged by background jobs: a worker process runs them, as in production
    worker = subprocess.Popen(
        [KEFU, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(600):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        url = f"ws://127.0.0.1:{port}/api/v1/chat/ws"
        report = asyncio.run(_run(url, tokens, args.messages, args.pace))
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(30)
    report["database"] = "postgresql" if args.database_url else "sqlite"
    report["pace_s"] = args.pace
    print(json.dumps(report))


if __name__ == "__main__":
    main()
