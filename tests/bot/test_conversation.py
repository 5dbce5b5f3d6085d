"""Chatting with the bot through the end-user API, as the widget does, on both databases."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from kefu.app import create_app
from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk, new_ticket


def start(client: TestClient, user: dict[str, str], locale: str = "zh-CN") -> int:
    response = client.post("/api/v1/me/bot/conversations", json={"locale": locale}, headers=user)
    assert response.status_code == 201, response.text
    greeting = response.json()["turns"][0]
    assert greeting["action"] == "greet"
    conversation_id: int = response.json()["id"]
    return conversation_id


def say(
    client: TestClient,
    user: dict[str, str],
    conversation: int,
    text: str | None = None,
    option: str | None = None,
) -> dict[str, Any]:
    body = {k: v for k, v in {"text": text, "option": option}.items() if v is not None}
    response = client.post(
        f"/api/v1/me/bot/conversations/{conversation}/messages", json=body, headers=user
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def turn(result: dict[str, Any]) -> dict[str, Any]:
    last: dict[str, Any] = result["turns"][-1]
    return last


def option_ids(result: dict[str, Any]) -> list[str]:
    return [o["id"] for o in turn(result)["options"]]


def test_a_question_gets_the_articles_passage_and_a_link(
    bot_client: TestClient, desk: Desk
) -> None:
    user = desk.user()
    conversation = start(bot_client, user)
    answered = say(bot_client, user, conversation, "忘记密码了怎么找回")
    reply = turn(answered)
    assert reply["action"] == "answer", reply
    assert "/help/articles/password-recovery?lang=zh-CN" in reply["reply"]
    assert {"flow:reset_password", "yes", "no", "human"} <= set(option_ids(answered))
    english = say(bot_client, user, conversation, "my live stream keeps lagging, how to fix")
    assert "/help/articles/livestream-lag-quality?lang=en" in turn(english)["reply"]
    solved = say(bot_client, user, conversation, "1")  # the first option: "yes, solved"
    assert turn(solved)["action"] == "close" and solved["status"] == "resolved"


def test_asking_for_a_person_hands_off_with_the_whole_context(
    bot_client: TestClient, desk: Desk
) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    conversation = start(bot_client, user)
    say(bot_client, user, conversation, "视频上传一直卡在99%")
    handed = say(bot_client, user, conversation, "转人工")
    reply = turn(handed)
    assert reply["action"] == "handoff" and handed["status"] == "handed_off"
    number = handed["ticket_number"]
    assert f"#{number}" in reply["reply"]
    ticket = bot_client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert ticket["channel"] == "chat" and "bot_handoff" in ticket["tags"]
    messages = bot_client.get(f"/api/v1/tickets/{number}/messages", headers=lead.headers).json()
    bodies = [m["body"] for m in messages]
    assert bodies[0].startswith("视频上传一直卡在99%")
    note = next(b for b in bodies if b.startswith("Bot hand-off: human_requested"))
    assert "video-upload-failures" in note and "Transcript:" in note
    # The conversation now belongs to the ticket: what the user writes lands on it.
    relayed = say(bot_client, user, conversation, "补充：换了wifi也不行")
    assert turn(relayed)["action"] == "relay"
    mine = bot_client.get(f"/api/v1/me/tickets/{number}", headers=user).json()
    assert mine["messages"][-1]["body"] == "补充：换了wifi也不行"
    review = bot_client.get(
        f"/api/v1/bot/conversations/{conversation}", headers=lead.headers
    ).json()
    assert [t["action"] for t in review["turns"]] == ["greet", "answer", "handoff", "relay"]
    assert review["turns"][1]["intent"] == "video-upload-failures"
    assert review["turns"][1]["latency_ms"] > 0 and review["turns"][1]["model_version"]


def test_what_needs_access_to_the_account_goes_to_a_person(
    bot_client: TestClient, desk: Desk
) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    conversation = start(bot_client, user, "en")
    handed = say(
        bot_client,
        user,
        conversation,
        "reverse the withdrawal I just sent to the wrong bank account",
    )
    reply = turn(handed)
    assert reply["action"] == "handoff", reply
    assert reply["reply"].startswith("This needs someone who can look into your account")
    ticket = bot_client.get(
        f"/api/v1/tickets/{handed['ticket_number']}", headers=lead.headers
    ).json()
    assert "handoff:needs_access" in ticket["tags"]
    review = bot_client.get(
        f"/api/v1/bot/conversations/{conversation}", headers=lead.headers
    ).json()
    assert review["turns"][-1]["reason"] == "needs_access"


def test_two_misses_in_a_row_go_to_a_person(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    conversation = start(bot_client, user, "en")
    say(bot_client, user, conversation, "how do I change the phone number on my account")
    first = say(bot_client, user, conversation, option="no")
    assert turn(first)["action"] == "rephrase"
    say(bot_client, user, conversation, "how do I change the phone number on my account")
    second = say(bot_client, user, conversation, "no")
    assert turn(second)["action"] == "handoff" and second["status"] == "handed_off"


def test_the_password_flow_guides_and_hands_off_when_it_fails(
    bot_client: TestClient, desk: Desk
) -> None:
    user = desk.user()
    conversation = start(bot_client, user, "en")
    say(bot_client, user, conversation, "I forgot my password")
    asked = say(bot_client, user, conversation, option="flow:reset_password")
    assert option_ids(asked) == ["phone:yes", "phone:no"]
    guided = say(bot_client, user, conversation, "2")
    assert "Phone number unavailable" in turn(guided)["reply"]
    failed = say(bot_client, user, conversation, option="no")
    assert turn(failed)["action"] == "handoff"


def test_a_content_report_is_filed_from_the_chat(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    moderator = desk.staff("mod", Role.moderator, teams=("trust_safety",))
    conversation = start(bot_client, user)
    say(bot_client, user, conversation, "我想举报一个视频")
    asked = say(bot_client, user, conversation, option="flow:report_content")
    assert "cancel" in option_ids(asked)
    reasons = say(bot_client, user, conversation, "https://v.example/video/7321")
    assert "reason:fraud" in option_ids(reasons)
    noted = say(bot_client, user, conversation, option="reason:fraud")
    assert option_ids(noted) == ["skip"]
    done = say(bot_client, user, conversation, "他在视频里冒充官方客服")
    assert done["status"] == "bot"  # filing a report is not a hand-off
    assert "我的举报" in turn(done)["reply"]
    mine = bot_client.get("/api/v1/me/reports", headers=user).json()["items"]
    assert [(r["target"], r["reason"]["key"]) for r in mine] == [
        ({"type": "video", "id": "7321"}, "fraud")
    ]
    # The bot files through the same service as the app's report button: one case per target.
    other = bot_client.post(
        "/api/v1/me/reports",
        headers=desk.user(),
        json={"target": {"type": "video", "id": "7321"}, "reason": "spam"},
    )
    assert other.status_code == 201
    case = bot_client.get("/api/v1/trust/cases", headers=moderator.headers).json()["items"][0]
    assert case["report_count"] == 2
    ticket = bot_client.get(
        f"/api/v1/tickets/{case['ticket_number']}", headers=moderator.headers
    ).json()
    assert ticket["type"] == "content_report" and "reason:fraud" in ticket["tags"]
    assert ticket["channel"] == "chat"


def test_the_report_flow_asks_what_a_bare_id_is(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    conversation = start(bot_client, user, "en")
    say(bot_client, user, conversation, "I want to report a live stream")
    say(bot_client, user, conversation, option="flow:report_content")
    unreadable = say(bot_client, user, conversation, "that guy over there!!")
    assert "could not read" in turn(unreadable)["reply"]
    kinds = say(bot_client, user, conversation, "88231")
    assert option_ids(kinds) == ["kind:video", "kind:comment", "kind:live", "kind:account"]
    say(bot_client, user, conversation, option="kind:live")
    say(bot_client, user, conversation, option="reason:minors")
    done = say(bot_client, user, conversation, option="skip")
    assert "My reports" in turn(done)["reply"]
    again = start(bot_client, user, "en")
    say(bot_client, user, again, "I want to report a live stream")
    say(bot_client, user, again, option="flow:report_content")
    say(bot_client, user, again, "live 88231")
    say(bot_client, user, again, option="reason:spam")
    repeated = say(bot_client, user, again, option="skip")
    assert "already reported" in turn(repeated)["reply"]
    mine = bot_client.get("/api/v1/me/reports", headers=user).json()["items"]
    assert [(r["target"]["type"], r["reason"]["key"]) for r in mine] == [("live", "minors")]


def test_a_ban_appeal_needs_a_real_statement(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    conversation = start(bot_client, user, "en")
    say(bot_client, user, conversation, "how do I appeal my account ban")
    say(bot_client, user, conversation, option="flow:ban_appeal")
    say(bot_client, user, conversation, option="kind:account_ban")
    short = say(bot_client, user, conversation, "pls")
    assert "at least 10" in turn(short)["reply"]
    done = say(bot_client, user, conversation, "I never posted anything against the rules")
    assert "appeal is submitted" in turn(done)["reply"]


def test_my_tickets_and_my_refunds_are_looked_up(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user("buyer-1")
    platform = desk.api_token("orders:write")
    number = new_ticket(bot_client, user, subject="登录不了")["number"]
    order = {
        "platform_user_id": "buyer-1",
        "title": "蓝牙耳机",
        "amount_cents": 29900,
        "refund_status": "approved",
        "refund_expected_at": "2026-12-01T00:00:00+08:00",
    }
    put = bot_client.put("/api/v1/platform/orders/SO1", json=order, headers=platform)
    assert put.status_code == 200, put.text
    conversation = start(bot_client, user)
    tickets = say(bot_client, user, conversation, "我之前提交的工单处理到哪一步了")
    assert turn(tickets)["action"] == "flow" and f"#{number}" in turn(tickets)["reply"]
    refunds = say(bot_client, user, conversation, "退款怎么还没到账，查一下进度")
    assert turn(refunds)["action"] == "flow"
    assert "SO1" in turn(refunds)["reply"] and "2026-1" in turn(refunds)["reply"]


def test_scams_are_warned_about_and_vips_go_to_a_person(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    conversation = start(bot_client, user)
    scam = say(
        bot_client, user, conversation, "有个自称客服的人加我微信，让我把验证码发给他，还要共享屏幕"
    )
    assert "诈骗" in turn(scam)["reply"]
    vip = desk.user(vip_level=3)
    vip_conversation = start(bot_client, vip)
    handed = say(bot_client, vip, vip_conversation, "怎么开直播")
    assert turn(handed)["action"] == "handoff" and "VIP" in turn(handed)["reply"]


def test_outside_staffed_hours_the_reply_time_is_honest(
    help_centre: Database, desk: Desk, tmp_path: Path
) -> None:
    closed = Settings(env="test", data_dir=tmp_path / "d", service_hours="09:00-09:00")
    with TestClient(create_app(closed, help_centre)) as client:
        user = desk.user()
        conversation = start(client, user, "en")
        handed = say(client, user, conversation, "agent")
        assert "the earliest reply will come after 09:00" in turn(handed)["reply"]


def test_conversations_are_private_and_input_is_checked(bot_client: TestClient, desk: Desk) -> None:
    owner, stranger = desk.user(), desk.user()
    conversation = start(bot_client, owner)
    other = bot_client.get(f"/api/v1/me/bot/conversations/{conversation}", headers=stranger)
    assert other.status_code == 404
    assert other.json()["error"]["code"] == "conversation_not_found"
    empty = bot_client.post(
        f"/api/v1/me/bot/conversations/{conversation}/messages", json={}, headers=owner
    )
    assert empty.status_code == 422
    unknown = say(bot_client, owner, conversation, option="flow:not-offered")
    assert turn(unknown)["action"] == "rephrase"


def test_agents_get_articles_and_a_draft_for_a_ticket(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    number = new_ticket(bot_client, user, body="直播的时候特别卡，观众说画面一直转圈")["number"]
    response = bot_client.get(f"/api/v1/tickets/{number}/assist", headers=lead.headers)
    assert response.status_code == 200, response.text
    assist = response.json()
    assert assist["articles"][0]["slug"] == "livestream-lag-quality"
    assert assist["draft_source"] == "article" and assist["draft"].startswith("您好")
    assert "/help/articles/livestream-lag-quality" in assist["draft"]


def test_odd_digits_nul_options_and_blank_lines_are_handled(
    bot_client: TestClient, desk: Desk
) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    conversation = start(bot_client, user)
    for text in ("①", "²", "1²"):
        assert turn(say(bot_client, user, conversation, text))["action"] in (
            "rephrase",
            "handoff",
            "relay",
        )
    nul = bot_client.post(
        f"/api/v1/me/bot/conversations/{conversation}/messages",
        json={"option": "x\u0000y"},
        headers=user,
    )
    assert nul.status_code == 422
    other = start(bot_client, user)
    handed = say(bot_client, user, other, "\n转人工")
    ticket = bot_client.get(
        f"/api/v1/tickets/{handed['ticket_number']}", headers=lead.headers
    ).json()
    assert ticket["subject"] == "转人工"
    quick = say(bot_client, user, other, option="yes")  # after a hand-off: words are needed
    assert f"#{handed['ticket_number']}" in turn(quick)["reply"]


def test_a_guided_fix_that_worked_counts_as_solved(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    conversation = start(bot_client, user, "en")
    say(bot_client, user, conversation, "I forgot my password")
    say(bot_client, user, conversation, option="no")  # one miss
    say(bot_client, user, conversation, "I forgot my password")
    say(bot_client, user, conversation, option="flow:reset_password")
    say(bot_client, user, conversation, option="phone:yes")
    worked = say(bot_client, user, conversation, option="yes")
    assert worked["status"] == "resolved"
    say(bot_client, user, conversation, "how do I go live")
    after = say(bot_client, user, conversation, option="no")  # a first miss again, not a second
    assert turn(after)["action"] == "rephrase"


def test_only_supervisors_review_bot_conversations(bot_client: TestClient, desk: Desk) -> None:
    user = desk.user()
    conversation = start(bot_client, user)
    agent = desk.staff("agent", teams=("technical_support",))
    for url in ("/api/v1/bot/conversations", f"/api/v1/bot/conversations/{conversation}"):
        refused = bot_client.get(url, headers=agent.headers)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "role_required"


def test_the_bot_learns_a_new_article_in_the_background(bot_client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    conversation = start(bot_client, user, "en")
    say(bot_client, user, conversation, "how do I go live")  # the model for the starter set
    article = {
        "slug": "spring-festival-gala",
        "locale": "en",
        "title": "Spring Festival live gala",
        "body": "# Spring Festival live gala\n\nThe gala streams on New Year's Eve at 20:00.",
        "status": "published",
        "questions": [
            "when is the spring festival gala",
            "what time does the new year gala stream",
            "is there a gala on new year's eve",
            "spring festival show time",
            "where can i watch the gala",
            "gala start time",
        ],
    }
    created = bot_client.post("/api/v1/kb/articles", json=article, headers=lead.headers)
    assert created.status_code == 201, created.text
    deadline = time.monotonic() + 120
    while True:  # the previous model answers until the new one is trained
        asking = start(bot_client, user, "en")
        reply = say(bot_client, user, asking, "what time does the spring festival gala start")
        if "/help/articles/spring-festival-gala" in turn(reply)["reply"]:
            break
        assert time.monotonic() < deadline, turn(reply)
        time.sleep(2)
