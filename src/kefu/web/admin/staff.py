"""/desk/admin/staff: everyone who works in the desk, adding people, and one person's profile,
skills and access. Changes go through /api/v1/admin/staff."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from kefu.auth.models import Role, SkillLevel, Team
from kefu.auth.service import all_staff, load_staff_profile
from kefu.auth.skills import LANGUAGES
from kefu.kit.errors import NotFound
from kefu.kit.http import DbSession
from kefu.kit.types import Id
from kefu.triage.taxonomy import CATEGORIES
from kefu.web.admin import texts
from kefu.web.admin.common import render_admin
from kefu.web.desk.pages import not_found_page
from kefu.web.desk.session import Admin

router = APIRouter()

LIST_TEXTS = {
    "saving": texts.SAVING,
    "created": texts.CREATED_STAFF,
    "copied": texts.COPIED,
}
EDIT_TEXTS = {
    "saving": texts.SAVING,
    "saved": texts.SAVED,
    "skillsSaved": texts.SKILLS_SAVED,
    "confirmDeactivate": texts.CONFIRM_DEACTIVATE,
    "deactivated": texts.DEACTIVATED,
    "reactivated": texts.REACTIVATED,
    "remove": texts.REMOVE,
    "noSkills": texts.NO_SKILLS,
    "kind": texts.SKILL_KIND,
    "value": texts.SKILL_VALUE,
    "level": texts.SKILL_LEVEL,
    "language": texts.SKILL_KINDS["language"],
    "category": texts.SKILL_KINDS["category"],
}


def _teams(db: DbSession) -> list[Team]:
    return list(db.scalars(select(Team).order_by(Team.kind.desc(), Team.id)))


@router.get("/staff", response_class=HTMLResponse)
def staff_list(request: Request, db: DbSession, staff: Admin) -> HTMLResponse:
    return render_admin(
        request,
        "admin/staff.html",
        staff,
        section="staff",
        client_texts=LIST_TEXTS,
        people=all_staff(db),
        teams=_teams(db),
        roles=[role.value for role in Role],
        languages=LANGUAGES,
        categories={c.key: c.name for c in CATEGORIES},
    )


@router.get("/staff/{user_id}", response_class=HTMLResponse)
def staff_edit(request: Request, user_id: Id, db: DbSession, staff: Admin) -> HTMLResponse:
    try:
        person = load_staff_profile(db, user_id)
    except NotFound:
        return not_found_page(request, staff, active="admin")
    return render_admin(
        request,
        "admin/staff_edit.html",
        staff,
        section="staff",
        client_texts=EDIT_TEXTS,
        person=person,
        is_self=person.id == staff.user.id,
        member_of={team.id for team in person.teams},
        teams=_teams(db),
        roles=[role.value for role in Role],
        levels=[level.value for level in SkillLevel],
        languages=LANGUAGES,
        categories={c.key: c.name for c in CATEGORIES},
    )
