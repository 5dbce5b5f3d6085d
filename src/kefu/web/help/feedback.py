"""Help & Feedback: the form (category, description, contact, photos and videos) that
static/help/feedback.js sends to POST /api/v1/me/feedback."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.http import AppSettings
from kefu.web.help import texts
from kefu.web.help.layout import ClientTexts, help_page

router = APIRouter(prefix="/help", include_in_schema=False)
CLIENT_TEXTS: ClientTexts = {
    "choose": texts.CHOOSE,
    "done": texts.FEEDBACK_DONE,
    "viewTicket": texts.VIEW_TICKET,
}


@router.get("/feedback", response_class=HTMLResponse)
def feedback_page(request: Request, settings: AppSettings) -> HTMLResponse:
    return help_page(
        request,
        settings,
        "help/feedback.html",
        nav="feedback",
        client_texts=CLIENT_TEXTS,
        category=request.query_params.get("category", ""),
    )
