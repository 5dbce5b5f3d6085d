"""What articles mean by {{platform_name}}, {{hotline}} and the other placeholders."""

from __future__ import annotations

from kefu.config import Settings
from kefu.kit.hours import DailyHours
from kefu.knowledge.documents import render_placeholders


def staffed_hours(settings: Settings) -> DailyHours:
    return DailyHours.parse(settings.service_hours, settings.service_timezone)


def site_facts(settings: Settings, locale: str) -> dict[str, str]:
    return {
        "platform_name": settings.platform_name,
        "hotline": settings.hotline,
        "support_email": settings.support_email,
        "website": settings.website,
        "service_hours": staffed_hours(settings).describe(locale),
    }


def render(text: str, settings: Settings, locale: str) -> str:
    return render_placeholders(text, site_facts(settings, locale))
