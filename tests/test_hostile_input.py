"""Bad input gets a 4xx with a code, never a 500, on every backend."""

from __future__ import annotations

import base64
import json

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk, new_ticket

HUGE = [2**31, 2**40, 2**63, 10**30]


def _cursor(key: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def assert_4xx(response: object, where: object) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert 400 <= status < 500, (where, status, response.text)  # type: ignore[attr-defined]
    assert response.json()["error"]["code"], where  # type: ignore[attr-defined]


def test_out_of_range_ids_everywhere(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.admin)
    user = desk.user()
    number = new_ticket(client, user)["number"]
    version = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["version"]
    for big in HUGE:
        calls = [
            ("get", f"/api/v1/tickets/{big}", None, lead.headers),
            ("get", f"/api/v1/me/tickets/{big}", None, user),
            ("get", f"/api/v1/attachments/{big}", None, user),
            ("patch", f"/api/v1/admin/staff/{big}", {}, lead.headers),
            (
                "patch",
                f"/api/v1/tickets/{number}",
                {"version": version, "team_id": big},
                lead.headers,
            ),
            (
                "patch",
                f"/api/v1/tickets/{number}",
                {"version": version, "assignee_id": big},
                lead.headers,
            ),
            ("post", f"/api/v1/tickets/{number}/merge", {"target_number": big}, lead.headers),
            (
                "post",
                f"/api/v1/tickets/{number}/escalate",
                {"team_id": big, "note": "x"},
                lead.headers,
            ),
            ("post", "/api/v1/me/tickets", {"body": "x", "attachment_ids": [big]}, user),
        ]
        for method, path, body, headers in calls:
            assert_4xx(client.request(method, path, json=body, headers=headers), (path, body))
        for params in ({"team": str(big)}, {"requester_id": big}, {"parent": big}):
            assert_4xx(client.get("/api/v1/tickets", params=params, headers=lead.headers), params)
        # A huge "#number" is just text to search for.
        found = client.get("/api/v1/tickets", params={"q": f"#{big}"}, headers=lead.headers)
        assert found.status_code == 200 and found.json()["items"] == []
    for odd in ("²", "١٢", "-1", "0", "1e3"):
        assert_4xx(client.get("/api/v1/tickets", params={"team": odd}, headers=lead.headers), odd)


def test_hostile_cursors(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    new_ticket(client, desk.user())
    cursors = [
        _cursor({"s": "updated_at", "o": "desc", "v": "2020-01-01", "id": 1}),  # naive time
        _cursor({"s": "updated_at", "o": "desc", "v": "9999-12-31T23:59:59-23:59", "id": 1}),
        _cursor({"s": "updated_at", "o": "desc", "v": "2020-01-01T00:00:00+00:00", "id": 2**70}),
        _cursor({"s": "number", "o": "desc", "v": 2**70, "id": 1}),
        _cursor({"s": "number", "o": "desc", "v": True, "id": 1}),
        base64.urlsafe_b64encode(b"[" * 3000).decode(),
        "%%%%",
    ]
    for cursor in cursors:
        sort = (
            "number"
            if '"s": "number"'
            in base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode(errors="ignore")
            else "updated_at"
        )
        response = client.get(
            "/api/v1/tickets", headers=lead.headers, params={"cursor": cursor, "sort": sort}
        )
        assert_4xx(response, cursor[:40])
    mine = client.get("/api/v1/me/tickets", headers=desk.user(), params={"cursor": cursors[0]})
    assert_4xx(mine, "requester cursor")


def test_nulls_nuls_and_oversized_values(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    number = new_ticket(client, user)["number"]
    version = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["version"]
    for field in ("subject", "type", "priority", "locale", "tags", "status"):
        response = client.patch(
            f"/api/v1/tickets/{number}",
            headers=lead.headers,
            json={"version": version, field: None},
        )
        assert (response.status_code, response.json()["error"]["code"]) == (
            422,
            "validation_error",
        ), field
    cleared = client.patch(
        f"/api/v1/tickets/{number}",
        headers=lead.headers,
        json={"version": version, "category": None, "assignee_id": None},
    )
    assert cleared.status_code == 200

    for body in (
        {"body": "bad\x00byte"},
        {"body": "ok", "subject": "a\x00b"},
        {"body": "ok", "locale": "en-aaaaaaaa-bbbbbbbb"},
    ):
        assert_4xx(client.post("/api/v1/me/tickets", json=body, headers=user), body)
    nul_name = desk.user(name="Eve\x00il")
    assert client.get("/api/v1/me", headers=nul_name).json()["name"] == "Eveil"

    blob = "A" * 5000  # a pasted token or base64 blob: stored, never indexed
    pasted = new_ticket(client, user, body=f"我的截图编码 {blob} 提现失败")
    found = client.get("/api/v1/tickets", headers=lead.headers, params={"q": "提现失败"})
    assert pasted["number"] in [t["number"] for t in found.json()["items"]]
