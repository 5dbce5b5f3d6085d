"""Human-friendly ticket numbers (#10001 up).

PostgreSQL draws them from a sequence, which takes no lock, so concurrent intakes never wait on
each other. SQLite, whose writers are serialised anyway, keeps the last number in a counter row.
"""

from __future__ import annotations

from sqlalchemy import text, update
from sqlalchemy.orm import Session

from kefu.tickets.models import Counter

TICKET_COUNTER = "ticket_number"
TICKET_SEQUENCE = "ticket_number_seq"


def _uses_sequence(db: Session) -> bool:
    return db.get_bind().dialect.name == "postgresql"


def next_ticket_number(db: Session) -> int:
    if _uses_sequence(db):
        return int(db.scalar(text(f"SELECT nextval('{TICKET_SEQUENCE}')")))
    value = db.scalar(
        update(Counter)
        .where(Counter.name == TICKET_COUNTER)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    )
    if value is None:
        raise RuntimeError("the ticket_number counter is missing; run `kefu db upgrade`")
    return int(value)


def set_last_ticket_number(db: Session, number: int) -> None:
    """Continue numbering after ``number`` (after a bulk import)."""
    if _uses_sequence(db):
        db.execute(text(f"SELECT setval('{TICKET_SEQUENCE}', :n)"), {"n": number})
    else:
        db.execute(update(Counter).where(Counter.name == TICKET_COUNTER).values(value=number))
