"""/desk/admin/kb: the knowledge base as editors work on it: a filtered list, and one article
with a live preview, publishing, its translation and its revisions. Saving goes through
/api/v1/kb; the preview through POST /api/v1/kb/preview (the help centre's own rendering)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from kefu.auth.models import StaffUser
from kefu.kit.http import DbSession
from kefu.kit.pagination import InvalidCursor
from kefu.kit.types import Id
from kefu.knowledge import queries
from kefu.knowledge.errors import ArticleNotFound
from kefu.knowledge.models import Article, ArticleRevision
from kefu.knowledge.present import article_url
from kefu.triage.taxonomy import CATEGORIES
from kefu.web.admin import texts
from kefu.web.admin.common import render_admin
from kefu.web.desk.pages import not_found_page
from kefu.web.desk.session import Admin

router = APIRouter()
LOCALES = ("zh-CN", "en")
STATUSES = ("draft", "published", "archived")
PAGE_SIZE = 50
# What a save tells the editor after the page reloads (?done=...).
OUTCOMES = {
    "created": texts.ARTICLE_CREATED,
    "saved": texts.SAVED,
    "published": texts.PUBLISHED,
    "unpublished": texts.UNPUBLISHED,
    "archived": texts.ARCHIVED,
}
EDITOR_TEXTS = {
    "saving": texts.SAVING,
    "previewEmpty": texts.PREVIEW_EMPTY,
    "revisionLoaded": texts.REVISION_LOADED,
}


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    """A filter value from the address bar, or nothing when it names no option."""
    return value if value in allowed else ""


@router.get("/kb", response_class=HTMLResponse)
def article_list(
    request: Request,
    db: DbSession,
    staff: Admin,
    q: str = Query("", max_length=200),
    locale: str = Query("", max_length=8),
    status: str = Query("", max_length=16),
    category: str = Query("", max_length=48),
    cursor: str = Query("", max_length=500),
) -> HTMLResponse:
    keys = tuple(c.key for c in CATEGORIES)
    filters = {
        "q": q.strip(),
        "locale": _choice(locale, LOCALES),
        "status": _choice(status, STATUSES),
        "category": _choice(category, keys),
    }
    query = queries.staff_articles(
        locale=filters["locale"] or None,
        status=filters["status"] or None,
        category=filters["category"] or None,
        text=filters["q"] or None,
    )
    try:
        rows, next_cursor = queries.page(db, query, limit=PAGE_SIZE, cursor=cursor or None)
    except InvalidCursor:  # a stale or edited link: start from the first page
        rows, next_cursor = queries.page(db, query, limit=PAGE_SIZE, cursor=None)
    return render_admin(
        request,
        "admin/kb.html",
        staff,
        section="kb",
        articles=rows,
        next_cursor=next_cursor,
        filters=filters,
        locales=LOCALES,
        statuses=STATUSES,
        categories=CATEGORIES,
        category_names={c.key: c.name for c in CATEGORIES},
    )


def _editor(request: Request, staff: Admin, **context: object) -> HTMLResponse:
    done = request.query_params.get("done", "")
    return render_admin(
        request,
        "admin/kb_edit.html",
        staff,
        section="kb",
        client_texts=EDITOR_TEXTS,
        outcome=OUTCOMES.get(done),
        locales=LOCALES,
        categories=CATEGORIES,
        **context,
    )


@router.get("/kb/new", response_class=HTMLResponse)
def new_article(
    request: Request,
    db: DbSession,
    staff: Admin,
    source: int = Query(0, ge=0, le=2**31 - 1, alias="from"),
) -> HTMLResponse:
    """A blank article; ``?from=<id>`` starts the other language's translation of one."""
    original = db.get(Article, source) if source else None
    draft = {
        "slug": original.slug if original else "",
        "locale": (next(lo for lo in LOCALES if lo != original.locale) if original else "zh-CN"),
        "category": original.category if original else None,
        "visibility": original.visibility if original else "public",
        "tags": original.tags if original else [],
    }
    return _editor(request, staff, article=None, draft=draft, original=original)


@router.get("/kb/{article_id}", response_class=HTMLResponse)
def edit_article(request: Request, article_id: Id, db: DbSession, staff: Admin) -> HTMLResponse:
    try:
        article = queries.staff_article(db, article_id)
    except ArticleNotFound:
        return not_found_page(request, staff, active="admin")
    revisions = list(
        db.scalars(
            select(ArticleRevision)
            .where(ArticleRevision.article_id == article.id)
            .order_by(ArticleRevision.version.desc())
        )
    )
    editor_ids = {r.edited_by_staff_id for r in revisions if r.edited_by_staff_id}
    editors = dict(
        db.execute(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(editor_ids))).all()
    )
    other = next(lo for lo in LOCALES if lo != article.locale)
    return _editor(
        request,
        staff,
        article=article,
        draft=None,
        original=None,
        revisions=revisions,
        editors=editors,
        other_locale=other,
        translation_id=queries.translation_ids(db, article).get(other),
        help_url=article_url(article.slug, article.locale),
    )
