"""Staff sign-in with cookie + CSRF or bearer token; end users with platform-signed tokens."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from kefu.auth.identity import sign_user_token
from tests.conftest import PASSWORD, Desk


def test_login_sets_cookie_and_unsafe_cookie_requests_need_csrf(
    client: TestClient, desk: Desk
) -> None:
    staff = desk.staff("agent", teams=("technical_support",))
    wrong = client.post("/api/v1/auth/login", json={"email": staff.email, "password": "nope"})
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "invalid_credentials")
    unknown = client.post("/api/v1/auth/login", json={"email": "who@x.test", "password": "x"})
    assert unknown.json()["error"]["code"] == "invalid_credentials"

    login = client.post(
        "/api/v1/auth/login", json={"email": staff.email.upper(), "password": PASSWORD}
    )
    assert login.status_code == 200
    session = login.json()
    assert "kefu_session" in login.cookies
    set_cookie = login.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=lax" in set_cookie

    # The cookie alone reads; writes also need the CSRF token.
    assert client.get("/api/v1/auth/me").json()["email"] == staff.email
    user = desk.user()
    number = client.post("/api/v1/me/tickets", json={"body": "help"}, headers=user).json()["number"]
    no_csrf = client.post(f"/api/v1/tickets/{number}/messages", json={"body": "hi"})
    assert (no_csrf.status_code, no_csrf.json()["error"]["code"]) == (403, "csrf_failed")
    bad_csrf = client.post(
        f"/api/v1/tickets/{number}/messages",
        json={"body": "hi"},
        headers={"X-CSRF-Token": "forged"},
    )
    assert bad_csrf.status_code == 403
    ok = client.post(
        f"/api/v1/tickets/{number}/messages",
        json={"body": "hi"},
        headers={"X-CSRF-Token": session["csrf_token"]},
    )
    assert ok.status_code == 201

    # The same session works as a bearer token, without CSRF.
    bearer = {"Authorization": f"Bearer {session['token']}"}
    client.cookies.clear()
    assert (
        client.post(
            f"/api/v1/tickets/{number}/messages", json={"body": "again"}, headers=bearer
        ).status_code
        == 201
    )

    assert client.post("/api/v1/auth/logout", headers=bearer).status_code == 204
    after = client.get("/api/v1/auth/me", headers=bearer)
    assert (after.status_code, after.json()["error"]["code"]) == (401, "invalid_token")


def test_end_user_tokens_must_be_signed_and_fresh(client: TestClient, desk: Desk) -> None:
    assert client.get("/api/v1/me", headers=desk.user("u-9")).status_code == 200
    forged = sign_user_token({"sub": "u-9", "exp": int(time.time()) + 60}, "x" * 40)
    expired = sign_user_token(
        {"sub": "u-9", "exp": int(time.time()) - 60}, desk.settings.platform_user_secret
    )
    no_exp = sign_user_token({"sub": "u-9"}, desk.settings.platform_user_secret)
    bad_vip = sign_user_token(
        {"sub": "u-9", "exp": int(time.time()) + 60, "vip_level": "gold"},
        desk.settings.platform_user_secret,
    )
    for token in (forged, expired, no_exp, bad_vip, "garbage"):
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
        assert response.json()["error"]["code"] == "invalid_user_token"
    scheme = client.get("/api/v1/me", headers={"Authorization": "Basic abc"})
    assert (scheme.status_code, scheme.json()["error"]["code"]) == (401, "invalid_token")


def test_claims_keep_the_contact_in_step(client: TestClient, desk: Desk) -> None:
    client.get("/api/v1/me", headers=desk.user("u-5", name="Old", vip_level=0))
    me = client.get(
        "/api/v1/me", headers=desk.user("u-5", name="New", vip_level=4, locale="en-US")
    ).json()
    assert (me["name"], me["vip_level"], me["locale"]) == ("New", 4, "en")


def test_admin_creates_staff_and_api_tokens_others_cannot(client: TestClient, desk: Desk) -> None:
    from kefu.auth.models import Role

    admin = desk.staff("admin", Role.admin)
    agent = desk.staff("agent")
    new_staff = {
        "email": "new@kefu-support.cn",
        "name": "新同事",
        "password": "long enough pw",
        "role": "agent",
        "teams": ["after_sales"],
        "skills": [{"kind": "language", "value": "zh", "level": "senior"}],
    }
    created = client.post("/api/v1/admin/staff", json=new_staff, headers=admin.headers)
    assert created.status_code == 201, created.text
    assert created.json()["teams"][0]["slug"] == "after_sales"
    dup = client.post("/api/v1/admin/staff", json=new_staff, headers=admin.headers)
    assert (dup.status_code, dup.json()["error"]["code"]) == (409, "email_taken")
    bad_team = client.post(
        "/api/v1/admin/staff",
        headers=admin.headers,
        json={**new_staff, "email": "x@kefu-support.cn", "teams": ["nope"]},
    )
    assert (bad_team.status_code, bad_team.json()["error"]["code"]) == (422, "unknown_team")
    denied = client.post("/api/v1/admin/staff", json=new_staff, headers=agent.headers)
    assert (denied.status_code, denied.json()["error"]["code"]) == (403, "role_required")

    token = client.post(
        "/api/v1/admin/api-tokens",
        headers=admin.headers,
        json={"name": "backend", "scopes": ["tickets:write"]},
    )
    assert token.status_code == 201
    assert token.json()["token"].startswith("kat_")
    bad_scope = client.post(
        "/api/v1/admin/api-tokens",
        headers=admin.headers,
        json={"name": "x", "scopes": ["everything"]},
    )
    assert bad_scope.json()["error"]["code"] == "unknown_scope"
    login = client.post(
        "/api/v1/auth/login", json={"email": "new@kefu-support.cn", "password": "long enough pw"}
    )
    assert login.status_code == 200


def test_admin_changes_staff_and_teams(client: TestClient, desk: Desk) -> None:
    from kefu.auth.models import Role

    admin = desk.staff("admin", Role.admin)
    agent = desk.staff("agent", teams=("technical_support",))
    team = client.post(
        "/api/v1/admin/teams",
        headers=admin.headers,
        json={"slug": "copyright", "name_en": "Copyright", "name_zh": "版权", "kind": "department"},
    )
    assert team.status_code == 201, team.text
    dup = client.post(
        "/api/v1/admin/teams",
        headers=admin.headers,
        json={"slug": "copyright", "name_en": "x", "name_zh": "x"},
    )
    assert (dup.status_code, dup.json()["error"]["code"]) == (409, "team_slug_taken")

    changed = client.patch(
        f"/api/v1/admin/staff/{agent.id}",
        headers=admin.headers,
        json={
            "role": "moderator",
            "teams": ["trust_safety", "copyright"],
            "skills": [{"kind": "language", "value": "en", "level": "senior"}],
        },
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["role"] == "moderator"
    assert sorted(t["slug"] for t in body["teams"]) == ["copyright", "trust_safety"]
    assert body["skills"] == [{"kind": "language", "value": "en", "level": "senior"}]

    # Sending the same skills again (or only a new level) is an ordinary update.
    for level in ("senior", "junior"):
        again = client.patch(
            f"/api/v1/admin/staff/{agent.id}",
            headers=admin.headers,
            json={"skills": [{"kind": "language", "value": "en", "level": level}]},
        )
        assert again.status_code == 200, again.text
        assert again.json()["skills"][0]["level"] == level

    off = client.patch(
        f"/api/v1/admin/staff/{agent.id}", headers=admin.headers, json={"is_active": False}
    )
    assert off.json()["is_active"] is False
    assert client.get("/api/v1/auth/me", headers=agent.headers).status_code == 401
    assert (
        client.post(
            "/api/v1/auth/login", json={"email": agent.email, "password": PASSWORD}
        ).status_code
        == 401
    )

    myself = client.patch(
        f"/api/v1/admin/staff/{admin.id}", headers=admin.headers, json={"role": "agent"}
    )
    assert (myself.status_code, myself.json()["error"]["code"]) == (409, "cannot_demote_self")
    missing = client.patch("/api/v1/admin/staff/99999", headers=admin.headers, json={})
    assert missing.status_code == 404


def test_anonymous_session_starts_with_or_without_a_body(client: TestClient) -> None:
    bare = client.post("/api/v1/auth/anonymous")
    assert bare.status_code == 201
    assert bare.json()["token"].startswith("kcs_")
    with_locale = client.post("/api/v1/auth/anonymous", json={"locale": "zh-CN"})
    me = client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {with_locale.json()['token']}"}
    )
    assert me.json()["locale"] == "zh-CN"
    unknown_field = client.post("/api/v1/auth/anonymous", json={"lang": "en"})
    assert unknown_field.status_code == 422
