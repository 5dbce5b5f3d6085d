"""The dashboard's figures from controlled data, through the API: exact medians, p90s, SLA
risk, CSAT, containment and trending; who may read them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from tests.analytics.records import Records
from tests.conftest import Desk

H = timedelta(hours=1)
M = timedelta(minutes=1)
D = timedelta(days=1)


def figures(client: TestClient, desk: Desk, **params: Any) -> dict[str, Any]:
    lead = desk.staff("Lead", Role.supervisor)
    response = client.get("/api/v1/analytics/dashboard", params=params, headers=lead.headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_response_and_resolution_times_are_medians_and_p90s(
    client: TestClient, desk: Desk, database: Database
) -> None:
    records = Records(database, utcnow())
    waits = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]  # minutes
    solves = [H, 2 * H, 6 * H]
    for index, minutes in enumerate(waits):
        records.ticket(
            2 * D,
            replied_after=minutes * M,
            solved_after=solves[index] if index < len(solves) else None,
            status="solved" if index < len(solves) else "open",
        )
    records.ticket(D, replied_after=5 * M, channel="internal")  # escalation task: no replies
    records.ticket(20 * D, replied_after=M, solved_after=H)  # long before the period
    other = desk.team_id("after_sales")
    records.ticket(D, replied_after=500 * M, team_id=other)

    week = figures(client, desk, period="7d")
    first = week["first_response"]
    # percentile_cont: 11 waits (10..100 and 500 minutes): median is the 6th, 60 minutes;
    # p90 sits at rank 1 + 10 * 0.9 = 10, the 100-minute wait.
    assert (first["count"], first["median_seconds"], first["p90_seconds"]) == (11, 3600, 6000)
    assert sum(point["count"] for point in first["trend"]) == 11
    resolution = week["resolution"]
    # 1 h, 2 h, 6 h: median 2 h; p90 at position 1.8 = 2 h + 0.8 * 4 h = 5.2 h
    assert (resolution["count"], resolution["median_seconds"]) == (3, 7200)
    assert resolution["p90_seconds"] == 5.2 * 3600

    team = figures(client, desk, period="7d", team=desk.team_id("technical_support"))
    assert team["first_response"]["count"] == 0  # the records have no team
    only_other = figures(client, desk, period="7d", team=other)["first_response"]
    assert (only_other["count"], only_other["median_seconds"]) == (1, 30000)


def test_even_counts_interpolate(client: TestClient, desk: Desk, database: Database) -> None:
    records = Records(database, utcnow())
    for minutes in (10, 20, 30, 40, 50, 60, 70, 80, 90, 100):
        records.ticket(3 * D, replied_after=minutes * M)
    first = figures(client, desk, period="30d")["first_response"]
    # median at position 4.5: 55 min; p90 at position 8.1: 90 + 0.1 * 10 = 91 min
    assert (first["median_seconds"], first["p90_seconds"]) == (3300, 5460)


def test_sla_breached_and_at_risk_with_links(
    client: TestClient, desk: Desk, database: Database
) -> None:
    records = Records(database, utcnow())
    breached_urgent = records.ticket(2 * H, priority="urgent")
    at_risk_urgent = records.ticket(50 * M, priority="urgent")  # 83 % of 1 h
    records.ticket(30 * M, priority="urgent")  # 50 %: fine
    at_risk_high = records.ticket(3.5 * H, priority="high")  # 88 % of 4 h
    breached_normal = records.ticket(30 * H, priority="normal")
    records.ticket(10 * H, priority="low")
    records.ticket(48 * H, priority="normal", status="pending")  # waits on the requester
    records.ticket(5 * H, priority="urgent", channel="internal")  # a department's task
    records.ticket(30 * H, priority="normal", replied_after=H)  # answered in time
    records.ticket(3 * H, priority="urgent", replied_after=30 * M)  # in time
    records.ticket(4 * H, priority="urgent", replied_after=2 * H)  # late

    sla = figures(client, desk, period="7d")["sla"]
    assert (sla["breached_count"], sla["at_risk_count"]) == (2, 2)
    # soonest due first: the normal ticket was due 6 h ago, the urgent one 1 h ago
    assert [t["number"] for t in sla["breached"]] == [breached_normal, breached_urgent]
    assert [t["number"] for t in sla["at_risk"]] == [at_risk_urgent, at_risk_high]
    assert sla["met_share"] == 2 / 3
    by_priority = {row["priority"]: row for row in sla["by_priority"]}
    assert (by_priority["urgent"]["met"], by_priority["urgent"]["missed"]) == (1, 1)
    assert (by_priority["normal"]["met"], by_priority["normal"]["missed"]) == (1, 0)
    assert by_priority["low"]["target_hours"] == 72


def test_csat_is_the_share_of_good_ratings(
    client: TestClient, desk: Desk, database: Database
) -> None:
    records = Records(database, utcnow())
    for score in (5, 4, 2, 5):
        records.ticket(3 * D, solved_after=H, status="solved", rating=(score, D))
    records.ticket(30 * D, solved_after=H, status="solved", rating=(1, 25 * D))  # earlier
    satisfaction = figures(client, desk, period="7d")["satisfaction"]
    assert (satisfaction["rated"], satisfaction["good"], satisfaction["csat"]) == (4, 3, 0.75)
    assert satisfaction["by_score"] == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 2}
    assert [p["rated"] for p in satisfaction["trend"] if p["rated"]] == [4]
    month = figures(client, desk, period="30d")["satisfaction"]
    assert (month["rated"], month["csat"]) == (5, 0.6)


def test_bot_containment_counts_settled_conversations(
    client: TestClient, desk: Desk, database: Database
) -> None:
    records = Records(database, utcnow())
    records.ticket(D)
    for _ in range(2):
        records.conversation(D, "resolved")
    for _ in range(3):
        records.conversation(D, "bot", idle=2 * H)  # left: abandoned
    for _ in range(3):
        records.conversation(D, "handed_off", ticket=True)
    records.conversation(D, "bot", ticket=True)  # its ticket took it back: still handed off
    records.conversation(2 * H, "bot", idle=5 * M)  # still talking: not settled
    records.conversation(D, "bot", turns=1)  # only the greeting: the user never wrote
    records.conversation(20 * D, "resolved")  # before the period
    bot = figures(client, desk, period="7d")["bot"]
    assert (bot["resolved"], bot["abandoned"], bot["handed_off"], bot["active"]) == (2, 3, 4, 1)
    assert bot["conversations"] == 10
    assert bot["containment"] == 5 / 9 and bot["resolved_share"] == 2 / 9


def test_trending_categories_compare_with_the_previous_period(
    client: TestClient, desk: Desk, database: Database
) -> None:
    records = Records(database, utcnow())
    now_counts = {"livestream": 5, "refund_return": 3, "account_login": 1, "video_upload": 2}
    before_counts = {"livestream": 1, "refund_return": 3, "account_login": 4, "app_bug": 2}
    for category, count in now_counts.items():
        for _ in range(count):
            records.ticket(2 * D, category=category)
    for category, count in before_counts.items():
        for _ in range(count):
            records.ticket(8 * D, category=category)  # inside the previous 7 days
    trending = figures(client, desk, period="7d")["trending"]
    assert (trending["current_total"], trending["previous_total"]) == (11, 10)
    risers = [(r["category"], r["current"], r["previous"], r["change"]) for r in trending["risers"]]
    assert risers == [("livestream", 5, 1, 4), ("video_upload", 2, 0, 2)]
    assert trending["risers"][0]["change_share"] == 4.0
    assert trending["risers"][0]["name"] == {"en": "Live streaming", "zh": "直播"}
    assert trending["risers"][1]["change_share"] is None
    fallen = {r["category"]: r["change"] for r in trending["categories"]}
    assert fallen == {
        "livestream": 4,
        "video_upload": 2,
        "refund_return": 0,
        "app_bug": -2,
        "account_login": -3,
    }


def test_live_queue_by_team_and_category(
    client: TestClient, desk: Desk, database: Database
) -> None:
    records = Records(database, utcnow())
    support, after_sales = desk.team_id("technical_support"), desk.team_id("after_sales")
    agent = desk.staff("Agent", Role.agent, teams=("technical_support",))
    records.ticket(H, team_id=support, assignee_id=agent.id, priority="high")
    records.ticket(H, team_id=support, category="livestream", priority="urgent")
    records.ticket(H, status="new", team_id=support, needs_triage=True, category=None)
    records.ticket(H, status="pending", team_id=support, assignee_id=agent.id)
    records.ticket(H, status="on_hold", team_id=after_sales, category="refund_return")
    records.ticket(H, status="new", needs_triage=True, category=None)
    records.ticket(H, status="new", needs_triage=True, category=None)
    records.ticket(H, status="solved", team_id=support)
    records.ticket(H, status="closed", team_id=support)

    queue = figures(client, desk)["queue"]
    assert (queue["unsolved"], queue["unassigned"]) == (7, 5)
    assert (queue["needs_triage"], queue["no_team"]) == (3, 2)
    teams = {row["team_id"]: (row["total"], row["by_status"]) for row in queue["by_team"]}
    assert teams[support] == (4, {"new": 1, "open": 2, "pending": 1, "on_hold": 0})
    assert teams[after_sales][0] == 1 and teams[None][0] == 2
    assert queue["by_team"][0]["name"]["en"] == "Technical Support"
    categories = {row["category"]: row for row in queue["by_category"]}
    assert categories[None]["total"] == 3 and categories[None]["name"]["zh"] == "未分类"
    assert categories["account_login"]["by_priority"] == {
        "urgent": 0,
        "high": 1,
        "normal": 1,
        "low": 0,
    }
    team_only = figures(client, desk, team=support)["queue"]
    assert (team_only["unsolved"], team_only["no_team"]) == (4, 0)


def test_only_supervisors_and_admins_read_analytics(client: TestClient, desk: Desk) -> None:
    path = "/api/v1/analytics/dashboard"
    assert client.get(path).status_code == 401
    agent = desk.staff("Agent", Role.agent)
    refused = client.get(path, headers={**agent.headers, "Accept-Language": "zh-CN"})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "role_required"
    assert "角色" in refused.json()["error"]["message"]
    moderator = desk.staff("Mod", Role.moderator)
    assert client.get(path, headers=moderator.headers).status_code == 403
    admin = desk.staff("Admin", Role.admin)
    assert client.get(path, headers=admin.headers).status_code == 200
    wrong_team = client.get(path, params={"team": 999}, headers=admin.headers)
    assert (wrong_team.status_code, wrong_team.json()["error"]["code"]) == (422, "unknown_team")
    assert client.get(path, params={"period": "1y"}, headers=admin.headers).status_code == 422
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/analytics/dashboard"]["get"]
    assert "role_required" in operation["responses"]["403"]["description"]
    assert {p["name"] for p in operation["parameters"]} == {"period", "team"}
