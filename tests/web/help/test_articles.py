"""The help-centre pages the bot's links lead to."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kefu.app import create_app
from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.knowledge.documents import ArticleDocument
from kefu.knowledge.service import create_article
from tests.conftest import Desk


@pytest.mark.usefixtures("help_centre")
def test_an_article_page_in_both_languages(client: TestClient) -> None:
    english = client.get("/help/articles/password-recovery?lang=en")
    assert english.status_code == 200
    assert english.headers["content-type"].startswith("text/html")
    assert "<h1>How to recover your password</h1>" in english.text
    assert 'href="/help/articles/password-recovery?lang=zh-CN"' in english.text  # the switch
    chinese = client.get("/help/articles/password-recovery", headers={"Accept-Language": "zh"})
    assert '<html lang="zh-CN">' in chinese.text and "帮助中心" in chinese.text
    assert client.get("/static/help/help.css").status_code == 200


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


def test_the_contact_page_shows_every_official_channel(tmp_path: Path, database: Database) -> None:
    settings = Settings(
        env="test",
        data_dir=tmp_path / "data",
        hotline="400-888-6666",
        support_email="help@video.example",
        website="https://help.video.example",
        service_hours="08:30-21:00",
        service_timezone="Asia/Shanghai",
    )
    with TestClient(create_app(settings, database)) as client:
        zh = client.get("/help/contact", headers={"Accept-Language": "zh-CN"})
        assert zh.status_code == 200 and '<html lang="zh-CN">' in zh.text
        assert 'href="tel:4008886666"' in zh.text and "400-888-6666" in zh.text
        assert "每天 08:30–21:00（北京时间）" in zh.text and "Asia/Shanghai" in zh.text
        assert "mailto:help@video.example" in zh.text and "https://help.video.example" in zh.text
        assert "绝不会索要验证码" in zh.text
        en = client.get("/help/contact?lang=en")
        assert "08:30–21:00 every day (Beijing time)" in en.text
        assert ("Open now" in en.text) or ("opens again at" in en.text)
        home = client.get("/help?lang=en")
        assert 'href="/help/contact?lang=en"' in home.text and "400-888-6666" in home.text


def test_the_home_page_shows_current_announcements_escaped(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    response = client.post(
        "/api/v1/announcements",
        headers=lead.headers,
        json={
            "kind": "event",
            "pinned": True,
            "status": "published",
            "title_zh": "周年庆<script>alert(1)</script>",
            "body_zh": "活动**今晚**开始 <img src=x onerror=alert(1)>",
            "title_en": "Anniversary gala",
            "body_en": "It starts **tonight**.",
        },
    )
    assert response.status_code == 201, response.text
    chinese = client.get("/help?lang=zh-CN").text
    assert 'aria-labelledby="notices"' in chinese and "公告" in chinese and "活动" in chinese
    assert "<script>" not in chinese and "&lt;script&gt;" in chinese
    assert "<img" not in chinese and "<strong>今晚</strong>" in chinese
    assert "置顶" in chinese
    english = client.get("/help?lang=en").text
    assert "Anniversary gala" in english and "<strong>tonight</strong>" in english
    chat = client.get("/chat?lang=en").text  # the chat shows them too
    assert "Anniversary gala" in chat and "<strong>tonight</strong>" in chat
    assert "Announcements" in english and "Event" in english
    client.patch(
        f"/api/v1/announcements/{response.json()['id']}",
        headers=lead.headers,
        json={"status": "draft"},
    )
    assert "Anniversary gala" not in client.get("/help?lang=en").text
