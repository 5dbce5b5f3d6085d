"""The staff side of the web: the shell every staff page shares (sign-in, navigation, language,
CSRF for the page's scripts). The agent console, dashboard and admin pages build on it."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web.desk import pages

router = APIRouter(include_in_schema=False)
router.include_router(pages.router)
