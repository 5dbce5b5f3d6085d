"""The dashboard in a real browser: charts render, a new ticket reaches the figures without a
reload (the desk feed prompts a refresh), the filters refresh in place, both languages, no
console errors."""

from __future__ import annotations

from datetime import timedelta

import httpx
from playwright.sync_api import expect

from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from tests.analytics.records import Records
from tests.conftest import Desk
from tests.live_server import live_server
from tests.web.browser import browser_page, needs_chromium, screenshot, signed_in

pytestmark = needs_chromium
H = timedelta(hours=1)


def test_the_dashboard_draws_and_refreshes_itself(
    settings: Settings, database: Database, desk: Desk
) -> None:
    records = Records(database, utcnow())
    support = desk.team_id("technical_support")
    records.ticket(3 * H, priority="urgent", category="livestream", team_id=support)
    records.ticket(50 * timedelta(minutes=1), priority="urgent", category="app_bug")
    # Rated at least a day ago, so "today" has no rating whatever the hour (the local day
    # starts at midnight in the service time zone).
    for days, wait, score in ((2, 12, 5), (3, 30, 4), (4, 90, 2), (5, 20, 5), (9, 45, 5)):
        records.ticket(
            days * 24 * H,
            replied_after=wait * timedelta(minutes=1),
            solved_after=5 * H,
            status="solved",
            team_id=support,
            category="livestream" if days < 7 else "account_login",
            rating=(score, (days * 24 - 6) * H),
        )
    records.conversation(24 * H, "resolved")
    records.conversation(24 * H, "handed_off", ticket=True)
    lead = desk.staff("Li Lei", Role.supervisor)
    with live_server(settings, database) as base, browser_page() as (page, errors):
        signed_in(page, base, lead)
        page.goto(f"{base}/desk/dashboard?lang=en")
        expect(page.get_by_role("heading", name="Supervisor dashboard")).to_be_visible()
        expect(page.locator("svg.chart[role=img]")).to_have_count(10)
        expect(page.get_by_role("img", name="Open tickets by team", exact=True)).to_be_visible()
        unsolved = page.locator('[data-kpi="unsolved"]')
        expect(unsolved).to_have_text("2")
        expect(page.locator('[data-kpi="breached"]')).to_have_text("1")
        expect(page.get_by_role("link", name="ticket 10001")).to_be_visible()
        expect(page.locator(".dash-live")).to_have_text("Live")
        screenshot(page, "dashboard-en")

        # a new ticket: the desk feed tells the page, which fetches fresh panels
        created = httpx.post(
            f"{base}/api/v1/me/tickets",
            json={"body": "The live stream freezes every few minutes"},
            headers=desk.user(),
        )
        assert created.status_code == 201, created.text
        expect(unsolved).to_have_text("3", timeout=15_000)
        assert int(page.locator("[data-dashboard]").get_attribute("data-refreshes") or 0) >= 1

        # a filter refreshes in place and keeps the address shareable
        page.get_by_label("Team", exact=True).select_option(str(support))
        expect(page).to_have_url(f"{base}/desk/dashboard?period=7d&team={support}")
        expect(unsolved).to_have_text("1")
        page.get_by_label("Period", exact=True).select_option("today")
        expect(page.locator('[data-kpi="csat"]')).to_have_text("–")
        assert errors == []

    with live_server(settings, database) as base, browser_page("zh-CN") as (page, errors):
        signed_in(page, base, lead)
        page.goto(f"{base}/desk/dashboard?lang=zh-CN&period=30d")
        expect(page.get_by_role("heading", name="主管数据看板")).to_be_visible()
        expect(page.get_by_role("img", name="各分类未解决工单", exact=True)).to_be_visible()
        expect(page.locator('[data-kpi="csat"]')).to_have_text("80%")
        screenshot(page, "dashboard-zh")
        assert errors == []
