"""What happens when the requester writes again, and how they rate the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM, ContactActor
from kefu.kit.clock import utcnow
from kefu.kit.events import publish
from kefu.tickets.errors import NotRatable
from kefu.tickets.events import MessageReceived, TicketRated
from kefu.tickets.intake import NewTicket, add_message, create_ticket
from kefu.tickets.models import Message, Rating, Status, Ticket
from kefu.tickets.timeline import EventKind, record_event
from kefu.tickets.workflow import set_status


def _where_replies_go(db: Session, ticket: Ticket) -> Ticket:
    """Follow the ticket a merge kept, and the open follow-up of a closed ticket, so replies
    gather on one live ticket of the same requester instead of spawning new ones."""
    seen = {ticket.id}
    while True:
        if ticket.merged_into_id is not None:
            following = db.get(Ticket, ticket.merged_into_id, with_for_update=True)
        elif ticket.status == Status.closed:
            following = db.scalar(
                select(Ticket)
                .where(Ticket.follow_up_of_id == ticket.id, Ticket.status != Status.closed)
                .order_by(Ticket.id.desc())
                .limit(1)
                .with_for_update()
            )
        else:
            return ticket
        if following is None or following.id in seen:
            return ticket
        if following.requester_id != ticket.requester_id:
            return ticket
        seen.add(following.id)
        ticket = following


@dataclass(frozen=True)
class Reply:
    ticket: Ticket  # the ticket that received the reply
    message: Message
    follow_up: bool  # True when the reply started a follow-up ticket


def reply_as_requester(
    db: Session,
    ticket: Ticket,
    actor: ContactActor,
    body: str,
    *,
    attachment_ids: list[int],
    reopen_window: timedelta,
) -> Reply:
    """Add the requester's reply where it belongs.

    A merged ticket forwards to the one it was merged into. A solved ticket reopens within the
    reopen window; after it, or once closed, the reply starts a follow-up ticket.
    """
    ticket = _where_replies_go(db, ticket)
    expired = ticket.status == Status.solved and (
        ticket.solved_at is None or utcnow() - ticket.solved_at > reopen_window
    )
    if ticket.status == Status.closed or expired:
        follow_up = create_ticket(
            db,
            actor,
            actor.contact,
            NewTicket(
                subject=ticket.subject,
                body=body,
                type=ticket.type,
                category=ticket.category,
                priority=ticket.priority,
                channel=ticket.channel,
                locale=ticket.locale,
                attachment_ids=attachment_ids,
            ),
            team_id=ticket.team_id,
            follow_up_of=ticket,
        )
        record_event(
            db, ticket, actor, EventKind.follow_up_created, new=follow_up.number, public=True
        )
        if ticket.status == Status.solved:  # its reopen window has passed: it is done
            set_status(db, ticket, SYSTEM, Status.closed)
        db.flush()
        return Reply(follow_up, _last_message(db, follow_up), follow_up=True)
    message = add_message(db, ticket, actor, body, attachment_ids=attachment_ids)
    if ticket.status in (Status.solved, Status.pending):
        set_status(db, ticket, actor, Status.open)
    db.flush()
    publish(db, MessageReceived(ticket.id, message.id, first=False))
    return Reply(ticket, message, follow_up=False)


def _last_message(db: Session, ticket: Ticket) -> Message:
    return db.scalars(
        select(Message).where(Message.ticket_id == ticket.id).order_by(Message.id.desc()).limit(1)
    ).one()


def rate(db: Session, ticket: Ticket, actor: ContactActor, score: int, comment: str) -> Rating:
    if ticket.status not in (Status.solved, Status.closed) or ticket.merged_into_id is not None:
        raise NotRatable()
    rating = db.get(Rating, ticket.id)
    now = utcnow()
    old = rating.score if rating else None
    if rating is None:
        rating = Rating(
            ticket_id=ticket.id,
            contact_id=actor.contact.id,
            created_at=now,
            score=score,
            comment=comment,
        )
        db.add(rating)
    rating.score, rating.comment, rating.updated_at = score, comment, now
    record_event(
        db, ticket, actor, EventKind.rated, field="rating", old=old, new=score, public=True
    )
    db.flush()
    publish(db, TicketRated(ticket.id, score, old))
    return rating
