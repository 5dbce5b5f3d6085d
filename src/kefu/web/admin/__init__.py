"""Admin pages (staff, teams and skills, categories, macros, knowledge base), under /desk/admin."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web.admin import macros

router = APIRouter(prefix="/desk/admin", include_in_schema=False)
router.include_router(macros.router)
