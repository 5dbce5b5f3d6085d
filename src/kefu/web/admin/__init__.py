"""Admin pages (staff, teams and skills, categories, macros, knowledge base), under /desk/admin."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/desk/admin", include_in_schema=False)
