"""The chat page and the embeddable widget are served, in both languages."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient


def _texts(html: str) -> dict[str, str]:
    found = re.search(r'<script type="application/json" id="chat-texts">(.*?)</script>', html)
    assert found is not None
    texts: dict[str, str] = json.loads(found.group(1))
    return texts


def test_the_chat_page_speaks_the_readers_language(client: TestClient) -> None:
    english = client.get("/chat?lang=en")
    assert english.status_code == 200
    assert '<h1 class="chat-title">Chat with us</h1>' in english.text
    assert _texts(english.text)["typing"] == "The agent is typing…"
    chinese = client.get("/chat", headers={"Accept-Language": "zh-CN"})
    assert "在线客服" in chinese.text and 'lang="zh-CN"' in chinese.text
    assert _texts(chinese.text)["case"] == "工单 #{number}：人工客服正在处理。"
    assert 'src="/static/chat/chat.js"' in chinese.text


def test_the_widget_and_its_scripts_are_served(client: TestClient) -> None:
    for path in ("/static/chat/widget.js", "/static/chat/chat.js", "/static/chat/chat.css"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "/chat?embed=1" in client.get("/static/chat/widget.js").text
