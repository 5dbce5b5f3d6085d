"""The help centre as readers use it and the knowledge base as staff edit it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.kit.db import Database
from tests.conftest import Desk


@pytest.mark.usefixtures("help_centre")
@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("忘记密码了怎么办", "password-recovery"),
        ("收不到验证码", "login-problems-sms-codes"),
        ("forgot my password", "password-recovery"),
        ("how do I report a video", "report-content"),
        ("直播卡顿", "livestream-lag-quality"),
        ("withdraw my creator earnings", "creator-earnings-withdrawal"),
    ],
)
def test_search_finds_the_right_article_in_either_language(
    client: TestClient, query: str, slug: str
) -> None:
    response = client.get("/api/v1/help/search", params={"q": query})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["hits"][0]["slug"] == slug, body
    assert body["locale"] == ("zh-CN" if any("\u4e00" <= c <= "\u9fff" for c in query) else "en")
    assert body["hits"][0]["url"].startswith(f"/help/articles/{slug}")


@pytest.mark.usefixtures("help_centre")
def test_articles_read_with_the_sites_facts_filled_in(client: TestClient) -> None:
    response = client.get("/api/v1/help/articles/official-contact-channels", params={"lang": "en"})
    assert response.status_code == 200
    article = response.json()
    assert "{{" not in article["body"] and "400-000-0000" in article["body"]
    assert article["translations"] == ["zh-CN"]
    zh = client.get(
        "/api/v1/help/articles/official-contact-channels", headers={"Accept-Language": "zh-CN"}
    ).json()
    assert zh["locale"] == "zh-CN" and "北京时间" in zh["body"]
    listing = client.get("/api/v1/help/articles", params={"locale": "en", "limit": 100}).json()
    slugs = {item["slug"] for item in listing["items"]}
    assert "password-recovery" in slugs
    assert not any(s.startswith("agent-") for s in slugs)  # agent-only guides stay internal


@pytest.mark.usefixtures("help_centre")
def test_agent_only_articles_are_found_by_staff_only(client: TestClient, desk: Desk) -> None:
    query = {"q": "how to handle a ban appeal as an agent", "locale": "en"}
    public = client.get("/api/v1/help/search", params=query).json()["hits"]
    assert all(not hit["slug"].startswith("agent-") for hit in public)
    agent = desk.staff("agent")
    staff = client.get("/api/v1/kb/search", params=query, headers=agent.headers).json()
    assert staff[0]["slug"] == "agent-ban-appeal-handling"
    missing = client.get("/api/v1/help/articles/agent-ban-appeal-handling")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "article_not_found"


@pytest.mark.usefixtures("help_centre")
def test_readers_vote_once_and_can_change_their_mind(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    url = "/api/v1/me/help/articles/password-recovery/vote?lang=en"
    assert client.put(url, json={"helpful": True}, headers=user).json() == {
        "helpful_yes": 1,
        "helpful_no": 0,
    }
    assert client.put(url, json={"helpful": False}, headers=user).json() == {
        "helpful_yes": 0,
        "helpful_no": 1,
    }
    assert client.put(url, json={"helpful": True}).status_code == 401


def test_supervisors_write_drafts_publish_and_keep_revisions(
    client: TestClient, desk: Desk, database: Database
) -> None:
    lead, agent = desk.staff("lead", Role.supervisor), desk.staff("agent")
    draft = {
        "slug": "new-year-event",
        "locale": "en",
        "title": "New Year live event",
        "body": "# New Year live event\n\nDouble gift points from 31 December.",
        "category": "livestream",
        "questions": ["what is the new year event"],
    }
    refused = client.post("/api/v1/kb/articles", json=draft, headers=agent.headers)
    assert refused.status_code == 403
    created = client.post("/api/v1/kb/articles", json=draft, headers=lead.headers)
    assert created.status_code == 201, created.text
    article = created.json()
    assert article["status"] == "draft" and article["version"] == 1
    assert client.get("/api/v1/help/articles/new-year-event").status_code == 404
    published = client.patch(
        f"/api/v1/kb/articles/{article['id']}",
        json={"version": 1, "status": "published"},
        headers=lead.headers,
    )
    assert published.status_code == 200 and published.json()["version"] == 2
    assert client.get("/api/v1/help/articles/new-year-event").status_code == 200
    hits = client.get("/api/v1/help/search", params={"q": "new year event gift points"}).json()
    assert hits["hits"][0]["slug"] == "new-year-event"
    stale = client.patch(
        f"/api/v1/kb/articles/{article['id']}",
        json={"version": 1, "title": "Old"},
        headers=lead.headers,
    )
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "article_edited"
    revisions = client.get(
        f"/api/v1/kb/articles/{article['id']}/revisions", headers=agent.headers
    ).json()
    assert [r["version"] for r in revisions] == [2, 1]
    duplicate = client.post("/api/v1/kb/articles", json=draft, headers=lead.headers)
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["code"] == "article_exists"
    bad = client.post(
        "/api/v1/kb/articles", json={**draft, "slug": "x", "category": "nope"}, headers=lead.headers
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_article"
    gone = client.delete(f"/api/v1/kb/articles/{article['id']}", headers=lead.headers)
    assert gone.status_code == 204
    assert client.get("/api/v1/help/articles/new-year-event").status_code == 404


@pytest.mark.parametrize(
    "params",
    [{"q": ""}, {"q": "x" * 501}, {"q": "ok", "locale": "fr"}, {"q": "ok", "limit": 0}],
)
def test_bad_searches_get_clear_errors(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/v1/help/search", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_search_of_an_empty_help_centre_finds_nothing(client: TestClient) -> None:
    response = client.get("/api/v1/help/search", params={"q": "password"})
    assert response.status_code == 200 and response.json()["hits"] == []


@pytest.mark.usefixtures("help_centre")
def test_votes_follow_the_readers_language(client: TestClient, desk: Desk) -> None:
    user = {**desk.user(), "Accept-Language": "en"}
    client.put(
        "/api/v1/me/help/articles/password-recovery/vote", json={"helpful": True}, headers=user
    )
    english = client.get("/api/v1/help/articles/password-recovery?lang=en").json()
    assert english["helpful_yes"] == 1


def test_articles_need_text_besides_headings_and_no_nul(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    base = {"slug": "empty", "locale": "en", "title": "Empty"}
    only_headings = client.post(
        "/api/v1/kb/articles", json={**base, "body": "# Empty\n## A\n## B"}, headers=lead.headers
    )
    assert only_headings.status_code == 422
    assert only_headings.json()["error"]["code"] == "invalid_article"
    nul = client.post(
        "/api/v1/kb/articles",
        json={**base, "body": "# E\n\ntext", "tags": ["a\u0000b"]},
        headers=lead.headers,
    )
    assert nul.status_code == 422
