"""Admin pages under /desk/admin (administrators only): overview, staff and their skills, teams,
categories, the knowledge base editor and API tokens. Macros have their own module (macros.py).
Pages render what they show on the server; their scripts change things through /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web.admin import categories, kb, overview, staff, teams, tokens

router = APIRouter(include_in_schema=False)
# macros.py (/desk/admin/macros) is written separately; add it to this tuple when it lands.
for page in (overview, staff, teams, categories, kb, tokens):
    router.include_router(page.router, prefix="/desk/admin")
