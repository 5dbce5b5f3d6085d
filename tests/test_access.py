"""Who may call what: every API route, for anonymous callers, wrong roles and other users.

The routes come from the application's OpenAPI document, so a new endpoint fails here until it
is given an audience below.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from kefu.app import create_app
from kefu.auth.models import Role
from kefu.config import Settings
from tests.conftest import Desk, new_ticket

PUBLIC = {
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/anonymous"),
    ("GET", "/healthz"),
    # The help centre is open to everyone, signed in or not.
    ("GET", "/api/v1/help/articles"),
    ("GET", "/api/v1/help/articles/{slug}"),
    ("GET", "/api/v1/help/search"),
    # What the feedback form and the report button offer, before anyone signs in.
    ("GET", "/api/v1/feedback/categories"),
    ("GET", "/api/v1/reports/reasons"),
    ("GET", "/api/v1/help/announcements"),
    # "Is this really us?": a worried person checks before signing in to anything.
    ("GET", "/api/v1/help/verify"),
}
# Routes that take any signed-in caller (they check the object itself).
ANY_SIGNED_IN = {("POST", "/api/v1/attachments"), ("GET", "/api/v1/attachments/{attachment_id}")}
AUDIENCE = [  # (path prefix, audience)
    ("/api/v1/admin/", "admin"),
    ("/api/v1/webhooks", "admin"),
    ("/api/v1/platform/", "platform"),
    ("/api/v1/me", "end_user"),
    ("/api/v1/", "staff"),
]


# A valid body per ticket route, so access (not validation) decides the answer.
VALID_BODY = {
    ("PATCH", "/api/v1/tickets/{number}"): {"version": 1, "priority": "high"},
    ("POST", "/api/v1/tickets/{number}/assign"): {"version": 1, "assignee_id": None},
    ("POST", "/api/v1/tickets/{number}/messages"): {"body": "x"},
    ("POST", "/api/v1/tickets/{number}/escalate"): {"team_id": 1, "note": "x"},
    ("POST", "/api/v1/tickets/{number}/merge"): {"target_number": 10002},
    ("POST", "/api/v1/me/tickets/{number}/replies"): {"body": "x"},
    ("PUT", "/api/v1/me/tickets/{number}/rating"): {"score": 3},
    ("POST", "/api/v1/tickets/{number}/macros/{macro_id}/apply"): {"version": 1},
}


def api_routes() -> list[tuple[str, str]]:
    """Every operation the OpenAPI document publishes."""
    paths = create_app(Settings(env="test")).openapi()["paths"]
    return sorted(
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if (method.upper(), path) not in PUBLIC
    )


def audience(method: str, path: str) -> str:
    if (method, path) in ANY_SIGNED_IN:
        return "any"
    return next(name for prefix, name in AUDIENCE if path.startswith(prefix))


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "10001", path)


ROUTES = api_routes()


def test_every_route_has_an_audience() -> None:
    assert len(ROUTES) >= 20
    for method, path in ROUTES:
        assert audience(method, path)


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_anonymous_callers_are_refused(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, concrete(path), json={})
    assert response.status_code == 401, response.text
    assert response.json()["error"]["code"] == "not_authenticated"


# Routes open to any signed-in caller check the object instead; see test_attachments.
ROLE_ROUTES = [route for route in ROUTES if audience(*route) != "any"]


@pytest.mark.parametrize(("method", "path"), ROLE_ROUTES)
def test_wrong_roles_are_refused(client: TestClient, desk: Desk, method: str, path: str) -> None:
    who = audience(method, path)
    callers = {
        "end user": desk.user(),
        "platform token": desk.api_token("tickets:write", "tickets:read"),
        "agent": desk.staff("agent", teams=("technical_support",)).headers,
        "supervisor": desk.staff("lead", Role.supervisor).headers,
    }
    allowed = {
        "admin": set(),
        "platform": {"platform token"},
        "end_user": {"end user"},
        "staff": {"agent", "supervisor"},
    }[who]
    for name, headers in callers.items():
        if name in allowed:
            continue
        response = client.request(method, concrete(path), json={}, headers=headers)
        assert response.status_code == 403, (name, response.text)
        assert response.json()["error"]["code"] in (
            "staff_only",
            "end_user_only",
            "scope_required",
            "role_required",
        ), name


def test_other_users_and_other_teams_cannot_reach_a_ticket(client: TestClient, desk: Desk) -> None:
    owner, stranger = desk.user(), desk.user()
    lead = desk.staff("lead", Role.supervisor)
    outsider = desk.staff("outsider", teams=("after_sales",))
    number = new_ticket(client, owner)["number"]
    version = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["version"]
    client.patch(
        f"/api/v1/tickets/{number}",
        headers=lead.headers,
        json={"version": version, "team_id": desk.team_id("legal")},
    )
    for method, path in ROUTES:
        if "{number}" not in path:
            continue
        url = concrete(path.replace("{number}", str(number)))
        who = audience(method, path)
        body = VALID_BODY.get((method, path))
        if who == "end_user":
            response = client.request(method, url, json=body, headers=stranger)
            assert response.status_code == 404, (method, path, response.text)
        elif who == "staff":
            response = client.request(method, url, json=body, headers=outsider.headers)
            assert response.status_code == 403, (method, path, response.text)
            assert response.json()["error"]["code"] == "ticket_forbidden"
