"""Analytics over HTTP: supervisors and admins only (agents get 403 ``role_required``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from kefu.analytics.periods import Period
from kefu.analytics.schemas import DashboardOut
from kefu.analytics.service import dashboard
from kefu.auth.actors import StaffActor
from kefu.auth.deps import require_staff
from kefu.auth.models import Role
from kefu.kit.http import AppSettings, DbSession
from kefu.kit.types import Id

Lead = Annotated[StaffActor, Depends(require_staff(Role.supervisor, Role.admin))]
router = APIRouter(prefix="/api/v1/analytics", tags=["analytics"])


@router.get(
    "/dashboard",
    response_model=DashboardOut,
    summary="Supervisor dashboard figures",
    responses={
        401: {"description": "Not signed in (`not_authenticated`, `invalid_token`)."},
        403: {"description": "Signed in, but not a supervisor or admin (`role_required`)."},
        422: {"description": "An unknown team (`unknown_team`) or period."},
    },
    description=(
        "Live queue sizes; first-response and resolution times (median, p90, per hour today "
        "or per day); tickets created and solved; interim SLA risk (first-response targets "
        "per priority from `KEFU_SLA_FIRST_RESPONSE_HOURS_*`); CSAT; bot containment; "
        "trending categories against the previous period. Periods are local days in "
        "`KEFU_SERVICE_TIMEZONE`. The `team` filter applies to everything but the bot. "
        "Supervisors and admins only."
    ),
)
def get_dashboard(
    db: DbSession,
    settings: AppSettings,
    _: Lead,
    period: Annotated[Period, Query(description="today, 7d or 30d")] = Period.week,
    team: Annotated[Id | None, Query(description="Only this team's tickets")] = None,
) -> DashboardOut:
    return dashboard(db, settings, period, team)
