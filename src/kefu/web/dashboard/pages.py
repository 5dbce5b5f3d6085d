"""The supervisor dashboard page and the fragment it refreshes itself with.

The charts are SVG rendered here, on the server, so the page's script never draws: every 30
seconds, and soon after the desk feed reports a change, it fetches ``/desk/dashboard/panels``
(the same template part, rendered from the same ``analytics.service.dashboard`` call as the
JSON API) and swaps it in.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kefu.analytics.periods import Period
from kefu.analytics.service import dashboard, teams
from kefu.auth.models import Team
from kefu.kit.http import AppSettings, DbSession
from kefu.kit.types import parse_id
from kefu.web.dashboard import texts
from kefu.web.dashboard.view import build
from kefu.web.desk.pages import render_desk
from kefu.web.desk.session import Supervisor, Viewer, desk_locale
from kefu.web.rendering import localized, render_page, script_json

router = APIRouter(prefix="/desk/dashboard", include_in_schema=False)
PERIODS = (
    (Period.today, texts.PERIOD_TODAY),
    (Period.week, texts.PERIOD_7D),
    (Period.month, texts.PERIOD_30D),
)
CLIENT_TEXTS = {"live": texts.LIVE, "failed": texts.REFRESH_FAILED}
REFRESH_SECONDS = 30


def _choice(db: DbSession, period: str, team: str) -> tuple[Period, Team | None]:
    """Unknown values fall back to the defaults: a page answers, it does not 422."""
    chosen = next((p for p in Period if p.value == period), Period.week)
    wanted = parse_id(team)
    team_row = db.get(Team, wanted) if wanted else None
    return chosen, team_row


@router.get("", response_class=HTMLResponse)
def dashboard_page(
    request: Request,
    staff: Supervisor,
    db: DbSession,
    settings: AppSettings,
    period: str = Query("7d", max_length=10),
    team: str = Query("", max_length=12),
) -> HTMLResponse:
    chosen, team_row = _choice(db, period, team)
    viewer = Viewer.of(staff)
    locale = desk_locale(request, viewer)
    data = dashboard(db, settings, chosen, team_row.id if team_row else None)
    query = {"period": chosen.value, **({"team": str(team_row.id)} if team_row else {})}
    other = "en" if locale == "zh-CN" else "zh-CN"
    return render_desk(
        request,
        "dashboard/page.html",
        viewer,
        texts=texts,
        active="dashboard",
        locale=locale,
        periods=[(p.value, label) for p, label in PERIODS],
        period=chosen.value,
        teams=teams(db),
        team_id=team_row.id if team_row else None,
        switch_url="?" + urlencode({**query, "lang": other}),
        panels_url="/desk/dashboard/panels?" + urlencode(query),
        refresh_seconds=REFRESH_SECONDS,
        client_texts=script_json(localized(CLIENT_TEXTS, locale)),
        **build(data, locale),
    )


@router.get("/panels", response_class=HTMLResponse)
def dashboard_panels(
    request: Request,
    staff: Supervisor,
    db: DbSession,
    settings: AppSettings,
    period: str = Query("7d", max_length=10),
    team: str = Query("", max_length=12),
) -> HTMLResponse:
    chosen, team_row = _choice(db, period, team)
    locale = desk_locale(request, Viewer.of(staff))
    data = dashboard(db, settings, chosen, team_row.id if team_row else None)
    response = render_page(
        request, "dashboard/_panels.html", locale, texts=texts, **build(data, locale)
    )
    response.headers["Cache-Control"] = "no-store"
    return response
