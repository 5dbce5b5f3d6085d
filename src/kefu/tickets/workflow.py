"""Changing tickets: fields, status, assignment, escalation to departments, merging duplicates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM, Actor, StaffActor
from kefu.auth.errors import UnknownTeam
from kefu.auth.models import StaffUser, Team
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.events import publish
from kefu.tickets.errors import (
    ChildTicketInternal,
    EscalateChild,
    EscalateFinished,
    MergeChildTicket,
    MergeHasChildren,
    MergeIntoItself,
    MergeOtherRequester,
    MergeSourceFinished,
    MergeTargetFinished,
    StaleVersion,
    TicketClosed,
    TooManyTags,
    UnknownAssignee,
)
from kefu.tickets.events import ReplySent, StatusChanged, TicketAssigned, TicketEdited
from kefu.tickets.intake import NewTicket, add_message, create_ticket
from kefu.tickets.models import (
    MAX_TAGS,
    ActorType,
    Channel,
    Message,
    MessageKind,
    Status,
    Ticket,
    TicketSearch,
    TicketTag,
    TicketType,
)
from kefu.tickets.status import UNSOLVED, check_transition
from kefu.tickets.timeline import EventKind, record_event

EDITABLE_FIELDS = ("subject", "type", "category", "priority", "locale", "team_id", "assignee_id")


def check_version(ticket: Ticket, expected: int | None) -> None:
    if expected is not None and expected != ticket.version:
        raise StaleVersion(number=ticket.number, sent=expected, current=ticket.version)


def set_status(db: Session, ticket: Ticket, actor: Actor, new: str) -> None:
    old = ticket.status
    if old == new:
        return
    check_transition(old, new)
    now = utcnow()
    ticket.status = new
    if new == Status.solved:
        ticket.solved_at = now
    elif new == Status.closed:
        ticket.closed_at = now
    elif old == Status.solved:
        ticket.solved_at = None
    record_event(
        db, ticket, actor, EventKind.status_changed, field="status", old=old, new=new, public=True
    )
    publish(db, StatusChanged(ticket.id, old, new))
    if new == Status.solved and ticket.parent_id is not None:
        _report_to_parent(db, ticket)


def _report_to_parent(db: Session, child: Ticket) -> None:
    """Post a solved child's resolution on its parent; resume the parent when none is left open."""
    parent = db.get(Ticket, child.parent_id, with_for_update=True)
    if parent is None or parent.status == Status.closed:
        return
    resolution = db.scalar(
        select(Message.body)
        .where(Message.ticket_id == child.id, Message.author_type == ActorType.staff)
        .order_by(Message.id.desc())
        .limit(1)
    )
    add_message(db, parent, SYSTEM, resolution or f"#{child.number}", kind=MessageKind.system)
    record_event(db, parent, SYSTEM, EventKind.child_solved, new=child.number)
    if parent.status == Status.on_hold and not _has_unsolved_children(db, parent):
        set_status(db, parent, SYSTEM, Status.open)


def _has_unsolved_children(db: Session, parent: Ticket) -> bool:
    return bool(
        db.scalar(
            select(exists().where(Ticket.parent_id == parent.id, Ticket.status.in_(list(UNSOLVED))))
        )
    )


def close_solved_tickets(db: Session, *, solved_before: datetime, limit: int = 500) -> int:
    """Close tickets solved before the cut-off (their reopen window has passed)."""
    tickets = db.scalars(
        select(Ticket)
        .where(Ticket.status == Status.solved, Ticket.solved_at < solved_before)
        .order_by(Ticket.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    for ticket in tickets:
        set_status(db, ticket, SYSTEM, Status.closed)
    db.flush()
    return len(tickets)


def _check_refs(db: Session, changes: dict[str, Any]) -> None:
    assignee_id = changes.get("assignee_id")
    if assignee_id is not None:
        user = db.get(StaffUser, assignee_id)
        if user is None or not user.is_active:
            raise UnknownAssignee(id=assignee_id)
    team_id = changes.get("team_id")
    if team_id is not None and db.get(Team, team_id) is None:
        raise UnknownTeam(team=team_id)


def update_ticket(
    db: Session,
    ticket: Ticket,
    actor: Actor,
    changes: dict[str, Any],
    *,
    expected_version: int | None,
) -> Ticket:
    """Apply field changes (any of EDITABLE_FIELDS, ``tags`` and ``status``) as one edit."""
    check_version(ticket, expected_version)
    if ticket.status == Status.closed and changes:
        raise TicketClosed(number=ticket.number)
    _check_refs(db, changes)
    old_assignee_id = ticket.assignee_id
    edited = False
    for name in EDITABLE_FIELDS:
        if name in changes and getattr(ticket, name) != changes[name]:
            old = getattr(ticket, name)
            setattr(ticket, name, changes[name])
            record_event(
                db, ticket, actor, EventKind.field_changed, field=name, old=old, new=changes[name]
            )
            edited = edited or name != "assignee_id"
    if ticket.assignee_id != old_assignee_id:
        publish(db, TicketAssigned(ticket.id, old_assignee_id, ticket.assignee_id))
    if "tags" in changes:
        edited = _set_tags(db, ticket, actor, changes["tags"]) or edited
    if edited:
        publish(db, TicketEdited(ticket.id))
    if "category" in changes:
        ticket.needs_triage = False  # a person has decided
    status = changes.get("status")
    if status is None and changes.get("assignee_id") and ticket.status == Status.new:
        status = Status.open  # taking a new ticket starts work on it
    if status is not None:
        set_status(db, ticket, actor, status)
    db.flush()
    return ticket


def _set_tags(db: Session, ticket: Ticket, actor: Actor, tags: list[str]) -> bool:
    """Replace the tags; False when they were already these."""
    old, new = ticket.tags, sorted(dict.fromkeys(tags))
    if old == new:
        return False
    if len(new) > MAX_TAGS:  # also for edits that add tags, such as a macro's
        raise TooManyTags(limit=MAX_TAGS, count=len(new))
    keep = [row for row in ticket.tag_rows if row.tag in new]
    ticket.tag_rows = keep + [TicketTag(tag=tag) for tag in new if tag not in old]
    record_event(
        db,
        ticket,
        actor,
        EventKind.field_changed,
        field="tags",
        old=" ".join(old),
        new=" ".join(new),
    )
    return True


def reply_as_staff(
    db: Session,
    ticket: Ticket,
    actor: StaffActor,
    body: str,
    *,
    internal: bool,
    attachment_ids: list[int],
    status_after: str | None = None,
) -> Message:
    if ticket.status == Status.closed:
        raise TicketClosed(number=ticket.number)
    if ticket.parent_id is not None and not internal:
        parent = db.get(Ticket, ticket.parent_id)
        raise ChildTicketInternal(parent=parent.number if parent else "")
    kind = MessageKind.internal if internal else MessageKind.public
    message = add_message(db, ticket, actor, body, kind=kind, attachment_ids=attachment_ids)
    if not internal:
        ticket.first_response_at = ticket.first_response_at or message.created_at
        if ticket.status == Status.new and status_after is None:
            status_after = Status.open
    if status_after is not None:
        set_status(db, ticket, actor, status_after)
    db.flush()
    publish(db, TicketEdited(ticket.id) if internal else ReplySent(ticket.id, message.id))
    return message


@dataclass
class Escalation:
    team_id: int
    note: str
    subject: str | None = None
    priority: str | None = None


def escalate(db: Session, parent: Ticket, actor: StaffActor, request: Escalation) -> Ticket:
    """Open a child ticket for another department; the parent waits on hold for it."""
    if parent.parent_id is not None:
        grandparent = db.get(Ticket, parent.parent_id)
        raise EscalateChild(number=parent.number, parent=grandparent.number if grandparent else "")
    if parent.status in (Status.solved, Status.closed):
        raise EscalateFinished(number=parent.number)
    _check_refs(db, {"team_id": request.team_id})
    requester = db.get(Contact, parent.requester_id)
    assert requester is not None
    child = create_ticket(
        db,
        actor,
        requester,
        NewTicket(
            subject=request.subject or parent.subject,
            body=request.note,
            type=TicketType.task,
            category=parent.category,
            priority=request.priority or parent.priority,
            channel=Channel.internal,
            locale=parent.locale,
        ),
        team_id=request.team_id,
        parent=parent,
        first_message_kind=MessageKind.internal,
    )
    record_event(db, parent, actor, EventKind.escalated, new=child.number)
    set_status(db, parent, actor, Status.on_hold)
    db.flush()
    return child


def merge(db: Session, source: Ticket, target: Ticket, actor: StaffActor) -> None:
    """Close ``source`` as a duplicate of ``target``; later replies to it go to ``target``."""
    if source.id == target.id:
        raise MergeIntoItself()
    if source.parent_id is not None or target.parent_id is not None:
        raise MergeChildTicket()
    if source.requester_id != target.requester_id:
        raise MergeOtherRequester(source=source.number, target=target.number)
    if _has_unsolved_children(db, source):
        raise MergeHasChildren(number=source.number)
    if source.status == Status.closed or source.merged_into_id is not None:
        raise MergeSourceFinished(number=source.number)
    if target.status == Status.closed or target.merged_into_id is not None:
        raise MergeTargetFinished(number=target.number)
    first = db.scalar(
        select(Message.body).where(Message.ticket_id == source.id).order_by(Message.id).limit(1)
    )
    add_message(db, target, actor, first or source.subject, kind=MessageKind.system)
    record_event(db, target, actor, EventKind.merged_in, new=source.number)
    source_text = db.get(TicketSearch, source.id)
    target_text = db.get(TicketSearch, target.id)
    if source_text and target_text:
        target_text.content = f"{target_text.content} {source_text.content}"
    now = utcnow()
    record_event(db, source, actor, EventKind.merged_into, new=target.number, public=True)
    record_event(
        db,
        source,
        actor,
        EventKind.status_changed,
        field="status",
        old=source.status,
        new=Status.closed,
        public=True,
    )
    old_status = source.status
    source.merged_into_id = target.id
    source.status = Status.closed
    source.closed_at = now
    db.flush()
    publish(db, StatusChanged(source.id, old_status, Status.closed))
