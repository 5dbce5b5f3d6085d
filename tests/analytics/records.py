"""Rows with explicit timestamps, written straight to the tables the dashboard reads: the
figures under test are then known exactly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from kefu.bot.models import BotConversation
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.tickets.models import Rating, Ticket
from kefu.tickets.numbers import next_ticket_number


@dataclass
class Records:
    database: Database
    now: datetime
    contact_id: int = 0
    numbers: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        with self.database.transaction() as db:
            contact = Contact(name="Requester", platform_user_id=f"analytics-{id(self)}")
            db.add(contact)
            db.flush()
            self.contact_id = contact.id

    def ticket(
        self,
        age: timedelta,
        *,
        replied_after: timedelta | None = None,
        solved_after: timedelta | None = None,
        status: str = "open",
        priority: str = "normal",
        category: str | None = "account_login",
        team_id: int | None = None,
        assignee_id: int | None = None,
        needs_triage: bool = False,
        channel: str = "web",
        rating: tuple[int, timedelta] | None = None,
    ) -> int:
        """A ticket created ``age`` ago; reply and solve times are after its creation."""
        created = self.now - age
        with self.database.transaction() as db:
            number = next_ticket_number(db)  # as intake numbers them
            ticket = Ticket(
                number=number,
                subject=f"ticket {number}",
                category=category,
                status=status,
                priority=priority,
                channel=channel,
                requester_id=self.contact_id,
                team_id=team_id,
                assignee_id=assignee_id,
                needs_triage=needs_triage,
                created_at=created,
                updated_at=created,
                first_response_at=created + replied_after if replied_after else None,
                solved_at=created + solved_after if solved_after else None,
            )
            db.add(ticket)
            db.flush()
            if rating:
                score, rated_ago = rating
                db.add(
                    Rating(
                        ticket_id=ticket.id,
                        contact_id=self.contact_id,
                        score=score,
                        created_at=self.now - rated_ago,
                        updated_at=self.now - rated_ago,
                    )
                )
        self.numbers.append(number)
        return number

    def conversation(
        self,
        age: timedelta,
        status: str,
        *,
        idle: timedelta = timedelta(hours=1),
        turns: int = 3,
        ticket: bool = False,
    ) -> None:
        with self.database.transaction() as db:
            ticket_id = None
            if ticket:
                ticket_id = db.scalar(select(Ticket.id).order_by(Ticket.id.desc()).limit(1))
            db.add(
                BotConversation(
                    contact_id=self.contact_id,
                    locale="en",
                    status=status,
                    ticket_id=ticket_id,
                    turns=turns,
                    created_at=self.now - age,
                    updated_at=self.now - idle,
                )
            )
