"""Reading articles: by slug for readers, by id for staff, and pages of them."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor
from kefu.knowledge.errors import ArticleNotFound
from kefu.knowledge.models import Article, ArticleStatus, Visibility


def public_article(db: Session, slug: str, locale: str) -> Article:
    """A published public article, in the asked locale or else in any other."""
    rows = db.scalars(
        select(Article).where(
            Article.slug == slug,
            Article.status == ArticleStatus.published,
            Article.visibility == Visibility.public,
        )
    ).all()
    if not rows:
        raise ArticleNotFound()
    return next((row for row in rows if row.locale == locale), rows[0])


def translations(db: Session, article: Article, *, public_only: bool) -> list[str]:
    query = select(Article.locale).where(Article.slug == article.slug, Article.id != article.id)
    if public_only:
        query = query.where(
            Article.status == ArticleStatus.published, Article.visibility == Visibility.public
        )
    return sorted(db.scalars(query))


def staff_article(db: Session, article_id: int, *, for_update: bool = False) -> Article:
    query = select(Article).where(Article.id == article_id)
    article = db.scalar(query.with_for_update() if for_update else query)
    if article is None:
        raise ArticleNotFound()
    return article


def page(
    db: Session, query: Select[Article], *, limit: int, cursor: str | None
) -> tuple[list[Article], str | None]:
    """Articles in id order, ``limit`` at a time."""
    if cursor:
        after = decode_cursor(cursor).get("id")
        if not isinstance(after, int):
            raise InvalidCursor()
        query = query.where(Article.id > after)
    rows = list(db.scalars(query.order_by(Article.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor({"id": rows[-1].id}) if more and rows else None


def public_articles(locale: str | None, category: str | None) -> Select[Article]:
    query = select(Article).where(
        Article.status == ArticleStatus.published, Article.visibility == Visibility.public
    )
    if locale:
        query = query.where(Article.locale == locale)
    if category:
        query = query.where(Article.category == category)
    return query
