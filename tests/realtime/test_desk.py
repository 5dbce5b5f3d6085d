"""The agents' live feed: every change an open console shows arrives as a poke."""

from __future__ import annotations

import httpx

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.channels.chat.conftest import ChatClient
from tests.conftest import Desk
from tests.live_server import live_server


def test_edits_and_internal_notes_reach_open_consoles(
    settings: Settings, database: Database, desk: Desk
) -> None:
    lead = desk.staff("Li Lei", Role.supervisor)
    with live_server(settings, database) as base:
        number = httpx.post(
            f"{base}/api/v1/me/tickets", json={"body": "直播卡顿"}, headers=desk.user()
        ).json()["number"]
        console = ChatClient(base, "/api/v1/desk/ws")
        console.send(type="hello", token=lead.headers["Authorization"].split()[1])
        assert console.receive()["type"] == "ready"

        def edit(**fields: object) -> None:
            version = httpx.get(f"{base}/api/v1/tickets/{number}", headers=lead.headers)
            changed = httpx.patch(
                f"{base}/api/v1/tickets/{number}",
                json={"version": version.json()["version"], **fields},
                headers=lead.headers,
            )
            assert changed.status_code == 200, changed.text

        edit(priority="high")
        edit(tags=["lag"])
        edit(tags=["lag"])  # no change: no poke
        noted = httpx.post(
            f"{base}/api/v1/tickets/{number}/messages",
            json={"body": "checking the CDN", "internal": True},
            headers=lead.headers,
        )
        assert noted.status_code == 201, noted.text
        frames = [console.receive() for _ in range(3)]
        assert [(f["event"], f["ticket_number"]) for f in frames] == [
            ("ticket.updated", number)
        ] * 3
        assert console.quiet() == []
        console.close()
