"""Report cases through the HTTP API: many reports of one target gather on one case, even when
they arrive at the same moment; a moderator's decision reaches every reporter."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk


def report(
    client: TestClient,
    headers: dict[str, str],
    target_id: str = "7788",
    reason: str = "fraud",
    target_type: str = "video",
    **fields: Any,
) -> httpx.Response:
    body = {"target": {"type": target_type, "id": target_id}, "reason": reason, **fields}
    response: httpx.Response = client.post("/api/v1/me/reports", headers=headers, json=body)
    return response


def only_case(client: TestClient, moderator: dict[str, str]) -> dict[str, Any]:
    cases = client.get("/api/v1/trust/cases", headers=moderator).json()["items"]
    assert len(cases) == 1, cases
    case: dict[str, Any] = cases[0]
    return client.get(f"/api/v1/trust/cases/{case['id']}", headers=moderator).json()  # type: ignore[no-any-return]


def test_reports_of_one_target_gather_on_one_case(client: TestClient, desk: Desk) -> None:
    first, second, third = desk.user(), desk.user(), desk.user()
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    one = report(client, first, note="冒充官方客服骗钱")
    assert one.status_code == 201, one.text
    assert one.json()["status"] == "under_review"
    assert report(client, second, reason="spam").status_code == 201
    assert report(client, third, reason="fraud", note="same scam").status_code == 201
    assert report(client, first, reason="spam").status_code == 200  # already reported: no count
    other = report(client, second, target_id="7788", target_type="comment")
    assert other.status_code == 201  # a comment 7788 is another target
    cases = client.get("/api/v1/trust/cases", headers=moderator.headers).json()["items"]
    assert len(cases) == 2
    case = next(c for c in cases if c["target"] == {"type": "video", "id": "7788"})
    assert case["report_count"] == 3 and case["reasons"] == ["fraud", "spam"]
    detail = client.get(f"/api/v1/trust/cases/{case['id']}", headers=moderator.headers).json()
    assert [r["reason"] for r in detail["reports"]] == ["fraud", "spam", "fraud"]
    # One content_report ticket, in the trust & safety queue, holds every report.
    number = case["ticket_number"]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=moderator.headers).json()
    assert (ticket["type"], ticket["category"], ticket["channel"]) == (
        "content_report",
        "content_report",
        "report",
    )
    assert ticket["team"]["slug"] == "trust_safety"
    assert {"report", "reason:fraud", "target:video"} <= set(ticket["tags"])
    messages = client.get(f"/api/v1/tickets/{number}/messages", headers=moderator.headers).json()
    assert [m["kind"] for m in messages] == ["public", "internal", "internal"]
    assert "冒充官方客服骗钱" in messages[0]["body"] and "same scam" in messages[2]["body"]
    # The first reporter owns the ticket but never sees the others' reports.
    mine = client.get(f"/api/v1/me/tickets/{number}", headers=first).json()
    assert len(mine["messages"]) == 1
    assert client.get(f"/api/v1/me/tickets/{number}", headers=second).status_code == 404


def test_simultaneous_first_reports_make_one_case(client: TestClient, desk: Desk) -> None:
    reporters = [desk.user() for _ in range(8)]
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    reasons = ["spam", "fraud", "violence", "spam"] * 2

    def send(i: int) -> int:
        return report(
            client, reporters[i], target_id="live-42", target_type="live", reason=reasons[i]
        ).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, range(8)))
    assert statuses == [201] * 8
    case = only_case(client, moderator.headers)
    assert case["report_count"] == 8 and len(case["reports"]) == 8
    assert sorted(case["reasons"]) == ["fraud", "spam", "violence"]
    tickets = client.get(
        "/api/v1/tickets",
        params={"tag": "report"},
        headers=desk.staff("lead", Role.supervisor).headers,
    ).json()["items"]
    assert len(tickets) == 1
    messages = client.get(
        f"/api/v1/tickets/{case['ticket_number']}/messages", headers=moderator.headers
    ).json()
    assert len(messages) == 8


def test_a_decision_closes_the_case_and_every_reporter_sees_it(
    client: TestClient, desk: Desk
) -> None:
    chinese, english = desk.user(), desk.user()
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    mine = report(client, chinese, target_type="account", target_id="@scammer").json()
    report(client, english, target_type="account", target_id="@scammer", reason="spam")
    case = only_case(client, moderator.headers)
    decided = client.post(
        f"/api/v1/trust/cases/{case['id']}/decision",
        headers=moderator.headers,
        json={"outcome": "removed", "note": "Impersonates official support; account banned."},
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "decided" and decided.json()["outcome"] == "removed"
    zh = client.get(
        f"/api/v1/me/reports/{mine['id']}", headers={**chinese, "Accept-Language": "zh-CN"}
    ).json()
    assert zh["status"] == "decided" and zh["outcome"] == "removed"
    assert zh["outcome_name"] == "已删除" and "已被删除" in zh["outcome_text"]
    en = client.get("/api/v1/me/reports", headers={**english, "Accept-Language": "en"}).json()
    assert en["items"][0]["outcome"] == "removed" and "removed it" in en["items"][0]["outcome_text"]
    # The decision is on the ticket's timeline, which is solved.
    number = case["ticket_number"]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=moderator.headers).json()
    assert ticket["status"] == "solved" and "outcome:removed" in ticket["tags"]
    messages = client.get(f"/api/v1/tickets/{number}/messages", headers=moderator.headers).json()
    assert messages[-1]["kind"] == "internal" and "account banned" in messages[-1]["body"]
    events = client.get(f"/api/v1/tickets/{number}/events", headers=moderator.headers).json()
    assert any(e["field"] == "status" and e["new_value"] == "solved" for e in events)
    # Decided once; a new report of the target opens a new case.
    again = client.post(
        f"/api/v1/trust/cases/{case['id']}/decision",
        headers=moderator.headers,
        json={"outcome": "no_violation"},
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "case_decided"
    fresh = report(client, chinese, target_type="account", target_id="@scammer")
    assert fresh.status_code == 201 and fresh.json()["status"] == "under_review"
    open_cases = client.get(
        "/api/v1/trust/cases", params={"status": "open"}, headers=moderator.headers
    ).json()["items"]
    assert len(open_cases) == 1 and open_cases[0]["id"] != case["id"]


def test_no_violation_and_restricted_read_differently(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    for target, outcome, words in (
        ("1", "no_violation", "no violation"),
        ("2", "restricted", "restricted"),
    ):
        mine = report(client, user, target_id=target).json()
        case_id = next(
            c["id"]
            for c in client.get("/api/v1/trust/cases", headers=moderator.headers).json()["items"]
            if c["target"]["id"] == target
        )
        response = client.post(
            f"/api/v1/trust/cases/{case_id}/decision",
            headers=moderator.headers,
            json={"outcome": outcome},
        )
        assert response.status_code == 200, response.text
        seen = client.get(f"/api/v1/me/reports/{mine['id']}", headers=user).json()
        assert words in seen["outcome_text"]


def test_who_may_review_and_decide(client: TestClient, desk: Desk) -> None:
    reporter = desk.user()
    report(client, reporter)
    agent = desk.staff("agent", teams=("technical_support",))
    trust_agent = desk.staff("trust agent", teams=("trust_safety",))
    lead = desk.staff("lead", Role.supervisor)
    case = only_case(client, lead.headers)
    url = f"/api/v1/trust/cases/{case['id']}/decision"
    body = {"outcome": "no_violation"}
    for path in ("/api/v1/trust/cases", f"/api/v1/trust/cases/{case['id']}"):
        refused = client.get(path, headers=agent.headers)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "moderator_required"
    refused = client.post(url, headers=agent.headers, json=body)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "moderator_required"
    assert client.post(url, headers=reporter, json=body).status_code == 403
    assert client.get("/api/v1/trust/cases", headers=trust_agent.headers).status_code == 200
    assert client.post(url, headers=trust_agent.headers, json=body).status_code == 200


def test_reporters_see_only_their_own_reports(client: TestClient, desk: Desk) -> None:
    alice, bob = desk.user(), desk.user()
    alices = report(client, alice).json()
    report(client, bob, target_id="other")
    bobs = client.get("/api/v1/me/reports", headers=bob).json()["items"]
    assert [r["target"]["id"] for r in bobs] == ["other"]
    stolen = client.get(f"/api/v1/me/reports/{alices['id']}", headers=bob)
    assert stolen.status_code == 404 and stolen.json()["error"]["code"] == "report_not_found"
    staff = desk.staff("lead", Role.supervisor)
    assert client.get("/api/v1/me/reports", headers=staff.headers).status_code == 403
    assert client.get("/api/v1/me/reports").status_code == 401


def test_bad_decisions_are_refused(client: TestClient, desk: Desk) -> None:
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    report(client, desk.user())
    case = only_case(client, moderator.headers)
    url = f"/api/v1/trust/cases/{case['id']}/decision"
    for body in (
        {"outcome": "deleted"},
        {},
        {"outcome": "removed", "note": "x" * 2001},
        {"outcome": "removed", "extra": 1},
    ):
        response = client.post(url, headers=moderator.headers, json=body)
        assert response.status_code == 422, body
    missing = client.post(
        "/api/v1/trust/cases/999999/decision",
        headers=moderator.headers,
        json={"outcome": "removed"},
    )
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "case_not_found"
    assert client.get("/api/v1/trust/cases/0", headers=moderator.headers).status_code == 422
    bad_cursor = client.get(
        "/api/v1/trust/cases", params={"cursor": "zz"}, headers=moderator.headers
    )
    assert bad_cursor.status_code == 400
