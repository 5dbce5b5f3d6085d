"""The two languages every user-facing text exists in, and choosing one for a request."""

from __future__ import annotations

from typing import Literal, TypedDict

Locale = Literal["zh-CN", "en"]
LOCALES: tuple[Locale, ...] = ("zh-CN", "en")
DEFAULT_LOCALE: Locale = "en"


class Text(TypedDict):
    """One text in both languages."""

    en: str
    zh: str


def text(en: str, zh: str) -> Text:
    return {"en": en, "zh": zh}


def pick(value: Text, locale: Locale) -> str:
    return value["zh"] if locale == "zh-CN" else value["en"]


def normalize_locale(value: str | None) -> Locale | None:
    """Map a language tag (zh, zh-CN, zh-Hans-CN, en-US, ...) to a supported locale."""
    if not value:
        return None
    tag = value.strip().lower().replace("_", "-")
    if tag.startswith("zh"):
        return "zh-CN"
    if tag.startswith("en"):
        return "en"
    return None


def as_locale(value: str | None) -> Locale:
    """A supported locale for any tag, the default when it names neither."""
    return normalize_locale(value) or DEFAULT_LOCALE


def negotiate(accept_language: str | None, default: Locale = DEFAULT_LOCALE) -> Locale:
    """The best supported locale for an ``Accept-Language`` header, honouring q-values."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, Locale]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        locale = normalize_locale(tag)
        if locale and quality > 0:
            ranked.append((-quality, index, locale))
    return min(ranked)[2] if ranked else default
