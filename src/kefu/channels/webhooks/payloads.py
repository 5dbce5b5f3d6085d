"""What a webhook says: the event's envelope and the ticket, message or rating it is about.

Bodies are written when the event happens, inside its transaction, so a delivery tried an hour
later still tells what was true then. Only public messages ever appear; internal notes never do.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.tickets.models import Attachment, Message, Rating, Ticket, TicketTag


def _time(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def envelope(event_type: str, data: dict[str, Any]) -> tuple[str, str]:
    """A new event's id and its JSON body."""
    event_id = uuid.uuid4().hex
    body = {"id": event_id, "type": event_type, "created_at": _time(utcnow()), "data": data}
    return event_id, json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def ticket(db: Session, row: Ticket) -> dict[str, Any]:
    requester = db.get(Contact, row.requester_id)
    parent_number = db.scalar(select(Ticket.number).where(Ticket.id == row.parent_id))
    tags = db.scalars(
        select(TicketTag.tag).where(TicketTag.ticket_id == row.id).order_by(TicketTag.tag)
    ).all()
    return {
        "number": row.number,
        "subject": row.subject,
        "type": row.type,
        "category": row.category,
        "status": row.status,
        "priority": row.priority,
        "channel": row.channel,
        "locale": row.locale,
        "tags": list(tags),
        "requester": {
            "id": row.requester_id,
            "platform_user_id": requester.platform_user_id if requester else None,
            "is_anonymous": requester.is_anonymous if requester else False,
        },
        "assignee_id": row.assignee_id,
        "team_id": row.team_id,
        "parent_number": parent_number,
        "created_at": _time(row.created_at),
        "updated_at": _time(row.updated_at),
    }


def message(db: Session, row: Message) -> dict[str, Any]:
    attachments = db.scalars(
        select(Attachment).where(Attachment.message_id == row.id).order_by(Attachment.id)
    ).all()
    return {
        "id": row.id,
        "author_type": row.author_type,
        "author_staff_id": row.author_staff_id,
        "body": row.body,
        "channel": row.channel,
        "created_at": _time(row.created_at),
        "attachments": [
            {
                "id": a.id,
                "filename": a.filename,
                "content_type": a.content_type,
                "size": a.size,
                "url": f"/api/v1/attachments/{a.id}",
            }
            for a in attachments
        ],
    }


def rating(row: Rating, old_score: int | None) -> dict[str, Any]:
    return {
        "score": row.score,
        "comment": row.comment,
        "old_score": old_score,
        "updated_at": _time(row.updated_at),
    }
