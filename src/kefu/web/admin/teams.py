"""/desk/admin/teams: teams and departments with their active members; adding and renaming
go through /api/v1/admin/teams."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from kefu.auth.models import Team, TeamKind
from kefu.auth.service import team_member_counts
from kefu.kit.http import DbSession
from kefu.web.admin import texts
from kefu.web.admin.common import render_admin
from kefu.web.desk.session import Admin

router = APIRouter()
CLIENT_TEXTS = {
    "saving": texts.SAVING,
    "saved": texts.SAVED,
    "created": texts.TEAM_CREATED,
    "addTeam": texts.ADD_TEAM,
    "editTeam": texts.EDIT_TEAM,
    "create": texts.CREATE,
    "save": texts.SAVE,
}


@router.get("/teams", response_class=HTMLResponse)
def teams(request: Request, db: DbSession, staff: Admin) -> HTMLResponse:
    return render_admin(
        request,
        "admin/teams.html",
        staff,
        section="teams",
        client_texts=CLIENT_TEXTS,
        teams=list(db.scalars(select(Team).order_by(Team.kind.desc(), Team.id))),
        counts=team_member_counts(db),
        kinds=[kind.value for kind in TeamKind],
    )
