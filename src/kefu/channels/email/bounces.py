"""A bounce of one of kefu's replies: the reply did not reach the requester, so the agents on
its ticket are told in an internal note (the bounce itself is never answered)."""

from __future__ import annotations

from email.message import Message

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM
from kefu.channels.email.models import OutboundMail
from kefu.channels.email.parse import ParsedMail, message_ids
from kefu.tickets.intake import add_message
from kefu.tickets.models import MessageKind, Ticket

_RETURNED = ("text/rfc822-headers", "message/rfc822", "message/global-headers")


def _returned_ids(message: Message) -> list[str]:
    """Message-IDs in the returned headers or message a bounce carries."""
    found: list[str] = []
    for part in message.walk():
        if part.get_content_type() not in _RETURNED:
            continue
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        text = inner.as_string() if isinstance(inner, Message) else str(part.get_payload())
        for line in text.splitlines():
            if line.lower().startswith("message-id:"):
                found += message_ids(line.split(":", 1)[1])
    return found


def note_bounce(db: Session, mail: ParsedMail) -> Ticket | None:
    """Put a note on the ticket whose reply bounced; returns that ticket, if any."""
    assert mail.message is not None
    ids = [*_returned_ids(mail.message), *mail.in_reply_to, *mail.references]
    if not ids:
        return None
    outbound = db.scalars(
        select(OutboundMail).where(OutboundMail.message_key.in_(ids)).order_by(OutboundMail.id)
    ).first()
    if outbound is None:
        return None
    ticket = db.get(Ticket, outbound.ticket_id, with_for_update=True)
    if ticket is None:
        return None
    reason = next((line.strip() for line in mail.text.splitlines() if line.strip()), "")[:300]
    note = (
        f"The e-mail reply to {outbound.to_address} bounced: {reason}\n"
        f"发送至 {outbound.to_address} 的邮件回复被退回：{reason}"
    )
    add_message(db, ticket, SYSTEM, note, kind=MessageKind.internal)
    return ticket
