"""The delivery job: one signed POST per try, never inside a request.

Each try is logged (status, duration, error, the start of the answer). 2xx is delivered. 410 Gone
switches the subscription off. 408, 429, 5xx, time-outs and connection errors are tried again
with exponential backoff, up to ``MAX_ATTEMPTS`` tries; any other answer (3xx included: redirects
are not followed) fails for good, as does a URL the outbound policy now refuses.

Signing: ``X-Kefu-Signature: sha256=<hex HMAC-SHA256 of "{X-Kefu-Timestamp}.{raw body}">`` keyed
with the subscription's secret. A receiver recomputes it over the raw bytes it received, compares
in constant time, and refuses timestamps more than five minutes from its clock (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from kefu import __version__
from kefu.channels.webhooks.errors import BadWebhookUrl, UnresolvableWebhookHost
from kefu.channels.webhooks.guard import OutboundPolicy, client, parse
from kefu.channels.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscription,
)
from kefu.config import Settings, get_settings
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.worker.queue import JobKind, PermanentFailure, register

log = logging.getLogger(__name__)
DELIVER = "webhooks.deliver"
MAX_ATTEMPTS = 8  # 7 waits of 30 s doubling up to 30 min (±20%): about an hour in all
EXCERPT_BYTES = 2048  # how much of the receiver's answer is read and kept
TOTAL_SECONDS = 60.0  # one POST in all, far below the worker's five-minute lease


@dataclass(frozen=True)
class _Config:
    policy: OutboundPolicy
    timeout: float


_config: _Config | None = None


def configure(settings: Settings) -> None:
    """Use these settings' outbound policy (the app calls it; a bare worker reads the env)."""
    global _config
    _config = _Config(OutboundPolicy.from_settings(settings), settings.webhook_timeout)


def current_policy() -> OutboundPolicy:
    return _current().policy


def _current() -> _Config:
    if _config is None:
        configure(get_settings())
    assert _config is not None
    return _config


def sign(secret: str, timestamp: str, body: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256)
    return "sha256=" + digest.hexdigest()


class RetryLater(Exception):
    """The receiver could not take it now; the job runs again after its backoff."""


@dataclass(frozen=True)
class _Result:
    status_code: int | None = None
    error: str | None = None
    excerpt: str | None = None
    refused: bool = False  # the outbound policy refused the URL or its addresses
    duration_ms: int = 0


def _clean(text: str, limit: int) -> str:
    return text.replace("\x00", "")[:limit]  # PostgreSQL text cannot hold NUL


def _post(url: str, secret: str, uid: str, event_type: str, body: str) -> _Result:
    config = _current()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "Accept-Encoding": "identity",  # the excerpt is read raw: no compressed answers
        "User-Agent": f"kefu-webhooks/{__version__}",
        "X-Kefu-Event": event_type,
        "X-Kefu-Delivery": uid,
        "X-Kefu-Timestamp": timestamp,
        "X-Kefu-Signature": sign(secret, timestamp, body),
    }
    started = time.perf_counter()

    def took() -> int:
        return round((time.perf_counter() - started) * 1000)

    watchdog: threading.Timer | None = None
    try:
        parse(url, config.policy)  # the settings may have changed since it was saved
        with client(config.policy, config.timeout) as http:
            # The timeout bounds each wait; this bounds the whole POST, so a receiver that
            # trickles its answer cannot hold the worker (and outlive the job's lease).
            watchdog = threading.Timer(TOTAL_SECONDS, http.close)
            watchdog.daemon = True
            watchdog.start()
            with http.stream("POST", url, content=body.encode(), headers=headers) as response:
                received = b""
                for chunk in response.iter_raw():
                    received += chunk
                    if len(received) >= EXCERPT_BYTES:
                        break
                excerpt = _clean(received[:EXCERPT_BYTES].decode("utf-8", "replace"), 1000)
                code = response.status_code
                return _Result(status_code=code, excerpt=excerpt, duration_ms=took())
    except UnresolvableWebhookHost as exc:  # DNS may answer next time: worth a retry
        return _Result(error=_clean(exc.message("en"), 500), duration_ms=took())
    except BadWebhookUrl as exc:
        return _Result(error=_clean(exc.message("en"), 500), refused=True, duration_ms=took())
    except httpx.TimeoutException:
        error = f"timed out (limit {config.timeout:g} s)"
        return _Result(error=error, duration_ms=took())
    except Exception as exc:  # httpx errors, and a client closed by the watchdog
        if took() >= TOTAL_SECONDS * 1000:
            return _Result(error=f"took longer than {TOTAL_SECONDS:g} s", duration_ms=took())
        return _Result(error=_clean(f"{type(exc).__name__}: {exc}", 500), duration_ms=took())
    finally:
        if watchdog is not None:
            watchdog.cancel()


def _outcome(result: _Result, number: int) -> str:
    code = result.status_code
    if result.refused:
        return "failed"
    if code is not None and 200 <= code < 300:
        return "delivered"
    retryable = code is None or code in (408, 429) or code >= 500
    if retryable and number < MAX_ATTEMPTS:
        return "retry"
    return "failed"


def deliver(database: Database, payload: dict[str, Any]) -> None:
    """Job handler: try one delivery once (again, if the job runs twice it sees it was done)."""
    delivery_id = payload.get("delivery_id")
    with database.transaction(write=False) as db:
        delivery = db.get(WebhookDelivery, delivery_id)
        if delivery is None or delivery.status != DeliveryStatus.pending:
            return  # deleted with its subscription, or already settled
        subscription = db.get(WebhookSubscription, delivery.subscription_id)
        assert subscription is not None
        active = subscription.is_active
        url, secret = subscription.url, subscription.secret
        uid, event_type, body = delivery.uid, delivery.event_type, delivery.body
    if not active:
        with database.transaction() as db:
            delivery = db.get(WebhookDelivery, delivery_id, with_for_update=True)
            if delivery is not None and delivery.status == DeliveryStatus.pending:
                delivery.status, delivery.finished_at = DeliveryStatus.cancelled, utcnow()
        return

    result = _post(url, secret, uid, event_type, body)
    with database.transaction() as db:
        delivery = db.get(WebhookDelivery, delivery_id, with_for_update=True)
        if delivery is None:
            return
        number = delivery.attempts + 1
        outcome = _outcome(result, number)
        db.add(
            WebhookAttempt(
                delivery_id=delivery.id,
                number=number,
                url=url,
                status_code=result.status_code,
                duration_ms=result.duration_ms,
                error=result.error,
                response_excerpt=result.excerpt,
                outcome=outcome,
                attempted_at=utcnow(),
            )
        )
        delivery.attempts = number
        delivery.last_status_code = result.status_code
        if outcome != "retry":
            delivery.finished_at = utcnow()
            delivery.status = (
                DeliveryStatus.delivered if outcome == "delivered" else DeliveryStatus.failed
            )
        if result.status_code == 410:
            subscription = db.get(
                WebhookSubscription, delivery.subscription_id, with_for_update=True
            )
            if subscription is not None and subscription.is_active:
                log.warning("webhook %s answered 410 Gone; switched off", subscription.id)
                subscription.is_active, subscription.disabled_reason = False, "gone"
                subscription.updated_at = utcnow()
    what = result.error or f"HTTP {result.status_code}"
    if outcome == "retry":
        raise RetryLater(f"delivery {uid} try {number}: {what}")
    if outcome == "failed":
        raise PermanentFailure(f"delivery {uid} failed after {number} tries: {what}")


register(
    JobKind(
        DELIVER,
        deliver,
        max_attempts=MAX_ATTEMPTS,
        first_delay=timedelta(seconds=30),
        max_delay=timedelta(minutes=30),
    )
)
