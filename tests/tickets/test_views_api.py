"""The queue's views: built-in views with counts within each agent's visibility, saved views
(create, share, rename, delete) and their errors, and the `team=mine` keyword."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from kefu.auth.models import Role
from kefu.kit.db import Database
from kefu.tickets.models import Ticket
from kefu.tickets.saved_views import MAX_SAVED_VIEWS
from tests.conftest import Desk, edit_ticket, new_ticket, route_to


def _counts(client: TestClient, headers: dict[str, str]) -> dict[str, int]:
    response = client.get("/api/v1/views", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    return {v["key"]: v["count"] for v in body["builtin"] + body["saved"]}


def test_built_in_views_count_only_what_the_agent_may_see(
    client: TestClient, desk: Desk, database: Database
) -> None:
    lead = desk.staff("lead", Role.supervisor, teams=("technical_support",))
    support = desk.staff("support", teams=("technical_support",))
    sales = desk.staff("sales", teams=("after_sales",))
    user = desk.user()
    mine = new_ticket(client, user, body="app crashes")["number"]
    team_unassigned = new_ticket(client, user, body="video will not upload")["number"]
    other_team = [new_ticket(client, user, body=f"refund {i}")["number"] for i in range(3)]
    inbox = new_ticket(client, user, body="hello?")["number"]
    solved = new_ticket(client, user, body="thanks, fixed")["number"]
    for number in (mine, team_unassigned, solved):
        route_to(client, lead, number, desk.team_id("technical_support"))
    for number in other_team:
        route_to(client, lead, number, desk.team_id("after_sales"))
    edit_ticket(client, lead.headers, mine, assignee_id=support.id)
    edit_ticket(client, lead.headers, solved, status="solved")
    with database.transaction() as db:
        db.execute(update(Ticket).where(Ticket.number == inbox).values(needs_triage=True))
        # triage also doubts one of the other team's tickets: not the support agent's business
        db.execute(update(Ticket).where(Ticket.number == other_team[0]).values(needs_triage=True))

    assert _counts(client, support.headers) == {
        "mine": 1,
        "unassigned": 2,  # the team's own and the untriaged inbox; never after-sales' three
        "my_teams": 2,
        "needs_triage": 1,
        "all_open": 3,
    }
    assert _counts(client, sales.headers) == {
        "mine": 0,
        "unassigned": 4,
        "my_teams": 3,
        "needs_triage": 2,
        "all_open": 4,
    }
    assert _counts(client, lead.headers) == {
        "mine": 0,
        "unassigned": 5,
        "my_teams": 2,  # the lead's own team, though a supervisor sees every queue
        "needs_triage": 2,
        "all_open": 6,
    }
    # the list under "My teams" is the same set the count promised
    listed = client.get(
        "/api/v1/tickets", params={"team": "mine", "status": ["new", "open"]}, headers=sales.headers
    ).json()["items"]
    assert sorted(t["number"] for t in listed) == sorted(other_team)
    views = client.get("/api/v1/views", headers={**support.headers, "Accept-Language": "zh-CN"})
    first = views.json()["builtin"][0]
    assert first["name"] == "我的工单" and first["shortcut"] == "m"
    assert first["filters"] == {
        **_empty_filters(),
        "status": ["new", "open", "pending", "on_hold"],
        "assignee": "me",
    }
    assert client.get("/api/v1/views").status_code == 401


def _empty_filters() -> dict[str, Any]:
    return {
        "status": [],
        "priority": [],
        "team": None,
        "assignee": None,
        "category": None,
        "channel": None,
        "locale": None,
        "tag": None,
        "needs_triage": None,
        "q": None,
        "sort": None,
        "order": None,
    }


def test_saved_views_are_counted_shared_renamed_and_deleted(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    support = desk.staff("support", teams=("technical_support",))
    colleague = desk.staff("colleague", teams=("technical_support",))
    sales = desk.staff("sales", teams=("after_sales",))
    user = desk.user()
    urgent = new_ticket(client, user, body="直播间卡顿严重")["number"]
    new_ticket(client, user, body="普通问题")
    refund = new_ticket(client, user, body="退款 urgent")["number"]
    route_to(client, lead, urgent, desk.team_id("technical_support"))
    route_to(client, lead, refund, desk.team_id("after_sales"))
    edit_ticket(client, lead.headers, urgent, priority="urgent")
    edit_ticket(client, lead.headers, refund, priority="urgent")

    created = client.post(
        "/api/v1/views/saved",
        headers=support.headers,
        json={"name": "  Urgent ", "filters": {"priority": ["urgent"], "status": ["new", "open"]}},
    )
    assert created.status_code == 201, created.text
    view = created.json()
    assert view["name"] == "Urgent" and view["key"] == f"saved:{view['id']}"
    assert view["count"] == 1  # after-sales' urgent refund is not the support agent's to see
    assert view["editable"] and view["team"] is None and view["owner"]["name"] == "support"
    assert _counts(client, support.headers)[view["key"]] == 1
    assert view["key"] not in _counts(client, colleague.headers)  # private until shared

    team = desk.team_id("technical_support")
    shared = client.patch(
        f"/api/v1/views/saved/{view['id']}", headers=support.headers, json={"team_id": team}
    )
    assert shared.status_code == 200 and shared.json()["team"]["slug"] == "technical_support"
    seen = client.get(f"/api/v1/views/saved/{view['id']}", headers=colleague.headers).json()
    assert seen["count"] == 1 and seen["editable"] is False
    assert view["key"] in _counts(client, colleague.headers)
    not_yours = client.patch(
        f"/api/v1/views/saved/{view['id']}", headers=colleague.headers, json={"name": "Mine now"}
    )
    assert not_yours.status_code == 403
    assert not_yours.json()["error"]["code"] == "saved_view_not_yours"
    assert (
        client.delete(f"/api/v1/views/saved/{view['id']}", headers=colleague.headers).status_code
        == 403
    )
    hidden = client.get(f"/api/v1/views/saved/{view['id']}", headers=sales.headers)
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "saved_view_not_found"

    renamed = client.patch(
        f"/api/v1/views/saved/{view['id']}",
        headers=support.headers,
        json={"name": "Urgent live", "filters": {"q": "直播", "priority": ["urgent"]}},
    )
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Urgent live" and renamed.json()["count"] == 1
    assert renamed.json()["filters"]["status"] == [] and renamed.json()["filters"]["q"] == "直播"
    unshared = client.patch(
        f"/api/v1/views/saved/{view['id']}", headers=support.headers, json={"team_id": None}
    )
    assert unshared.json()["team"] is None
    assert (
        client.get(f"/api/v1/views/saved/{view['id']}", headers=colleague.headers).status_code
        == 404
    )

    assert (
        client.delete(f"/api/v1/views/saved/{view['id']}", headers=support.headers).status_code
        == 204
    )
    gone = client.delete(f"/api/v1/views/saved/{view['id']}", headers=support.headers)
    assert gone.status_code == 404


def test_saved_view_errors_have_codes(client: TestClient, desk: Desk) -> None:
    support = desk.staff("support", teams=("technical_support",))
    lead = desk.staff("lead", Role.supervisor)

    def save(body: dict[str, Any], headers: dict[str, str] = support.headers) -> Any:
        return client.post(
            "/api/v1/views/saved", json=body, headers={**headers, "Accept-Language": "zh-CN"}
        )

    assert save({"name": "Refunds", "filters": {"category": "refund_return"}}).status_code == 201
    taken = save({"name": "Refunds"})
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "saved_view_name_taken"
    assert (
        "Refunds" in taken.json()["error"]["message"] and "视图" in taken.json()["error"]["message"]
    )
    other = save({"name": "x", "team_id": desk.team_id("after_sales")})
    assert other.status_code == 403 and other.json()["error"]["code"] == "not_your_team"
    unknown = save({"name": "y", "team_id": 99999})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "unknown_team"
    # a supervisor shares only with their own teams too
    assert (
        save({"name": "z", "team_id": desk.team_id("after_sales")}, lead.headers).status_code == 403
    )
    for bad in (
        {"name": ""},
        {"name": "x" * 81},
        {"name": "bad\x00name"},
        {"name": "f", "filters": {"status": ["nonsense"]}},
        {"name": "f", "filters": {"assignee": "someone"}},
        {"name": "f", "filters": {"team": 0}},
        {"name": "f", "filters": {"unknown": 1}},
        {"name": "f", "filters": {"q": "!!! ???"}},
        {"name": "f", "extra": True},
    ):
        response = save(bad)
        assert response.status_code == 422, bad
        assert response.json()["error"]["code"] == "validation_error"
    assert (
        client.patch("/api/v1/views/saved/0", headers=support.headers, json={}).status_code == 422
    )
    for i in range(MAX_SAVED_VIEWS - 1):
        assert save({"name": f"view {i}"}).status_code == 201
    full = save({"name": "one too many"})
    assert full.status_code == 409 and full.json()["error"]["code"] == "too_many_saved_views"
    # another agent's view cannot be reached at all
    mine = client.get("/api/v1/views", headers=support.headers).json()["saved"][0]["id"]
    stranger = desk.staff("stranger", teams=("technical_support",))
    assert client.delete(f"/api/v1/views/saved/{mine}", headers=stranger.headers).status_code == 404
    assert (
        client.post("/api/v1/views/saved", json={"name": "n"}, headers=desk.user()).status_code
        == 403
    )


def test_team_mine_lists_the_agents_teams(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    loner = desk.staff("no team")
    user = desk.user()
    number = new_ticket(client, user, body="app crashes")["number"]
    route_to(client, lead, number, desk.team_id("technical_support"))
    support = desk.staff("support", teams=("technical_support",))
    assert [
        t["number"]
        for t in client.get("/api/v1/tickets?team=mine", headers=support.headers).json()["items"]
    ] == [number]
    assert client.get("/api/v1/tickets?team=mine", headers=loner.headers).json()["items"] == []
    bad = client.get("/api/v1/tickets?team=ours", headers=support.headers)
    assert bad.status_code == 422


def test_two_saved_searches_are_counted_apart(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    for body in ("refund please", "refund not received", "refund twice", "app crash on start"):
        new_ticket(client, user, body=body)
    ids = {}
    for name, words in (("refunds", "refund"), ("crashes", "crash")):
        made = client.post(
            "/api/v1/views/saved",
            json={"name": name, "filters": {"q": words}},
            headers=lead.headers,
        )
        assert made.status_code == 201, made.text
        ids[name] = made.json()["key"]
    counts = _counts(client, lead.headers)
    assert (counts[ids["refunds"]], counts[ids["crashes"]]) == (3, 1)
