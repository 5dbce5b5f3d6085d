"""Every change to a ticket becomes an event: who, what, old → new, when."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.orm import Session

from kefu.auth.actors import Actor, ApiActor, ContactActor, StaffActor
from kefu.kit.clock import utcnow
from kefu.tickets.models import ActorType, Ticket, TicketEvent


class EventKind(StrEnum):
    created = "created"
    field_changed = "field_changed"
    status_changed = "status_changed"
    message_added = "message_added"
    escalated = "escalated"
    child_solved = "child_solved"
    merged_into = "merged_into"
    merged_in = "merged_in"
    follow_up_created = "follow_up_created"
    rated = "rated"


# Events that change the ticket itself (not just add to its conversation) bump its version.
EDITS = frozenset(
    {
        EventKind.field_changed,
        EventKind.status_changed,
        EventKind.escalated,
        EventKind.merged_into,
        EventKind.merged_in,
    }
)


def actor_columns(actor: Actor) -> tuple[str, int | None, int | None]:
    """(actor_type, staff id, contact id) for an actor."""
    if isinstance(actor, StaffActor):
        return ActorType.staff, actor.user.id, None
    if isinstance(actor, ContactActor):
        return ActorType.contact, None, actor.contact.id
    if isinstance(actor, ApiActor):
        return ActorType.api, None, None
    return ActorType.system, None, None


def record_event(
    db: Session,
    ticket: Ticket,
    actor: Actor,
    kind: EventKind,
    *,
    field: str | None = None,
    old: object = None,
    new: object = None,
    public: bool = False,
) -> TicketEvent:
    actor_type, staff_id, contact_id = actor_columns(actor)
    now = utcnow()
    event = TicketEvent(
        ticket_id=ticket.id,
        actor_type=actor_type,
        actor_staff_id=staff_id,
        actor_contact_id=contact_id,
        kind=kind,
        field=field,
        old_value=None if old is None else str(old),
        new_value=None if new is None else str(new),
        public=public,
        created_at=now,
    )
    db.add(event)
    ticket.updated_at = now
    if kind in EDITS:
        ticket.version += 1
    return event
