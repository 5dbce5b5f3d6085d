"""Agents: the queue, team visibility, versioned edits, status machine, escalation, merge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.tickets.errors import InvalidTransition
from kefu.tickets.status import check_transition
from kefu.tickets.workflow import close_solved_tickets
from tests.conftest import Desk, edit_ticket, new_ticket, route_to, solved_long_ago


def test_agents_see_their_teams_queue_and_the_untriaged_inbox(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    support = desk.staff("support agent", teams=("technical_support",))
    sales = desk.staff("sales agent", teams=("after_sales",))
    user = desk.user()
    in_support = new_ticket(client, user, body="app crashes")["number"]
    in_sales = new_ticket(client, user, body="refund please")["number"]
    untriaged = new_ticket(client, user, body="hello?")["number"]
    route_to(client, lead, in_support, desk.team_id("technical_support"))
    route_to(client, lead, in_sales, desk.team_id("after_sales"))

    def visible(headers: dict[str, str]) -> set[int]:
        return {t["number"] for t in client.get("/api/v1/tickets", headers=headers).json()["items"]}

    assert visible(support.headers) == {in_support, untriaged}
    assert visible(sales.headers) == {in_sales, untriaged}
    assert visible(lead.headers) == {in_support, in_sales, untriaged}
    forbidden = client.get(f"/api/v1/tickets/{in_sales}", headers=support.headers)
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "ticket_forbidden"
    for path in ("messages", "events"):
        assert (
            client.get(f"/api/v1/tickets/{in_sales}/{path}", headers=support.headers).status_code
            == 403
        )
    assert (
        client.post(
            f"/api/v1/tickets/{in_sales}/messages", headers=support.headers, json={"body": "x"}
        ).status_code
        == 403
    )
    # An agent always sees what is assigned to them, whatever the team.
    edit_ticket(client, lead.headers, in_sales, assignee_id=support.id)
    assert in_sales in visible(support.headers)


def test_queue_filters_sort_and_cursor_pagination(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    numbers = [new_ticket(client, user, body=f"问题 {i}")["number"] for i in range(7)]
    edit_ticket(client, lead.headers, numbers[0], priority="urgent", category="app_bug")
    edit_ticket(client, lead.headers, numbers[1], priority="high", tags=["vip", "Crash"])
    edit_ticket(client, lead.headers, numbers[2], priority="low", assignee_id=lead.id)

    def numbers_of(**params: object) -> list[int]:
        response = client.get("/api/v1/tickets", headers=lead.headers, params=params)
        assert response.status_code == 200, response.text
        return [t["number"] for t in response.json()["items"]]

    assert numbers_of(sort="number", order="asc") == numbers
    assert numbers_of(sort="priority", order="desc")[:2] == [numbers[0], numbers[1]]
    assert numbers_of(sort="priority", order="asc")[0] == numbers[2]
    assert numbers_of(priority=["urgent", "high"], sort="number", order="asc") == numbers[:2]
    assert numbers_of(category="app_bug") == [numbers[0]]
    assert numbers_of(tag="crash") == [numbers[1]]
    assert numbers_of(assignee="me") == [numbers[2]]
    assert numbers[2] not in numbers_of(assignee="none")
    assert numbers_of(status=["open"]) == [numbers[2]]  # assigning opened it
    assert numbers_of(q=f"#{numbers[4]}") == [numbers[4]]

    for sort in ("updated_at", "created_at", "priority", "number"):
        for order in ("asc", "desc"):
            seen: list[int] = []
            cursor = None
            while True:
                params: dict[str, object] = {"sort": sort, "order": order, "limit": 3}
                if cursor:
                    params["cursor"] = cursor
                page = client.get("/api/v1/tickets", headers=lead.headers, params=params).json()
                seen += [t["number"] for t in page["items"]]
                cursor = page["next_cursor"]
                if not cursor:
                    break
            assert sorted(seen) == numbers, (sort, order)  # every ticket once, none twice

    bad = client.get("/api/v1/tickets", headers=lead.headers, params={"cursor": "garbage!"})
    assert (bad.status_code, bad.json()["error"]["code"]) == (400, "invalid_cursor")
    other = client.get(
        "/api/v1/tickets", headers=lead.headers, params={"limit": 1, "sort": "number"}
    ).json()["next_cursor"]
    mismatch = client.get(
        "/api/v1/tickets", headers=lead.headers, params={"cursor": other, "sort": "created_at"}
    )
    assert mismatch.status_code == 400
    bad_params: list[dict[str, object]] = [
        {"limit": 0},
        {"limit": 101},
        {"sort": "color"},
        {"status": "done"},
        {"assignee": "someone"},
        {"q": "，。！"},
    ]
    for params in bad_params:
        response = client.get("/api/v1/tickets", headers=lead.headers, params=params)
        assert 400 <= response.status_code < 500, params
        assert response.json()["error"]["code"], params


def test_edits_record_timeline_and_stale_versions_conflict(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    agent = desk.staff("agent", teams=("technical_support",))
    number = new_ticket(client, desk.user())["number"]
    version = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["version"]

    first = client.patch(
        f"/api/v1/tickets/{number}",
        headers=lead.headers,
        json={"version": version, "priority": "high"},
    )
    assert first.status_code == 200
    second = client.patch(
        f"/api/v1/tickets/{number}",
        headers=agent.headers,
        json={"version": version, "priority": "low"},
    )
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "version_conflict"
    assert (
        client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["priority"] == "high"
    )

    events = client.get(f"/api/v1/tickets/{number}/events", headers=lead.headers).json()
    change = [e for e in events if e["field"] == "priority"]
    assert [(e["old_value"], e["new_value"], e["actor_name"]) for e in change] == [
        ("normal", "high", "lead")
    ]
    missing = client.patch(
        f"/api/v1/tickets/{number}", headers=lead.headers, json={"priority": "low"}
    )
    assert missing.status_code == 422


def test_status_changes_and_what_staff_may_not_set(
    client: TestClient, desk: Desk, database: Database
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    number = new_ticket(client, desk.user())["number"]
    for status in ("open", "pending", "on_hold", "open", "solved", "pending", "solved"):
        response = edit_ticket(client, lead.headers, number, status=status)
        assert response.status_code == 200, (status, response.text)
        assert response.json()["status"] == status
    for status in ("closed", "new"):  # closing is kefu's job, and nothing goes back to new
        response = edit_ticket(client, lead.headers, number, status=status)
        assert (response.status_code, response.json()["error"]["code"]) == (422, "validation_error")

    # Past the reopen window, the scheduled job closes it; then it is final.
    solved_long_ago(database, number)
    with database.transaction() as db:
        assert close_solved_tickets(db, solved_before=utcnow() - timedelta(days=7)) == 1
    closed = edit_ticket(client, lead.headers, number, status="open")
    assert (closed.status_code, closed.json()["error"]["code"]) == (409, "ticket_closed")
    reply = client.post(
        f"/api/v1/tickets/{number}/messages",
        headers=lead.headers,
        json={"body": "too late"},
    )
    assert reply.status_code == 409
    zh = client.post(
        f"/api/v1/tickets/{number}/messages",
        json={"body": "x"},
        headers={**lead.headers, "Accept-Language": "zh-CN,en;q=0.5"},
    )
    assert zh.json()["error"] == {
        "code": "ticket_closed",
        "message": f"工单 #{number} 已关闭，不能再修改。",
    }


def test_status_machine_rules() -> None:
    check_transition("open", "solved")
    check_transition("solved", "closed")
    for old, new in (("closed", "open"), ("open", "new"), ("new", "closed")):
        with pytest.raises(InvalidTransition):
            check_transition(old, new)


def test_assign_endpoint_validates_people_and_opens_new_tickets(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    agent = desk.staff("agent", teams=("after_sales",))
    number = new_ticket(client, desk.user())["number"]
    version = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["version"]
    unknown = client.post(
        f"/api/v1/tickets/{number}/assign",
        headers=lead.headers,
        json={"version": version, "assignee_id": 987654},
    )
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (422, "unknown_assignee")
    done = client.post(
        f"/api/v1/tickets/{number}/assign",
        headers=lead.headers,
        json={"version": version, "assignee_id": agent.id, "team_id": desk.team_id("after_sales")},
    )
    assert done.status_code == 200, done.text
    ticket = done.json()
    assert (ticket["assignee"]["id"], ticket["team"]["slug"], ticket["status"]) == (
        agent.id,
        "after_sales",
        "open",
    )
    unassign = client.post(
        f"/api/v1/tickets/{number}/assign",
        headers=lead.headers,
        json={"version": ticket["version"], "assignee_id": None},
    )
    assert unassign.json()["assignee"] is None


def test_escalation_creates_child_and_posts_resolution_back(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    engineer = desk.staff("engineer", teams=("engineering",))
    user = desk.user()
    parent = new_ticket(client, user, body="直播推流一直失败")["number"]
    escalated = client.post(
        f"/api/v1/tickets/{parent}/escalate",
        headers=lead.headers,
        json={
            "team_id": desk.team_id("engineering"),
            "note": "Push fails on node sh-07, please check",
        },
    )
    assert escalated.status_code == 201, escalated.text
    parent_view = escalated.json()
    assert (parent_view["number"], parent_view["status"]) == (parent, "on_hold")
    child_number = parent_view["children"][-1]["number"]
    child = client.get(f"/api/v1/tickets/{child_number}", headers=lead.headers).json()
    assert (child["parent_number"], child["type"], child["team"]["slug"]) == (
        parent,
        "task",
        "engineering",
    )

    # The user never sees the internal child ticket, nor that their ticket waits on it.
    assert [
        t["number"] for t in client.get("/api/v1/me/tickets", headers=user).json()["items"]
    ] == [parent]
    assert client.get(f"/api/v1/me/tickets/{child['number']}", headers=user).status_code == 404
    mine = client.get(f"/api/v1/me/tickets/{parent}", headers=user).json()
    assert mine["status"] == "open"  # on hold reads as open: someone is working on it
    assert "on_hold" not in str(mine["events"])
    public = client.post(
        f"/api/v1/tickets/{child['number']}/messages",
        headers=lead.headers,
        json={"body": "Dear user"},
    )
    assert (public.status_code, public.json()["error"]["code"]) == (409, "child_ticket_internal")

    # The department works it in its own queue and solves it.
    queue = client.get("/api/v1/tickets", headers=engineer.headers).json()["items"]
    assert child["number"] in [t["number"] for t in queue]
    client.post(
        f"/api/v1/tickets/{child['number']}/messages",
        headers=engineer.headers,
        json={
            "body": "Node sh-07 restarted; pushes work again.",
            "internal": True,
            "status": "solved",
        },
    )
    parent_view = client.get(f"/api/v1/tickets/{parent}", headers=lead.headers).json()
    assert parent_view["status"] == "open"
    messages = client.get(f"/api/v1/tickets/{parent}/messages", headers=lead.headers).json()
    assert messages[-1]["kind"] == "system"
    assert messages[-1]["body"] == "Node sh-07 restarted; pushes work again."
    kinds = [
        e["kind"]
        for e in client.get(f"/api/v1/tickets/{parent}/events", headers=lead.headers).json()
    ]
    assert "escalated" in kinds and "child_solved" in kinds
    assert client.get(f"/api/v1/me/tickets/{parent}", headers=user).json()["status"] == "open"

    nested = client.post(
        f"/api/v1/tickets/{child['number']}/escalate",
        headers=lead.headers,
        json={"team_id": desk.team_id("legal"), "note": "x"},
    )
    assert nested.json()["error"]["code"] == "escalate_child"
    bad_team = client.post(
        f"/api/v1/tickets/{parent}/escalate",
        headers=lead.headers,
        json={"team_id": 424242, "note": "x"},
    )
    assert bad_team.status_code == 422


def test_merge_closes_duplicate_and_forwards_replies(
    client: TestClient, desk: Desk, database: Database
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    target = new_ticket(client, user, body="退款还没到账")["number"]
    source = new_ticket(client, user, body="退款什么时候到？订单 DD123")["number"]
    merged = client.post(
        f"/api/v1/tickets/{source}/merge", headers=lead.headers, json={"target_number": target}
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["number"] == target
    src = client.get(f"/api/v1/tickets/{source}", headers=lead.headers).json()
    assert (src["status"], src["merged_into_number"]) == ("closed", target)
    # The duplicate's words are now findable on the survivor.
    found = client.get("/api/v1/tickets", headers=lead.headers, params={"q": "DD123"}).json()
    assert target in [t["number"] for t in found["items"]]

    reply = client.post(
        f"/api/v1/me/tickets/{source}/replies", headers=user, json={"body": "有进展吗"}
    ).json()
    assert reply["ticket"]["number"] == target and reply["follow_up"] is False

    stranger = new_ticket(client, desk.user(), body="退款")["number"]
    other = client.post(
        f"/api/v1/tickets/{stranger}/merge", headers=lead.headers, json={"target_number": target}
    )
    assert (other.status_code, other.json()["error"]["code"]) == (409, "merge_other_requester")
    waiting = new_ticket(client, user, body="还有一个问题")["number"]
    client.post(
        f"/api/v1/tickets/{waiting}/escalate",
        headers=lead.headers,
        json={"team_id": desk.team_id("payments"), "note": "check"},
    )
    blocked = client.post(
        f"/api/v1/tickets/{waiting}/merge", headers=lead.headers, json={"target_number": target}
    )
    assert blocked.json()["error"]["code"] == "merge_has_children"
    child = client.get(f"/api/v1/tickets/{waiting}", headers=lead.headers).json()["children"][0]
    into_child = client.post(
        f"/api/v1/tickets/{target}/merge",
        headers=lead.headers,
        json={"target_number": child["number"]},
    )
    assert into_child.json()["error"]["code"] == "merge_child_ticket"

    itself = client.post(
        f"/api/v1/tickets/{target}/merge", headers=lead.headers, json={"target_number": target}
    )
    assert itself.json()["error"]["code"] == "merge_into_itself"
    twice = client.post(
        f"/api/v1/tickets/{source}/merge", headers=lead.headers, json={"target_number": target}
    )
    assert twice.json()["error"]["code"] == "merge_source_finished"
    again = client.post(
        f"/api/v1/tickets/{target}/merge", headers=lead.headers, json={"target_number": source}
    )
    assert again.json()["error"]["code"] == "merge_target_finished"
    missing = client.post(
        f"/api/v1/tickets/{target}/merge", headers=lead.headers, json={"target_number": 1}
    )
    assert missing.status_code == 404

    # Once the survivor is solved and its reopen window has passed, a reply to the duplicate
    # starts one follow-up of the survivor; later replies join that follow-up.
    assert edit_ticket(client, lead.headers, target, status="solved").status_code == 200
    solved_long_ago(database, target)
    late = client.post(
        f"/api/v1/me/tickets/{source}/replies", headers=user, json={"body": "还是没到"}
    ).json()
    assert late["follow_up"] is True
    assert late["ticket"]["follow_up_of_number"] == target
    assert client.get(f"/api/v1/tickets/{target}", headers=lead.headers).json()["status"] == (
        "closed"
    )
    again = client.post(
        f"/api/v1/me/tickets/{source}/replies", headers=user, json={"body": "在吗"}
    ).json()
    assert (again["ticket"]["number"], again["follow_up"]) == (late["ticket"]["number"], False)
