"""The supervisor dashboard at size: server time of the analytics and of the page.

Bulk-loads ``--tickets`` tickets (default 100,000) spread over the last ``--days`` days into a
fresh database (a temporary SQLite file, or a new database on the PostgreSQL server named by
``--database-url``, dropped afterwards): about 8 % unsolved, the rest answered, most solved,
30 % of those rated, plus one bot conversation for every two tickets. It then times, in
process, ``analytics.service.dashboard`` for each period (all teams and one team) and the
page and fragment through the ASGI app, and prints one JSON object (milliseconds).

    uv run python bench/dashboard.py                      # SQLite, 100k over a year
    uv run python bench/dashboard.py --days 30            # the worst case: all in 30 days
    uv run python bench/dashboard.py --database-url postgresql://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import insert, select, text

from harness import fresh_database
from kefu.analytics.periods import Period
from kefu.analytics.service import dashboard
from kefu.app import create_app
from kefu.auth.models import Role, StaffUser, Team
from kefu.auth.service import open_session
from kefu.bot.models import BotConversation
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.tickets.models import Rating, Ticket
from kefu.tickets.numbers import set_last_ticket_number
from kefu.triage.taxonomy import CATEGORY_KEYS

PRIORITIES = ["low", "normal", "normal", "normal", "high", "urgent"]
OPEN = ["new", "open", "open", "pending", "on_hold"]


def bulk_load(database: Database, tickets: int, days: int) -> None:
    rng = random.Random(tickets)
    now = utcnow()
    with database.transaction() as db:
        contact = Contact(name="bench", platform_user_id="bench")
        db.add(contact)
        db.flush()
        contact_id = contact.id
        team_ids = list(db.scalars(select(Team.id)))
    batch, number, made = 5000, 10000, 0
    while made < tickets:
        size = min(batch, tickets - made)
        rows: list[dict[str, Any]] = []
        ratings: list[dict[str, Any]] = []
        chats: list[dict[str, Any]] = []
        for _ in range(size):
            number += 1
            created = now - timedelta(seconds=rng.randrange(days * 86400))
            age = (now - created).total_seconds()
            status = rng.choice(OPEN) if rng.random() < 0.08 else rng.choice(["solved", "closed"])
            wait = min(age, rng.expovariate(1 / 3600))
            answered = status not in ("new",) and rng.random() < 0.95
            solved = status in ("solved", "closed")
            solve = min(age, wait + rng.expovariate(1 / 36000)) if solved else None
            rows.append(
                {
                    "number": number,
                    "subject": f"bench ticket {number}",
                    "type": "question",
                    "category": rng.choice([*CATEGORY_KEYS, None]),
                    "status": status,
                    "priority": rng.choice(PRIORITIES),
                    "channel": rng.choice(["web", "chat", "email", "api"]),
                    "locale": "zh-CN",
                    "requester_id": contact_id,
                    "team_id": rng.choice([*team_ids, None]),
                    "needs_triage": rng.random() < 0.03,
                    "created_at": created,
                    "updated_at": created,
                    "first_response_at": created + timedelta(seconds=wait) if answered else None,
                    "solved_at": created + timedelta(seconds=solve) if solve is not None else None,
                    "version": 1,
                }
            )
        with database.transaction() as db:
            ids = db.scalars(insert(Ticket).returning(Ticket.id), rows).all()
            for ticket_id, row in zip(ids, rows, strict=True):
                if row["solved_at"] is not None and rng.random() < 0.3:
                    moment = row["solved_at"] + timedelta(minutes=5)
                    ratings.append(
                        {
                            "ticket_id": ticket_id,
                            "contact_id": contact_id,
                            "score": rng.choice([1, 2, 3, 4, 4, 5, 5, 5]),
                            "comment": "",
                            "created_at": moment,
                            "updated_at": moment,
                        }
                    )
                if rng.random() < 0.5:
                    started = row["created_at"] - timedelta(minutes=3)
                    handed = rng.random() < 0.3
                    chats.append(
                        {
                            "contact_id": contact_id,
                            "locale": "zh-CN",
                            "status": "handed_off" if handed else rng.choice(["resolved", "bot"]),
                            "ticket_id": ticket_id if handed else None,
                            "state": {},
                            "failures": 0,
                            "turns": 3,
                            "last_seq": 0,
                            "created_at": started,
                            "updated_at": started + timedelta(minutes=2),
                        }
                    )
            if ratings:
                db.execute(insert(Rating), ratings)
            if chats:
                db.execute(insert(BotConversation), chats)
            set_last_ticket_number(db, number)
        made += size
    with database.write_engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()


def timed(action: Callable[[], object], repeat: int) -> dict[str, float]:
    """Wall time, and the process's CPU time: on a busy shared machine the wall time also
    counts waiting for a core, the CPU time only this work (SQLite runs in the process)."""
    action()  # warm the caches once
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {
        "median_ms": round(statistics.median(wall), 1),
        "max_ms": round(max(wall), 1),
        "cpu_median_ms": round(statistics.median(cpu), 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {"tickets": args.tickets, "days": args.days}
    with fresh_database(args.database_url or None) as url, tempfile.TemporaryDirectory() as tmp:
        database = Database(url)
        upgrade(database.write_engine)
        started = time.perf_counter()
        bulk_load(database, args.tickets, args.days)
        report["load_s"] = round(time.perf_counter() - started, 1)
        report["backend"] = "sqlite" if database.is_sqlite else "postgresql"
        settings = Settings(env="test", data_dir=Path(tmp), inline_worker=False)
        with database.transaction() as db:
            team_id = db.scalar(select(Team.id).order_by(Team.id).limit(1))
            lead = StaffUser(
                email="lead@bench.test", name="Lead", role=Role.supervisor, password_hash="x"
            )
            db.add(lead)
            db.flush()
            token, _ = open_session(db, lead, hours=1)
        service: dict[str, Any] = {}
        for period in Period:
            for label, team in (("all", None), ("team", team_id)):

                def run(period: Period = period, team: int | None = team) -> None:
                    with database.transaction(write=False) as db:
                        dashboard(db, settings, period, team)

                service[f"{period.value} {label}"] = timed(run, args.repeat)
        report["service"] = service
        with TestClient(create_app(settings, database)) as client:
            for thread in threading.enumerate():  # the triage models load in the background
                if thread.name == "triage-warm-up":
                    thread.join()
            client.cookies.set("kefu_session", token)
            pages = {}
            for path in (
                "/api/v1/analytics/dashboard?period=30d",
                "/desk/dashboard?period=30d",
                "/desk/dashboard/panels?period=7d",
                "/desk/dashboard/panels?period=today",
            ):
                assert client.get(path).status_code == 200, path
                pages[path] = timed(partial(client.get, path), args.repeat)
            report["http"] = pages
        database.dispose()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
