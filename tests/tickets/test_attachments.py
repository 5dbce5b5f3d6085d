"""Attachments: checked by content, size-limited, and readable only by those who may see them."""

from __future__ import annotations

import struct
import zlib

import httpx
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from tests.conftest import Desk, new_ticket


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload(
    client: TestClient,
    headers: dict[str, str],
    name: str,
    data: bytes,
    content_type: str = "application/octet-stream",
) -> httpx.Response:
    response: httpx.Response = client.post(
        "/api/v1/attachments", headers=headers, files={"file": (name, data, content_type)}
    )
    return response


def test_user_attaches_screenshot_and_agent_downloads_it(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    uploaded = upload(client, user, "截图.png", tiny_png())
    assert uploaded.status_code == 201, uploaded.text
    meta = uploaded.json()
    assert (meta["content_type"], meta["filename"]) == ("image/png", "截图.png")

    ticket = new_ticket(client, user, body="see screenshot", attachment_ids=[meta["id"]])
    assert ticket["messages"][0]["attachments"][0]["id"] == meta["id"]

    lead = desk.staff("lead", Role.supervisor)
    download = client.get(meta["url"], headers=lead.headers)
    assert download.status_code == 200
    assert download.content == tiny_png()
    assert download.headers["content-type"] == "image/png"
    assert client.get(meta["url"], headers=user).status_code == 200
    assert client.get(meta["url"], headers=desk.user()).status_code == 404
    assert client.get(meta["url"]).status_code == 401
    sales = desk.staff("sales", teams=("after_sales",))
    client.patch(
        f"/api/v1/tickets/{ticket['number']}",
        headers=lead.headers,
        json={
            "version": client.get(
                f"/api/v1/tickets/{ticket['number']}", headers=lead.headers
            ).json()["version"],
            "team_id": desk.team_id("legal"),
        },
    )
    assert client.get(meta["url"], headers=sales.headers).status_code == 404

    # An upload is used once, by the one who uploaded it.
    reuse = client.post(
        "/api/v1/me/tickets", headers=user, json={"body": "again", "attachment_ids": [meta["id"]]}
    )
    assert (reuse.status_code, reuse.json()["error"]["code"]) == (404, "attachment_not_found")


def test_type_is_decided_by_content_not_name(client: TestClient, desk: Desk) -> None:
    user = desk.user()
    exe = upload(client, user, "photo.png", b"MZ\x90\x00" + b"\x00" * 200, "image/png")
    assert (exe.status_code, exe.json()["error"]["code"]) == (415, "attachment_type_not_allowed")
    text = upload(client, user, "log.txt", "错误日志: crash at 12:00".encode())
    assert text.json()["content_type"] == "text/plain"
    pdf = upload(
        client, user, "evidence.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    )
    assert pdf.json()["content_type"] == "application/pdf"
    mp4 = upload(client, user, "clip.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100)
    assert mp4.json()["content_type"] == "video/mp4"


def test_size_limit_and_sign_in_are_enforced(client: TestClient, desk: Desk) -> None:
    big = upload(client, desk.user(), "big.txt", b"a" * (64 * 1024 + 1))
    assert (big.status_code, big.json()["error"]["code"]) == (413, "attachment_too_large")
    assert upload(client, {}, "a.txt", b"hello").status_code == 401
    missing = client.post("/api/v1/attachments", headers=desk.user())
    assert missing.status_code == 422
