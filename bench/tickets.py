"""Ticket intake throughput and queue / search latency through the real HTTP API.

Prints a table (or JSON with --json). See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from sqlalchemy import text

from dataset import bulk_load, load_texts
from harness import fresh_database, percentile, server
from kefu.auth.models import Role
from kefu.auth.service import create_api_token, create_staff, open_session
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade


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
                bulk_load(database, size, texts, team_ids, [lead.id], [contact_id])
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
