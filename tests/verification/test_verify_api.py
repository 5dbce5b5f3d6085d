"""GET /api/v1/help/verify: official channels verify, look-alikes and strangers do not."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import update

from kefu.app import create_app
from kefu.auth.codes import agent_code
from kefu.auth.models import StaffUser
from kefu.config import Settings
from kefu.kit.db import Database
from tests.conftest import Desk


def check(client: TestClient, kind: str, value: str, lang: str = "en") -> dict[str, object]:
    response = client.get(
        "/api/v1/help/verify",
        params={"kind": kind, "value": value},
        headers={"Accept-Language": lang},
    )
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()
    return result


@pytest.mark.parametrize(
    "value",
    ["400-000-0000", "4000000000", "+86 400 000 0000", "0086-400-000-0000", "４０００００００００"],
)
def test_the_hotline_verifies_however_it_is_written(client: TestClient, value: str) -> None:
    result = check(client, "phone", value)
    assert result["official"] is True and result["reason"] == "listed"
    assert result["value"] == "4000000000"
    assert result["channel"] == "our customer service hotline"
    assert "Yes" in str(result["message"])


@pytest.mark.parametrize("value", ["400-000-0001", "138 0013 8000", "+1 415 555 0100", "95588"])
def test_other_numbers_are_not_official(client: TestClient, value: str) -> None:
    result = check(client, "phone", value, lang="zh-CN")
    assert result["official"] is False and result["reason"] == "not_listed"
    assert str(result["message"]).startswith("否")
    assert result["report_url"] == "/help/feedback?category=scam"


def test_extra_official_numbers_and_domains_come_from_the_settings(
    settings: Settings, database: Database
) -> None:
    settings = settings.model_copy(
        update={"official_phones": "+86 10 8888 6666, 95588", "official_domains": "kefu.cn"}
    )
    with TestClient(create_app(settings, database)) as client:
        assert check(client, "phone", "010-8888-6666")["official"] is True
        assert check(client, "phone", "+861088886666")["official"] is True
        assert check(client, "phone", "95588")["channel"] == "an official customer service number"
        assert check(client, "url", "https://www.kefu.cn/help")["official"] is True
        assert check(client, "url", "kefu.cn.example.org")["official"] is False


def test_a_support_address_at_a_shared_mail_provider_does_not_vouch_for_its_pages(
    settings: Settings, database: Database
) -> None:
    settings = settings.model_copy(update={"support_email": "kefu@qq.com"})
    with TestClient(create_app(settings, database)) as client:
        assert check(client, "email", "kefu@qq.com")["official"] is True
        page = check(client, "url", "https://pay-refund.qq.com/login")
        assert page["official"] is False and page["reason"] == "not_listed"
        assert check(client, "email", "refund@qq.com")["official"] is False


@pytest.mark.parametrize(
    "value",
    [
        "https://help.kefu.example/articles/x",
        "help.kefu.example",
        "HTTP://KEFU.EXAMPLE./",
        "https://www.kefu.example",
        "ｈｅｌｐ．ｋｅｆｕ．ｅｘａｍｐｌｅ",
    ],
)
def test_our_website_and_its_subdomains_verify(client: TestClient, value: str) -> None:
    result = check(client, "url", value)
    assert result["official"] is True, result


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("kefu-help.com", "lookalike"),
        ("https://help.kefu.example.evil.com/", "lookalike"),
        ("https://help.kefu.example@evil.com/", "not_listed"),  # the host is evil.com
        ("https://kefü.example", "lookalike"),  # a diacritic
        ("https://kеfu.example", "lookalike"),  # a Cyrillic е
        ("https://kefu.examp1e", "lookalike"),  # a digit for a letter
        ("notkefu.example", "lookalike"),
        ("https://example.org", "not_listed"),
        ("http://127.0.0.1/", "not_listed"),
    ],
)
def test_look_alike_web_addresses_do_not_verify(
    client: TestClient, value: str, reason: str
) -> None:
    result = check(client, "url", value)
    assert result["official"] is False and result["reason"] == reason, result


def test_e_mail_addresses(client: TestClient) -> None:
    ours = check(client, "email", "  Support@KEFU.example ")
    assert ours["official"] is True and ours["value"] == "support@kefu.example"
    assert check(client, "email", "mailto:support@kefu.example")["official"] is True
    unlisted = check(client, "email", "refunds@kefu.example")  # our domain, not our mailbox
    assert unlisted["official"] is False and unlisted["reason"] == "not_listed"
    fake = check(client, "email", "support@kefu-service.com")
    assert fake["official"] is False and fake["reason"] == "lookalike"
    assert check(client, "email", "support@kefu.example.cn")["reason"] == "lookalike"


def test_agent_codes_name_active_staff(client: TestClient, desk: Desk, database: Database) -> None:
    agent = desk.staff("Li Na")
    code = agent_code(agent.id)
    for written in (code, code.lower(), f"{code[:2]}-{code[2:]}", f" {code[:2]} {code[2:]} "):
        result = check(client, "agent", written)
        assert result["official"] is True and result["agent_name"] == "Li Na", written
        assert result["value"] == code
    me = client.get("/api/v1/auth/me", headers=agent.headers).json()
    assert me["agent_code"] == code  # what the agent shows customers

    assert check(client, "agent", "KF999999")["reason"] == "not_listed"
    assert check(client, "agent", "KF0001")["reason"] == "not_listed"  # below the first code
    with database.transaction() as db:
        db.execute(update(StaffUser).where(StaffUser.id == agent.id).values(is_active=False))
    gone = check(client, "agent", code)
    assert gone["official"] is False and gone["reason"] == "inactive"
    assert gone["agent_name"] is None


@pytest.mark.parametrize(
    ("kind", "value", "code"),
    [
        ("phone", "", "verify_value_empty"),
        ("phone", "   ", "verify_value_empty"),
        ("phone", "call me maybe", "verify_value_invalid"),
        ("phone", "1" * 400, "verify_value_invalid"),
        ("email", "support at kefu", "verify_value_invalid"),
        ("url", "javascript:alert(1)", "verify_value_invalid"),
        ("url", "https://exa mple.com", "verify_value_invalid"),
        ("url", "localhost", "verify_value_invalid"),
        ("agent", "Li Na", "verify_value_invalid"),
        ("agent", "KF12", "verify_value_invalid"),
        ("fax", "123", "validation_error"),
    ],
)
def test_empty_and_absurd_input_is_a_422_with_a_code(
    client: TestClient, kind: str, value: str, code: str
) -> None:
    response = client.get("/api/v1/help/verify", params={"kind": kind, "value": value})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == code
    chinese = client.get(
        "/api/v1/help/verify",
        params={"kind": kind, "value": value},
        headers={"Accept-Language": "zh-CN"},
    )
    assert chinese.json()["error"]["message"] != response.json()["error"]["message"]


def test_a_value_too_long_for_the_query_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/help/verify", params={"kind": "url", "value": "a" * 3000})
    assert response.status_code == 422


def test_the_official_lists_are_checked_when_the_settings_load() -> None:
    assert Settings(official_domains=" Kefu.CN. , kefu.example").official_domains == (
        "kefu.cn,kefu.example"
    )
    with pytest.raises(ValidationError):
        Settings(official_phones="400-000-0000, call us")
    with pytest.raises(ValidationError):
        Settings(official_domains="kefu")
