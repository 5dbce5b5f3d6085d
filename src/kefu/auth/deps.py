"""FastAPI dependencies that tell who is calling and enforce what they may do.

A bearer token is recognised by its prefix: ``kss_`` staff session, ``kat_`` platform API token,
``kcs_`` anonymous end-user session; anything else is taken as an end-user token signed by the
platform. Browsers use the ``kefu_session`` cookie instead, and then every unsafe request must carry
the session's CSRF token in ``X-CSRF-Token``.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from kefu.auth.actors import Actor, ApiActor, ContactActor, StaffActor
from kefu.auth.errors import CsrfFailed, EndUserOnly, RoleRequired, ScopeRequired, StaffOnly
from kefu.auth.identity import PlatformUserClaims, verify_user_token
from kefu.auth.models import Role
from kefu.auth.secrets import API_TOKEN_PREFIX, CONTACT_SESSION_PREFIX, STAFF_SESSION_PREFIX
from kefu.auth.service import api_token_for, staff_actor_for_session
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.contacts.service import (
    contact_for_session,
    find_platform_contact,
    in_step,
    upsert_platform_contact,
)
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.errors import Unauthorized
from kefu.kit.http import SAFE_METHODS, DbSession

SESSION_COOKIE = "kefu_session"
CSRF_HEADER = "x-csrf-token"


class InvalidToken(Unauthorized):
    code = "invalid_token"
    en = "The token is not valid, has expired or was revoked."
    zh = "令牌无效、已过期或已被吊销。"


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise InvalidToken()
    return token.strip()


def get_actor(request: Request, db: DbSession) -> Actor | None:
    settings: Settings = request.app.state.settings
    token = _bearer(request)
    if token is None:
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            return None
        staff = staff_actor_for_session(db, cookie)
        if staff is None:
            raise InvalidToken()
        if request.method not in SAFE_METHODS:
            assert staff.session is not None
            sent = request.headers.get(CSRF_HEADER, "")
            if not hmac.compare_digest(sent.encode(), staff.session.csrf_token.encode()):
                raise CsrfFailed()
        return staff
    return actor_for_token(
        db,
        settings,
        token,
        writing=request.method not in SAFE_METHODS,
        contact_of=lambda claims: _platform_contact(request, db, claims),
    )


def actor_for_token(
    db: Session,
    settings: Settings,
    token: str,
    *,
    writing: bool = True,
    contact_of: Callable[[PlatformUserClaims], Contact] | None = None,
) -> Actor:
    """Who a bearer token names (WebSockets, which carry no headers from browsers, send it
    in their first frame). ``contact_of`` finds the platform user's contact; by default it is
    created or updated in ``db``, which must then be a writing session."""
    if token.startswith(STAFF_SESSION_PREFIX):
        staff = staff_actor_for_session(db, token)
        if staff is None:
            raise InvalidToken()
        return staff
    if token.startswith(API_TOKEN_PREFIX):
        api_token = api_token_for(db, token)
        if api_token is None:
            raise InvalidToken()
        if writing:  # reads never write; see _platform_contact
            api_token.last_used_at = utcnow()
        return ApiActor(token=api_token)
    if token.startswith(CONTACT_SESSION_PREFIX):
        contact = contact_for_session(db, token)
        if contact is None:
            raise InvalidToken()
        return ContactActor(contact=contact)
    claims = verify_user_token(token, settings.platform_user_secret)
    if contact_of is not None:
        return ContactActor(contact=contact_of(claims))
    contact = find_platform_contact(db, claims.platform_user_id)
    if contact is None or not in_step(contact, claims):
        contact = upsert_platform_contact(db, claims)
    return ContactActor(contact=contact)


def _platform_contact(request: Request, db: Session, claims: PlatformUserClaims) -> Contact:
    """The signed-in platform user's contact, created or brought in step with the claims.

    A read request's session must not write (on SQLite a write from a read snapshot can fail),
    so a first visit or changed claims on a GET are saved in a short writing transaction first.
    """
    contact = find_platform_contact(db, claims.platform_user_id)
    if contact is not None and in_step(contact, claims):
        return contact
    if request.method not in SAFE_METHODS:
        return upsert_platform_contact(db, claims)
    database: Database = request.app.state.db
    with database.transaction() as writer:
        upsert_platform_contact(writer, claims)
    db.rollback()  # end the read snapshot so the saved row is visible
    saved = find_platform_contact(db, claims.platform_user_id)
    assert saved is not None
    return saved


OptionalActor = Annotated[Actor | None, Depends(get_actor)]


def require_signed_in(actor: OptionalActor) -> Actor:
    if actor is None:
        raise Unauthorized()
    return actor


SignedIn = Annotated[Actor, Depends(require_signed_in)]


def require_staff(*roles: Role) -> Callable[[Actor | None], StaffActor]:
    def dependency(actor: OptionalActor) -> StaffActor:
        if actor is None:
            raise Unauthorized()
        if not isinstance(actor, StaffActor):
            raise StaffOnly()
        if roles and actor.user.role not in roles:
            raise RoleRequired(roles=", ".join(roles))
        return actor

    return dependency


def require_contact(actor: OptionalActor) -> ContactActor:
    if actor is None:
        raise Unauthorized()
    if not isinstance(actor, ContactActor):
        raise EndUserOnly()
    return actor


def require_scope(scope: str) -> Callable[[Actor | None], ApiActor]:
    def dependency(actor: OptionalActor) -> ApiActor:
        if actor is None:
            raise Unauthorized()
        if not isinstance(actor, ApiActor):
            raise ScopeRequired(scope=scope)
        if scope not in actor.token.scope_set:
            raise ScopeRequired(scope=scope)
        return actor

    return dependency


CurrentStaff = Annotated[StaffActor, Depends(require_staff())]
CurrentAdmin = Annotated[StaffActor, Depends(require_staff(Role.admin))]
CurrentContact = Annotated[ContactActor, Depends(require_contact)]
