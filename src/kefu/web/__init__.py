"""The web pages, one package per audience: help/ for end users; desk/ the staff shell, with
console/ for agents, dashboard/ for supervisors and admin/ for administrators."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from kefu.web import admin, console, dashboard, desk, help
from kefu.web.desk.pages import install_sign_in_handlers
from kefu.web.errors import install_page_errors

router = APIRouter(include_in_schema=False)
for area in (help, desk, console, dashboard, admin):
    router.include_router(area.router)


def install_page_handlers(app: FastAPI) -> None:
    """Pages answer in HTML where the API answers JSON: a redirect to sign in, a 403 page, a
    "not found" page. Installed after the API's handlers, which these defer to for /api."""
    install_sign_in_handlers(app)
    install_page_errors(app)
