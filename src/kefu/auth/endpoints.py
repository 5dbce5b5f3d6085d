"""Signing in and out, who am I, anonymous sessions, and the staff directory."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kefu.auth import service
from kefu.auth.deps import SESSION_COOKIE, CurrentAdmin, CurrentContact, CurrentStaff
from kefu.auth.models import ApiToken, StaffUser, Team
from kefu.auth.passwords import generate_password
from kefu.auth.schemas import (
    AdminStaffOut,
    AnonymousIn,
    AnonymousOut,
    ApiTokenIn,
    ApiTokenOut,
    LoginIn,
    SessionOut,
    SkillsIn,
    StaffCreatedOut,
    StaffIn,
    StaffOut,
    StaffUpdateIn,
    TeamAdminOut,
    TeamIn,
    TeamOut,
    TeamUpdateIn,
)
from kefu.config import Settings
from kefu.contacts.schemas import ContactOut
from kefu.contacts.service import create_anonymous
from kefu.kit.http import DbSession
from kefu.kit.types import Id

router = APIRouter(prefix="/api/v1", tags=["auth and staff"])


@router.post("/auth/login", response_model=SessionOut, summary="Staff sign-in")
def login(body: LoginIn, request: Request, response: Response, db: DbSession) -> SessionOut:
    settings: Settings = request.app.state.settings
    user = service.authenticate(db, body.email, body.password)
    token, session = service.open_session(db, user, hours=settings.session_hours)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="lax",
    )
    return SessionOut(token=token, csrf_token=session.csrf_token, expires_at=session.expires_at)


@router.post("/auth/logout", status_code=204, summary="End this staff session")
def logout(response: Response, db: DbSession, actor: CurrentStaff) -> Response:
    if actor.session is not None:
        service.revoke_session(db, actor.session)
    response.status_code = 204
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/auth/me", response_model=StaffOut, summary="The signed-in staff member")
def me(db: DbSession, actor: CurrentStaff) -> StaffOut:
    return StaffOut.model_validate(service.load_staff_profile(db, actor.user.id))


@router.post(
    "/auth/anonymous",
    response_model=AnonymousOut,
    status_code=201,
    summary="Start an anonymous end-user session (anonymous consultation)",
)
def anonymous(request: Request, db: DbSession, body: AnonymousIn | None = None) -> AnonymousOut:
    # The body is optional: a bare POST (a widget, curl) starts a session with no locale.
    settings: Settings = request.app.state.settings
    locale = body.locale if body else None
    token, contact = create_anonymous(db, days=settings.anonymous_session_days, locale=locale)
    return AnonymousOut(
        token=token, contact_id=contact.id, expires_in_days=settings.anonymous_session_days
    )


@router.get("/me", response_model=ContactOut, summary="The end user calling")
def whoami(actor: CurrentContact) -> ContactOut:
    return ContactOut.model_validate(actor.contact)


@router.get("/teams", response_model=list[TeamOut], summary="Teams and departments")
def list_teams(db: DbSession, actor: CurrentStaff) -> list[TeamOut]:
    return [TeamOut.model_validate(team) for team in db.scalars(select(Team).order_by(Team.id))]


@router.get("/staff", response_model=list[StaffOut], summary="Active staff, for assignment")
def list_staff(db: DbSession, actor: CurrentStaff) -> list[StaffOut]:
    users = db.scalars(
        select(StaffUser)
        .where(StaffUser.is_active.is_(True))
        .options(selectinload(StaffUser.teams), selectinload(StaffUser.skills))
        .order_by(StaffUser.id)
    )
    return [StaffOut.model_validate(user) for user in users]


@router.get(
    "/admin/staff",
    response_model=list[AdminStaffOut],
    summary="Every staff member, deactivated ones too",
)
def list_all_staff(db: DbSession, actor: CurrentAdmin) -> list[AdminStaffOut]:
    return [AdminStaffOut.model_validate(user) for user in service.all_staff(db)]


@router.post(
    "/admin/staff",
    response_model=StaffCreatedOut,
    status_code=201,
    summary="Add staff (without a password, one is generated and returned once)",
)
def create_staff(body: StaffIn, db: DbSession, actor: CurrentAdmin) -> StaffCreatedOut:
    generated = None if body.password else generate_password()
    user = service.create_staff(
        db,
        email=body.email,
        name=body.name,
        password=body.password or generated or "",
        role=body.role,
        team_slugs=body.teams,
        locale=body.locale,
        skills=[(s.kind, s.value, s.level) for s in body.skills],
    )
    profile = AdminStaffOut.model_validate(service.load_staff_profile(db, user.id))
    return StaffCreatedOut(**profile.model_dump(), generated_password=generated)


@router.patch("/admin/staff/{user_id}", response_model=AdminStaffOut, summary="Change staff")
def update_staff(
    user_id: Id, body: StaffUpdateIn, db: DbSession, actor: CurrentAdmin
) -> AdminStaffOut:
    user = service.update_staff(
        db,
        actor,
        user_id,
        role=body.role,
        team_slugs=body.teams,
        skills=None if body.skills is None else [(s.kind, s.value, s.level) for s in body.skills],
        is_active=body.is_active,
        name=body.name,
        locale=body.locale,
    )
    return AdminStaffOut.model_validate(user)


@router.put(
    "/admin/staff/{user_id}/skills",
    response_model=AdminStaffOut,
    summary="Replace a staff member's skills (languages and triage categories)",
)
def set_skills(user_id: Id, body: SkillsIn, db: DbSession, actor: CurrentAdmin) -> AdminStaffOut:
    user = service.update_staff(
        db, actor, user_id, skills=[(s.kind, s.value, s.level) for s in body.skills]
    )
    return AdminStaffOut.model_validate(user)


@router.get(
    "/admin/teams", response_model=list[TeamAdminOut], summary="Teams with their member counts"
)
def list_teams_for_admin(db: DbSession, actor: CurrentAdmin) -> list[TeamAdminOut]:
    counts = service.team_member_counts(db)
    return [
        TeamAdminOut(
            **TeamOut.model_validate(team).model_dump(), member_count=counts.get(team.id, 0)
        )
        for team in db.scalars(select(Team).order_by(Team.id))
    ]


@router.patch("/admin/teams/{team_id}", response_model=TeamOut, summary="Rename a team")
def update_team(team_id: Id, body: TeamUpdateIn, db: DbSession, actor: CurrentAdmin) -> TeamOut:
    team = service.update_team(
        db, actor, team_id, name_en=body.name_en, name_zh=body.name_zh, kind=body.kind
    )
    return TeamOut.model_validate(team)


@router.post("/admin/teams", response_model=TeamOut, status_code=201, summary="Add a team")
def create_team(body: TeamIn, db: DbSession, actor: CurrentAdmin) -> TeamOut:
    return TeamOut.model_validate(
        service.create_team(
            db, slug=body.slug, name_en=body.name_en, name_zh=body.name_zh, kind=body.kind
        )
    )


@router.post(
    "/admin/api-tokens",
    response_model=ApiTokenOut,
    status_code=201,
    summary="Create a platform API token (shown once)",
)
def create_api_token(body: ApiTokenIn, db: DbSession, actor: CurrentAdmin) -> ApiTokenOut:
    token, row = service.create_api_token(
        db, name=body.name, scopes=body.scopes, created_by_id=actor.user.id
    )
    return _token_out(row, token)


def _token_out(row: ApiToken, token: str | None = None) -> ApiTokenOut:
    return ApiTokenOut(
        id=row.id,
        name=row.name,
        scopes=sorted(row.scope_set),
        token_prefix=row.token_prefix,
        created_at=row.created_at,
        created_by_id=row.created_by_id,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
        token=token,
    )


@router.get(
    "/admin/api-tokens",
    response_model=list[ApiTokenOut],
    summary="Platform API tokens, newest first (never the secret)",
)
def list_api_tokens(db: DbSession, actor: CurrentAdmin) -> list[ApiTokenOut]:
    return [_token_out(row) for row in service.list_api_tokens(db)]


@router.delete(
    "/admin/api-tokens/{token_id}",
    response_model=ApiTokenOut,
    summary="Revoke a platform API token; it stops working at once",
)
def revoke_api_token(token_id: Id, db: DbSession, actor: CurrentAdmin) -> ApiTokenOut:
    return _token_out(service.revoke_api_token(db, actor, token_id))
