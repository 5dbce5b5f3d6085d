"""Staff accounts, their sessions and the platform's API tokens."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kefu.audit.service import record
from kefu.auth.actors import StaffActor
from kefu.auth.errors import EmailTaken, InvalidCredentials, UnknownTeam
from kefu.auth.models import (
    ApiToken,
    Role,
    Skill,
    StaffSession,
    StaffUser,
    Team,
    TeamKind,
    TeamMembership,
)
from kefu.auth.passwords import hash_password, verify_password
from kefu.auth.secrets import API_TOKEN_PREFIX, STAFF_SESSION_PREFIX, new_token, token_hash
from kefu.auth.skills import check_skills
from kefu.kit.clock import utcnow
from kefu.kit.errors import Conflict, Invalid, NotFound

API_SCOPES = ("tickets:write", "tickets:read", "orders:write", "reports:write")


class UnknownScope(Invalid):
    code = "unknown_scope"
    en = "Unknown API scope {scope}; known scopes: {known}."
    zh = "未知的 API 权限范围 {scope}；可用范围：{known}。"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def teams_by_slug(db: Session, slugs: list[str]) -> list[Team]:
    teams = db.scalars(select(Team).where(Team.slug.in_(slugs))).all()
    missing = set(slugs) - {team.slug for team in teams}
    if missing:
        raise UnknownTeam(team=", ".join(sorted(missing)))
    return list(teams)


def create_staff(
    db: Session,
    *,
    email: str,
    name: str,
    password: str,
    role: Role = Role.agent,
    team_slugs: list[str] | None = None,
    locale: str = "zh-CN",
    skills: list[tuple[str, str, str]] | None = None,
) -> StaffUser:
    email = normalise_email(email)
    skills = check_skills(skills or [])
    if db.scalar(select(StaffUser.id).where(StaffUser.email == email)) is not None:
        raise EmailTaken(email=email)
    user = StaffUser(
        email=email, name=name, role=role, password_hash=hash_password(password), locale=locale
    )
    db.add(user)
    db.flush()
    for team in teams_by_slug(db, team_slugs or []):
        db.add(TeamMembership(team_id=team.id, user_id=user.id))
    for kind, value, level in skills:
        db.add(Skill(user_id=user.id, kind=kind, value=value, level=level))
    record(db, "staff.created", actor_type="system", target_type="staff", target_id=user.id)
    db.flush()
    return user


class TeamSlugTaken(Conflict):
    code = "team_slug_taken"
    en = "A team with the slug {slug} already exists."
    zh = "标识为 {slug} 的团队已存在。"


class CannotDemoteSelf(Conflict):
    code = "cannot_demote_self"
    en = "You cannot remove your own admin role or deactivate yourself."
    zh = "不能取消自己的管理员角色或停用自己的账号。"


def create_team(db: Session, *, slug: str, name_en: str, name_zh: str, kind: TeamKind) -> Team:
    if db.scalar(select(Team.id).where(Team.slug == slug)) is not None:
        raise TeamSlugTaken(slug=slug)
    team = Team(slug=slug, name_en=name_en, name_zh=name_zh, kind=kind)
    db.add(team)
    db.flush()
    record(db, "team.created", actor_type="staff", target_type="team", target_id=team.id)
    return team


def update_staff(
    db: Session,
    actor: StaffActor,
    user_id: int,
    *,
    role: Role | None = None,
    team_slugs: list[str] | None = None,
    skills: list[tuple[str, str, str]] | None = None,
    is_active: bool | None = None,
    name: str | None = None,
    locale: str | None = None,
) -> StaffUser:
    """Change a staff member's role, teams, skills, name, locale or whether they may sign in."""
    user = load_staff_profile(db, user_id)
    if user.id == actor.user.id and (
        (role is not None and role != Role.admin) or is_active is False
    ):
        raise CannotDemoteSelf()
    if role is not None:
        user.role = role
    if name is not None:
        user.name = name
    if locale is not None:
        user.locale = locale
    if team_slugs is not None:
        user.teams = teams_by_slug(db, team_slugs)
    if skills is not None:
        skills = check_skills(skills)
        user.skills = []
        db.flush()  # delete first: the new rows may repeat (kind, value) pairs
        user.skills = [Skill(kind=kind, value=value, level=level) for kind, value, level in skills]
    if is_active is not None:
        user.is_active = is_active
        if not is_active:  # signing someone out is part of deactivating them
            for session in db.scalars(
                select(StaffSession).where(
                    StaffSession.user_id == user.id, StaffSession.revoked_at.is_(None)
                )
            ):
                session.revoked_at = utcnow()
    record(
        db,
        "staff.updated",
        actor_type="staff",
        actor_id=actor.user.id,
        target_type="staff",
        target_id=user.id,
    )
    db.flush()
    return user


def authenticate(db: Session, email: str, password: str) -> StaffUser:
    user = db.scalar(select(StaffUser).where(StaffUser.email == normalise_email(email)))
    if not verify_password(user.password_hash if user else None, password):
        raise InvalidCredentials()
    assert user is not None
    if not user.is_active:
        raise InvalidCredentials()
    return user


def open_session(db: Session, user: StaffUser, *, hours: int) -> tuple[str, StaffSession]:
    token = new_token(STAFF_SESSION_PREFIX)
    now = utcnow()
    session = StaffSession(
        token_hash=token_hash(token),
        csrf_token=new_token(""),
        user_id=user.id,
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    user.last_login_at = now
    db.add(session)
    record(db, "staff.login", actor_type="staff", actor_id=user.id)
    db.flush()
    return token, session


def staff_actor_for_session(db: Session, token: str) -> StaffActor | None:
    session = db.scalar(select(StaffSession).where(StaffSession.token_hash == token_hash(token)))
    if session is None or session.revoked_at is not None or session.expires_at <= utcnow():
        return None
    user = db.get(StaffUser, session.user_id)
    if user is None or not user.is_active:
        return None
    return StaffActor(user=user, team_ids=team_ids_of(db, user.id), session=session)


def team_ids_of(db: Session, user_id: int) -> frozenset[int]:
    rows = db.scalars(select(TeamMembership.team_id).where(TeamMembership.user_id == user_id))
    return frozenset(rows)


def revoke_session(db: Session, session: StaffSession) -> None:
    session.revoked_at = utcnow()
    record(db, "staff.logout", actor_type="staff", actor_id=session.user_id)
    db.flush()


def load_staff_profile(db: Session, user_id: int) -> StaffUser:
    user = db.scalar(
        select(StaffUser)
        .where(StaffUser.id == user_id)
        .options(selectinload(StaffUser.teams), selectinload(StaffUser.skills))
    )
    if user is None:
        raise NotFound()
    return user


def create_api_token(
    db: Session, *, name: str, scopes: list[str], created_by_id: int | None = None
) -> tuple[str, ApiToken]:
    for scope in scopes:
        if scope not in API_SCOPES:
            raise UnknownScope(scope=scope, known=", ".join(API_SCOPES))
    token = new_token(API_TOKEN_PREFIX)
    row = ApiToken(
        name=name,
        token_prefix=token[:12],
        token_hash=token_hash(token),
        scopes=" ".join(sorted(set(scopes))),
        created_by_id=created_by_id,
    )
    db.add(row)
    db.flush()
    record(
        db,
        "api_token.created",
        actor_type="staff" if created_by_id else "system",
        actor_id=created_by_id,
        target_type="api_token",
        target_id=row.id,
        scopes=row.scopes,
    )
    return token, row


def api_token_for(db: Session, token: str) -> ApiToken | None:
    row = db.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if row is None or row.revoked_at is not None:
        return None
    return row


# --- administration: the directory with inactive people, team edits, API token upkeep ---


class TeamNotFound(NotFound):
    code = "team_not_found"
    en = "There is no such team."
    zh = "没有这个团队。"


class ApiTokenNotFound(NotFound):
    code = "api_token_not_found"
    en = "There is no such API token."
    zh = "没有这个 API 令牌。"


def all_staff(db: Session) -> list[StaffUser]:
    """Everyone, deactivated people too (they are never deleted), active first, then by name."""
    return list(
        db.scalars(
            select(StaffUser)
            .options(selectinload(StaffUser.teams), selectinload(StaffUser.skills))
            .order_by(StaffUser.is_active.desc(), StaffUser.name, StaffUser.id)
        )
    )


def team_member_counts(db: Session) -> dict[int, int]:
    """Active members per team id (teams without any are absent)."""
    rows = db.execute(
        select(TeamMembership.team_id, func.count())
        .join(StaffUser, StaffUser.id == TeamMembership.user_id)
        .where(StaffUser.is_active.is_(True))
        .group_by(TeamMembership.team_id)
    )
    return {team_id: count for team_id, count in rows}


def update_team(
    db: Session,
    actor: StaffActor,
    team_id: int,
    *,
    name_en: str | None = None,
    name_zh: str | None = None,
    kind: TeamKind | None = None,
) -> Team:
    """Rename a team or change its kind. The slug stays: code and integrations name teams by
    it (reports go to ``trust_safety``, staff are created with team slugs)."""
    team = db.scalar(select(Team).where(Team.id == team_id).with_for_update())
    if team is None:
        raise TeamNotFound()
    if name_en is not None:
        team.name_en = name_en
    if name_zh is not None:
        team.name_zh = name_zh
    if kind is not None:
        team.kind = kind
    record(
        db,
        "team.updated",
        actor_type="staff",
        actor_id=actor.user.id,
        target_type="team",
        target_id=team.id,
    )
    db.flush()
    return team


def list_api_tokens(db: Session) -> list[ApiToken]:
    """Every token, revoked ones too (their history matters), newest first."""
    return list(db.scalars(select(ApiToken).order_by(ApiToken.id.desc())))


def revoke_api_token(db: Session, actor: StaffActor, token_id: int) -> ApiToken:
    """The token stops working at once; revoking twice keeps the first time."""
    row = db.scalar(select(ApiToken).where(ApiToken.id == token_id).with_for_update())
    if row is None:
        raise ApiTokenNotFound()
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        record(
            db,
            "api_token.revoked",
            actor_type="staff",
            actor_id=actor.user.id,
            target_type="api_token",
            target_id=row.id,
        )
        db.flush()
    return row
