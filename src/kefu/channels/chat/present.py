"""Chat messages as the user's client receives them, over the socket or HTTP."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.models import StaffUser
from kefu.bot.models import BotConversation
from kefu.channels.chat.models import ChatMessage
from kefu.tickets.models import Attachment, Ticket


def messages_out(db: Session, messages: list[ChatMessage]) -> list[dict[str, Any]]:
    file_ids = {i for m in messages for i in m.attachment_ids}
    staff_ids = {m.staff_id for m in messages if m.staff_id is not None}
    files = (
        {a.id: a for a in db.scalars(select(Attachment).where(Attachment.id.in_(file_ids)))}
        if file_ids
        else {}
    )
    names = (
        {
            row.id: row.name
            for row in db.execute(
                select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(staff_ids))
            )
        }
        if staff_ids
        else {}
    )
    return [
        {
            "seq": m.seq,
            "sender": m.sender,
            "author": names.get(m.staff_id) if m.staff_id else None,
            "body": m.body,
            "options": m.options,
            "attachments": [
                {
                    "id": files[i].id,
                    "filename": files[i].filename,
                    "content_type": files[i].content_type,
                    "size": files[i].size,
                    "url": f"/api/v1/attachments/{i}",
                }
                for i in m.attachment_ids
                if i in files
            ],
            "client_id": m.client_id,
            "created_at": m.created_at.isoformat(),
        }
        for m in messages
    ]


def state_out(db: Session, conversation: BotConversation) -> dict[str, Any]:
    number = (
        db.scalar(select(Ticket.number).where(Ticket.id == conversation.ticket_id))
        if conversation.ticket_id
        else None
    )
    return {
        "conversation_id": conversation.id,
        "status": conversation.status,
        "ticket_number": number,
        "locale": conversation.locale,
        "last_seq": conversation.last_seq,
    }
