"""What triage said about a ticket's messages, newest first."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import select

from kefu.auth.deps import CurrentStaff
from kefu.kit.http import DbSession
from kefu.kit.types import Id
from kefu.tickets import queries
from kefu.triage.models import TriageRecord
from kefu.triage.pipeline import TriageResult

router = APIRouter(prefix="/api/v1/tickets", tags=["agent: triage"])


class TriageOut(BaseModel):
    message_id: int | None
    created_at: datetime
    result: TriageResult


@router.get(
    "/{number}/triage",
    response_model=list[TriageOut],
    summary="Triage of each requester message: category, priority, language, mood, scam risk",
)
def ticket_triage(number: Id, db: DbSession, actor: CurrentStaff) -> list[TriageOut]:
    ticket = queries.ticket_for_staff(db, actor, number)
    records = db.scalars(
        select(TriageRecord)
        .where(TriageRecord.ticket_id == ticket.id)
        .order_by(TriageRecord.id.desc())
    )
    return [
        TriageOut(message_id=r.message_id, created_at=r.created_at, result=_result(r.details))
        for r in records
    ]


_FIELDS = {field.name for field in dataclasses.fields(TriageResult)}
_DEFAULTS: dict[str, Any] = {
    "priority_reasons": [],
    "scam_signals": [],
    "safety_signals": [],
    "runner_up": None,
    "runner_up_confidence": 0.0,
    "angry_confidence": 0.0,
}


def _result(details: dict[str, Any]) -> TriageResult:
    """A stored result, read leniently: rows written by other versions may lack or add keys."""
    known = {key: value for key, value in details.items() if key in _FIELDS}
    return TriageResult(**{**_DEFAULTS, **known})
