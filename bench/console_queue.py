"""The agent console's queue on a big desk: ``GET /desk`` (views with counts and the first
page, rendered) and ``GET /api/v1/views`` for an agent in one team and for a supervisor.

    uv run python bench/console_queue.py                       # SQLite, 100,000 tickets
    uv run python bench/console_queue.py --database-url postgresql://postgres@127.0.0.1:5432/test

Tickets are bulk-inserted (with their search text); statuses are drawn as in bench/tickets.py,
so about two thirds are unsolved, spread over 8 teams (and no team) and 40 agents (and none).
In-process (TestClient), so the figures are kefu's and the database's time, not the network's.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from kefu.app import create_app
from kefu.auth.deps import SESSION_COOKIE
from kefu.auth.models import Role, Team
from kefu.auth.service import create_staff, open_session
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.kit.text import document_tokens
from kefu.tickets.models import Ticket, TicketSearch
from kefu.tickets.numbers import set_last_ticket_number
from kefu.triage.taxonomy import CATEGORY_KEYS

STATUSES = ["new", "open", "open", "pending", "on_hold", "solved", "solved", "closed"]
PRIORITIES = ["low", "normal", "normal", "normal", "high", "urgent"]
WORDS = ["直播", "卡顿", "退款", "登录", "验证码", "账号", "video", "upload", "refund", "crash"]


def _database(url: str | None, folder: Path) -> tuple[Database, tuple[Engine, str] | None]:
    if not url:
        return Database(f"sqlite:///{folder / 'bench.db'}"), None
    admin_url = make_url(url).set(drivername="postgresql+psycopg")
    name = f"kefu_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return Database(admin_url.set(database=name).render_as_string(hide_password=False)), (
        admin,
        name,
    )


def load(database: Database, count: int) -> tuple[str, str]:
    """The desk: staff, contacts and ``count`` tickets; returns an agent's and a lead's session."""
    rng = random.Random(7)
    with database.transaction() as db:
        teams = [t.slug for t in db.scalars(select(Team).order_by(Team.id))]
        agents = [
            create_staff(
                db,
                email=f"agent{i}@bench.example",
                name=f"Agent {i}",
                password="bench-password-1",
                role=Role.agent,
                team_slugs=[teams[i % len(teams)]],
            )
            for i in range(40)
        ]
        lead = create_staff(
            db,
            email="lead@bench.example",
            name="Lead",
            password="bench-password-1",
            role=Role.supervisor,
            team_slugs=teams[:2],
        )
        db.add_all(Contact(name=f"User {i}", platform_user_id=f"u{i}") for i in range(2000))
        db.flush()
        contact_ids = list(db.scalars(select(Contact.id)))
        team_ids = list(db.scalars(select(Team.id)))
        agent_ids = [a.id for a in agents]
        agent_token, _ = open_session(db, agents[0], hours=2)
        lead_token, _ = open_session(db, lead, hours=2)
    now = utcnow()
    number = 10000
    for start in range(0, count, 5000):
        rows = []
        for _ in range(min(5000, count - start)):
            number += 1
            created = now - timedelta(minutes=rng.randrange(60 * 24 * 365))
            rows.append(
                {
                    "number": number,
                    "subject": " ".join(rng.sample(WORDS, 3)),
                    "type": "question",
                    "category": rng.choice(CATEGORY_KEYS),
                    "status": rng.choice(STATUSES),
                    "priority": rng.choice(PRIORITIES),
                    "channel": "web",
                    "locale": rng.choice(["zh-CN", "en"]),
                    "requester_id": rng.choice(contact_ids),
                    "team_id": rng.choice([*team_ids, None]),
                    "assignee_id": rng.choice([*agent_ids, None, None, None]),
                    "needs_triage": rng.random() < 0.03,
                    "created_at": created,
                    "updated_at": created + timedelta(minutes=rng.randrange(600)),
                    "version": 1,
                }
            )
        with database.transaction() as db:
            ids = db.execute(insert(Ticket).returning(Ticket.id, Ticket.subject), rows).all()
            db.execute(
                insert(TicketSearch),
                [{"ticket_id": i, "content": " ".join(document_tokens(s))} for i, s in ids],
            )
            set_last_ticket_number(db, number)
    with database.write_engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return agent_token, lead_token


def timed(client: TestClient, path: str, token: str, repeat: int) -> dict[str, float]:
    client.cookies.set(SESSION_COOKIE, token)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text[:300]
    times.sort()
    return {"p50_ms": statistics.median(times), "max_ms": times[-1]}


def run(url: str | None, count: int, repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        database, cleanup = _database(url, Path(folder))
        try:
            upgrade(database.write_engine)
            started = time.perf_counter()
            agent, lead = load(database, count)
            results: dict[str, Any] = {
                "backend": database.write_engine.dialect.name,
                "tickets": count,
                "load_s": round(time.perf_counter() - started, 1),
            }
            settings = Settings(env="test", data_dir=Path(folder) / "data", inline_worker=False)
            with TestClient(create_app(settings, database)) as client:
                for who, token in (("agent", agent), ("supervisor", lead)):
                    for name, path in (
                        ("GET /desk", "/desk"),
                        ("GET /desk all open", "/desk?view=all_open"),
                        ("GET /desk search", "/desk?view=all_open&q=%E7%9B%B4%E6%92%AD"),
                        ("GET /api/v1/views", "/api/v1/views"),
                        (
                            "GET /api/v1/tickets mine",
                            "/api/v1/tickets?assignee=me&status=new&status=open&status=pending&status=on_hold",
                        ),
                    ):
                        timed(client, path, token, 2)  # warm caches
                        results[f"{who}: {name}"] = timed(client, path, token, repeat)
            return results
        finally:
            database.dispose()
            if cleanup:
                admin, name = cleanup
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url")
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(json.dumps(run(args.database_url, args.tickets, args.repeat), indent=2))


if __name__ == "__main__":
    main()
