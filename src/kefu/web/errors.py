"""A browser that asks for a page gets a page back, not JSON: an unknown address or a
malformed one (``/help/tickets/abc``) under /help, /chat or /desk answers with the area's own
"not found" page, in the reader's language. The API and static files keep their JSON errors."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from kefu.kit.http import http_error, validation_error
from kefu.web.desk.pages import not_found_page as desk_not_found
from kefu.web.help import texts as help_texts
from kefu.web.help.layout import help_page

HELP_AREAS = ("/help", "/chat")


def _area(request: Request) -> str | None:
    """Which pages' area a GET for a page falls in, if any."""
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.url.path
    if path == "/desk" or path.startswith("/desk/"):
        return "desk"
    if any(path == area or path.startswith(area + "/") for area in HELP_AREAS):
        return "help"
    return None


def area_not_found(request: Request, area: str) -> Response:
    if area == "desk":
        return desk_not_found(request, None)
    return help_page(
        request,
        request.app.state.settings,
        "help/missing.html",
        nav="",
        status_code=404,
        message=help_texts.PAGE_NOT_FOUND,
    )


def install_page_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        area = _area(request)
        return area_not_found(request, area) if area else validation_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        area = _area(request)
        if area and exc.status_code == 404:
            return area_not_found(request, area)
        return http_error(request, exc)
