"""The queue page (/desk): server-rendered views with counts and the first page of tickets,
filters from the address, both languages, and the assets its scripts need."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from kefu.auth.deps import SESSION_COOKIE
from kefu.auth.models import Role, StaffUser
from kefu.auth.service import open_session
from kefu.demo.seed import seed_demo
from kefu.kit.db import Database
from tests.conftest import Desk, edit_ticket, new_ticket, route_to
from tests.web.desk.conftest import sign_in


def _state(html: str) -> dict[str, object]:
    match = re.search(
        r'<script type="application/json" id="queue-state">(.*?)</script>', html, re.S
    )
    assert match
    state: dict[str, object] = json.loads(match.group(1))
    return state


def test_the_queue_shows_views_counts_and_tickets(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    support = desk.staff("Wang Fang", teams=("technical_support",))
    user = desk.user(name="Zhang San", vip_level=2)
    mine = new_ticket(client, user, subject="直播卡顿 <b>", body="直播间卡顿")["number"]
    other = new_ticket(client, user, subject="Quokka order", body="refund please")["number"]
    route_to(client, lead, mine, desk.team_id("technical_support"))
    route_to(client, lead, other, desk.team_id("after_sales"))
    edit_ticket(client, lead.headers, mine, assignee_id=support.id, priority="urgent")

    assert client.get("/desk", follow_redirects=False).status_code == 303
    sign_in(client, support)
    page = client.get("/desk?lang=en")
    assert page.status_code == 200
    html = page.text
    # Mine holds a ticket, so it is the view shown first
    assert 'aria-current="page"' in html and "<span data-title>Mine</span>" in html
    assert re.search(r'data-view="mine".*?<span class="count"[^>]*>1</span>', html, re.S)
    assert re.search(r'data-view="all_open".*?<span class="count"[^>]*>1</span>', html, re.S)
    assert f'href="/desk/tickets/{mine}"' in html
    assert "直播卡顿 &lt;b&gt;" in html and "<b>" not in html  # escaped
    assert 'class="prio prio-urgent">Urgent<' in html and "Zhang San" in html and "VIP" in html
    assert f"/desk/tickets/{other}" not in html  # another team's ticket never reaches the page
    assert '<label for="queue-q" class="visually-hidden">Search tickets</label>' in html
    state = _state(html)
    assert state["view"] == "mine" and state["nextCursor"] is None
    assert "Quokka" not in html

    chinese = client.get("/desk?lang=zh-CN&view=all_open")
    assert '<html lang="zh-CN">' in chinese.text
    assert "全部未解决" in chinese.text and "紧急" in chinese.text and "键盘快捷键" in chinese.text
    for asset in ("queue.js", "live.js", "keys.js", "queue.css"):
        assert client.get(f"/static/console/{asset}").status_code == 200


def test_filters_in_the_address_are_applied_and_bad_ones_ignored(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    numbers = [new_ticket(client, user, body=f"问题 {i}")["number"] for i in range(30)]
    edit_ticket(client, lead.headers, numbers[3], priority="high")
    sign_in(client, lead)

    first = client.get("/desk?lang=en")  # nothing assigned: All open, 25 of 30 and a next page
    assert _state(first.text)["view"] == "all_open"
    assert first.text.count("<tr data-number=") == 25 and _state(first.text)["nextCursor"]

    high = client.get("/desk?view=all_open&priority=high&lang=en")
    assert high.text.count("<tr data-number=") == 1
    assert f'data-number="{numbers[3]}"' in high.text
    assert "filter changed" in high.text and "hidden>· filter changed" not in high.text
    assert "No tickets match" not in high.text or "data-empty hidden" in high.text

    by_number = client.get("/desk?view=all_open&sort=number&order=asc")
    rows = re.findall(r'<tr data-number="(\d+)"', by_number.text)
    assert [int(n) for n in rows] == numbers[:25]
    assert 'data-sort="number" aria-sort="ascending"' in by_number.text

    bad_ones = (
        "team=0",
        "team=²",
        "assignee=%C2%B3",
        "status=nonsense",
        "assignee=someone",
        "view=saved:999",
        "sort=x",
        "q=!!",
    )
    for bad in bad_ones:
        page = client.get(f"/desk?{bad}")
        assert page.status_code == 200, bad
        assert page.text.count("<tr data-number=") == 25, bad
    empty = client.get("/desk?q=nothingmatchesthis&lang=en")
    assert "No tickets match these filters." in empty.text


def test_saved_views_appear_with_their_counts(client: TestClient, desk: Desk) -> None:
    support = desk.staff("support", teams=("technical_support",))
    colleague = desk.staff("colleague", teams=("technical_support",))
    user = desk.user()
    new_ticket(client, user, body="直播间卡顿")
    made = client.post(
        "/api/v1/views/saved",
        headers=support.headers,
        json={
            "name": "Live <streams>",
            "filters": {"q": "直播"},
            "team_id": desk.team_id("technical_support"),
        },
    )
    assert made.status_code == 201
    key = made.json()["key"]
    sign_in(client, colleague)
    page = client.get(f"/desk?view={key}&lang=en").text
    assert "Live &lt;streams&gt;" in page and "Shared by support" in page
    assert re.search(rf'data-view="{key}".*?<span class="count"[^>]*>1</span>', page, re.S)
    assert 'data-rename="' not in page  # only the owner may rename it
    sign_in(client, support)
    own = client.get(f"/desk?view={key}&lang=en").text
    assert 'data-rename="' in own and "Shared with Technical Support" in own


def test_the_demo_desk_has_saved_views(client: TestClient, database: Database) -> None:
    with database.transaction() as db:
        seed_demo(db)
        lead = db.scalar(select(StaffUser).where(StaffUser.email == "lead@kefu.example"))
        assert lead is not None
        token, _ = open_session(db, lead, hours=1)
    client.cookies.set(SESSION_COOKIE, token)
    views = client.get("/api/v1/views").json()
    names = {v["name"]: v["count"] for v in views["saved"]}
    assert names["紧急与高优先级 Urgent & high"] > 0 and "English tickets" in names
    page = client.get("/desk?lang=en")
    assert page.status_code == 200 and "Urgent &amp; high" in page.text
