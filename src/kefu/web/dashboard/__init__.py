"""The supervisor dashboard, under /desk/dashboard."""

from __future__ import annotations

from kefu.web.dashboard.pages import router

__all__ = ["router"]
