"""Full-text search over subjects and messages, in Chinese and English, on every backend."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk, new_ticket


def test_search_finds_chinese_and_english_words_in_subjects_and_messages(
    client: TestClient, desk: Desk
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    live = new_ticket(client, user, subject="直播间卡顿", body="今晚直播画面一直卡，观众都走了")[
        "number"
    ]
    login = new_ticket(client, user, subject="收不到验证码", body="换手机后登录收不到短信验证码")[
        "number"
    ]
    refund = new_ticket(
        client,
        user,
        subject="Refund not received",
        body="My REFUND for order DD-2026 hasn't arrived",
    )["number"]
    client.post(
        f"/api/v1/tickets/{refund}/messages",
        headers=lead.headers,
        json={"body": "已联系支付部门核实退款进度", "internal": True},
    )

    def search(q: str) -> set[int]:
        response = client.get("/api/v1/tickets", headers=lead.headers, params={"q": q})
        assert response.status_code == 200, response.text
        return {t["number"] for t in response.json()["items"]}

    assert search("直播") == {live}  # a sub-word of 直播间 and of 直播画面
    assert search("直播间") == {live}
    assert search("验证码") == {login}
    assert search("短信验证码") == {login}
    assert search("refund") == {refund}  # case-insensitive
    assert search("ＲＥＦＵＮＤ") == {refund}  # full-width letters fold
    assert search("退款进度") == {refund}  # internal notes are searchable by staff
    assert search("refund 验证码") == set()  # every word must match
    assert search('"quotes" AND OR *') == set()  # no ticket has these words
    syntax = new_ticket(client, user, body='Tried "quotes" AND OR * in the search box')["number"]
    assert search('"quotes" AND OR *') == {syntax}  # operators are just words, never syntax
    assert search("dd-2026") == {refund}
