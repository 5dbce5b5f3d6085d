"""The macros page in a real browser: an unknown placeholder is refused with the API's words,
then the macro is saved, listed and edited."""

from __future__ import annotations

from playwright.sync_api import expect

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk
from tests.live_server import live_server
from tests.web.browser import browser_page, needs_chromium, screenshot, signed_in

pytestmark = needs_chromium


def test_a_supervisor_writes_a_macro(settings: Settings, database: Database, desk: Desk) -> None:
    lead = desk.staff("Zhou Min", Role.supervisor)
    with live_server(settings, database) as base, browser_page() as (page, errors):
        signed_in(page, base, lead)
        page.goto(f"{base}/desk/admin/macros?lang=en")
        expect(page.locator("[data-rows]")).to_contain_text("No macros yet.")
        page.get_by_label("Name (Chinese)").fill("已解决并致谢")
        page.get_by_label("Name (English)").fill("Solved, with thanks")
        page.get_by_label("Text (Chinese)").fill("{{requester.name}}，感谢您的耐心！")
        page.get_by_label("Text (English)").fill("Thanks {{customer}} for your patience!")
        page.get_by_label("Set status").select_option("solved")
        page.get_by_label("Add tags").fill("thanked")
        page.get_by_role("button", name="Save").click()
        expect(page.locator("[data-flash]")).to_contain_text("customer")
        expect(page.locator("[data-flash]")).to_contain_text("placeholders kefu does not know")

        page.get_by_label("Text (English)").fill("Thanks {{requester.name}} for your patience!")
        page.get_by_role("button", name="Save").click()
        expect(page.locator("[data-flash]")).to_have_text("Macro saved.")
        row = page.locator("[data-rows] tr").first
        expect(row).to_contain_text("Solved, with thanks")
        expect(row).to_contain_text("Solved, #thanked")
        expect(page.get_by_role("heading", name="Edit macro")).to_be_visible()
        screenshot(page, "admin-macros-en")
        assert [e for e in errors if "status of 422" not in e] == []
