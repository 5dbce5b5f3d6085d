"""Subscriptions and the ticket events that become deliveries.

A ticket event is handled inside the transaction that caused it: each active subscription to its
type gets a delivery row and a job, which exist only if that transaction commits. The POST
itself happens later, in the worker (delivery.py), never in the request.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.audit.service import record
from kefu.auth.actors import StaffActor
from kefu.channels.webhooks import payloads
from kefu.channels.webhooks.delivery import DELIVER, configure, current_policy
from kefu.channels.webhooks.errors import (
    DeliveryNotFound,
    DeliveryPending,
    WebhookInactive,
    WebhookNotFound,
)
from kefu.channels.webhooks.guard import check_url, parse
from kefu.channels.webhooks.models import (
    DeliveryStatus,
    EventType,
    WebhookDelivery,
    WebhookSubscription,
)
from kefu.config import Settings
from kefu.kit.clock import utcnow
from kefu.kit.events import subscribe
from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor
from kefu.tickets.events import (
    MessageReceived,
    ReplySent,
    StatusChanged,
    TicketAssigned,
    TicketCreated,
    TicketRated,
)
from kefu.tickets.models import Channel, Message, Rating, Ticket
from kefu.worker.queue import enqueue

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _audit(db: Session, action: str, row: WebhookSubscription, actor: StaffActor) -> None:
    record(
        db,
        action,
        actor_type="staff",
        actor_id=actor.user.id,
        target_type="webhook_subscription",
        target_id=row.id,
        url=row.url,
        events=row.events,
        is_active=row.is_active,
    )


def get_subscription(
    db: Session, webhook_id: int, *, for_update: bool = False
) -> WebhookSubscription:
    query = select(WebhookSubscription).where(WebhookSubscription.id == webhook_id)
    row = db.scalar(query.with_for_update() if for_update else query)
    if row is None:
        raise WebhookNotFound()
    return row


def list_subscriptions(db: Session) -> list[WebhookSubscription]:
    return list(db.scalars(select(WebhookSubscription).order_by(WebhookSubscription.id)))


def check_reachable(url: str) -> None:
    """Refuse a URL whose host resolves to an address webhooks may not reach.

    It waits on DNS, so call it outside any transaction (on SQLite an open write transaction
    holds the one write lock). Saving checks the URL's shape and scheme only; every delivery
    checks the addresses again as it connects, so skipping this loses the clear 422, not safety.
    """
    check_url(url, current_policy())


def create_subscription(
    db: Session, actor: StaffActor, *, name: str, url: str, events: list[str], is_active: bool
) -> tuple[WebhookSubscription, str]:
    """Save a subscription; returns it with its secret, which is shown this once."""
    parse(url, current_policy())
    now = utcnow()
    secret = new_secret()
    row = WebhookSubscription(
        name=name,
        url=url,
        events=sorted(set(events)),
        secret=secret,
        is_active=is_active,
        created_by_staff_id=actor.user.id,
        created_at=now,
        updated_at=now,
    )
    db.add(row)
    db.flush()
    _audit(db, "webhook.created", row, actor)
    return row, secret


def update_subscription(
    db: Session, row: WebhookSubscription, actor: StaffActor, changes: dict[str, Any]
) -> WebhookSubscription:
    if "url" in changes and changes["url"] != row.url:
        parse(changes["url"], current_policy())
        row.url = changes["url"]
    if "name" in changes:
        row.name = changes["name"]
    if "events" in changes:
        row.events = sorted(set(changes["events"]))
    if "is_active" in changes and changes["is_active"] != row.is_active:
        row.is_active = changes["is_active"]
        row.disabled_reason = None if row.is_active else "switched_off"
    row.updated_at = utcnow()
    db.flush()
    _audit(db, "webhook.updated", row, actor)
    return row


def delete_subscription(db: Session, row: WebhookSubscription, actor: StaffActor) -> None:
    _audit(db, "webhook.deleted", row, actor)
    db.delete(row)
    db.flush()


def rotate_secret(db: Session, row: WebhookSubscription, actor: StaffActor) -> str:
    """A new secret signs every delivery sent from now on, retries of older ones included."""
    row.secret = new_secret()
    row.secret_rotated_at = row.updated_at = utcnow()
    db.flush()
    _audit(db, "webhook.secret_rotated", row, actor)
    return row.secret


def _queue(
    db: Session,
    row: WebhookSubscription,
    event_id: str,
    event_type: str,
    body: str,
    redelivery_of: int | None = None,
) -> WebhookDelivery:
    delivery = WebhookDelivery(
        uid=uuid.uuid4().hex,
        subscription_id=row.id,
        event_id=event_id,
        event_type=event_type,
        body=body,
        redelivery_of_id=redelivery_of,
        created_at=utcnow(),
    )
    db.add(delivery)
    db.flush()
    enqueue(db, DELIVER, {"delivery_id": delivery.id})
    return delivery


def ping(db: Session, row: WebhookSubscription) -> WebhookDelivery:
    """Send a test event to one subscription."""
    if not row.is_active:
        raise WebhookInactive()
    event_id, body = payloads.envelope(EventType.ping, {"webhook_id": row.id, "events": row.events})
    return _queue(db, row, event_id, EventType.ping, body)


def get_delivery(db: Session, row: WebhookSubscription, delivery_id: int) -> WebhookDelivery:
    delivery = db.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.subscription_id != row.id:
        raise DeliveryNotFound()
    return delivery


def redeliver(db: Session, row: WebhookSubscription, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery's event again, as a new delivery with the same event id and body."""
    if not row.is_active:
        raise WebhookInactive()
    if delivery.status == DeliveryStatus.pending:
        raise DeliveryPending()
    return _queue(db, row, delivery.event_id, delivery.event_type, delivery.body, delivery.id)


def deliveries_page(
    db: Session,
    row: WebhookSubscription,
    *,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[WebhookDelivery], str | None]:
    """A subscription's deliveries, newest first."""
    query = select(WebhookDelivery).where(WebhookDelivery.subscription_id == row.id)
    if status:
        query = query.where(WebhookDelivery.status == status)
    if cursor:
        before = decode_cursor(cursor).get("id")
        if not isinstance(before, int) or isinstance(before, bool):
            raise InvalidCursor()
        query = query.where(WebhookDelivery.id < before)
    rows = list(db.scalars(query.order_by(WebhookDelivery.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor({"id": rows[-1].id}) if more and rows else None


# --- ticket events → deliveries ------------------------------------------------------------


def _emit(db: Session, event_type: EventType, ticket_id: int, data: dict[str, Any]) -> None:
    subscribers = [
        row
        for row in db.scalars(
            select(WebhookSubscription)
            .where(WebhookSubscription.is_active.is_(True))
            .order_by(WebhookSubscription.id)
        )
        if event_type in row.events
    ]
    if not subscribers:
        return
    ticket = db.get(Ticket, ticket_id)
    if ticket is None or ticket.channel == Channel.internal:
        return  # escalations to departments are internal work, not the platform's business
    event_id, body = payloads.envelope(event_type, {"ticket": payloads.ticket(db, ticket), **data})
    for row in subscribers:
        _queue(db, row, event_id, event_type, body)


def _message(db: Session, ticket_id: int, message_id: int) -> None:
    message = db.get(Message, message_id)
    if message is not None:
        data = {"message": payloads.message(db, message)}
        _emit(db, EventType.message_created, ticket_id, data)


def _on_created(db: Session, event: TicketCreated) -> None:
    _emit(db, EventType.ticket_created, event.ticket_id, {})


def _on_status(db: Session, event: StatusChanged) -> None:
    data = {"old_status": event.old, "new_status": event.new}
    _emit(db, EventType.ticket_status_changed, event.ticket_id, data)


def _on_assigned(db: Session, event: TicketAssigned) -> None:
    data = {"old_assignee_id": event.old_assignee_id, "assignee_id": event.new_assignee_id}
    _emit(db, EventType.ticket_assigned, event.ticket_id, data)


def _on_rated(db: Session, event: TicketRated) -> None:
    rating = db.get(Rating, event.ticket_id)
    if rating is not None:
        data = {"rating": payloads.rating(rating, event.old_score)}
        _emit(db, EventType.ticket_rated, event.ticket_id, data)


def _on_received(db: Session, event: MessageReceived) -> None:
    _message(db, event.ticket_id, event.message_id)


def _on_reply(db: Session, event: ReplySent) -> None:
    _message(db, event.ticket_id, event.message_id)


def install(settings: Settings) -> None:
    """Turn ticket events into deliveries, under these settings' outbound policy."""
    configure(settings)
    subscribe(TicketCreated, "webhooks", _on_created)
    subscribe(StatusChanged, "webhooks", _on_status)
    subscribe(TicketAssigned, "webhooks", _on_assigned)
    subscribe(TicketRated, "webhooks", _on_rated)
    subscribe(MessageReceived, "webhooks", _on_received)
    subscribe(ReplySent, "webhooks", _on_reply)
