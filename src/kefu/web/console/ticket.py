"""The ticket page (/desk/tickets/{number}): the conversation, the side panels and every action
an agent takes on one ticket. The server checks visibility and embeds the ticket as the page
first shows it; static/console/ticket.js reads and changes everything else through the API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.http import DbSession
from kefu.kit.i18n import Locale, pick
from kefu.kit.types import parse_id
from kefu.tickets import queries
from kefu.tickets.errors import TicketForbidden, TicketNotFound
from kefu.tickets.present import present_detail
from kefu.tickets.status import TRANSITIONS
from kefu.triage.taxonomy import CATEGORIES
from kefu.web.console import texts
from kefu.web.desk.pages import not_found_page, render_desk
from kefu.web.desk.session import PageStaff, Viewer, desk_locale
from kefu.web.rendering import localized, script_json

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


def page_data(locale: Locale) -> dict[str, Any]:
    """Reference words and choices the page's scripts need, in the page's language."""
    return {
        "texts": localized(texts.CLIENT_TEXTS, locale),
        "statuses": localized(texts.STATUS_NAMES, locale),
        "priorities": localized(texts.PRIORITY_NAMES, locale),
        "channels": localized(texts.CHANNEL_NAMES, locale),
        "events": localized(texts.EVENT_NAMES, locale),
        "fields": localized(texts.FIELD_NAMES, locale),
        "facts": localized(FACT_LABELS, locale),
        "signals": localized(texts.SIGNAL_NAMES, locale),
        "reasons": localized(texts.REASON_NAMES, locale),
        "categories": {c.key: pick(c.name, locale) for c in CATEGORIES},
        # Which statuses an agent may choose from each status ("closed" is kefu's to set).
        "transitions": {
            str(old): sorted(str(s) for s in new if s != "closed")
            for old, new in TRANSITIONS.items()
        },
    }


@router.get("/tickets/{number}", response_class=HTMLResponse)
def ticket_page(request: Request, number: str, db: DbSession, staff: PageStaff) -> HTMLResponse:
    parsed = parse_id(number)
    if parsed is None:
        return not_found_page(request, staff, active="console")
    try:
        ticket = queries.ticket_for_staff(db, staff, parsed)
    except (TicketNotFound, TicketForbidden):
        # Another team's ticket looks exactly like a missing one: its subject never leaks.
        return not_found_page(request, staff, active="console")
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
        initial=script_json(
            {
                "ticket": detail.model_dump(mode="json"),
                "me": {"id": viewer.id, "name": viewer.name, "role": viewer.role},
                **page_data(locale),
            }
        ),
    )
