"""Who is looking at a staff page, in which language, and what happens when they may not.

Pages read the ``kefu_session`` cookie set by ``POST /api/v1/auth/login``; without a valid one
the browser is sent to the sign-in page (a redirect, not the API's JSON 401). Each page embeds the
session's CSRF token so its scripts can make the unsafe API calls the cookie alone may not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response

from kefu.auth.actors import StaffActor
from kefu.auth.deps import SESSION_COOKIE
from kefu.auth.models import Role
from kefu.auth.service import staff_actor_for_session
from kefu.kit.http import DbSession
from kefu.kit.i18n import Locale, negotiate, normalize_locale

LANGUAGE_COOKIE = "kefu_lang"


class SignInRequired(Exception):
    """Raised by a staff page's dependency; answered with a redirect to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


@dataclass(frozen=True)
class Viewer:
    """What the shell shows of the signed-in staff member: plain values, still readable after
    the request's database session has rolled back (as it has when a page raised)."""

    id: int
    name: str
    role: str
    locale: str
    csrf_token: str

    @classmethod
    def of(cls, staff: StaffActor) -> Viewer:
        csrf = staff.session.csrf_token if staff.session else ""
        user = staff.user
        return cls(user.id, user.name, user.role, user.locale, csrf)


class PageForbidden(Exception):
    """The signed-in staff member's role may not see this page; answered with a 403 page."""

    def __init__(self, staff: StaffActor) -> None:
        self.viewer = Viewer.of(staff)


def _current_url(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def sign_in_url(next_url: str) -> str:
    return f"/desk/login?next={quote(next_url, safe='')}"


def safe_next(value: str | None) -> str:
    """Only a path on this site: never an open redirect to somewhere else. Browsers drop tabs
    and line breaks from addresses ("/\t/evil.example" becomes "//evil.example"), so any
    control character or space refuses the value too."""
    if (
        value
        and value.startswith("/")
        and not value.startswith("//")
        and "\\" not in value
        and not any(ch <= " " or ch == "\x7f" for ch in value)
    ):
        return value
    return "/desk"


def page_staff(request: Request, db: DbSession) -> StaffActor:
    cookie = request.cookies.get(SESSION_COOKIE)
    staff = staff_actor_for_session(db, cookie) if cookie else None
    if staff is None:
        raise SignInRequired(_current_url(request))
    return staff


def staff_with_role(*roles: Role) -> object:
    """A dependency: the signed-in staff member, who must hold one of ``roles``."""

    def dependency(staff: Annotated[StaffActor, Depends(page_staff)]) -> StaffActor:
        if staff.user.role not in roles:
            raise PageForbidden(staff)
        return staff

    return Depends(dependency)


PageStaff = Annotated[StaffActor, Depends(page_staff)]
Supervisor = Annotated[StaffActor, staff_with_role(Role.supervisor, Role.admin)]
Admin = Annotated[StaffActor, staff_with_role(Role.admin)]


def desk_locale(request: Request, viewer: Viewer | None = None) -> Locale:
    """``?lang=``, then the language cookie the switch sets, then the staff member's own, then
    the browser's."""
    return (
        normalize_locale(request.query_params.get("lang"))
        or normalize_locale(request.cookies.get(LANGUAGE_COOKIE))
        or (normalize_locale(viewer.locale) if viewer else None)
        or negotiate(request.headers.get("accept-language"))
    )


def remember_language(response: Response, request: Request) -> Response:
    """A ``?lang=`` choice sticks for the following pages."""
    chosen = normalize_locale(request.query_params.get("lang"))
    if chosen:
        response.set_cookie(
            LANGUAGE_COOKIE, chosen, max_age=365 * 86400, samesite="lax", httponly=True
        )
    return response


def redirect_to_sign_in(exc: SignInRequired) -> RedirectResponse:
    return RedirectResponse(sign_in_url(exc.next_url), status_code=303)
