"""The end user's API: their own tickets, never anyone else's and never internal notes."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request

from kefu.auth.deps import CurrentContact
from kefu.config import Settings
from kefu.kit.http import DbSession
from kefu.kit.types import Id
from kefu.tickets import conversation, queries
from kefu.tickets.intake import NewTicket, create_ticket
from kefu.tickets.models import Channel, Ticket
from kefu.tickets.present import (
    load_events,
    load_messages,
    present_messages,
    present_my_ticket,
    present_public_events,
    rating_out,
)
from kefu.tickets.schemas import (
    MyTicketDetailOut,
    MyTicketPage,
    RatingIn,
    RatingOut,
    ReplyIn,
    ReplyOut,
    UserTicketIn,
)

router = APIRouter(prefix="/api/v1/me/tickets", tags=["end user: my tickets"])

SUBJECT_FROM_BODY = 60


def _detail(db: DbSession, ticket: Ticket) -> MyTicketDetailOut:
    return MyTicketDetailOut(
        **present_my_ticket(db, ticket).model_dump(),
        messages=present_messages(db, load_messages(db, ticket, public_only=True)),
        events=present_public_events(db, load_events(db, ticket, public_only=True)),
        rating=rating_out(db, ticket),
    )


@router.post("", response_model=MyTicketDetailOut, status_code=201, summary="Ask for help")
def create(body: UserTicketIn, db: DbSession, actor: CurrentContact) -> MyTicketDetailOut:
    subject = body.subject or body.body.splitlines()[0][:SUBJECT_FROM_BODY]
    ticket = create_ticket(
        db,
        actor,
        actor.contact,
        NewTicket(
            subject=subject,
            body=body.body,
            type=body.type,
            category=body.category,
            channel=Channel.web,
            locale=body.locale,
            attachment_ids=body.attachment_ids,
        ),
    )
    return _detail(db, ticket)


@router.get("", response_model=MyTicketPage, summary="My tickets, latest activity first")
def list_mine(
    db: DbSession,
    actor: CurrentContact,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: str | None = None,
) -> MyTicketPage:
    scope = (Ticket.requester_id == actor.contact.id) & Ticket.parent_id.is_(None)
    rows, next_cursor = queries.list_tickets(
        db, scope, queries.TicketFilters(), limit=limit, cursor=cursor
    )
    return MyTicketPage(items=[present_my_ticket(db, row) for row in rows], next_cursor=next_cursor)


@router.get("/{number}", response_model=MyTicketDetailOut, summary="My ticket and its timeline")
def get_mine(number: Id, db: DbSession, actor: CurrentContact) -> MyTicketDetailOut:
    return _detail(db, queries.ticket_for_requester(db, actor.contact, number))


@router.post(
    "/{number}/replies",
    response_model=ReplyOut,
    status_code=201,
    summary="Reply; reopens a recently solved ticket or starts a follow-up",
)
def reply(
    number: Id, body: ReplyIn, request: Request, db: DbSession, actor: CurrentContact
) -> ReplyOut:
    settings: Settings = request.app.state.settings
    original = queries.ticket_for_requester(db, actor.contact, number, for_update=True)
    result = conversation.reply_as_requester(
        db,
        original,
        actor,
        body.body,
        attachment_ids=body.attachment_ids,
        reopen_window=timedelta(days=settings.reopen_window_days),
    )
    db.refresh(result.message, attribute_names=["attachments"])
    return ReplyOut(
        ticket=present_my_ticket(db, result.ticket),
        message=present_messages(db, [result.message])[0],
        follow_up=result.follow_up,
    )


@router.put("/{number}/rating", response_model=RatingOut, summary="Rate a solved ticket (1-5)")
def rate(number: Id, body: RatingIn, db: DbSession, actor: CurrentContact) -> RatingOut:
    ticket = queries.ticket_for_requester(db, actor.contact, number, for_update=True)
    conversation.rate(db, ticket, actor, body.score, body.comment)
    rating = rating_out(db, ticket)
    assert rating is not None
    return rating
