"""Webhooks delivered to a real receiver on 127.0.0.1 (allowed by KEFU_WEBHOOK_ALLOWED_HOSTS):
signed, only after commit, never in the request, retried with backoff, switched off by 410."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from kefu.auth.actors import SYSTEM
from kefu.auth.models import Role
from kefu.channels.webhooks.delivery import configure
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.tickets.intake import NewTicket, create_ticket
from kefu.worker.models import Job, JobStatus
from kefu.worker.runner import run_until_idle
from tests.channels.webhooks.receiver import Receiver, running_receiver
from tests.conftest import Desk, StaffHandle, edit_ticket, new_ticket

ALL_EVENTS = [
    "ticket.created",
    "ticket.status_changed",
    "ticket.assigned",
    "message.created",
    "ticket.rated",
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        env="test",
        data_dir=tmp_path / "data",
        inline_worker=False,
        webhook_allowed_hosts="127.0.0.1,localhost",
        webhook_timeout=5,
    )


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


@pytest.fixture
def admin(desk: Desk) -> StaffHandle:
    return desk.staff("admin", Role.admin)


def subscribe(
    client: TestClient, admin: StaffHandle, url: str, events: list[str] = ALL_EVENTS
) -> dict[str, Any]:
    response = client.post(
        "/api/v1/webhooks",
        headers=admin.headers,
        json={"name": "backend", "url": url, "events": events},
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    assert created["secret"].startswith("whsec_")
    return created


def make_due(database: Database) -> None:
    with database.transaction() as db:
        db.execute(update(Job).where(Job.status == JobStatus.queued).values(run_at=utcnow()))


def deliveries(client: TestClient, admin: StaffHandle, hook: dict[str, Any]) -> list[Any]:
    response = client.get(f"/api/v1/webhooks/{hook['id']}/deliveries", headers=admin.headers)
    assert response.status_code == 200, response.text
    items: list[Any] = response.json()["items"]
    return items


def test_events_are_signed_and_sent_by_the_worker_after_the_request(
    client: TestClient, desk: Desk, database: Database, admin: StaffHandle, receiver: Receiver
) -> None:
    hook = subscribe(client, admin, receiver.url)
    assert (
        "secret" not in client.get(f"/api/v1/webhooks/{hook['id']}", headers=admin.headers).json()
    )
    user = desk.user("u-7788")
    agent = desk.staff("agent", Role.supervisor)
    number = new_ticket(client, user, subject="Refund")["number"]
    assert receiver.requests == []  # the request has returned; nothing was posted in it

    edit_ticket(client, agent.headers, number, assignee_id=agent.id)
    for body in ({"body": "Looking into it"}, {"body": "note", "internal": True}):
        sent = client.post(f"/api/v1/tickets/{number}/messages", headers=agent.headers, json=body)
        assert sent.status_code == 201, sent.text
    assert edit_ticket(client, agent.headers, number, status="solved").status_code == 200
    rated = client.put(f"/api/v1/me/tickets/{number}/rating", headers=user, json={"score": 5})
    assert rated.status_code == 200, rated.text
    other = new_ticket(client, desk.user())["number"]
    child = client.post(
        f"/api/v1/tickets/{other}/escalate",
        headers=agent.headers,
        json={"team_id": desk.team_id("legal"), "note": "internal: please check"},
    )
    assert child.status_code == 201, child.text
    assert receiver.requests == []

    assert run_until_idle(database) == 10
    other_events = [
        r.event for r in receiver.requests if r.json["data"]["ticket"]["number"] == other
    ]
    # Created, its first message, and on hold for the department; the child ticket is internal.
    assert other_events == ["ticket.created", "message.created", "ticket.status_changed"]
    receiver.requests = [
        r for r in receiver.requests if r.json["data"]["ticket"]["number"] == number
    ]
    assert Counter(receiver.events()) == {
        "ticket.created": 1,
        "message.created": 2,  # the requester's and the public reply; never the internal note
        "ticket.assigned": 1,
        "ticket.status_changed": 2,  # new → open on assignment, then → solved
        "ticket.rated": 1,
    }
    for request in receiver.requests:
        assert request.signed_with(hook["secret"])
        assert request.path == "/hooks/"
        assert request.headers["content-type"].startswith("application/json")
        assert request.json["type"] == request.event
        assert request.json["data"]["ticket"]["number"] == number
        assert request.json["data"]["ticket"]["requester"]["platform_user_id"] == "u-7788"
    by_type = {r.event: r.json["data"] for r in receiver.requests}
    assert by_type["ticket.rated"]["rating"]["score"] == 5
    assert by_type["ticket.assigned"]["assignee_id"] == agent.id
    bodies = [
        r.json["data"]["message"]["body"] for r in receiver.requests if r.event == "message.created"
    ]
    assert "note" not in bodies and "Looking into it" in bodies
    tampered = receiver.requests[0]
    tampered.body = tampered.body.replace(b"Refund", b"Refunx")
    assert not tampered.signed_with(hook["secret"])

    log = deliveries(client, admin, hook)
    assert len(log) == 10 and all(d["status"] == "delivered" for d in log)
    assert {r.headers["x-kefu-delivery"] for r in receiver.requests} <= {d["uid"] for d in log}


def test_nothing_is_sent_for_a_transaction_that_rolls_back(
    client: TestClient, database: Database, admin: StaffHandle, receiver: Receiver
) -> None:
    subscribe(client, admin, receiver.url)
    with pytest.raises(RuntimeError), database.transaction() as db:
        contact = Contact(name="someone")
        db.add(contact)
        db.flush()
        create_ticket(db, SYSTEM, contact, NewTicket(subject="x", body="y"))
        raise RuntimeError("the request failed")
    assert run_until_idle(database) == 0
    assert receiver.requests == []


def test_a_server_error_is_retried_with_backoff_until_it_is_taken(
    client: TestClient, desk: Desk, database: Database, admin: StaffHandle, receiver: Receiver
) -> None:
    hook = subscribe(client, admin, receiver.url, ["ticket.created"])
    receiver.script = [500, 503, 200]
    new_ticket(client, desk.user())
    assert run_until_idle(database) == 1
    with database.transaction(write=False) as db:
        job = db.scalars(select(Job)).one()
        first_wait = job.run_at - utcnow()
    assert job.status == JobStatus.queued
    assert timedelta(seconds=20) < first_wait < timedelta(seconds=40)
    assert run_until_idle(database) == 0  # not due yet
    make_due(database)
    assert run_until_idle(database) == 1
    with database.transaction(write=False) as db:
        second_wait = db.scalars(select(Job)).one().run_at - utcnow()
    assert second_wait > first_wait  # exponential
    make_due(database)
    assert run_until_idle(database) == 1

    assert [r.event for r in receiver.requests] == ["ticket.created"] * 3
    assert len({r.headers["x-kefu-delivery"] for r in receiver.requests}) == 1
    assert all(r.signed_with(hook["secret"]) for r in receiver.requests)
    (delivery,) = deliveries(client, admin, hook)
    assert delivery["status"] == "delivered" and delivery["attempts"] == 3
    detail = client.get(
        f"/api/v1/webhooks/{hook['id']}/deliveries/{delivery['id']}", headers=admin.headers
    ).json()
    assert [(a["status_code"], a["outcome"]) for a in detail["attempt_log"]] == [
        (500, "retry"),
        (503, "retry"),
        (200, "delivered"),
    ]
    assert detail["attempt_log"][0]["response_excerpt"] == "answer 500"
    assert detail["payload"]["type"] == "ticket.created"
    with database.transaction(write=False) as db:
        assert db.scalars(select(Job)).one().status == JobStatus.done


def test_410_gone_switches_the_subscription_off(
    client: TestClient, desk: Desk, database: Database, admin: StaffHandle, receiver: Receiver
) -> None:
    hook = subscribe(client, admin, receiver.url, ["ticket.created"])
    receiver.script = [410]
    new_ticket(client, desk.user())
    assert run_until_idle(database) == 1
    read = client.get(f"/api/v1/webhooks/{hook['id']}", headers=admin.headers).json()
    assert read["is_active"] is False and read["disabled_reason"] == "gone"
    assert deliveries(client, admin, hook)[0]["status"] == "failed"
    new_ticket(client, desk.user())
    assert run_until_idle(database) == 0 and len(receiver.requests) == 1
    with database.transaction(write=False) as db:
        assert db.scalars(select(Job.status)).all() == [JobStatus.dead]
    switched_on = client.patch(
        f"/api/v1/webhooks/{hook['id']}", headers=admin.headers, json={"is_active": True}
    ).json()
    assert switched_on["is_active"] is True and switched_on["disabled_reason"] is None


@pytest.mark.parametrize(
    ("script", "outcomes"),
    [
        ([429, 400], [(429, "retry"), (400, "failed")]),  # 429 waits; other 4xx are final
        ([408, 302], [(408, "retry"), (302, "failed")]),  # redirects are not followed
    ],
)
def test_client_errors_and_redirects_are_final(
    client: TestClient,
    desk: Desk,
    database: Database,
    admin: StaffHandle,
    receiver: Receiver,
    script: list[int],
    outcomes: list[tuple[int, str]],
) -> None:
    hook = subscribe(client, admin, receiver.url, ["ticket.created"])
    receiver.script = list(script)  # the parameter is shared by every backend
    new_ticket(client, desk.user())
    run_until_idle(database)
    make_due(database)
    run_until_idle(database)
    make_due(database)
    assert run_until_idle(database) == 0
    assert len(receiver.requests) == 2  # the redirect's Location was never visited
    (delivery,) = deliveries(client, admin, hook)
    detail = client.get(
        f"/api/v1/webhooks/{hook['id']}/deliveries/{delivery['id']}", headers=admin.headers
    ).json()
    assert [(a["status_code"], a["outcome"]) for a in detail["attempt_log"]] == outcomes
    assert detail["status"] == "failed"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_address_is_checked_again_when_delivering(
    client: TestClient,
    desk: Desk,
    database: Database,
    admin: StaffHandle,
    receiver: Receiver,
    host: str,
) -> None:
    url = receiver.url.replace("127.0.0.1", host)
    hook = subscribe(client, admin, url, ["ticket.created"])
    new_ticket(client, desk.user())
    assert run_until_idle(database) == 1
    assert len(receiver.requests) == 1  # allowed: delivered (localhost may try ::1 first)
    new_ticket(client, desk.user())
    # The operator withdraws the exception (or the name now resolves elsewhere): the saved URL
    # is refused as the worker connects.
    configure(Settings(env="test", webhook_allow_http=True))
    assert run_until_idle(database) == 1
    assert len(receiver.requests) == 1
    latest = deliveries(client, admin, hook)[0]
    detail = client.get(
        f"/api/v1/webhooks/{hook['id']}/deliveries/{latest['id']}", headers=admin.headers
    ).json()
    assert detail["status"] == "failed"
    (attempt,) = detail["attempt_log"]
    assert attempt["status_code"] is None and "webhooks may not reach" in attempt["error"]
    with database.transaction(write=False) as db:
        statuses = db.scalars(select(Job.status).order_by(Job.id)).all()
    assert statuses == [JobStatus.done, JobStatus.dead]


def test_redeliver_ping_and_rotate_the_secret(
    client: TestClient, desk: Desk, database: Database, admin: StaffHandle, receiver: Receiver
) -> None:
    hook = subscribe(client, admin, receiver.url, ["ticket.created"])
    base = f"/api/v1/webhooks/{hook['id']}"
    for _ in range(3):
        new_ticket(client, desk.user())
    first_page = client.get(f"{base}/deliveries?limit=2", headers=admin.headers).json()
    second_page = client.get(
        f"{base}/deliveries?limit=2&cursor={first_page['next_cursor']}", headers=admin.headers
    ).json()
    ids = [d["id"] for d in first_page["items"] + second_page["items"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == 3
    assert second_page["next_cursor"] is None
    pending = client.post(f"{base}/deliveries/{ids[0]}/redeliver", headers=admin.headers)
    assert pending.status_code == 409
    assert pending.json()["error"]["code"] == "webhook_delivery_pending"
    run_until_idle(database)

    rotated = client.post(f"{base}/rotate-secret", headers=admin.headers).json()["secret"]
    assert rotated != hook["secret"]
    again = client.post(f"{base}/deliveries/{ids[0]}/redeliver", headers=admin.headers)
    assert again.status_code == 202, again.text
    assert again.json()["redelivery_of_id"] == ids[0]
    ping = client.post(f"{base}/ping", headers=admin.headers)
    assert ping.status_code == 202
    assert run_until_idle(database) == 2
    # Jobs run in the order they were queued: deliveries ids[2], ids[1], ids[0], then ours.
    original, redelivered, pinged = receiver.requests[2], receiver.requests[3], receiver.requests[4]
    assert redelivered.body == original.body  # the same event, with the same event id
    assert redelivered.headers["x-kefu-delivery"] != original.headers["x-kefu-delivery"]
    assert redelivered.signed_with(rotated) and not redelivered.signed_with(hook["secret"])
    assert pinged.event == "ping" and pinged.json["data"]["webhook_id"] == hook["id"]

    assert client.delete(base, headers=admin.headers).status_code == 204
    assert client.get(base, headers=admin.headers).status_code == 404
    new_ticket(client, desk.user())
    assert run_until_idle(database) == 0
