"""Reading articles: by slug for readers, by id for staff, and pages of them."""

from __future__ import annotations

from sqlalchemy import Select, func, or_, select
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


def staff_articles(
    *,
    locale: str | None = None,
    status: str | None = None,
    visibility: str | None = None,
    category: str | None = None,
    text: str | None = None,
) -> Select[Article]:
    """Every article matching the editors' filters; ``text`` is found in the title or slug
    (a substring, any case): editors look for an article they know, not for an answer."""
    query = select(Article)
    if locale:
        query = query.where(Article.locale == locale)
    if status:
        query = query.where(Article.status == status)
    if visibility:
        query = query.where(Article.visibility == visibility)
    if category:
        query = query.where(Article.category == category)
    if text and text.strip():
        pattern = "%" + _escape_like(text.strip().lower()) + "%"
        query = query.where(
            or_(
                func.lower(Article.title).like(pattern, escape="\\"),
                Article.slug.like(pattern, escape="\\"),
            )
        )
    return query


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def translation_ids(db: Session, article: Article) -> dict[str, int]:
    """The other locales this article exists in (any status), and their article ids."""
    rows = db.execute(
        select(Article.locale, Article.id).where(
            Article.slug == article.slug, Article.id != article.id
        )
    )
    return {locale: article_id for locale, article_id in rows}
