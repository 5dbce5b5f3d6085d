"""The feedback form through the HTTP API: both encodings, files checked by their bytes,
anonymous senders, and retries that never make a second ticket."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from kefu.app import create_app
from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from tests.channels.files import PDF, mp4, png
from tests.conftest import Desk

IMAGE_LIMIT = 4096
VIDEO_LIMIT = 16384


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        env="test",
        data_dir=tmp_path / "data",
        attachment_max_bytes=64 * 1024,
        feedback_image_max_bytes=IMAGE_LIMIT,
        feedback_video_max_bytes=VIDEO_LIMIT,
        feedback_max_files=3,
        inline_worker=False,
    )


@pytest.fixture
def client(settings: Settings, database: Database) -> Iterator[TestClient]:
    with TestClient(create_app(settings, database)) as test_client:
        yield test_client


def anonymous(client: TestClient) -> dict[str, str]:
    response = client.post("/api/v1/auth/anonymous", json={"locale": "zh-CN"})
    assert response.status_code in (200, 201), response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def send_form(
    client: TestClient,
    headers: dict[str, str],
    fields: dict[str, str],
    files: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
) -> httpx.Response:
    response: httpx.Response = client.post(
        "/api/v1/me/feedback",
        headers=headers,
        data=fields,
        files=[("files", (name, data, "application/octet-stream")) for name, data in files] or None,
    )
    return response


def error_code(response: httpx.Response) -> str:
    code: str = response.json()["error"]["code"]
    return code


def test_the_category_list_is_bilingual_and_public(client: TestClient) -> None:
    zh = client.get("/api/v1/feedback/categories", headers={"Accept-Language": "zh-CN"})
    assert zh.status_code == 200
    by_key = {c["key"]: c for c in zh.json()}
    assert {
        "account",
        "video",
        "live",
        "shop_refund",
        "earnings",
        "bug",
        "suggestion",
        "other",
    } <= (set(by_key))
    assert by_key["bug"]["label"] == "功能异常"
    assert by_key["bug"]["labels"] == {"en": "App problem or bug", "zh-CN": "功能异常"}
    assert by_key["suggestion"]["ticket_type"] == "suggestion"
    en = client.get("/api/v1/feedback/categories", headers={"Accept-Language": "en"}).json()
    assert en[0]["label"] == by_key[en[0]["key"]]["labels"]["en"]


def test_a_multipart_form_with_an_image_and_a_video_becomes_a_web_ticket(
    client: TestClient, desk: Desk
) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    response = send_form(
        client,
        user,
        {
            "category": "bug",
            "text": "点开直播间就闪退\n每次都这样",
            "contact_email": "me@example.com",
            "contact_phone": "138 1234 5678",
        },
        [("截图.png", png()), ("录屏.mp4", mp4())],
    )
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["category"] == "bug" and result["replayed"] is False
    number = result["ticket_number"]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert (ticket["type"], ticket["category"], ticket["channel"]) == ("incident", "app_bug", "web")
    assert {"feedback", "feedback:bug"} <= set(ticket["tags"])
    assert ticket["subject"].endswith("点开直播间就闪退")
    messages = client.get(f"/api/v1/tickets/{number}/messages", headers=lead.headers).json()
    first = messages[0]
    assert first["body"] == "点开直播间就闪退\n每次都这样"
    assert [a["content_type"] for a in first["attachments"]] == ["image/png", "video/mp4"]
    note = messages[1]
    assert note["kind"] == "internal" and "me@example.com" in note["body"]
    assert "13812345678" in note["body"]  # normalised
    # The sender sees the ticket and its files, but not the internal note.
    mine = client.get(f"/api/v1/me/tickets/{number}", headers=user).json()
    assert [m["kind"] for m in mine["messages"]] == ["public"]
    assert client.get(first["attachments"][1]["url"], headers=user).content == mp4()


def test_suggestions_go_to_the_suggestion_type(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    response = client.post(
        "/api/v1/me/feedback",
        headers=desk.user(),
        json={"category": "suggestion", "text": "Please add a dark mode", "locale": "en"},
    )
    assert response.status_code == 201, response.text
    ticket = client.get(
        f"/api/v1/tickets/{response.json()['ticket_number']}", headers=lead.headers
    ).json()
    assert (ticket["type"], ticket["category"]) == ("suggestion", "suggestion")
    assert ticket["subject"] == "Suggestions: Please add a dark mode"


def test_json_with_preuploaded_files_and_an_anonymous_sender(
    client: TestClient, desk: Desk
) -> None:
    visitor = anonymous(client)
    image = client.post(
        "/api/v1/attachments", headers=visitor, files={"file": ("a.png", png(), "image/png")}
    ).json()
    body = {"category": "shop_refund", "text": "退款一直没到账", "attachment_ids": [image["id"]]}
    response = client.post("/api/v1/me/feedback", headers=visitor, json=body)
    assert response.status_code == 201, response.text
    number = response.json()["ticket_number"]
    mine = client.get(f"/api/v1/me/tickets/{number}", headers=visitor).json()
    assert mine["type"] == "after_sales"
    assert mine["messages"][0]["attachments"][0]["id"] == image["id"]
    # Someone else's upload, or one already used, cannot be attached.
    again = client.post("/api/v1/me/feedback", headers=visitor, json=body)
    assert again.status_code == 404 and error_code(again) == "attachment_not_found"
    stranger = client.post(
        "/api/v1/me/feedback", headers=desk.user(), json={**body, "attachment_ids": [image["id"]]}
    )
    assert stranger.status_code == 404


def test_a_retried_submission_makes_one_ticket(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    lead = desk.staff("lead", Role.supervisor)
    fields = {"category": "video", "text": "视频发布失败", "client_token": "form-1"}
    first = send_form(client, user, fields, [("a.png", png())])
    retry = send_form(client, user, fields, [("a.png", png())])
    assert (first.status_code, retry.status_code) == (201, 200), retry.text
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.json()["ticket_number"] == first.json()["ticket_number"]
    assert retry.json()["replayed"] is True
    # The header works too, and wins over the body's token.
    headers = {**user, "Idempotency-Key": "k-2"}
    body = {"category": "live", "text": "直播卡顿", "client_token": "other"}
    a = client.post("/api/v1/me/feedback", headers=headers, json=body)
    b = client.post("/api/v1/me/feedback", headers=headers, json={**body, "client_token": "x"})
    assert (a.status_code, b.status_code) == (201, 200)
    # The same key for a different submission is refused; another user's key is theirs alone.
    changed = client.post("/api/v1/me/feedback", headers=headers, json={**body, "text": "别的"})
    assert changed.status_code == 409 and error_code(changed) == "idempotency_key_reused"
    other = client.post(
        "/api/v1/me/feedback", headers={**desk.user(), "Idempotency-Key": "k-2"}, json=body
    )
    assert other.status_code == 201
    mine = client.get("/api/v1/me/tickets", headers=user).json()["items"]
    assert len(mine) == 2
    queue = client.get("/api/v1/tickets", params={"tag": "feedback"}, headers=lead.headers)
    assert len(queue.json()["items"]) == 3


def test_simultaneous_retries_make_one_ticket(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    headers = {**user, "Idempotency-Key": "tap-tap-tap"}
    body = {"category": "account", "text": "登录不上了"}

    def send(_: int) -> tuple[int, int]:
        response = client.post("/api/v1/me/feedback", headers=headers, json=body)
        return response.status_code, response.json().get("ticket_number", 0)

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(send, range(6)))
    assert sorted(status for status, _ in results) == [200] * 5 + [201]
    assert len({number for _, number in results}) == 1
    assert len(client.get("/api/v1/me/tickets", headers=user).json()["items"]) == 1


@pytest.mark.parametrize(
    ("fields", "files", "status", "code"),
    [
        ({"category": "nope", "text": "x"}, [], 422, "validation_error"),
        ({"category": "bug"}, [], 422, "validation_error"),
        ({"category": "bug", "text": "   "}, [], 422, "validation_error"),
        ({"category": "bug", "text": "x" * 5001}, [], 422, "validation_error"),
        ({"category": "bug", "text": "a\x00b"}, [], 422, "validation_error"),
        (
            {"category": "bug", "text": "x", "contact_email": "not-mail"},
            [],
            422,
            "validation_error",
        ),
        ({"category": "bug", "text": "x", "contact_phone": "12"}, [], 422, "validation_error"),
        ({"category": "bug", "text": "x", "surprise": "1"}, [], 422, "validation_error"),
        ({"category": "bug", "text": "x"}, [("doc.png", PDF)], 415, "feedback_file_not_allowed"),
        ({"category": "bug", "text": "x"}, [("t.txt", b"hello")], 415, "feedback_file_not_allowed"),
        ({"category": "bug", "text": "x"}, [("e.png", b"")], 415, "feedback_file_not_allowed"),
        (
            {"category": "bug", "text": "x"},
            [("big.png", png(IMAGE_LIMIT + 1))],
            413,
            "feedback_file_too_large",
        ),
        (
            {"category": "bug", "text": "x"},
            [("big.mp4", mp4(VIDEO_LIMIT + 1))],
            413,
            "feedback_file_too_large",
        ),
        (
            {"category": "bug", "text": "x"},
            [("a.png", png()), ("b.png", png()), ("c.png", png()), ("d.png", png())],
            422,
            "feedback_too_many_files",
        ),
    ],
)
def test_bad_forms_are_refused_and_file_nothing(
    client: TestClient,
    desk: Desk,
    fields: dict[str, str],
    files: list[tuple[str, bytes]],
    status: int,
    code: str,
) -> None:
    user = desk.user()
    response = send_form(client, user, fields, files)
    assert response.status_code == status, response.text
    assert error_code(response) == code
    assert client.get("/api/v1/me/tickets", headers=user).json()["items"] == []


def test_a_video_may_be_larger_than_an_image(client: TestClient, desk: Desk) -> None:
    response = send_form(
        client, desk.user(), {"category": "video", "text": "x"}, [("v.mp4", mp4(IMAGE_LIMIT * 2))]
    )
    assert response.status_code == 201, response.text


def test_other_encodings_and_callers_are_refused(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    cases: list[tuple[dict[str, Any], int, str]] = [
        ({"content": b"category=bug", "headers": {"content-type": "text/plain"}}, 415, ""),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, ""),
        ({"content": b"[1, 2]", "headers": {"content-type": "application/json"}}, 400, ""),
    ]
    for kwargs, status, _ in cases:
        headers = {**user, **kwargs.pop("headers")}
        response = client.post("/api/v1/me/feedback", headers=headers, **kwargs)
        assert response.status_code == status, response.text
    json_body = {"category": "bug", "text": "x"}
    assert client.post("/api/v1/me/feedback", json=json_body).status_code == 401
    staff = desk.staff("agent")
    refused = client.post("/api/v1/me/feedback", headers=staff.headers, json=json_body)
    assert refused.status_code == 403 and error_code(refused) == "end_user_only"
    too_big = client.post(
        "/api/v1/me/feedback",
        headers={
            **user,
            "content-type": "multipart/form-data; boundary=x",
            "content-length": str(10**12),
        },
        content=b"",
    )
    assert too_big.status_code == 413 and error_code(too_big) == "feedback_body_too_large"
