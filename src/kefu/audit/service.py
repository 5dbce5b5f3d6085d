from __future__ import annotations

from sqlalchemy.orm import Session

from kefu.audit.models import AuditEntry


def record(
    db: Session,
    action: str,
    *,
    actor_type: str,
    actor_id: int | None = None,
    target_type: str | None = None,
    target_id: int | None = None,
    **data: object,
) -> None:
    """Append one entry; it commits or rolls back with the action it records."""
    db.add(
        AuditEntry(
            action=action,
            actor_type=actor_type,
            actor_id=actor_id,
            target_type=target_type,
            target_id=target_id,
            data=data,
        )
    )
