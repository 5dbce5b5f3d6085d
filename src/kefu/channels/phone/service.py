"""Logging phone calls: the call is kept on the contact, and written on the ticket's timeline
as an internal note (an inbound call may open a phone ticket of its own)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kefu.auth.actors import StaffActor
from kefu.channels.phone.errors import (
    CallContactMismatch,
    CallNeedsNotes,
    CallStartsInFuture,
    ContactNotFound,
    TicketForOutboundCall,
)
from kefu.channels.phone.models import Direction, PhoneCall
from kefu.contacts.models import Contact
from kefu.contacts.service import contact_for_phone
from kefu.kit.clock import utcnow
from kefu.kit.i18n import as_locale, pick, text
from kefu.tickets.intake import NewTicket, create_ticket
from kefu.tickets.models import Channel, Message, MessageKind, Ticket
from kefu.tickets.queries import ticket_for_staff, visible_to
from kefu.tickets.workflow import reply_as_staff

CLOCK_SKEW = timedelta(minutes=5)  # the agent's clock may run a little ahead of ours
SUBJECT_FROM_NOTES = 60
DIRECTION_NAMES = {
    Direction.inbound: text("Inbound call", "来电"),
    Direction.outbound: text("Outbound call", "外呼"),
}
CALL_NOTE = text(
    "{direction} · {number} · {started} UTC · {duration}",
    "{direction} · {number} · {started}（UTC）· {duration}",
)
RECORDING = text("Recording: {ref}", "录音：{ref}")
NEW_TICKET_SUBJECT = text("Phone call from {number}", "来电 {number}")


@dataclass
class NewCall:
    number: str
    direction: str
    started_at: datetime
    duration_seconds: int
    notes: str = ""
    recording_ref: str | None = None
    contact_id: int | None = None
    ticket_number: int | None = None
    create_ticket: bool = False
    subject: str | None = None


def _duration(seconds: int, locale: str) -> str:
    minutes, rest = divmod(seconds, 60)
    if locale == "zh-CN":
        return f"{minutes} 分 {rest} 秒" if minutes else f"{rest} 秒"
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def _note(call: NewCall, locale: str) -> str:
    lang = as_locale(locale)
    lines = [
        pick(CALL_NOTE, lang).format(
            direction=pick(DIRECTION_NAMES[Direction(call.direction)], lang),
            number=call.number,
            started=f"{call.started_at.astimezone(UTC):%Y-%m-%d %H:%M}",
            duration=_duration(call.duration_seconds, lang),
        )
    ]
    if call.recording_ref:
        lines.append(pick(RECORDING, lang).format(ref=call.recording_ref))
    if call.notes:
        lines += ["", call.notes]
    return "\n".join(lines)


def _contact(db: Session, call: NewCall, ticket: Ticket | None, locale: str) -> Contact:
    if call.contact_id is not None:
        contact = db.get(Contact, call.contact_id)
        if contact is None:
            raise ContactNotFound(id=call.contact_id)
        if ticket is not None and ticket.requester_id != contact.id:
            raise CallContactMismatch(contact=contact.id, number=ticket.number)
        return contact
    if ticket is not None:
        requester = db.get(Contact, ticket.requester_id)
        assert requester is not None
        return requester
    return contact_for_phone(db, call.number, locale=locale)


def log_call(db: Session, actor: StaffActor, call: NewCall) -> tuple[PhoneCall, Ticket | None]:
    if call.started_at > utcnow() + CLOCK_SKEW:
        raise CallStartsInFuture(started_at=call.started_at.isoformat())
    ticket = None
    if call.ticket_number is not None:
        ticket = ticket_for_staff(db, actor, call.ticket_number, for_update=True)
    elif call.create_ticket:
        if call.direction != Direction.inbound:
            raise TicketForOutboundCall()
        if not call.notes:
            raise CallNeedsNotes()
    contact = _contact(db, call, ticket, actor.user.locale)
    if ticket is None and call.create_ticket:
        locale = contact.locale
        subject = call.subject or pick(NEW_TICKET_SUBJECT, as_locale(locale)).format(
            number=call.number
        )
        ticket = create_ticket(
            db,
            actor,
            contact,
            NewTicket(
                subject=subject[:200],
                body=_note(call, locale),
                channel=Channel.phone,
                locale=locale,
                tags=["phone"],
            ),
            first_message_kind=MessageKind.internal,
        )
        message_id = db.scalar(
            select(Message.id).where(Message.ticket_id == ticket.id).order_by(Message.id).limit(1)
        )
    elif ticket is not None:
        message_id = reply_as_staff(
            db, ticket, actor, _note(call, ticket.locale), internal=True, attachment_ids=[]
        ).id
    else:
        message_id = None
    row = PhoneCall(
        contact_id=contact.id,
        ticket_id=ticket.id if ticket else None,
        message_id=message_id,
        number=call.number,
        direction=call.direction,
        started_at=call.started_at,
        duration_seconds=call.duration_seconds,
        notes=call.notes,
        recording_ref=call.recording_ref,
        logged_by_staff_id=actor.user.id,
        created_at=utcnow(),
    )
    db.add(row)
    db.flush()
    return row, ticket


def calls_of_ticket(db: Session, actor: StaffActor, number: int) -> list[PhoneCall]:
    ticket = ticket_for_staff(db, actor, number)
    query = select(PhoneCall).where(PhoneCall.ticket_id == ticket.id)
    return list(db.scalars(query.order_by(PhoneCall.started_at, PhoneCall.id)).all())


def calls_of_contact(
    db: Session, actor: StaffActor, contact_id: int, *, limit: int, before_id: int | None
) -> list[PhoneCall]:
    """A contact's calls, newest logged first; those on tickets the agent cannot see are left
    out (their notes belong to that ticket's team)."""
    if db.get(Contact, contact_id) is None:
        raise ContactNotFound(id=contact_id)
    query = (
        select(PhoneCall)
        .outerjoin(Ticket, Ticket.id == PhoneCall.ticket_id)
        .where(PhoneCall.contact_id == contact_id)
        .where(or_(PhoneCall.ticket_id.is_(None), visible_to(actor)))
    )
    if before_id is not None:
        query = query.where(PhoneCall.id < before_id)
    return list(db.scalars(query.order_by(PhoneCall.id.desc()).limit(limit)).all())


def ticket_numbers(db: Session, calls: list[PhoneCall]) -> dict[int, int]:
    ids = {c.ticket_id for c in calls if c.ticket_id is not None}
    if not ids:
        return {}
    query = select(Ticket.id, Ticket.number).where(Ticket.id.in_(ids))
    return {ticket_id: number for ticket_id, number in db.execute(query)}
