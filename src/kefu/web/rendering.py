"""Server-rendered pages: Jinja2 templates, markdown turned into safe HTML, the reader's locale."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kefu.kit.i18n import Locale, Text, negotiate, normalize_locale, pick
from kefu.kit.markdown import markdown_html as markdown_html  # re-exported for the pages

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"])
)


def script_json(value: object) -> str:
    """JSON for a <script type="application/json"> element: "<" escaped, so no text in it can
    close the element it sits in."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def localized(names: Mapping[str, Text], locale: Locale) -> dict[str, str]:
    """Each bilingual text of ``names`` in ``locale``: the words a page's script needs."""
    return {key: pick(value, locale) for key, value in names.items()}


def page_locale(request: Request) -> Locale:
    """``?lang=`` wins, then the browser's Accept-Language."""
    return normalize_locale(request.query_params.get("lang")) or negotiate(
        request.headers.get("accept-language")
    )


def render_page(
    request: Request,
    template: str,
    locale: Locale,
    *,
    texts: ModuleType,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render ``template``; ``texts`` is the area's module of bilingual words (``t(texts.X)``)."""

    def t(value: Text, **params: Any) -> str:
        return pick(value, locale).format(**params)

    html = _environment.get_template(template).render(
        request=request, locale=locale, t=t, texts=texts, **context
    )
    return HTMLResponse(html, status_code=status_code)
