"""Turning rows into API shapes, loading each kind of related row once per batch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kefu.auth.models import StaffUser, Team
from kefu.auth.schemas import TeamOut
from kefu.contacts.models import Contact
from kefu.contacts.schemas import ContactOut
from kefu.tickets.models import Attachment, Message, Rating, Ticket, TicketEvent
from kefu.tickets.schemas import (
    AttachmentOut,
    ChildTicketOut,
    EventOut,
    MessageOut,
    MyTicketOut,
    RatingOut,
    StaffRef,
    TicketDetailOut,
    TicketOut,
)
from kefu.tickets.status import public_status

_T = TypeVar("_T")


def _by_id(db: Session, model: type[_T], ids: Iterable[int | None]) -> dict[int, _T]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = db.scalars(select(model).where(model.id.in_(wanted))).all()  # type: ignore[attr-defined]
    return {row.id: row for row in rows}  # type: ignore[attr-defined]


def team_ref(team: Team | None) -> TeamOut | None:
    return TeamOut.model_validate(team) if team is not None else None


def present_tickets(db: Session, tickets: Sequence[Ticket]) -> list[TicketOut]:
    contacts = _by_id(db, Contact, (t.requester_id for t in tickets))
    staff = _by_id(db, StaffUser, (t.assignee_id for t in tickets))
    teams = _by_id(db, Team, (t.team_id for t in tickets))
    linked = _by_id(
        db,
        Ticket,
        (i for t in tickets for i in (t.parent_id, t.merged_into_id, t.follow_up_of_id)),
    )

    def number(ticket_id: int | None) -> int | None:
        return linked[ticket_id].number if ticket_id in linked else None

    out = []
    for t in tickets:
        assignee = staff.get(t.assignee_id) if t.assignee_id else None
        out.append(
            TicketOut(
                id=t.id,
                number=t.number,
                subject=t.subject,
                type=t.type,
                category=t.category,
                status=t.status,
                priority=t.priority,
                channel=t.channel,
                locale=t.locale,
                requester=ContactOut.model_validate(contacts[t.requester_id]),
                assignee=StaffRef(id=assignee.id, name=assignee.name) if assignee else None,
                team=team_ref(teams.get(t.team_id) if t.team_id else None),
                tags=t.tags,
                parent_number=number(t.parent_id),
                merged_into_number=number(t.merged_into_id),
                follow_up_of_number=number(t.follow_up_of_id),
                created_at=t.created_at,
                updated_at=t.updated_at,
                first_response_at=t.first_response_at,
                solved_at=t.solved_at,
                closed_at=t.closed_at,
                version=t.version,
                needs_triage=t.needs_triage,
            )
        )
    return out


def rating_out(db: Session, ticket: Ticket) -> RatingOut | None:
    rating = db.get(Rating, ticket.id)
    if rating is None:
        return None
    return RatingOut(score=rating.score, comment=rating.comment, updated_at=rating.updated_at)


def present_detail(db: Session, ticket: Ticket) -> TicketDetailOut:
    base = present_tickets(db, [ticket])[0]
    children = db.scalars(
        select(Ticket).where(Ticket.parent_id == ticket.id).order_by(Ticket.id)
    ).all()
    teams = _by_id(db, Team, (c.team_id for c in children))
    return TicketDetailOut(
        **base.model_dump(),
        children=[
            ChildTicketOut(
                number=c.number,
                subject=c.subject,
                status=c.status,
                team=team_ref(teams.get(c.team_id) if c.team_id else None),
            )
            for c in children
        ],
        rating=rating_out(db, ticket),
    )


def present_my_ticket(db: Session, ticket: Ticket) -> MyTicketOut:
    linked = _by_id(db, Ticket, (ticket.merged_into_id, ticket.follow_up_of_id))
    return MyTicketOut(
        number=ticket.number,
        subject=ticket.subject,
        type=ticket.type,
        status=public_status(ticket.status),
        channel=ticket.channel,
        merged_into_number=linked[ticket.merged_into_id].number if ticket.merged_into_id else None,
        follow_up_of_number=(
            linked[ticket.follow_up_of_id].number if ticket.follow_up_of_id else None
        ),
        created_at=ticket.created_at,
        updated_at=ticket.updated_at,
        solved_at=ticket.solved_at,
    )


def attachment_out(attachment: Attachment) -> AttachmentOut:
    return AttachmentOut(
        id=attachment.id,
        filename=attachment.filename,
        content_type=attachment.content_type,
        size=attachment.size,
        url=f"/api/v1/attachments/{attachment.id}",
    )


class _AuthorNames:
    """Display names of the staff and contacts behind a batch of messages or events."""

    def __init__(
        self, db: Session, staff_ids: Iterable[int | None], contact_ids: Iterable[int | None]
    ) -> None:
        self.staff = _by_id(db, StaffUser, staff_ids)
        self.contacts = _by_id(db, Contact, contact_ids)

    def name(self, staff_id: int | None, contact_id: int | None) -> str | None:
        if staff_id in self.staff:
            return self.staff[staff_id].name
        if contact_id in self.contacts:
            return self.contacts[contact_id].name
        return None


def present_messages(db: Session, messages: Sequence[Message]) -> list[MessageOut]:
    names = _AuthorNames(
        db, (m.author_staff_id for m in messages), (m.author_contact_id for m in messages)
    )
    out = []
    for m in messages:
        out.append(
            MessageOut(
                id=m.id,
                kind=m.kind,
                author_type=m.author_type,
                author_name=names.name(m.author_staff_id, m.author_contact_id),
                body=m.body,
                channel=m.channel,
                created_at=m.created_at,
                attachments=[attachment_out(a) for a in m.attachments],
            )
        )
    return out


def load_messages(db: Session, ticket: Ticket, *, public_only: bool) -> list[Message]:
    query = (
        select(Message)
        .where(Message.ticket_id == ticket.id)
        .options(selectinload(Message.attachments))
        .order_by(Message.id)
    )
    if public_only:
        query = query.where(Message.kind == "public")
    return list(db.scalars(query).all())


def present_events(db: Session, events: Sequence[TicketEvent]) -> list[EventOut]:
    names = _AuthorNames(
        db, (e.actor_staff_id for e in events), (e.actor_contact_id for e in events)
    )
    out = []
    for e in events:
        out.append(
            EventOut(
                id=e.id,
                kind=e.kind,
                field=e.field,
                old_value=e.old_value,
                new_value=e.new_value,
                actor_type=e.actor_type,
                actor_name=names.name(e.actor_staff_id, e.actor_contact_id),
                created_at=e.created_at,
            )
        )
    return out


def present_public_events(db: Session, events: Sequence[TicketEvent]) -> list[EventOut]:
    """The requester's timeline: statuses as they see them (on hold reads as open), and no
    status change that they could not see happen."""
    out = []
    for event in present_events(db, events):
        if event.kind == "status_changed":
            old = public_status(event.old_value or "")
            new = public_status(event.new_value or "")
            if old == new:
                continue
            event = event.model_copy(update={"old_value": old, "new_value": new})
        out.append(event)
    return out


def load_events(db: Session, ticket: Ticket, *, public_only: bool) -> list[TicketEvent]:
    query = select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)
    if public_only:
        query = query.where(TicketEvent.public.is_(True))
    return list(db.scalars(query).all())
