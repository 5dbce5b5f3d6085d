"""Settings from the environment (prefix ``KEFU_``), with safe defaults for development."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from kefu.kit.phone import normalize_phone

DEV_PLATFORM_SECRET = "dev-only-platform-secret-change-me"


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to change."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KEFU_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("var")
    database_url: str = ""
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
    feedback_image_max_bytes: int = Field(
        10 * 1024 * 1024,
        ge=1024,
        description="Largest image the feedback form accepts (the bytes decide what is an image).",
    )
    feedback_video_max_bytes: int = Field(
        100 * 1024 * 1024, ge=1024, description="Largest video the feedback form accepts."
    )
    feedback_max_files: int = Field(
        9, ge=0, le=10, description="Most images and videos one feedback submission may carry."
    )
    triage_min_confidence: float = Field(
        0.6, ge=0, le=1, description="Below this, a new ticket waits in the needs-triage queue."
    )
    cookie_secure: bool = False
    # Facts the help centre and the bot state; articles say {{platform_name}}, {{hotline}}, ...
    platform_name: str = "Kefu Video"
    hotline: str = "400-000-0000"
    support_email: str = "support@kefu.example"
    website: str = "https://help.kefu.example"
    service_hours: str = Field(
        "09:00-22:00",
        pattern=r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$",
        description="When people staff the desk, every day, as HH:MM-HH:MM in service_timezone.",
    )
    service_timezone: str = "Asia/Shanghai"
    # What "Is this really kefu?" (/help/verify) accepts besides the hotline, support e-mail and
    # website above: comma lists, e.g. "+86 10 1234 5678, 95xxx" and "kefu.example, kefu.cn".
    official_phones: str = Field(
        "", description="Other official phone numbers (comma list), besides the hotline."
    )
    official_domains: str = Field(
        "",
        description="Other official domains (comma list); their subdomains are official too.",
    )
    # Optional OpenAI-compatible endpoint that writes answers from the retrieved articles.
    llm_base_url: str = Field("", description="e.g. http://127.0.0.1:8080/v1; empty turns it off")
    llm_api_key: str = ""
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = Field(10.0, gt=0, le=120)
    bot_handoff_recall: float = Field(
        0.55,
        ge=0.05,
        le=0.99,
        description="Share of cases for a person the bot hands off (estimated out of fold in "
        "training): higher hands off more, lower answers more. 0.55 was chosen on eval/bot's "
        "three tuning sets, for precision first.",
    )
    bot_min_confidence: float = Field(
        0.45, ge=0, le=1, description="Below this the bot asks the user to rephrase."
    )
    redis_url: str = Field(
        "",
        description="redis://host:6379/0 carries real-time events between web processes; "
        "empty keeps them inside one process.",
    )
    inline_worker: bool = Field(
        True,
        description="Run background jobs in a thread of the web process; turn off when "
        "separate `kefu worker` processes run them.",
    )
    webhook_allowed_hosts: str = Field(
        "",
        description="Comma list of host names, addresses or CIDR networks (10.0.0.0/8, ::1, "
        "hooks.internal) that outbound webhooks may reach although they are private, loopback "
        "or reserved, and that may use plain http.",
    )
    webhook_allow_http: bool = Field(
        False, description="Let webhook URLs use plain http to any host (https otherwise)."
    )
    webhook_timeout: float = Field(
        10.0, gt=0, le=60, description="Seconds to connect, and between bytes, per webhook POST."
    )
    # E-mail channel (src/kefu/channels/email). Each part is off until its host or port is set.
    smtp_listen_host: str = Field(
        "127.0.0.1", description="Address kefu's own SMTP listener binds (inbound mail)."
    )
    smtp_listen_port: int | None = Field(
        None, ge=1, le=65535, description="Port of kefu's SMTP listener; unset keeps it off."
    )
    smtp_host: str = Field(
        "", description="Outbound SMTP server for replies to e-mail tickets; empty sends nothing."
    )
    smtp_port: int = Field(587, ge=1, le=65535, description="Port of the outbound SMTP server.")
    smtp_user: str = Field("", description="User name for the outbound server; empty skips AUTH.")
    smtp_password: str = Field("", description="Password for the outbound SMTP server.")
    smtp_starttls: bool = Field(
        True, description="Upgrade the outbound connection with STARTTLS before sending."
    )
    smtp_timeout: float = Field(
        30.0, gt=0, le=600, description="Seconds to wait on the SMTP or IMAP server."
    )
    email_from: str = Field(
        "", description="From address of replies sent by e-mail; empty uses support_email."
    )
    imap_host: str = Field(
        "", description="IMAP server of an existing mailbox to poll; empty keeps polling off."
    )
    imap_port: int = Field(993, ge=1, le=65535, description="Port of the IMAP server.")
    imap_ssl: bool = Field(True, description="Use IMAP over TLS (port 993); false for plain.")
    imap_user: str = Field("", description="IMAP user name.")
    imap_password: str = Field("", description="IMAP password.")
    imap_folder: str = Field("INBOX", description="Mailbox folder to poll.")
    imap_poll_seconds: float = Field(
        60.0, ge=1, le=86400, description="Seconds between two polls of the IMAP folder."
    )
    # Interim first-response targets per priority, read by the dashboard until sla/ lands.
    sla_first_response_hours_urgent: float = Field(
        1, gt=0, le=24 * 30, description="Interim first-response target for urgent tickets."
    )
    sla_first_response_hours_high: float = Field(
        4, gt=0, le=24 * 30, description="Interim first-response target for high priority."
    )
    sla_first_response_hours_normal: float = Field(
        24, gt=0, le=24 * 30, description="Interim first-response target for normal priority."
    )
    sla_first_response_hours_low: float = Field(
        72, gt=0, le=24 * 30, description="Interim first-response target for low priority."
    )
    sql_echo: bool = False

    @field_validator("database_url")
    @classmethod
    def _use_psycopg3(cls, value: str) -> str:
        # Operators paste plain postgres URLs; SQLAlchemy would pick psycopg2, which we do not ship.
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("webhook_allowed_hosts")
    @classmethod
    def _host_list(cls, value: str) -> str:
        entries = [entry.strip().lower() for entry in value.split(",") if entry.strip()]
        for entry in entries:
            if not _is_network(entry) and not _HOST_NAME.fullmatch(entry):
                raise ValueError(f"{entry!r} is neither a host name nor an address or network")
        return ",".join(entries)

    @field_validator("official_phones")
    @classmethod
    def _phone_list(cls, value: str) -> str:
        entries = [entry.strip() for entry in value.split(",") if entry.strip()]
        for entry in entries:
            if normalize_phone(entry) is None:
                raise ValueError(f"{entry!r} is not a phone number")
        return ",".join(entries)

    @field_validator("official_domains")
    @classmethod
    def _domain_list(cls, value: str) -> str:
        entries = [entry.strip().lower().rstrip(".") for entry in value.split(",") if entry.strip()]
        for entry in entries:
            if "." not in entry or not _HOST_NAME.fullmatch(entry):
                raise ValueError(f"{entry!r} is not a domain name (e.g. kefu.example)")
        return ",".join(entries)

    @field_validator("service_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use a name like Asia/Shanghai)"
            ) from None
        return value

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'kefu.db').resolve()}"

    @property
    def effective_email_from(self) -> str:
        return self.email_from or self.support_email

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def has_default_secret(self) -> bool:
        return self.platform_user_secret == DEV_PLATFORM_SECRET

    def check_secrets(self, *, host: str | None = None) -> None:
        """Refuse the well-known development secret in production, and anywhere it could be
        reached from another machine: with it anyone can sign in as any end user."""
        weak = self.has_default_secret or len(self.platform_user_secret) < 32
        if self.env == "production" and weak:
            raise ConfigError(
                "refusing to start in production with a default or short "
                "KEFU_PLATFORM_USER_SECRET (set it to a random string of at least 32 characters)"
            )
        if host is not None and self.has_default_secret and not _is_loopback(host):
            raise ConfigError(
                f"refusing to listen on {host} with the development KEFU_PLATFORM_USER_SECRET: "
                "set a secret, or serve on 127.0.0.1"
            )


_HOST_NAME = re.compile(
    r"(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?"
)


def _is_network(value: str) -> bool:
    try:
        ipaddress.ip_network(value.strip("[]"), strict=False)
    except ValueError:
        return False
    return True


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@lru_cache
def get_settings() -> Settings:
    return Settings()
