"""Agents' API for phone calls: log one, list a contact's or a ticket's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy.orm import Session

from kefu.auth.deps import CurrentStaff
from kefu.channels.phone import service
from kefu.channels.phone.models import PhoneCall
from kefu.channels.phone.schemas import CallIn, CallOut
from kefu.kit.http import DbSession
from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor
from kefu.kit.types import MAX_ID, Id

router = APIRouter(prefix="/api/v1", tags=["phone calls"])


class CallPage(BaseModel):
    items: list[CallOut]
    next_cursor: str | None


def _present(db: Session, calls: list[PhoneCall]) -> list[CallOut]:
    numbers = service.ticket_numbers(db, calls)
    return [
        CallOut(
            id=c.id,
            contact_id=c.contact_id,
            ticket_number=numbers.get(c.ticket_id) if c.ticket_id is not None else None,
            number=c.number,
            direction=c.direction,
            started_at=c.started_at,
            duration_seconds=c.duration_seconds,
            notes=c.notes,
            recording_ref=c.recording_ref,
            logged_by_staff_id=c.logged_by_staff_id,
            created_at=c.created_at,
        )
        for c in calls
    ]


@router.post("/calls", response_model=CallOut, status_code=201, summary="Log a phone call")
def log_call(body: CallIn, db: DbSession, actor: CurrentStaff) -> CallOut:
    call, _ = service.log_call(db, actor, service.NewCall(**body.model_dump()))
    return _present(db, [call])[0]


@router.get(
    "/contacts/{contact_id}/calls",
    response_model=CallPage,
    summary="A contact's calls, latest logged first",
)
def contact_calls(
    contact_id: Id,
    db: DbSession,
    actor: CurrentStaff,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: str | None = None,
) -> CallPage:
    before = None
    if cursor is not None:
        before = decode_cursor(cursor).get("id")
        if type(before) is not int or not 0 < before <= MAX_ID:
            raise InvalidCursor()
    calls = service.calls_of_contact(db, actor, contact_id, limit=limit + 1, before_id=before)
    more = len(calls) > limit
    calls = calls[:limit]
    return CallPage(
        items=_present(db, calls),
        next_cursor=encode_cursor({"id": calls[-1].id}) if more else None,
    )


@router.get(
    "/tickets/{number}/calls", response_model=list[CallOut], summary="A ticket's calls, in order"
)
def ticket_calls(number: Id, db: DbSession, actor: CurrentStaff) -> list[CallOut]:
    return _present(db, service.calls_of_ticket(db, actor, number))
