"""The chat page (stand-alone, or inside the widget's frame); the talking is done by
static/chat/chat.js over /api/v1/chat/ws."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.http import AppSettings, DbSession
from kefu.web.help import texts
from kefu.web.help.layout import contact_line
from kefu.web.help.notices import current_notices
from kefu.web.rendering import localized, page_locale, render_page, script_json

router = APIRouter(include_in_schema=False)
CLIENT_TEXTS = {
    "log": texts.CHAT_LOG,
    "connecting": texts.CHAT_CONNECTING,
    "reconnecting": texts.CHAT_RECONNECTING,
    "typing": texts.CHAT_TYPING,
    "sending": texts.CHAT_SENDING,
    "case": texts.CHAT_CASE,
    "bot": texts.CHAT_BOT,
    "agent": texts.CHAT_AGENT,
    "you": texts.CHAT_YOU,
    "uploadFailed": texts.CHAT_UPLOAD_FAILED,
}


@router.get("/chat", response_class=HTMLResponse)
def chat_page(request: Request, db: DbSession, settings: AppSettings) -> HTMLResponse:
    locale = page_locale(request)
    return render_page(
        request,
        "help/chat.html",
        locale,
        texts=texts,
        nav="chat",
        platform_name=settings.platform_name,
        notices=current_notices(db, locale),
        embedded=request.query_params.get("embed") == "1",
        client_texts=script_json(localized(CLIENT_TEXTS, locale)),
        contact=contact_line(settings, locale),
    )
