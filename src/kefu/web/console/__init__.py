"""The agent console under /desk: the queue (views with counts, the ticket list) and the
ticket page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from kefu.web.console import queue, ticket

router = APIRouter(prefix="/desk", include_in_schema=False)
# "/desk" itself: FastAPI refuses a sub-router with an empty prefix and an empty path
router.add_api_route("", queue.queue_page, methods=["GET"], response_class=HTMLResponse)
router.include_router(ticket.router)
