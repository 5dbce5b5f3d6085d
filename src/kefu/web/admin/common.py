"""What every admin page shares: the sub-navigation, the words its script needs, times."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from kefu.auth.actors import StaffActor
from kefu.kit.i18n import Locale, Text
from kefu.web.admin import texts
from kefu.web.desk.pages import render_desk
from kefu.web.desk.session import Viewer, desk_locale
from kefu.web.rendering import localized, script_json

# (key, path, label) of the admin sub-navigation; macros are their own package's page.
SECTIONS: tuple[tuple[str, str, Text], ...] = (
    ("overview", "/desk/admin", texts.NAV_OVERVIEW),
    ("staff", "/desk/admin/staff", texts.NAV_STAFF),
    ("teams", "/desk/admin/teams", texts.NAV_TEAMS),
    ("categories", "/desk/admin/categories", texts.NAV_CATEGORIES),
    ("macros", "/desk/admin/macros", texts.NAV_MACROS),
    ("kb", "/desk/admin/kb", texts.NAV_KB),
    ("tokens", "/desk/admin/api-tokens", texts.NAV_TOKENS),
)


def when(value: datetime | None) -> str:
    """A time as admins read it in tables: UTC to the minute."""
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def render_admin(
    request: Request,
    template: str,
    staff: StaffActor,
    *,
    section: str,
    client_texts: dict[str, Text] | None = None,
    **context: Any,
) -> HTMLResponse:
    """An admin page: the desk shell with "Admin" active, the sub-navigation with ``section``
    current, and ``client_texts`` put in the page, in its language, for its script."""
    locale: Locale = desk_locale(request, Viewer.of(staff))
    words = localized(client_texts or {}, locale)
    return render_desk(
        request,
        template,
        staff,
        texts=texts,
        active="admin",
        locale=locale,
        sections=SECTIONS,
        section=section,
        client_texts=script_json(words),
        when=when,
        **context,
    )
