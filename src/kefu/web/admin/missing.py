"""The admin pages' answer for an id that names nothing: the shell's 404 page."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from kefu.auth.actors import StaffActor
from kefu.web.desk import texts as shell
from kefu.web.desk.pages import render_desk


def not_found(request: Request, staff: StaffActor) -> HTMLResponse:
    return render_desk(
        request,
        "desk/message.html",
        staff,
        texts=shell,
        active="admin",
        status_code=404,
        title=shell.NOT_FOUND_TITLE,
        message=shell.NOT_FOUND,
    )
