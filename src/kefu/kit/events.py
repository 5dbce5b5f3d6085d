"""An in-process, synchronous event bus: a module announces what happened without knowing who
listens. Handlers run inside the publisher's transaction, so their writes commit or roll back
with it. (Background jobs will take over slow handlers when the worker exists.)"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

Handler = Callable[[Session, Any], None]
_handlers: dict[type, dict[str, Handler]] = defaultdict(dict)


def subscribe(event_type: type, name: str, handler: Handler) -> None:
    """Listen for ``event_type`` under ``name``; subscribing a name again replaces its handler
    (an app built twice, as in tests, must not handle every event twice)."""
    _handlers[event_type][name] = handler


def publish(db: Session, event: object) -> None:
    for handler in list(_handlers[type(event)].values()):
        handler(db, event)
