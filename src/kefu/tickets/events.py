"""What the tickets module announces to others (see kit/events.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MessageReceived:
    """A requester's message arrived: a new ticket's first message, or a reply."""

    ticket_id: int
    message_id: int
    first: bool
