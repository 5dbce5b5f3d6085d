"""Appeal a ban or restriction. kefu has no appeal workflow of its own yet, so an appeal is a
ticket of type ``appeal`` and category ``account_banned`` (as the bot's appeal flow files it),
created by static/help/appeal.js through POST /api/v1/me/tickets."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.http import AppSettings
from kefu.web.help import texts
from kefu.web.help.layout import ClientTexts, help_page

router = APIRouter(prefix="/help", include_in_schema=False)
CLIENT_TEXTS: ClientTexts = {
    "done": texts.APPEAL_DONE,
    "viewTicket": texts.VIEW_TICKET,
    "subject": texts.APPEAL_SUBJECT,
    "body": texts.APPEAL_BODY,
    "kinds": texts.APPEAL_KINDS,
}


@router.get("/appeal", response_class=HTMLResponse)
def appeal_page(request: Request, settings: AppSettings) -> HTMLResponse:
    return help_page(
        request,
        settings,
        "help/appeal.html",
        nav="appeal",
        client_texts=CLIENT_TEXTS,
        kinds=list(texts.APPEAL_KINDS.items()),
    )
