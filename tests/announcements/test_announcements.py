"""Announcements: staff write them, readers see the current ones in their language."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.kit.clock import utcnow
from tests.conftest import Desk, StaffHandle

BOTH = {
    "title_zh": "直播新功能",
    "body_zh": "现在可以**连麦**了。",
    "title_en": "New in live",
    "body_en": "You can now **co-host** a live.",
}


def post(client: TestClient, who: StaffHandle, **fields: Any) -> dict[str, Any]:
    response = client.post("/api/v1/announcements", headers=who.headers, json=fields)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def public(client: TestClient, lang: str = "en") -> list[dict[str, Any]]:
    response = client.get("/api/v1/help/announcements", params={"lang": lang})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_readers_see_current_published_announcements_pinned_first(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    now = utcnow()
    older = post(
        client, lead, **BOTH, status="published", starts_at=(now - timedelta(days=3)).isoformat()
    )
    newer = post(
        client,
        lead,
        **BOTH,
        kind="feature",
        status="published",
        starts_at=(now - timedelta(days=1)).isoformat(),
    )
    pinned = post(
        client,
        lead,
        **BOTH,
        kind="policy",
        status="published",
        pinned=True,
        starts_at=(now - timedelta(days=9)).isoformat(),
    )
    post(client, lead, **BOTH)  # a draft
    post(client, lead, **BOTH, status="published", starts_at=(now + timedelta(days=1)).isoformat())
    post(
        client,
        lead,
        **BOTH,
        status="published",
        starts_at=(now - timedelta(days=5)).isoformat(),
        ends_at=(now - timedelta(days=2)).isoformat(),
    )
    english = public(client, "en")
    assert [item["id"] for item in english] == [pinned["id"], newer["id"], older["id"]]
    assert english[0]["title"] == "New in live" and english[0]["locale"] == "en"
    assert english[0]["kind"] == "policy" and english[0]["pinned"] is True
    chinese = client.get("/api/v1/help/announcements", headers={"Accept-Language": "zh-CN"})
    assert chinese.json()["items"][0]["title"] == "直播新功能"

    ended = client.patch(
        f"/api/v1/announcements/{pinned['id']}",
        headers=lead.headers,
        json={"ends_at": (now - timedelta(minutes=1)).isoformat()},
    )
    assert ended.status_code == 200, ended.text
    assert [item["id"] for item in public(client)] == [newer["id"], older["id"]]
    withdrawn = client.patch(
        f"/api/v1/announcements/{newer['id']}", headers=lead.headers, json={"status": "draft"}
    )
    assert withdrawn.status_code == 200
    assert [item["id"] for item in public(client)] == [older["id"]]


def test_publishing_needs_both_languages_and_sensible_dates(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    draft = post(client, lead, title_en="Only English", body_en="Hello")
    assert draft["status"] == "draft" and draft["published_at"] is None
    refused = client.patch(
        f"/api/v1/announcements/{draft['id']}",
        headers={**lead.headers, "Accept-Language": "zh-CN"},
        json={"status": "published"},
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "announcement_incomplete"
    assert "title_zh" in refused.json()["error"]["message"]
    done = client.patch(
        f"/api/v1/announcements/{draft['id']}",
        headers=lead.headers,
        json={"title_zh": "仅英文", "body_zh": "你好", "status": "published"},
    )
    assert done.status_code == 200 and done.json()["published_at"] is not None
    now = utcnow()
    backwards = client.post(
        "/api/v1/announcements",
        headers=lead.headers,
        json={
            **BOTH,
            "starts_at": now.isoformat(),
            "ends_at": (now - timedelta(hours=1)).isoformat(),
        },
    )
    assert backwards.status_code == 422
    assert backwards.json()["error"]["code"] == "announcement_dates"
    naive = client.post(
        "/api/v1/announcements",
        headers=lead.headers,
        json={**BOTH, "starts_at": "2026-01-01T00:00:00"},
    )
    assert naive.status_code == 422
    bad_kind = client.post(
        "/api/v1/announcements", headers=lead.headers, json={**BOTH, "kind": "ad"}
    )
    assert bad_kind.status_code == 422


def test_staff_read_and_only_supervisors_write(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    agent = desk.staff("agent")
    made = [post(client, lead, **BOTH)["id"] for _ in range(3)]
    first = client.get("/api/v1/announcements?limit=2", headers=agent.headers).json()
    rest = client.get(
        "/api/v1/announcements",
        params={"limit": 2, "cursor": first["next_cursor"]},
        headers=agent.headers,
    ).json()
    assert [a["id"] for a in first["items"] + rest["items"]] == made[::-1]
    assert rest["next_cursor"] is None
    refused = client.post("/api/v1/announcements", headers=agent.headers, json=BOTH)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "role_required"
    assert client.get(f"/api/v1/announcements/{made[0]}", headers=agent.headers).status_code == 200
    assert (
        client.delete(f"/api/v1/announcements/{made[0]}", headers=lead.headers).status_code == 204
    )
    missing = client.get(f"/api/v1/announcements/{made[0]}", headers=agent.headers)
    assert (
        missing.status_code == 404 and missing.json()["error"]["code"] == "announcement_not_found"
    )
