"""Turning an intent into a reply: the passage of the article that best fits the question."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kefu.bot import replies
from kefu.bot.llm import LlmWriter, Source
from kefu.config import Settings
from kefu.kit.i18n import as_locale, pick
from kefu.knowledge.errors import ArticleNotFound
from kefu.knowledge.facts import render
from kefu.knowledge.index import KnowledgeIndex, Vector
from kefu.knowledge.models import Article
from kefu.knowledge.present import article_url
from kefu.knowledge.queries import public_article

MAX_ANSWER_CHARS = 700  # a chat bubble, not the article: the link has the rest


@dataclass(frozen=True)
class Answer:
    text: str
    article_id: int
    title: str
    url: str


def find_article(db: Session, slug: str, locale: str) -> Article | None:
    """The published public article for an intent, in the locale or else its translation."""
    try:
        return public_article(db, slug, locale)
    except ArticleNotFound:
        return None


def title_of(db: Session, slug: str, locale: str, settings: Settings) -> str:
    article = find_article(db, slug, locale)
    return render(article.title, settings, article.locale) if article else slug


def compose(
    db: Session,
    index: KnowledgeIndex,
    slug: str,
    question: str,
    locale: str,
    settings: Settings,
    embedding: Vector | None = None,
    writer: LlmWriter | None = None,
) -> Answer | None:
    article = find_article(db, slug, locale)
    if article is None:
        return None
    hits = index.search(
        question,
        locale=article.locale,
        article_ids=[article.id],
        limit=1,
        embedding=embedding,
    )
    if not hits:
        return None
    passage = hits[0].passage
    body = shorten(render(passage.text, settings, article.locale))
    title = render(article.title, settings, article.locale)
    url = article_url(article.slug, article.locale)
    heading = render(passage.heading, settings, article.locale)
    footer = pick(replies.ANSWER_FOOTER, as_locale(article.locale)).format(title=title, url=url)
    text = f"{heading}\n{body}" if heading else body
    if writer is not None:
        source = Source(title, url, render(passage.text, settings, article.locale))
        text = writer.write(question, [source], article.locale) or text
    return Answer(f"{text}\n\n{footer}", article.id, title, url)


def shorten(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """At most ``limit`` characters, cut after a whole line or paragraph where possible."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return (text[:cut] if cut > limit // 2 else text[: limit - 1]).rstrip() + "…"
