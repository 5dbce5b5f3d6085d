"""The agents' API: the queue, reading and working a ticket."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kefu.auth.deps import CurrentStaff
from kefu.kit.errors import Invalid
from kefu.kit.http import DbSession
from kefu.kit.types import Id, parse_id
from kefu.tickets import queries, workflow
from kefu.tickets.models import Channel, Priority, Status
from kefu.tickets.present import (
    load_events,
    load_messages,
    present_detail,
    present_events,
    present_messages,
    present_tickets,
)
from kefu.tickets.schemas import (
    AssignIn,
    EscalateIn,
    EventOut,
    MergeIn,
    MessageOut,
    StaffMessageIn,
    TicketDetailOut,
    TicketPage,
    TicketUpdateIn,
)

router = APIRouter(prefix="/api/v1/tickets", tags=["agent: tickets"])


def _id_or_keyword(value: str | None, name: str, keywords: tuple[str, ...]) -> int | str | None:
    if value is None or value in keywords:
        return value
    parsed = parse_id(value)
    if parsed is None:
        raise Invalid(reason=f"{name} must be an id or one of {', '.join(keywords)}")
    return parsed


@router.get("", response_model=TicketPage, summary="The ticket queue, filtered and sorted")
def list_tickets(
    db: DbSession,
    actor: CurrentStaff,
    status: Annotated[list[Status], Query()] = [],  # noqa: B006 - FastAPI copies defaults
    team: Annotated[
        str | None, Query(description="Team id, `mine` for my teams, or `none` for no team")
    ] = None,
    assignee: Annotated[
        str | None, Query(description="Staff id, `me`, or `none` for unassigned")
    ] = None,
    category: str | None = None,
    priority: Annotated[list[Priority], Query()] = [],  # noqa: B006
    channel: Channel | None = None,
    locale: str | None = None,
    tag: str | None = None,
    requester_id: Id | None = None,
    parent: Annotated[Id | None, Query(description="Children of this ticket number")] = None,
    needs_triage: Annotated[
        bool | None, Query(description="true: the queue triage was unsure about")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words or a #number")] = None,
    sort: queries.SortKey = "updated_at",
    order: queries.Order = "desc",
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: str | None = None,
) -> TicketPage:
    team_value = _id_or_keyword(team, "team", ("mine", "none"))
    assignee_value = _id_or_keyword(assignee, "assignee", ("me", "none"))
    filters = queries.TicketFilters(
        status=list(status),
        team_id=team_value if isinstance(team_value, int) else None,
        unassigned_team=team_value == "none",
        team_ids=actor.team_ids if team_value == "mine" else None,
        assignee_id=(
            actor.user.id
            if assignee_value == "me"
            else assignee_value
            if isinstance(assignee_value, int)
            else None
        ),
        unassigned=assignee_value == "none",
        category=category,
        priority=list(priority),
        channel=channel,
        locale=locale,
        tag=tag,
        requester_id=requester_id,
        parent_number=parent,
        needs_triage=needs_triage,
        q=q,
    )
    rows, next_cursor = queries.list_tickets(
        db, queries.visible_to(actor), filters, sort=sort, order=order, limit=limit, cursor=cursor
    )
    return TicketPage(items=present_tickets(db, rows), next_cursor=next_cursor)


@router.get("/{number}", response_model=TicketDetailOut, summary="One ticket with its children")
def get_ticket(number: Id, db: DbSession, actor: CurrentStaff) -> TicketDetailOut:
    return present_detail(db, queries.ticket_for_staff(db, actor, number))


@router.patch("/{number}", response_model=TicketDetailOut, summary="Change fields or status")
def update_ticket(
    number: Id, body: TicketUpdateIn, db: DbSession, actor: CurrentStaff
) -> TicketDetailOut:
    return _edit(db, actor, number, body)


@router.post("/{number}/assign", response_model=TicketDetailOut, summary="Assign or unassign")
def assign_ticket(
    number: Id, body: AssignIn, db: DbSession, actor: CurrentStaff
) -> TicketDetailOut:
    return _edit(db, actor, number, body)


def _edit(
    db: DbSession, actor: CurrentStaff, number: int, body: TicketUpdateIn | AssignIn
) -> TicketDetailOut:
    ticket = queries.ticket_for_staff(db, actor, number, for_update=True)
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    workflow.update_ticket(db, ticket, actor, changes, expected_version=body.version)
    return present_detail(db, ticket)


@router.get("/{number}/messages", response_model=list[MessageOut], summary="The conversation")
def list_messages(number: Id, db: DbSession, actor: CurrentStaff) -> list[MessageOut]:
    ticket = queries.ticket_for_staff(db, actor, number)
    return present_messages(db, load_messages(db, ticket, public_only=False))


@router.post(
    "/{number}/messages",
    response_model=MessageOut,
    status_code=201,
    summary="Reply to the requester, or add an internal note",
)
def add_message(number: Id, body: StaffMessageIn, db: DbSession, actor: CurrentStaff) -> MessageOut:
    ticket = queries.ticket_for_staff(db, actor, number, for_update=True)
    message = workflow.reply_as_staff(
        db,
        ticket,
        actor,
        body.body,
        internal=body.internal,
        attachment_ids=body.attachment_ids,
        status_after=body.status,
    )
    db.refresh(message, attribute_names=["attachments"])
    return present_messages(db, [message])[0]


@router.get("/{number}/events", response_model=list[EventOut], summary="The full timeline")
def list_events(number: Id, db: DbSession, actor: CurrentStaff) -> list[EventOut]:
    ticket = queries.ticket_for_staff(db, actor, number)
    return present_events(db, load_events(db, ticket, public_only=False))


@router.post(
    "/{number}/escalate",
    response_model=TicketDetailOut,
    status_code=201,
    summary="Open a child ticket for another department; this one goes on hold",
    description="Returns this (parent) ticket; the new child is the last of its children.",
)
def escalate(number: Id, body: EscalateIn, db: DbSession, actor: CurrentStaff) -> TicketDetailOut:
    parent = queries.ticket_for_staff(db, actor, number, for_update=True)
    workflow.check_version(parent, body.version)
    workflow.escalate(
        db,
        parent,
        actor,
        workflow.Escalation(
            team_id=body.team_id, note=body.note, subject=body.subject, priority=body.priority
        ),
    )
    return present_detail(db, parent)


@router.post(
    "/{number}/merge",
    response_model=TicketDetailOut,
    summary="Close this ticket as a duplicate of another; returns the surviving ticket",
)
def merge(number: Id, body: MergeIn, db: DbSession, actor: CurrentStaff) -> TicketDetailOut:
    source = queries.ticket_for_staff(db, actor, number, for_update=True)
    workflow.check_version(source, body.version)
    target = queries.ticket_for_staff(db, actor, body.target_number, for_update=True)
    workflow.merge(db, source, target, actor)
    return present_detail(db, target)
