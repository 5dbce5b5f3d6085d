"""The ticket page in a real browser: an agent applies a macro, replies, notes, corrects the
category and solves; the requester's reply arrives live; a conflicting edit reloads; a chat
ticket shows its transcript and gets the reply; both languages; a phone's width."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.sync_api import expect
from sqlalchemy import update

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.tickets.models import Ticket
from kefu.triage.training import corrections
from tests.conftest import Desk, StaffHandle
from tests.live_server import live_server
from tests.web.browser import browser_page, needs_chromium, screenshot, signed_in

pytestmark = needs_chromium


def ticket_for(
    base: str, desk: Desk, lead: StaffHandle, requester: dict[str, str], **fields: Any
) -> int:
    """A requester's ticket, put in the technical support queue."""
    made = httpx.post(f"{base}/api/v1/me/tickets", json=fields, headers=requester)
    assert made.status_code == 201, made.text
    number: int = made.json()["number"]
    version = httpx.get(f"{base}/api/v1/tickets/{number}", headers=lead.headers).json()["version"]
    moved = httpx.patch(
        f"{base}/api/v1/tickets/{number}",
        json={"version": version, "team_id": desk.team_id("technical_support")},
        headers=lead.headers,
    )
    assert moved.status_code == 200, moved.text
    return number


def test_an_agent_works_a_ticket_and_sees_the_requester_live(
    settings: Settings, help_centre: Database, desk: Desk
) -> None:
    lead = desk.staff("Zhou Min", Role.supervisor)
    agent = desk.staff("Emma Clarke", Role.agent, teams=("technical_support",))
    requester = desk.user("u-sam", name="Sam", locale="en")
    with live_server(settings, help_centre) as base, browser_page() as (page, errors):
        macro = httpx.post(
            f"{base}/api/v1/macros",
            headers=lead.headers,
            json={
                "name_zh": "请提供截图",
                "name_en": "Ask for a screenshot",
                "body_zh": "{{requester.name}}，您好！请发送报错截图。——{{agent.name}}",
                "body_en": "Hi {{requester.name}}, please send a screenshot of the error. "
                "— {{agent.name}}, ticket {{ticket.number}}",
                "add_tags": ["screenshot_requested"],
            },
        )
        assert macro.status_code == 201, macro.text
        number = ticket_for(
            base,
            desk,
            lead,
            requester,
            subject="Video upload stuck",
            body="My video upload is stuck at 99%",
            locale="en",
        )
        signed_in(page, base, agent)
        page.goto(f"{base}/desk/tickets/{number}?lang=en")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Video upload stuck")
        messages = page.locator("[data-messages] .msg")
        expect(messages).to_have_count(1)
        expect(page.locator("[data-feed-state]")).to_contain_text("Live")
        expect(page.locator("[data-triage-category]")).to_be_visible()

        page.keyboard.press("m")  # the macro picker: filter, then Enter applies the first
        expect(page.get_by_role("button", name="Ask for a screenshot")).to_be_visible()
        page.keyboard.type("screenshot")
        page.keyboard.press("Enter")
        editor = page.get_by_label("Message", exact=True)
        expect(editor).to_have_value(
            f"Hi Sam, please send a screenshot of the error. — Emma Clarke, ticket #{number}"
        )
        expect(page.locator('[data-fact="tags"]')).to_contain_text("screenshot_requested")
        page.get_by_role("button", name="Send", exact=True).click()
        expect(messages).to_have_count(2)
        expect(messages.last).to_contain_text("please send a screenshot")
        expect(page.locator('[data-fact="status"]')).to_have_text("Open")

        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("n")  # an internal note, sent with Ctrl+Enter
        expect(editor).to_be_focused()
        editor.fill("Probably the 4K export bug; checking with engineering.")
        page.keyboard.press("Control+Enter")
        expect(messages).to_have_count(3)
        expect(messages.last).to_have_class("msg kind-internal from-staff")
        expect(messages.last.locator(".badge.kind")).to_have_text("Internal note")

        answer = httpx.post(
            f"{base}/api/v1/me/tickets/{number}/replies",
            json={"body": "Here it is: error code E-4K-99"},
            headers=requester,
        )
        assert answer.status_code in (200, 201), answer.text
        expect(messages).to_have_count(4, timeout=10_000)  # live, without a reload
        expect(messages.last).to_contain_text("E-4K-99")

        page.get_by_label("Correct the category").select_option("app_bug")
        page.get_by_role("button", name="Correct", exact=True).click()
        expect(page.locator('[data-fact="category"]')).to_have_text("App faults")
        screenshot(page, "console-ticket-en")

        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("s")
        expect(page.locator('[data-fact="status"]')).to_have_text("Solved")
        assert errors == []

    with help_centre.transaction() as db:
        learned = corrections(db)
    assert [e.label for e in learned] == ["app_bug"]
    assert learned[0].text == "Video upload stuck\nMy video upload is stuck at 99%"


def test_the_chinese_page_on_a_phone_a_conflicting_edit_and_a_chat(
    settings: Settings, help_centre: Database, desk: Desk
) -> None:
    lead = desk.staff("周敏", Role.supervisor)
    agent = desk.staff("李娜", Role.agent, teams=("technical_support",))
    requester = desk.user("u-xm", name="小明", locale="zh-CN", vip_level=3)
    with (
        live_server(settings, help_centre) as base,
        browser_page("zh-CN", phone=True) as (
            page,
            errors,
        ),
    ):
        number = ticket_for(
            base,
            desk,
            lead,
            requester,
            subject="登录时一直提示验证码错误",
            body="我的账号登录不了，验证码一直错误，客服让我把验证码发给他",
            locale="zh-CN",
        )
        signed_in(page, base, agent)
        page.goto(f"{base}/desk/tickets/{number}")
        expect(page.get_by_role("heading", level=1)).to_contain_text("登录时一直提示验证码错误")
        expect(page.locator("[data-requester]")).to_contain_text("VIP 3")
        expect(page.locator("[data-triage]")).to_contain_text("索要验证码")
        # At a phone's width the panels sit below the conversation.
        work = page.locator(".work").bounding_box()
        side = page.locator(".side").bounding_box()
        assert work and side and side["y"] >= work["y"] + work["height"]
        screenshot(page, "console-ticket-zh")

        # Someone else's edit lands before its live poke reaches this page (written straight
        # to the table here, so no poke comes): the page's edit is refused, it reloads and
        # says so.
        with help_centre.transaction() as db:
            db.execute(
                update(Ticket)
                .where(Ticket.number == number)
                .values(priority="urgent", version=Ticket.version + 1)
            )
        page.get_by_label("设置状态").select_option("pending")
        page.locator("[data-status-form] button").click()
        expect(page.locator("[data-flash]")).to_contain_text("已被他人修改")
        expect(page.locator('[data-fact="priority"]')).to_have_text("紧急")
        expect(page.locator('[data-fact="status"]')).not_to_have_text("待用户回复")
        # A ticket from live chat shows the transcript; the agent's reply reaches the chat.
        visitor = {
            "Authorization": "Bearer " + httpx.post(f"{base}/api/v1/auth/anonymous").json()["token"]
        }
        chat = httpx.post(
            f"{base}/api/v1/me/chats", json={"locale": "zh-CN"}, headers=visitor
        ).json()
        said = httpx.post(
            f"{base}/api/v1/me/chats/{chat['conversation_id']}/messages",
            json={"client_id": "client-0001", "text": "转人工，我的直播一直卡顿"},
            headers=visitor,
        )
        assert said.status_code == 201, said.text
        chat_number = said.json()["ticket_number"]
        page.goto(f"{base}/desk/tickets/{chat_number}")
        transcript = page.locator("[data-chat-log]")
        expect(transcript).to_contain_text("我的直播一直卡顿")
        page.get_by_label("消息内容").fill("您好，我是李娜，正在为您排查直播卡顿。")
        page.get_by_role("button", name="发送", exact=True).click()
        expect(transcript).to_contain_text("正在为您排查直播卡顿")
        mirrored = httpx.get(
            f"{base}/api/v1/me/chats/{chat['conversation_id']}", headers=visitor
        ).json()["messages"]
        assert [m["body"] for m in mirrored if m["sender"] == "agent"] == [
            "您好，我是李娜，正在为您排查直播卡顿。"
        ]
        # The refused request is logged by the browser itself; nothing else may be.
        assert [e for e in errors if "status of 409" not in e] == []
