"""Current announcements as the pages show them (help centre home, chat)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kefu.announcements import service as announcements
from kefu.kit.i18n import Locale
from kefu.web.rendering import markdown_html


def current_notices(db: Session, locale: Locale) -> list[dict[str, Any]]:
    notices = []
    for row in announcements.current(db):
        title, body = announcements.localized(row, locale)
        notices.append(
            {
                "id": row.id,
                "kind": row.kind,
                "pinned": row.pinned,
                "title": title,
                "body": markdown_html(body),
                "date": row.starts_at.date().isoformat(),
            }
        )
    return notices
