"""The staff shell: sign-in page, redirect to it, role-gated pages, the language switch."""

from __future__ import annotations

from typing import cast

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.web.desk import texts
from kefu.web.desk.pages import render_desk
from kefu.web.desk.session import PageStaff, Supervisor
from tests.conftest import Desk
from tests.web.desk.conftest import sign_in


def test_the_sign_in_page_in_both_languages(client: TestClient) -> None:
    english = client.get("/desk/login?lang=en")
    assert english.status_code == 200
    assert '<html lang="en">' in english.text
    assert '<label for="email">E-mail</label>' in english.text
    assert 'data-next="/desk"' in english.text
    client.cookies.clear()  # ?lang=en stuck in a cookie; a new browser asks in Chinese
    chinese = client.get("/desk/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert '<html lang="zh-CN">' in chinese.text and "登录客服工作台" in chinese.text
    for asset in ("desk.css", "api.js", "shell.js", "login.js"):
        assert client.get(f"/static/desk/{asset}").status_code == 200


def test_next_is_only_ever_a_path_on_this_site(client: TestClient) -> None:
    assert 'data-next="/desk/tickets/7"' in client.get("/desk/login?next=/desk/tickets/7").text
    for outside in (
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/ /evil.example",
    ):
        page = client.get("/desk/login", params={"next": outside})
        assert 'data-next="/desk"' in page.text, outside


def test_pages_send_strangers_to_sign_in_and_check_roles(client: TestClient, desk: Desk) -> None:
    app = cast(FastAPI, client.app)

    @app.get("/desk/test-any")
    def any_staff(request: Request, staff: PageStaff) -> object:
        return render_desk(
            request,
            "desk/message.html",
            staff,
            texts=texts,
            title=texts.DESK,
            message=texts.FORBIDDEN,
        )

    @app.get("/desk/test-lead")
    def lead_only(request: Request, staff: Supervisor) -> object:
        return render_desk(
            request,
            "desk/message.html",
            staff,
            texts=texts,
            title=texts.DESK,
            message=texts.FORBIDDEN,
        )

    stranger = client.get("/desk/test-any?x=1", follow_redirects=False)
    assert stranger.status_code == 303
    assert stranger.headers["location"] == "/desk/login?next=%2Fdesk%2Ftest-any%3Fx%3D1"

    agent = desk.staff("Wang Fang", Role.agent)
    sign_in(client, agent)
    page = client.get("/desk/test-any?lang=en")
    assert page.status_code == 200
    assert "Wang Fang" in page.text and 'name="csrf-token" content="' in page.text
    assert 'href="/desk/dashboard"' not in page.text  # an agent's navigation has no dashboard
    refused = client.get("/desk/test-lead?lang=en")
    assert refused.status_code == 403 and "Your role does not allow this page" in refused.text

    lead = desk.staff("Li Lei", Role.supervisor)
    sign_in(client, lead)
    assert client.get("/desk/test-lead").status_code == 200
    assert 'href="/desk/dashboard"' in client.get("/desk/test-lead").text
    lead_page = client.get("/desk/test-lead").text
    assert 'href="/desk/admin"' not in lead_page and 'href="/desk/admin/macros"' in lead_page

    client.cookies.set("kefu_session", "kss_forged")
    assert client.get("/desk/test-any", follow_redirects=False).status_code == 303


def test_the_language_switch_sticks(client: TestClient, desk: Desk) -> None:
    switched = client.get("/desk/login?lang=zh-CN")
    assert "kefu_lang=zh-CN" in switched.headers["set-cookie"]
    later = client.get("/desk/login", headers={"Accept-Language": "en"})
    assert '<html lang="zh-CN">' in later.text
