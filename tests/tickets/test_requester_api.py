"""End users: their own tickets, the public timeline, replies, reopening, follow-ups, ratings."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.kit.db import Database
from tests.conftest import Desk, new_ticket, solved_long_ago


def test_user_creates_ticket_and_sees_it_with_public_timeline(
    client: TestClient, desk: Desk
) -> None:
    user = desk.user("u-1", name="小鱼儿", locale="zh-CN", vip_level=2)
    ticket = new_ticket(client, user, body="视频上传一直失败\n第二行细节", type="incident")

    assert ticket["number"] >= 10001
    assert ticket["subject"] == "视频上传一直失败"  # defaulted from the first line
    assert ticket["status"] == "new"
    assert [m["body"] for m in ticket["messages"]] == ["视频上传一直失败\n第二行细节"]
    assert [e["kind"] for e in ticket["events"]] == ["created", "message_added"]

    me = client.get("/api/v1/me", headers=user).json()
    assert (me["name"], me["vip_level"], me["is_anonymous"]) == ("小鱼儿", 2, False)
    listed = client.get("/api/v1/me/tickets", headers=user).json()
    assert [t["number"] for t in listed["items"]] == [ticket["number"]]


def test_user_never_sees_internal_notes_or_other_users_tickets(
    client: TestClient, desk: Desk
) -> None:
    alice, bob = desk.user("alice"), desk.user("bob")
    agent = desk.staff(role=Role.supervisor)
    ticket = new_ticket(client, alice)
    number = ticket["number"]
    client.post(
        f"/api/v1/tickets/{number}/messages",
        headers=agent.headers,
        json={"body": "looks like a repeat offender", "internal": True},
    )
    client.post(
        f"/api/v1/tickets/{number}/messages",
        headers=agent.headers,
        json={"body": "We are checking, thank you."},
    )

    mine = client.get(f"/api/v1/me/tickets/{number}", headers=alice).json()
    assert [m["body"] for m in mine["messages"]][-1] == "We are checking, thank you."
    assert all(m["kind"] == "public" for m in mine["messages"])
    assert "looks like a repeat offender" not in str(mine)

    for method, path in (
        ("get", f"/api/v1/me/tickets/{number}"),
        ("post", f"/api/v1/me/tickets/{number}/replies"),
        ("put", f"/api/v1/me/tickets/{number}/rating"),
    ):
        body = {"body": "hi"} if "replies" in path else {"score": 1}
        response = client.request(method, path, headers=bob, json=body)
        assert response.status_code == 404, (path, response.text)
        assert response.json()["error"]["code"] == "ticket_not_found"
    assert client.get("/api/v1/me/tickets", headers=bob).json()["items"] == []


def test_reply_reopens_pending_and_recently_solved_tickets(client: TestClient, desk: Desk) -> None:
    user, agent = desk.user(), desk.staff(role=Role.supervisor)
    number = new_ticket(client, user)["number"]
    client.post(
        f"/api/v1/tickets/{number}/messages",
        headers=agent.headers,
        json={"body": "Which phone do you use?", "status": "pending"},
    )
    assert client.get(f"/api/v1/me/tickets/{number}", headers=user).json()["status"] == "pending"

    reply = client.post(
        f"/api/v1/me/tickets/{number}/replies", headers=user, json={"body": "iPhone 15"}
    ).json()
    assert (reply["ticket"]["status"], reply["follow_up"]) == ("open", False)

    client.post(
        f"/api/v1/tickets/{number}/messages",
        headers=agent.headers,
        json={"body": "Fixed.", "status": "solved"},
    )
    reply = client.post(
        f"/api/v1/me/tickets/{number}/replies", headers=user, json={"body": "still broken"}
    ).json()
    assert (reply["ticket"]["number"], reply["ticket"]["status"]) == (number, "open")


def test_reply_after_reopen_window_starts_a_follow_up(
    client: TestClient, desk: Desk, database: Database
) -> None:
    user, agent = desk.user(), desk.staff(role=Role.supervisor)
    number = new_ticket(client, user, subject="退款问题")["number"]
    client.post(
        f"/api/v1/tickets/{number}/messages",
        headers=agent.headers,
        json={"body": "已退款", "status": "solved"},
    )
    solved_long_ago(database, number)  # the ticket was solved long ago

    reply = client.post(
        f"/api/v1/me/tickets/{number}/replies", headers=user, json={"body": "又出问题了"}
    )
    assert reply.status_code == 201
    data = reply.json()
    assert data["follow_up"] is True
    assert data["ticket"]["number"] != number
    assert data["ticket"]["follow_up_of_number"] == number
    assert data["ticket"]["status"] == "new"
    old = client.get(f"/api/v1/me/tickets/{number}", headers=user).json()
    assert old["status"] == "closed"  # done: its reopen window had passed
    assert [e["kind"] for e in old["events"]][-2:] == ["follow_up_created", "status_changed"]
    second = client.post(
        f"/api/v1/me/tickets/{number}/replies", headers=user, json={"body": "补充一下订单号"}
    ).json()
    assert (second["ticket"]["number"], second["follow_up"]) == (data["ticket"]["number"], False)


def test_rating_only_on_solved_tickets_and_can_be_changed(client: TestClient, desk: Desk) -> None:
    user, agent = desk.user(), desk.staff(role=Role.supervisor)
    number = new_ticket(client, user)["number"]
    early = client.put(f"/api/v1/me/tickets/{number}/rating", headers=user, json={"score": 5})
    assert early.status_code == 409
    assert early.json()["error"]["code"] == "not_ratable"

    client.post(
        f"/api/v1/tickets/{number}/messages",
        headers=agent.headers,
        json={"body": "done", "status": "solved"},
    )
    first = client.put(
        f"/api/v1/me/tickets/{number}/rating", headers=user, json={"score": 2, "comment": "slow"}
    )
    assert first.status_code == 200 and first.json()["score"] == 2
    second = client.put(
        f"/api/v1/me/tickets/{number}/rating",
        headers=user,
        json={"score": 4, "comment": "ok in the end"},
    )
    assert second.json() == {**second.json(), "score": 4, "comment": "ok in the end"}
    detail = client.get(f"/api/v1/tickets/{number}", headers=agent.headers).json()
    assert detail["rating"]["score"] == 4

    for bad in ({"score": 0}, {"score": 6}, {"score": "five"}, {}):
        response = client.put(f"/api/v1/me/tickets/{number}/rating", headers=user, json=bad)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "validation_error"


def test_anonymous_consultation(client: TestClient) -> None:
    session = client.post("/api/v1/auth/anonymous", json={"locale": "en"})
    assert session.status_code == 201
    headers = {"Authorization": f"Bearer {session.json()['token']}"}
    assert client.get("/api/v1/me", headers=headers).json()["is_anonymous"] is True
    number = new_ticket(client, headers, body="Is it safe to report my boss anonymously?")["number"]
    assert client.get(f"/api/v1/me/tickets/{number}", headers=headers).status_code == 200
    other = client.post("/api/v1/auth/anonymous", json={}).json()["token"]
    response = client.get(
        f"/api/v1/me/tickets/{number}", headers={"Authorization": f"Bearer {other}"}
    )
    assert response.status_code == 404


def test_invalid_ticket_input_gets_clear_errors(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    cases = [
        {"body": ""},
        {"body": "   "},
        {"body": "x" * 20001},
        {"body": "ok", "type": "task"},  # internal type, not for end users
        {"body": "ok", "category": "Not A Category"},
        {"body": "ok", "unexpected": 1},
        {"body": "ok", "attachment_ids": [999999]},
    ]
    for body in cases:
        response = client.post("/api/v1/me/tickets", json=body, headers=user)
        assert 400 <= response.status_code < 500, (body, response.text)
        error = response.json()["error"]
        assert error["code"] and error["message"], body
    not_json = client.post(
        "/api/v1/me/tickets", content=b"{oops", headers={**user, "Content-Type": "application/json"}
    )
    assert not_json.status_code == 422
    assert not_json.json()["error"]["code"] == "validation_error"
