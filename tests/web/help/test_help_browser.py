"""The help centre on a phone, in a real browser: feedback with a photo becomes a ticket the
visitor follows in My tickets; a signed-in user replies, sees the agent's answer and rates the
solved ticket; content reports and appeals are filed; the verify page tells real from fake."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from playwright.sync_api import expect

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk
from tests.live_server import live_server
from tests.web.browser import (
    browser_page,
    needs_chromium,
    no_horizontal_scroll,
    screenshot,
    small_png,
)

pytestmark = needs_chromium


def test_feedback_with_a_photo_becomes_a_ticket_in_my_tickets(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    photo = small_png(tmp_path / "screenshot.png")
    huge = small_png(tmp_path / "huge.png", size=64)
    settings = settings.model_copy(update={"feedback_image_max_bytes": 4096})
    with live_server(settings, database) as base, browser_page(phone=True) as (page, errors):
        page.goto(f"{base}/help/feedback?lang=en")
        expect(page.get_by_label("What is it about?")).to_contain_text("App problem or bug")
        page.get_by_label("What is it about?").select_option("bug")
        page.get_by_label("Describe what happened").fill("The app closes when I open a live room.")
        page.get_by_label("E-mail for our reply").fill("me@example.com")
        page.get_by_label("Add photos or videos").set_input_files([str(photo), str(huge)])
        expect(page.locator(".previews img")).to_have_count(2)
        page.get_by_role("button", name="Send feedback").click()
        # the API's own message says which file is too large
        expect(page.get_by_role("alert")).to_contain_text("huge.png is larger than the limit")
        page.get_by_role("button", name="Remove huge.png").click()
        expect(page.locator(".previews img")).to_have_count(1)
        expect(page.get_by_role("button", name="Remove screenshot.png")).to_be_visible()
        no_horizontal_scroll(page)
        screenshot(page, "help-feedback-en")
        page.get_by_role("button", name="Send feedback").click()

        done = page.locator("#feedback-done")
        expect(done).to_contain_text("Your feedback is ticket #", timeout=15_000)
        number = done.locator("h2").inner_text().split("#")[1].rstrip(".")
        done.get_by_role("link", name=f"View ticket #{number}").click()

        expect(page.get_by_role("heading", name=f"Ticket #{number}")).to_be_visible()
        expect(page.locator(".conversation .msg.from-you")).to_contain_text("closes")
        image = page.locator(".conversation img[alt='screenshot.png']")
        expect(image).to_be_visible()
        assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) == 8
        expect(page.locator('.steps [aria-current="step"]')).to_have_text("Received")

        page.get_by_role("navigation").get_by_role("link", name="My tickets").click()
        item = page.locator(".ticket-item", has_text=f"#{number}")
        expect(item).to_contain_text("The app closes")
        expect(item.locator(".badge")).to_have_text("Received")
        # Chromium logs every 4xx answer; the refused upload is the only one expected
        assert [e for e in errors if "status of 413" not in e] == []


def test_a_signed_in_user_replies_and_rates_the_solved_ticket(
    settings: Settings, database: Database, desk: Desk, tmp_path: Path
) -> None:
    lead = desk.staff("Li Lei", Role.supervisor)
    user = desk.user("u-rate", name="小明")
    token = user["Authorization"].removeprefix("Bearer ")
    with (
        live_server(settings, database) as base,
        browser_page("zh-CN", phone=True) as (
            page,
            errors,
        ),
    ):
        created = httpx.post(
            f"{base}/api/v1/me/tickets", json={"body": "直播间一直卡顿，怎么办？"}, headers=user
        )
        number = created.json()["number"]
        answered = httpx.post(
            f"{base}/api/v1/tickets/{number}/messages",
            json={"body": "请提供一张网络测速截图。", "status": "pending"},
            headers=lead.headers,
        )
        assert answered.status_code == 201, answered.text

        # the app opens the help centre with its signed token in the fragment
        page.goto(f"{base}/help/tickets#token={token}")
        assert "token" not in page.url  # taken out of the address bar
        item = page.locator(".ticket-item", has_text=f"#{number}")
        expect(item.locator(".badge")).to_have_text("待您回复")
        expect(page.locator("[data-anonymous-note]")).to_be_hidden()
        screenshot(page, "help-tickets-zh")
        item.get_by_role("link").click()

        expect(page.locator(".conversation .msg.from-agent")).to_contain_text("网络测速截图")
        expect(page.locator(".conversation .msg.from-agent .who")).to_contain_text("Li Lei")
        expect(page.locator('.steps [aria-current="step"]')).to_have_text("待您回复")
        page.get_by_label("回复内容").fill("截图在这里。")
        page.get_by_label("添加图片或视频").set_input_files(str(small_png(tmp_path / "speed.png")))
        page.get_by_role("button", name="发送回复").click()
        expect(page.locator(".conversation .msg.from-you")).to_have_count(2, timeout=10_000)
        expect(page.locator(".conversation img[alt='speed.png']")).to_be_visible()
        expect(page.locator('.steps [aria-current="step"]')).to_have_text("处理中")

        solved = httpx.post(
            f"{base}/api/v1/tickets/{number}/messages",
            json={"body": "已为您优化线路，问题已解决。", "status": "solved"},
            headers=lead.headers,
        )
        assert solved.status_code == 201, solved.text
        # the open page shows the answer and asks for a rating without a reload
        expect(page.locator(".conversation .msg.from-agent").last).to_contain_text(
            "问题已解决", timeout=15_000
        )
        expect(page.get_by_role("heading", name="您对本次服务满意吗？")).to_be_visible()
        page.get_by_label("满意", exact=True).check()
        page.get_by_label("其他意见").fill("很快就解决了")
        page.get_by_role("button", name="提交评价").click()
        expect(page.locator(".rating-current")).to_contain_text("您的评价：满意", timeout=10_000)
        expect(page.locator(".history")).to_contain_text("您评价了本次服务")
        no_horizontal_scroll(page)
        screenshot(page, "help-ticket-zh")

        detail = httpx.get(f"{base}/api/v1/me/tickets/{number}", headers=user).json()
        assert detail["rating"]["score"] == 5 and detail["rating"]["comment"] == "很快就解决了"
        assert errors == []


def test_reports_and_appeals_are_filed_and_followed(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    evidence = small_png(tmp_path / "evidence.png", (0, 0, 0))
    with live_server(settings, database) as base, browser_page(phone=True) as (page, errors):
        page.goto(f"{base}/help/report?lang=en")
        page.get_by_label("What are you reporting?").select_option("video")
        page.get_by_label("Its ID or share link").fill("https://v.kefu.example/video/7321?share=1")
        expect(page.get_by_label("Reason")).to_contain_text("Fraud or scam")
        page.get_by_label("Reason").select_option("fraud")
        page.get_by_label("Details").fill("Pretends to be customer service and asks for money.")
        page.get_by_label("Add screenshots or videos as evidence").set_input_files(str(evidence))
        screenshot(page, "help-report-en")
        page.get_by_role("button", name="Send report").click()

        expect(page.locator(".status-line")).to_have_text(
            "Thank you, your report was received.", timeout=15_000
        )
        expect(page.locator('[data-field="target"]')).to_have_text("Video 7321")
        expect(page.locator('[data-field="status"]')).to_have_text("Under review")
        page.get_by_role("link", name="Report something else").click()
        expect(page.locator(".report-list")).to_contain_text("Video 7321")

        page.get_by_role("navigation").get_by_role("link", name="Appeal").click()
        page.get_by_label("What is restricted?").select_option("live_ban")
        page.get_by_label("Account ID").fill("88990011")
        page.get_by_label("What happened?").fill("Since Monday I cannot go live.")
        page.get_by_label("Why is it a mistake?").fill("I only streamed my own cooking.")
        page.get_by_role("button", name="Send appeal").click()
        done = page.locator("#appeal-done")
        expect(done).to_contain_text("Your appeal was received as ticket #", timeout=15_000)
        screenshot(page, "help-appeal-en")
        done.get_by_role("link").click()
        expect(page.locator(".subject")).to_have_text("Appeal: I can't go live (account 88990011)")
        expect(page.locator(".conversation")).to_contain_text("Why it is a mistake:")
        assert errors == []


def test_the_verify_page_tells_a_real_number_from_a_fake_one(
    settings: Settings, database: Database
) -> None:
    with live_server(settings, database) as base, browser_page(phone=True) as (page, errors):
        page.goto(f"{base}/help/verify?lang=en")
        page.get_by_label("Phone number").check()
        page.get_by_label("Number, address or ID").fill("+86 400-000-0000")
        page.get_by_role("button", name="Check").click()
        verdict = page.get_by_role("status")
        expect(verdict).to_contain_text("Official")
        expect(verdict).to_contain_text("is our customer service hotline")

        page.get_by_label("Number, address or ID").fill("400-000-0001")
        page.get_by_role("button", name="Check").click()
        expect(page.get_by_role("status")).to_contain_text("Not official")
        expect(
            page.get_by_role("status").get_by_role("link", name="Report this scam to us")
        ).to_be_visible()
        no_horizontal_scroll(page)
        screenshot(page, "help-verify-en")

        page.get_by_role("link", name="中文").click()
        expect(page.get_by_role("heading", name="官方渠道核验", exact=True)).to_be_visible()
        page.get_by_label("网址（链接）").check()
        page.get_by_label("号码、地址或工号").fill("https://kefu-help.com/refund")
        page.get_by_role("button", name="核验").click()
        expect(page.get_by_role("status")).to_contain_text("非官方渠道")
        screenshot(page, "help-verify-zh")
        assert errors == []


def test_the_chat_and_my_tickets_share_one_identity(
    settings: Settings, database: Database, desk: Desk
) -> None:
    user = desk.user("u-chat", name="Jordan")
    token = user["Authorization"].removeprefix("Bearer ")
    with live_server(settings, database) as base, browser_page(phone=True) as (page, errors):
        page.goto(f"{base}/chat?lang=en#token={token}")  # as the app's web view opens it
        assert "token" not in page.url
        page.get_by_role("button", name="Talk to a person").click()
        expect(page.locator(".chat-status")).to_contain_text("Case #", timeout=10_000)
        number = page.locator(".chat-status").inner_text().split("#")[1].split(":")[0]
        mine = httpx.get(f"{base}/api/v1/me/tickets", headers=user).json()["items"]
        assert [str(t["number"]) for t in mine] == [number]  # filed as the signed-in user

        page.get_by_role("navigation").get_by_role("link", name="My tickets").click()
        expect(page.locator(".ticket-item", has_text=f"#{number}")).to_be_visible()
        assert errors == []

        # an expired sign-in is said so, rather than quietly going on anonymously
        expired = desk.user("u-chat", exp=int(time.time()) - 60)["Authorization"].split()[1]
        page.goto(f"{base}/help/tickets?lang=en#token={expired}")
        expect(page.locator(".status-line")).to_have_text(
            "Your sign-in has expired. Open Help & Feedback from the app again."
        )
        page.reload()  # still the same token: still the same message, no anonymous session
        expect(page.locator(".status-line")).to_contain_text("Your sign-in has expired")
        assert [e for e in errors if "status of 401" not in e] == []
