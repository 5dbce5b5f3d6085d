"""The web pages, one package per audience: help/ for end users; desk/ the staff shell, with
console/ for agents, dashboard/ for supervisors and admin/ for administrators."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web import admin, console, dashboard, desk, help

router = APIRouter(include_in_schema=False)
for area in (help, desk, console, dashboard, admin):
    router.include_router(area.router)
