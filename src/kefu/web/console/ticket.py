"""The ticket page (/desk/tickets/{number}): the conversation, the side panels and every action
an agent takes on one ticket. The server checks visibility and embeds the ticket as the page
first shows it; static/console/ticket.js reads and changes everything else through the API."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.http import DbSession
from kefu.kit.i18n import Locale, Text, pick
from kefu.kit.types import parse_id
from kefu.tickets import queries
from kefu.tickets.errors import TicketForbidden, TicketNotFound
from kefu.tickets.present import present_detail
from kefu.tickets.status import TRANSITIONS
from kefu.triage.taxonomy import CATEGORIES
from kefu.web.console import texts
from kefu.web.desk import texts as shell
from kefu.web.desk.pages import render_desk
from kefu.web.desk.session import PageStaff, Viewer, desk_locale

router = APIRouter(include_in_schema=False)
FACT_LABELS = {
    "status": texts.STATUS,
    "priority": texts.PRIORITY,
    "category": texts.CATEGORY,
    "team": texts.TEAM,
    "assignee": texts.ASSIGNEE,
    "channel": texts.CHANNEL,
    "language": texts.LANGUAGE,
    "tags": texts.TAGS,
    "created": texts.CREATED,
    "updated": texts.UPDATED,
    "noTeam": texts.NO_TEAM,
    "unassigned": texts.UNASSIGNED,
}


def _json(value: Any) -> str:
    """JSON for a <script type="application/json"> element: "<" escaped, so no text can end it."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def _names(names: dict[str, Text], locale: Locale) -> dict[str, str]:
    return {key: pick(value, locale) for key, value in names.items()}


def page_data(locale: Locale) -> dict[str, Any]:
    """Reference words and choices the page's scripts need, in the page's language."""
    return {
        "texts": _names(texts.CLIENT_TEXTS, locale),
        "statuses": _names(texts.STATUS_NAMES, locale),
        "priorities": _names(texts.PRIORITY_NAMES, locale),
        "channels": _names(texts.CHANNEL_NAMES, locale),
        "events": _names(texts.EVENT_NAMES, locale),
        "fields": _names(texts.FIELD_NAMES, locale),
        "facts": _names(FACT_LABELS, locale),
        "signals": _names(texts.SIGNAL_NAMES, locale),
        "reasons": _names(texts.REASON_NAMES, locale),
        "categories": {c.key: pick(c.name, locale) for c in CATEGORIES},
        # Which statuses an agent may choose from each status ("closed" is kefu's to set).
        "transitions": {
            str(old): sorted(str(s) for s in new if s != "closed")
            for old, new in TRANSITIONS.items()
        },
    }


def _not_found(request: Request, staff: PageStaff) -> HTMLResponse:
    return render_desk(
        request,
        "desk/message.html",
        staff,
        texts=shell,
        active="console",
        status_code=404,
        title=shell.NOT_FOUND_TITLE,
        message=shell.NOT_FOUND,
    )


@router.get("/tickets/{number}", response_class=HTMLResponse)
def ticket_page(request: Request, number: str, db: DbSession, staff: PageStaff) -> HTMLResponse:
    parsed = parse_id(number)
    if parsed is None:
        return _not_found(request, staff)
    try:
        ticket = queries.ticket_for_staff(db, staff, parsed)
    except (TicketNotFound, TicketForbidden):
        # Another team's ticket looks exactly like a missing one: its subject never leaks.
        return _not_found(request, staff)
    detail = present_detail(db, ticket)
    viewer = Viewer.of(staff)
    locale = desk_locale(request, viewer)
    return render_desk(
        request,
        "console/ticket.html",
        viewer,
        texts=texts,
        active="console",
        locale=locale,
        ticket=detail,
        initial=_json(
            {
                "ticket": detail.model_dump(mode="json"),
                "me": {"id": viewer.id, "name": viewer.name, "role": viewer.role},
                **page_data(locale),
            }
        ),
    )
