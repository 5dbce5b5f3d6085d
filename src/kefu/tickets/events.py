"""What the tickets module announces to others (see kit/events.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MessageReceived:
    """A requester's message arrived: a new ticket's first message, or a reply."""

    ticket_id: int
    message_id: int
    first: bool


@dataclass(frozen=True)
class ReplySent:
    """Staff wrote a public reply: the channel the ticket came from carries it back out."""

    ticket_id: int
    message_id: int


@dataclass(frozen=True)
class TicketCreated:
    """A ticket was opened (by a requester, staff, the platform, a follow-up or an escalation)."""

    ticket_id: int


@dataclass(frozen=True)
class StatusChanged:
    ticket_id: int
    old: str
    new: str


@dataclass(frozen=True)
class TicketAssigned:
    """The assignee changed; ``None`` means unassigned."""

    ticket_id: int
    old_assignee_id: int | None
    new_assignee_id: int | None


@dataclass(frozen=True)
class TicketEdited:
    """Staff changed what agents see of a ticket besides its status and assignee: a field, its
    tags, or an internal note. Open consoles refresh it."""

    ticket_id: int


@dataclass(frozen=True)
class TicketRated:
    """The requester rated the outcome, or changed their rating."""

    ticket_id: int
    score: int
    old_score: int | None
