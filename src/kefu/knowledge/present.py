"""Articles and search hits as readers and staff see them."""

from __future__ import annotations

from kefu.config import Settings
from kefu.kit.markdown import markdown_text
from kefu.knowledge.facts import render
from kefu.knowledge.index import SearchHit
from kefu.knowledge.models import Article
from kefu.knowledge.schemas import ArticleOut, ArticleSummary, SearchHitOut, StaffSearchHitOut

SNIPPET_CHARS = 300


def article_url(slug: str, locale: str) -> str:
    return f"/help/articles/{slug}?lang={locale}"


def summary(article: Article, settings: Settings) -> ArticleSummary:
    return ArticleSummary(
        slug=article.slug,
        locale=article.locale,
        title=render(article.title, settings, article.locale),
        category=article.category,
        tags=article.tags,
        url=article_url(article.slug, article.locale),
        updated_at=article.updated_at,
        helpful_yes=article.helpful_yes,
        helpful_no=article.helpful_no,
    )


def full(article: Article, settings: Settings, translations: list[str]) -> ArticleOut:
    return ArticleOut(
        **summary(article, settings).model_dump(),
        body=render(article.body, settings, article.locale),
        translations=translations,
    )


def snippet(text: str, settings: Settings, locale: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of a passage as plain text (no markdown syntax), with the site's facts."""
    rendered = markdown_text(render(text, settings, locale))
    return rendered if len(rendered) <= limit else rendered[: limit - 1].rstrip() + "…"


def hit(found: SearchHit, settings: Settings) -> SearchHitOut:
    passage = found.passage
    return SearchHitOut(
        slug=passage.slug,
        locale=passage.locale,
        title=render(passage.title, settings, passage.locale),
        heading=render(passage.heading, settings, passage.locale),
        snippet=snippet(passage.text, settings, passage.locale),
        url=article_url(passage.slug, passage.locale),
        score=round(found.score, 4),
    )


def staff_hit(found: SearchHit, settings: Settings) -> StaffSearchHitOut:
    return StaffSearchHitOut(
        **hit(found, settings).model_dump(),
        article_id=found.passage.article_id,
        visibility=found.passage.visibility,
    )
