"""Settings from the environment (prefix ``KEFU_``), with safe defaults for development."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET_KEY = "dev-only-secret-key-change-me"
DEV_PLATFORM_SECRET = "dev-only-platform-secret-change-me"


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to change."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KEFU_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("var")
    database_url: str = ""
    secret_key: str = DEV_SECRET_KEY
    platform_user_secret: str = Field(
        DEV_PLATFORM_SECRET,
        description="Shared secret the platform signs end-user tokens (HS256 JWT) with.",
    )
    session_hours: int = Field(12, ge=1, le=24 * 30)
    anonymous_session_days: int = Field(30, ge=1, le=365)
    reopen_window_days: int = Field(
        7, ge=0, le=365, description="A user reply reopens a solved ticket within this window."
    )
    attachment_max_bytes: int = Field(25 * 1024 * 1024, ge=1024)
    cookie_secure: bool = False
    sql_echo: bool = False

    @field_validator("database_url")
    @classmethod
    def _use_psycopg3(cls, value: str) -> str:
        # Operators paste plain postgres URLs; SQLAlchemy would pick psycopg2, which we do not ship.
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'kefu.db').resolve()}"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    def check_secrets(self) -> None:
        """Refuse to run outside development with the well-known default secrets."""
        if self.env == "production":
            weak = [
                name
                for name, value, default in (
                    ("KEFU_SECRET_KEY", self.secret_key, DEV_SECRET_KEY),
                    ("KEFU_PLATFORM_USER_SECRET", self.platform_user_secret, DEV_PLATFORM_SECRET),
                )
                if value == default or len(value) < 32
            ]
            if weak:
                raise ConfigError(
                    f"refusing to start in production with default or short secrets: "
                    f"{', '.join(weak)} (set each to a random string of at least 32 characters)"
                )


@lru_cache
def get_settings() -> Settings:
    return Settings()
