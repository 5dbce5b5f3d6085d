"""The shell of every staff page: ``render_desk`` (navigation by role, language switch, CSRF
token for scripts), the sign-in page, and the redirect / 403 answers for pages."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response

from kefu.auth.actors import StaffActor
from kefu.auth.models import Role
from kefu.kit.i18n import Locale, Text
from kefu.web.desk import texts as shell
from kefu.web.desk.session import (
    PageForbidden,
    SignInRequired,
    Viewer,
    desk_locale,
    redirect_to_sign_in,
    remember_language,
    safe_next,
)
from kefu.web.rendering import render_page

router = APIRouter(prefix="/desk", include_in_schema=False)

# (key, path, label, roles that see it)
NAVIGATION: tuple[tuple[str, str, Text, tuple[Role, ...]], ...] = (
    ("console", "/desk", shell.NAV_CONSOLE, tuple(Role)),
    ("dashboard", "/desk/dashboard", shell.NAV_DASHBOARD, (Role.supervisor, Role.admin)),
    ("admin", "/desk/admin", shell.NAV_ADMIN, (Role.admin,)),
    # supervisors manage macros but not the rest of admin; admins reach macros from there
    ("macros", "/desk/admin/macros", shell.NAV_MACROS, (Role.supervisor,)),
)


def render_desk(
    request: Request,
    template: str,
    staff: StaffActor | Viewer | None,
    *,
    texts: ModuleType,
    active: str = "",
    status_code: int = 200,
    locale: Locale | None = None,
    **context: Any,
) -> HTMLResponse:
    """A staff page extending ``desk/base.html``; ``texts`` is the area's bilingual words."""
    viewer = Viewer.of(staff) if isinstance(staff, StaffActor) else staff
    locale = locale or desk_locale(request, viewer)
    navigation = (
        [
            {"key": key, "path": path, "label": label, "active": key == active}
            for key, path, label, roles in NAVIGATION
            if viewer.role in roles
        ]
        if viewer
        else []
    )
    response = render_page(
        request,
        template,
        locale,
        texts=texts,
        shell=shell,
        status_code=status_code,
        viewer=viewer,
        navigation=navigation,
        **context,
    )
    remember_language(response, request)
    return response


def not_found_page(
    request: Request, staff: StaffActor | Viewer | None, *, active: str = ""
) -> HTMLResponse:
    """The shell's 404 page: for an address that names nothing, and for what the viewer may
    not see (which must look the same, so nothing about it leaks)."""
    return render_desk(
        request,
        "desk/message.html",
        staff,
        texts=shell,
        active=active,
        status_code=404,
        title=shell.NOT_FOUND_TITLE,
        message=shell.NOT_FOUND,
    )


@router.get("/login", response_class=HTMLResponse)
def sign_in(request: Request, next: str = Query("/desk", max_length=2000)) -> Response:
    return render_desk(request, "desk/login.html", None, texts=shell, next_url=safe_next(next))


def install_sign_in_handlers(app: FastAPI) -> None:
    """Pages answer with a redirect to sign in, or a 403 page, where the API answers JSON."""

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        return redirect_to_sign_in(exc)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, exc: PageForbidden) -> Response:
        return render_desk(
            request,
            "desk/message.html",
            exc.viewer,
            texts=shell,
            status_code=403,
            title=shell.FORBIDDEN_TITLE,
            message=shell.FORBIDDEN,
        )
