"""Whole journeys across the help centre and the agent console, each side in its own browser:
feedback with a photo is answered live and rated; a chat the bot hands off reaches an agent and
gets the reply; the console switches language; another team's ticket stays closed."""

from __future__ import annotations

from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page, expect

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk, StaffHandle
from tests.live_server import live_server
from tests.web.browser import (
    chromium,
    needs_chromium,
    new_page,
    screenshot,
    signed_in,
    small_png,
)

pytestmark = needs_chromium


def console(
    browser: Browser, base: str, agent: StaffHandle, lang: str = "en"
) -> tuple[Page, list[str]]:
    """An agent's desktop page with the agent's session cookie, on the All open view (the
    sign-in form itself is tested with the queue)."""
    page, errors = new_page(browser, "zh-CN" if lang == "zh-CN" else "en-US")
    signed_in(page, base, agent)
    page.goto(f"{base}/desk?view=all_open&lang={lang}")
    expect(page.locator("[data-live]")).to_have_attribute("data-state", "on")
    return page, errors


def test_feedback_with_a_photo_is_answered_live_and_rated(
    settings: Settings, database: Database, desk: Desk, tmp_path: Path
) -> None:
    agent = desk.staff("Emma Clarke", Role.agent, teams=("technical_support",))
    photo = small_png(tmp_path / "crash.png")
    with live_server(settings, database) as base, chromium() as browser:
        agent_page, agent_errors = console(browser, base, agent)
        user_page, user_errors = new_page(browser, phone=True)
        user_page.goto(f"{base}/help/feedback?lang=en")
        user_page.get_by_label("What is it about?").select_option("bug")
        user_page.get_by_label("Describe what happened").fill(
            "The app crashes every time I open the live room of my friend."
        )
        user_page.get_by_label("Add photos or videos").set_input_files(str(photo))
        user_page.get_by_role("button", name="Send feedback").click()
        done = user_page.locator("#feedback-done")
        expect(done).to_contain_text("Your feedback is ticket #", timeout=15_000)
        number = done.locator("h2").inner_text().split("#")[1].rstrip(".")

        # the agent's queue shows it without a reload
        row = agent_page.locator(f'tr[data-number="{number}"]')
        expect(row).to_be_visible(timeout=10_000)
        expect(row).to_contain_text("crashes")
        expect(row.locator(".col-requester")).to_have_text("Anonymous")
        screenshot(agent_page, "journey-queue-new-feedback-en")
        row.get_by_role("link").first.click()
        expect(agent_page).to_have_url(f"{base}/desk/tickets/{number}")
        first = agent_page.locator("[data-messages] .msg").first
        expect(first.locator("img")).to_be_visible()  # the photo, as a thumbnail
        agent_page.get_by_label("Message", exact=True).fill(
            "Thanks for the screenshot. Update the app to 30.2, which fixes this crash."
        )
        agent_page.locator("[data-status-after]").select_option("solved")
        agent_page.get_by_role("button", name="Send", exact=True).click()
        expect(agent_page.locator('[data-fact="status"]')).to_have_text("Solved")

        # the user sees the reply and rates the solved ticket
        done.get_by_role("link", name=f"View ticket #{number}").click()
        expect(user_page.locator(".conversation .msg.from-agent")).to_contain_text("30.2")
        expect(user_page.locator(".conversation .msg.from-agent .who")).to_contain_text("Emma")
        user_page.get_by_label("Good", exact=True).check()
        user_page.get_by_label("Anything to add?").fill("Fixed, thank you!")
        user_page.get_by_role("button", name="Send rating").click()
        expect(user_page.locator(".rating-current")).to_contain_text("Your rating: Good")
        screenshot(user_page, "journey-rated-en")

        rated = httpx.get(f"{base}/api/v1/tickets/{number}", headers=agent.headers).json()
        assert rated["rating"]["score"] == 5
        assert agent_errors == [] and user_errors == []


def test_a_chat_the_bot_hands_off_is_answered_from_the_console(
    settings: Settings, database: Database, desk: Desk
) -> None:
    agent = desk.staff("王芳", Role.agent, teams=("technical_support",))
    with live_server(settings, database) as base, chromium() as browser:
        agent_page, agent_errors = console(browser, base, agent, "zh-CN")
        user_page, user_errors = new_page(browser, "zh-CN", phone=True)
        user_page.goto(f"{base}/chat")
        expect(user_page.locator(".msg.from-bot").first).to_contain_text("智能客服")
        user_page.get_by_role("button", name="转人工").click()
        status = user_page.locator(".chat-status")
        expect(status).to_contain_text("工单 #", timeout=10_000)
        number = status.inner_text().split("#")[1].split("：")[0].strip()
        user_page.get_by_label("请输入您的问题").fill("我的账号昨天被盗了，怎么找回")
        user_page.get_by_role("button", name="发送").click()
        expect(user_page.locator(".msg.pending")).to_have_count(0)  # stored and acknowledged

        row = agent_page.locator(f'tr[data-number="{number}"]')
        expect(row).to_be_visible(timeout=10_000)
        agent_page.goto(f"{base}/desk/tickets/{number}")
        expect(agent_page.locator("[data-chat]")).to_contain_text("账号昨天被盗")
        agent_page.get_by_label("消息内容", exact=True).fill("您好，我是王芳，马上帮您冻结账号。")
        agent_page.get_by_role("button", name="发送", exact=True).click()

        reply = user_page.locator(".msg.from-agent")
        expect(reply).to_contain_text("马上帮您冻结账号", timeout=10_000)
        expect(reply.locator(".who")).to_have_text("王芳")
        screenshot(user_page, "journey-chat-answered-zh")
        assert agent_errors == [] and user_errors == []


def test_the_console_switches_language_and_keeps_other_teams_tickets_closed(
    settings: Settings, database: Database, desk: Desk
) -> None:
    lead = desk.staff("Li Lei", Role.supervisor)
    agent = desk.staff("Emma Clarke", Role.agent, teams=("technical_support",))
    user = desk.user(name="Zhang San")
    with live_server(settings, database) as base:
        secret = httpx.post(
            f"{base}/api/v1/me/tickets",
            json={"subject": "Creator earnings for March", "body": "My payout is missing"},
            headers=user,
        ).json()["number"]
        version = httpx.get(f"{base}/api/v1/tickets/{secret}", headers=lead.headers).json()
        moved = httpx.patch(
            f"{base}/api/v1/tickets/{secret}",
            json={"version": version["version"], "team_id": desk.team_id("trust_safety")},
            headers=lead.headers,
        )
        assert moved.status_code == 200, moved.text

        with chromium() as browser:
            page, errors = console(browser, base, agent)
            expect(page.locator("html")).to_have_attribute("lang", "en")
            expect(page.get_by_role("heading", name="All open")).to_be_visible()
            page.get_by_role("link", name="Switch the language to Chinese").click()
            expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
            expect(page.get_by_role("heading", name="全部未解决")).to_be_visible()
            page.goto(f"{base}/desk")  # the choice sticks without ?lang=
            expect(page.get_by_role("navigation", name="工单视图")).to_be_visible()
            assert page.locator(f'tr[data-number="{secret}"]').count() == 0

            response = page.goto(f"{base}/desk/tickets/{secret}")
            assert response is not None and response.status == 404
            expect(page.get_by_role("heading", name="未找到")).to_be_visible()
            expect(page.locator("body")).not_to_contain_text("Creator earnings")
            page.get_by_role("link", name="切换为英文界面").click()
            expect(page.get_by_role("heading", name="Not found")).to_be_visible()
            # Chromium logs the 404 document it was sent to; nothing else may go wrong
            assert [e for e in errors if "404" not in e] == []
