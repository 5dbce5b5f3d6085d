"""Saving, versioning, voting, importing and exporting articles, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.knowledge.documents import STARTER_FOLDER, ArticleDocument, read_folder
from kefu.knowledge.errors import ArticleEdited, ArticleExists, InvalidArticle
from kefu.knowledge.index import current_index
from kefu.knowledge.models import Article, ArticleRevision, Passage
from kefu.knowledge.service import (
    create_article,
    export_documents,
    import_documents,
    update_article,
    vote,
)


def _doc(**fields: object) -> ArticleDocument:
    base: dict[str, object] = {
        "slug": "gift-refunds",
        "locale": "en",
        "title": "Refunds for gifts",
        "body": "# Refunds for gifts\n\nGifts sent in a live room cannot be refunded.",
        "category": "livestream",
    }
    base.update(fields)
    return ArticleDocument(**base)  # type: ignore[arg-type]


def test_edits_make_versions_and_keep_every_revision(database: Database) -> None:
    with database.transaction() as db:
        article = create_article(db, _doc(), None)
        update_article(db, article, {"body": "# Refunds\n\nAsk within 7 days."}, None)
        update_article(db, article, {"body": "# Refunds\n\nAsk within 7 days."}, None)  # same
        assert article.version == 2
        revisions = db.scalars(
            select(ArticleRevision.version).where(ArticleRevision.article_id == article.id)
        ).all()
        assert sorted(revisions) == [1, 2]
        with pytest.raises(ArticleEdited):
            update_article(db, article, {"title": "New"}, None, expected_version=1)
        with pytest.raises(ArticleExists):
            create_article(db, _doc(), None)


@pytest.mark.parametrize(
    "fields",
    [{"category": "nonsense"}, {"visibility": "secret"}, {"status": "live"}, {"title": " "}],
)
def test_invalid_articles_are_refused(database: Database, fields: dict[str, object]) -> None:
    with database.transaction() as db, pytest.raises(InvalidArticle):
        create_article(db, _doc(**fields), None)


def test_passages_follow_the_text_and_drafts_stay_out_of_the_index(database: Database) -> None:
    with database.transaction() as db:
        article = create_article(db, _doc(status="draft"), None)
        assert (db.scalar(select(func.count(Passage.id))) or 0) >= 1
        assert current_index(db).search("gift refund", locale="en") == []
        update_article(db, article, {"status": "published"}, None)
        hits = current_index(db).search("gift refund", locale="en")
        assert [h.passage.slug for h in hits] == ["gift-refunds"]
        assert article.published_at is not None


def test_one_vote_per_reader_which_they_can_change(database: Database) -> None:
    with database.transaction() as db:
        article = create_article(db, _doc(status="published"), None)
        reader = Contact(name="r")
        db.add(reader)
        db.flush()
        vote(db, article, reader, True)
        vote(db, article, reader, True)
        db.refresh(article)
        assert (article.helpful_yes, article.helpful_no) == (1, 0)
        vote(db, article, reader, False)
        db.refresh(article)
        assert (article.helpful_yes, article.helpful_no) == (0, 1)


def test_import_is_idempotent_and_export_gives_the_same_files(database: Database) -> None:
    documents = read_folder(STARTER_FOLDER)
    with database.transaction() as db:
        first = import_documents(db, documents)
    with database.transaction() as db:
        second = import_documents(db, documents)
        exported = export_documents(db)
    assert first.created == len(documents) and second.unchanged == len(documents)
    assert sorted(exported, key=lambda d: (d.locale, d.slug)) == sorted(
        documents, key=lambda d: (d.locale, d.slug)
    )


def test_a_bad_document_in_an_import_saves_nothing(database: Database) -> None:
    with database.transaction() as db, pytest.raises(InvalidArticle):
        import_documents(db, [_doc(), _doc(slug="other", category="bogus")])
    with database.transaction() as db:
        assert db.scalar(select(func.count(Article.id))) == 0
