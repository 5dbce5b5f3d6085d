from __future__ import annotations

import pytest

from kefu.app import create_app
from kefu.config import ConfigError, Settings


def test_production_refuses_default_or_short_secrets() -> None:
    with pytest.raises(ConfigError, match="KEFU_PLATFORM_USER_SECRET"):
        create_app(Settings(env="production"))
    with pytest.raises(ConfigError, match="KEFU_PLATFORM_USER_SECRET"):
        Settings(env="production", platform_user_secret="short").check_secrets()
    Settings(env="production", platform_user_secret="p" * 40).check_secrets()
    Settings(env="development").check_secrets()  # development may use the default...


def test_default_secret_only_on_loopback() -> None:
    dev = Settings(env="development")
    for host in ("127.0.0.1", "localhost", "::1"):
        dev.check_secrets(host=host)
    for host in ("0.0.0.0", "192.168.1.10", "kefu.example.com"):
        with pytest.raises(ConfigError, match=r"serve on 127\.0\.0\.1"):
            dev.check_secrets(host=host)
    Settings(env="development", platform_user_secret="p" * 40).check_secrets(host="0.0.0.0")


def test_database_url_selects_backend(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv("KEFU_DATABASE_URL", "postgresql://kefu@db.internal/kefu")
    assert Settings().effective_database_url == "postgresql+psycopg://kefu@db.internal/kefu"
    monkeypatch.delenv("KEFU_DATABASE_URL")
    monkeypatch.setenv("KEFU_DATA_DIR", "/srv/kefu")
    assert Settings().effective_database_url == "sqlite:////srv/kefu/kefu.db"
    monkeypatch.setenv("KEFU_REOPEN_WINDOW_DAYS", "-1")
    with pytest.raises(ValueError, match="reopen_window_days"):
        Settings()
