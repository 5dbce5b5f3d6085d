"""The whole dashboard in one call: the same figures for the API and the page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.analytics.containment import containment
from kefu.analytics.periods import Period, window_for
from kefu.analytics.queue import live_queue
from kefu.analytics.satisfaction import satisfaction
from kefu.analytics.schemas import Bucket, DashboardOut, WindowOut
from kefu.analytics.scope import Scope
from kefu.analytics.sla import sla_risk
from kefu.analytics.timing import first_response, resolution, volume
from kefu.analytics.trending import trending
from kefu.auth.errors import UnknownTeam
from kefu.auth.models import Team
from kefu.config import Settings
from kefu.kit.clock import utcnow


def dashboard(
    db: Session,
    settings: Settings,
    period: Period,
    team_id: int | None = None,
    now: datetime | None = None,
) -> DashboardOut:
    if team_id is not None and db.get(Team, team_id) is None:
        raise UnknownTeam(team=team_id)
    now = now or utcnow()
    window = window_for(period, now, ZoneInfo(settings.service_timezone))
    scope = Scope(db, window, team_id)
    return DashboardOut(
        generated_at=now,
        team_id=team_id,
        window=WindowOut(
            period=period,
            start=window.start,
            end=window.end,
            previous_start=window.previous_start,
            previous_end=window.previous_end,
            time_zone=settings.service_timezone,
            buckets=[
                Bucket(start=edge, label=label)
                for edge, label in zip(window.edges, window.labels, strict=True)
            ],
        ),
        queue=live_queue(scope),
        first_response=first_response(scope),
        resolution=resolution(scope),
        volume=volume(scope),
        sla=sla_risk(scope, settings),
        satisfaction=satisfaction(scope),
        bot=containment(scope),
        trending=trending(scope),
    )


def teams(db: Session) -> list[Team]:
    """The teams a dashboard can be filtered by, support queues first."""
    return list(db.scalars(select(Team).order_by(Team.kind.desc(), Team.id)))
