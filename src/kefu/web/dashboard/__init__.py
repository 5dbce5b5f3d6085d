"""The supervisor dashboard, under /desk/dashboard."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/desk/dashboard", include_in_schema=False)
