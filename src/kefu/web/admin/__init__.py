"""Admin pages under /desk/admin: overview, staff and their skills, teams, categories, the
knowledge base editor and API tokens (administrators), and macros (supervisors too).
Pages render what they show on the server; their scripts change things through /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web.admin import categories, kb, macros, overview, staff, teams, tokens

router = APIRouter(include_in_schema=False)
for page in (overview, staff, teams, categories, kb, tokens, macros):
    router.include_router(page.router, prefix="/desk/admin")
