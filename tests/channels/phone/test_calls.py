"""Logging phone calls through the agents' API: on a contact, on a ticket's timeline, and as a
new phone ticket for an inbound call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk, new_ticket, route_to


def started(minutes_ago: int = 10) -> str:
    return (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()


def log(client: TestClient, headers: dict[str, str], **fields: Any) -> httpx.Response:
    body = {
        "number": "+86 138-1234-5678",
        "direction": "inbound",
        "started_at": started(),
        "duration_seconds": 200,
        **fields,
    }
    response: httpx.Response = client.post("/api/v1/calls", headers=headers, json=body)
    return response


def test_a_call_on_a_ticket_is_an_internal_note_on_its_timeline(
    client: TestClient, desk: Desk
) -> None:
    user = desk.user()
    agent = desk.staff("agent", teams=("technical_support",))
    number = new_ticket(client, user)["number"]
    response = log(
        client,
        agent.headers,
        ticket_number=number,
        notes="User cannot receive SMS codes; walked through the reset.",
        recording_ref="https://rec.example/calls/2026/11/abc.mp3",
    )
    assert response.status_code == 201, response.text
    call = response.json()
    assert call["number"] == "+8613812345678" and call["ticket_number"] == number
    requester_id = client.get(f"/api/v1/tickets/{number}", headers=agent.headers).json()[
        "requester"
    ]["id"]
    assert call["contact_id"] == requester_id and call["logged_by_staff_id"] == agent.id
    messages = client.get(f"/api/v1/tickets/{number}/messages", headers=agent.headers).json()
    note = messages[-1]
    assert note["kind"] == "internal"
    assert "来电" in note["body"] and "3 分 20 秒" in note["body"]  # the ticket is in Chinese
    assert "rec.example" in note["body"] and "walked through" in note["body"]
    events = client.get(f"/api/v1/tickets/{number}/events", headers=agent.headers).json()
    assert events[-1]["kind"] == "message_added" and events[-1]["new_value"] == "internal"
    # The requester does not see the call note.
    mine = client.get(f"/api/v1/me/tickets/{number}", headers=user).json()
    assert all(m["kind"] == "public" for m in mine["messages"])
    listed = client.get(f"/api/v1/tickets/{number}/calls", headers=agent.headers).json()
    assert [c["id"] for c in listed] == [call["id"]]
    by_contact = client.get(f"/api/v1/contacts/{requester_id}/calls", headers=agent.headers)
    assert [c["id"] for c in by_contact.json()["items"]] == [call["id"]]


def test_an_inbound_call_from_a_new_number_opens_a_phone_ticket(
    client: TestClient, desk: Desk
) -> None:
    agent = desk.staff("agent", teams=("after_sales",))
    response = log(
        client,
        agent.headers,
        number="400-123-4567",
        duration_seconds=45,
        notes="订单 8812 退款未到账，已告知 3 个工作日内到账",
        create_ticket=True,
    )
    assert response.status_code == 201, response.text
    call = response.json()
    number = call["ticket_number"]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=agent.headers).json()
    assert ticket["channel"] == "phone" and "phone" in ticket["tags"]
    assert ticket["subject"] == "来电 4001234567"
    assert ticket["requester"]["id"] == call["contact_id"]
    messages = client.get(f"/api/v1/tickets/{number}/messages", headers=agent.headers).json()
    assert len(messages) == 1 and messages[0]["kind"] == "internal"
    # The same number calls again: the same contact, without a new ticket.
    again = log(client, agent.headers, number="4001234567", direction="outbound", notes="回访")
    assert again.status_code == 201
    assert (
        again.json()["contact_id"] == call["contact_id"] and again.json()["ticket_number"] is None
    )
    calls = client.get(f"/api/v1/contacts/{call['contact_id']}/calls", headers=agent.headers)
    assert [c["direction"] for c in calls.json()["items"]] == ["outbound", "inbound"]


def test_a_contacts_calls_page_and_hide_other_teams_tickets(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    agent = desk.staff("agent", teams=("technical_support",))
    number = new_ticket(client, user)["number"]
    route_to(client, lead, number, desk.team_id("legal"))
    log(client, lead.headers, ticket_number=number, notes="legal matter")
    contact_id = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["requester"][
        "id"
    ]
    for i in range(3):
        log(client, agent.headers, contact_id=contact_id, notes=f"call {i}")
    page = client.get(
        f"/api/v1/contacts/{contact_id}/calls", params={"limit": 2}, headers=agent.headers
    ).json()
    rest = client.get(
        f"/api/v1/contacts/{contact_id}/calls",
        params={"limit": 2, "cursor": page["next_cursor"]},
        headers=agent.headers,
    ).json()
    notes = [c["notes"] for c in page["items"] + rest["items"]]
    assert notes == ["call 2", "call 1", "call 0"]  # not the call on legal's ticket
    assert rest["next_cursor"] is None
    everything = client.get(f"/api/v1/contacts/{contact_id}/calls", headers=lead.headers).json()
    assert len(everything["items"]) == 4
    forbidden = client.get(f"/api/v1/tickets/{number}/calls", headers=agent.headers)
    assert forbidden.status_code == 403
    refused = log(client, agent.headers, ticket_number=number)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "ticket_forbidden"


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"number": "12"}, 422, "validation_error"),
        ({"number": "call me maybe"}, 422, "validation_error"),
        ({"number": "+0123456789"}, 422, "validation_error"),
        ({"direction": "sideways"}, 422, "validation_error"),
        ({"duration_seconds": -1}, 422, "validation_error"),
        ({"duration_seconds": 86401}, 422, "validation_error"),
        ({"started_at": "2026-11-21T10:00:00"}, 422, "validation_error"),  # no time zone
        ({"started_at": "yesterday"}, 422, "validation_error"),
        ({"notes": "a\x00b"}, 422, "validation_error"),
        ({"recording_ref": "javascript:alert(1)"}, 422, "validation_error"),
        ({"recording_ref": "../../etc/passwd"}, 422, "validation_error"),
        ({"recording_ref": "has space.mp3"}, 422, "validation_error"),
        ({"contact_id": 0}, 422, "validation_error"),
        ({"ticket_number": 2**31}, 422, "validation_error"),
        ({"surprise": 1}, 422, "validation_error"),
        ({"contact_id": 999999}, 404, "contact_not_found"),
        ({"ticket_number": 999999}, 404, "ticket_not_found"),
        ({"create_ticket": True}, 422, "call_needs_notes"),
        (
            {"create_ticket": True, "direction": "outbound", "notes": "x"},
            422,
            "ticket_for_outbound_call",
        ),
    ],
)
def test_bad_calls_are_refused(
    client: TestClient, desk: Desk, fields: dict[str, Any], status: int, code: str
) -> None:
    agent = desk.staff("agent")
    response = log(client, agent.headers, **fields)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def test_calls_in_the_future_and_on_someone_elses_ticket_are_refused(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    future = log(client, lead.headers, started_at=started(minutes_ago=-60))
    assert future.status_code == 422 and future.json()["error"]["code"] == "call_in_future"
    number = new_ticket(client, desk.user())["number"]
    stranger = log(client, lead.headers, notes="x").json()["contact_id"]
    mismatch = log(client, lead.headers, ticket_number=number, contact_id=stranger)
    assert mismatch.status_code == 422
    assert mismatch.json()["error"]["code"] == "call_contact_mismatch"


def test_only_staff_log_and_read_calls(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    assert log(client, user).status_code == 403
    assert log(client, {}).status_code == 401
    assert client.get("/api/v1/contacts/1/calls", headers=user).status_code == 403
    agent = desk.staff("agent")
    missing = client.get("/api/v1/contacts/999999/calls", headers=agent.headers)
    assert missing.status_code == 404
