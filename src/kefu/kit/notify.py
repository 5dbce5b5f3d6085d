"""Announcements that leave the process only once the transaction that caused them commits.

A service calls ``notify(db, topic, payload)`` while it works; the payload waits on the session
and goes to the session's publisher (the real-time bus, see ``realtime/``) right after a
successful commit, or is dropped on rollback. Payloads carry ids, never state: a listener reads
what changed from the database, so a late or repeated announcement does no harm.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

Payload = dict[str, Any]
Publisher = Callable[[str, Payload], None]
log = logging.getLogger(__name__)
_PENDING = "kefu.notify.pending"
PUBLISHER = "kefu.notify.publisher"  # session.info key; set by Database for its sessions


def notify(db: Session, topic: str, payload: Payload) -> None:
    db.info.setdefault(_PENDING, []).append((topic, payload))


@event.listens_for(Session, "after_commit")
def _send(session: Session) -> None:
    if session.in_nested_transaction():  # a released savepoint: the real commit is to come
        return
    pending: list[tuple[str, Payload]] = session.info.pop(_PENDING, [])
    publisher: Publisher | None = session.info.get(PUBLISHER)
    if publisher is None:
        return
    for topic, payload in pending:
        try:
            publisher(topic, payload)
        except Exception:  # the data is committed; a lost poke only delays a live update
            log.exception("could not announce %s", topic)


@event.listens_for(Session, "after_soft_rollback")
def _drop(session: Session, previous: Any) -> None:
    # A rolled-back savepoint keeps the outer transaction's announcements (any of its own that
    # survive are harmless: listeners read the database).
    if not previous.nested:
        session.info.pop(_PENDING, None)
