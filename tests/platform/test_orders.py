"""The platform keeps kefu's copy of its orders current."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Desk

ORDER = {"platform_user_id": "u1", "title": "Jacket", "amount_cents": 19900}


def test_orders_are_recorded_and_replaced(client: TestClient, desk: Desk) -> None:
    platform = desk.api_token("orders:write")
    first = client.put("/api/v1/platform/orders/SO-1", json=ORDER, headers=platform)
    assert first.status_code == 200, first.text
    assert first.json()["refund_status"] == "none"
    second = client.put(
        "/api/v1/platform/orders/SO-1",
        json={**ORDER, "refund_status": "refunded"},
        headers=platform,
    )
    assert second.json()["refund_status"] == "refunded"


def test_orders_need_their_scope_and_valid_fields(client: TestClient, desk: Desk) -> None:
    tickets_only = desk.api_token("tickets:write")
    refused = client.put("/api/v1/platform/orders/SO-1", json=ORDER, headers=tickets_only)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "scope_required"
    platform = desk.api_token("orders:write")
    for body in (
        {**ORDER, "refund_status": "maybe"},
        {**ORDER, "amount_cents": -1},
        {**ORDER, "refund_expected_at": "2026-12-01T00:00:00"},  # no time zone
        {**ORDER, "surprise": 1},
    ):
        response = client.put("/api/v1/platform/orders/SO-1", json=body, headers=platform)
        assert response.status_code == 422, body
    bad_number = client.put("/api/v1/platform/orders/SO%201", json=ORDER, headers=platform)
    assert bad_number.status_code == 422
