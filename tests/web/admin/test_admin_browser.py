"""The admin pages in a real browser: an admin adds a staff member with a team and a skill, then
edits a help-centre article and watches the preview; no console errors, in English and Chinese."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk
from tests.live_server import live_server
from tests.web.browser import browser_page, needs_chromium, screenshot, signed_in

pytestmark = needs_chromium


def test_an_admin_adds_a_staff_member_with_a_team_and_a_skill(
    settings: Settings, database: Database, desk: Desk
) -> None:
    admin = desk.staff("Ada Admin", Role.admin)
    with live_server(settings, database) as base, browser_page() as (page, errors):
        page.on("dialog", lambda dialog: dialog.accept())
        signed_in(page, base, admin)
        page.goto(f"{base}/desk/admin/staff?lang=en")
        expect(page.get_by_role("heading", name="Staff", exact=True)).to_be_visible()

        page.get_by_label("Name", exact=True).fill("Mei Chen")
        page.get_by_label("E-mail").fill("mei.chen@kefu.example")
        page.get_by_label("Role").select_option("agent")
        page.get_by_label("After-sales").check()
        page.get_by_role("button", name="Create").click()
        created = page.locator("[data-created]")
        expect(created).to_contain_text("Mei Chen can now sign in.")
        password = page.locator("[data-password]").inner_text()
        assert len(password) >= 16
        login = httpx.post(
            f"{base}/api/v1/auth/login",
            json={"email": "mei.chen@kefu.example", "password": password},
        )
        assert login.status_code == 200, login.text

        # a second person with the same e-mail: the API's message appears in the form
        page.get_by_role("button", name="Done").click()
        page.get_by_label("Name", exact=True).fill("Mei again")
        page.get_by_label("E-mail").fill("mei.chen@kefu.example")
        page.get_by_role("button", name="Create").click()
        expect(page.locator("[data-create-staff] [data-form-error]")).to_contain_text(
            "already exists"
        )

        page.get_by_role("link", name="Mei Chen").click()
        expect(page.get_by_role("heading", name="Edit Mei Chen")).to_be_visible()
        page.get_by_role("button", name="Add a language").click()
        page.locator(".skill-row").last.get_by_label("Language").select_option("en")
        page.locator(".skill-row").last.get_by_label("Level").select_option("senior")
        page.get_by_role("button", name="Add a category").click()
        page.locator(".skill-row").last.get_by_label("Category").select_option("refund_return")
        page.get_by_role("button", name="Save skills").click()
        expect(page.locator("[data-flash]")).to_contain_text("Skills saved.")

        page.goto(f"{base}/desk/admin/staff")
        row = page.locator("tr", has_text="Mei Chen")
        expect(row).to_contain_text("After-sales")
        expect(row).to_contain_text("English · Senior")
        expect(row).to_contain_text("Refunds & returns · Intermediate")
        expect(row).to_contain_text("Active")
        screenshot(page, "admin-staff-en")
        # Chromium logs each 4xx answer: the refused duplicate is the only one; no script failed
        assert errors == [
            "Failed to load resource: the server responded with a status of 409 (Conflict)"
        ]


def test_an_admin_edits_an_article_with_its_preview_in_chinese(
    settings: Settings, help_centre: Database, desk: Desk
) -> None:
    admin = desk.staff("管理员", Role.admin)
    with live_server(settings, help_centre) as base, browser_page("zh-CN") as (page, errors):
        signed_in(page, base, admin)
        page.goto(f"{base}/desk/admin/kb?lang=zh-CN&q=密码&locale=zh-CN")
        expect(page.get_by_role("heading", name="知识库")).to_be_visible()
        page.locator("tbody a", has_text="找回密码").first.click()
        expect(page.get_by_role("heading", name="编辑文章")).to_be_visible()
        preview = page.locator("[data-preview]")
        expect(preview.locator("h2").first).to_be_visible()  # rendered from the saved text

        body = page.get_by_label("正文（Markdown）")
        body.fill("## 新的步骤\n\n拨打 {{hotline}} 或在 **设置** 中操作。\n\n<b>不会被执行</b>")
        expect(preview.locator("h2")).to_have_count(1)  # the new text replaced the old
        expect(preview.locator("h2")).to_have_text("新的步骤")
        expect(preview.locator("strong")).to_have_text("设置")
        expect(preview).to_contain_text(settings.hotline)
        expect(preview).to_contain_text("<b>不会被执行</b>")  # raw HTML shown, not run

        page.get_by_role("button", name="保存").click()
        expect(page.locator(".notice.ok")).to_contain_text("已保存")
        expect(page.locator(".revisions li")).to_have_count(2)
        expect(page.locator("[data-translation]")).to_contain_text("英文")
        screenshot(page, "admin-kb-zh")

        page.get_by_role("button", name="取消发布").click()
        expect(page.locator("[data-status]")).to_have_text("草稿")
        assert errors == []
