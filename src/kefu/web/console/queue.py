"""The console's home, ``/desk``: the views with their counts beside the ticket list.

The first page of the list is rendered here from the same queries the API answers with, so the
page paints at once; ``static/console/queue.js`` then takes over (filters, sorting, paging, live
updates, shortcuts) through ``GET /api/v1/views`` and ``GET /api/v1/tickets``.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError
from sqlalchemy import select
from starlette.datastructures import QueryParams

from kefu.auth.actors import StaffActor
from kefu.auth.models import StaffUser, Team
from kefu.kit.http import DbSession
from kefu.kit.i18n import Locale, pick
from kefu.kit.types import parse_id
from kefu.tickets import queries
from kefu.tickets.present import present_tickets
from kefu.tickets.view_schemas import ViewFilters, ViewOut, ViewsOut
from kefu.tickets.views import present_views, ticket_filters
from kefu.triage.taxonomy import CATEGORIES
from kefu.web.console import texts
from kefu.web.desk.pages import render_desk
from kefu.web.desk.session import PageStaff, Viewer, desk_locale
from kefu.web.rendering import localized, script_json

PAGE_SIZE = 25
FILTER_KEYS = (
    "status",
    "priority",
    "team",
    "assignee",
    "category",
    "channel",
    "locale",
    "tag",
    "needs_triage",
    "q",
    "sort",
    "order",
)
# Words the script needs, sent along as JSON (never English hard-coded in JavaScript).
CLIENT_TEXTS = {
    "unassigned": texts.UNASSIGNED,
    "anonymous": texts.ANONYMOUS,
    "empty": texts.EMPTY,
    "emptyFiltered": texts.EMPTY_FILTERED,
    "liveOn": texts.LIVE_ON,
    "liveOff": texts.LIVE_OFF,
    "newRow": texts.NEW_ROW,
    "awaitingReply": texts.AWAITING_REPLY,
    "customView": texts.CUSTOM_VIEW,
    "tableCaption": texts.TABLE_CAPTION,
    "countLabel": texts.COUNT_LABEL,
    "filters": texts.FILTERS,
    "filtersActive": texts.FILTERS_ACTIVE,
    "page": texts.PAGE,
    "sharedWith": texts.SHARED_WITH,
    "sharedBy": texts.SHARED_BY,
    "rename": texts.RENAME,
    "renameView": texts.RENAME_VIEW,
    "delete": texts.DELETE,
    "deleteView": texts.DELETE_VIEW,
    "confirmDelete": texts.CONFIRM_DELETE,
    "noSavedViews": texts.NO_SAVED_VIEWS,
    "viewSaved": texts.VIEW_SAVED,
    "viewDeleted": texts.VIEW_DELETED,
    "saveViewTitle": texts.SAVE_VIEW_TITLE,
    "renameViewTitle": texts.RENAME_VIEW_TITLE,
}


def url_filters(params: QueryParams) -> ViewFilters | None:
    """The filter spelled out in the page's address (as the script writes it), if any and valid."""
    raw: dict[str, Any] = {}
    for key in FILTER_KEYS:
        if key not in params:
            continue
        values = [v for v in params.getlist(key) if v]
        if key in ("status", "priority"):
            raw[key] = values
        elif not values:
            continue
        elif key in ("team", "assignee") and parse_id(values[-1]) is not None:
            raw[key] = parse_id(values[-1])
        elif key == "needs_triage":
            raw[key] = {"true": True, "false": False}.get(values[-1])
        else:
            raw[key] = values[-1]
    if not any(key in params for key in FILTER_KEYS):
        return None
    try:
        return ViewFilters.model_validate(raw)
    except ValidationError:
        return None  # a hand-edited address falls back to the view rather than failing


def _all_views(views: ViewsOut) -> list[ViewOut]:
    return views.builtin + views.saved


def choose_view(views: ViewsOut, wanted: str | None) -> ViewOut:
    """The view asked for; else Mine when it holds anything, else All open."""
    by_key = {view.key: view for view in _all_views(views)}
    if wanted in by_key:
        return by_key[wanted]
    mine, all_open = by_key["mine"], by_key["all_open"]
    return mine if mine.count else all_open


def _labels(locale: Locale, teams: list[Team]) -> dict[str, dict[str, str]]:
    return {
        "status": localized(texts.STATUS_NAMES, locale),
        "priority": localized(texts.PRIORITY_NAMES, locale),
        "channel": localized(texts.CHANNEL_NAMES, locale),
        "category": {c.key: pick(c.name, locale) for c in CATEGORIES},
        "team": {str(t.id): t.name_zh if locale == "zh-CN" else t.name_en for t in teams},
    }


def queue_page(request: Request, db: DbSession, staff: PageStaff) -> HTMLResponse:
    """``GET /desk`` (registered in console/__init__.py: an included router cannot have both
    an empty prefix and an empty path)."""
    locale = desk_locale(request, Viewer.of(staff))
    views = present_views(db, staff, locale)
    view = choose_view(views, request.query_params.get("view"))
    filters = url_filters(request.query_params) or view.filters
    rows, next_cursor = _first_page(db, staff, filters)
    teams = list(db.scalars(select(Team).order_by(Team.id)))
    staff_list = db.execute(  # names for the assignee filter; no need for whole rows
        select(StaffUser.id, StaffUser.name)
        .where(StaffUser.is_active.is_(True))
        .order_by(StaffUser.name)
    ).all()
    labels = _labels(locale, teams)
    state = {
        "views": views.model_dump(mode="json"),
        "view": view.key,
        "filters": filters.model_dump(mode="json"),
        "nextCursor": next_cursor,
        "pageSize": PAGE_SIZE,
        "me": staff.user.id,
        "labels": labels,
        "texts": localized(CLIENT_TEXTS, locale),
    }
    return render_desk(
        request,
        "console/queue.html",
        staff,
        texts=texts,
        active="console",
        locale=locale,
        views=views,
        view=view,
        filters=filters,
        modified=filters != view.filters,
        rows=present_tickets(db, rows),
        next_cursor=next_cursor,
        labels=labels,
        teams=teams,
        my_teams=[t for t in teams if t.id in staff.team_ids],
        staff_list=staff_list,
        categories=CATEGORIES,
        languages=texts.LANGUAGE_NAMES,
        sort=filters.sort or "updated_at",
        order=filters.order or "desc",
        state=script_json(state),
    )


def _first_page(
    db: DbSession, staff: StaffActor, filters: ViewFilters
) -> tuple[list[Any], str | None]:
    return queries.list_tickets(
        db,
        queries.visible_to(staff),
        ticket_filters(filters, staff),
        sort=filters.sort or "updated_at",
        order=filters.order or "desc",
        limit=PAGE_SIZE,
    )
