"""Which ticket a message answers. By its In-Reply-To / References (the Message-IDs kefu sent and
received on each ticket), else by the token "[#10023]" in its subject. Either way the sender must
be the ticket's requester: anyone can type a ticket number or copy a Message-ID, and a stranger's
mail must not land on someone else's ticket (it starts a ticket of its own instead)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.channels.email.models import InboundMail, OutboundMail
from kefu.channels.email.parse import ParsedMail
from kefu.contacts.models import Contact
from kefu.tickets.models import Ticket

TOKEN = re.compile(r"\[#(\d{1,12})\]")
_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv|答复|回复|转发)\s*[:：]\s*)+", re.IGNORECASE)


def subject_token(number: int) -> str:
    return f"[#{number}]"


def clean_subject(subject: str) -> str:
    """The subject without reply prefixes and ticket tokens."""
    return " ".join(_REPLY_PREFIX.sub("", TOKEN.sub(" ", subject)).split())


@dataclass(frozen=True)
class Match:
    ticket: Ticket | None
    refused: str | None = None  # a ticket was named but the sender is not its requester


def _by_message_ids(db: Session, ids: list[str]) -> int | None:
    if not ids:
        return None
    found: dict[str, int] = {}
    for model in (OutboundMail, InboundMail):
        rows = db.execute(
            select(model.message_key, model.ticket_id).where(model.message_key.in_(ids))
        ).all()
        found.update({key: ticket_id for key, ticket_id in rows if ticket_id is not None})
    for message_id in reversed(ids):  # the nearest ancestor first
        if message_id in found:
            return found[message_id]
    return None


def find_ticket(db: Session, mail: ParsedMail) -> Match:
    ticket_id = _by_message_ids(db, [*mail.references, *mail.in_reply_to])
    ticket: Ticket | None = None
    how = "reply headers"
    if ticket_id is not None:
        ticket = db.get(Ticket, ticket_id, with_for_update=True)
    if ticket is None:
        token = TOKEN.search(mail.subject)
        if token is None:
            return Match(None)
        how = f"subject token {token.group(0)}"
        ticket = db.scalar(
            select(Ticket).where(Ticket.number == int(token.group(1))).with_for_update()
        )
        if ticket is None:
            return Match(None)
    requester = db.get(Contact, ticket.requester_id)
    if requester is None or (requester.email or "").lower() != mail.from_address:
        return Match(None, refused=f"ticket #{ticket.number} ({how}) belongs to someone else")
    return Match(ticket)
