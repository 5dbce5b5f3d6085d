"""Tickets for the benchmarks: bilingual texts from the triage seed data, bulk-loaded straight
into the tables (with their search text) up to a size."""

from __future__ import annotations

import csv
import random
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text

from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.text import document_tokens
from kefu.tickets.models import Message, Ticket, TicketSearch
from kefu.tickets.numbers import set_last_ticket_number

SEED_DIR = Path(__file__).resolve().parents[1] / "src" / "kefu" / "triage" / "data"
STATUSES = ["new", "open", "open", "pending", "on_hold", "solved", "solved", "closed"]
PRIORITIES = ["low", "normal", "normal", "normal", "high", "urgent"]


def load_texts() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name in ("seed_zh.csv", "seed_en.csv"):
        with open(SEED_DIR / name, encoding="utf-8") as handle:
            rows += [(row["text"], row["label"]) for row in csv.DictReader(handle)]
    return rows


def bulk_load(
    database: Database,
    target: int,
    texts: list[tuple[str, str]],
    team_ids: list[int],
    staff_ids: list[int],
    contact_ids: list[int],
) -> None:
    """Insert tickets straight into the tables (with their search text) up to ``target``:
    spread over the contacts, teams and staff given, over the past year, answered and solved
    at plausible times for their status."""
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
            status = rng.choice(STATUSES)
            answered = created + timedelta(minutes=rng.randrange(1, 48 * 60))
            solved = answered + timedelta(minutes=rng.randrange(1, 72 * 60))
            tickets.append(
                {
                    "number": number,
                    "subject": body[:60],
                    "type": "question",
                    "category": label,
                    "status": status,
                    "priority": rng.choice(PRIORITIES),
                    "channel": "web",
                    "locale": "zh-CN" if any("\u4e00" <= c <= "\u9fff" for c in body) else "en",
                    "requester_id": rng.choice(contact_ids),
                    "team_id": rng.choice([*team_ids, None]),
                    "assignee_id": rng.choice([*staff_ids, None, None, None]),
                    "created_at": created,
                    "updated_at": created + timedelta(minutes=rng.randrange(600)),
                    "first_response_at": answered if status != "new" else None,
                    "solved_at": solved if status in ("solved", "closed") else None,
                    "closed_at": solved if status == "closed" else None,
                    "needs_triage": rng.random() < 0.03,
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
                        "author_contact_id": row["requester_id"],
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
