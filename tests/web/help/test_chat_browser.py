"""The chat page in a real browser: the bot greets, hands off, and the agent's reply arrives
live; the page speaks both languages and logs no errors."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk
from tests.live_server import live_server
from tests.web.browser import browser_page, needs_chromium, screenshot

pytestmark = needs_chromium


def test_a_chat_handed_to_an_agent_gets_the_reply_live(
    settings: Settings, database: Database, desk: Desk
) -> None:
    lead = desk.staff("Li Lei", Role.supervisor)
    with live_server(settings, database) as base, browser_page(phone=True) as (page, errors):
        page.goto(f"{base}/chat?lang=en")
        greeting = page.locator(".msg.from-bot").first
        expect(greeting).to_contain_text("service assistant")
        page.get_by_role("button", name="Talk to a person").click()
        expect(page.locator(".chat-status")).to_contain_text("Case #", timeout=10_000)
        number = page.locator(".chat-status").inner_text().split("#")[1].split(":")[0]

        page.get_by_label("Type your question").fill("My account was stolen yesterday")
        page.get_by_role("button", name="Send").click()
        expect(page.locator(".msg.from-user").last).to_contain_text("stolen")
        expect(page.locator(".msg.pending")).to_have_count(0)  # acknowledged: stored

        reply = httpx.post(
            f"{base}/api/v1/tickets/{number}/messages",
            json={"body": "Hello, I am Li. Let us secure your account."},
            headers=lead.headers,
        )
        assert reply.status_code == 201, reply.text
        agent = page.locator(".msg.from-agent")
        expect(agent).to_contain_text("Let us secure your account", timeout=10_000)
        expect(agent.locator(".who")).to_have_text("Li Lei")
        screenshot(page, "chat-handed-off-en")

        # a reload resumes the same chat without repeating anything
        page.reload()
        expect(page.locator(".msg.from-agent")).to_have_count(1, timeout=10_000)
        assert errors == []


def test_the_chat_page_speaks_chinese(settings: Settings, database: Database) -> None:
    with live_server(settings, database) as base, browser_page("zh-CN") as (page, errors):
        page.goto(f"{base}/chat")
        expect(page.get_by_role("heading", name="在线客服")).to_be_visible()
        expect(page.locator(".msg.from-bot").first).to_contain_text("智能客服")
        expect(page.get_by_role("button", name="转人工")).to_be_visible()
        screenshot(page, "chat-zh")
        assert errors == []
