"""Ticket intake throughput and queue / search latency through the real HTTP API.

Prints a table (or JSON with --json). See bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

from kefu.auth.models import Role
from kefu.auth.service import create_api_token, create_staff, open_session
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.kit.text import document_tokens
from kefu.tickets.models import Message, Ticket, TicketSearch
from kefu.tickets.numbers import set_last_ticket_number

SEED_DIR = Path(__file__).resolve().parents[1] / "src" / "kefu" / "triage" / "data"
KEFU = str(Path(sys.executable).with_name("kefu"))
STATUSES = ["new", "open", "open", "pending", "on_hold", "solved", "solved", "closed"]
PRIORITIES = ["low", "normal", "normal", "normal", "high", "urgent"]


def load_texts() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name in ("seed_zh.csv", "seed_en.csv"):
        with open(SEED_DIR / name, encoding="utf-8") as handle:
            rows += [(row["text"], row["label"]) for row in csv.DictReader(handle)]
    return rows


@contextmanager
def fresh_database(base_url: str | None) -> Iterator[str]:
    if not base_url:
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/bench.db"
        return
    admin_url = make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"kefu_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(url: str, data_dir: str) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "KEFU_DATABASE_URL": url, "KEFU_DATA_DIR": data_dir}
    proc = subprocess.Popen(
        [KEFU, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_intake(
    base: str, token: str, texts: list[tuple[str, str]], requests: int, concurrency: int
) -> dict[str, float]:
    headers = {"Authorization": f"Bearer {token}"}
    latencies: list[float] = []
    local = threading.local()  # one keep-alive connection per client thread

    def send(i: int) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=60, headers=headers)
        body, label = texts[i % len(texts)]
        payload = {
            "requester": {"platform_user_id": f"bench-{i % 5000}", "name": f"user {i}"},
            "subject": body[:60],
            "body": body,
            "category": label,
        }
        started = time.perf_counter()
        response = local.client.post(
            "/api/v1/platform/tickets", json=payload, headers={"Idempotency-Key": f"k{i}"}
        )
        latencies.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(send, range(requests)))
    elapsed = time.perf_counter() - started
    return {
        "tickets_per_s": requests / elapsed,
        "p50_ms": percentile(latencies, 0.5),
        "p99_ms": percentile(latencies, 0.99),
    }


def bulk_load(
    database: Database,
    target: int,
    texts: list[tuple[str, str]],
    team_ids: list[int],
    staff_ids: list[int],
    contact_id: int,
) -> None:
    """Insert tickets straight into the tables (with their search text) up to ``target``."""
    rng = random.Random(target)
    with database.transaction() as db:
        have = db.scalar(select(func.count()).select_from(Ticket)) or 0
        start = db.scalar(select(func.max(Ticket.number))) or 10000
    now = utcnow()
    batch = 2000
    number = start
    while have < target:
        size = min(batch, target - have)
        tickets, messages, docs = [], [], []
        for _ in range(size):
            number += 1
            body, label = texts[rng.randrange(len(texts))]
            created = now - timedelta(minutes=rng.randrange(60 * 24 * 365))
            tickets.append(
                {
                    "number": number,
                    "subject": body[:60],
                    "type": "question",
                    "category": label,
                    "status": rng.choice(STATUSES),
                    "priority": rng.choice(PRIORITIES),
                    "channel": "web",
                    "locale": "zh-CN" if any("\u4e00" <= c <= "\u9fff" for c in body) else "en",
                    "requester_id": contact_id,
                    "team_id": rng.choice([*team_ids, None]),
                    "assignee_id": rng.choice([*staff_ids, None]),
                    "created_at": created,
                    "updated_at": created + timedelta(minutes=rng.randrange(600)),
                    "version": 1,
                }
            )
        with database.transaction() as db:
            rows = db.execute(insert(Ticket).returning(Ticket.id, Ticket.subject), tickets).all()
            for (ticket_id, subject), row in zip(rows, tickets, strict=True):
                messages.append(
                    {
                        "ticket_id": ticket_id,
                        "kind": "public",
                        "author_type": "contact",
                        "author_contact_id": contact_id,
                        "body": subject,
                        "channel": "web",
                        "created_at": row["created_at"],
                    }
                )
                docs.append(
                    {
                        "ticket_id": ticket_id,
                        "content": " ".join(document_tokens(subject + " " + subject)),
                    }
                )
            db.execute(insert(Message), messages)
            db.execute(insert(TicketSearch), docs)
            set_last_ticket_number(db, number)
        have += size
    with database.write_engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("queue: all, latest first", {}),
    ("queue: open in one team", {"status": "open", "team": "1"}),
    ("queue: by priority", {"sort": "priority"}),
    ("queue: unassigned new", {"status": "new", "assignee": "none"}),
    ("queue: page 2 (cursor)", {"_page2": True}),
    ("search: zh word 验证码", {"q": "验证码"}),
    ("search: en word refund", {"q": "refund"}),
    ("search: two words 直播 卡", {"q": "直播 卡"}),
]


def measure_queries(
    base: str, headers: dict[str, str], repeats: int
) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        for name, params in QUERIES:
            params = dict(params)
            if params.pop("_page2", False):
                first = client.get("/api/v1/tickets", params={"limit": 25}).json()
                params = {"limit": 25, "cursor": first["next_cursor"]}
            timings = []
            for _ in range(repeats):
                started = time.perf_counter()
                response = client.get("/api/v1/tickets", params={"limit": 25, **params})
                timings.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
            results[name] = {
                "p50_ms": statistics.median(timings),
                "p99_ms": percentile(timings, 0.99),
            }
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="PostgreSQL server to benchmark (default SQLite)")
    parser.add_argument("--sizes", default="10000,100000", help="ticket counts to measure at")
    parser.add_argument("--intake", type=int, default=1000, help="tickets posted for intake")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent intake clients")
    parser.add_argument("--repeats", type=int, default=50, help="timed calls per query")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    texts = load_texts()
    report: dict[str, Any] = {
        "backend": "postgresql" if args.database_url else "sqlite",
        "cores": os.cpu_count(),
        "sizes": {},
    }
    with fresh_database(args.database_url) as url, tempfile.TemporaryDirectory() as data_dir:
        database = Database(url)
        upgrade(database.write_engine)
        with database.transaction() as db:
            token, _ = create_api_token(db, name="bench", scopes=["tickets:write"])
            lead = create_staff(
                db,
                email="bench@kefu.cn",
                name="bench",
                password="bench-password",
                role=Role.supervisor,
            )
            session_token, _ = open_session(db, lead, hours=2)
        headers = {"Authorization": f"Bearer {session_token}"}
        with server(url, data_dir) as base:
            report["intake"] = measure_intake(base, token, texts, args.intake, args.concurrency)
            report["intake"].update(requests=args.intake, concurrency=args.concurrency)
            with database.transaction() as db:
                contact_id = db.scalar(text("SELECT min(id) FROM contacts"))
                team_ids = list(db.scalars(text("SELECT id FROM teams")))
            for size in sizes:
                started = time.perf_counter()
                bulk_load(database, size, texts, team_ids, [lead.id], contact_id)
                load_s = time.perf_counter() - started
                report["sizes"][size] = {
                    "load_seconds": load_s,
                    "queries": measure_queries(base, headers, args.repeats),
                }
        database.dispose()
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    print_report(report)


def print_report(report: dict[str, Any]) -> None:
    intake = report["intake"]
    print(f"backend {report['backend']}, {report['cores']} cores; server and clients share them")
    print(
        f"intake: {intake['tickets_per_s']:.0f} tickets/s through POST /api/v1/platform/tickets "
        f"({intake['requests']} requests, {intake['concurrency']} clients; "
        f"p50 {intake['p50_ms']:.1f} ms, p99 {intake['p99_ms']:.1f} ms)"
    )
    for size, result in report["sizes"].items():
        print(f"\n{size:,} tickets (bulk load {result['load_seconds']:.0f} s)")
        print(f"  {'query':34} {'p50 ms':>8} {'p99 ms':>8}")
        for name, figures in result["queries"].items():
            print(f"  {name:34} {figures['p50_ms']:8.1f} {figures['p99_ms']:8.1f}")


if __name__ == "__main__":
    main()
