"""Browsers asking for pages get pages back for unknown or malformed addresses; the API keeps
its JSON errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Desk
from tests.web.desk.conftest import sign_in


def test_unknown_and_malformed_page_addresses_get_a_not_found_page(
    client: TestClient, desk: Desk
) -> None:
    for path in ("/help/tickets/abc", "/help/no-such-page", "/chat/x"):
        page = client.get(path, params={"lang": "en"})
        assert page.status_code == 404, path
        assert page.headers["content-type"].startswith("text/html"), path
        assert "This page does not exist." in page.text, path
    chinese = client.get("/help/tickets/abc", headers={"Accept-Language": "zh-CN"})
    assert '<html lang="zh-CN">' in chinese.text and "该页面不存在。" in chinese.text
    stranger = client.get("/desk/tickets/abc", follow_redirects=False)
    assert stranger.status_code == 303  # strangers sign in first
    sign_in(client, desk.staff("Emma"))
    for path in ("/desk/no-such-page", "/desk/tickets/abc"):
        page = client.get(path, params={"lang": "en"})
        assert page.status_code == 404, path
        assert "<h1>Not found</h1>" in page.text, path


def test_the_api_and_other_methods_keep_json_errors(client: TestClient) -> None:
    unknown = client.get("/api/v1/no-such-thing")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "route_not_found")
    malformed = client.get("/api/v1/help/articles/", params={"lang": "xx"})
    assert malformed.headers["content-type"].startswith("application/json")
    posted = client.post("/help/tickets/abc")
    assert posted.status_code in (404, 405)
    assert posted.headers["content-type"].startswith("application/json")
