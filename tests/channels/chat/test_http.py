"""The chat over HTTP: one stream per conversation, the bot first, then a person."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.channels.chat.conftest import client_id
from tests.conftest import Desk

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _open(client: TestClient, headers: dict[str, str], locale: str = "zh-CN") -> dict[str, Any]:
    response = client.post("/api/v1/me/chats", json={"locale": locale}, headers=headers)
    assert response.status_code == 201, response.text
    chat: dict[str, Any] = response.json()
    return chat


def _say(client: TestClient, headers: dict[str, str], chat_id: int, **body: Any) -> dict[str, Any]:
    body.setdefault("client_id", client_id())
    response = client.post(f"/api/v1/me/chats/{chat_id}/messages", json=body, headers=headers)
    assert response.status_code == 201, response.text
    said: dict[str, Any] = response.json()
    return said


def test_a_chat_opens_with_the_bots_greeting_in_the_users_language(
    client: TestClient, desk: Desk
) -> None:
    chat = _open(client, desk.user(), "en")
    assert chat["status"] == "bot" and chat["last_seq"] == 1
    [greeting] = chat["messages"]
    assert greeting["sender"] == "bot" and greeting["seq"] == 1
    assert "Hello" in greeting["body"] or "Hi" in greeting["body"]
    assert greeting["options"] == [{"id": "human", "label": "Talk to a person"}]


def test_a_resent_message_lands_once(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    chat = _open(client, user)
    first = _say(client, user, chat["conversation_id"], client_id="msg-0001", option="human")
    again = _say(client, user, chat["conversation_id"], client_id="msg-0001", option="human")
    assert first["ack"] == {"client_id": "msg-0001", "seq": 2, "duplicate": False}
    assert again["ack"] == {"client_id": "msg-0001", "seq": 2, "duplicate": True}
    everything = client.get(f"/api/v1/me/chats/{chat['conversation_id']}", headers=user).json()
    assert [m["seq"] for m in everything["messages"]] == [1, 2, 3]
    assert [m["sender"] for m in everything["messages"]] == ["bot", "user", "bot"]
    assert everything["messages"][1]["body"] == "转人工"  # the option's label, as the user saw it


def test_after_a_handoff_the_person_and_the_user_talk_in_the_same_chat(
    client: TestClient, desk: Desk
) -> None:
    user, lead = desk.user(), desk.staff("lead", Role.supervisor)
    chat = _open(client, user)
    chat_id = chat["conversation_id"]
    handed = _say(client, user, chat_id, text="转人工，我要找真人")
    assert handed["status"] == "handed_off" and handed["ticket_number"]
    number = handed["ticket_number"]

    reply = client.post(
        f"/api/v1/tickets/{number}/messages",
        json={"body": "您好，我是客服小王"},
        headers=lead.headers,
    )
    assert reply.status_code == 201, reply.text
    note = client.post(
        f"/api/v1/tickets/{number}/messages",
        json={"body": "内部备注", "internal": True},
        headers=lead.headers,
    )
    assert note.status_code == 201
    seen = client.get(f"/api/v1/me/chats/{chat_id}?after={handed['last_seq']}", headers=user)
    [agent] = seen.json()["messages"]  # the internal note stays inside
    assert agent["sender"] == "agent" and agent["body"] == "您好，我是客服小王"
    assert agent["author"] == "lead"

    answer = _say(client, user, chat_id, text="我的账号被盗了，手机号也被改了")
    assert [m["sender"] for m in answer["messages"]] == ["user"]  # no bot echo
    thread = client.get(f"/api/v1/tickets/{number}/messages", headers=lead.headers).json()
    bodies = [m["body"] for m in thread]
    assert bodies.count("我的账号被盗了，手机号也被改了") == 1

    transcript = client.get(f"/api/v1/tickets/{number}/chat", headers=lead.headers).json()
    assert [m["sender"] for m in transcript["messages"]] == [
        "bot",
        "user",
        "bot",
        "agent",
        "user",
    ]


def test_files_sent_to_the_bot_reach_the_person(client: TestClient, desk: Desk) -> None:
    user, lead = desk.user(), desk.staff("lead", Role.supervisor)
    upload = client.post(
        "/api/v1/attachments", files={"file": ("proof.png", PNG, "image/png")}, headers=user
    )
    assert upload.status_code == 201, upload.text
    file_id = upload.json()["id"]
    chat = _open(client, user, "en")
    asked = _say(client, user, chat["conversation_id"], attachment_ids=[file_id])
    bot = asked["messages"][-1]
    assert bot["sender"] == "bot" and "person" in bot["body"]
    assert asked["messages"][0]["attachments"][0]["filename"] == "proof.png"
    handed = _say(client, user, chat["conversation_id"], option="human")
    number = handed["ticket_number"]
    thread = client.get(f"/api/v1/tickets/{number}/messages", headers=lead.headers).json()
    carried = [a["id"] for m in thread for a in m["attachments"]]
    assert carried == [file_id]


def test_someone_elses_chat_and_bad_messages_are_refused(client: TestClient, desk: Desk) -> None:
    owner, other = desk.user(), desk.user()
    chat_id = _open(client, owner)["conversation_id"]
    peek = client.get(f"/api/v1/me/chats/{chat_id}", headers=other)
    assert peek.status_code == 404 and peek.json()["error"]["code"] == "chat_not_found"
    empty = client.post(
        f"/api/v1/me/chats/{chat_id}/messages", json={"client_id": client_id()}, headers=owner
    )
    assert empty.status_code == 422
    short_id = client.post(
        f"/api/v1/me/chats/{chat_id}/messages", json={"client_id": "x", "text": "hi"}, headers=owner
    )
    assert short_id.status_code == 422
    not_mine = client.post(
        f"/api/v1/me/chats/{chat_id}/messages",
        json={"client_id": client_id(), "attachment_ids": [999999]},
        headers=owner,
    )
    assert not_mine.status_code == 404
    agent = desk.staff("agent")
    assert client.get(f"/api/v1/me/chats/{chat_id}", headers=agent.headers).status_code == 403
