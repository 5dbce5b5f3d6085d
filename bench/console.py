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
from kefu.auth.models import Role, Team
from kefu.auth.service import create_staff
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.tickets.models import Ticket

PASSWORD = "bench-password-2026"
TARGET_MS = 200.0
# (name, path, who); {number} is a ticket of the agent's team, {requester} its requester
PAGES: list[tuple[str, str, str]] = [
    ("queue: default view", "/desk", "agent"),
    ("queue: unassigned", "/desk?view=unassigned", "agent"),
    ("queue: my teams", "/desk?view=my_teams", "agent"),
    ("queue: needs triage", "/desk?view=needs_triage", "agent"),
    ("queue: all open (lead)", "/desk?view=all_open", "lead"),
    ("queue: by priority (lead)", "/desk?view=all_open&sort=priority", "lead"),
    ("queue: search 验证码 (lead)", "/desk?view=all_open&q=验证码", "lead"),
    ("views with counts (API)", "/api/v1/views", "agent"),
    ("ticket page", "/desk/tickets/{number}", "agent"),
    ("ticket: conversation (API)", "/api/v1/tickets/{number}/messages", "agent"),
    ("ticket: timeline (API)", "/api/v1/tickets/{number}/events", "agent"),
    ("ticket: triage (API)", "/api/v1/tickets/{number}/triage", "agent"),
    ("ticket: suggestions (API)", "/api/v1/tickets/{number}/assist", "agent"),
    ("ticket: requester's (API)", "/api/v1/tickets?requester_id={requester}&limit=20", "agent"),
    ("dashboard: today", "/desk/dashboard?period=today", "lead"),
    ("dashboard: 7 days", "/desk/dashboard?period=7d", "lead"),
    ("dashboard: 30 days", "/desk/dashboard?period=30d", "lead"),
    ("admin: staff", "/desk/admin/staff", "admin"),
    ("admin: knowledge base", "/desk/admin/kb", "admin"),
    ("admin: macros", "/desk/admin/macros", "admin"),
]
SERVER_TIME = re.compile(r"app;dur=([\d.]+)")


def _people(database: Database) -> tuple[dict[str, str], list[int], list[int], list[int]]:
    """The signed-in staff (e-mail by who), the requesters, the teams and the agents' ids: 40
    agents spread over the teams, a supervisor in two teams, an admin, 2,000 requesters."""
    with database.transaction() as db:
        teams = list(db.scalars(select(Team.id).order_by(Team.id)))
        slugs = list(db.scalars(select(Team.slug).order_by(Team.id)))
        agents = [
            create_staff(
                db,
                email=f"agent{i}@bench.kefu.cn",
                name=f"客服{i}",
                password=PASSWORD,
                role=Role.agent,
                team_slugs=[slugs[i % len(slugs)]],
            )
            for i in range(40)
        ]
        create_staff(
            db,
            email="lead@bench.kefu.cn",
            name="lead",
            password=PASSWORD,
            role=Role.supervisor,
            team_slugs=slugs[:2],
        )
        create_staff(
            db, email="admin@bench.kefu.cn", name="admin", password=PASSWORD, role=Role.admin
        )
        db.execute(
            insert(Contact),
            [
                {"platform_user_id": f"bench-{i}", "name": f"用户{i}", "vip_level": i % 4}
                for i in range(2000)
            ],
        )
        contacts = list(db.scalars(select(Contact.id)))
    emails = {
        "agent": "agent0@bench.kefu.cn",
        "lead": "lead@bench.kefu.cn",
        "admin": "admin@bench.kefu.cn",
    }
    return emails, contacts, teams, [agent.id for agent in agents]


def _sign_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    client.post(
        "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
    ).raise_for_status()
    return client


def measure(
    clients: dict[str, httpx.Client], number: int, requester: int, repeats: int
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, path, who in PAGES:
        client = clients[who]
        url = path.format(number=number, requester=requester)
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
        bulk_load(database, args.tickets, load_texts(), teams, staff_ids, contacts)
        report["load_seconds"] = round(time.perf_counter() - started, 1)
        with database.transaction() as db:
            ticket = db.scalars(
                select(Ticket).where(Ticket.team_id == teams[0]).order_by(Ticket.id)
            ).first()
            assert ticket is not None
            number, requester = ticket.number, ticket.requester_id
        database.dispose()
        with server(url, data_dir) as base:
            clients = {who: _sign_in(base, email) for who, email in emails.items()}
            measure(clients, number, requester, 2)  # warm up: first use loads models and caches
            report["pages"] = measure(clients, number, requester, args.repeats)
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
