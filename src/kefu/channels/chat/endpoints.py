"""The chat over plain HTTP, for clients that cannot hold a WebSocket (and for staff, who read
a chat's whole transcript, bot turns included, from its ticket)."""

from __future__ import annotations

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.deps import CurrentContact, CurrentStaff
from kefu.bot.models import BotConversation
from kefu.channels.chat.errors import ChatNotFound
from kefu.channels.chat.present import messages_out, state_out
from kefu.channels.chat.schemas import AckOut, ChatOut, OpenChatIn, SaidOut, SayIn
from kefu.channels.chat.service import (
    PAGE,
    Outgoing,
    chat_of,
    messages_after,
    open_chat,
    send,
)
from kefu.kit.http import AppSettings, DbSession, RequestLocale
from kefu.kit.i18n import as_locale
from kefu.kit.types import MAX_ID, Id
from kefu.tickets import queries

router = APIRouter(prefix="/api/v1", tags=["live chat"])


def _chat_out(db: Session, conversation: BotConversation, after: int) -> ChatOut:
    messages = messages_out(db, messages_after(db, conversation.id, after, PAGE))
    return ChatOut.model_validate({**state_out(db, conversation), "messages": messages})


@router.post("/me/chats", response_model=ChatOut, status_code=201, summary="Open a chat")
def open_(
    body: OpenChatIn,
    db: DbSession,
    actor: CurrentContact,
    settings: AppSettings,
    reader: RequestLocale,
) -> ChatOut:
    locale = body.locale or (as_locale(actor.contact.locale) if actor.contact.locale else reader)
    conversation = open_chat(db, actor.contact, locale, settings)
    return _chat_out(db, conversation, 0)


@router.get(
    "/me/chats/{conversation_id}",
    response_model=ChatOut,
    summary="The chat's messages after a seq (at most 200 at a time)",
)
def read(
    conversation_id: Id,
    db: DbSession,
    actor: CurrentContact,
    after: int = Query(0, ge=0, le=MAX_ID),
) -> ChatOut:
    conversation = chat_of(db, actor.contact, conversation_id)
    if conversation is None:
        raise ChatNotFound()
    return _chat_out(db, conversation, after)


@router.post(
    "/me/chats/{conversation_id}/messages",
    response_model=SaidOut,
    status_code=201,
    summary="Send a message; the answer holds it and everything after it",
)
def say(
    conversation_id: Id, body: SayIn, db: DbSession, actor: CurrentContact, settings: AppSettings
) -> SaidOut:
    conversation = chat_of(db, actor.contact, conversation_id, for_update=True)
    if conversation is None:
        raise ChatNotFound()
    outgoing = Outgoing(body.client_id, body.text, body.option, body.attachment_ids)
    sent = send(db, conversation, actor.contact, settings, outgoing)
    out = _chat_out(db, conversation, sent.message.seq - 1)
    ack = AckOut(client_id=body.client_id, seq=sent.message.seq, duplicate=sent.duplicate)
    return SaidOut(**out.model_dump(), ack=ack)


@router.get(
    "/tickets/{number}/chat",
    response_model=ChatOut,
    summary="The chat a ticket came from, bot turns included",
)
def transcript(
    number: Id, db: DbSession, actor: CurrentStaff, after: int = Query(0, ge=0, le=MAX_ID)
) -> ChatOut:
    ticket = queries.ticket_for_staff(db, actor, number)
    conversation = db.scalar(
        select(BotConversation)
        .where(BotConversation.ticket_id == ticket.id)
        .order_by(BotConversation.id.desc())
        .limit(1)
    )
    if conversation is None:
        raise ChatNotFound()
    return _chat_out(db, conversation, after)
