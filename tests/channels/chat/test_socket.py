"""The chat WebSocket against real servers: stored before acknowledged, resumed without loss
or repeats, agents' replies and typing live, across processes through Redis."""

from __future__ import annotations

import contextlib
import os
from typing import Any

import httpx
import pytest

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.channels.chat.conftest import ChatClient, client_id, live_server
from tests.conftest import Desk

REDIS_URL = os.environ.get("KEFU_TEST_REDIS_URL", "")


def _anonymous(base: str) -> str:
    response = httpx.post(f"{base}/api/v1/auth/anonymous", json={"locale": "zh-CN"})
    assert response.status_code == 201, response.text
    token: str = response.json()["token"]
    return token


def _hello(base: str, token: str, **fields: Any) -> tuple[ChatClient, list[dict[str, Any]]]:
    chat = ChatClient(base)
    chat.send(type="hello", token=token, **fields)
    frames = [chat.receive()]
    assert frames[0]["type"] == "ready", frames
    return chat, frames


def _until_seq(chat: ChatClient, seq: int, *, ack: str | None = None) -> list[dict[str, Any]]:
    """Frames until message ``seq`` (and the ack of ``ack``) have both arrived."""
    frames: list[dict[str, Any]] = []
    while not (
        any(f["type"] == "message" and f["seq"] == seq for f in frames)
        and (ack is None or any(f["type"] == "ack" and f["client_id"] == ack for f in frames))
    ):
        frames.append(chat.receive())
    return frames


def _messages(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f["type"] == "message"]


def test_messages_are_stored_before_the_ack_and_resumed_without_loss_or_repeats(
    settings: Settings, database: Database
) -> None:
    with live_server(settings, database) as base:
        token = _anonymous(base)
        chat, frames = _hello(base, token, locale="en")
        conversation_id = frames[0]["conversation_id"]
        [greeting] = _messages([chat.receive()])
        assert greeting["seq"] == 1 and greeting["sender"] == "bot"
        sent = client_id()
        chat.send(type="message", client_id=sent, option="human")
        frames = _until_seq(chat, 3, ack=sent)
        ack = next(f for f in frames if f["type"] == "ack")
        assert ack == {"type": "ack", "client_id": sent, "seq": 2}
        mine, bot = _messages(frames)
        assert (mine["seq"], mine["sender"], mine["client_id"]) == (2, "user", sent)
        assert bot["seq"] == 3 and bot["sender"] == "bot"
        state = [f for f in chat.quiet() + frames if f["type"] == "state"]
        assert state and state[-1]["status"] == "handed_off" and state[-1]["ticket_number"]
        chat.close()

        # back after seeing everything: nothing is sent again
        again, frames = _hello(base, token, conversation_id=conversation_id, after=3)
        assert frames[0]["last_seq"] == 3 and again.quiet() == []
        # the ack of a message was lost: the client sends it again, and it lands once
        again.send(type="message", client_id=sent, option="human")
        assert again.receive() == {"type": "ack", "client_id": sent, "seq": 2}
        assert again.quiet() == []
        again.close()
        # back after seeing only the greeting: exactly what was missed, in order
        late, _ = _hello(base, token, conversation_id=conversation_id, after=1)
        assert [m["seq"] for m in _messages(late.quiet(1.0))] == [2, 3]
        late.close()


def test_bad_first_frames_get_a_clear_error_and_a_close(
    settings: Settings, database: Database
) -> None:
    with live_server(settings, database) as base:
        chat = ChatClient(base)
        chat.send(type="hello", token="not-a-real-token")
        error = chat.receive()
        assert error["type"] == "error" and error["code"] == "invalid_user_token"
        chat.close()
        chat = ChatClient(base, **{"Accept-Language": "zh-CN"})
        chat.ws.send("hello?")
        error = chat.receive()
        assert error["code"] == "bad_frame" and "JSON" in error["message"]
        chat.close()
        token = _anonymous(base)
        other, _ = _hello(base, token)
        other.receive()
        other.send(type="message", client_id=client_id())  # nothing in it
        refused = other.receive()
        assert refused["type"] == "error" and refused["code"] == "bad_frame"
        other.send(type="ping")
        assert other.receive() == {"type": "pong"}  # the socket stays usable
        other.close()


BUSES = ["local", "redis"] if REDIS_URL else ["local"]


@pytest.mark.parametrize("bus", BUSES)
def test_an_agent_on_another_process_answers_live(
    bus: str, settings: Settings, database: Database, desk: Desk
) -> None:
    """With Redis, the user's socket and the agent's console are on different servers."""
    lead = desk.staff("lead", Role.supervisor)
    with contextlib.ExitStack() as stack:
        if bus == "redis":
            settings = settings.model_copy(update={"redis_url": REDIS_URL})
            user_side = stack.enter_context(live_server(settings, database))
            second = Database(database.url)  # its own engines, as another process has
            stack.callback(second.dispose)
            agent_side = stack.enter_context(live_server(settings, second))
        else:
            user_side = agent_side = stack.enter_context(live_server(settings, database))
        console = ChatClient(agent_side, "/api/v1/desk/ws")
        console.send(type="hello", token=lead.headers["Authorization"].split()[1])
        assert console.receive()["type"] == "ready"

        token = _anonymous(user_side)
        chat, frames = _hello(user_side, token)
        conversation_id = frames[0]["conversation_id"]
        chat.receive()
        chat.send(type="message", client_id=client_id(), text="我要转人工")
        frames = _until_seq(chat, 3)
        number = next(f for f in chat.quiet() + frames if f["type"] == "state")["ticket_number"]

        created = console.receive()
        while created["event"] == "ticket.updated":  # the hand-off tags the new ticket first
            created = console.receive()
        assert created["event"] == "ticket.created" and created["ticket_number"] == number
        assert created["channel"] == "chat"

        console.send(type="typing", ticket_number=number)
        assert chat.receive() == {"type": "typing", "sender": "agent"}
        reply = httpx.post(
            f"{agent_side}/api/v1/tickets/{number}/messages",
            json={"body": "Hello, this is Li from support."},
            headers=lead.headers,
        )
        assert reply.status_code == 201, reply.text
        [agent] = _messages(_until_seq(chat, 4))
        assert agent["sender"] == "agent" and agent["body"] == "Hello, this is Li from support."
        # The first reply opens the new ticket: the status change, then the reply.
        assert [console.receive()["event"] for _ in range(2)] == ["ticket.updated", "ticket.reply"]

        chat.send(type="typing")
        typing = console.receive()
        assert typing["event"] == "typing" and typing["ticket_number"] == number
        chat.send(type="message", client_id=client_id(), text="谢谢，我的账号被盗了")
        assert _messages(_until_seq(chat, 5))[-1]["sender"] == "user"
        assert console.receive()["event"] == "ticket.message"
        assert conversation_id
        chat.close()
        console.close()


def test_the_live_feed_shows_only_tickets_the_agent_may_see(
    settings: Settings, database: Database, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    outsider = desk.staff("outsider", Role.agent, teams=("technical_support",))
    with live_server(settings, database) as base:
        token = _anonymous(base)
        chat, _ = _hello(base, token)
        chat.receive()
        chat.send(type="message", client_id=client_id(), option="human")
        frames = _until_seq(chat, 3)
        number = next(f for f in chat.quiet() + frames if f["type"] == "state")["ticket_number"]
        legal = desk.team_id("legal")
        version = httpx.get(f"{base}/api/v1/tickets/{number}", headers=lead.headers).json()
        moved = httpx.patch(
            f"{base}/api/v1/tickets/{number}",
            json={"version": version["version"], "team_id": legal},
            headers=lead.headers,
        )
        assert moved.status_code == 200, moved.text

        feeds = {}
        for who in (lead, outsider):
            feed = ChatClient(base, "/api/v1/desk/ws")
            feed.send(type="hello", token=who.headers["Authorization"].split()[1])
            assert feed.receive()["type"] == "ready"
            feeds[who.id] = feed
        chat.send(type="message", client_id=client_id(), text="还在吗？")
        assert feeds[lead.id].receive()["ticket_number"] == number
        assert feeds[outsider.id].quiet(1.0) == []
        feeds[outsider.id].send(type="typing", ticket_number=number)
        assert feeds[outsider.id].receive()["code"] == "ticket_forbidden"
        for feed in feeds.values():
            feed.close()
        chat.close()


def test_hostile_frames_get_errors_not_a_dropped_socket(
    settings: Settings, database: Database
) -> None:
    with live_server(settings, database) as base:
        token = _anonymous(base)
        huge = ChatClient(base)
        huge.send(type="hello", token=token, conversation_id=2**63)
        refused = huge.receive()
        assert refused["code"] == "bad_frame" and refused["retry"] is False
        huge.close()
        chat, _ = _hello(base, token)
        chat.receive()
        chat.ws.send(b"\x00\x01binary")
        assert chat.receive()["code"] == "bad_frame"
        chat.ws.send("[" * 100_000)
        assert chat.receive()["code"] == "bad_frame"
        chat.send(type="message", client_id=client_id(), attachment_ids=[2**63])
        assert chat.receive()["code"] == "bad_frame"
        chat.send(type="ping")
        assert chat.receive() == {"type": "pong"}
        chat.close()
        far = httpx.get(
            f"{base}/api/v1/me/chats/1?after={2**63}", headers={"Authorization": f"Bearer {token}"}
        )
        assert far.status_code == 422
