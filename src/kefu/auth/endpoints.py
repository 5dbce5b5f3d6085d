"""Signing in and out, who am I, anonymous sessions, and the staff directory."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kefu.auth import service
from kefu.auth.deps import SESSION_COOKIE, CurrentAdmin, CurrentContact, CurrentStaff
from kefu.auth.models import StaffUser, Team
from kefu.auth.schemas import (
    AnonymousIn,
    AnonymousOut,
    ApiTokenIn,
    ApiTokenOut,
    LoginIn,
    SessionOut,
    StaffIn,
    StaffOut,
    StaffUpdateIn,
    TeamIn,
    TeamOut,
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


@router.post("/admin/staff", response_model=StaffOut, status_code=201, summary="Add staff")
def create_staff(body: StaffIn, db: DbSession, actor: CurrentAdmin) -> StaffOut:
    user = service.create_staff(
        db,
        email=body.email,
        name=body.name,
        password=body.password,
        role=body.role,
        team_slugs=body.teams,
        locale=body.locale,
        skills=[(s.kind, s.value, s.level) for s in body.skills],
    )
    return StaffOut.model_validate(service.load_staff_profile(db, user.id))


@router.patch("/admin/staff/{user_id}", response_model=StaffOut, summary="Change staff")
def update_staff(user_id: Id, body: StaffUpdateIn, db: DbSession, actor: CurrentAdmin) -> StaffOut:
    user = service.update_staff(
        db,
        actor,
        user_id,
        role=body.role,
        team_slugs=body.teams,
        skills=None if body.skills is None else [(s.kind, s.value, s.level) for s in body.skills],
        is_active=body.is_active,
    )
    return StaffOut.model_validate(user)


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
    return ApiTokenOut(
        id=row.id,
        name=row.name,
        scopes=sorted(row.scope_set),
        token_prefix=row.token_prefix,
        created_at=row.created_at,
        token=token,
    )
