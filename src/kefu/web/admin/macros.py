"""The macros management page (/desk/admin/macros) for supervisors and admins; the page's
script reads and writes /api/v1/macros."""

from __future__ import annotations

from typing import get_args

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.i18n import pick
from kefu.macros.placeholders import KNOWN
from kefu.tickets.schemas import SettableStatus
from kefu.web.admin import macros_texts as texts
from kefu.web.console.texts import PRIORITY_NAMES, STATUS_NAMES
from kefu.web.desk.pages import render_desk
from kefu.web.desk.session import Supervisor, Viewer, desk_locale
from kefu.web.rendering import localized, script_json

router = APIRouter(include_in_schema=False)
SETTABLE: tuple[str, ...] = get_args(SettableStatus)


@router.get("/macros", response_class=HTMLResponse)
def macros_page(request: Request, staff: Supervisor) -> HTMLResponse:
    viewer = Viewer.of(staff)
    locale = desk_locale(request, viewer)
    statuses = {key: pick(STATUS_NAMES[key], locale) for key in SETTABLE}
    priorities = localized(PRIORITY_NAMES, locale)
    client = {
        "texts": localized(texts.CLIENT_TEXTS, locale),
        "statuses": statuses,
        "priorities": priorities,
    }
    return render_desk(
        request,
        "admin/macros.html",
        viewer,
        texts=texts,
        active="admin" if viewer.role == "admin" else "macros",
        locale=locale,
        statuses=statuses,
        priorities=priorities,
        placeholders=KNOWN,
        client=script_json(client),
    )
