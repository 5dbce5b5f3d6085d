"""The bot over HTTP: end users chat with it; staff review what it decided and get assist."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import StaffActor
from kefu.auth.deps import CurrentContact, CurrentStaff, require_staff
from kefu.auth.models import Role
from kefu.bot import service
from kefu.bot.assist import assist
from kefu.bot.models import BotConversation, BotTurn
from kefu.bot.schemas import (
    AssistOut,
    ConversationOut,
    SayIn,
    StaffConversationOut,
    StaffConversationPage,
    StaffConversationSummary,
    StaffTurnOut,
    StartIn,
    TurnOut,
)
from kefu.kit.errors import NotFound
from kefu.kit.http import AppSettings, DbSession, RequestLocale
from kefu.kit.i18n import as_locale
from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor
from kefu.kit.types import Id
from kefu.tickets import queries
from kefu.tickets.models import Ticket

# Transcripts hold whatever users told the bot, whichever team their ticket went to: reviewing
# them is a supervisor's job, not every agent's.
Reviewer = Annotated[StaffActor, Depends(require_staff(Role.supervisor, Role.admin))]
user_router = APIRouter(prefix="/api/v1/me/bot", tags=["end user: bot"])
staff_router = APIRouter(prefix="/api/v1", tags=["bot (staff)"])


class ConversationNotFound(NotFound):
    code = "conversation_not_found"
    en = "There is no such conversation."
    zh = "没有这个会话。"


def _turns(db: Session, conversation: BotConversation) -> list[BotTurn]:
    return list(
        db.scalars(
            select(BotTurn).where(BotTurn.conversation_id == conversation.id).order_by(BotTurn.seq)
        )
    )


def _ticket_number(db: Session, conversation: BotConversation) -> int | None:
    if conversation.ticket_id is None:
        return None
    return db.scalar(select(Ticket.number).where(Ticket.id == conversation.ticket_id))


def _out(db: Session, conversation: BotConversation, turns: list[BotTurn]) -> ConversationOut:
    return ConversationOut(
        id=conversation.id,
        status=conversation.status,
        locale=conversation.locale,
        ticket_number=_ticket_number(db, conversation),
        turns=[TurnOut.model_validate(turn) for turn in turns],
    )


def _summary(db: Session, conversation: BotConversation) -> StaffConversationSummary:
    return StaffConversationSummary(
        id=conversation.id,
        contact_id=conversation.contact_id,
        status=conversation.status,
        locale=conversation.locale,
        handoff_reason=conversation.handoff_reason,
        ticket_number=_ticket_number(db, conversation),
        failures=conversation.failures,
        turn_count=conversation.turns,
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
    )


@user_router.post(
    "/conversations", response_model=ConversationOut, status_code=201, summary="Start a chat"
)
def start(
    body: StartIn,
    db: DbSession,
    actor: CurrentContact,
    settings: AppSettings,
    reader: RequestLocale,
) -> ConversationOut:
    locale = body.locale or (as_locale(actor.contact.locale) if actor.contact.locale else reader)
    result = service.start(db, actor.contact, locale, settings)
    return _out(db, result.conversation, [result.turn])


@user_router.get(
    "/conversations/{conversation_id}", response_model=ConversationOut, summary="The chat so far"
)
def read(conversation_id: Id, db: DbSession, actor: CurrentContact) -> ConversationOut:
    conversation = service.conversation_for(db, actor.contact, conversation_id)
    if conversation is None:
        raise ConversationNotFound()
    return _out(db, conversation, _turns(db, conversation))


@user_router.post(
    "/conversations/{conversation_id}/messages",
    response_model=ConversationOut,
    summary="Say something; the answer is the new turn",
)
def say(
    conversation_id: Id, body: SayIn, db: DbSession, actor: CurrentContact, settings: AppSettings
) -> ConversationOut:
    conversation = service.conversation_for(db, actor.contact, conversation_id, for_update=True)
    if conversation is None:
        raise ConversationNotFound()
    result = service.handle(
        db, conversation, actor.contact, settings, text=body.text, option=body.option
    )
    return _out(db, conversation, [result.turn])


@staff_router.get(
    "/bot/conversations",
    response_model=StaffConversationPage,
    summary="Bot conversations to review, newest first",
)
def list_conversations(
    db: DbSession,
    _: Reviewer,
    status: str | None = Query(None, pattern="^(bot|handed_off|resolved)$"),
    limit: int = Query(50, ge=1, le=100),
    cursor: str | None = Query(None, max_length=500),
) -> StaffConversationPage:
    query = select(BotConversation).order_by(BotConversation.id.desc())
    if status:
        query = query.where(BotConversation.status == status)
    if cursor:
        before = decode_cursor(cursor).get("id")
        if not isinstance(before, int):
            raise InvalidCursor()
        query = query.where(BotConversation.id < before)
    rows = list(db.scalars(query.limit(limit + 1)))
    more, rows = len(rows) > limit, rows[:limit]
    return StaffConversationPage(
        items=[_summary(db, row) for row in rows],
        next_cursor=encode_cursor({"id": rows[-1].id}) if more and rows else None,
    )


@staff_router.get(
    "/bot/conversations/{conversation_id}",
    response_model=StaffConversationOut,
    summary="Every turn with the bot's decision and why",
)
def review(conversation_id: Id, db: DbSession, _: Reviewer) -> StaffConversationOut:
    conversation = db.get(BotConversation, conversation_id)
    if conversation is None:
        raise ConversationNotFound()
    turns = [StaffTurnOut.model_validate(turn) for turn in _turns(db, conversation)]
    return StaffConversationOut(**_summary(db, conversation).model_dump(), turns=turns)


@staff_router.get(
    "/tickets/{number}/assist",
    response_model=AssistOut,
    summary="Suggested articles and a draft reply for a ticket",
)
def ticket_assist(
    number: Id, db: DbSession, actor: CurrentStaff, settings: AppSettings
) -> AssistOut:
    return assist(db, queries.ticket_for_staff(db, actor, number), settings)
