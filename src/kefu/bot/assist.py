"""Agent assist: for a ticket, the articles that fit the requester's latest message and a
draft reply built from the best one, in the ticket's language, for the agent to edit."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.bot import replies
from kefu.bot.answers import shorten
from kefu.bot.llm import Source, writer_from
from kefu.bot.schemas import AssistArticle, AssistOut
from kefu.config import Settings
from kefu.kit.i18n import as_locale, pick, text
from kefu.knowledge.facts import render
from kefu.knowledge.index import current_index
from kefu.knowledge.present import article_url, snippet
from kefu.tickets.models import ActorType, Message, MessageKind, Ticket

DRAFT_OPENING = text("Hello,", "您好，")
DRAFT_CLOSING = text(
    "If this does not solve it, just reply here and we will keep helping.",
    "如果问题仍未解决，请直接回复，我们会继续为您处理。",
)
ASSIST_ARTICLES = 3


def _question(db: Session, ticket: Ticket) -> str:
    latest = db.scalar(
        select(Message.body)
        .where(
            Message.ticket_id == ticket.id,
            Message.kind == MessageKind.public,
            Message.author_type == ActorType.contact,
        )
        .order_by(Message.id.desc())
        .limit(1)
    )
    return f"{ticket.subject}\n{latest or ''}".strip()


def assist(db: Session, ticket: Ticket, settings: Settings) -> AssistOut:
    locale = as_locale(ticket.locale)
    question = _question(db, ticket)
    hits = current_index(db).search(
        question, locale=locale, audience="staff", limit=ASSIST_ARTICLES
    )
    articles = [
        AssistArticle(
            article_id=hit.passage.article_id,
            slug=hit.passage.slug,
            locale=hit.passage.locale,
            title=render(hit.passage.title, settings, hit.passage.locale),
            heading=render(hit.passage.heading, settings, hit.passage.locale),
            snippet=snippet(hit.passage.text, settings, hit.passage.locale),
            url=article_url(hit.passage.slug, hit.passage.locale),
            visibility=hit.passage.visibility,
            score=round(hit.score, 4),
        )
        for hit in hits
    ]
    public = next((hit for hit in hits if hit.passage.visibility == "public"), None)
    if public is None:
        return AssistOut(query=question, articles=articles, draft="", draft_source="none")
    passage = public.passage
    body = shorten(render(passage.text, settings, passage.locale))
    footer = pick(replies.ANSWER_FOOTER, locale).format(
        title=render(passage.title, settings, passage.locale),
        url=article_url(passage.slug, passage.locale),
    )
    source: Literal["article", "llm"] = "article"
    writer = writer_from(settings)
    if writer is not None:
        sources = [
            Source(a.title, a.url, render(h.passage.text, settings, h.passage.locale))
            for a, h in zip(articles, hits, strict=True)
            if h.passage.visibility == "public"
        ]
        written = writer.write(question, sources, locale)
        if written:
            links = "\n".join(f"[{i}] {s.title} {s.url}" for i, s in enumerate(sources, 1))
            body, footer, source = written, links, "llm"
    draft = "\n\n".join([pick(DRAFT_OPENING, locale), body, footer, pick(DRAFT_CLOSING, locale)])
    return AssistOut(query=question, articles=articles, draft=draft, draft_source=source)
