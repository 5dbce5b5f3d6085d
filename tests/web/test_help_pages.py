"""The help-centre pages the bot's links lead to."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kefu.kit.db import Database
from kefu.knowledge.documents import ArticleDocument
from kefu.knowledge.service import create_article


@pytest.mark.usefixtures("help_centre")
def test_an_article_page_in_both_languages(client: TestClient) -> None:
    english = client.get("/help/articles/password-recovery?lang=en")
    assert english.status_code == 200
    assert english.headers["content-type"].startswith("text/html")
    assert "<h1>How to recover your password</h1>" in english.text
    assert 'href="/help/articles/password-recovery?lang=zh-CN"' in english.text  # the switch
    chinese = client.get("/help/articles/password-recovery", headers={"Accept-Language": "zh"})
    assert '<html lang="zh-CN">' in chinese.text and "帮助中心" in chinese.text
    assert client.get("/static/help.css").status_code == 200


@pytest.mark.usefixtures("help_centre")
def test_the_home_page_searches(client: TestClient) -> None:
    page = client.get("/help", params={"q": "直播卡顿怎么办", "lang": "zh-CN"})
    assert page.status_code == 200
    assert "/help/articles/livestream-lag-quality?lang=zh-CN" in page.text
    assert "agent-ban-appeal-handling" not in client.get("/help?lang=en").text


def test_missing_articles_and_raw_html_are_handled(client: TestClient, database: Database) -> None:
    missing = client.get("/help/articles/no-such-thing?lang=en")
    assert missing.status_code == 404 and "no longer published" in missing.text
    with database.transaction() as db:
        create_article(
            db,
            ArticleDocument(
                "html-test", "en", "HTML", "# HTML\n\n<script>alert(1)</script> **bold**"
            ),
            None,
        )
    page = client.get("/help/articles/html-test?lang=en")
    assert "<script>" not in page.text and "&lt;script&gt;" in page.text
    assert "<strong>bold</strong>" in page.text


def test_the_language_link_leads_only_to_a_published_translation(
    client: TestClient, database: Database
) -> None:
    with database.transaction() as db:
        create_article(db, ArticleDocument("gala", "en", "Gala", "# Gala\n\nAt 20:00."), None)
        create_article(
            db,
            ArticleDocument("gala", "zh-CN", "晚会", "# 晚会\n\n20:00 开始。", status="draft"),
            None,
        )
    page = client.get("/help/articles/gala?lang=en")
    assert page.status_code == 200 and 'class="switch"' not in page.text
