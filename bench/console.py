"""Server time of the staff pages with many tickets.

`kefu serve` runs as a separate process on a fresh database bulk-loaded to ``--tickets``
(100,000 by default) spread over 2,000 requesters; an agent, a supervisor and an admin sign in
through the API like the browser does (session cookie), and each page is fetched ``--repeats``
times. Prints p50 / p99 of the server time (the response's ``Server-Timing``) and of the round
trip. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
import time
from typing import Any

import httpx
from sqlalchemy import insert, select

from dataset import bulk_load, load_texts
from harness import fresh_database, percentile, server
from kefu.auth.models import Role, Team, TeamMembership
from kefu.auth.service import create_staff
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.tickets.models import Ticket

PASSWORD = "bench-password-2026"
TARGET_MS = 200.0
# (name, path, who); {number} is a ticket of the agent's team, {requester} a busy requester
PAGES: list[tuple[str, str, str]] = [
    ("queue: default view", "/desk", "agent"),
    ("queue: unassigned", "/desk?view=unassigned", "agent"),
    ("queue: my team", "/desk?view=team", "agent"),
    ("queue: needs triage", "/desk?view=triage", "agent"),
    ("queue: all, by priority", "/desk?view=all&sort=priority", "lead"),
    ("queue: search 验证码", "/desk?view=all&q=验证码", "lead"),
    ("views with counts (API)", "/api/v1/views", "agent"),
    ("ticket page", "/desk/tickets/{number}", "agent"),
    ("dashboard: 30 days", "/desk/dashboard?period=30d", "lead"),
    ("dashboard: today", "/desk/dashboard?period=today", "lead"),
    ("admin: staff", "/desk/admin/staff", "admin"),
    ("admin: knowledge base", "/desk/admin/kb", "admin"),
]
SERVER_TIME = re.compile(r"app;dur=([\d.]+)")


def _people(database: Database) -> tuple[dict[str, str], list[int], list[int], list[int]]:
    """The signed-in staff (e-mail by role), the requesters, the teams and the agents' ids."""
    with database.transaction() as db:
        teams = list(db.scalars(select(Team.id).order_by(Team.id)))
        emails: dict[str, str] = {}
        staff_ids = []
        for who, role in (("agent", Role.agent), ("lead", Role.supervisor), ("admin", Role.admin)):
            user = create_staff(
                db, email=f"{who}@bench.kefu.cn", name=who, password=PASSWORD, role=role
            )
            emails[who] = user.email
            staff_ids.append(user.id)
        db.add(TeamMembership(team_id=teams[0], user_id=staff_ids[0]))
        db.execute(
            insert(Contact),
            [
                {"platform_user_id": f"bench-{i}", "name": f"用户{i}", "vip_level": i % 4}
                for i in range(2000)
            ],
        )
        contacts = list(db.scalars(select(Contact.id)))
    return emails, contacts, teams, staff_ids


def _sign_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    client.post(
        "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
    ).raise_for_status()
    return client


def measure(clients: dict[str, httpx.Client], number: int, repeats: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, path, who in PAGES:
        client = clients[who]
        url = path.format(number=number)
        server_ms: list[float] = []
        round_trip_ms: list[float] = []
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(url, headers={"Accept-Language": "zh-CN"})
            round_trip_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}: {response.text[:300]}")
            timing = SERVER_TIME.search(response.headers.get("server-timing", ""))
            assert timing is not None, url
            server_ms.append(float(timing.group(1)))
        results[name] = {
            "path": url,
            "server_p50_ms": statistics.median(server_ms),
            "server_p99_ms": percentile(server_ms, 0.99),
            "round_trip_p50_ms": statistics.median(round_trip_ms),
            "bytes": len(response.content),
        }
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="PostgreSQL server to benchmark (default SQLite)")
    parser.add_argument("--tickets", type=int, default=100_000, help="tickets to load")
    parser.add_argument("--repeats", type=int, default=30, help="timed fetches per page")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {
        "backend": "postgresql" if args.database_url else "sqlite",
        "cores": os.cpu_count(),
        "tickets": args.tickets,
    }
    with fresh_database(args.database_url) as url, tempfile.TemporaryDirectory() as data_dir:
        database = Database(url)
        upgrade(database.write_engine)
        emails, contacts, teams, staff_ids = _people(database)
        started = time.perf_counter()
        bulk_load(database, args.tickets, load_texts(), teams, staff_ids[:2], contacts)
        report["load_seconds"] = round(time.perf_counter() - started, 1)
        with database.transaction() as db:
            number = db.scalar(
                select(Ticket.number).where(Ticket.team_id == teams[0]).order_by(Ticket.id)
            )
        database.dispose()
        assert number is not None
        with server(url, data_dir) as base:
            clients = {who: _sign_in(base, email) for who, email in emails.items()}
            measure(clients, number, 2)  # warm up: first use loads models and caches
            report["pages"] = measure(clients, number, args.repeats)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    print(
        f"{report['tickets']:,} tickets on {report['backend']}, {report['cores']} cores "
        f"(loaded in {report['load_seconds']} s); server time per page, target ≤ {TARGET_MS:.0f} ms"
    )
    print(f"  {'page':<28}{'p50 ms':>9}{'p99 ms':>9}{'trip p50':>10}{'KiB':>7}")
    for name, row in report["pages"].items():
        flag = "" if row["server_p99_ms"] <= TARGET_MS else "  over target"
        print(
            f"  {name:<28}{row['server_p50_ms']:>9.1f}{row['server_p99_ms']:>9.1f}"
            f"{row['round_trip_p50_ms']:>10.1f}{row['bytes'] / 1024:>7.1f}{flag}"
        )


if __name__ == "__main__":
    main()
