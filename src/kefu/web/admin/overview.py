"""/desk/admin: how many people, teams, articles and tokens there are, with links to each."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select

from kefu.auth.models import ApiToken, Role, StaffUser, Team
from kefu.kit.http import DbSession
from kefu.knowledge.models import Article
from kefu.tickets.models import Ticket
from kefu.tickets.status import UNSOLVED
from kefu.web.admin.common import render_admin
from kefu.web.desk.session import Admin

router = APIRouter()


@router.get("", response_class=HTMLResponse)
def overview(request: Request, db: DbSession, staff: Admin) -> HTMLResponse:
    by_role = dict(
        db.execute(
            select(StaffUser.role, func.count())
            .where(StaffUser.is_active.is_(True))
            .group_by(StaffUser.role)
        ).all()
    )
    teams_by_kind = dict(db.execute(select(Team.kind, func.count()).group_by(Team.kind)).all())
    articles_by_status = dict(
        db.execute(select(Article.status, func.count()).group_by(Article.status)).all()
    )
    unsolved = select(func.count()).select_from(Ticket).where(Ticket.status.in_(UNSOLVED))
    return render_admin(
        request,
        "admin/overview.html",
        staff,
        section="overview",
        active_staff=sum(by_role.values()),
        staff_by_role=[(role.value, by_role.get(role.value, 0)) for role in Role],
        deactivated=db.scalar(
            select(func.count()).select_from(StaffUser).where(StaffUser.is_active.is_(False))
        ),
        teams_total=sum(teams_by_kind.values()),
        teams_by_kind=teams_by_kind,
        articles_total=sum(articles_by_status.values()),
        articles_by_status=articles_by_status,
        unsolved=db.scalar(unsolved),
        needs_triage=db.scalar(unsolved.where(Ticket.needs_triage.is_(True))),
        tokens_active=db.scalar(
            select(func.count()).select_from(ApiToken).where(ApiToken.revoked_at.is_(None))
        ),
    )
