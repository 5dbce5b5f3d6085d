"""The agent console: ticket views and the ticket page, under /desk."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from kefu.web.console import queue

router = APIRouter(prefix="/desk", include_in_schema=False)
router.add_api_route("", queue.queue_page, methods=["GET"], response_class=HTMLResponse)
