"""The platform backend's API: tickets on behalf of its users, safe to retry."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response

from kefu.auth.actors import ApiActor
from kefu.auth.deps import require_scope
from kefu.auth.identity import PlatformUserClaims
from kefu.contacts.models import Contact
from kefu.contacts.service import upsert_platform_contact
from kefu.kit.http import DbSession
from kefu.kit.types import Id
from kefu.tickets import queries
from kefu.tickets.errors import TicketNotFound
from kefu.tickets.intake import NewTicket, create_idempotent, create_ticket, request_fingerprint
from kefu.tickets.models import Ticket
from kefu.tickets.present import present_detail
from kefu.tickets.schemas import PlatformTicketIn, TicketDetailOut

router = APIRouter(prefix="/api/v1/platform", tags=["platform backend"])

Writer = Annotated[ApiActor, Depends(require_scope("tickets:write"))]
Reader = Annotated[ApiActor, Depends(require_scope("tickets:read"))]
IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="Retries with the same key return the first ticket instead of a duplicate.",
    ),
]


@router.post(
    "/tickets",
    response_model=TicketDetailOut,
    status_code=201,
    summary="Create a ticket on behalf of a platform user",
    responses={200: {"description": "A retry: the ticket created by the first request"}},
)
def create_ticket_for_user(
    body: PlatformTicketIn,
    response: Response,
    db: DbSession,
    actor: Writer,
    idempotency_key: IdempotencyKeyHeader = None,
) -> TicketDetailOut:
    data = NewTicket(
        subject=body.subject,
        body=body.body,
        type=body.type,
        category=body.category,
        priority=body.priority,
        channel=body.channel,
        locale=body.locale,
        tags=body.tags,
        attachment_ids=body.attachment_ids,
    )

    def requester() -> Contact:
        r = body.requester
        claims = PlatformUserClaims(r.platform_user_id, r.name, r.locale, r.vip_level)
        return upsert_platform_contact(db, claims)

    ticket: Ticket
    if idempotency_key is None:
        ticket = create_ticket(db, actor, requester(), data)
    else:
        fingerprint = request_fingerprint(body.model_dump(mode="json"))
        ticket, replayed = create_idempotent(
            db, actor, requester, data, key=idempotency_key, fingerprint=fingerprint
        )
        if replayed:
            response.status_code = 200
            response.headers["Idempotent-Replayed"] = "true"
    return present_detail(db, ticket)


@router.get("/tickets/{number}", response_model=TicketDetailOut, summary="Read a ticket")
def read_ticket(number: Id, db: DbSession, actor: Reader) -> TicketDetailOut:
    ticket = db.scalar(queries.select_by_number(number))
    if ticket is None:
        raise TicketNotFound(number=number)
    return present_detail(db, ticket)
