"""What administrators do through the API: the full staff directory, generated first passwords,
names and locales, skills from a closed vocabulary, team edits, API token upkeep."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.auth.skills import LANGUAGES
from kefu.triage.language import CANDIDATES
from tests.conftest import Desk


def test_skill_languages_are_the_ones_triage_detects() -> None:
    assert set(LANGUAGES) == set(CANDIDATES)


def test_only_admins_reach_the_admin_api(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    calls: list[tuple[str, str, dict[str, object] | None]] = [
        ("GET", "/api/v1/admin/staff", None),
        ("PUT", f"/api/v1/admin/staff/{lead.id}/skills", {"skills": []}),
        ("GET", "/api/v1/admin/teams", None),
        ("PATCH", "/api/v1/admin/teams/1", {"name_en": "x"}),
        ("GET", "/api/v1/admin/api-tokens", None),
        ("DELETE", "/api/v1/admin/api-tokens/1", None),
    ]
    for method, path, body in calls:
        refused = client.request(method, path, json=body, headers=lead.headers)
        assert (refused.status_code, refused.json()["error"]["code"]) == (403, "role_required")
        anonymous = client.request(method, path, json=body)
        assert anonymous.status_code == 401, path


def test_a_generated_password_is_shown_once_and_works(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("admin", Role.admin)
    created = client.post(
        "/api/v1/admin/staff",
        headers=admin.headers,
        json={"email": "Zhao@Kefu.example", "name": "赵六", "teams": ["after_sales"]},
    )
    assert created.status_code == 201, created.text
    body = created.json()
    password = body["generated_password"]
    assert len(password) >= 16 and body["email"] == "zhao@kefu.example"
    assert body["last_login_at"] is None and body["is_active"] is True
    assert (
        client.post(
            "/api/v1/auth/login", json={"email": "zhao@kefu.example", "password": password}
        ).status_code
        == 200
    )

    given = client.post(
        "/api/v1/admin/staff",
        headers=admin.headers,
        json={"email": "qian@kefu.example", "name": "钱七", "password": "my own secret"},
    )
    assert given.json()["generated_password"] is None
    short = client.post(
        "/api/v1/admin/staff",
        headers=admin.headers,
        json={"email": "sun@kefu.example", "name": "孙八", "password": "short"},
    )
    assert (short.status_code, short.json()["error"]["code"]) == (422, "validation_error")

    listed = client.get("/api/v1/admin/staff", headers=admin.headers).json()
    zhao = next(s for s in listed if s["email"] == "zhao@kefu.example")
    assert zhao["last_login_at"] is not None  # the sign-in above
    assert "generated_password" not in zhao and "password_hash" not in zhao


def test_the_directory_keeps_deactivated_staff(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("admin", Role.admin)
    agent = desk.staff("Lin", teams=("technical_support",))
    off = client.patch(
        f"/api/v1/admin/staff/{agent.id}", headers=admin.headers, json={"is_active": False}
    )
    assert off.status_code == 200
    assert client.get("/api/v1/auth/me", headers=agent.headers).status_code == 401
    everyone = client.get("/api/v1/admin/staff", headers=admin.headers).json()
    assert [s["is_active"] for s in everyone] == [True, False]  # active people first
    active = client.get("/api/v1/staff", headers=admin.headers).json()
    assert agent.id not in [s["id"] for s in active]
    back = client.patch(
        f"/api/v1/admin/staff/{agent.id}", headers=admin.headers, json={"is_active": True}
    )
    assert back.json()["is_active"] is True
    # the old session stays ended: reactivating does not revive it
    assert client.get("/api/v1/auth/me", headers=agent.headers).status_code == 401


def test_admin_renames_staff_and_sets_their_locale(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("admin", Role.admin)
    agent = desk.staff("old name")
    changed = client.patch(
        f"/api/v1/admin/staff/{agent.id}",
        headers=admin.headers,
        json={"name": "  New Name ", "locale": "en"},
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["name"], changed.json()["locale"]) == ("New Name", "en")
    for bad in ({"locale": "fr"}, {"name": ""}, {"password": "sneaky"}):
        refused = client.patch(f"/api/v1/admin/staff/{agent.id}", headers=admin.headers, json=bad)
        assert refused.status_code == 422, bad


def test_skills_come_from_the_vocabulary(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("admin", Role.admin)
    agent = desk.staff("agent")
    url = f"/api/v1/admin/staff/{agent.id}/skills"
    skills = [
        {"kind": "language", "value": "ja", "level": "junior"},
        {"kind": "category", "value": "refund_return", "level": "senior"},
    ]
    put = client.put(url, headers=admin.headers, json={"skills": skills})
    assert put.status_code == 200, put.text
    assert put.json()["skills"] == skills

    cases = [
        ([{"kind": "language", "value": "klingon"}], "invalid_skill"),
        ([{"kind": "category", "value": "refunds"}], "invalid_skill"),
        ([{"kind": "language", "value": "en"}] * 2, "duplicate_skill"),
        ([{"kind": "hobby", "value": "en"}], "validation_error"),
        ([{"kind": "language", "value": "en", "level": "guru"}], "validation_error"),
    ]
    for bad, code in cases:
        refused = client.put(url, headers=admin.headers, json={"skills": bad})
        assert (refused.status_code, refused.json()["error"]["code"]) == (422, code), bad
    chinese = client.put(
        url,
        headers={**admin.headers, "Accept-Language": "zh-CN"},
        json={"skills": [{"kind": "language", "value": "xx"}]},
    )
    assert "技能" in chinese.json()["error"]["message"]
    # the same check guards creating and patching
    created = client.post(
        "/api/v1/admin/staff",
        headers=admin.headers,
        json={
            "email": "x@kefu.example",
            "name": "x",
            "skills": [{"kind": "category", "value": "nope"}],
        },
    )
    assert created.json()["error"]["code"] == "invalid_skill"
    patched = client.patch(
        f"/api/v1/admin/staff/{agent.id}",
        headers=admin.headers,
        json={"skills": [{"kind": "language", "value": "nope"}]},
    )
    assert patched.json()["error"]["code"] == "invalid_skill"
    # a failed change leaves the skills as they were
    me = client.get("/api/v1/admin/staff", headers=admin.headers).json()
    assert next(s for s in me if s["id"] == agent.id)["skills"] == skills
    cleared = client.put(url, headers=admin.headers, json={"skills": []})
    assert cleared.json()["skills"] == []
    missing = client.put("/api/v1/admin/staff/99999/skills", headers=admin.headers, json=put.json())
    assert missing.status_code == 422  # extra fields are refused before the lookup
    missing = client.put(
        "/api/v1/admin/staff/99999/skills", headers=admin.headers, json={"skills": []}
    )
    assert missing.status_code == 404


def test_teams_list_counts_active_members_and_renames_keep_the_slug(
    client: TestClient, desk: Desk
) -> None:
    admin = desk.staff("admin", Role.admin)
    desk.staff("a", teams=("after_sales",))
    gone = desk.staff("b", teams=("after_sales", "legal"))
    client.patch(f"/api/v1/admin/staff/{gone.id}", headers=admin.headers, json={"is_active": False})
    teams = client.get("/api/v1/admin/teams", headers=admin.headers).json()
    counts = {t["slug"]: t["member_count"] for t in teams}
    assert counts["after_sales"] == 1 and counts["legal"] == 0

    team_id = next(t["id"] for t in teams if t["slug"] == "legal")
    renamed = client.patch(
        f"/api/v1/admin/teams/{team_id}",
        headers=admin.headers,
        json={"name_en": "Legal & compliance", "name_zh": "法务合规", "kind": "department"},
    )
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["slug"], renamed.json()["name_zh"]) == ("legal", "法务合规")
    slug = client.patch(
        f"/api/v1/admin/teams/{team_id}", headers=admin.headers, json={"slug": "law"}
    )
    assert slug.status_code == 422
    kind = client.patch(
        f"/api/v1/admin/teams/{team_id}", headers=admin.headers, json={"kind": "club"}
    )
    assert kind.status_code == 422
    missing = client.patch("/api/v1/admin/teams/99999", headers=admin.headers, json={})
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "team_not_found")


def test_api_tokens_are_listed_without_secrets_and_revoked(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("admin", Role.admin)
    made = client.post(
        "/api/v1/admin/api-tokens",
        headers=admin.headers,
        json={"name": "backend", "scopes": ["tickets:write", "tickets:read"]},
    ).json()
    platform = {"Authorization": f"Bearer {made['token']}"}
    listed = client.get("/api/v1/admin/api-tokens", headers=admin.headers).json()
    assert [t["name"] for t in listed] == ["backend"]
    assert listed[0]["token"] is None and listed[0]["created_by_id"] == admin.id
    assert listed[0]["token_prefix"] == made["token"][:12]
    assert client.get("/api/v1/platform/tickets/10001", headers=platform).status_code == 404

    revoked = client.delete(f"/api/v1/admin/api-tokens/{made['id']}", headers=admin.headers)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    refused = client.get("/api/v1/platform/tickets/10001", headers=platform)
    assert (refused.status_code, refused.json()["error"]["code"]) == (401, "invalid_token")
    again = client.delete(f"/api/v1/admin/api-tokens/{made['id']}", headers=admin.headers)
    assert again.json()["revoked_at"] == revoked.json()["revoked_at"]
    missing = client.delete("/api/v1/admin/api-tokens/99999", headers=admin.headers)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "api_token_not_found")
