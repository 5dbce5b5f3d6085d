"""A browser that asks for a page gets a page back, not JSON: an unknown address or a
malformed one (``/help/tickets/abc``) under /help, /chat or /desk answers with the area's own
"not found" page, in the reader's language. The API and static files keep their JSON errors."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from kefu.kit.http import http_error, validation_error
from kefu.web.desk import texts as desk_texts
from kefu.web.desk.pages import render_desk
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


def not_found_page(request: Request, area: str) -> Response:
    if area == "desk":
        return render_desk(
            request,
            "desk/message.html",
            None,
            texts=desk_texts,
            status_code=404,
            title=desk_texts.NOT_FOUND_TITLE,
            message=desk_texts.NOT_FOUND,
        )
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
        return not_found_page(request, area) if area else validation_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        area = _area(request)
        if area and exc.status_code == 404:
            return not_found_page(request, area)
        return http_error(request, exc)
