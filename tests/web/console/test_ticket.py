"""The ticket page as the server renders it: who may open it, what it embeds for its scripts."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk, new_ticket, route_to
from tests.web.desk.conftest import sign_in


def embedded(page: str) -> dict[str, Any]:
    match = re.search(
        r'<script type="application/json" id="ticket-data">(.*?)</script>', page, re.S
    )
    assert match, "the page embeds its data"
    result: dict[str, Any] = json.loads(match.group(1))
    return result


def test_an_agent_opens_a_ticket_in_english_and_chinese(client: TestClient, desk: Desk) -> None:
    agent = desk.staff("Emma Clarke", Role.agent, teams=("technical_support",))
    ticket = new_ticket(
        client, desk.user(name="Sam"), subject="Upload </script> fails", body="It fails"
    )
    sign_in(client, agent)
    page = client.get(f"/desk/tickets/{ticket['number']}?lang=en")
    assert page.status_code == 200
    assert '<html lang="en">' in page.text
    assert f"Ticket #{ticket['number']}" in page.text
    assert "Upload &lt;/script&gt; fails" in page.text  # escaped in the heading
    assert 'href="/desk"' in page.text and "Back to the queue" in page.text
    data = embedded(page.text)  # "<" escaped inside the JSON, so the script element holds
    assert data["ticket"]["subject"] == "Upload </script> fails"
    assert data["me"]["name"] == "Emma Clarke"
    assert data["statuses"]["pending"] == "Pending" and "closed" not in data["transitions"]["open"]
    assert data["categories"]["account_login"] == "Login & registration"
    for label in ("Public reply", "Internal note", "Triage", "Suggested articles", "Requester"):
        assert label in page.text
    assert 'aria-label="Ticket details"' in page.text and "<kbd>?</kbd>" in page.text

    chinese = client.get(f"/desk/tickets/{ticket['number']}?lang=zh-CN")
    assert '<html lang="zh-CN">' in chinese.text and "公开回复" in chinese.text
    assert embedded(chinese.text)["statuses"]["pending"] == "待用户回复"
    for asset in (
        "ticket.js",
        "ticket_view.js",
        "ticket_panels.js",
        "ticket_keys.js",
        "live.js",
        "dom.js",
        "ticket.css",
    ):
        assert client.get(f"/static/console/{asset}").status_code == 200, asset


def test_another_teams_ticket_is_a_404_that_hides_the_subject(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    outsider = desk.staff("outsider", Role.agent, teams=("after_sales",))
    ticket = new_ticket(client, desk.user(), subject="Secret legal matter", body="x")
    route_to(client, lead, ticket["number"], desk.team_id("legal"))
    sign_in(client, outsider)
    for path in (f"/desk/tickets/{ticket['number']}", "/desk/tickets/999999", "/desk/tickets/x1"):
        page = client.get(f"{path}?lang=en")
        assert page.status_code == 404, path
        assert "This page does not exist, or you may not see it." in page.text
        assert "Secret legal matter" not in page.text
    sign_in(client, lead)
    assert client.get(f"/desk/tickets/{ticket['number']}").status_code == 200


def test_strangers_are_sent_to_sign_in(client: TestClient, desk: Desk) -> None:
    ticket = new_ticket(client, desk.user())
    page = client.get(f"/desk/tickets/{ticket['number']}", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"].startswith("/desk/login?next=%2Fdesk%2Ftickets%2F")
