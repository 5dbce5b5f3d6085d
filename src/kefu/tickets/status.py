"""The ticket status machine.

new → open → pending (waiting on the user) / on_hold (waiting on another department) → solved →
closed. A solved ticket may reopen; a closed one is final (a user reply then starts a follow-up).
"""

from __future__ import annotations

from kefu.tickets.errors import InvalidTransition
from kefu.tickets.models import Status

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.new: frozenset({Status.open, Status.pending, Status.on_hold, Status.solved}),
    Status.open: frozenset({Status.pending, Status.on_hold, Status.solved}),
    Status.pending: frozenset({Status.open, Status.on_hold, Status.solved}),
    Status.on_hold: frozenset({Status.open, Status.pending, Status.solved}),
    Status.solved: frozenset({Status.open, Status.pending, Status.on_hold, Status.closed}),
    Status.closed: frozenset(),
}
UNSOLVED = frozenset({Status.new, Status.open, Status.pending, Status.on_hold})


def public_status(status: str) -> str:
    """The status a requester sees: waiting on another department still reads as open."""
    return Status.open if status == Status.on_hold else status


def check_transition(old: str, new: str) -> None:
    if old != new and Status(new) not in TRANSITIONS[Status(old)]:
        raise InvalidTransition(old=old, new=new)
