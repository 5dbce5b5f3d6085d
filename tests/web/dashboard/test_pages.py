"""The dashboard page and its refresh fragment: who may see them, the charts they carry (SVG
with a title, a description and a table of the numbers), both languages, the filters."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update

from kefu.auth.models import Role, Team
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.tickets.models import Ticket
from tests.analytics.records import Records
from tests.conftest import Desk
from tests.web.desk.conftest import sign_in

H = timedelta(hours=1)


def test_only_leads_see_the_dashboard(client: TestClient, desk: Desk) -> None:
    stranger = client.get("/desk/dashboard", follow_redirects=False)
    assert stranger.status_code == 303
    assert stranger.headers["location"] == "/desk/login?next=%2Fdesk%2Fdashboard"
    sign_in(client, desk.staff("Agent", Role.agent))
    assert client.get("/desk/dashboard?lang=en").status_code == 403
    assert client.get("/desk/dashboard/panels").status_code == 403
    sign_in(client, desk.staff("Admin", Role.admin))
    assert client.get("/desk/dashboard").status_code == 200


def test_the_page_shows_figures_and_accessible_charts(
    client: TestClient, desk: Desk, database: Database
) -> None:
    records = Records(database, utcnow())
    late = records.ticket(2 * H, priority="urgent", category="livestream")
    records.ticket(3 * H, replied_after=20 * timedelta(minutes=1), rating=(5, H))
    sign_in(client, desk.staff("Lead", Role.supervisor))
    page = client.get("/desk/dashboard?lang=en&period=7d")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Supervisor dashboard</h1>" in html
    assert 'aria-current="page"' in html and 'href="/desk/dashboard"' in html
    assert f'href="/desk/tickets/{late}"' in html  # breached, linked
    assert '<dd data-kpi="breached">1</dd>' in html
    assert '<dd data-kpi="first_response">20 min</dd>' in html
    assert '<dd data-kpi="csat">100%</dd>' in html
    charts = re.findall(r'<svg class="chart"[^>]*role="img"[^>]*>', html)
    assert len(charts) == 10
    for chart_id in re.findall(r'aria-labelledby="(chart-[a-z_]+)-title" aria-describedby="', html):
        assert f'<title id="{chart_id}-title">' in html and f'<desc id="{chart_id}-desc">' in html
    assert html.count('<table class="visually-hidden">') == 10
    assert "Live streaming" in html and "Interim targets" in html
    assert 'href="?period=7d&amp;lang=zh-CN"' in html  # the switch keeps the filters
    for asset in ("dashboard.js", "dashboard.css"):
        assert client.get(f"/static/dashboard/{asset}").status_code == 200


def test_chinese_and_filters(client: TestClient, desk: Desk, database: Database) -> None:
    records = Records(database, utcnow())
    support = desk.team_id("technical_support")
    records.ticket(H, team_id=support, category="refund_return")
    records.ticket(H, category="livestream")
    sign_in(client, desk.staff("Lead", Role.supervisor))
    page = client.get(f"/desk/dashboard?lang=zh-CN&period=today&team={support}")
    assert '<html lang="zh-CN">' in page.text and "主管数据看板" in page.text
    assert f'<option value="{support}" selected>' in page.text
    assert '<option value="today" selected>今天</option>' in page.text
    assert "退款与退货" in page.text and "直播" not in page.text  # the other ticket has no team
    assert '<dd data-kpi="unsolved">1</dd>' in page.text
    # unknown choices fall back to the defaults instead of failing
    fallback = client.get("/desk/dashboard?period=1y&team=99999")
    assert fallback.status_code == 200 and '<option value="7d" selected>' in fallback.text
    for odd in ("²", "１", "-1", "0", "99999999999"):
        assert client.get("/desk/dashboard/panels", params={"team": odd}).status_code == 200


def test_names_are_escaped_in_charts_and_lists(
    client: TestClient, desk: Desk, database: Database
) -> None:
    with database.transaction() as db:
        team = Team(slug="hostile", name_en="<script>alert(1)</script>", name_zh="<b>队</b>")
        db.add(team)
        db.flush()
        team_id = team.id
    records = Records(database, utcnow())
    number = records.ticket(2 * H, priority="urgent", team_id=team_id)
    with database.transaction() as db:
        db.execute(
            update(Ticket)
            .where(Ticket.number == number)
            .values(subject='<img src=x onerror="alert(1)">')
        )
    sign_in(client, desk.staff("Lead", Role.supervisor))
    html = client.get("/desk/dashboard?lang=en").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_the_fragment_is_the_panels_alone(client: TestClient, desk: Desk) -> None:
    sign_in(client, desk.staff("Lead", Role.supervisor))
    fragment = client.get("/desk/dashboard/panels?period=30d&lang=en")
    assert fragment.status_code == 200
    assert fragment.headers["cache-control"] == "no-store"
    assert "<html" not in fragment.text and "data-updated" in fragment.text
    assert fragment.text.count('<svg class="chart"') == 9  # no risers yet: no trending chart
    assert "No category rose." in fragment.text
