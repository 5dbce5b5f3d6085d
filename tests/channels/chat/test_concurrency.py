"""A user's chat message and an agent's reply on the same ticket at the same moment: both land,
neither waits forever (the ticket is always locked before its conversation)."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.bot.models import BotConversation
from kefu.channels.chat.service import Outgoing, chat_of, send
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.tickets import queries, workflow
from tests.conftest import Desk


def test_a_chat_message_and_an_agent_reply_cross_without_a_deadlock(
    client: TestClient, settings: Settings, database: Database, desk: Desk
) -> None:
    user, lead = desk.user(), desk.staff("lead", Role.supervisor)
    chat_id = client.post("/api/v1/me/chats", json={}, headers=user).json()["conversation_id"]
    handed = client.post(
        f"/api/v1/me/chats/{chat_id}/messages",
        json={"client_id": "cross-0001", "option": "human"},
        headers=user,
    ).json()
    number = handed["ticket_number"]
    with database.transaction() as db:
        conversation = db.get(BotConversation, chat_id)
        assert conversation is not None
        contact_id = conversation.contact_id
    outcome: dict[str, str] = {}

    def user_writes() -> None:
        try:
            with database.transaction() as db:
                contact = db.get(Contact, contact_id)
                assert contact is not None
                locked = chat_of(db, contact, chat_id, for_update=True)
                assert locked is not None
                time.sleep(0.3)  # the agent's reply arrives meanwhile
                send(db, locked, contact, settings, Outgoing("cross-0002", "are you there?"))
            outcome["user"] = "ok"
        except Exception as exc:
            outcome["user"] = repr(exc)

    def agent_replies() -> None:
        try:
            time.sleep(0.1)
            with database.transaction() as db:
                ticket = queries.ticket_for_staff(db, lead.actor, number, for_update=True)
                workflow.reply_as_staff(
                    db, ticket, lead.actor, "yes, here", internal=False, attachment_ids=[]
                )
            outcome["agent"] = "ok"
        except Exception as exc:
            outcome["agent"] = repr(exc)

    threads = [threading.Thread(target=user_writes), threading.Thread(target=agent_replies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcome == {"user": "ok", "agent": "ok"}
    said = client.get(f"/api/v1/me/chats/{chat_id}?after=3", headers=user).json()["messages"]
    assert sorted(m["body"] for m in said) == ["are you there?", "yes, here"]
