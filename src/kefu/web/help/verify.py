""" "Is this really us?" (/help/verify). A plain GET form: the page asks the same service as
GET /api/v1/help/verify and renders the verdict, so it works without JavaScript and a worried
person can share the result's address."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.errors import KefuError
from kefu.kit.http import AppSettings, DbSession
from kefu.verification.present import verdict_out
from kefu.verification.service import Kind, verify
from kefu.web.help import texts
from kefu.web.help.layout import help_page
from kefu.web.rendering import page_locale

router = APIRouter(prefix="/help", include_in_schema=False)


@router.get("/verify", response_class=HTMLResponse)
def verify_page(request: Request, db: DbSession, settings: AppSettings) -> HTMLResponse:
    locale = page_locale(request)
    raw_kind = request.query_params.get("kind", "phone")
    kind = Kind(raw_kind) if raw_kind in Kind.__members__ else Kind.phone
    value = request.query_params.get("value")
    result, error = None, None
    if value is not None:
        try:
            result = verdict_out(verify(db, settings, kind, value[:2000]), locale)
        except KefuError as exc:
            error = exc.message(locale)
    return help_page(
        request,
        settings,
        "help/verify.html",
        nav="verify",
        status_code=422 if error else 200,
        kinds=list(texts.VERIFY_KINDS.items()),
        kind=kind.value,
        value=value or "",
        result=result,
        error=error,
        hotline=settings.hotline,
        email=settings.support_email,
        website=settings.website,
    )
