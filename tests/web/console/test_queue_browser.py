"""The queue in a real browser: sign in through the form, views with counts, search, a new
ticket arriving live without a reload, keyboard selection and opening; both languages."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import expect

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import PASSWORD, Desk
from tests.live_server import live_server
from tests.web.browser import browser_page, needs_chromium, screenshot

pytestmark = needs_chromium


def test_an_agent_works_the_queue_live_and_by_keyboard(
    settings: Settings, database: Database, desk: Desk
) -> None:
    lead = desk.staff("lilei", Role.supervisor, teams=("technical_support",))
    user = desk.user(name="Zhang San")
    with live_server(settings, database) as base, browser_page() as (page, errors):

        def file_ticket(subject: str, body: str) -> int:
            made = httpx.post(
                f"{base}/api/v1/me/tickets",
                json={"subject": subject, "body": body},
                headers=user,
                timeout=30,
            )
            assert made.status_code == 201, made.text
            number: int = made.json()["number"]
            return number

        first = file_ticket("Live stream keeps freezing", "直播间一直卡顿")
        file_ticket("Cannot log in", "收不到验证码")
        urgent = file_ticket("Account stolen", "账号被盗了")
        version = httpx.get(f"{base}/api/v1/tickets/{urgent}", headers=lead.headers).json()
        patched = httpx.patch(
            f"{base}/api/v1/tickets/{urgent}",
            json={"version": version["version"], "priority": "urgent"},
            headers=lead.headers,
        )
        assert patched.status_code == 200, patched.text

        page.goto(f"{base}/desk?lang=en")
        expect(page).to_have_url(re.compile(r"/desk/login\?next="))
        page.get_by_label("E-mail").fill(lead.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="All open")).to_be_visible()
        views = page.get_by_role("navigation", name="Ticket views")
        expect(views.locator('[data-view="all_open"] .count')).to_have_text("3")
        expect(views.locator('[data-view="mine"] .count')).to_have_text("0")
        rows = page.locator("[data-rows] tr")
        expect(rows).to_have_count(3)
        expect(page.locator("[data-live]")).to_contain_text("Live", timeout=10_000)

        # search narrows the list; clearing it brings everything back
        page.keyboard.press("/")
        expect(page.get_by_label("Search tickets")).to_be_focused()
        page.keyboard.type("直播")
        page.keyboard.press("Enter")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("Live stream keeps freezing")
        expect(page.locator("[data-modified]")).to_be_visible()
        assert "q=" in page.url
        page.get_by_label("Search tickets").fill("")
        page.keyboard.press("Enter")
        expect(rows).to_have_count(3)

        # a ticket filed now appears without a reload, and the counts follow
        fresh = file_ticket("Refund never arrived", "退款还没到账")
        expect(page.locator(f'[data-rows] tr[data-number="{fresh}"]')).to_be_visible(timeout=10_000)
        expect(views.locator('[data-view="all_open"] .count')).to_have_text("4")
        expect(rows.first).to_have_attribute("data-number", str(fresh))
        expect(page.locator(f'tr[data-number="{urgent}"] .prio-urgent')).to_have_text("Urgent")

        # a saved view, then back to a built-in one by keyboard
        page.locator("[data-filter-summary]").click()
        page.get_by_role("checkbox", name="Urgent").check()
        expect(rows).to_have_count(1)
        page.get_by_role("button", name="Save as view").click()
        page.get_by_label("Name").fill("Urgent ones")
        page.get_by_role("button", name="Save", exact=True).click()
        saved = views.locator('[data-view^="saved:"]')
        expect(saved).to_contain_text("Urgent ones")
        expect(saved.locator(".count")).to_have_text("1")
        page.locator("[data-filter-summary]").click()  # folds the filters away again
        page.keyboard.press("g")
        page.keyboard.press("a")
        expect(page.get_by_role("heading", name="All open")).to_be_visible()
        expect(rows).to_have_count(4)
        page.keyboard.press("?")
        expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
        page.keyboard.press("Escape")
        screenshot(page, "console-queue-en")
        assert errors == []

        # j j k then Enter opens the first row's ticket
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.keyboard.press("k")
        expect(rows.first).to_have_class(re.compile("selected"))
        page.keyboard.press("Enter")
        expect(page).to_have_url(f"{base}/desk/tickets/{fresh}")
        assert first


def test_the_queue_speaks_chinese_at_phone_width(
    settings: Settings, database: Database, desk: Desk
) -> None:
    agent = desk.staff("wangfang", teams=("technical_support",))
    user = desk.user(name="张三")
    with (
        live_server(settings, database) as base,
        browser_page("zh-CN", phone=True) as (
            page,
            errors,
        ),
    ):
        made = httpx.post(
            f"{base}/api/v1/me/tickets",
            json={"body": "直播间一直卡顿，怎么办"},
            headers=user,
            timeout=30,
        )
        assert made.status_code == 201
        page.goto(f"{base}/desk/login")
        page.get_by_label("邮箱").fill(agent.email)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_role("heading", name="全部未解决")).to_be_visible()
        expect(page.locator("[data-rows] tr")).to_have_count(1)
        expect(page.get_by_role("navigation", name="工单视图")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, width  # nothing sticks out sideways on a phone
        screenshot(page, "console-queue-zh")
        assert errors == []
