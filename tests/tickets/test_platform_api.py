"""The platform's backend: scoped API tokens and idempotent ticket creation."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.tickets.models import Ticket
from tests.conftest import Desk

PAYLOAD = {
    "requester": {"platform_user_id": "p-42", "name": "Jordan", "locale": "en", "vip_level": 3},
    "subject": "Report from the in-app button",
    "body": "Video 7788 shows dangerous stunts by a minor",
    "type": "content_report",
    "priority": "high",
    "tags": ["report", "minor"],
}


def test_platform_creates_ticket_for_user_and_retries_are_idempotent(
    client: TestClient, desk: Desk
) -> None:
    api = desk.api_token("tickets:write", "tickets:read")
    headers = {**api, "Idempotency-Key": "req-001"}
    first = client.post("/api/v1/platform/tickets", json=PAYLOAD, headers=headers)
    assert first.status_code == 201, first.text
    ticket = first.json()
    assert ticket["requester"]["platform_user_id"] == "p-42"
    assert ticket["requester"]["vip_level"] == 3
    assert (ticket["channel"], ticket["tags"]) == ("api", ["minor", "report"])

    retry = client.post("/api/v1/platform/tickets", json=PAYLOAD, headers=headers)
    assert retry.status_code == 200
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.json()["number"] == ticket["number"]

    changed = client.post(
        "/api/v1/platform/tickets", headers=headers, json={**PAYLOAD, "body": "something else"}
    )
    assert (changed.status_code, changed.json()["error"]["code"]) == (409, "idempotency_key_reused")

    other_key = client.post(
        "/api/v1/platform/tickets", json=PAYLOAD, headers={**api, "Idempotency-Key": "req-002"}
    )
    assert other_key.json()["number"] != ticket["number"]

    # The same user signing in later sees the ticket the platform filed for them.
    user = desk.user("p-42")
    mine = client.get("/api/v1/me/tickets", headers=user).json()["items"]
    assert ticket["number"] in [t["number"] for t in mine]
    read = client.get(f"/api/v1/platform/tickets/{ticket['number']}", headers=api)
    assert read.status_code == 200


def test_concurrent_retries_create_exactly_one_ticket(
    client: TestClient, desk: Desk, database: Database
) -> None:
    api = desk.api_token("tickets:write")
    headers = {**api, "Idempotency-Key": "burst-1"}

    def send(_: int) -> tuple[int, int]:
        response = client.post("/api/v1/platform/tickets", json=PAYLOAD, headers=headers)
        return response.status_code, response.json()["number"]

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(send, range(12)))
    assert {number for _, number in results} == {results[0][1]}
    assert sorted(status for status, _ in results).count(201) == 1
    with database.transaction() as db:
        made = db.scalar(
            select(func.count())
            .select_from(Ticket)
            .join(Contact)
            .where(Contact.platform_user_id == "p-42")
        )
    assert made == 1


def test_tokens_need_the_right_scope(client: TestClient, desk: Desk) -> None:
    read_only = desk.api_token("tickets:read")
    response = client.post("/api/v1/platform/tickets", json=PAYLOAD, headers=read_only)
    assert (response.status_code, response.json()["error"]["code"]) == (403, "scope_required")
    write_only = desk.api_token("tickets:write")
    assert client.get("/api/v1/platform/tickets/10001", headers=write_only).status_code == 403
    fake = client.post(
        "/api/v1/platform/tickets",
        json=PAYLOAD,
        headers={"Authorization": "Bearer kat_not-a-real-token"},
    )
    assert (fake.status_code, fake.json()["error"]["code"]) == (401, "invalid_token")
    for bad in (
        {**PAYLOAD, "requester": {}},
        {**PAYLOAD, "priority": "asap"},
        {**PAYLOAD, "requester": {"platform_user_id": "x", "vip_level": 99}},
    ):
        invalid = client.post(
            "/api/v1/platform/tickets", json=bad, headers=desk.api_token("tickets:write")
        )
        assert invalid.status_code == 422
