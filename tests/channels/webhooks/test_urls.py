"""Webhook URLs that could reach the internal network are refused when they are saved."""

from __future__ import annotations

import ipaddress

import pytest
from fastapi.testclient import TestClient

from kefu.auth.models import Role
from kefu.channels.webhooks.guard import OutboundPolicy, forbidden
from kefu.config import Settings
from tests.conftest import Desk

REFUSED = [
    ("http://example.com/hook", "webhook_url_insecure"),
    ("ftp://example.com/hook", "webhook_url_invalid"),
    ("https://user:pw@example.com/hook", "webhook_url_invalid"),
    ("https:///nohost", "webhook_url_invalid"),
    ("https://127.0.0.1/hook", "webhook_url_forbidden"),
    ("https://127.0.0.1:8443/hook", "webhook_url_forbidden"),
    ("https://10.0.0.5/hook", "webhook_url_forbidden"),
    ("https://192.168.1.1/hook", "webhook_url_forbidden"),
    ("https://100.64.0.1/hook", "webhook_url_forbidden"),  # carrier-grade NAT
    ("https://169.254.169.254/latest/meta-data/", "webhook_url_forbidden"),  # cloud metadata
    ("https://0.0.0.0/hook", "webhook_url_forbidden"),
    ("https://224.0.0.1/hook", "webhook_url_forbidden"),
    ("https://2130706433/hook", "webhook_url_forbidden"),  # 127.0.0.1 written as a number
    ("https://[::1]/hook", "webhook_url_forbidden"),
    ("https://[::ffff:127.0.0.1]/hook", "webhook_url_forbidden"),  # IPv4-mapped
    ("https://[::ffff:a9fe:a9fe]/hook", "webhook_url_forbidden"),  # mapped 169.254.169.254
    ("https://[fe80::1]/hook", "webhook_url_forbidden"),
    ("https://[fd00::1]/hook", "webhook_url_forbidden"),
    ("https://[2002:7f00:1::]/hook", "webhook_url_forbidden"),  # 6to4 around 127.0.0.1
    ("https://[64:ff9b::a00:1]/hook", "webhook_url_forbidden"),  # NAT64 around 10.0.0.1
    ("https://localhost/hook", "webhook_url_forbidden"),  # a name that resolves to loopback
    ("https://no-such-host.invalid/hook", "webhook_url_unresolvable"),
]


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_unsafe_urls_are_refused(client: TestClient, desk: Desk, url: str, code: str) -> None:
    admin = desk.staff("admin", Role.admin)
    response = client.post(
        "/api/v1/webhooks",
        headers={**admin.headers, "Accept-Language": "zh-CN"},
        json={"name": "x", "url": url, "events": ["ticket.created"]},
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == code
    assert client.get("/api/v1/webhooks", headers=admin.headers).json() == []


def test_a_url_change_is_checked_too(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("admin", Role.admin)
    created = client.post(
        "/api/v1/webhooks",
        headers=admin.headers,
        json={"name": "x", "url": "https://93.184.216.34/hook", "events": ["ticket.rated"]},
    )
    assert created.status_code == 201, created.text  # a public address needs no DNS
    moved = client.patch(
        f"/api/v1/webhooks/{created.json()['id']}",
        headers=admin.headers,
        json={"url": "https://169.254.169.254/"},
    )
    assert moved.status_code == 422 and moved.json()["error"]["code"] == "webhook_url_forbidden"
    bad_event = client.post(
        "/api/v1/webhooks",
        headers=admin.headers,
        json={"name": "x", "url": "https://93.184.216.34/", "events": ["ticket.deleted"]},
    )
    assert bad_event.status_code == 422


def test_only_admins_manage_webhooks(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    response = client.get("/api/v1/webhooks", headers=lead.headers)
    assert response.status_code == 403 and response.json()["error"]["code"] == "role_required"


def test_allowed_hosts_and_networks() -> None:
    policy = OutboundPolicy.from_settings(
        Settings(env="test", webhook_allowed_hosts="hooks.internal, 10.1.0.0/16, ::1")
    )
    assert policy.names("hooks.internal") and policy.names("10.1.2.3") and policy.names("[::1]")
    assert not policy.names("10.2.0.1") and not policy.names("example.com")
    assert policy.reaches(ipaddress.ip_address("10.1.9.9"))
    assert policy.reaches(ipaddress.ip_address("::ffff:10.1.0.1"))  # mapped into the network
    assert not policy.reaches(ipaddress.ip_address("10.2.0.1"))
    assert not forbidden(ipaddress.ip_address("93.184.216.34"))
    assert not forbidden(ipaddress.ip_address("2606:2800:220:1:248:1893:25c8:1946"))
    with pytest.raises(ValueError, match="neither a host name"):
        Settings(env="test", webhook_allowed_hosts="not a host!")
