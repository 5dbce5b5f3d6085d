"""Administrators manage webhook subscriptions and read what was delivered."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.deps import CurrentAdmin
from kefu.channels.webhooks import service
from kefu.channels.webhooks.models import WebhookAttempt
from kefu.channels.webhooks.schemas import (
    AttemptOut,
    DeliveryDetailOut,
    DeliveryOut,
    DeliveryPage,
    DeliveryState,
    SecretOut,
    WebhookCreatedOut,
    WebhookIn,
    WebhookOut,
    WebhookPatch,
)
from kefu.kit.http import DbSession
from kefu.kit.types import Id

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks (admin)"])


def _check_outside_transaction(db: Session, url: str) -> None:
    """End the transaction the sign-in opened (it wrote nothing) before the DNS look-up, so a
    slow resolver does not hold SQLite's write lock; the next statement opens a new one."""
    db.commit()
    service.check_reachable(url)


@router.get("", response_model=list[WebhookOut], summary="Every webhook subscription")
def list_webhooks(db: DbSession, _: CurrentAdmin) -> list[WebhookOut]:
    return [WebhookOut.model_validate(row) for row in service.list_subscriptions(db)]


@router.post(
    "",
    response_model=WebhookCreatedOut,
    status_code=201,
    summary="Subscribe a URL to events (the secret is shown only in this answer)",
)
def create_webhook(body: WebhookIn, db: DbSession, actor: CurrentAdmin) -> WebhookCreatedOut:
    _check_outside_transaction(db, body.url)
    row, secret = service.create_subscription(db, actor, **body.model_dump())
    return WebhookCreatedOut(**WebhookOut.model_validate(row).model_dump(), secret=secret)


@router.get("/{webhook_id}", response_model=WebhookOut, summary="One subscription")
def read_webhook(webhook_id: Id, db: DbSession, _: CurrentAdmin) -> WebhookOut:
    return WebhookOut.model_validate(service.get_subscription(db, webhook_id))


@router.patch(
    "/{webhook_id}", response_model=WebhookOut, summary="Change the URL, events or active flag"
)
def update_webhook(
    webhook_id: Id, body: WebhookPatch, db: DbSession, actor: CurrentAdmin
) -> WebhookOut:
    if body.url is not None:
        _check_outside_transaction(db, body.url)
    row = service.get_subscription(db, webhook_id, for_update=True)
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    return WebhookOut.model_validate(service.update_subscription(db, row, actor, changes))


@router.delete("/{webhook_id}", status_code=204, summary="Delete a subscription and its log")
def delete_webhook(webhook_id: Id, db: DbSession, actor: CurrentAdmin) -> Response:
    service.delete_subscription(db, service.get_subscription(db, webhook_id), actor)
    return Response(status_code=204)


@router.post(
    "/{webhook_id}/rotate-secret",
    response_model=SecretOut,
    summary="Replace the signing secret (shown only in this answer)",
)
def rotate_secret(webhook_id: Id, db: DbSession, actor: CurrentAdmin) -> SecretOut:
    row = service.get_subscription(db, webhook_id, for_update=True)
    return SecretOut(secret=service.rotate_secret(db, row, actor))


@router.post(
    "/{webhook_id}/ping", response_model=DeliveryOut, status_code=202, summary="Send a test event"
)
def ping(webhook_id: Id, db: DbSession, _: CurrentAdmin) -> DeliveryOut:
    return DeliveryOut.model_validate(service.ping(db, service.get_subscription(db, webhook_id)))


@router.get(
    "/{webhook_id}/deliveries", response_model=DeliveryPage, summary="Deliveries, newest first"
)
def list_deliveries(
    webhook_id: Id,
    db: DbSession,
    _: CurrentAdmin,
    status: DeliveryState | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: str | None = Query(None, max_length=500),
) -> DeliveryPage:
    row = service.get_subscription(db, webhook_id)
    rows, next_cursor = service.deliveries_page(db, row, status=status, limit=limit, cursor=cursor)
    return DeliveryPage(
        items=[DeliveryOut.model_validate(d) for d in rows], next_cursor=next_cursor
    )


@router.get(
    "/{webhook_id}/deliveries/{delivery_id}",
    response_model=DeliveryDetailOut,
    summary="One delivery: the body sent and every attempt",
)
def read_delivery(
    webhook_id: Id, delivery_id: Id, db: DbSession, _: CurrentAdmin
) -> DeliveryDetailOut:
    delivery = service.get_delivery(db, service.get_subscription(db, webhook_id), delivery_id)
    attempts = db.scalars(
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id == delivery.id)
        .order_by(WebhookAttempt.id)
    )
    return DeliveryDetailOut(
        **DeliveryOut.model_validate(delivery).model_dump(),
        payload=json.loads(delivery.body),
        attempt_log=[AttemptOut.model_validate(a) for a in attempts],
    )


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver",
    response_model=DeliveryOut,
    status_code=202,
    summary="Send a finished delivery's event again (a new delivery, same event id)",
)
def redeliver(webhook_id: Id, delivery_id: Id, db: DbSession, _: CurrentAdmin) -> DeliveryOut:
    row = service.get_subscription(db, webhook_id)
    delivery = service.get_delivery(db, row, delivery_id)
    return DeliveryOut.model_validate(service.redeliver(db, row, delivery))
