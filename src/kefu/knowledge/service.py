"""The rules of the knowledge base: saving articles with their revisions and passages,
publishing, votes, and importing or exporting folders of markdown files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kefu.audit.service import record
from kefu.auth.actors import StaffActor
from kefu.contacts.models import Contact
from kefu.kit import i18n
from kefu.kit.clock import utcnow
from kefu.kit.i18n import Text
from kefu.kit.text import document_tokens
from kefu.knowledge.documents import (
    SLUG,
    ArticleDocument,
    split_passages,
    strip_placeholders,
)
from kefu.knowledge.errors import ArticleEdited, ArticleExists, InvalidArticle
from kefu.knowledge.models import (
    Article,
    ArticleRevision,
    ArticleStatus,
    ArticleVote,
    Passage,
    Visibility,
)
from kefu.triage.encoder import shared_encoder
from kefu.triage.taxonomy import CATEGORY_KEYS

CONTENT_FIELDS = ("title", "body", "category", "tags", "questions", "visibility", "status")
MAX_QUESTIONS = 200


def validate(document: ArticleDocument) -> None:
    problems: list[Text] = []
    if not SLUG.match(document.slug) or len(document.slug) > 120:
        problems.append(
            i18n.text(
                "slug must be lower-case words joined by dashes, at most 120 characters",
                "slug 须为用连字符连接的小写单词，最多 120 个字符",
            )
        )
    if document.locale not in ("zh-CN", "en"):
        problems.append(i18n.text("locale must be zh-CN or en", "语言须为 zh-CN 或 en"))
    if not document.title.strip() or len(document.title) > 200:
        problems.append(
            i18n.text("title must have 1 to 200 characters", "标题须为 1 到 200 个字符")
        )
    if not split_passages(document.body):
        problems.append(i18n.text("body must have text besides headings", "正文除标题外还须有内容"))
    if document.category is not None and document.category not in CATEGORY_KEYS:
        problems.append(
            i18n.text(
                f"category must be one of {', '.join(CATEGORY_KEYS)}",
                f"分类须为以下之一：{', '.join(CATEGORY_KEYS)}",
            )
        )
    if document.visibility not in tuple(Visibility):
        problems.append(
            i18n.text(
                "visibility must be public or agent_only", "可见范围须为 public 或 agent_only"
            )
        )
    if document.status not in tuple(ArticleStatus):
        problems.append(
            i18n.text(
                "status must be draft, published or archived",
                "状态须为 draft、published 或 archived",
            )
        )
    if len(document.questions) > MAX_QUESTIONS or any(len(q) > 300 for q in document.questions):
        problems.append(
            i18n.text(
                f"at most {MAX_QUESTIONS} questions of at most 300 characters each",
                f"最多 {MAX_QUESTIONS} 个问题，每个最多 300 个字符",
            )
        )
    if problems:
        raise InvalidArticle(
            reason=i18n.text(
                "; ".join(p["en"] for p in problems), "；".join(p["zh"] for p in problems)
            ),
            details=problems,
        )


def _staff_id(actor: StaffActor | None) -> int | None:
    return actor.user.id if actor else None


def _snapshot(db: Session, article: Article, actor: StaffActor | None) -> None:
    db.add(
        ArticleRevision(
            article_id=article.id,
            version=article.version,
            edited_by_staff_id=_staff_id(actor),
            created_at=article.updated_at,
            **{name: getattr(article, name) for name in CONTENT_FIELDS},
        )
    )


def _index_passages(db: Session, article: Article) -> None:
    """Cut the article into passages, segment and embed them (done here, once per save, so the
    index is built without a tokenizer or a model)."""
    db.execute(delete(Passage).where(Passage.article_id == article.id))
    sections = split_passages(article.body)
    texts = [
        strip_placeholders(f"{article.title}\n{section.heading}\n{section.text}")
        for section in sections
    ]
    encoder = shared_encoder()
    vectors = encoder.encode(texts).astype(np.float16)
    for ordinal, (section, text, vector) in enumerate(zip(sections, texts, vectors, strict=True)):
        db.add(
            Passage(
                article_id=article.id,
                ordinal=ordinal,
                heading=section.heading[:200],
                text=section.text,
                tokens=" ".join(document_tokens(text)),
                embedding=vector.tobytes(),
                embedding_model=encoder.name,
            )
        )


def create_article(db: Session, document: ArticleDocument, actor: StaffActor | None) -> Article:
    validate(document)
    exists = db.scalar(
        select(Article.id).where(Article.slug == document.slug, Article.locale == document.locale)
    )
    if exists is not None:
        raise ArticleExists(slug=document.slug, locale=document.locale)
    now = utcnow()
    article = Article(
        slug=document.slug,
        locale=document.locale,
        version=1,
        updated_by_staff_id=_staff_id(actor),
        created_at=now,
        updated_at=now,
        published_at=now if document.status == ArticleStatus.published else None,
        **{name: getattr(document, name) for name in CONTENT_FIELDS},
    )
    db.add(article)
    db.flush()
    _snapshot(db, article, actor)
    _index_passages(db, article)
    _audit(db, "kb.article_created", article, actor)
    db.flush()
    return article


def document_of(article: Article) -> ArticleDocument:
    return ArticleDocument(
        slug=article.slug,
        locale=article.locale,
        **{name: getattr(article, name) for name in CONTENT_FIELDS},
    )


def update_article(
    db: Session,
    article: Article,
    changes: dict[str, Any],
    actor: StaffActor | None,
    *,
    expected_version: int | None = None,
) -> Article:
    """Apply changed fields as a new version; saving identical content changes nothing."""
    if expected_version is not None and expected_version != article.version:
        raise ArticleEdited(current=article.version)
    current = document_of(article)
    updated = replace(current, **{k: v for k, v in changes.items() if k in CONTENT_FIELDS})
    validate(updated)
    if updated == current:
        return article
    for name in CONTENT_FIELDS:
        setattr(article, name, getattr(updated, name))
    article.version += 1
    article.updated_at = utcnow()
    article.updated_by_staff_id = _staff_id(actor)
    if article.status == ArticleStatus.published and current.status != ArticleStatus.published:
        article.published_at = article.updated_at
    db.flush()
    _snapshot(db, article, actor)
    if (updated.title, updated.body) != (current.title, current.body):
        _index_passages(db, article)
    _audit(db, "kb.article_updated", article, actor, fields=_changed(current, updated))
    db.flush()
    return article


def _changed(old: ArticleDocument, new: ArticleDocument) -> list[str]:
    return [name for name in CONTENT_FIELDS if getattr(old, name) != getattr(new, name)]


def delete_article(db: Session, article: Article, actor: StaffActor) -> None:
    _audit(db, "kb.article_deleted", article, actor)
    db.delete(article)
    db.flush()


def _audit(
    db: Session, action: str, article: Article, actor: StaffActor | None, **data: object
) -> None:
    record(
        db,
        action,
        actor_type="staff" if actor else "system",
        actor_id=_staff_id(actor),
        target_type="kb_article",
        target_id=article.id,
        slug=article.slug,
        locale=article.locale,
        version=article.version,
        **data,
    )


def vote(db: Session, article: Article, contact: Contact, helpful: bool) -> Article:
    """Count a reader's answer to "was this helpful?"; voting again replaces their vote."""
    existing = db.scalar(
        select(ArticleVote)
        .where(ArticleVote.article_id == article.id, ArticleVote.contact_id == contact.id)
        .with_for_update()
    )
    if existing is not None:
        if existing.helpful == helpful:
            return article
        _count(article, existing.helpful, -1)
        existing.helpful = helpful
    else:
        db.add(ArticleVote(article_id=article.id, contact_id=contact.id, helpful=helpful))
    _count(article, helpful, +1)
    db.flush()
    return article


def _count(article: Article, helpful: bool, step: int) -> None:
    if helpful:
        article.helpful_yes = Article.helpful_yes + step
    else:
        article.helpful_no = Article.helpful_no + step


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def import_documents(
    db: Session, documents: Sequence[ArticleDocument], actor: StaffActor | None = None
) -> ImportReport:
    """Create or update each (slug, locale); the whole folder is checked before anything is
    saved, so a bad file leaves the knowledge base as it was."""
    seen: set[tuple[str, str]] = set()
    for document in documents:
        validate(document)
        key = (document.slug, document.locale)
        if key in seen:
            raise InvalidArticle(
                reason=i18n.text(
                    f"{document.slug} ({document.locale}) appears twice",
                    f"{document.slug}（{document.locale}）出现了两次",
                )
            )
        seen.add(key)
    report = ImportReport()
    for document in documents:
        article = db.scalar(
            select(Article).where(Article.slug == document.slug, Article.locale == document.locale)
        )
        if article is None:
            create_article(db, document, actor)
            report.created += 1
            continue
        version = article.version
        update_article(db, article, {n: getattr(document, n) for n in CONTENT_FIELDS}, actor)
        if article.version == version:
            report.unchanged += 1
        else:
            report.updated += 1
    return report


def export_documents(db: Session) -> list[ArticleDocument]:
    articles = db.scalars(select(Article).order_by(Article.locale, Article.slug))
    return [document_of(article) for article in articles]
