"""Macros: supervisors write them in zh and en, agents render and apply them to tickets."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk, StaffHandle, edit_ticket, new_ticket

GREETING = {
    "name_zh": "问候并请求截图",
    "name_en": "Greet and ask for a screenshot",
    "body_zh": "{{requester.name}}，您好！我是{{agent.name}}，正在处理工单 {{ticket.number}}。",
    "body_en": "Hi {{requester.name}}, this is {{agent.name}} on ticket {{ ticket.number }}.",
}


def create(client: TestClient, who: StaffHandle, **fields: Any) -> dict[str, Any]:
    response = client.post("/api/v1/macros", headers=who.headers, json={**GREETING, **fields})
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def test_supervisors_manage_macros_and_agents_only_use_them(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("Zhou Min", Role.supervisor)
    agent = desk.staff("Li Na", Role.agent)
    made = create(client, lead, set_status="pending", add_tags=["Waiting_Screenshot", "x"])
    assert made["add_tags"] == ["waiting_screenshot", "x"] and made["is_active"] is True
    assert made["set_status"] == "pending" and made["set_priority"] is None

    refused = client.post("/api/v1/macros", headers=agent.headers, json=GREETING)
    assert refused.status_code == 403
    path = f"/api/v1/macros/{made['id']}"
    assert client.patch(path, headers=agent.headers, json={"is_active": False}).status_code == 403
    assert client.delete(path, headers=agent.headers).status_code == 403
    assert client.get("/api/v1/macros").status_code == 401

    listed = client.get("/api/v1/macros", headers=agent.headers).json()
    assert [m["id"] for m in listed] == [made["id"]]
    assert client.get(path, headers=agent.headers).json()["name_zh"] == "问候并请求截图"

    changed = client.patch(
        path, headers=lead.headers, json={"is_active": False, "set_status": None, "add_tags": []}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["set_status"] is None and changed.json()["add_tags"] == []
    assert client.get("/api/v1/macros", headers=agent.headers).json() == []
    # Agents never see switched-off macros; supervisors can ask for them.
    hidden = client.get("/api/v1/macros?include_inactive=true", headers=agent.headers).json()
    assert hidden == []
    shown = client.get("/api/v1/macros?include_inactive=true", headers=lead.headers).json()
    assert [m["id"] for m in shown] == [made["id"]]
    assert client.get(path, headers=agent.headers).status_code == 404  # not by its id either
    assert client.get(path, headers=lead.headers).json()["is_active"] is False

    assert client.delete(path, headers=lead.headers).status_code == 204
    gone = client.get(path, headers=lead.headers)
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "macro_not_found"


def test_unknown_placeholders_are_refused_when_saved(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.admin)
    bad = client.post(
        "/api/v1/macros",
        headers={**lead.headers, "Accept-Language": "zh-CN"},
        json={**GREETING, "body_en": "Hi {{customer.name}}, see {{ hotline }} {{ticket.id}}"},
    )
    assert bad.status_code == 422
    error = bad.json()["error"]
    assert error["code"] == "macro_unknown_placeholder"
    assert error["details"]["unknown"] == ["customer.name", "ticket.id"]
    assert "customer.name" in error["message"] and "无法识别" in error["message"]

    made = create(client, lead)
    patched = client.patch(
        f"/api/v1/macros/{made['id']}",
        headers=lead.headers,
        json={"body_zh": "{{requester.nam}} 您好"},
    )
    assert patched.status_code == 422
    assert patched.json()["error"]["code"] == "macro_unknown_placeholder"
    names = client.get("/api/v1/macros/placeholders", headers=lead.headers).json()["names"]
    assert "requester.name" in names and "hotline" in names

    one_language = client.post(
        "/api/v1/macros", headers=lead.headers, json={**GREETING, "body_en": "  "}
    )
    assert one_language.status_code == 422


def test_a_macro_renders_in_the_tickets_language(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("Zhou Min", Role.supervisor)
    agent = desk.staff("Emma Clarke", Role.agent)
    macro = create(client, lead)
    chinese = new_ticket(client, desk.user(name="小明"), body="视频上传一直失败", locale="zh-CN")
    english = new_ticket(
        client, desk.user(name="Sam"), subject="Upload fails", body="My upload fails", locale="en"
    )
    anonymous = client.post("/api/v1/auth/anonymous").json()["token"]
    nameless = new_ticket(
        client, {"Authorization": f"Bearer {anonymous}"}, body="help please", locale="en"
    )

    def render(number: int) -> dict[str, Any]:
        response = client.get(
            f"/api/v1/tickets/{number}/macros/{macro['id']}", headers=agent.headers
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    zh = render(chinese["number"])
    assert zh["locale"] == "zh-CN" and zh["name"] == "问候并请求截图"
    assert zh["body"] == f"小明，您好！我是Emma Clarke，正在处理工单 #{chinese['number']}。"
    en = render(english["number"])
    assert en["body"] == f"Hi Sam, this is Emma Clarke on ticket #{english['number']}."
    assert render(nameless["number"])["body"].startswith("Hi there, ")

    missing = client.get(f"/api/v1/tickets/{english['number']}/macros/999", headers=agent.headers)
    assert missing.status_code == 404


def test_applying_a_macro_sets_status_priority_and_tags_as_one_versioned_edit(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    agent = desk.staff("agent", Role.agent)
    macro = create(
        client, lead, set_status="pending", set_priority="high", add_tags=["needs_screenshot"]
    )
    ticket = new_ticket(client, desk.user(name="Sam"), body="My upload fails", locale="en")
    number = ticket["number"]
    assert edit_ticket(client, agent.headers, number, tags=["upload"]).status_code == 200
    current = client.get(f"/api/v1/tickets/{number}", headers=agent.headers).json()
    path = f"/api/v1/tickets/{number}/macros/{macro['id']}/apply"

    stale = client.post(path, headers=agent.headers, json={"version": current["version"] - 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "version_conflict"

    applied = client.post(path, headers=agent.headers, json={"version": current["version"]})
    assert applied.status_code == 200, applied.text
    after = applied.json()["ticket"]
    assert after["status"] == "pending" and after["priority"] == "high"
    assert sorted(after["tags"]) == ["needs_screenshot", "upload"]
    assert after["version"] > current["version"]
    assert applied.json()["macro"]["body"].startswith("Hi Sam,")
    events = client.get(f"/api/v1/tickets/{number}/events", headers=agent.headers).json()
    changed = {e["field"] for e in events if e["actor_type"] == "staff"}
    assert {"status", "priority", "tags"} <= changed

    off = client.patch(
        f"/api/v1/macros/{macro['id']}", headers=lead.headers, json={"is_active": False}
    )
    assert off.status_code == 200
    refused = client.post(path, headers=agent.headers, json={"version": after["version"]})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "macro_inactive"


def test_a_macro_cannot_push_a_ticket_past_the_tag_limit(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    macro = create(client, lead, add_tags=[f"macro_{i}" for i in range(5)])
    number = new_ticket(client, desk.user(), body="help")["number"]
    assert (
        edit_ticket(client, lead.headers, number, tags=[f"t{i}" for i in range(18)]).status_code
        == 200
    )
    version = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["version"]
    refused = client.post(
        f"/api/v1/tickets/{number}/macros/{macro['id']}/apply",
        headers=lead.headers,
        json={"version": version},
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["code"] == "too_many_tags"
    assert "23" in refused.json()["error"]["message"]
    after = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert len(after["tags"]) == 18 and after["version"] == version  # nothing half-applied


def test_macros_follow_ticket_visibility(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    outsider = desk.staff("outsider", Role.agent, teams=("after_sales",))
    macro = create(client, lead)
    ticket = new_ticket(client, desk.user(), body="登录不了")
    team = desk.team_id("technical_support")
    assert edit_ticket(client, lead.headers, ticket["number"], team_id=team).status_code == 200
    hidden = client.get(
        f"/api/v1/tickets/{ticket['number']}/macros/{macro['id']}", headers=outsider.headers
    )
    assert hidden.status_code == 403
