"""The macros management page: supervisors and admins only, in both languages."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk
from tests.web.desk.conftest import sign_in


def test_supervisors_and_admins_open_the_macros_page(client: TestClient, desk: Desk) -> None:
    assert client.get("/desk/admin/macros", follow_redirects=False).status_code == 303
    sign_in(client, desk.staff("agent", Role.agent))
    refused = client.get("/desk/admin/macros?lang=en")
    assert refused.status_code == 403 and "Your role does not allow this page" in refused.text

    sign_in(client, desk.staff("lead", Role.supervisor))
    page = client.get("/desk/admin/macros?lang=en")
    assert page.status_code == 200
    assert '<label for="body_en">Text (English)</label>' in page.text
    assert "<code>{{requester.name}}</code>" in page.text
    assert '<option value="pending">Pending</option>' in page.text
    assert '<option value="closed">' not in page.text  # kefu closes tickets, never a macro

    sign_in(client, desk.staff("admin", Role.admin))
    chinese = client.get("/desk/admin/macros?lang=zh-CN")
    assert "内容（中文）" in chinese.text and '<html lang="zh-CN">' in chinese.text
    for asset in ("macros.js", "macros.css"):
        assert client.get(f"/static/admin/{asset}").status_code == 200
