from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from kefu.tickets.models import Counter

TICKET_COUNTER = "ticket_number"


def next_ticket_number(db: Session) -> int:
    """The next human-friendly ticket number; the row lock serialises concurrent writers."""
    value = db.scalar(
        update(Counter)
        .where(Counter.name == TICKET_COUNTER)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    )
    if value is None:
        raise RuntimeError("the ticket_number counter is missing; run `kefu db upgrade`")
    return int(value)
