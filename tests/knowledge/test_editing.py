"""What the editors' pages need from the API: filters and a text search over every article,
and a preview rendered exactly as the help centre will render it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk


@pytest.mark.usefixtures("help_centre")
def test_editors_filter_articles_by_category_and_text(client: TestClient, desk: Desk) -> None:
    agent = desk.staff("agent")
    refunds = client.get(
        "/api/v1/kb/articles",
        params={"category": "refund_return", "locale": "en"},
        headers=agent.headers,
    ).json()["items"]
    assert refunds and {a["category"] for a in refunds} == {"refund_return"}
    assert {a["locale"] for a in refunds} == {"en"}

    by_title = client.get(
        "/api/v1/kb/articles", params={"q": "PASSWORD"}, headers=agent.headers
    ).json()["items"]
    assert {a["slug"] for a in by_title} >= {"password-recovery"}
    by_chinese = client.get(
        "/api/v1/kb/articles", params={"q": "密码"}, headers=agent.headers
    ).json()["items"]
    assert "password-recovery" in {a["slug"] for a in by_chinese}
    # LIKE wildcards in the text are plain characters
    none = client.get("/api/v1/kb/articles", params={"q": "%_"}, headers=agent.headers)
    assert none.json()["items"] == []


def test_the_preview_is_the_help_centres_rendering(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    body = "## Call us\n\nDial {{hotline}}.\n\n<script>alert(1)</script>\n\n- one\n- two"
    preview = client.post(
        "/api/v1/kb/preview", json={"body": body, "locale": "en"}, headers=lead.headers
    )
    assert preview.status_code == 200, preview.text
    html = preview.json()["html"]
    assert "<h2>Call us</h2>" in html and "<li>one</li>" in html
    assert client.app.state.settings.hotline in html  # type: ignore[attr-defined]
    assert "<script>" not in html and "&lt;script&gt;" in html

    agent = desk.staff("agent")
    refused = client.post("/api/v1/kb/preview", json={"body": "x"}, headers=agent.headers)
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "role_required")
    bad = client.post(
        "/api/v1/kb/preview", json={"body": "x", "locale": "fr"}, headers=lead.headers
    )
    assert bad.status_code == 422
    nul = client.post("/api/v1/kb/preview", json={"body": "a\x00b"}, headers=lead.headers)
    assert nul.status_code == 422
