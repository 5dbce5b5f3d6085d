"""The "..." report button and the platform's report API: input checks, anonymity, evidence,
paging, and the platform's scope."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.channels.files import png
from tests.conftest import Desk


def test_the_reason_list_is_bilingual_and_public(client: TestClient) -> None:
    zh = client.get("/api/v1/reports/reasons", headers={"Accept-Language": "zh-CN"}).json()
    fraud = next(r for r in zh if r["key"] == "fraud")
    assert fraud["label"] == "诈骗或欺诈" and fraud["labels"]["en"] == "Fraud or scam"
    assert [r["key"] for r in zh][-1] == "other"


def test_an_anonymous_visitor_reports_with_evidence(client: TestClient, desk: Desk) -> None:
    token = client.post("/api/v1/auth/anonymous", json={}).json()["token"]
    visitor = {"Authorization": f"Bearer {token}"}
    shot = client.post(
        "/api/v1/attachments", headers=visitor, files={"file": ("s.png", png(), "image/png")}
    ).json()
    response = client.post(
        "/api/v1/me/reports",
        headers=visitor,
        json={
            "target": {"type": "comment", "id": "c-991"},
            "reason": "harassment",
            "note": "骂人",
            "attachment_ids": [shot["id"]],
        },
    )
    assert response.status_code == 201, response.text
    mine = client.get("/api/v1/me/reports", headers=visitor).json()["items"]
    assert [(r["target"]["type"], r["reason"]["key"], r["note"]) for r in mine] == [
        ("comment", "harassment", "骂人")
    ]
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    case = client.get("/api/v1/trust/cases", headers=moderator.headers).json()["items"][0]
    detail = client.get(f"/api/v1/trust/cases/{case['id']}", headers=moderator.headers).json()
    assert detail["reports"][0]["reporter"]["is_anonymous"] is True
    messages = client.get(
        f"/api/v1/tickets/{case['ticket_number']}/messages", headers=moderator.headers
    ).json()
    assert messages[0]["attachments"][0]["id"] == shot["id"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"target": {"type": "video", "id": "1"}, "reason": "boring"}, 422),
        ({"target": {"type": "photo", "id": "1"}, "reason": "spam"}, 422),
        ({"target": {"type": "video", "id": "a b"}, "reason": "spam"}, 422),
        ({"target": {"type": "video", "id": "x" * 129}, "reason": "spam"}, 422),
        ({"target": {"type": "video", "id": ""}, "reason": "spam"}, 422),
        ({"target": {"type": "video"}, "reason": "spam"}, 422),
        ({"target": {"type": "video", "id": "1"}, "reason": "spam", "note": "a\x00"}, 422),
        ({"target": {"type": "video", "id": "1"}, "reason": "spam", "note": "x" * 2001}, 422),
        ({"target": {"type": "video", "id": "1"}, "reason": "spam", "attachment_ids": [0]}, 422),
        ({"target": {"type": "video", "id": "1"}, "reason": "spam", "attachment_ids": [99]}, 404),
        ({"target": {"type": "video", "id": "1"}, "reason": "spam", "extra": True}, 422),
    ],
)
def test_bad_reports_are_refused_and_file_nothing(
    client: TestClient, desk: Desk, body: dict[str, object], status: int
) -> None:
    user = desk.user()
    response = client.post("/api/v1/me/reports", headers=user, json=body)
    assert response.status_code == status, response.text
    assert client.get("/api/v1/me/reports", headers=user).json()["items"] == []


def test_my_reports_page_with_a_cursor(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    for i in range(5):
        body = {"target": {"type": "video", "id": f"v{i}"}, "reason": "spam"}
        assert client.post("/api/v1/me/reports", headers=user, json=body).status_code == 201
    first = client.get("/api/v1/me/reports", params={"limit": 3}, headers=user).json()
    second = client.get(
        "/api/v1/me/reports", params={"limit": 3, "cursor": first["next_cursor"]}, headers=user
    ).json()
    ids = [r["target"]["id"] for r in first["items"] + second["items"]]
    assert ids == ["v4", "v3", "v2", "v1", "v0"] and second["next_cursor"] is None
    bad = client.get("/api/v1/me/reports", params={"cursor": "!!"}, headers=user)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_cursor"


def test_the_platform_files_reports_for_its_users(client: TestClient, desk: Desk) -> None:
    platform = desk.api_token("reports:write")
    body = {
        "reporter": {"platform_user_id": "u-777", "name": "Jordan", "locale": "en"},
        "target": {"type": "video", "id": "9001"},
        "reason": "violence",
    }
    filed = client.post("/api/v1/platform/reports", headers=platform, json=body)
    assert filed.status_code == 201, filed.text
    assert filed.json()["case_status"] == "open" and filed.json()["duplicate"] is False
    again = client.post("/api/v1/platform/reports", headers=platform, json=body)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["report_id"] == filed.json()["report_id"]
    # The user sees it once they open the app.
    user = desk.user("u-777")
    mine = client.get("/api/v1/me/reports", headers=user).json()["items"]
    assert [r["id"] for r in mine] == [filed.json()["report_id"]]
    # Another reporter through the app joins the same case.
    client.post(
        "/api/v1/me/reports",
        headers=desk.user(),
        json={"target": {"type": "video", "id": "9001"}, "reason": "violence"},
    )
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    cases = client.get("/api/v1/trust/cases", headers=moderator.headers).json()["items"]
    assert [c["report_count"] for c in cases] == [2]
    ticket = client.get(f"/api/v1/tickets/{cases[0]['ticket_number']}", headers=moderator.headers)
    assert ticket.json()["channel"] == "api"


def test_the_platform_needs_the_reports_scope(client: TestClient, desk: Desk) -> None:
    body = {
        "reporter": {"platform_user_id": "u-1"},
        "target": {"type": "video", "id": "1"},
        "reason": "spam",
    }
    wrong = client.post(
        "/api/v1/platform/reports", headers=desk.api_token("tickets:write"), json=body
    )
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "scope_required"


def test_hostile_ids_and_cursors_on_the_new_routes(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.admin)
    for big in (2**31, 10**20, 0, -1):
        for path, headers in (
            (f"/api/v1/me/reports/{big}", user),
            (f"/api/v1/trust/cases/{big}", lead.headers),
            (f"/api/v1/contacts/{big}/calls", lead.headers),
            (f"/api/v1/tickets/{big}/calls", lead.headers),
        ):
            assert client.get(path, headers=headers).status_code == 422, path
    for cursor in ("eyJpZCI6dHJ1ZX0", "eyJpZCI6MTA5OTUxMTYyNzc3Nn0", "W10", "%%%"):
        for path, headers in (
            ("/api/v1/me/reports", user),
            ("/api/v1/trust/cases", lead.headers),
            ("/api/v1/contacts/1/calls", lead.headers),
        ):
            response = client.get(path, params={"cursor": cursor}, headers=headers)
            assert 400 <= response.status_code < 500, (path, cursor, response.text)
