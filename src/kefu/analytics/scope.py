"""What one dashboard request looks at: the window, an optional team, and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, func, literal_column, true
from sqlalchemy.orm import Session

from kefu.analytics.periods import Window
from kefu.tickets.models import UNSOLVED_SQL, Ticket


@dataclass(frozen=True)
class Scope:
    db: Session
    window: Window
    team_id: int | None

    @property
    def dialect(self) -> str:
        return self.db.get_bind().dialect.name

    def team(self) -> ColumnElement[Any]:
        """Tickets of the chosen team (every ticket without a team filter)."""
        return Ticket.team_id == self.team_id if self.team_id is not None else true()


def likely(condition: ColumnElement[bool], db: Session) -> ColumnElement[bool]:
    """A condition most candidate rows meet (no first reply among unsolved tickets): SQLite
    then reads the unsolved tickets' index instead of the first-reply one."""
    if db.get_bind().dialect.name == "sqlite":
        return func.likelihood(condition, literal_column("0.9"))
    return condition


def rare(condition: ColumnElement[bool], db: Session) -> ColumnElement[bool]:
    """A condition few tickets meet (unsolved: most tickets are solved or closed). SQLite's
    statistics know only that status has a handful of values, so without the hint it would
    rather scan every ticket than search the status index; PostgreSQL's know the skew."""
    if db.get_bind().dialect.name == "sqlite":
        return func.likelihood(condition, literal_column("0.05"))
    return condition


def unsolved_tickets(db: Session) -> ColumnElement[bool]:
    """Unsolved tickets, written exactly as the partial index ``ix_tickets_unsolved`` states
    its condition (values inline, same order), so SQLite can tell that the index serves."""
    return rare(literal_column(f"tickets.{UNSOLVED_SQL}", Boolean), db)
