"""Live chat: every message is stored in the conversation's stream before anyone is told.

The bot answers until it hands off; then the user's messages go onto the ticket and the agents'
public replies come back into the stream (``ReplySent``). Each change pokes the conversation's
topic after commit; sockets then read the stream after the last ``seq`` they sent, so a lost
poke or a reconnect loses nothing and repeats nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import ContactActor
from kefu.bot import replies
from kefu.bot import service as bot
from kefu.bot.models import BotConversation, ConversationStatus
from kefu.channels.chat import texts
from kefu.channels.chat.models import ChatMessage, Sender
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.events import subscribe
from kefu.kit.i18n import Locale, as_locale, pick
from kefu.kit.notify import notify
from kefu.tickets.attachments import unused_uploads
from kefu.tickets.conversation import reply_as_requester
from kefu.tickets.events import ReplySent
from kefu.tickets.intake import add_message
from kefu.tickets.models import Attachment, Message, MessageKind, Ticket

log = logging.getLogger(__name__)
PAGE = 200


def topic_of(conversation_id: int) -> str:
    return f"chat:{conversation_id}"


@dataclass(frozen=True)
class Outgoing:
    """What the user sends: words, a chosen quick reply, files, or a mix."""

    client_id: str
    text: str | None = None
    option: str | None = None
    attachment_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Sent:
    message: ChatMessage  # the user's message as stored
    duplicate: bool  # it had been stored before (a resend after a lost acknowledgement)


def _append(
    db: Session,
    conversation: BotConversation,
    sender: Sender,
    body: str,
    *,
    options: list[dict[str, str]] | None = None,
    attachment_ids: list[int] | None = None,
    client_id: str | None = None,
    staff_id: int | None = None,
    ticket_message_id: int | None = None,
) -> ChatMessage:
    """Add a message to the stream; the caller holds the conversation's row lock."""
    conversation.last_seq += 1
    message = ChatMessage(
        conversation_id=conversation.id,
        seq=conversation.last_seq,
        sender=sender,
        body=body,
        options=options or [],
        attachment_ids=attachment_ids or [],
        client_id=client_id,
        staff_id=staff_id,
        ticket_message_id=ticket_message_id,
        created_at=utcnow(),
    )
    db.add(message)
    db.flush()
    notify(db, topic_of(conversation.id), {"seq": message.seq})
    return message


def open_chat(db: Session, contact: Contact, locale: Locale, settings: Settings) -> BotConversation:
    """A new conversation, opened by the bot's greeting."""
    started = bot.start(db, contact, locale, settings)
    _append(db, started.conversation, Sender.bot, started.turn.reply, options=started.turn.options)
    return started.conversation


def chat_of(
    db: Session, contact: Contact, conversation_id: int, *, for_update: bool = False
) -> BotConversation | None:
    return bot.conversation_for(db, contact, conversation_id, for_update=for_update)


def messages_after(
    db: Session, conversation_id: int, after: int, limit: int = PAGE
) -> list[ChatMessage]:
    return list(
        db.scalars(
            select(ChatMessage)
            .where(ChatMessage.conversation_id == conversation_id, ChatMessage.seq > after)
            .order_by(ChatMessage.seq)
            .limit(limit)
        )
    )


def _label_of(db: Session, conversation: BotConversation, option: str | None) -> str:
    """The words of the quick reply the user chose, as the last bot message showed them."""
    offered = db.scalar(
        select(ChatMessage.options)
        .where(ChatMessage.conversation_id == conversation.id, ChatMessage.sender != Sender.user)
        .order_by(ChatMessage.seq.desc())
        .limit(1)
    )
    for choice in offered or []:
        if choice.get("id") == option:
            return str(choice.get("label", ""))
    return option or ""


def send(
    db: Session,
    conversation: BotConversation,
    contact: Contact,
    settings: Settings,
    outgoing: Outgoing,
) -> Sent:
    """Store the user's message, then let the bot answer or pass it to the person on the
    ticket. ``conversation`` must be locked (``chat_of(..., for_update=True)``)."""
    existing = db.scalar(
        select(ChatMessage).where(
            ChatMessage.conversation_id == conversation.id,
            ChatMessage.client_id == outgoing.client_id,
        )
    )
    if existing is not None:
        return Sent(existing, duplicate=True)
    actor = ContactActor(contact)
    files = [a.id for a in unused_uploads(db, actor, outgoing.attachment_ids)]
    said = outgoing.text or _label_of(db, conversation, outgoing.option)
    message = _append(
        db,
        conversation,
        Sender.user,
        said,
        attachment_ids=files,
        client_id=outgoing.client_id,
    )
    ticket = _ticket_of(db, conversation)
    if ticket is not None:
        _relay(db, conversation, ticket, actor, outgoing, settings)
    else:
        _ask_bot(db, conversation, contact, settings, outgoing)
    return Sent(message, duplicate=False)


def _ticket_of(db: Session, conversation: BotConversation) -> Ticket | None:
    if conversation.status != ConversationStatus.handed_off or conversation.ticket_id is None:
        return None
    return db.get(Ticket, conversation.ticket_id, with_for_update=True)


def _relay(
    db: Session,
    conversation: BotConversation,
    ticket: Ticket,
    actor: ContactActor,
    outgoing: Outgoing,
    settings: Settings,
) -> None:
    """A person has the conversation: the message goes onto the ticket, with its files."""
    if not outgoing.text and not outgoing.attachment_ids:
        return  # a stale quick reply means nothing to a person
    body = outgoing.text or pick(texts.FILES_FROM_CHAT, as_locale(conversation.locale))
    reply = reply_as_requester(
        db,
        ticket,
        actor,
        body,
        attachment_ids=outgoing.attachment_ids,
        reopen_window=timedelta(days=settings.reopen_window_days),
    )
    conversation.ticket_id = reply.ticket.id
    conversation.updated_at = utcnow()


def _ask_bot(
    db: Session,
    conversation: BotConversation,
    contact: Contact,
    settings: Settings,
    outgoing: Outgoing,
) -> None:
    locale = as_locale(conversation.locale)
    if not outgoing.text and not outgoing.option:  # only files
        offered = [{"id": "human", "label": pick(replies.OPTION_HUMAN, locale)}]
        _append(
            db, conversation, Sender.bot, pick(texts.FILES_NEED_PERSON, locale), options=offered
        )
        conversation.state = {"offered": offered}
        return
    try:
        with db.begin_nested():
            result = bot.handle(
                db, conversation, contact, settings, text=outgoing.text, option=outgoing.option
            )
    except Exception:  # the user's message is kept; the bot's failure must not lose it
        log.exception("the bot failed on conversation %s", conversation.id)
        db.refresh(conversation)
        _append(db, conversation, Sender.system, pick(texts.BOT_UNAVAILABLE, locale))
        return
    _append(db, conversation, Sender.bot, result.turn.reply, options=result.turn.options)
    if conversation.status == ConversationStatus.handed_off and conversation.ticket_id:
        _hand_over_files(db, conversation, contact)


def _hand_over_files(db: Session, conversation: BotConversation, contact: Contact) -> None:
    """Files the user sent the bot go onto the new ticket, so the person sees them."""
    sent = db.scalars(
        select(ChatMessage.attachment_ids).where(
            ChatMessage.conversation_id == conversation.id, ChatMessage.sender == Sender.user
        )
    ).all()
    ids = [attachment_id for ids in sent for attachment_id in ids]
    if not ids:
        return
    loose = db.scalars(
        select(Attachment.id).where(Attachment.id.in_(ids), Attachment.message_id.is_(None))
    ).all()
    ticket = db.get(Ticket, conversation.ticket_id)
    if loose and ticket is not None:
        body = pick(texts.FILES_FROM_CHAT, as_locale(conversation.locale))
        add_message(db, ticket, ContactActor(contact), body, attachment_ids=list(loose))


def _mirror_reply(db: Session, event: ReplySent) -> None:
    """An agent's public reply on a chat's ticket appears in the chat (also when the chat's
    ticket was merged into the one replied on, which the chat then follows). The ticket is
    locked already: the conversation's lock comes second, as everywhere."""
    merged = select(Ticket.id).where(Ticket.merged_into_id == event.ticket_id)
    conversation = db.scalar(
        select(BotConversation)
        .where(
            (BotConversation.ticket_id == event.ticket_id) | BotConversation.ticket_id.in_(merged)
        )
        .order_by(BotConversation.id.desc())
        .limit(1)
        .with_for_update()
    )
    message = db.get(Message, event.message_id)
    if conversation is None or message is None or message.kind != MessageKind.public:
        return
    conversation.ticket_id = event.ticket_id
    files = db.scalars(select(Attachment.id).where(Attachment.message_id == message.id)).all()
    _append(
        db,
        conversation,
        Sender.agent,
        message.body,
        attachment_ids=list(files),
        staff_id=message.author_staff_id,
        ticket_message_id=message.id,
    )


def install() -> None:
    subscribe(ReplySent, "chat.mirror_reply", _mirror_reply)
