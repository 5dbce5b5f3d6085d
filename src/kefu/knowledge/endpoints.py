"""The knowledge base over HTTP: the public help centre, readers' votes, and staff editing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import select

from kefu.auth.actors import StaffActor
from kefu.auth.deps import CurrentContact, CurrentStaff, require_staff
from kefu.auth.models import Role
from kefu.kit.http import AppSettings, DbSession, RequestLocale
from kefu.kit.i18n import normalize_locale
from kefu.kit.markdown import markdown_html
from kefu.kit.types import Id
from kefu.knowledge import present, queries, service
from kefu.knowledge.documents import ArticleDocument
from kefu.knowledge.facts import render
from kefu.knowledge.index import current_index
from kefu.knowledge.models import ArticleRevision
from kefu.knowledge.schemas import (
    ArticleOut,
    ArticlePage,
    LocaleIn,
    PreviewIn,
    PreviewOut,
    RevisionOut,
    SearchOut,
    Slug,
    StaffArticleIn,
    StaffArticleOut,
    StaffArticlePage,
    StaffArticlePatch,
    StaffSearchHitOut,
    Status,
    Visibility,
    VoteIn,
    VoteOut,
)
from kefu.triage.language import detect_language

help_router = APIRouter(prefix="/api/v1/help", tags=["help centre"])
reader_router = APIRouter(prefix="/api/v1/me/help", tags=["help centre"])
staff_router = APIRouter(prefix="/api/v1/kb", tags=["knowledge base (staff)"])

Editor = Annotated[StaffActor, Depends(require_staff(Role.supervisor, Role.admin))]
Query_ = Annotated[str, Query(min_length=1, max_length=500, description="What to look for.")]
Limit = Annotated[int, Query(ge=1, le=100)]


def query_locale(query: str, asked: str | None, fallback: str) -> str:
    """The locale to search in: the one asked for, else the query's own language."""
    if asked:
        return asked
    language, _ = detect_language(query)
    return normalize_locale(language) or fallback


@help_router.get("/articles", response_model=ArticlePage, summary="Browse published articles")
def list_articles(
    db: DbSession,
    settings: AppSettings,
    locale: LocaleIn | None = None,
    category: str | None = Query(None, max_length=48),
    limit: Limit = 50,
    cursor: str | None = Query(None, max_length=500),
) -> ArticlePage:
    rows, next_cursor = queries.page(
        db, queries.public_articles(locale, category), limit=limit, cursor=cursor
    )
    return ArticlePage(
        items=[present.summary(row, settings) for row in rows], next_cursor=next_cursor
    )


@help_router.get("/articles/{slug}", response_model=ArticleOut, summary="Read an article")
def read_article(
    slug: Slug,
    db: DbSession,
    settings: AppSettings,
    reader: RequestLocale,
    lang: LocaleIn | None = None,
) -> ArticleOut:
    article = queries.public_article(db, slug, lang or reader)
    return present.full(article, settings, queries.translations(db, article, public_only=True))


@help_router.get("/search", response_model=SearchOut, summary="Search the help centre")
def search(
    q: Query_,
    db: DbSession,
    settings: AppSettings,
    reader: RequestLocale,
    locale: LocaleIn | None = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> SearchOut:
    searched = query_locale(q, locale, reader)
    hits = current_index(db).search(q, locale=searched, limit=limit)
    return SearchOut(query=q, locale=searched, hits=[present.hit(h, settings) for h in hits])


@reader_router.put(
    "/articles/{slug}/vote", response_model=VoteOut, summary="Say whether an article helped"
)
def vote(
    slug: Slug,
    body: VoteIn,
    db: DbSession,
    actor: CurrentContact,
    reader: RequestLocale,
    lang: LocaleIn | None = None,
) -> VoteOut:
    article = queries.public_article(db, slug, lang or reader)
    article = queries.staff_article(db, article.id, for_update=True)
    service.vote(db, article, actor.contact, body.helpful)
    db.refresh(article)
    return VoteOut(helpful_yes=article.helpful_yes, helpful_no=article.helpful_no)


@staff_router.get("/articles", response_model=StaffArticlePage, summary="Every article")
def staff_list(
    db: DbSession,
    _: CurrentStaff,
    locale: LocaleIn | None = None,
    status: Status | None = None,
    visibility: Visibility | None = None,
    category: str | None = Query(None, max_length=48),
    q: str | None = Query(None, max_length=200, description="Text in the title or slug."),
    limit: Limit = 50,
    cursor: str | None = Query(None, max_length=500),
) -> StaffArticlePage:
    query = queries.staff_articles(
        locale=locale, status=status, visibility=visibility, category=category, text=q
    )
    rows, next_cursor = queries.page(db, query, limit=limit, cursor=cursor)
    return StaffArticlePage(
        items=[StaffArticleOut.model_validate(row) for row in rows], next_cursor=next_cursor
    )


@staff_router.post(
    "/articles", response_model=StaffArticleOut, status_code=201, summary="Write an article"
)
def staff_create(body: StaffArticleIn, db: DbSession, actor: Editor) -> StaffArticleOut:
    article = service.create_article(db, ArticleDocument(**body.model_dump()), actor)
    return StaffArticleOut.model_validate(article)


@staff_router.post(
    "/preview",
    response_model=PreviewOut,
    summary="Render article markdown as the help centre will show it",
)
def staff_preview(body: PreviewIn, settings: AppSettings, _: Editor) -> PreviewOut:
    return PreviewOut(html=markdown_html(render(body.body, settings, body.locale)))


@staff_router.get("/articles/{article_id}", response_model=StaffArticleOut, summary="One article")
def staff_read(article_id: Id, db: DbSession, _: CurrentStaff) -> StaffArticleOut:
    return StaffArticleOut.model_validate(queries.staff_article(db, article_id))


@staff_router.patch(
    "/articles/{article_id}", response_model=StaffArticleOut, summary="Edit, publish or archive"
)
def staff_update(
    article_id: Id, body: StaffArticlePatch, db: DbSession, actor: Editor
) -> StaffArticleOut:
    article = queries.staff_article(db, article_id, for_update=True)
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    changes = {k: v for k, v in changes.items() if v is not None or k == "category"}
    service.update_article(db, article, changes, actor, expected_version=body.version)
    return StaffArticleOut.model_validate(article)


@staff_router.delete("/articles/{article_id}", status_code=204, summary="Delete an article")
def staff_delete(article_id: Id, db: DbSession, actor: Editor) -> Response:
    service.delete_article(db, queries.staff_article(db, article_id, for_update=True), actor)
    return Response(status_code=204)


@staff_router.get(
    "/articles/{article_id}/revisions",
    response_model=list[RevisionOut],
    summary="Every saved version, newest first",
)
def staff_revisions(article_id: Id, db: DbSession, _: CurrentStaff) -> list[RevisionOut]:
    article = queries.staff_article(db, article_id)
    rows = db.scalars(
        select(ArticleRevision)
        .where(ArticleRevision.article_id == article.id)
        .order_by(ArticleRevision.version.desc())
    )
    return [RevisionOut.model_validate(row) for row in rows]


@staff_router.get(
    "/search", response_model=list[StaffSearchHitOut], summary="Search, agent-only articles too"
)
def staff_search(
    q: Query_,
    db: DbSession,
    settings: AppSettings,
    actor: CurrentStaff,
    locale: LocaleIn | None = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[StaffSearchHitOut]:
    searched = query_locale(q, locale, actor.user.locale)
    hits = current_index(db).search(q, locale=searched, audience="staff", limit=limit)
    return [present.staff_hit(h, settings) for h in hits]
