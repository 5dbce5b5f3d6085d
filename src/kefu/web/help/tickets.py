"""My tickets and one ticket: the pages are shells; static/help/tickets.js and ticket.js read
/api/v1/me/tickets with the visitor's identity (which lives in the browser, not in a cookie)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.http import AppSettings
from kefu.kit.types import Id
from kefu.web.help import texts
from kefu.web.help.layout import ClientTexts, help_page

router = APIRouter(prefix="/help/tickets", include_in_schema=False)
LIST_TEXTS: ClientTexts = {"status": texts.STATUS_NAMES, "updated": texts.UPDATED}
TICKET_TEXTS: ClientTexts = {
    "status": texts.STATUS_NAMES,
    "title": texts.TICKET_TITLE,
    "historyCreated": texts.HISTORY_CREATED,
    "historyStatus": texts.HISTORY_STATUS,
    "historyRated": texts.HISTORY_RATED,
    "historyFollowUp": texts.HISTORY_FOLLOW_UP,
    "fromYou": texts.FROM_YOU,
    "fromAgent": texts.FROM_AGENT,
    "fromSystem": texts.FROM_SYSTEM,
    "mergedInto": texts.MERGED_INTO,
    "followUpOf": texts.FOLLOW_UP_OF,
    "followUp": texts.REPLY_FOLLOW_UP,
    "openFile": texts.OPEN_FILE,
    "ratingThanks": texts.RATING_THANKS,
    "ratingCurrent": texts.RATING_CURRENT,
    "ratingChoose": texts.RATING_CHOOSE,
    "good": texts.RATING_GOOD,
    "bad": texts.RATING_BAD,
    "notFound": texts.TICKET_NOT_FOUND,
}


@router.get("", response_class=HTMLResponse)
def my_tickets(request: Request, settings: AppSettings) -> HTMLResponse:
    return help_page(request, settings, "help/tickets.html", nav="tickets", client_texts=LIST_TEXTS)


@router.get("/{number}", response_class=HTMLResponse)
def one_ticket(number: Id, request: Request, settings: AppSettings) -> HTMLResponse:
    return help_page(
        request,
        settings,
        "help/ticket.html",
        nav="tickets",
        client_texts=TICKET_TEXTS,
        number=number,
        steps=list(texts.STEPS.items()),
    )
