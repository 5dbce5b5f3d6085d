"""Many hands on one ticket at once: appends all land, conflicting edits never overwrite."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk, new_ticket


def test_concurrent_replies_and_notes_all_land(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    number = new_ticket(client, user)["number"]

    def send(i: int) -> int:
        if i % 2:
            response = client.post(
                f"/api/v1/me/tickets/{number}/replies", headers=user, json={"body": f"user {i}"}
            )
        else:
            response = client.post(
                f"/api/v1/tickets/{number}/messages",
                headers=lead.headers,
                json={"body": f"note {i}", "internal": True},
            )
        return int(response.status_code)

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, range(24)))
    assert statuses == [201] * 24
    messages = client.get(f"/api/v1/tickets/{number}/messages", headers=lead.headers).json()
    assert len(messages) == 25  # the first message and all 24


def test_simultaneous_edits_from_one_version_let_exactly_one_win(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    number = new_ticket(client, desk.user())["number"]
    version = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["version"]
    priorities = ["low", "high", "urgent", "low", "high", "urgent"]

    def edit(priority: str) -> tuple[int, str]:
        response = client.patch(
            f"/api/v1/tickets/{number}",
            headers=lead.headers,
            json={"version": version, "priority": priority},
        )
        code = response.json()["error"]["code"] if response.status_code != 200 else ""
        return response.status_code, code

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(edit, priorities))
    assert sorted(status for status, _ in results) == [200] + [409] * 5
    assert {code for status, code in results if status == 409} == {"version_conflict"}
    events = client.get(f"/api/v1/tickets/{number}/events", headers=lead.headers).json()
    assert len([e for e in events if e["field"] == "priority"]) == 1
