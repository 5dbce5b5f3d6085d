"""The help centre's pages are served in both languages, with the shared navigation, labelled
controls and the words their scripts need; the verify page answers without JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from kefu.auth.codes import agent_code
from tests.conftest import Desk

PAGES = {
    "/help": "help",
    "/chat": "chat",
    "/help/feedback": "feedback",
    "/help/tickets": "tickets",
    "/help/tickets/10001": "tickets",
    "/help/report": "report",
    "/help/reports/1": "report",
    "/help/appeal": "appeal",
    "/help/verify": "verify",
    "/help/contact": "contact",
}


def page_texts(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="help-texts">(.*?)</script>', html)
    assert found is not None
    texts: dict[str, object] = json.loads(found.group(1))
    return texts


@pytest.mark.parametrize(("path", "nav"), PAGES.items())
def test_every_page_has_the_navigation_with_its_entry_current(
    client: TestClient, path: str, nav: str
) -> None:
    english = client.get(path, params={"lang": "en"})
    assert english.status_code == 200, english.text
    assert '<nav class="helpnav" aria-label="Help centre sections">' in english.text
    current = re.findall(r'data-nav="(\w+)" aria-current="page"', english.text)
    assert current == [nav]
    for href in ("/chat?lang=en", "/help/feedback?lang=en", "/help/verify?lang=en"):
        assert f'href="{href}"' in english.text
    chinese = client.get(path, params={"lang": "zh-CN"})
    assert 'lang="zh-CN"' in chinese.text and "帮助中心导航" in chinese.text
    assert "我的工单" in chinese.text and "官方核验" in chinese.text


def test_the_embedded_chat_has_no_navigation(client: TestClient) -> None:
    page = client.get("/chat?embed=1&lang=en")
    assert page.status_code == 200 and 'class="helpnav"' not in page.text


def test_the_forms_label_every_control(client: TestClient) -> None:
    for path in ("/help/feedback", "/help/report", "/help/appeal", "/help/tickets/10001"):
        html = client.get(path, params={"lang": "en"}).text
        ids = re.findall(r'<(?:input|select|textarea)[^>]*\sid="([\w-]+)"', html)
        assert ids, path
        for control in ids:
            assert f'for="{control}"' in html, (path, control)
    feedback = client.get("/help/feedback?lang=en&category=scam").text
    assert 'data-selected="scam"' in feedback
    assert 'multiple accept="image/*,video/*"' in feedback


def test_scripts_get_their_words_in_the_page_language(client: TestClient) -> None:
    english = page_texts(client.get("/help/tickets/10001?lang=en").text)
    assert english["status"] == {
        "new": "Received",
        "open": "In progress",
        "pending": "Waiting for you",
        "solved": "Solved",
        "closed": "Closed",
    }
    assert english["sessionExpired"]  # the shared words come with every page
    chinese = page_texts(client.get("/help/feedback?lang=zh-CN").text)
    assert chinese["done"] == "感谢反馈！您的工单号为 #{number}。"
    for path in ("/static/help/identity.js", "/static/help/feedback.js", "/static/help/ticket.js"):
        assert client.get(path).status_code == 200


def test_the_verify_page_gives_a_clear_verdict_and_advice(client: TestClient, desk: Desk) -> None:
    blank = client.get("/help/verify?lang=en")
    assert blank.status_code == 200 and 'class="verdict' not in blank.text
    assert "Never tell anyone a verification code or password" in blank.text

    real = client.get(
        "/help/verify", params={"lang": "en", "kind": "phone", "value": "400 000 0000"}
    )
    assert 'class="verdict verdict-official"' in real.text
    assert "Yes: 4000000000 is our customer service hotline." in real.text

    fake = client.get(
        "/help/verify", params={"lang": "zh-CN", "kind": "url", "value": "kefu-help.com"}
    )
    assert 'class="verdict verdict-fake"' in fake.text
    assert "它在模仿我们的名称" in fake.text and "96110" in fake.text
    assert 'href="/help/feedback?category=scam&amp;lang=zh-CN"' in fake.text
    assert 'value="url" checked' in fake.text  # the form keeps what was asked

    agent = desk.staff("Wang Qiang")
    found = client.get(
        "/help/verify", params={"lang": "en", "kind": "agent", "value": agent_code(agent.id)}
    )
    assert "verdict-official" in found.text and "(Wang Qiang)" in found.text

    empty = client.get("/help/verify", params={"lang": "en", "kind": "email", "value": " "})
    assert empty.status_code == 422
    assert 'role="alert">Enter the e-mail address you want to check.' in empty.text
    assert 'aria-invalid="true"' in empty.text
    odd = client.get("/help/verify", params={"kind": "nonsense", "value": "x", "lang": "en"})
    assert odd.status_code == 422 and 'value="phone" checked' in odd.text


def test_a_ticket_page_needs_a_ticket_number(client: TestClient) -> None:
    for path in ("/help/tickets/abc", "/help/tickets/0"):
        page = client.get(path, params={"lang": "en"})
        assert page.status_code == 404 and "This page does not exist." in page.text


def test_the_app_can_open_pages_with_fields_filled_in(client: TestClient) -> None:
    report = client.get("/help/report", params={"lang": "en", "type": "live", "id": "room-9"}).text
    assert '<option value="live" selected>Live room</option>' in report
    assert 'value="room-9"' in report
    home = client.get("/help?lang=zh-CN").text
    for path in ("/help/feedback", "/help/tickets", "/help/report", "/help/appeal", "/help/verify"):
        assert f'href="{path}?lang=zh-CN"' in home
