"""What every help-centre page shares: the header and navigation, the contact line, and the
words its script needs (as JSON in the page, so no text is hard-coded in JavaScript)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from kefu.config import Settings
from kefu.kit.i18n import Locale, Text, pick
from kefu.knowledge.facts import staffed_hours
from kefu.web.help import texts
from kefu.web.rendering import page_locale, render_page, script_json

ClientTexts = Mapping[str, Text | Mapping[str, Text]]
# Words every help script may need (static/help/identity.js, attachments.js).
SHARED_CLIENT_TEXTS: ClientTexts = {
    "sessionExpired": texts.SESSION_EXPIRED,
    "network": texts.NETWORK_ERROR,
    "uploadFailed": texts.UPLOAD_FAILED,
    "removeFile": texts.REMOVE_FILE,
    "sending": texts.SENDING,
    "loading": texts.LOADING,
}


def contact_line(settings: Settings, locale: Locale) -> str:
    return pick(texts.CONTACT, locale).format(
        hotline=settings.hotline,
        hours=staffed_hours(settings).describe(locale),
        email=settings.support_email,
    )


def client_texts_json(words: ClientTexts, locale: Locale) -> str:
    """The words in ``locale`` as JSON that is safe inside a <script> element."""

    def one(value: Text | Mapping[str, Text]) -> Any:
        if set(value) == {"en", "zh"}:
            return pick(value, locale)  # type: ignore[arg-type]
        return {key: pick(inner, locale) for key, inner in value.items()}  # type: ignore[arg-type]

    merged = {**SHARED_CLIENT_TEXTS, **words}
    return script_json({key: one(value) for key, value in merged.items()})


def help_page(
    request: Request,
    settings: Settings,
    template: str,
    *,
    nav: str,
    client_texts: ClientTexts | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render a help-centre page; ``nav`` names the navigation entry it belongs to."""
    locale = page_locale(request)
    return render_page(
        request,
        template,
        locale,
        texts=texts,
        status_code=status_code,
        nav=nav,
        platform_name=settings.platform_name,
        contact=contact_line(settings, locale),
        client_texts=client_texts_json(client_texts or {}, locale),
        **context,
    )
