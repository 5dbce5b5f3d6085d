"""The agent console: ticket views and the ticket page, under /desk."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web.console import queue

router = APIRouter(prefix="/desk", include_in_schema=False)
router.include_router(queue.router)
