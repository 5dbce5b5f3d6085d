"""New tickets: from end users, from staff, and from the platform's backend (idempotently)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from kefu.auth.actors import Actor, ApiActor, ContactActor
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.events import publish
from kefu.tickets.attachments import attach
from kefu.tickets.errors import IdempotencyKeyReused
from kefu.tickets.events import MessageReceived, TicketCreated
from kefu.tickets.models import (
    ActorType,
    Channel,
    IdempotencyKey,
    Message,
    MessageKind,
    Priority,
    Status,
    Ticket,
    TicketTag,
    TicketType,
)
from kefu.tickets.numbers import next_ticket_number
from kefu.tickets.search import index_text
from kefu.tickets.timeline import EventKind, actor_columns, record_event


@dataclass
class NewTicket:
    subject: str
    body: str
    type: str = TicketType.question
    category: str | None = None
    priority: str = Priority.normal
    channel: str = Channel.web
    locale: str | None = None
    tags: list[str] = field(default_factory=list)
    attachment_ids: list[int] = field(default_factory=list)


def add_message(
    db: Session,
    ticket: Ticket,
    actor: Actor,
    body: str,
    *,
    kind: MessageKind = MessageKind.public,
    channel: str | None = None,
    on_behalf_of: Contact | None = None,
    attachment_ids: list[int] | None = None,
) -> Message:
    """Append a message to the conversation, index it and put it on the timeline."""
    actor_type, staff_id, contact_id = actor_columns(actor)
    if on_behalf_of is not None:  # the platform relays what its user wrote
        actor_type, contact_id = ActorType.contact, on_behalf_of.id
    message = Message(
        ticket_id=ticket.id,
        kind=kind,
        author_type=actor_type,
        author_staff_id=staff_id,
        author_contact_id=contact_id,
        body=body,
        channel=channel or ticket.channel,
        created_at=utcnow(),
    )
    db.add(message)
    db.flush()
    attach(db, actor, message, attachment_ids or [])
    index_text(db, ticket.id, body)
    record_event(
        db, ticket, actor, EventKind.message_added, new=kind, public=kind == MessageKind.public
    )
    return message


def create_ticket(
    db: Session,
    actor: Actor,
    requester: Contact,
    data: NewTicket,
    *,
    team_id: int | None = None,
    parent: Ticket | None = None,
    follow_up_of: Ticket | None = None,
    first_message_kind: MessageKind = MessageKind.public,
) -> Ticket:
    now = utcnow()
    ticket = Ticket(
        number=next_ticket_number(db),
        subject=data.subject,
        type=data.type,
        category=data.category,
        status=Status.new,
        priority=data.priority,
        channel=data.channel,
        locale=data.locale or requester.locale,
        requester_id=requester.id,
        team_id=team_id,
        parent_id=parent.id if parent else None,
        follow_up_of_id=follow_up_of.id if follow_up_of else None,
        created_at=now,
        updated_at=now,
    )
    ticket.tag_rows = [TicketTag(tag=tag) for tag in sorted(set(data.tags))]
    db.add(ticket)
    db.flush()
    index_text(db, ticket.id, data.subject)
    record_event(db, ticket, actor, EventKind.created, new=ticket.number, public=True)
    message = add_message(
        db,
        ticket,
        actor,
        data.body,
        kind=first_message_kind,
        on_behalf_of=requester if isinstance(actor, ApiActor) else None,
        attachment_ids=data.attachment_ids,
    )
    db.flush()
    publish(db, TicketCreated(ticket.id))
    if first_message_kind == MessageKind.public and isinstance(actor, ContactActor | ApiActor):
        publish(db, MessageReceived(ticket.id, message.id, first=True))
    return ticket


def request_fingerprint(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replay(db: Session, row: IdempotencyKey, fingerprint: str) -> Ticket:
    if row.request_hash != fingerprint or row.ticket_id is None:
        raise IdempotencyKeyReused()
    ticket = db.get(Ticket, row.ticket_id, options=[selectinload(Ticket.tag_rows)])
    assert ticket is not None
    return ticket


def create_idempotent(
    db: Session,
    actor: ApiActor,
    requester_of: Any,
    data: NewTicket,
    *,
    key: str,
    fingerprint: str,
) -> tuple[Ticket, bool]:
    """Create a ticket once per (token, Idempotency-Key); a retry returns the first ticket.

    ``requester_of`` is called to find or create the requester only when a ticket is created.
    Returns the ticket and whether it was replayed.
    """
    lookup = select(IdempotencyKey).where(
        IdempotencyKey.api_token_id == actor.token.id, IdempotencyKey.key == key
    )
    existing = db.scalar(lookup)
    if existing is not None:
        return _replay(db, existing, fingerprint), True
    row = IdempotencyKey(api_token_id=actor.token.id, key=key, request_hash=fingerprint)
    try:
        # The unique key serialises concurrent retries: the loser waits, then fails here.
        with db.begin_nested():
            db.add(row)
    except IntegrityError:
        return _replay(db, db.scalars(lookup).one(), fingerprint), True
    ticket = create_ticket(db, actor, requester_of(), data)
    row.ticket_id = ticket.id
    db.flush()
    return ticket, False
