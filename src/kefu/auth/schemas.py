from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, computed_field

from kefu.auth.codes import agent_code as _agent_code
from kefu.auth.models import Role, SkillKind, SkillLevel, TeamKind

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=254)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class SessionOut(BaseModel):
    token: str = Field(description="Send as `Authorization: Bearer <token>` to use the API.")
    csrf_token: str = Field(
        description="Send as `X-CSRF-Token` on unsafe requests with the cookie."
    )
    expires_at: datetime


class TeamOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    slug: str
    name_en: str
    name_zh: str
    kind: TeamKind


class SkillOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    kind: SkillKind
    value: str
    level: SkillLevel


class StaffOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    role: Role
    locale: str
    is_active: bool
    teams: list[TeamOut]
    skills: list[SkillOut]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def agent_code(self) -> str:
        """The public code customers can check at /help/verify (e.g. KF1024)."""
        return _agent_code(self.id)


class SkillIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: SkillKind
    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    level: SkillLevel = SkillLevel.mid


Password = Annotated[str, StringConstraints(min_length=8, max_length=1024)]
StaffLocale = Annotated[str, StringConstraints(pattern=r"^(zh-CN|en)$")]


class StaffIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: EmailStr
    name: Name
    password: Password | None = Field(
        None, description="Leave out to have one generated; it is returned once."
    )
    role: Role = Role.agent
    teams: list[str] = Field(default_factory=list, description="Team slugs")
    locale: StaffLocale = "zh-CN"
    skills: list[SkillIn] = Field(default_factory=list, max_length=60)


class StaffUpdateIn(BaseModel):
    """Fields to change; leave one out to keep it."""

    model_config = ConfigDict(extra="forbid")
    role: Role | None = None
    teams: list[str] | None = Field(None, description="Team slugs; replaces the current teams")
    skills: list[SkillIn] | None = Field(
        None, description="Replaces the current skills", max_length=60
    )
    is_active: bool | None = Field(None, description="false signs the person out everywhere")
    name: Name | None = None
    locale: StaffLocale | None = None


class SkillsIn(BaseModel):
    """The whole set of a person's skills; what is not listed is removed."""

    model_config = ConfigDict(extra="forbid")
    skills: list[SkillIn] = Field(max_length=60)


class AdminStaffOut(StaffOut):
    """A staff member as administrators see them, deactivated or not."""

    created_at: datetime
    last_login_at: datetime | None


class StaffCreatedOut(AdminStaffOut):
    generated_password: str | None = Field(
        None, description="The password kefu chose when none was given; shown only now."
    )


class TeamIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,63}$")]
    name_en: Name
    name_zh: Name
    kind: TeamKind = TeamKind.support


class TeamAdminOut(TeamOut):
    member_count: int = Field(description="Active staff in the team")


class TeamUpdateIn(BaseModel):
    """Fields to change; the slug cannot change (code and integrations name teams by it)."""

    model_config = ConfigDict(extra="forbid")
    name_en: Name | None = None
    name_zh: Name | None = None
    kind: TeamKind | None = None


class ApiTokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Name
    scopes: list[str] = Field(min_length=1)


class ApiTokenOut(BaseModel):
    id: int
    name: str
    scopes: list[str]
    token_prefix: str
    created_at: datetime
    created_by_id: int | None = None
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    token: str | None = Field(None, description="Shown once, at creation.")


class AnonymousIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    locale: str | None = None


class AnonymousOut(BaseModel):
    token: str = Field(description="Send as `Authorization: Bearer <token>`; keep it to return.")
    contact_id: int
    expires_in_days: int
