"""Help-centre pages for end users: the article list with search, and one article."""

from __future__ import annotations

import re

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kefu.kit.clock import utcnow
from kefu.kit.http import AppSettings, DbSession
from kefu.kit.i18n import as_locale
from kefu.knowledge import queries
from kefu.knowledge.errors import ArticleNotFound
from kefu.knowledge.facts import render, staffed_hours
from kefu.knowledge.index import current_index
from kefu.knowledge.models import Article
from kefu.knowledge.present import article_url, snippet
from kefu.knowledge.schemas import Slug
from kefu.web.help import texts
from kefu.web.help.layout import contact_line
from kefu.web.help.notices import current_notices
from kefu.web.rendering import markdown_html, page_locale, render_page

router = APIRouter(prefix="/help", include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def home(
    request: Request,
    db: DbSession,
    settings: AppSettings,
    q: str = Query("", max_length=500),
) -> HTMLResponse:
    locale = page_locale(request)
    results = []
    if q.strip():
        for hit in current_index(db).search(q, locale=locale, limit=10):
            results.append(
                {
                    "title": render(hit.passage.title, settings, locale),
                    "heading": render(hit.passage.heading, settings, locale),
                    "snippet": snippet(hit.passage.text, settings, locale),
                    "url": article_url(hit.passage.slug, hit.passage.locale),
                }
            )
    articles = db.scalars(
        queries.public_articles(locale, None).order_by(Article.category, Article.title)
    ).all()
    return render_page(
        request,
        "help/home.html",
        locale,
        texts=texts,
        q=q,
        results=results,
        notices=current_notices(db, locale),
        articles=[
            {"title": render(a.title, settings, locale), "url": article_url(a.slug, a.locale)}
            for a in articles
        ],
        platform_name=settings.platform_name,
        contact=contact_line(settings, locale),
        hotline=settings.hotline,
    )


@router.get("/contact", response_class=HTMLResponse)
def contact(request: Request, settings: AppSettings) -> HTMLResponse:
    """The official contact channels: hotline, service hours, e-mail, website, in-app help."""
    locale = page_locale(request)
    hours = staffed_hours(settings)
    now = utcnow()
    opening = hours.next_opening(now).astimezone(hours.zone)
    return render_page(
        request,
        "help/contact.html",
        locale,
        texts=texts,
        nav="contact",
        platform_name=settings.platform_name,
        contact=contact_line(settings, locale),
        hotline=settings.hotline,
        hotline_dial=re.sub(r"[^\d+]", "", settings.hotline),
        hours=hours.describe(locale),
        timezone=settings.service_timezone,
        open_now=hours.is_open(now),
        next_opening=f"{opening:%Y-%m-%d %H:%M}",
        email=settings.support_email,
        website=settings.website,
    )


@router.get("/articles/{slug}", response_class=HTMLResponse)
def article(request: Request, slug: Slug, db: DbSession, settings: AppSettings) -> HTMLResponse:
    locale = page_locale(request)
    try:
        found = queries.public_article(db, slug, locale)
    except ArticleNotFound:
        return render_page(
            request,
            "help/missing.html",
            locale,
            texts=texts,
            status_code=404,
            platform_name=settings.platform_name,
            contact=contact_line(settings, locale),
        )
    other = next(iter(queries.translations(db, found, public_only=True)), None)
    return render_page(
        request,
        "help/article.html",
        as_locale(found.locale),
        texts=texts,
        title=render(found.title, settings, found.locale),
        body=markdown_html(render(found.body, settings, found.locale)),
        helpful_yes=found.helpful_yes,
        other_url=article_url(slug, other) if other else None,
        platform_name=settings.platform_name,
        contact=contact_line(settings, as_locale(found.locale)),
    )
