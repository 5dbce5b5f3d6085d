"""Who is making a request: a staff member, an end user (contact) or the platform's backend."""

from __future__ import annotations

from dataclasses import dataclass

from kefu.auth.models import ApiToken, Role, StaffSession, StaffUser
from kefu.contacts.models import Contact


@dataclass(frozen=True)
class StaffActor:
    user: StaffUser
    team_ids: frozenset[int]
    session: StaffSession | None = None

    @property
    def sees_all_teams(self) -> bool:
        return self.user.role in (Role.supervisor, Role.admin)

    @property
    def is_admin(self) -> bool:
        return self.user.role == Role.admin


@dataclass(frozen=True)
class ContactActor:
    contact: Contact


@dataclass(frozen=True)
class ApiActor:
    token: ApiToken


@dataclass(frozen=True)
class SystemActor:
    """kefu itself, e.g. reopening a parent ticket when its last child is solved."""


Actor = StaffActor | ContactActor | ApiActor | SystemActor
SYSTEM = SystemActor()
